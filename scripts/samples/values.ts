// Values for sample forms: each field's cell content together with the value a correct checker
// must extract, written by applying forms.md's rules by hand (never by running a checker).
//
// A field's value is a plain string (typed into the cell as is; the expected value follows from
// the field's type: text folded and quotes normalised, e-mail lower-cased, URN without spaces,
// TRN digits only, …) or a Val: cell content written with the docx writer plus the expected value.
import type { DocWriter, Xml } from '../word/docx-writer';
import {
  HUBS,
  type CellFill,
  type FormId,
  type HistoryRowFill,
  type PdRowFill,
  type ReadinessCell,
  type ReadinessFill,
  type SmsCell,
  type SmsFill,
  type TfmCell,
  type TfmFill,
} from './forms';

export interface Val {
  readonly cell: CellFill;
  /** The expected value; when left out it follows from `text` and the field's type. */
  readonly expect?: unknown;
  readonly text?: string;
}
export type V = string | Val | null | undefined;

export type FieldType = 'text' | 'multiline' | 'email' | 'urn' | 'trn' | 'phone' | 'hub' | 'yesNo' | 'number' | 'rows' | 'statement';

export interface FieldSpec {
  readonly key: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** "maximum N words" */
  readonly maxWords?: number;
  /** "approx. N words" */
  readonly approxWords?: number;
}

export interface SignatorySpec {
  readonly role: string;
  readonly emailKey: string;
  readonly nameKey: string;
}

export interface FormInfo {
  readonly formId: FormId;
  readonly fields: readonly FieldSpec[];
  readonly signatories: readonly SignatorySpec[];
  /** Where the form is to be sent. */
  readonly sendTo: string;
  /** The deadline as an instant (UTC). */
  readonly deadline: string;
  /** Hubs allowed on this form (the 35, or the 10 Northern Powerhouse hubs). */
  readonly hubs: 'all' | 'northern-powerhouse';
}

const f = (key: string, type: FieldType, more: Partial<FieldSpec> = {}): FieldSpec => ({ key, type, ...more });

