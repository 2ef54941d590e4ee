// Samples of a form the project has never seen: the Primary Mastery Specialist Programme 2024/25
// application form (invented from seed 003, built by primaryMasterySpecialist2024 in forms.ts).
// Because no template for it is known in advance, the expected results are keyed by the label
// text on the form and the section (heading) the label stands under, not by canonical keys:
//   { source, values: [ { label, section, value } ] }  — one entry per answer place, in form order.
// Values follow forms.md's rules (see values.ts), written by hand, never by running a checker.
// All schools, people, addresses and numbers are invented (telephone numbers from Ofcom's drama
// ranges, 01632 960xxx).
import { unzipSync, strFromU8 } from 'fflate';
import type { DocWriter } from '../word/docx-writer';
import {
  HUBS,
  PRIMARY_SPECIALIST_LABELS,
  PRIMARY_SPECIALIST_PD,
  PRIMARY_SPECIALIST_SECTIONS,
  PRIMARY_SPECIALIST_SIGNATURES,
  primaryMasterySpecialist2024,
  type PrimarySpecialistCell,
  type PrimarySpecialistFill,
  type PrimarySpecialistPdRowFill,
} from './forms';
import { primaryHeadteacherStatement, primarySpecialistStatement } from './statements';
import {
  clean,
  countWords,
  hub,
  inBlockControl,
  inControl,
  mailtoName,
  person,
  placeholder,
  resolve,
  richText,
  statement,
  years,
  yn,
  type FieldType,
  type PersonVal,
  type V,
  type Val,
} from './values';

export const PRIMARY_SPECIALIST_ID = 'primary-mastery-specialist-2024';

// ---------------------------------------------------------------------------------------------
// The form's layout: every answer place, in document order, with its label, section and type.

type SignatureRole = (typeof PRIMARY_SPECIALIST_SIGNATURES)[number]['role'];

export type LayoutEntry =
  | { kind: 'cell'; key: PrimarySpecialistCell; label: string; section: string; type: FieldType; maxWords?: number; approxWords?: number }
  | { kind: 'rows'; key: 'professionalDevelopment'; label: string; section: string; columns: readonly string[] }
  | { kind: 'signature'; role: SignatureRole; label: string; section: string };

const S = PRIMARY_SPECIALIST_SECTIONS;
const cellEntry = (key: PrimarySpecialistCell, section: string, type: FieldType, more: { maxWords?: number; approxWords?: number } = {}): LayoutEntry => ({
  kind: 'cell',
  key,
  label: PRIMARY_SPECIALIST_LABELS[key],
  section,
  type,
  ...more,
});

export const PRIMARY_SPECIALIST_LAYOUT: readonly LayoutEntry[] = [
  cellEntry('schoolName', S.school, 'text'),
  cellEntry('schoolAddress', S.school, 'multiline'),
  cellEntry('schoolUrn', S.school, 'urn'),
  cellEntry('telephone', S.school, 'phone'),
  cellEntry('mathsHub', S.school, 'hub'),
  cellEntry('headteacherName', S.headteacher, 'text'),
  cellEntry('headteacherEmail', S.headteacher, 'email'),
  cellEntry('applicantName', S.applicant, 'text'),
  cellEntry('applicantEmail', S.applicant, 'email'),
  cellEntry('applicantTrn', S.applicant, 'trn'),
  cellEntry('qtsStatus', S.applicant, 'yesNo'),
  cellEntry('yearsTeaching', S.applicant, 'number'),
  cellEntry('currentRole', S.applicant, 'text'),
  cellEntry('otherRoles', S.applicant, 'text'),
  { kind: 'rows', key: 'professionalDevelopment', label: PRIMARY_SPECIALIST_PD.label, section: S.applicant, columns: PRIMARY_SPECIALIST_PD.columns },
  cellEntry('applicantStatement', S.statements, 'statement', { maxWords: 400 }),
  cellEntry('headteacherStatement', S.statements, 'statement', { approxWords: 200 }),
  ...PRIMARY_SPECIALIST_SIGNATURES.map((s): LayoutEntry => ({ kind: 'signature', role: s.role, label: s.label, section: S.signatures })),
];

