// What `hub-intake --help` and `hub-intake <command> --help` print, and the one-line errors for a
// command used the wrong way (with a suggestion for a mistyped command or option).

/** A command used the wrong way: main prints one line saying so and exits with status 2. */
export class UsageError extends Error {}

const TARGET = `  --graph <url>      Microsoft Graph to use (or HUB_INTAKE_GRAPH_URL); default: the local list
                     store at http://127.0.0.1:4000/v1.0
  --site <site>      "root", a site id, or "contoso.sharepoint.com:/sites/maths-hub"
  --list <title>     The applications list (default "Applications")
  --library <title>  The files library (default "Application Files")
  --config <file>    Configuration file (default ./hub-intake.config.json); see the README`;

/** Each command's help: what it does, then its options. Option names here are the ones suggested for a typo. */
export const COMMAND_HELP: Record<string, string> = {
  check: `hub-intake check <path>... [options]
  Check application emails (.eml) and forms (.docx); folders are read recursively. Prints a short
  report per input and a line of totals, or with --json one JSON array (see cli.md).

  --json             One JSON array on stdout, nothing else
  --templates <dir>  Also use the form templates (JSON) in this folder
  --site-templates   Also use the templates saved in the site's "Form Templates" list
  (with --site-templates: --graph, --site, --list, --library, --config as for file)`,
  file: `hub-intake file <path>... [options]
hub-intake file --mailbox <address> [options]
  Check each email and file it as one list item, with the form and the email in the library.
  Prints per email: created, updated, unchanged or failed, with the item's id and link, then a
  line of totals. With --mailbox, the emails with attachments in a mailbox folder, through Graph;
  the next run reads only what changed.

  --json             One JSON array of outcomes on stdout, nothing else
  --templates <dir>  Also use the form templates (JSON) in this folder
  --mailbox <address>  File from this (shared) mailbox instead of files
  --folder <name>    With --mailbox: the folder (default the inbox)
  --since <date>     With --mailbox: only mail received from this date
  --until <date>     With --mailbox: only mail received before this date
  --mark-category <name>  With --mailbox: mark what was filed with this category
  --move-to <folder>      With --mailbox: move what was filed to this folder
  --state <dir>      With --mailbox: where the next run's starting point is kept (default ./.hub-intake-state)
  --page-size <n>    With --mailbox: messages read per request
${TARGET}`,
  watch: `hub-intake watch --mailbox <address> [options]
  File new mail again and again until stopped (Ctrl+C); a line per email filed.

  --every <time>     How often to look (default 5m)
  --mailbox <address>  The (shared) mailbox
  --folder, --since, --until, --mark-category, --move-to, --state, --page-size, --json: as for file --mailbox
${TARGET}`,
  list: `hub-intake list [options]
  The filed applications: a table (times in UK time), or a spreadsheet's CSV, or JSON.

  --json             One JSON array of items and their fields
  --csv              CSV for a spreadsheet: one row per application, UK dates
${TARGET}`,
  provision: `hub-intake provision [options]
  Create the SharePoint lists "Applications" and "Form Templates" and the library "Application
  Files", or bring them up to date (columns, indexes, views, column formatting) without losing data.

  --json             The result as JSON
  --templates <dir>  Also add the columns of the form templates (JSON) in this folder
  --mailbox <address>  Also add the decision categories to this (shared) mailbox's master list
${TARGET}`,
  template: `hub-intake template <blank-form.docx> [--out <file>]
hub-intake template <template.json> [--out <file>] [--save [--replace]]
  Propose a template for a new form from the blank form the hub sends out, or check a template
  you reviewed.

  --out <file>       Write the template to this file instead of stdout
  --save             Save the template to the site's "Form Templates" list, for every hub
                     manager, and add its form's columns to the list "Applications"
  --replace          With --save: save over a template already saved with its id
${TARGET}`,
  'graph-emulator': `hub-intake graph-emulator [options]
  Serve the local store (a Microsoft Graph subset) until stopped with Ctrl+C.

  --port <port>      The port on 127.0.0.1 (default 4000)
  --data <dir>       Where it keeps its data (default .data/graph in the project)
  --token <token>    Requests need this bearer token (hub-intake sends HUB_INTAKE_TOKEN)
  --mailbox <address>  Serve this mailbox too; --seed <folder> puts that folder's .eml files in its inbox
  --seed <folder>    With --mailbox: the emails its inbox starts with
  --throttle         Model a small tenant's budgets (1,200 resource units a minute; 10,000
                     mailbox requests per 10 minutes, 4 at once)`,
  demo: `hub-intake demo [<folder of emails>]
  The whole path with nothing but Node: starts a local store, provisions the list, checks
  and files every sample email, prints what it did and the list, and stops.`,
};

export const USAGE = `Usage: hub-intake <command> [options]

Commands:
  check <path>...     Check application emails and forms, and say what each needs
  file <path>...      Check each email and file it to the SharePoint list (or --mailbox)
  watch --mailbox     File new mail from a mailbox until stopped
  list                The filed applications (a table, --csv or --json)
  provision           Create or update the SharePoint lists, columns and views
  template <file>     Propose a template for a new form, or check and save one
  graph-emulator      Serve the local store until stopped
  demo                The whole path on the sample emails, with a store of its own

  hub-intake <command> --help   what a command does, and its options
  hub-intake --version          the version

  Without --graph or a configuration, the commands that file use the local store at
  http://127.0.0.1:4000/v1.0. See the README for a real tenant.
`;

/** The options a command takes, read from its help. */
export function optionsOf(command: string): string[] {
  return [...new Set((COMMAND_HELP[command] ?? '').match(/--[a-z][a-z-]*/g) ?? []), '--help'];
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), for suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The nearest of these names, if it is near enough to be what was meant. */
export function suggest(typed: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const dist = name.startsWith(typed) && typed.length >= 3 ? 0.5 : distance(typed.toLowerCase(), name);
    if (dist < bestDistance) [best, bestDistance] = [name, dist];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** node:util parseArgs's error, as one line a person can act on. */
export function parseErrorLine(command: string, error: Error & { code?: unknown }): string {
  const help = `see hub-intake ${command} --help`;
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const typed = unknown[1]!;
    const nearest = suggest(typed.startsWith('--') ? typed : `--${typed.replace(/^-+/, '')}`, optionsOf(command));
    return `unknown option ${typed} for ${command}${nearest ? `: did you mean ${nearest}?` : ''} (${help})`;
  }
  const missing = /Option '(?:-\w, )?(--[a-z][a-z-]*)(?: <value>)?' argument missing/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missing) return `${missing[1]} needs a value (${help})`;
  const positional = /Unexpected argument '([^']+)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && positional)
    return `${command} takes no argument "${positional[1]}" (${help})`;
  return `${error.message.split('\n')[0]} (${help})`;
}

/** The configuration (file or environment) is not usable: main prints why and exits with status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
