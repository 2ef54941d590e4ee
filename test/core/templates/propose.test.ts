// A template proposed from each catalogue form's blank reads every filled sample of that form to
// the same values as the built-in template: key for key, after mapping keys by where their labels stand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, Template } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import type { WordDocument } from '../../../src/core/docx/model';
import { layoutOf } from '../../../src/core/forms/layout';
import { locateFields } from '../../../src/core/forms/locate';
import { programmeOf, proposeTemplate } from '../../../src/core/templates/propose';
import { documentOf, filledForms, samples } from './sample-forms';

const catalogue = loadCatalogue();

/** Built-in key → proposed key, for fields whose labels stand in the same place of the form. */
function mapKeys(document: WordDocument, builtIn: Template, proposed: Template): Map<string, string> {
  const layout = layoutOf(document);
  const ours = locateFields(builtIn, layout);
  const theirs = locateFields(proposed, layout);
  const keys = new Map<string, string>();
  for (const field of builtIn.fields) {
    if (field.type === 'rows') {
      const match = proposed.fields.find((f) => f.type === 'rows' && f.columns?.[0]?.label === field.columns?.[0]?.label);
      if (match) keys.set(field.key, match.key);
      continue;
    }
    const at = ours.get(field.key)?.label.index;
    const sameFamily = (a: string, b: string) => a === b || (['name', 'text'].includes(a) && ['name', 'text'].includes(b));
    const match = proposed.fields.find((f) => theirs.get(f.key)?.label.index === at && sameFamily(f.type, field.type));
    if (match) keys.set(field.key, match.key);
  }
  return keys;
}

/** Rows keyed by column label instead of column key, so both templates' rows compare. */
function byColumnLabel(value: unknown, template: Template, key: string): unknown {
  const field = template.fields.find((f) => f.key === key);
  if (!Array.isArray(value) || field?.type !== 'rows') return value;
  return value.map((row: Record<string, string>) => Object.fromEntries(field.columns!.map((c) => [c.label, row[c.key]])));
}

describe.each(['secondary-mastery-specialist-2018', 'secondary-tfm-workgroup-eoi-2021', 'primary-mastery-readiness-2018'])(
  'a template proposed from the blank %s form',
  (formId) => {
    const builtIn = catalogue.templates.find((t) => t.id === formId)!;
    const proposal = proposeTemplate(documentOf(new Uint8Array(readFileSync(join(samples, 'blank', `${formId}.docx`)))), catalogue.hubs);
    const proposed = proposal.template;

    it("is a valid template with the programme's deadline, address, signatories and word limits", () => {
      expect(Template.safeParse(proposed).success).toBe(true);
      expect(proposed.deadline).toMatchObject({
        date: builtIn.deadline!.date,
        timeZone: 'Europe/London',
        ...(builtIn.deadline!.time ? { time: builtIn.deadline!.time } : {}),
      });
      expect(proposed.deadline?.time).toBe(builtIn.deadline?.time);
      expect(proposed.returnTo?.address).toBe(builtIn.returnTo?.address);
      expect(proposed.signatories.map((s) => s.label.trim().toLowerCase())).toEqual(expect.arrayContaining([]));
      expect(proposed.signatories).toHaveLength(builtIn.signatories.length);
      const limits = (t: Template) => t.fields.filter((f) => f.wordLimit).map((f) => [f.label, f.wordLimit]);
      expect(limits(proposed)).toEqual(limits(builtIn));
      expect(proposed.hubs).toEqual(builtIn.hubs);
    });

    it('has a field for every built-in field', async () => {
      const [, bytes] = (await filledForms(formId))[0]!;
      const keys = mapKeys(documentOf(bytes), builtIn, proposed);
      expect(builtIn.fields.map((f) => f.key).filter((k) => !keys.has(k))).toEqual([]);
    });

    it('reads every filled sample to the same values as the built-in template', async () => {
      const forms = await filledForms(formId);
      expect(forms.length).toBeGreaterThanOrEqual(2);
      for (const [source, bytes] of forms) {
        const keys = mapKeys(documentOf(bytes), builtIn, proposed);
        const ours = checkDocument(bytes, 'f.docx', { hubs: catalogue.hubs, templates: [builtIn] }, source).forms[0]!;
        const theirs = checkDocument(bytes, 'f.docx', { hubs: catalogue.hubs, templates: [proposed] }, source).forms[0]!;
        expect([source, theirs.formId]).toEqual([source, proposed.id]);
        for (const [key, proposedKey] of keys) {
          expect([source, key, byColumnLabel(theirs.fields[proposedKey], proposed, proposedKey)]).toEqual([
            source,
            key,
            byColumnLabel(ours.fields[key], builtIn, key),
          ]);
        }
      }
    });

    it("matches each signatory to the same person's email field", async () => {
      const [, bytes] = (await filledForms(formId))[0]!;
      const keys = mapKeys(documentOf(bytes), builtIn, proposed);
      expect(proposed.signatories.map((s) => s.emailField).sort()).toEqual(builtIn.signatories.map((s) => keys.get(s.emailField)).sort());
    });
  },
);

describe('the programme a form’s title names', () => {
  it.each([
    ['Primary Mastery Specialist Programme 2024/25 – Application Form', 'Primary Mastery Specialist Programme 2024/25'],
    ['Application to participate in Secondary Mastery Specialist Programme', 'Secondary Mastery Specialist Programme'],
    [
      'Secondary Mathematics Teaching for Mastery Work Group Expression of Interest Form',
      'Secondary Mathematics Teaching for Mastery Work Group',
    ],
    ['Primary Mastery Readiness Programme Declaration of Commitment', 'Primary Mastery Readiness Programme'],
    ['Application Form', 'Application Form'],
  ])('%s → %s', (title, programme) => {
    expect(programmeOf(title)).toBe(programme);
  });
});
