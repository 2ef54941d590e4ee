// hub-intake: the command line of Hub Intake (../shared/spec/cli.md). Thin: it reads files and
// arguments, calls the core, and prints.
//
// Each command's modules are loaded when it runs, not before, so that `--help` or a mistyped
// command answers at once instead of first loading the mail reader, Graph's client and MSAL.
import { parseArgs } from 'node:util';
import { TARGET_OPTIONS } from './options';
import { COMMAND_HELP, ConfigError, parseErrorLine, suggest, USAGE, UsageError } from './usage';
import { version } from '../../package.json';

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...TARGET_OPTIONS,
      json: { type: 'boolean', default: false },
      templates: { type: 'string' },
      'site-templates': { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new UsageError('check needs at least one path.');
  const { graph, site, list, library } = values;
  if (!values['site-templates'] && (graph || site || list || library))
    throw new UsageError('--graph, --site, --list and --library go with --site-templates.');
  const [
    { collectInputs },
    { checkFile },
    { formatReport },
    { catalogueWith, siteTemplates },
    { connect, trustedSenders },
    { jsonArrayWriter },
    { createProgress },
    { CheckTally },
  ] = await Promise.all([
    import('./inputs'),
    import('./check-file'),
    import('./report-text'),
    import('./templates'),
    import('./connection'),
    import('./json-stream'),
    import('./progress'),
    import('./words'),
  ]);
  // Offline unless asked: only --site-templates talks to SharePoint, to read the saved templates.
  const saved = values['site-templates'] ? await siteTemplates(connect(values, 'list')) : [];
  const catalogue = catalogueWith(values.templates, values.config, saved);
  const trusted = trustedSenders(values.config);
  const { files, missing } = collectInputs(positionals);
  for (const path of missing) process.stderr.write(`hub-intake: no such file or folder: ${path}\n`);
  // Each report is printed as soon as it is made and then dropped: memory stays flat however many.
  const json = values.json ? jsonArrayWriter() : null;
  const tally = new CheckTally();
  const progress = createProgress(files.length, { enabled: !values.json });
  for (const file of files) {
    const report = await checkFile(file, catalogue, trusted);
    tally.add(report);
    if (json) await json.push(report);
    else {
      // The progress line shares the terminal only when stdout is one too.
      if (process.stdout.isTTY) progress.clear();
      process.stdout.write(`${formatReport(report, catalogue)}\n\n`);
    }
    progress.tick();
  }
  progress.clear();
  if (json) await json.end();
  else process.stdout.write(`${tally.line()}\n`);
  return missing.length ? 2 : 0;
}

type Command = (args: string[]) => Promise<number>;

/** file --mailbox files from a mailbox folder instead of files. */
const fileCommand: Command = async (args) =>
  args.some((a) => a === '--mailbox' || a.startsWith('--mailbox='))
    ? (await import('./mailbox-commands')).fileMailbox(args)
    : (await import('./filing-commands')).file(args);

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
    const about = args[0] && COMMAND_HELP[args[0]];
    process.stdout.write(about ? `${about}\n` : USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    process.stdout.write(`hub-intake ${version}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    const nearest = suggest(command, Object.keys(COMMANDS));
    process.stderr.write(
      `hub-intake: unknown command "${command}"${nearest ? `: did you mean ${nearest}?` : ''} (see hub-intake --help)\n`,
    );
    return 2;
  }
  // Before the command's own parsing, so --help works whatever else is on the line.
  if (args.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${COMMAND_HELP[command] ?? USAGE}\n`);
    return 0;
  }
  try {
    return await (
      await load()
    )(args);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`hub-intake: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`hub-intake ${command}: ${e.message} (see hub-intake ${command} --help)\n`);
      return 2;
    }
    if (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`hub-intake: ${parseErrorLine(command, e)}\n`);
      return 2;
    }
    const { explainNoAnswer } = await import('./connection');
    process.stderr.write(`hub-intake: ${explainNoAnswer(e) ?? (e instanceof Error ? e.message : 'failed')}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
