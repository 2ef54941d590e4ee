// A programme the project has never seen: from its blank form alone, a proposed template reads
// filled copies written in different ways, with no code change. Expected values are keyed by
// the labels on the form, since the template's keys are not known in advance.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, type Template } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import { readDocx } from '../../../src/core/docx/read-docx';
import { proposeTemplate } from '../../../src/core/templates/propose';
import { labelKey } from '../../../src/core/text';

interface ExpectedValue {
  label: string;
  section: string | null;
  value: unknown;
}

const unseen = join(__dirname, '..', '..', '..', 'samples', 'unseen');
const catalogue = loadCatalogue();

function propose(): Template {
  const read = readDocx(new Uint8Array(readFileSync(join(unseen, 'blank', 'primary-mastery-specialist-2024.docx'))));
  if (!read.ok) throw new Error(read.error.code);
  return proposeTemplate(read.document, catalogue.hubs).template;
}

/** The proposed field that stands at a label (and under a section, when the label repeats). */
function fieldAt(template: Template, expected: ExpectedValue) {
  const same = template.fields.filter(
    (f) =>
      labelKey(f.label) === labelKey(expected.label) ||
      (f.type === 'rows' && f.columns?.some((c) => labelKey(c.label) === labelKey(expected.label))),
  );
  if (same.length <= 1) return same[0];
  return same.find((f) => f.section && expected.section && labelKey(f.section) === labelKey(expected.section));
}

describe('an unseen form in the same house style', () => {
  const template = propose();
  const files = readdirSync(join(unseen, 'expected'))
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('is proposed with its deadline, address, word limits and signatories', () => {
    expect(template.deadline).toMatchObject({ date: '2024-03-29', time: '17:00', timeZone: 'Europe/London' });
    expect(template.returnTo?.address).toMatch(/@/);
    expect(template.fields.filter((f) => f.wordLimit).map((f) => f.wordLimit)).toEqual([
      { words: 400, kind: 'maximum' },
      { words: 200, kind: 'approx' },
    ]);
    expect(template.signatories.map((s) => s.emailField)).toHaveLength(2);
  });

  it.each(files)('reads %s exactly as expected, field for field', (file) => {
    const expected = JSON.parse(readFileSync(join(unseen, 'expected', file), 'utf8')) as { source: string; values: ExpectedValue[] };
    const bytes = new Uint8Array(readFileSync(join(unseen, '..', '..', expected.source)));
    const report = checkDocument(bytes, file, { hubs: catalogue.hubs, templates: [...catalogue.templates, template] }, expected.source);
    const form = report.forms[0]!;
    expect(form.formId).toBe(template.id);
    // The signature cells are the signatories, checked against the email, not fields.
    const answers = expected.values.filter((v) => !/confirmation of school commitment/i.test(v.section ?? ''));
    const read = answers.map((entry) => {
      const field = fieldAt(template, entry);
      let value: unknown = field ? form.fields[field.key] : 'no field';
      if (field?.type === 'rows' && Array.isArray(value)) {
        value = value.map((row: Record<string, unknown>) => Object.fromEntries(field.columns!.map((c) => [c.label, row[c.key]])));
      }
      return { label: entry.label, section: entry.section, value };
    });
    expect(read).toEqual(answers);
  });
});