export const FORM_INFO: Readonly<Record<FormId, FormInfo>> = {
  'secondary-mastery-specialist-2018': {
    formId: 'secondary-mastery-specialist-2018',
    fields: [
      f('schoolName', 'text', { required: true }),
      f('schoolUrn', 'urn', { required: true }),
      f('mathsHub', 'hub', { required: true }),
      f('teacherName', 'text', { required: true }),
      f('teacherEmail', 'email', { required: true }),
      f('teacherNcetmUsername', 'text'),
      f('headOfDepartmentName', 'text', { required: true }),
      f('headOfDepartmentEmail', 'email', { required: true }),
      f('headteacherName', 'text', { required: true }),
      f('headteacherEmail', 'email', { required: true }),
      f('qtsStatus', 'yesNo', { required: true }),
      f('yearsTeaching', 'number'),
      f('teachingGroups', 'text'),
      f('currentRole', 'text'),
      f('otherAwards', 'text'),
      f('teachingHistory', 'rows'),
      f('professionalDevelopment', 'rows'),
      f('applicantStatement', 'statement', { required: true, maxWords: 300 }),
      f('headteacherStatement', 'statement', { required: true, maxWords: 300 }),
    ],
    signatories: [
      { role: 'headteacher', emailKey: 'headteacherEmail', nameKey: 'headteacherName' },
      { role: 'headOfDepartment', emailKey: 'headOfDepartmentEmail', nameKey: 'headOfDepartmentName' },
      { role: 'applicant', emailKey: 'teacherEmail', nameKey: 'teacherName' },
    ],
    sendTo: 'mathshubs@ncetm.org.uk',
    deadline: '2018-06-07T16:00:00Z', // 5pm BST, Thursday 7 June 2018
    hubs: 'all',
  },
  'secondary-tfm-workgroup-eoi-2021': {
    formId: 'secondary-tfm-workgroup-eoi-2021',
    fields: [
      f('schoolName', 'text', { required: true }),
      f('schoolAddress', 'multiline', { required: true }),
      f('schoolUrn', 'urn', { required: true }),
      f('contactTelephone', 'phone', { required: true }),
      f('headteacherName', 'text', { required: true }),
      f('headteacherEmail', 'email', { required: true }),
      f('headteacherTrn', 'trn'),
      f('headOfDepartmentName', 'text', { required: true }),
      f('headOfDepartmentEmail', 'email', { required: true }),
      f('headOfDepartmentTrn', 'trn'),
      f('mathsHub', 'hub'),
      f('teacher1Name', 'text', { required: true }),
      f('teacher1Email', 'email', { required: true }),
      f('teacher1Trn', 'trn'),
      f('teacher1YearGroups', 'text'),
      f('teacher1Role', 'text'),
      f('teacher2Name', 'text', { required: true }),
      f('teacher2Email', 'email', { required: true }),
      f('teacher2Trn', 'trn'),
      f('teacher2YearGroups', 'text'),
      f('teacher2Role', 'text'),
      f('workedWithSpecialist', 'yesNo', { required: true }),
      f('specialistDetails', 'text'), // required when workedWithSpecialist is true
      f('headOfDepartmentStatement', 'statement', { required: true, approxWords: 150 }),
    ],
    signatories: [
      { role: 'headteacher', emailKey: 'headteacherEmail', nameKey: 'headteacherName' },
      { role: 'headOfDepartment', emailKey: 'headOfDepartmentEmail', nameKey: 'headOfDepartmentName' },
      { role: 'advocate1', emailKey: 'teacher1Email', nameKey: 'teacher1Name' },
      { role: 'advocate2', emailKey: 'teacher2Email', nameKey: 'teacher2Name' },
    ],
    sendTo: 'jmn@balcarras.gloucs.sch.uk',
    deadline: '2021-05-27T23:00:00Z', // end of 27 May 2021, UK time (BST)
    hubs: 'all',
  },
  'primary-mastery-readiness-2018': {
    formId: 'primary-mastery-readiness-2018',
    fields: [
      f('schoolName', 'text', { required: true }),
      f('schoolAddress', 'multiline', { required: true }),
      f('schoolUrn', 'urn', { required: true }),
      f('telephone', 'phone', { required: true }),
      f('headteacherName', 'text', { required: true }),
      f('headteacherEmail', 'email', { required: true }),
      f('mathsHub', 'hub', { required: true }),
      f('lead1Name', 'text', { required: true }),
      f('lead1Email', 'email', { required: true }),
      f('lead1Telephone', 'phone'),
      f('lead1Roles', 'text'),
      f('lead2Name', 'text', { required: true }),
      f('lead2Email', 'email', { required: true }),
      f('lead2Telephone', 'phone'),
      f('lead2Roles', 'text'),
      f('headteacherStatement', 'statement', { required: true }),
    ],
    signatories: [
      { role: 'headteacher', emailKey: 'headteacherEmail', nameKey: 'headteacherName' },
      { role: 'leadTeacher1', emailKey: 'lead1Email', nameKey: 'lead1Name' },
      { role: 'leadTeacher2', emailKey: 'lead2Email', nameKey: 'lead2Name' },
    ],
    sendTo: 'jspringhall@carmel.org.uk',
    deadline: '2018-05-25T23:00:00Z', // end of 25 May 2018, UK time (BST)
    hubs: 'northern-powerhouse',
  },
};

// ---------------------------------------------------------------------------------------------
// Normalisation of plain typed values (forms.md "Conventions for every form")

