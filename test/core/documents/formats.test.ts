// The sample forms as LibreOffice saves them in other formats (test/fixtures/formats, remade by
// scripts/make-format-fixtures.ts) read to exactly the fields of their .docx original.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import { readAttachmentList } from '../../../src/core/documents';

const dir = join(__dirname, '..', '..', 'fixtures', 'formats', 'forms');
const catalogue = loadCatalogue();
const originals = readdirSync(dir)
  .filter((n) => n.endsWith('.docx'))
  .sort();

async function check(name: string) {
  const [attachment] = await readAttachmentList([
    { name, contentType: 'application/octet-stream', bytes: new Uint8Array(readFileSync(join(dir, name))) },
  ]);
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
    const strip = (r: typeof docx) =>
      r.forms.map(({ attachment: _, confidence: __, fields, issues, ...rest }) => ({
        ...rest,
        fields: Object.fromEntries(Object.entries(fields).filter(([k]) => !lost.includes(k))),
        issues: issues.filter((i) => !lost.includes(i.field ?? '')),
      }));
    expect(strip(copy)).toEqual(strip(docx));
    for (const key of lost) expect(copy.forms[0]!.fields[key]).toBeNull();
  });
});

/**
 * PDF: the form is rebuilt from the positions of its text and its ruled lines (pdf.ts). What the
 * geometry cannot tell apart is not recovered: a line break typed inside a paragraph where the
 * line was full anyway (it reads as a wrapped line), two paragraphs with no spacing between them
 * where the first one's last line is full (they read as one), hidden text (not in the PDF), a
 * table drawn without borders (its text reads as paragraphs, tab-separated), and run formatting
 * other than bold (strike-through and highlight are drawn, not written, in a PDF).
 */
describe('.pdf', () => {
  it('reads at least 97 % of the fields of the .docx originals, each form identified', async () => {
    let total = 0;
    let same = 0;
    for (const original of originals) {
      const docx = await check(original);
      const pdf = await check(original.replace(/\.docx$/, '.pdf'));
      expect(pdf.forms[0]?.formId).toBe(docx.forms[0]!.formId);
      for (const [key, value] of Object.entries(docx.forms[0]!.fields)) {
        total++;
        if (JSON.stringify(pdf.forms[0]!.fields[key]) === JSON.stringify(value)) same++;
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(same / total).toBeGreaterThanOrEqual(0.97);
  });

  it('reads the ticked legacy checkbox LibreOffice draws as a crossed box', async () => {
    const pdf = await check('02-tfm-complete.pdf');
    expect(pdf.forms[0]!.fields.workedWithSpecialist).toBe(true);
  });
});
