// hub-intake template <blank-form.docx>: propose a template for a new form, as JSON on stdout
// (or --out <file>); what it was unsure of goes to stderr, for the hub manager to check.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../core/catalogue';
import { readDocx } from '../core/docx/read-docx';
import { proposeTemplate } from '../core/templates/propose';
import { UsageError } from './usage';

export async function template(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('template needs exactly one blank form (.docx).');
  const path = positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    process.stderr.write(`hub-intake: no such file: ${path}\n`);
    return 2;
  }
  const read = readDocx(bytes);
  if (!read.ok) {
    process.stderr.write(`hub-intake: ${path}: ${read.error.message}\n`);
    return 1;
  }
  const { template: proposed, unsure } = proposeTemplate(read.document, loadCatalogue().hubs);
  const json = `${JSON.stringify(proposed, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
  if (unsure.length) process.stderr.write(`Check before saving:\n${unsure.map((line) => `  - ${line}`).join('\n')}\n`);
  return 0;
}