/** Trim, fold white space, normalise smart quotes and non-breaking spaces. */
export function clean(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function expectFromText(type: FieldType, key: string, text: string): unknown {
  const c = clean(text);
  if (c === '') return null;
  switch (type) {
    case 'text':
    case 'phone':
      return c;
    case 'multiline':
      return text.split('\n').map(clean).filter(Boolean).join('\n');
    case 'email':
      return c.toLowerCase();
    case 'urn':
      return c.replace(/\s/g, '');
    case 'trn':
      return c.replace(/\D/g, '');
    case 'number':
      if (!/^\d+$/.test(c)) throw new Error(`${key}: write "${text}" with years(written, value)`);
      return Number(c);
    case 'hub':
      if (!HUBS.includes(c)) throw new Error(`${key}: "${text}" is not a canonical hub name; use hub(written, canonical)`);
      return c;
    default:
      throw new Error(`${key}: a ${type} value needs a Val with its expected value`);
  }
}

export function resolve(type: FieldType, key: string, value: V): { cell: CellFill; expect: unknown } {
  if (value == null) return { cell: value, expect: null };
  if (typeof value === 'string') return { cell: value, expect: expectFromText(type, key, value) };
  if ('expect' in value) return { cell: value.cell, expect: value.expect };
  if (value.text === undefined) throw new Error(`${key}: a Val needs expect or text`);
  return { cell: value.cell, expect: expectFromText(type, key, value.text) };
}

// ---------------------------------------------------------------------------------------------
// Helpers for the ways applicants write answers

/** A hub as written on the form, with the canonical name it stands for. */
export const hub = (written: string, canonical: string): Val => {
  if (!HUBS.includes(canonical)) throw new Error(`unknown hub ${canonical}`);
  return { cell: written, expect: canonical };
};

/** Years of teaching as written ("three", "6 years") with the number. */
export const years = (written: string, value: number): Val => ({ cell: written, expect: value });

/** Any cell content with its expected value. */
export const rich = (cell: (w: DocWriter) => Xml | Xml[], expect: unknown): Val => ({ cell, expect });

/** Text that the checker reads as is, in cell content written some other way. */
export const richText = (cell: (w: DocWriter) => Xml | Xml[], text: string): Val => ({ cell, text });

/** An e-mail given only as a mailto: link whose display text is the person's name. */
export const mailtoName = (displayName: string, address: string): Val => ({
  cell: (w) => w.p(w.hyperlink(`mailto:${address}`, displayName)),
  expect: address.toLowerCase(),
});

/** A content control still showing "Click or tap here to enter text." (run-level). */
export const placeholder = (alias: string): Val => ({ cell: (w) => w.p(w.sdt(null, { alias, tag: alias })), expect: null });
/** A content control wrapping the cell's paragraph, still showing its placeholder. */
export const placeholderBlock = (alias: string): Val => ({ cell: (w) => w.blockSdt(null, { alias, tag: alias }), expect: null });
/** A filled run-level content control. */
export const inControl = (alias: string, text: string): Val => ({ cell: (w) => w.p(w.sdt(w.r(text), { alias, tag: alias, plainText: true })), text });
/** A filled block-level content control around the cell's paragraph. */
export const inBlockControl = (alias: string, text: string): Val => ({ cell: (w) => w.blockSdt(w.para(text), { alias, tag: alias }), text });
/** A legacy FORMTEXT field holding the typed value. */
export const formText = (text: string): Val => ({ cell: (w) => w.p(w.formText(text)), text });

function yesNoParagraph(w: DocWriter, answer: boolean, mark: 'strike' | 'highlight' | 'bold', paren: boolean): Xml {
  const other = mark === 'strike';
  const marked = (word: 'Yes' | 'No') => (word === 'Yes') === answer !== other;
  const props = (word: 'Yes' | 'No') =>
    marked(word) ? (mark === 'strike' ? { strike: true } : mark === 'highlight' ? { highlight: 'yellow' } : { bold: true }) : {};
  return w.p([paren ? w.r('(') : null, w.r('Yes', props('Yes')), w.r('/'), w.r('No', props('No')), paren ? w.r(')') : null].filter((x): x is Xml => x !== null));
}

/** The ways a Yes/No prompt gets answered. `paren` for the "(Yes/No)" prompt. */
export const yn = {
  typed: (text: string, answer: boolean | null): Val => ({ cell: text, expect: answer }),
  /** Strike through the other word. */
  strike: (answer: boolean, paren = false): Val => ({ cell: (w) => yesNoParagraph(w, answer, 'strike', paren), expect: answer }),
  highlight: (answer: boolean, paren = false): Val => ({ cell: (w) => yesNoParagraph(w, answer, 'highlight', paren), expect: answer }),
  bold: (answer: boolean, paren = false): Val => ({ cell: (w) => yesNoParagraph(w, answer, 'bold', paren), expect: answer }),
  /** Delete the other word with track changes on. */
  trackedDelete: (answer: boolean, meta: { author: string; date: string }): Val => ({
    cell: (w) => w.p(answer ? [w.r('Yes'), w.del('/No', {}, meta)] : [w.del('Yes/', {}, meta), w.r('No')]),
    expect: answer,
  }),
  /** Legacy FORMCHECKBOX fields before Yes and No. */
  legacyCheckboxes: (answer: boolean): Val => ({
    cell: (w) => w.p([w.formCheckbox(answer), w.r(' Yes    '), w.formCheckbox(!answer), w.r(' No')]),
    expect: answer,
  }),
  /** Word 2010 checkbox content controls before Yes and No. */
  checkboxes: (answer: boolean): Val => ({
    cell: (w) => w.p([w.checkbox(answer, { alias: 'Yes', tag: 'SpecialistYes' }), w.r(' Yes     '), w.checkbox(!answer, { alias: 'No', tag: 'SpecialistNo' }), w.r(' No')]),
    expect: answer,
  }),
  /** The prompt left as it is. */
  prompt: (): Val => ({ cell: undefined, expect: null }),
};

/** A person in one cell ("name and e-mail"): the cell content with the two expected values. */
export interface PersonVal {
  readonly cell: CellFill;
  readonly name: string | null;
  readonly email: string | null;
}

export const person = {
  /** `Mrs Jane Smith, J.Smith@school.org.uk` */
  comma: (name: string, email: string): PersonVal => ({ cell: `${name}, ${email}`, name: clean(name), email: email.toLowerCase() }),
  /** `Jane Smith (jsmith@x.sch.uk)` */
  paren: (name: string, email: string): PersonVal => ({ cell: `${name} (${email})`, name: clean(name), email: email.toLowerCase() }),
  /** Name and address on two lines (two paragraphs). */
  lines: (name: string, email: string): PersonVal => ({ cell: `${name}\n${email}`, name: clean(name), email: email.toLowerCase() }),
  /** Name, then the address as a HYPERLINK field in brackets. */
  parenField: (name: string, email: string): PersonVal => ({
    cell: (w) => w.p([w.r(`${name} (`), w.fieldHyperlink(`mailto:${email}`, email), w.r(')')]),
    name: clean(name),
    email: email.toLowerCase(),
  }),
  nameOnly: (name: string): PersonVal => ({ cell: name, name: clean(name), email: null }),
};

/** A statement: paragraphs typed into the box (an empty paragraph between some, as people do). */
export function statement(paragraphs: readonly string[], options: { blankBetween?: boolean; trailingBlank?: number } = {}): Val {
  return {
    cell: (w) => {
      const out: Xml[] = [];
      paragraphs.forEach((text, i) => {
        if (i > 0 && options.blankBetween) out.push(w.p());
        out.push(w.para(text));
      });
      for (let i = 0; i < (options.trailingBlank ?? 1); i++) out.push(w.p());
      return out;
    },
    expect: paragraphs.map(clean).filter(Boolean).join('\n\n'),
  };
}

/** A statement typed into a text box placed where the answer goes. */
export function statementInTextBox(paragraphs: readonly string[]): Val {
  return {
    cell: (w) => [w.p(w.textBox(paragraphs.map((text) => w.para(text)))), w.p()],
    expect: paragraphs.map(clean).filter(Boolean).join('\n\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Per-form values → (fill for the builder, expected fields)

export interface HistoryRow {
  period?: string;
  school?: string;
  position?: string;
  /** The School cell is merged with the one above (vMerge); the row's school is the one above. */
  merged?: boolean;
}

export interface PdRow {
  year?: string;
  activity?: string;
}

type Simple<K extends string> = Partial<Record<K, V>>;

export interface SmsValues
  extends Simple<'schoolName' | 'schoolUrn' | 'mathsHub' | 'teacherName' | 'teacherEmail' | 'teacherNcetmUsername' | 'qtsStatus' | 'yearsTeaching' | 'teachingGroups' | 'currentRole' | 'otherAwards' | 'applicantStatement' | 'headteacherStatement'> {
  headOfDepartment?: PersonVal;
  headteacher?: PersonVal;
  teachingHistory?: readonly HistoryRow[];
  professionalDevelopment?: readonly PdRow[];
  extra?: Pick<SmsFill, 'labels' | 'signatures' | 'nestDetailsTable' | 'trailing'>;
}

export type Fields = Record<string, unknown>;

function simpleFields<K extends string>(info: FormInfo, values: object, skip: readonly string[]): { cells: Partial<Record<K, CellFill>>; fields: Fields } {
  const given = values as Readonly<Record<string, V>>;
  const cells: Partial<Record<K, CellFill>> = {};
  const fields: Fields = {};
  for (const spec of info.fields) {
    fields[spec.key] = null;
    if (skip.includes(spec.key)) continue;
    const { cell, expect } = resolve(spec.type, spec.key, given[spec.key]);
    cells[spec.key as K] = cell;
    fields[spec.key] = expect;
  }
  return { cells, fields };
}

const textOrNull = (s: string | undefined): string | null => (s === undefined || clean(s) === '' ? null : clean(s));

export function smsValues(values: SmsValues): { fill: SmsFill; fields: Fields } {
  const info = FORM_INFO['secondary-mastery-specialist-2018'];
  const personKeys = ['headOfDepartmentName', 'headOfDepartmentEmail', 'headteacherName', 'headteacherEmail', 'teachingHistory', 'professionalDevelopment'];
  const { cells, fields } = simpleFields<SmsCell>(info, values, personKeys);
  const fill: SmsFill = { ...cells, ...values.extra };
  fill.headOfDepartment = values.headOfDepartment?.cell;
  fill.headteacher = values.headteacher?.cell;
  fields.headOfDepartmentName = values.headOfDepartment?.name ?? null;
  fields.headOfDepartmentEmail = values.headOfDepartment?.email ?? null;
  fields.headteacherName = values.headteacher?.name ?? null;
  fields.headteacherEmail = values.headteacher?.email ?? null;

  const history = values.teachingHistory ?? [];
  fill.teachingHistory = history.map((row): HistoryRowFill => ({ period: row.period, school: row.school, position: row.position, schoolMergedFromAbove: row.merged }));
  const rows: Fields[] = [];
  let school: string | null = null;
  for (const row of history) {
    if (!row.merged) school = textOrNull(row.school);
    const entry = { period: textOrNull(row.period), school, position: textOrNull(row.position) };
    if (entry.period !== null || entry.school !== null || entry.position !== null) rows.push(entry);
  }
  fields.teachingHistory = rows;

  const pd = values.professionalDevelopment ?? [];
  fill.professionalDevelopment = pd.map((row): PdRowFill => ({ year: row.year, activity: row.activity }));
  fields.professionalDevelopment = pd
    .map((row) => ({ year: textOrNull(row.year), activity: textOrNull(row.activity) }))
    .filter((row) => row.year !== null || row.activity !== null);
  return { fill, fields: ordered(info, fields) };
}

export type TfmValues = Simple<
  | 'schoolName' | 'schoolAddress' | 'schoolUrn' | 'contactTelephone'
  | 'headteacherName' | 'headteacherEmail' | 'headteacherTrn'
  | 'headOfDepartmentName' | 'headOfDepartmentEmail' | 'headOfDepartmentTrn' | 'mathsHub'
  | 'teacher1Name' | 'teacher1Email' | 'teacher1Trn' | 'teacher1YearGroups' | 'teacher1Role'
  | 'teacher2Name' | 'teacher2Email' | 'teacher2Trn' | 'teacher2YearGroups' | 'teacher2Role'
  | 'workedWithSpecialist' | 'specialistDetails' | 'headOfDepartmentStatement'
> & { extra?: Pick<TfmFill, 'labels' | 'signatures'> };

export function tfmValues(values: TfmValues): { fill: TfmFill; fields: Fields } {
  const info = FORM_INFO['secondary-tfm-workgroup-eoi-2021'];
  const { cells, fields } = simpleFields<TfmCell>(info, values, []);
  // The GLOW hub's copy comes with the Maths Hub cell pre-filled "GLOW".
  if (values.mathsHub === undefined) fields.mathsHub = 'GLOW Maths Hub';
  return { fill: { ...cells, ...values.extra }, fields: ordered(info, fields) };
}

export type ReadinessValues = Simple<
  | 'schoolName' | 'schoolAddress' | 'schoolUrn' | 'telephone' | 'headteacherName' | 'headteacherEmail' | 'mathsHub'
  | 'lead1Name' | 'lead1Email' | 'lead1Telephone' | 'lead1Roles'
  | 'lead2Name' | 'lead2Email' | 'lead2Telephone' | 'lead2Roles' | 'headteacherStatement'
> & { extra?: Pick<ReadinessFill, 'labels' | 'signatures'> };

export function readinessValues(values: ReadinessValues): { fill: ReadinessFill; fields: Fields } {
  const info = FORM_INFO['primary-mastery-readiness-2018'];
  const { cells, fields } = simpleFields<ReadinessCell>(info, values, []);
  return { fill: { ...cells, ...values.extra }, fields: ordered(info, fields) };
}

function ordered(info: FormInfo, fields: Fields): Fields {
  const out: Fields = {};
  for (const spec of info.fields) out[spec.key] = fields[spec.key] ?? null;
  return out;
}
