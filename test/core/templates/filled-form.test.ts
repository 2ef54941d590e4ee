// A template is often proposed from an email's attachment, which is a filled-in application, not
// the blank form. From a filled-in copy the proposal is the blank form's (but for the "Yes/No"
// prompt a filled-in copy no longer shows), reads the other copies to the same values, and holds
// nothing the applicant wrote.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadCatalogue, type Template } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import type { Paragraph, Table, WordDocument } from '../../../src/core/docx/model';
import { proposeTemplate, type Proposal } from '../../../src/core/templates/propose';
import { labelKey } from '../../../src/core/text';
import { bytesOf, documentOf, filledForms, samples } from './sample-forms';

const catalogue = loadCatalogue();
const FILLED_IN = /made from a filled-in application/;

function propose(path: string): Proposal {
  return proposeTemplate(documentOf(bytesOf(path)), catalogue.hubs);
}

interface Programme {
  /** The blank form the hub sends out. */
  blank: string;
  /** Filled-in copies as .docx files, each with what its applicant wrote (from the expected results). */
  copies: { path: string; answers: unknown[] }[];
  /** Every filled-in copy to read, attached to emails or not. */
  readable: () => Promise<[string, Uint8Array][]>;
}

const unseen = join(samples, 'unseen');
const unseenCopies = readdirSync(join(unseen, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const expected = JSON.parse(readFileSync(join(unseen, 'expected', file), 'utf8')) as { source: string; values: { value: unknown }[] };
    return { path: join(samples, '..', expected.source), answers: expected.values.map((v) => v.value) };
  });

/** The catalogue programmes' bare filled-in forms (samples/forms), grouped by form. */
function catalogueProgrammes(): [string, Programme][] {
  const byForm = new Map<string, Programme['copies']>();
  for (const file of readdirSync(join(samples, 'expected')).sort()) {
    const expected = JSON.parse(readFileSync(join(samples, 'expected', file), 'utf8')) as {
      source: string;
      forms: { formId: string; fields: Record<string, unknown> }[];
    };
    if (!expected.source.endsWith('.docx')) continue;
    const form = expected.forms[0]!;
    byForm.set(form.formId, [
      ...(byForm.get(form.formId) ?? []),
      { path: join(samples, '..', expected.source), answers: Object.values(form.fields) },
    ]);
  }
  return [...byForm].map(([formId, copies]) => [
    formId,
    { blank: join(samples, 'blank', `${formId}.docx`), copies, readable: () => filledForms(formId) },
  ]);
}

const programmes: [string, Programme][] = [
  [
    'primary-mastery-specialist-2024 (unseen)',
    {
      blank: join(unseen, 'blank', 'primary-mastery-specialist-2024.docx'),
      copies: unseenCopies,
      readable: async () => unseenCopies.map((c) => [basename(c.path), bytesOf(c.path)]),
    },
  ],
  ...catalogueProgrammes(),
];

/** What reading depends on: field keys and types, rows columns, and who signs with which email field. */
function shape(template: Template) {
  return {
    fields: template.fields.map((f) => ({ key: f.key, type: f.type, ...(f.columns ? { columns: f.columns.map((c) => c.label) } : {}) })),
    signatories: template.signatories.map((s) => ({ role: s.role, emailField: s.emailField })),
  };
}

/**
 * The template without the prompts of Yes/No questions: the blank form shows "Yes/No" where the
 * answer goes, a filled-in copy shows "Yes" (no prompt left) or ticked boxes (proposed unticked,
 * "☐ Yes ☐ No"). Either way a Yes/No answer is read the same, as the reading test shows.
 */
function withoutYesNoPrompts(template: Template): Template {
  return { ...template, fields: template.fields.map((f) => (f.type === 'yesNo' ? { ...f, prompts: [] } : f)) };
}

/** The applicant's strings of four characters or more, and each of their lines. */
function applicantStrings(answers: unknown[]): string[] {
  const out = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      for (const piece of [value, ...value.split('\n')]) if (piece.trim().length >= 4) out.add(piece.trim());
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  answers.forEach(visit);
  return [...out];
}

describe.each(programmes)('a template proposed from a filled-in %s form', (_, programme) => {
  const blank = propose(programme.blank);

  describe.each(programme.copies.map((c) => [basename(c.path), c] as const))('%s', (__, copy) => {
    const filled = propose(copy.path);

    it("has the blank form's field keys and types, rows columns and signatories", () => {
      expect(shape(filled.template)).toEqual(shape(blank.template));
    });

    it("is the blank form's template in every other part too, but for the Yes/No prompt", () => {
      expect(withoutYesNoPrompts(filled.template)).toEqual(withoutYesNoPrompts(blank.template));
    });

    it('holds nothing the applicant wrote', () => {
      const json = JSON.stringify(filled.template).toLowerCase();
      // A value the blank form's own template holds too (a hub its appendix lists) is the form's text.
      const blankJson = JSON.stringify(blank.template).toLowerCase();
      const written = applicantStrings(copy.answers).filter((s) => !blankJson.includes(s.toLowerCase()));
      expect(written.length).toBeGreaterThan(5);
      expect(written.filter((s) => json.includes(s.toLowerCase()))).toEqual([]);
    });

    it("says it was made from a filled-in form, which the blank form's proposal does not", () => {
      expect(filled.unsure.filter((line) => FILLED_IN.test(line))).toHaveLength(1);
      expect(blank.unsure.filter((line) => FILLED_IN.test(line))).toEqual([]);
    });

    it("reads the other filled-in copies to the same values as the blank form's template", async () => {
      // Each template is loaded as a hub's template is, then read alone: the built-in template of
      // the same programme would otherwise compete with it.
      const loaded = (template: Template, source: string) => {
        const loadedCatalogue = loadCatalogue([{ data: template, source }]);
        return { hubs: loadedCatalogue.hubs, templates: loadedCatalogue.templates.filter((t) => t.id === template.id) };
      };
      const fromFilled = loaded(filled.template, copy.path);
      const fromBlank = loaded(blank.template, programme.blank);
      const others = (await programme.readable()).filter(([name]) => !copy.path.endsWith(name));
      expect(others.length).toBeGreaterThanOrEqual(2);
      for (const [name, bytes] of others) {
        const theirs = checkDocument(bytes, 'f.docx', fromFilled, name).forms[0]!;
        const ours = checkDocument(bytes, 'f.docx', fromBlank, name).forms[0]!;
        expect(theirs.formId).toBe(filled.template.id);
        expect([name, theirs.fields, theirs.issues]).toEqual([name, ours.fields, ours.issues]);
      }
    });
  });
});

