// Builders of the three catalogue forms (see shared/spec/forms.md and the seeds), laid out as the
// real blank forms are, and filled from a values object. Each cell's value is a CellFill: plain
// text (one paragraph per line), or a function that writes the cell's blocks with the writer, for
// answers written in Word's odder ways (strike-through, checkboxes, tracked changes, …).
import { DocWriter, type Blocks, type CellSpec, type DocMeta, type RunProps, type Xml } from '../word/docx-writer';

export type FormId = 'secondary-mastery-specialist-2018' | 'secondary-tfm-workgroup-eoi-2021' | 'primary-mastery-readiness-2018';

/** What a cell holds: nothing, text (lines → paragraphs), or blocks written with the writer. */
export type CellFill = string | null | undefined | ((w: DocWriter) => Blocks);

export interface FormOptions {
  /** Seed of the document's randomness (rsids, run splits, ids). */
  seed: string;
  /** The person who last edited the form (core.xml, tracked changes, comments). */
  author?: string;
  meta?: DocMeta;
}

const LABEL_FILL = 'F2F2F2';
const HEADER_FILL = 'D9E2F3';

/** The blocks of a cell or box from its fill; `empty` paragraphs when there is nothing. */
export function fillBlocks(w: DocWriter, fill: CellFill, empty = 1): Blocks {
  if (typeof fill === 'function') return fill(w);
  if (fill == null || fill === '') return Array.from({ length: empty }, () => w.p());
  return fill.split('\n').map((line) => w.para(line));
}

function labelCell(w: DocWriter, label: string, fill?: CellFill, span?: number): CellSpec {
  const content = fill === undefined ? w.para(label, { bold: true }) : fillBlocks(w, fill);
  return w.cell(content, { fill: LABEL_FILL, span, vAlign: 'center' });
}

function valueCell(w: DocWriter, fill: CellFill, span?: number): CellSpec {
  return w.cell(fillBlocks(w, fill), { span, vAlign: 'center' });
}

function heading(w: DocWriter, text: string, level: 1 | 2 = 2): Xml {
  return w.para(text, {}, { style: level === 1 ? 'Heading1' : 'Heading2', keepNext: true });
}

function bullets(w: DocWriter, items: readonly string[]): Xml[] {
  return items.map((item) => w.para(item, {}, { style: 'ListParagraph', bullet: true }));
}

/** Text with an e-mail address shown as a mailto link, as the hubs' forms have it. */
function textWithLink(w: DocWriter, before: string, address: string, after: string, props: ParaProps = {}): Xml {
  return w.p([w.r(before), w.hyperlink(`mailto:${address}`, address), w.r(after)], props);
}
type ParaProps = Parameters<DocWriter['p']>[1];

function signatureTable(w: DocWriter, rows: readonly [string, string, CellFill][], grid: readonly number[], italicPrompt: boolean): Xml {
  return w.table(
    rows.map(([label, prompt, fill]) =>
      w.row([labelCell(w, label), valueCell(w, fill === undefined ? (ww) => ww.para(prompt, { italic: italicPrompt, color: '808080' }) : fill)], { height: 567 }),
    ),
    { grid },
  );
}

// ---------------------------------------------------------------------------------------------
// Maths Hubs (the appendix of seed 000, in its order; region headings as in the seed)

export const HUB_REGIONS: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  ['South West Region:', [
    ['Cornwall and West Devon Maths Hub', 'Truro and Penwith College'],
    ['Jurassic Maths Hub', 'The Woodroffe School, Lyme Regis'],
    ['Boolean Maths Hub', 'Cabot Learning Federation with Ashley Down Primary School, Bristol'],
    ['GLOW Maths Hub', 'Balcarras Teaching School, Cheltenham'],
  ]],
  ['West Midlands Region:', [
    ['Central Maths Hub', 'Bishop Challoner Catholic College, Birmingham'],
    ['Salop and Herefordshire Maths Hub', 'The Priory School, Shrewsbury'],
    ['North Mids and Peaks Maths Hub', 'Painsley Catholic College, Cheadle, Staffordshire'],
  ]],
  ['North West Region:', [
    ['North West One Maths Hub', 'Altrincham Grammar School for Girls'],
    ['North West Two Maths Hub', 'Ashton on Mersey School, Manchester'],
    ['North West Three Maths Hub', 'St Helen’s Teaching School Alliance'],
    ['North North West Maths Hub', 'Lancaster Royal Grammar School'],
  ]],
  ['North East Region:', [
    ['Great North Maths Hub', 'North Tyneside Learning Trust'],
    ['Archimedes NE Maths Hub', 'Carmel College, Darlington'],
  ]],
  ['Yorkshire and the Humber Region:', [
    ['Yorkshire Ridings Maths Hub', 'Harrogate Grammar School'],
    ['West Yorkshire Maths Hub', 'Trinity Academy, Halifax'],
    ['Yorkshire and the Humber Maths Hub', 'Outwood Grange Academies Trust, Wakefield'],
    ['South Yorkshire Maths Hub', 'Notre Dame High School, Sheffield'],
  ]],
  ['East Midlands Region:', [
    ['East Midlands West Maths Hub', 'George Spencer Academy & Technology College, Stapleford, Nottinghamshire'],
    ['East Midlands East Maths Hub', 'The Minster School, Southwell, Nottinghamshire'],
    ['East Midlands South Maths Hub', 'Beauchamp College, Oadby, Leicestershire'],
  ]],
  ['East of England Region:', [
    ['Enigma Maths Hub', 'Denbigh School, Milton Keynes'],
    ['Cambridge Maths Hub', 'Comberton Village College, Cambridge'],
    ['Matrix Essex and Herts Maths Hub', 'The Hertfordshire and Essex High School & Science College, Bishop’s Stortford'],
    ['Norfolk and Suffolk Maths Hub', 'Sir Isaac Newton Sixth Form, Norwich with Kesgrave High School, Ipswich'],
  ]],
  ['South East Region:', [
    ['Bucks, Berks and Oxon Maths Hub', 'Wycombe High School, High Wycombe'],
    ['Surrey Plus Maths Hub', 'St John the Baptist Catholic Comprehensive School, Woking'],
    ['Solent Maths Hub', 'The Mary Rose Academy, Portsmouth'],
    ['Sussex Maths Hub', 'St Paul’s Catholic College, Burgess Hill'],
    ['Kent and Medway Maths Hub', 'Sir Joseph Williamson’s Mathematical School, Rochester'],
  ]],
  ['London Region:', [
    ['London North East Maths Hub', 'Elmhurst Primary School, Newham'],
    ['London Central and NW Maths Hub', 'The St. Marylebone CE School, Westminster'],
    ['London Central and West Maths Hub', 'Fox Primary School, Kensington & Chelsea'],
    ['London South West Maths Hub', 'Belleville Primary School with Chesterton Primary School, Wandsworth'],
    ['London Thames Maths Hub', 'Harris Federation, Croydon'],
    ['London South East Maths Hub', 'Redriff Primary School with City of London Academy, Southwark'],
  ]],
];

