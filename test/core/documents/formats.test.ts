// The sample forms as LibreOffice saves them in other formats (test/fixtures/formats, remade by
// scripts/make-format-fixtures.ts) read to exactly the fields of their .docx original.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import { readAttachmentList } from '../../../src/core/documents';

const dir = join(__dirname, '..', '..', 'fixtures', 'formats', 'forms');
const catalogue = loadCatalogue();
const originals = readdirSync(dir).filter((n) => n.endsWith('.docx')).sort();

async function check(name: string) {
  const [attachment] = await readAttachmentList([{ name, contentType: 'application/octet-stream', bytes: new Uint8Array(readFileSync(join(dir, name))) }]);
  return checkDocument(attachment!, name, catalogue, 'x');
}

/**
 * What the file itself does not hold: LibreOffice's RTF export writes a legacy checkbox
 * (FORMCHECKBOX) without its \formfield, so the tick is lost before any reader sees it.
 */
const LOST: Record<string, string[]> = { '02-tfm-complete.rtf': ['workedWithSpecialist'] };

describe.each(['odt', 'rtf', 'doc'])('.%s', (format) => {
  it.each(originals)(`%s read as .${format} gives the .docx's form, fields and issues`, async (original) => {
    const docx = await check(original);
    expect(docx.forms[0]?.formId).toBeTruthy();
    const name = original.replace(/\.docx$/, `.${format}`);
    const copy = await check(name);
    expect(copy.issues).toEqual([]);
    const lost = LOST[name] ?? [];
    const strip = (r: typeof docx) => r.forms.map(({ attachment: _, confidence: __, fields, issues, ...rest }) => ({
      ...rest,
      fields: Object.fromEntries(Object.entries(fields).filter(([k]) => !lost.includes(k))),
      issues: issues.filter((i) => !lost.includes(i.field ?? '')),
    }));
    expect(strip(copy)).toEqual(strip(docx));
    for (const key of lost) expect(copy.forms[0]!.fields[key]).toBeNull();
  });
});