// ---------------------------------------------------------------------------------------------
// Values → (fill for the builder, expected label-keyed values)

export interface PdRowValue {
  year?: string;
  activity?: string;
  /** The Year cell is merged with the one above (vMerge): the row's year is the one above. */
  merged?: boolean;
}

export interface PrimarySpecialistValues extends Partial<Record<PrimarySpecialistCell, V>> {
  professionalDevelopment?: readonly PdRowValue[];
  /** Typed signatures (text); left out → the prompt "Signature of …" stays (→ null). */
  signatures?: Partial<Record<SignatureRole, V>>;
  labels?: PrimarySpecialistFill['labels'];
}

export interface ExpectedValue {
  label: string;
  section: string | null;
  value: unknown;
  occurrence?: number;
}

const textOrNull = (s: string | undefined): string | null => (s === undefined || clean(s) === '' ? null : clean(s));

export function primarySpecialistValues(values: PrimarySpecialistValues): { fill: PrimarySpecialistFill; expected: ExpectedValue[] } {
  const fill: PrimarySpecialistFill = { labels: values.labels, signatures: {} };
  const expected: ExpectedValue[] = [];
  for (const entry of PRIMARY_SPECIALIST_LAYOUT) {
    let value: unknown;
    if (entry.kind === 'cell') {
      const { cell, expect } = resolve(entry.type, entry.key, values[entry.key]);
      fill[entry.key] = cell;
      value = expect;
    } else if (entry.kind === 'signature') {
      const { cell, expect } = resolve('text', `signature:${entry.role}`, values.signatures?.[entry.role]);
      fill.signatures![entry.role] = cell;
      value = expect;
    } else {
      const rows = values.professionalDevelopment ?? [];
      fill.professionalDevelopment = rows.map((r): PrimarySpecialistPdRowFill => ({ year: r.year, activity: r.activity, yearMergedFromAbove: r.merged }));
      const [yearHeader, activityHeader] = entry.columns as readonly [string, string];
      const out: Record<string, string | null>[] = [];
      let year: string | null = null;
      for (const r of rows) {
        if (!r.merged) year = textOrNull(r.year);
        const activity = textOrNull(r.activity);
        if (year !== null || activity !== null) out.push({ [yearHeader]: year, [activityHeader]: activity });
      }
      value = out;
    }
    expected.push({ label: entry.label, section: entry.section, value });
  }
  // Where a label repeats within one section (this form avoids it), number its occurrences.
  const count = (e: ExpectedValue) => expected.filter((o) => o.section === e.section && o.label === e.label).length;
  const seen = new Map<string, number>();
  for (const e of expected) {
    if (count(e) < 2) continue;
    const key = `${e.section}\u0000${e.label}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    e.occurrence = seen.get(key);
  }
  return { fill, expected };
}

// ---------------------------------------------------------------------------------------------
// Helpers for this form's answers

/** A person typed into the Name cell as "name, address" with the Email cell beside it left empty. */
function nameAndEmailInNameCell(p: PersonVal): { name: Val; email: Val } {
  return { name: { cell: p.cell, expect: p.name }, email: { cell: null, expect: p.email } };
}

/** An address as a mailto: link that shows the address itself. */
const mailtoAddress = (address: string): Val => ({
  cell: (w: DocWriter) => w.p(w.hyperlink(`mailto:${address}`, address)),
  expect: address.toLowerCase(),
});

/** A content control (run-level) whose text stands for a value other than itself (hub, years). */
const controlWith = (alias: string, text: string, expect: unknown): Val => ({
  cell: (w: DocWriter) => w.p(w.sdt(w.r(text), { alias, tag: alias.replace(/\W+/g, ''), plainText: true })),
  expect,
});

/** Lines in one block-level content control, one paragraph each. */
const linesInBlockControl = (alias: string, lines: readonly string[]): Val =>
  richText((w: DocWriter) => w.blockSdt(lines.map((line) => w.para(line)), { alias, tag: alias.replace(/\W+/g, '') }), lines.join('\n'));

/** A statement typed into a rich-text content control filling the box. */
function statementInBlockControl(alias: string, paragraphs: readonly string[]): Val {
  return {
    cell: (w: DocWriter) => w.blockSdt(paragraphs.map((text) => w.para(text)), { alias, tag: alias.replace(/\W+/g, '') }),
    expect: paragraphs.map(clean).filter(Boolean).join('\n\n'),
  };
}

const statements = (
  school: string,
  first: string,
  role: string,
  yearsText: string,
  start: number,
  applicantWords: [number, number] = [300, 380],
  headWords: [number, number] = [170, 215],
) => ({
  applicant: primarySpecialistStatement({ vars: { school, role, years: yearsText, hub: 'Central Maths Hub' }, minWords: applicantWords[0], maxWords: applicantWords[1], start }),
  headteacher: primaryHeadteacherStatement({ vars: { school, first }, minWords: headWords[0], maxWords: headWords[1], start: start % 4 }),
});

// ---------------------------------------------------------------------------------------------
// The samples

export interface UnseenSample {
  /** Base name: forms/<name>.docx and expected/<name>.json. */
  name: string;
  description: string;
  build: () => Uint8Array;
  values: ExpectedValue[];
  /** Statements built to be over their limit (labels): "maximum" by any amount, "approx." by more than 20 %. */
  overLimit: string[];
}

function sample(name: string, description: string, seed: string, author: string, modified: string, values: PrimarySpecialistValues, overLimit: string[] = []): UnseenSample {
  const { fill, expected } = primarySpecialistValues(values);
  return {
    name,
    description,
    values: expected,
    overLimit,
    build: () => primaryMasterySpecialist2024(fill, { seed, author, meta: { lastModifiedBy: author, modified, revision: 3, totalTime: 47 } }),
  };
}

// 01 — typed plainly; address on four paragraphs; mailto link showing the address; empty PD rows
const kingsburyText = statements('Kingsbury Green Primary School', 'Chloe', 'Year 4 class teacher and maths lead', 'six', 0);
const kingsbury = sample(
  'pms-01-typed',
  'Typed plainly and complete. Address on four paragraphs. Applicant e-mail as a mailto: link showing the address. Head teacher e-mail in mixed case. QTS typed "Yes". Two empty rows left at the end of the PD table.',
  'unseen:01',
  'Chloe Barnes',
  '2024-03-14T16:42:00Z',
  {
    schoolName: 'Kingsbury Green Primary School',
    schoolAddress: 'Holbrook Lane\nErdington\nBirmingham\nB24 0QP',
    schoolUrn: '103412',
    telephone: '01632 960841',
    mathsHub: 'Central Maths Hub',
    headteacherName: 'Mr David Osei',
    headteacherEmail: 'D.Osei@KingsburyGreen.bham.sch.uk',
    applicantName: 'Miss Chloe Barnes',
    applicantEmail: mailtoAddress('c.barnes@kingsburygreen.bham.sch.uk'),
    applicantTrn: '1734592',
    qtsStatus: yn.typed('Yes', true),
    yearsTeaching: '6',
    currentRole: 'Maths lead; Year 4 class teacher',
    otherRoles: 'Mathematics SLE (designated 2022)',
    professionalDevelopment: [
      { year: '2023-24', activity: 'Central Maths Hub: Sustaining Teaching for Mastery Work Group' },
      { year: '2022-23', activity: 'NCETM Mastering Number (Reception to Year 2) Work Group' },
      { year: '2021-22', activity: 'Specialist Leader of Education training' },
      {},
      {},
    ],
    applicantStatement: statement(kingsburyText.applicant, { blankBetween: true }),
    headteacherStatement: statement(kingsburyText.headteacher, { trailingBlank: 3 }),
    signatures: { headteacher: 'D Osei', applicant: 'C Barnes' },
  },
);

// 02 — every answer in content controls; QTS by w14 checkboxes; one placeholder; vMerge in the PD table
const elmcroftText = statements('Elmcroft Primary School', 'Sunita', 'Year 2 class teacher', 'eight', 5);
const elmcroft = sample(
  'pms-02-content-controls',
  'Answers typed into content controls: run-level (plain text) and block-level (the address on three paragraphs, role, both statements). Maths Hub written "Central" (→ Central Maths Hub), years written "8 years". QTS ticked with w14 checkbox content controls. "Other maths-related roles" still shows the control\'s placeholder (→ null). In the PD table the Year cell "2022-23" is merged down over two rows (vMerge), so both rows carry it.',
  'unseen:02',
  'Sunita Rao',
  '2024-03-27T09:05:00Z',
  {
    schoolName: inBlockControl('School name', 'Elmcroft Primary School'),
    schoolAddress: linesInBlockControl('School address', ['Elmcroft Road', 'Solihull', 'B92 8LZ']),
    schoolUrn: inControl('URN', '104187'),
    telephone: inControl('Telephone', '01632 960602'),
    mathsHub: controlWith('Maths Hub', 'Central', 'Central Maths Hub'),
    headteacherName: inControl('Headteacher name', 'Mrs Joanne Whitfield'),
    headteacherEmail: inControl('Headteacher email', 'head@elmcroft.solihull.sch.uk'),
    applicantName: inControl('Applicant name', 'Mrs Sunita Rao'),
    applicantEmail: inControl('Applicant email', 'S.Rao@elmcroft.solihull.sch.uk'),
    applicantTrn: inControl('TRN', '1548230'),
    qtsStatus: yn.checkboxes(true),
    yearsTeaching: controlWith('Years teaching', '8 years', 8),
    currentRole: inBlockControl('Current role', 'Year 2 class teacher and KS1 maths lead'),
    otherRoles: placeholder('Other roles'),
    professionalDevelopment: [
      { year: '2023-24', activity: 'Central Maths Hub Teaching for Mastery Work Group (Embedding)' },
      { year: '2022-23', activity: 'Teaching for Mastery Work Group (Developing)' },
      { merged: true, activity: 'Mastering Number: Key Stage 1 participant' },
      { year: 'Spring 2021', activity: 'Maths subject leadership course (Solihull local authority)' },
    ],
    applicantStatement: statementInBlockControl('Applicant statement', elmcroftText.applicant),
    headteacherStatement: statementInBlockControl('Headteacher statement', elmcroftText.headteacher),
    signatures: { headteacher: 'J. Whitfield', applicant: 'Sunita Rao' },
  },
);

// 03 — a value in the label cell; QTS by strike-through; name and e-mail in one cell; mailto link showing a name
const brannocHead = nameAndEmailInNameCell(person.comma('Mrs Ruth Adeyemi', 'R.Adeyemi@stbrannocs.bham.sch.uk'));
const brannocText = statements('St Brannoc’s', 'Tom', 'Year 6 class teacher', 'eleven', 11);
const brannoc = sample(
  'pms-03-label-cell-strike',
  'School name typed into the label cell ("Name of school: St Brannoc’s C of E Primary School"), its value cell left empty. Head teacher\'s name and address typed together in the Name cell ("Mrs Ruth Adeyemi, R.Adeyemi@…"), the Email cell beside it empty: split into Name and Email. Applicant e-mail given only as a mailto: link that shows his name. QTS answered by striking "No" through. Maths Hub written "the Central hub". Years "eleven years". A PD row with an activity but no year. Head teacher\'s signature left as the prompt (→ null).',
  'unseen:03',
  'Tom Hargreaves',
  '2024-03-28T21:17:00Z',
  {
    labels: {
      schoolName: (w: DocWriter) => w.p([w.r('Name of school', { bold: true }), w.r(': St Brannoc’s C of E Primary School')]),
    },
    schoolName: { cell: null, expect: "St Brannoc's C of E Primary School" },
    schoolAddress: 'Chapel Street\nHandsworth\nBirmingham\nB21 9NQ',
    schoolUrn: '103705',
    telephone: '01632 960377',
    mathsHub: hub('the Central hub', 'Central Maths Hub'),
    headteacherName: brannocHead.name,
    headteacherEmail: brannocHead.email,
    applicantName: 'Mr Tom Hargreaves',
    applicantEmail: mailtoName('Tom Hargreaves', 'T.Hargreaves@stbrannocs.bham.sch.uk'),
    applicantTrn: '1290573',
    qtsStatus: yn.strike(true),
    yearsTeaching: years('eleven years', 11),
    currentRole: 'Year 6 class teacher, assistant head (curriculum)',
    otherRoles: null,
    professionalDevelopment: [
      { year: '2022-24', activity: 'Teaching for Mastery Work Groups (Developing, then Embedding)' },
      { activity: 'In-school lesson study with the Mastery Specialist from Hawthorn Brook Primary Academy' },
      { year: '2019-20', activity: 'NCETM Primary Teaching for Mastery Development Programme (school participant)' },
    ],
    applicantStatement: statement(brannocText.applicant, { blankBetween: true, trailingBlank: 2 }),
    headteacherStatement: statement(brannocText.headteacher),
    signatures: { applicant: 'T. Hargreaves' },
  },
);

// 04 — applicant statement over "maximum 400"; head teacher statement more than 20 % over "approx. 200"; old TRN
const hawthornText = statements('Hawthorn Brook Primary Academy', 'Marcus', 'Year 5 class teacher', 'nineteen', 17, [425, 460], [245, 275]);
const hawthorn = sample(
  'pms-04-over-limit',
  'Applicant statement over its "maximum 400 words" limit; head teacher statement more than 20 % over "approx. 200 words". Old-style TRN "RP 05/71235" (→ 0571235, leading zero kept). URN written "142 907". Telephone in +44 form. Address on soft line breaks in one paragraph. QTS typed "yes - since 2005". Empty PD rows between filled ones.',
  'unseen:04',
  'Marcus Doyle',
  '2024-03-29T16:31:00Z',
  {
    schoolName: 'Hawthorn Brook Primary Academy',
    schoolAddress: richText((w: DocWriter) => w.p(w.r('Brook Lane\nBloxwich\nWalsall\nWS3 2HQ')), 'Brook Lane\nBloxwich\nWalsall\nWS3 2HQ'),
    schoolUrn: '142 907',
    telephone: '+44 1632 960419',
    mathsHub: 'Central Maths Hub',
    headteacherName: 'Ms Angela Prior',
    headteacherEmail: 'a.prior@hawthornbrook.walsall.sch.uk',
    applicantName: 'Mr Marcus Doyle',
    applicantEmail: 'M.Doyle@hawthornbrook.walsall.sch.uk',
    applicantTrn: 'RP 05/71235',
    qtsStatus: yn.typed('yes - since 2005', true),
    yearsTeaching: '19',
    currentRole: 'Year 5 class teacher and maths subject leader',
    otherRoles: 'MaST (2013); NCETM Accredited PD Lead (2019)',
    professionalDevelopment: [
      { year: '2023-24', activity: 'Central Maths Hub Sustaining Teaching for Mastery Work Group' },
      {},
      { year: 'Summer 2019', activity: 'NCETM PD Lead accreditation' },
      {},
      { year: '2011-13', activity: 'Mathematics Specialist Teacher (MaST) programme' },
    ],
    applicantStatement: statement(hawthornText.applicant, { blankBetween: true }),
    headteacherStatement: statement(hawthornText.headteacher, { trailingBlank: 2 }),
    signatures: { headteacher: 'A Prior', applicant: 'M Doyle' },
  },
  ['Applicant statement', 'Headteacher statement'],
);

export const UNSEEN_SAMPLES: readonly UnseenSample[] = [kingsbury, elmcroft, brannoc, hawthorn];

// ---------------------------------------------------------------------------------------------
// Self-checks: the expected values agree with forms.md's rules and with the built document.

/** The text of each paragraph of word/document.xml (runs joined, deleted text left out). */
function paragraphTexts(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return xml.split('</w:p>').map((p) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

export function verifyUnseen(s: UnseenSample, docx: Uint8Array): void {
  const fail = (message: string) => {
    throw new Error(`${s.name}: ${message}`);
  };
  if (s.values.length !== PRIMARY_SPECIALIST_LAYOUT.length) fail('one expected value per answer place');
  const texts = paragraphTexts(docx);
  const headings = Object.values(PRIMARY_SPECIALIST_SECTIONS);
  for (const h of headings) if (!texts.includes(h)) fail(`heading "${h}" not in the document`);
  s.values.forEach((v, i) => {
    const entry = PRIMARY_SPECIALIST_LAYOUT[i]!;
    if (v.label !== entry.label || v.section !== entry.section) fail(`entry ${i} is not ${entry.label}`);
    if (!texts.some((t) => t === v.label || t.startsWith(`${v.label}:`))) fail(`label "${v.label}" not a paragraph of the document`);
    const value = v.value;
    if (entry.kind === 'rows') {
      if (!Array.isArray(value)) fail(`${v.label} is not an array`);
      for (const row of value as Record<string, unknown>[]) {
        if (Object.keys(row).join('|') !== entry.columns.join('|')) fail(`${v.label}: a row not keyed by the column headers`);
        if (Object.values(row).every((c) => c === null)) fail(`${v.label}: an empty row kept`);
      }
      return;
    }
    if (value === null || entry.kind === 'signature') return;
    const str = typeof value === 'string' ? value : String(JSON.stringify(value));
    switch (entry.type) {
      case 'text':
      case 'phone':
        if (str !== clean(str)) fail(`${v.label} "${str}" is not normalised`);
        if (entry.type === 'phone') {
          const digits = str.replace(/[^\d+]/g, '');
          if (!/^0\d{9,10}$/.test(digits) && !/^\+44\d{9,10}$/.test(digits)) fail(`${v.label} "${str}" is not a UK number`);
        }
        break;
      case 'multiline':
        if (str.split('\n').some((line) => line !== clean(line) || line === '')) fail(`${v.label}: lines not normalised`);
        break;
      case 'email':
        if (!/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(str) || str !== str.toLowerCase()) fail(`${v.label} "${str}" is not a lower-case address`);
        break;
      case 'urn':
        if (!/^\d{6}$/.test(str) || Number(str) < 100000) fail(`${v.label} "${str}" is not a URN`);
        break;
      case 'trn':
        if (!/^\d{7}$/.test(str)) fail(`${v.label} "${str}" is not 7 digits`);
        break;
      case 'hub':
        if (!HUBS.includes(str)) fail(`${v.label} "${str}" is not a canonical hub`);
        break;
      case 'yesNo':
        if (typeof value !== 'boolean') fail(`${v.label} is not true/false/null`);
        break;
      case 'number':
        if (typeof value !== 'number') fail(`${v.label} is not a number`);
        break;
      case 'statement': {
        if (str.includes('\n\n\n') || str.split('\n\n').some((para) => para !== clean(para))) fail(`${v.label}: paragraphs not normalised`);
        const words = countWords(str);
        const over = entry.maxWords !== undefined ? words > entry.maxWords : entry.approxWords !== undefined && words > entry.approxWords * 1.2;
        if (over !== s.overLimit.includes(v.label)) fail(`${v.label} has ${words} words; over-limit ${s.overLimit.includes(v.label) ? 'declared' : 'not declared'}`);
        break;
      }
    }
  });
}
