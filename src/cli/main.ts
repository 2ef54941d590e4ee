// hub-intake: the command line of Hub Intake (../shared/spec/cli.md). Thin: it reads files and
// arguments, calls the core, and prints.
import { parseArgs } from 'node:util';
import { collectInputs } from './inputs';
import { checkFile } from './check-file';
import { formatReport } from './report-text';
import { catalogueWith } from './templates';
import { template } from './template-command';
import { UsageError } from './usage';

const USAGE = `Usage: hub-intake <command> [options]

Commands:
  check <path>... [--json] [--templates <dir>]
      Check application emails (.eml) and forms (.docx); folders are read recursively.
  template <blank-form.docx> [--out <file>]
      Propose a template for a new form from the blank form the hub sends out.
`;

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, templates: { type: 'string' } },
  });
  if (!positionals.length) throw new UsageError('check needs at least one path.');
  const catalogue = catalogueWith(values.templates);
  const { files, missing } = collectInputs(positionals);
  for (const path of missing) process.stderr.write(`hub-intake: no such file or folder: ${path}\n`);
  const reports = [];
  for (const file of files) {
    const report = await checkFile(file, catalogue);
    reports.push(report);
    if (!values.json) process.stdout.write(`${formatReport(report, catalogue)}\n\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  return missing.length ? 2 : 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, template };

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`hub-intake: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`hub-intake: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`hub-intake: ${e instanceof Error ? e.message : 'failed'}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