describe("telling the applicant's writing from the form's", () => {
  const blank = propose(join(unseen, 'blank', 'primary-mastery-specialist-2024.docx')).template;
  const typed = propose(unseenCopies[0]!.path).template;
  const field = (template: Template, label: string) => template.fields.find((f) => labelKey(f.label) === labelKey(label));

  it('takes a table whose rows are filled in for a rows field, not its first column for labels', () => {
    expect(field(typed, 'Relevant professional development')?.columns?.map((c) => c.label)).toEqual(['Year', 'Activity']);
    expect(typed.fields.map((f) => f.label)).not.toContain('2023-24');
  });

  it('finds the signature block when the signatures are typed names', () => {
    expect(typed.signatories.map((s) => [s.label, s.emailField])).toEqual(blank.signatories.map((s) => [s.label, s.emailField]));
    expect(typed.fields.map((f) => f.label)).not.toContain('Headteacher');
  });

  it('types a question answered Yes as Yes/No', () => {
    expect(field(typed, 'Qualified Teacher Status (QTS)')?.type).toBe('yesNo');
  });

  it("keeps a statement's instructions as its prompt, and not the statement under them", () => {
    expect(field(typed, 'Applicant statement')?.prompts).toEqual(field(blank, 'Applicant statement')?.prompts);
  });
});

describe('a filled-in form laid out in ways the samples are not', () => {
  const text = (t: string) => ({ kind: 'text' as const, text: t, bold: false, strike: false, highlight: false });
  const paragraph = (t: string): Paragraph => ({ kind: 'paragraph', inlines: [text(t)] });
  const table = (rows: string[][]): Table => ({
    kind: 'table',
    rows: rows.map((cells) => ({
      cells: cells.map((cell, column) => ({ blocks: cell.split('\n').map(paragraph), column, span: 1, mergeStart: false })),
    })),
  });
  const form = (answers: boolean): WordDocument => {
    const a = (value: string) => (answers ? value : '');
    return {
      blocks: [
        paragraph('Example Maths Programme 2025 Application Form'),
        paragraph('Please complete and return to programme@example-maths-hub.org.uk by 5pm on Friday 4 April 2025.'),
        paragraph('School details'),
        table([
          ['Name of school', a('Oakfield Primary School')],
          ['Headteacher', a('Mrs Ann Lee'), 'Email', a('a.lee@oakfield.sch.uk')],
        ]),
        paragraph('Applicant'),
        table([
          ['Name', a('Mr Tom Fry'), 'Email', a('t.fry@oakfield.sch.uk')],
          ['Describe your current role'],
          [a('I lead maths across the school.\nI also mentor two early career teachers.')],
        ]),
        paragraph('Headteacher statement'),
        paragraph('Please explain why the school wishes to take part (approx. 150 words).'),
        ...(answers
          ? ['We have worked with the hub for two years and want to go further with mastery.', 'Our staff are ready.', 'Mrs Ann Lee'].map(
              paragraph,
            )
          : []),
        paragraph('Declaration (electronic signatures)'),
        paragraph('We commit to the expectations of the programme.'),
        table([
          ['Headteacher', a('A Lee')],
          ['Applicant', a('T Fry')],
        ]),
      ],
    };
  };
  const blank = proposeTemplate(form(false), catalogue.hubs);
  const filled = proposeTemplate(form(true), catalogue.hubs);

  it('is proposed as from the blank form', () => {
    expect(withoutYesNoPrompts(filled.template)).toEqual(withoutYesNoPrompts(blank.template));
    expect(filled.template.signatories.map((s) => s.label)).toEqual(['Headteacher', 'Applicant']);
  });

  it('keeps the statement typed under its instructions, and the answer under a label, out of the template', () => {
    const json = JSON.stringify(filled.template);
    const written = ['Oakfield', 'Ann Lee', 'Tom Fry', 'oakfield.sch.uk', 'A Lee', 'T Fry', 'mentor', 'two years', 'staff are ready'];
    expect(written.filter((w) => json.includes(w))).toEqual([]);
    expect(filled.template.fields.find((f) => f.type === 'statement')?.prompts).toEqual([
      'Please explain why the school wishes to take part (approx. 150 words).',
    ]);
  });
});