/** Canonical names of the 35 hubs. */
export const HUBS: readonly string[] = HUB_REGIONS.flatMap(([, hubs]) => hubs.map(([name]) => name));

/** The 10 Northern Powerhouse hubs that run the Primary Mastery Readiness Programme (seed 004). */
export const NORTHERN_POWERHOUSE_HUBS: readonly string[] = [
  'North West One Maths Hub', 'North West Two Maths Hub', 'North West Three Maths Hub', 'North North West Maths Hub',
  'Great North Maths Hub', 'Archimedes NE Maths Hub',
  'Yorkshire Ridings Maths Hub', 'West Yorkshire Maths Hub', 'Yorkshire and the Humber Maths Hub', 'South Yorkshire Maths Hub',
];

function appendix(w: DocWriter, intro: string, regions: typeof HUB_REGIONS): Xml[] {
  const out: Xml[] = [w.p(w.pageBreak()), heading(w, 'Appendix: Names of Maths Hubs and lead schools/colleges'), w.para(intro)];
  for (const [region, hubs] of regions) {
    out.push(w.para(region, { bold: true }, { spacingBefore: 120 }));
    for (const [name, lead] of hubs) out.push(w.para(`${name} (${lead})`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// secondary-mastery-specialist-2018 (seed 000)

export type SmsCell =
  | 'schoolName' | 'schoolUrn' | 'mathsHub'
  | 'teacherName' | 'teacherEmail' | 'teacherNcetmUsername'
  | 'headOfDepartment' | 'headteacher'
  | 'qtsStatus' | 'yearsTeaching' | 'teachingGroups' | 'currentRole' | 'otherAwards'
  | 'applicantStatement' | 'headteacherStatement';

export interface HistoryRowFill {
  period?: CellFill;
  school?: CellFill;
  position?: CellFill;
  /** The School cell continues a vertical merge from the row above (w:vMerge without a value). */
  schoolMergedFromAbove?: boolean;
}

export interface PdRowFill {
  year?: CellFill;
  activity?: CellFill;
}

export interface SmsFill extends Partial<Record<SmsCell, CellFill>> {
  teachingHistory?: readonly HistoryRowFill[];
  professionalDevelopment?: readonly PdRowFill[];
  /** Replaces a label cell's content (e.g. a value typed after the label). */
  labels?: Partial<Record<SmsCell, CellFill>>;
  signatures?: { headteacher?: CellFill; headOfDepartment?: CellFill; applicant?: CellFill };
  /** Wrap the school details table in a one-cell layout table (a nested table). */
  nestDetailsTable?: boolean;
  /** Blocks added at the very end of the form, before the appendix. */
  trailing?: (w: DocWriter) => Blocks;
}

const SMS_STATEMENT_EMPTY = 6;

export function secondaryMasterySpecialist(fill: SmsFill, options: FormOptions): Uint8Array {
  const w = new DocWriter(options.seed, { author: options.author });
  const { p, para, table, row, cell } = w;
  const label = (key: SmsCell, text: string, span?: number) => labelCell(w, text, fill.labels?.[key], span);
  const value = (key: SmsCell, span?: number) => valueCell(w, fill[key], span);
  const body: Xml[] = [];

  body.push(para('Secondary Mastery Specialist Programme', {}, { style: 'Title' }));
  body.push(para('2018/19 Cohort 3 - Information and Application', { bold: true, size: 28 }));
  body.push(para('This document supersedes any versions downloaded before 27 April 2018', { italic: true }, { spacingAfter: 240 }));
  body.push(p(w.pageBreak()));

  body.push(heading(w, 'Application to participate in Secondary Mastery Specialist Programme', 1));
  body.push(para('To apply:', { bold: true }));
  body.push(para('Applicant and nominating head teacher/senior leader complete the relevant parts of the form.', {}, { style: 'ListParagraph', bullet: true }));
  body.push(p([w.r('e-mail the application to the NCETM ('), w.hyperlink('mailto:mathshubs@ncetm.org.uk', 'mathshubs@ncetm.org.uk'), w.r(') by 5pm Thursday 7th June 2018. ')], { style: 'ListParagraph', bullet: true }));
  body.push(para('Applicants will be notified by 14th July 2018.', {}, { style: 'ListParagraph', bullet: true, spacingAfter: 160 }));

  const details = table(
    [
      row([label('schoolName', 'Name of school'), value('schoolName', 2)]),
      row([label('schoolUrn', 'School URN'), value('schoolUrn', 2)]),
      row([label('mathsHub', 'Maths Hub'), value('mathsHub', 2)]),
      row([
        w.cell(para('Nominated teacher for programme ', { bold: true }), { vMerge: 'restart', fill: LABEL_FILL, vAlign: 'center' }),
        label('teacherName', 'Name'),
        value('teacherName'),
      ]),
      row([w.cell(null, { vMerge: 'continue', fill: LABEL_FILL }), label('teacherEmail', 'Email'), value('teacherEmail')]),
      row([w.cell(null, { vMerge: 'continue', fill: LABEL_FILL }), label('teacherNcetmUsername', 'NCETM Username'), value('teacherNcetmUsername')]),
      row([label('headOfDepartment', 'Head of department (name and e-mail)'), value('headOfDepartment', 2)], { height: 680 }),
      row([label('headteacher', 'Nominating head teacher/senior leader (name and e-mail)'), value('headteacher', 2)], { height: 680 }),
    ],
    { grid: [2830, 1700, 4486] },
  );
  body.push(fill.nestDetailsTable ? table([row([cell([details, p()])])], { grid: [9016], look: '0000' }) : details);
  body.push(p());

  body.push(heading(w, 'Nominated teacher details and statement (to be completed by teacher applicant)'));
  body.push(
    table(
      [
        row([
          label('qtsStatus', 'QTS status'),
          valueCell(w, fill.qtsStatus === undefined ? 'Yes/No' : fill.qtsStatus),
          label('yearsTeaching', 'No. of years teaching'),
          value('yearsTeaching'),
        ]),
        row([label('teachingGroups', 'Teaching groups 2017/18 '), value('teachingGroups', 3)]),
        row([label('currentRole', 'Current role in school'), value('currentRole', 3)]),
        row([label('otherAwards', 'Other maths related awards/roles (e.g. SLE, PD Lead) – give date awarded'), value('otherAwards', 3)]),
      ],
      { grid: [2830, 1700, 2486, 2000] },
    ),
  );
  body.push(p());

  body.push(para('Teaching history (most recent post first)', { bold: true }, { keepNext: true }));
  const history = [...(fill.teachingHistory ?? [])];
  while (history.length < 4) history.push({});
  body.push(
    table(
      [
        row(['Period of employment', 'School', 'Position held'].map((h) => w.cell(para(h, { bold: true }), { fill: HEADER_FILL })), { header: true }),
        ...history.map((h, i) => {
          const mergesDown = history[i + 1]?.schoolMergedFromAbove === true;
          const school = h.schoolMergedFromAbove
            ? w.cell(null, { vMerge: 'continue' })
            : w.cell(fillBlocks(w, h.school), { vMerge: mergesDown ? 'restart' : undefined });
          return row([valueCell(w, h.period), school, valueCell(w, h.position)]);
        }),
      ],
      { grid: [2400, 3616, 3000] },
    ),
  );
  body.push(p());

  body.push(para('Relevant mathematics professional development ', { bold: true }, { keepNext: true }));
  const pd = [...(fill.professionalDevelopment ?? [])];
  while (pd.length < 3) pd.push({});
  body.push(
    table(
      [
        row(['Year', 'Professional Development activity/programme'].map((h) => w.cell(para(h, { bold: true }), { fill: HEADER_FILL })), { header: true }),
        ...pd.map((d) => row([valueCell(w, d.year), valueCell(w, d.activity)])),
      ],
      { grid: [1600, 7416] },
    ),
  );
  body.push(p());

  body.push(
    p(
      [
        w.r('Applicant statement. ', { bold: true }),
        w.r('Please give information that shows how you meet the application criteria. Also, explain why you wish to apply for the programme (maximum 300 words).'),
      ],
      { keepNext: true, spacingAfter: 120 },
    ),
  );
  body.push(table([row([cell(fillBlocks(w, fill.applicantStatement, SMS_STATEMENT_EMPTY))], { height: 2835 })], { grid: [9016] }));
  body.push(p());

  body.push(para('Nominating head teacher/senior leader statement', { bold: true }, { keepNext: true }));
  body.push(
    para(
      'Please explain why the school is committed to developing teaching for mastery across the maths department. Also, specify why you believe the applicant is a suitable candidate for the Mastery Specialist role (maximum 300 words).',
      {},
      { keepNext: true, spacingAfter: 120 },
    ),
  );
  body.push(table([row([cell(fillBlocks(w, fill.headteacherStatement, SMS_STATEMENT_EMPTY))], { height: 2835 })], { grid: [9016] }));
  body.push(p());

  body.push(heading(w, 'Confirmation of school commitment (electronic signatures) '));
  body.push(para('If the school is chosen to participate in the programme, we understand and commit to the following expectations:'));
  body.push(
    ...bullets(w, [
      'The lead teacher will participate fully in the development programme and work on developing both understanding and practice',
      'Working with the support of the head of department, the lead teacher will support the department in developing its approach to teaching for mastery',
      'Through liaison with their local Maths Hubs’ Secondary Teaching for Mastery Lead, the lead teacher will work with a small number of teachers from other schools to enable them to embed Teaching for Mastery in their own departments in Year 3 ',
      'The school’s senior leadership will support the department in its teaching for mastery development work, including ensuring the lead teacher receives the required release time',
    ]),
  );
  const sig = fill.signatures ?? {};
  body.push(
    signatureTable(
      w,
      [
        ['Nominating Head Teacher/Senior Leader ', 'Signature of nominating Head Teacher/Senior Leader', sig.headteacher],
        ['Head of department ', 'Signature of Head of Department', sig.headOfDepartment],
        ['Teacher applicant', 'Signature of applicant teacher', sig.applicant],
      ],
      [4508, 4508],
      false,
    ),
  );
  body.push(para(' (Note: When the form is e-mailed, please copy in all signatories as confirmation of their electronic signature)', { italic: true }));
  if (fill.trailing) body.push(...([] as Xml[]).concat(fill.trailing(w)));
  body.push(
    ...appendix(w, 'Below is a list of the 35 Maths Hubs. Contact details for each Maths Hub can be found on the Maths Hubs Programme website.', HUB_REGIONS),
  );

  return w.build(body, {
    title: 'Secondary Mastery Specialist Programme 2018/19 Cohort 3',
    creator: 'NCETM',
    lastModifiedBy: options.author ?? 'NCETM',
    created: '2018-04-26T14:21:00Z',
    modified: '2018-04-27T08:03:00Z',
    company: 'NCETM',
    ...options.meta,
  });
}

// ---------------------------------------------------------------------------------------------
// secondary-tfm-workgroup-eoi-2021 (seed 001)

export type TfmCell =
  | 'schoolName' | 'schoolAddress' | 'schoolUrn' | 'contactTelephone'
  | 'headteacherName' | 'headteacherEmail' | 'headteacherTrn'
  | 'headOfDepartmentName' | 'headOfDepartmentEmail' | 'headOfDepartmentTrn'
  | 'mathsHub'
  | 'teacher1Name' | 'teacher1Email' | 'teacher1Trn' | 'teacher1YearGroups' | 'teacher1Role'
  | 'teacher2Name' | 'teacher2Email' | 'teacher2Trn' | 'teacher2YearGroups' | 'teacher2Role'
  | 'workedWithSpecialist' | 'specialistDetails' | 'headOfDepartmentStatement';

export interface TfmFill extends Partial<Record<TfmCell, CellFill>> {
  labels?: Partial<Record<TfmCell, CellFill>>;
  signatures?: { headteacher?: CellFill; headOfDepartment?: CellFill; advocate1?: CellFill; advocate2?: CellFill };
}

export function secondaryTfmWorkGroup(fill: TfmFill, options: FormOptions): Uint8Array {
  const w = new DocWriter(options.seed, { author: options.author });
  const { p, para, table, row } = w;
  const label = (key: TfmCell, text: string) => labelCell(w, text, fill.labels?.[key]);
  const value = (key: TfmCell, span?: number) => valueCell(w, fill[key], span);
  const body: Xml[] = [];

  body.push(para('Secondary Teaching for Mastery Work Groups 2021/22', {}, { style: 'Title' }));
  body.push(para('Information and Expression of Interest', { bold: true, size: 28 }, { spacingAfter: 240 }));
  body.push(p(w.pageBreak()));

  body.push(heading(w, 'Secondary Mathematics Teaching for Mastery Work Group Expression of Interest Form', 1));
  body.push(textWithLink(w, 'Please complete and return to Jo Newman- ', 'jmn@balcarras.gloucs.sch.uk', ' by Friday 27 May 2021)', { spacingAfter: 160 }));

  const grid = [2600, 2308, 1800, 2308];
  body.push(
    table(
      [
        row([label('schoolName', 'Name of school'), value('schoolName', 3)]),
        row([label('schoolAddress', 'Address'), value('schoolAddress', 3)], { height: 1134 }),
        row([label('schoolUrn', 'School URN'), value('schoolUrn'), label('contactTelephone', 'Contact telephone number'), value('contactTelephone')]),
        row([label('headteacherName', 'Name of headteacher/senior leader'), value('headteacherName'), label('headteacherEmail', 'Email'), value('headteacherEmail')]),
        row([label('headteacherTrn', 'Teacher reference number (TRN)'), value('headteacherTrn', 3)]),
        row([label('headOfDepartmentName', 'Name of head of department'), value('headOfDepartmentName'), label('headOfDepartmentEmail', 'Email'), value('headOfDepartmentEmail')]),
        row([label('headOfDepartmentTrn', 'Teacher reference number (TRN)'), value('headOfDepartmentTrn', 3)]),
        row([label('mathsHub', 'Maths Hub (if known)'), valueCell(w, fill.mathsHub === undefined ? 'GLOW' : fill.mathsHub, 3)]),
      ],
      { grid },
    ),
  );
  body.push(p());
  body.push(heading(w, 'Participating teacher (Mastery Advocate) details'));

  for (const n of [1, 2] as const) {
    body.push(para(`Teacher ${n}`, { bold: true }, { keepNext: true, spacingBefore: 120, spacingAfter: 60 }));
    const k = (suffix: 'Name' | 'Email' | 'Trn' | 'YearGroups' | 'Role') => `teacher${n}${suffix}` as TfmCell;
    body.push(
      table(
        [
          row([label(k('Name'), 'Name'), value(k('Name'))]),
          row([label(k('Email'), 'Email'), value(k('Email'))]),
          row([label(k('Trn'), 'Teacher reference number (TRN)'), value(k('Trn'))]),
          row([label(k('YearGroups'), 'Year groups being taught in 2021/22'), value(k('YearGroups'))]),
          row([label(k('Role'), 'Role/responsibility in the maths department'), value(k('Role'))]),
        ],
        { grid: [3600, 5416] },
      ),
    );
  }
  body.push(p());

  body.push(heading(w, 'Engagement with a Secondary Mastery Specialist'));
  body.push(
    table(
      [
        row([
          label('workedWithSpecialist', 'Has your school worked with a Maths Hub Mastery Specialist?'),
          valueCell(w, fill.workedWithSpecialist === undefined ? '(Yes/No)' : fill.workedWithSpecialist),
        ]),
        row([label('specialistDetails', 'If yes, please name the Mastery Specialist and outline the nature of the work with them'), value('specialistDetails')], { height: 1134 }),
      ],
      { grid: [5416, 3600] },
    ),
  );
  body.push(p());

  body.push(heading(w, 'Head of department statement'));
  body.push(
    para(
      'Explain briefly why the department wishes to participate in this Work Group and what it hopes will be the expected benefits and impact. Also, give details of why the two participating teachers (Mastery Advocates) have been chosen (approx. 150 words).',
      { italic: true },
    ),
  );
  body.push(...([] as Xml[]).concat(fillBlocks(w, fill.headOfDepartmentStatement, 3)));

  body.push(heading(w, 'Confirmation of school commitment (electronic signatures)'));
  body.push(para('If chosen to participate in the Work Group, we understand and commit to the following expectations:'));
  body.push(
    ...bullets(w, [
      'The Work Group teachers will both be released to attend a minimum of four separate half-day meetings during the year (September 2021 to July 2022).',
      'The Mastery Advocates will receive a minimum of 10 (combined) days release time during the year for development work including the above meetings',
      'The Work Group teachers will engage in certain tasks (as planned and negotiated with the Specialist) to support their ongoing professional development between each of the meetings.',
      'The head of department and senior leadership will fully support the Work Group teachers to undertake these development tasks.',
      'The Work Group teachers will contribute to the final reporting and evaluation of the Work Group. (Note: Feedback and comments, quoted from discussions and lesson observations, and data, qualitative or quantitative, will be anonymised before inclusion.)',
    ]),
  );
  const sig = fill.signatures ?? {};
  body.push(
    signatureTable(
      w,
      [
        ['Headteacher/senior leader', 'Signature of headteacher', sig.headteacher],
        ['Head of department', 'Signature of head of department', sig.headOfDepartment],
        ['Mastery Advocate Teacher 1', 'Signature of Mastery Advocate Teacher 1', sig.advocate1],
        ['Mastery Advocate Teacher 2', 'Signature of Mastery Advocate Teacher 2', sig.advocate2],
      ],
      [3600, 5416],
      true,
    ),
  );
  body.push(p());
  body.push(para('(Note: When the EoI form is emailed to your chosen Maths Hub, please copy all those above in confirmation of their electronic signature.)', { italic: true }));

  return w.build(body, {
    title: 'Secondary TfM Work Groups 2021-22 EoI',
    creator: 'Jo Newman',
    lastModifiedBy: options.author ?? 'Jo Newman',
    created: '2021-04-19T10:02:00Z',
    modified: '2021-04-21T15:47:00Z',
    company: 'Balcarras School',
    ...options.meta,
  });
}

// ---------------------------------------------------------------------------------------------
// primary-mastery-readiness-2018 (seed 004)

export type ReadinessCell =
  | 'schoolName' | 'schoolAddress' | 'schoolUrn' | 'telephone'
  | 'headteacherName' | 'headteacherEmail' | 'mathsHub'
  | 'lead1Name' | 'lead1Email' | 'lead1Telephone' | 'lead1Roles'
  | 'lead2Name' | 'lead2Email' | 'lead2Telephone' | 'lead2Roles'
  | 'headteacherStatement';

export interface ReadinessFill extends Partial<Record<ReadinessCell, CellFill>> {
  labels?: Partial<Record<ReadinessCell, CellFill>>;
  signatures?: { headteacher?: CellFill; leadTeacher1?: CellFill; leadTeacher2?: CellFill };
}

export const READINESS_PROMPT =
  'Please give details of why you wish the school to participate in the Mastery Readiness Programme and your eligibility for doing so. Also, how the individuals detailed above will contribute the Professional Development of other staff in your school in between support from the Mastery Readiness Lead.';

export function primaryMasteryReadiness(fill: ReadinessFill, options: FormOptions): Uint8Array {
  const w = new DocWriter(options.seed, { author: options.author });
  const { p, para, table, row, cell } = w;
  const label = (key: ReadinessCell, text: string) => labelCell(w, text, fill.labels?.[key]);
  const value = (key: ReadinessCell, span?: number) => valueCell(w, fill[key], span);
  const grid = [2600, 2308, 1800, 2308];
  const body: Xml[] = [];

  body.push(p());
  body.push(para('Mastery Readiness Programme', {}, { style: 'Title' }));
  body.push(para('Information & Declaration of Commitment (March 2018)', { bold: true, size: 28 }, { spacingAfter: 240 }));
  body.push(p(w.pageBreak()));

  const bold: RunProps = { bold: true, size: 28 };
  body.push(p([w.r('Primary Mastery Readiness Programme', bold), w.br(bold), w.r('Declaration of Commitment by 25th May 2018', bold)], { align: 'center', spacingAfter: 160 }));
  body.push(textWithLink(w, '(Please complete and return to your Maths Hub Archimedes NE Maths Hub – ', 'jspringhall@carmel.org.uk', ')', { align: 'center', spacingAfter: 160 }));

  body.push(heading(w, 'School details'));
  body.push(
    table(
      [
        row([label('schoolName', 'Name of school'), value('schoolName', 3)]),
        row([label('schoolAddress', 'Address'), value('schoolAddress', 3)], { height: 1134 }),
        row([label('schoolUrn', 'School URN'), value('schoolUrn'), label('telephone', 'Telephone'), value('telephone')]),
        row([label('headteacherName', 'Head Teacher'), value('headteacherName'), label('headteacherEmail', 'E-mail'), value('headteacherEmail')]),
        row([label('mathsHub', 'Maths Hub'), value('mathsHub', 3)]),
      ],
      { grid },
    ),
  );
  body.push(p());

  for (const n of [1, 2] as const) {
    body.push(heading(w, n === 1 ? 'Details of lead teacher 1 (Maths Subject Leader)' : 'Details of lead teacher 2'));
    const k = (suffix: 'Name' | 'Email' | 'Telephone' | 'Roles') => `lead${n}${suffix}` as ReadinessCell;
    body.push(
      table(
        [
          row([label(k('Name'), 'Name'), value(k('Name'), 3)]),
          row([label(k('Email'), 'E-mail'), value(k('Email')), label(k('Telephone'), 'Telephone'), value(k('Telephone'))]),
          row([label(k('Roles'), 'School role/s including teaching group/s in 2017-18'), value(k('Roles'), 3)], { height: 851 }),
        ],
        { grid },
      ),
    );
    body.push(p());
  }

  body.push(heading(w, 'Head teacher statement'));
  const statement = fillBlocks(w, fill.headteacherStatement, 5);
  body.push(
    table([row([cell([para(READINESS_PROMPT, { italic: true }, { spacingAfter: 120 }), ...([] as Xml[]).concat(statement)])], { height: 3402 })], {
      grid: [9016],
    }),
  );
  body.push(p());

  body.push(heading(w, 'Confirmation of school commitment (electronic signatures)'));
  body.push(para('If we are chosen to participate in the programme, we understand and commit to the following expectations:'));
  body.push(
    ...bullets(w, [
      'To release two teachers (one of which is the maths lead) to attend two local training events per term',
      'For the headteacher to attend the first of these training events along with their teachers',
      'For the headteacher to spend time with the Mastery Readiness Lead during school visits',
      'To release teachers to work with the Mastery Readiness Lead in their own school working on a bespoke action plan and in between these twice termly visits',
      'To commit to developing aspects of Mastery Readiness in their school through continuous work in conjunction with their co-constructed action plan',
      'The schools will seek to collect evidence of impact of the programme to support the evaluation process',
      'If selected for Year 2, to adhere to the expectations of the Teaching for Mastery Work Group programme.',
    ]),
  );
  const sig = fill.signatures ?? {};
  body.push(
    signatureTable(
      w,
      [
        ['Head Teacher', 'Signature of Head Teacher', sig.headteacher],
        ['Lead teacher 1', 'Signature of Lead Teacher 1', sig.leadTeacher1],
        ['Lead teacher 2', 'Signature of Lead Teacher 2', sig.leadTeacher2],
      ],
      [3600, 5416],
      true,
    ),
  );
  body.push(p());
  body.push(para('(Note: When the form is e-mailed, please copy in all signatories as confirmation of their electronic signature)', { italic: true }));
  const northern = HUB_REGIONS.filter(([region]) => /North West|North East|Yorkshire/.test(region));
  body.push(
    ...appendix(
      w,
      'Below is a list of the 10 Maths Hubs in the Northern Powerhouse who are offering this programme. Contact details for each Maths Hub can be found on the Maths Hubs Programme website.',
      northern,
    ),
  );

  return w.build(body, {
    title: 'Mastery Readiness Declaration of Commitment',
    creator: 'J Springhall',
    lastModifiedBy: options.author ?? 'J Springhall',
    created: '2018-03-12T11:30:00Z',
    modified: '2018-03-14T16:05:00Z',
    company: 'Carmel College',
    ...options.meta,
  });
}

// ---------------------------------------------------------------------------------------------
// Blank forms, as the hubs send them out

export function blankSecondaryMasterySpecialist(): Uint8Array {
  return secondaryMasterySpecialist({}, { seed: 'blank:secondary-mastery-specialist-2018' });
}

export function blankSecondaryTfmWorkGroup(): Uint8Array {
  return secondaryTfmWorkGroup({}, { seed: 'blank:secondary-tfm-workgroup-eoi-2021' });
}

export function blankPrimaryMasteryReadiness(): Uint8Array {
  return primaryMasteryReadiness({}, { seed: 'blank:primary-mastery-readiness-2018' });
}

export const BLANK_FORMS: Readonly<Record<FormId, () => Uint8Array>> = {
  'secondary-mastery-specialist-2018': blankSecondaryMasterySpecialist,
  'secondary-tfm-workgroup-eoi-2021': blankSecondaryTfmWorkGroup,
  'primary-mastery-readiness-2018': blankPrimaryMasteryReadiness,
};

// ---------------------------------------------------------------------------------------------
// primary-mastery-specialist-2024 (seed 003)
//
// Seed 003 is the programme's information sheet only; its application form "will be published
// separately". This builder invents that form, plausibly, in the same house style as the three
// above, so that the samples under samples/unseen/ are a form the project has never seen. It is
// not a catalogue form: it has no FormId and no entry in BLANK_FORMS (which writes samples/blank/).

export type PrimarySpecialistCell =
  | 'schoolName' | 'schoolAddress' | 'schoolUrn' | 'telephone' | 'mathsHub'
  | 'headteacherName' | 'headteacherEmail'
  | 'applicantName' | 'applicantEmail' | 'applicantTrn' | 'qtsStatus' | 'yearsTeaching' | 'currentRole' | 'otherRoles'
  | 'applicantStatement' | 'headteacherStatement';

/** The section headings of the form, in order. */
export const PRIMARY_SPECIALIST_SECTIONS = {
  school: 'School details',
  headteacher: 'Headteacher',
  applicant: 'Applicant details',
  statements: 'Supporting statements',
  signatures: 'Confirmation of school commitment (electronic signatures)',
} as const;

/** The text of every label cell (and statement heading), exactly as the form shows it. */
export const PRIMARY_SPECIALIST_LABELS: Readonly<Record<PrimarySpecialistCell, string>> = {
  schoolName: 'Name of school',
  schoolAddress: 'Address',
  schoolUrn: 'School URN',
  telephone: 'Telephone',
  mathsHub: 'Maths Hub',
  headteacherName: 'Name',
  headteacherEmail: 'Email',
  applicantName: 'Name',
  applicantEmail: 'Email',
  applicantTrn: 'Teacher reference number (TRN)',
  qtsStatus: 'Qualified Teacher Status (QTS)',
  yearsTeaching: 'Number of years teaching primary maths',
  currentRole: 'Current role and year group taught',
  otherRoles: 'Other maths-related roles or awards (e.g. Mathematics SLE, MaST)',
  applicantStatement: 'Applicant statement',
  headteacherStatement: 'Headteacher statement',
};

/** The professional development table: its caption and its column headers. */
export const PRIMARY_SPECIALIST_PD = { label: 'Relevant professional development', columns: ['Year', 'Activity'] } as const;

/** The signature table: role label and the prompt in the signature cell. */
export const PRIMARY_SPECIALIST_SIGNATURES = [
  { role: 'headteacher', label: 'Headteacher', prompt: 'Signature of headteacher' },
  { role: 'applicant', label: 'Applicant', prompt: 'Signature of applicant' },
] as const;

export const PRIMARY_SPECIALIST_RETURN_TO = 'masteryspecialists@centralmathshub.org.uk';
export const PRIMARY_SPECIALIST_APPLICANT_PROMPT =
  'Please give information that shows how you meet the essential and desirable criteria set out in the programme information. Also, explain why you wish to become a Primary Mastery Specialist (maximum 400 words).';
export const PRIMARY_SPECIALIST_HEADTEACHER_PROMPT =
  'Please explain why the school is committed to developing teaching for mastery across the whole school, and why you believe the applicant is a suitable candidate for the Mastery Specialist role (approx. 200 words).';

export interface PrimarySpecialistPdRowFill {
  year?: CellFill;
  activity?: CellFill;
  /** The Year cell continues a vertical merge from the row above (w:vMerge without a value). */
  yearMergedFromAbove?: boolean;
}

export interface PrimarySpecialistFill extends Partial<Record<PrimarySpecialistCell, CellFill>> {
  professionalDevelopment?: readonly PrimarySpecialistPdRowFill[];
  /** Replaces a label cell's content (e.g. a value typed after the label). */
  labels?: Partial<Record<PrimarySpecialistCell, CellFill>>;
  signatures?: { headteacher?: CellFill; applicant?: CellFill };
}

const PRIMARY_SPECIALIST_STATEMENT_EMPTY = 6;

export function primaryMasterySpecialist2024(fill: PrimarySpecialistFill, options: FormOptions): Uint8Array {
  const w = new DocWriter(options.seed, { author: options.author });
  const { p, para, table, row, cell } = w;
  const L = PRIMARY_SPECIALIST_LABELS;
  const S = PRIMARY_SPECIALIST_SECTIONS;
  const label = (key: PrimarySpecialistCell) => labelCell(w, L[key], fill.labels?.[key]);
  const value = (key: PrimarySpecialistCell, span?: number) => valueCell(w, fill[key], span);
  const grid = [2600, 2308, 1800, 2308];
  const body: Xml[] = [];

  body.push(p());
  body.push(para('Primary Mastery Specialist Programme 2024/25 – Application Form', {}, { style: 'Title' }));
  body.push(para('Cohort 10', { bold: true, size: 28 }, { spacingAfter: 160 }));
  body.push(
    textWithLink(w, '(Please complete and return to Central Maths Hub – ', PRIMARY_SPECIALIST_RETURN_TO, ' by 1700 on Friday 29 March 2024)', {
      align: 'center',
      spacingAfter: 160,
    }),
  );
  body.push(para('To apply:', { bold: true }));
  body.push(
    ...bullets(w, [
      'The applicant and their headteacher complete the relevant parts of the form, using the programme information to evidence the essential and desirable criteria.',
      'The applicant e-mails the completed form to the Maths Hub, copying in their headteacher.',
      'The Maths Hub will contact applicants once the selection process has been completed, in June 2024.',
    ]),
  );
  body.push(p());

  body.push(heading(w, S.school));
  body.push(
    table(
      [
        row([label('schoolName'), value('schoolName', 3)]),
        row([label('schoolAddress'), value('schoolAddress', 3)], { height: 1134 }),
        row([label('schoolUrn'), value('schoolUrn'), label('telephone'), value('telephone')]),
        row([label('mathsHub'), value('mathsHub', 3)]),
      ],
      { grid },
    ),
  );
  body.push(p());

  body.push(heading(w, S.headteacher));
  body.push(table([row([label('headteacherName'), value('headteacherName'), label('headteacherEmail'), value('headteacherEmail')])], { grid }));
  body.push(p());

  body.push(heading(w, S.applicant));
  body.push(
    table(
      [
        row([label('applicantName'), value('applicantName'), label('applicantEmail'), value('applicantEmail')]),
        row([label('applicantTrn'), value('applicantTrn', 3)]),
        row([
          label('qtsStatus'),
          valueCell(w, fill.qtsStatus === undefined ? 'Yes/No' : fill.qtsStatus),
          label('yearsTeaching'),
          value('yearsTeaching'),
        ]),
        row([label('currentRole'), value('currentRole', 3)]),
        row([label('otherRoles'), value('otherRoles', 3)]),
      ],
      { grid },
    ),
  );
  body.push(p());

  body.push(para(PRIMARY_SPECIALIST_PD.label, { bold: true }, { keepNext: true }));
  const pd = [...(fill.professionalDevelopment ?? [])];
  while (pd.length < 4) pd.push({});
  body.push(
    table(
      [
        row(PRIMARY_SPECIALIST_PD.columns.map((h) => w.cell(para(h, { bold: true }), { fill: HEADER_FILL })), { header: true }),
        ...pd.map((d, i) => {
          const mergesDown = pd[i + 1]?.yearMergedFromAbove === true;
          const year = d.yearMergedFromAbove
            ? w.cell(null, { vMerge: 'continue' })
            : w.cell(fillBlocks(w, d.year), { vMerge: mergesDown ? 'restart' : undefined });
          return row([year, valueCell(w, d.activity)]);
        }),
      ],
      { grid: [1600, 7416] },
    ),
  );
  body.push(p());

  body.push(heading(w, S.statements));
  for (const [key, prompt] of [
    ['applicantStatement', PRIMARY_SPECIALIST_APPLICANT_PROMPT],
    ['headteacherStatement', PRIMARY_SPECIALIST_HEADTEACHER_PROMPT],
  ] as const) {
    body.push(para(L[key], { bold: true }, { keepNext: true }));
    body.push(para(prompt, {}, { keepNext: true, spacingAfter: 120 }));
    body.push(table([row([cell(fillBlocks(w, fill[key], PRIMARY_SPECIALIST_STATEMENT_EMPTY))], { height: 2835 })], { grid: [9016] }));
    body.push(p());
  }

  body.push(heading(w, S.signatures));
  body.push(para('If the applicant is selected for the programme, we understand and commit to the following expectations:'));
  body.push(
    ...bullets(w, [
      'The headteacher and Mastery Specialist commit to developing, embedding and sustaining teaching for mastery approaches in maths across the school, supported by regular collaborative lesson observation and other collaborative professional development.',
      'The Mastery Specialist will participate in the three two-day residential events (subject to final confirmation) and complete any assignments required as part of the development programme.',
      'The school will release the Mastery Specialist for 15 days in 2024/25, and for the time agreed with the Maths Hub (approximately 12-37 days a year) in 2025/26 and beyond.',
      'The headteacher will support the Mastery Specialist with their outreach work with other schools, ensuring that they are given appropriate release time.',
      'The Mastery Specialist and headteacher will provide any reports required by the Maths Hub and participate in any evaluation processes required.',
    ]),
  );
  const sig = fill.signatures ?? {};
  body.push(
    signatureTable(
      w,
      PRIMARY_SPECIALIST_SIGNATURES.map((s) => [s.label, s.prompt, sig[s.role]] as [string, string, CellFill]),
      [3600, 5416],
      true,
    ),
  );
  body.push(p());
  body.push(para('(Note: When the form is e-mailed, please copy in all signatories as confirmation of their electronic signature)', { italic: true }));
  body.push(
    ...appendix(w, 'Below is a list of the 35 Maths Hubs. Contact details for each Maths Hub can be found on the Maths Hubs Programme website.', HUB_REGIONS),
  );

  return w.build(body, {
    title: 'Primary Mastery Specialist Programme 2024-25 Application Form',
    creator: 'NCETM',
    lastModifiedBy: options.author ?? 'Central Maths Hub',
    created: '2023-12-04T10:15:00Z',
    modified: '2023-12-06T14:40:00Z',
    company: 'Central Maths Hub',
    ...options.meta,
  });
}

export function blankPrimaryMasterySpecialist2024(): Uint8Array {
  return primaryMasterySpecialist2024({}, { seed: 'blank:primary-mastery-specialist-2024' });
}
