// hub-intake template <blank-form.docx | template.json>
//   .docx: propose a template for a new form, as JSON on stdout (or --out <file>); what it was
//          unsure of goes to stderr, for the hub manager to check.
//   .json: check a template the hub manager reviewed; with --save, save it to the site's Form
//          Templates list for every hub manager, and add its form's columns to the Applications list.
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import {
  addFormColumns,
  saveSiteTemplate,
  type SiteTemplate,
  TemplateExists,
  TemplatesListMissing,
  TemplateTooLarge,
  TEMPLATES_LIST,
} from '../adapters/graph';
import { loadCatalogue, parseTemplate, type Template } from '../core/catalogue';
import { readDocx } from '../core/docx/read-docx';
import { applicationColumns } from '../core/record';
import { proposeTemplate } from '../core/templates/propose';
import { connect, type ConnectionFlags } from './connection';
import { TARGET_OPTIONS } from './filing-commands';
import { UsageError } from './usage';

const out = (text: string) => process.stdout.write(text);
const fail = (message: string, status = 1) => {
  process.stderr.write(`hub-intake: ${message}\n`);
  return status;
};

type Values = ConnectionFlags & { out?: string | undefined; save?: boolean | undefined; replace?: boolean | undefined };

export async function template(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...TARGET_OPTIONS,
      out: { type: 'string' },
      save: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('template needs exactly one blank form (.docx) or template (.json).');
  if (values.replace && !values.save) throw new UsageError('--replace goes with --save.');
  const path = positionals[0]!;
  if (/\.json$/i.test(path)) return templateFile(path, values);
  if (values.save)
    throw new UsageError(
      'a proposed template is saved after review: write it with --out, check it, then run `hub-intake template <file.json> --save`.',
    );
  return propose(path, values);
}

function propose(path: string, values: Values): number {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return fail(`no such file: ${path}`, 2);
  }
  const read = readDocx(bytes);
  if (!read.ok) return fail(`${path}: ${read.error.message}`);
  const { template: proposed, unsure } = proposeTemplate(read.document, loadCatalogue().hubs);
  const json = `${JSON.stringify(proposed, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else out(json);
  if (unsure.length) process.stderr.write(`Check before saving:\n${unsure.map((line) => `  - ${line}`).join('\n')}\n`);
  return 0;
}

/** A template file: checked as the catalogue checks it; with --save, saved to the site. */
async function templateFile(path: string, values: Values): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(`no such file: ${path}`, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`${path} is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  let template: Template;
  try {
    template = parseTemplate(data, path, loadCatalogue().hubs);
    applicationColumns([template]); // a field key the list uses for its own column is refused here
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.out) writeFileSync(values.out, `${JSON.stringify(template, null, 2)}\n`);
  if (!values.save) {
    out(
      `${path}: a valid template, ${template.id} (${template.programme}): ${template.fields.length} fields, ${template.signatories.length} signatories.\n`,
    );
    return 0;
  }
  return save(template, values);
}

async function save(template: Template, values: Values): Promise<number> {
  const connection = connect(values, 'provision');
  const savedBy = process.env.HUB_INTAKE_USER || userInfo().username;
  let saved: SiteTemplate;
  let replaced = false;
  try {
    try {
      saved = await saveSiteTemplate(connection.client, connection.site, template, { savedBy });
    } catch (error) {
      if (!(error instanceof TemplateExists) || !values.replace) throw error;
      // Replace the one just read, and only if no one changes it meanwhile.
      saved = await saveSiteTemplate(connection.client, connection.site, template, { savedBy, replace: { eTag: error.current.eTag } });
      replaced = true;
    }
  } catch (error) {
    if (error instanceof TemplateExists) {
      const when = error.current.savedAt ? `, saved ${error.current.savedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
      return fail(
        values.replace
          ? `the template ${template.id} was changed by someone else just now (${error.current.source}${when}); look at it again, then run this again to replace it.`
          : `a template with the id ${template.id} is already saved (${error.current.source}${when}). Review it against yours, then run this again with --replace to save yours over it.`,
      );
    }
    if (error instanceof TemplatesListMissing || error instanceof TemplateTooLarge) return fail(error.message);
    throw error;
  }
  out(`${replaced ? 'Replaced' : 'Saved'} template ${template.id} in the "${TEMPLATES_LIST}" list (item ${saved.itemId}).\n`);
  // Filing writes only the columns the list has: add this form's now, so that its answers are kept.
  const columns = await addFormColumns(connection.client, connection.site, connection.list, [template]);
  out(
    `List "${connection.list}": ${columns.added.length ? `${columns.added.length} columns added (${columns.added.join(', ')})` : 'has a column for every field of the form'}\n`,
  );
  for (const clash of columns.clashes) out(`! ${clash}\n`);
  return 0;
}
