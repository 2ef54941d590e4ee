// hub-intake: the command line of Hub Intake (../shared/spec/cli.md). Thin: it reads files and
// arguments, calls the core, and prints.
//
// Each command's modules are loaded when it runs, not before, so that `--help` or a mistyped
// command answers at once instead of first loading the mail reader, Graph's client and MSAL.
import { parseArgs } from 'node:util';
import { TARGET_OPTIONS } from './options';
import { ConfigError, UsageError } from './usage';

const USAGE = `Usage: hub-intake <command> [options]

Commands:
  check <path>... [--json] [--templates <dir>] [--site-templates]
      Check application emails (.eml) and forms (.docx); folders are read recursively.
      --site-templates also uses the templates saved in the site's "Form Templates" list.
  template <blank-form.docx> [--out <file>]
      Propose a template for a new form from the blank form the hub sends out.
  template <template.json> [--out <file>] [--save [--replace]]
      Check a template you reviewed. --save saves it to the site's "Form Templates" list, for
      every hub manager, and adds its form's columns to the list "Applications"; --replace saves
      it over a template already saved with its id.
  provision [--json] [--templates <dir>] [--mailbox <address>]
      Create the SharePoint lists "Applications" and "Form Templates" and the library
      "Application Files", or bring them up to date (columns, indexes, views, column formatting)
      without losing data.
  file <path>... [--json] [--templates <dir>]
      Check each email and file it as one list item, with the form and the email in the library.
      Prints per email: created, updated or unchanged, with the item's id and link.
  file --mailbox <address> [--folder <name or path>] [--since <date>] [--until <date>]
       [--mark-category <name> | --move-to <folder>] [--state <dir>] [--json]
      File the emails with attachments in a mailbox folder (default the inbox) through Graph.
      Incremental: the next run reads only what changed (the delta link is kept in --state,
      default ./.hub-intake-state). --mark-category or --move-to marks what was filed.
  watch --mailbox <address> [--every 5m] [same options as file --mailbox]
      File new mail again and again until stopped (Ctrl+C); a log line per email filed.
  list [--json]
      The filed applications: a table, or with --json one JSON array of items and their fields.
  graph-emulator [--port 4000] [--data <dir>] [--token <token>] [--mailbox <address> [--seed <folder>]] [--throttle]
      Serve the local store (a Microsoft Graph subset) until stopped; with --token,
      requests need that bearer token (hub-intake sends HUB_INTAKE_TOKEN). --mailbox (with
      --seed) adds the .eml files of a folder to that mailbox's inbox; --throttle models a small
      tenant's budgets (1,200 resource units a minute; 10,000 mailbox requests per 10 minutes, 4 at once).

  provision, file and list, check --site-templates and template --save take --graph <url> (or
  HUB_INTAKE_GRAPH_URL), --site, --list, --library and --config <file> (default
  ./hub-intake.config.json); without them they use the local list store at
  http://127.0.0.1:4000/v1.0. See the README for a real tenant. The catalogue is the built-in
  templates, then the site's saved ones (file, provision), then --templates or the configured
  folder; the later wins on the same id.
`;

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...TARGET_OPTIONS, json: { type: 'boolean', default: false }, templates: { type: 'string' }, 'site-templates': { type: 'boolean', default: false } },
  });
  if (!positionals.length) throw new UsageError('check needs at least one path.');
  const { graph, site, list, library } = values;
  if (!values['site-templates'] && (graph || site || list || library)) throw new UsageError('--graph, --site, --list and --library go with --site-templates.');
  const [{ collectInputs }, { checkFile }, { formatReport }, { catalogueWith, siteTemplates }, { connect, trustedSenders }] = await Promise.all([
    import('./inputs'),
    import('./check-file'),
    import('./report-text'),
    import('./templates'),
    import('./connection'),
  ]);
  // Offline unless asked: only --site-templates talks to SharePoint, to read the saved templates.
  const saved = values['site-templates'] ? await siteTemplates(connect(values, 'list')) : [];
  const catalogue = catalogueWith(values.templates, values.config, saved);
  const trusted = trustedSenders(values.config);
  const { files, missing } = collectInputs(positionals);
  for (const path of missing) process.stderr.write(`hub-intake: no such file or folder: ${path}\n`);
  const reports = [];
  for (const file of files) {
    const report = await checkFile(file, catalogue, trusted);
    reports.push(report);
    if (!values.json) process.stdout.write(`${formatReport(report, catalogue)}\n\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return missing.length ? 2 : 0;
}

type Command = (args: string[]) => Promise<number>;

/** file --mailbox files from a mailbox folder instead of files. */
const fileCommand: Command = async (args) =>
  args.some((a) => a === '--mailbox' || a.startsWith('--mailbox=')) ? (await import('./mailbox-commands')).fileMailbox(args) : (await import('./filing-commands')).file(args);

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => Promise.resolve(check),
  template: async () => (await import('./template-command')).template,
  provision: async () => (await import('./filing-commands')).provision,
  file: () => Promise.resolve(fileCommand),
  watch: async () => (await import('./mailbox-commands')).watch,
  list: async () => (await import('./filing-commands')).list,
  'graph-emulator': async () => (await import('./filing-commands')).serveStore,
  demo: async () => (await import('./demo')).demo,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`hub-intake: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(args);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`hub-intake: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`hub-intake: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`hub-intake: ${e instanceof Error ? e.message : 'failed'}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
