// The samples: filled forms, the e-mails that carry them, and what each is built to show.
// All schools, people, addresses and numbers are invented (telephone numbers from Ofcom's
// drama ranges, 01632 960xxx; IP addresses from the documentation ranges).
import type { DocWriter } from '../word/docx-writer';
import { primaryMasteryReadiness, secondaryMasterySpecialist, secondaryTfmWorkGroup, type FormId } from './forms';
import { applicantStatement, headteacherStatement, readinessStatement, tfmStatement } from './statements';
import {
  formText,
  hub,
  inBlockControl,
  inControl,
  mailtoName,
  person,
  placeholder,
  placeholderBlock,
  readinessValues,
  rich,
  richText,
  smsValues,
  statement,
  statementInTextBox,
  tfmValues,
  years,
  yn,
  type Fields,
  type ReadinessValues,
  type SmsValues,
  type TfmValues,
} from './values';

export type Severity = 'error' | 'warning';
export interface Issue {
  code: string;
  field?: string;
  role?: string;
  attachment?: string;
  severity: Severity;
}
export const err = (code: string, field?: string): Issue => ({ code, ...(field ? { field } : {}), severity: 'error' });
export const warn = (code: string, field?: string): Issue => ({ code, ...(field ? { field } : {}), severity: 'warning' });

export interface FormSample {
  filename: string;
  formId: FormId;
  build: () => Uint8Array;
  fields: Fields;
  /** Field-level issues the sample is built to show (signatory issues are added from the statuses). */
  issues: Issue[];
}

export interface Address {
  name?: string;
  address: string;
}

export type SignatoryStatus = 'copied' | 'notCopied' | 'noAddressOnForm' | 'copiedUnderOtherAddress';

export type Attachment =
  | { kind: 'form'; form: FormSample }
  | { kind: 'truncated'; filename: string; form: FormSample }
  | { kind: 'file'; filename: string; contentType: string; content: string };

export interface Server {
  host: string;
  ip: string;
  exchangeId: string;
}

export interface EmailSample {
  name: string;
  description: string;
  /** The form the e-mail is meant to carry (for the deadline when no form is readable). */
  formId: FormId;
  from: Address;
  to: Address[];
  cc?: Address[];
  subject: string;
  /** When the sender's Outlook sent it (Date header), UTC. */
  sent: string;
  /** When the hub's Exchange server received it (top Received header), UTC. */
  received: string;
  /** Offset the receiving server writes its timestamp in, minutes. */
  receivedOffset: number;
  server: Server;
  senderHost: string;
  body: string;
  attachments: Attachment[];
  /** Statuses that do not follow from the address alone (copiedUnderOtherAddress). */
  statusOverrides?: Record<string, SignatoryStatus>;
  messageIssues?: Issue[];
}

export interface BareFormSample {
  name: string;
  description: string;
  form: FormSample;
}

const NCETM: Server = { host: 'EXCH02.ncetm.org.uk', ip: '10.20.1.12', exchangeId: '15.1.1466.3' };
const BALCARRAS: Server = { host: 'BAL-EXCH01.balcarras.gloucs.sch.uk', ip: '10.4.0.25', exchangeId: '15.2.858.5' };
const CARMEL: Server = { host: 'CC-EXCH01.carmel.org.uk', ip: '10.1.1.8', exchangeId: '15.0.1365.1' };
const TO_NCETM: Address = { name: 'Maths Hubs', address: 'mathshubs@ncetm.org.uk' };
const TO_JO: Address = { name: 'Jo Newman', address: 'jmn@balcarras.gloucs.sch.uk' };
const TO_ARCHIMEDES: Address = { name: 'Springhall, Jane', address: 'jspringhall@carmel.org.uk' };

// ---------------------------------------------------------------------------------------------
// Form samples

function sms(filename: string, seed: string, author: string, modified: string, values: SmsValues, issues: Issue[] = []): FormSample {
  const { fill, fields } = smsValues(values);
  return {
    filename,
    formId: 'secondary-mastery-specialist-2018',
    fields,
    issues,
    build: () => secondaryMasterySpecialist(fill, { seed, author, meta: { lastModifiedBy: author, modified, revision: 4, totalTime: 38 } }),
  };
}

function tfm(filename: string, seed: string, author: string, modified: string, values: TfmValues, issues: Issue[] = []): FormSample {
  const { fill, fields } = tfmValues(values);
  return {
    filename,
    formId: 'secondary-tfm-workgroup-eoi-2021',
    fields,
    issues,
    build: () => secondaryTfmWorkGroup(fill, { seed, author, meta: { lastModifiedBy: author, modified, revision: 3, totalTime: 25 } }),
  };
}

function readiness(filename: string, seed: string, author: string, modified: string, values: ReadinessValues, issues: Issue[] = []): FormSample {
  const { fill, fields } = readinessValues(values);
  return {
    filename,
    formId: 'primary-mastery-readiness-2018',
    fields,
    issues,
    build: () => primaryMasteryReadiness(fill, { seed, author, meta: { lastModifiedBy: author, modified, revision: 5, totalTime: 41 } }),
  };
}

const smsStatements = (school: string, hubName: string, first: string, yearsText: string, start: number, applicantWords: [number, number] = [190, 260]) => ({
  applicantStatement: statement(applicantStatement({ vars: { school, hub: hubName, years: yearsText }, minWords: applicantWords[0], maxWords: applicantWords[1], start }), {
    blankBetween: start % 2 === 0,
  }),
  headteacherStatement: statement(headteacherStatement({ vars: { school, first }, minWords: 170, maxWords: 240, start: start % 5 }), { trailingBlank: 3 }),
});

// 01 — secondary mastery specialist, complete and correct
const hollinswood = sms('Mastery Specialist Application - Hollinswood High School.docx', 'sample:01', 'Daniel Okoro', '2018-06-05T13:02:00Z', {
  schoolName: 'Hollinswood High School',
  schoolUrn: '138264',
  mathsHub: 'Salop and Herefordshire Maths Hub',
  teacherName: 'Mr Daniel Okoro',
  teacherEmail: 'D.Okoro@hollinswood.telford.sch.uk',
  teacherNcetmUsername: 'DOkoro_maths',
  headOfDepartment: person.comma('Mrs Rachel Bennett', 'R.Bennett@Hollinswood.Telford.sch.uk'),
  headteacher: person.paren('Andrew Pryce', 'headteacher@hollinswood.telford.sch.uk'),
  qtsStatus: yn.typed('Yes', true),
  yearsTeaching: '7',
  teachingGroups: 'Year 7 (7A1), Year 9 (9B2), Year 10 (10A1), Year 12 Further Mathematics',
  currentRole: 'Second in Mathematics and KS3 Coordinator',
  otherAwards: 'NCETM Accredited PD Lead (March 2017)',
  teachingHistory: [
    { period: 'Sept 2015 - present', school: 'Hollinswood High School, Telford', position: 'Second in Mathematics' },
    { period: 'Sept 2012 - Aug 2015', merged: true, position: 'Teacher of Mathematics' },
    { period: 'Sept 2011 - Jul 2012', school: 'Wrekin Valley Academy, Wellington', position: 'Newly Qualified Teacher' },
  ],
  professionalDevelopment: [
    { year: '2016-17', activity: 'Teaching for Mastery Work Group (Salop and Herefordshire Maths Hub)' },
    { year: '2017', activity: 'NCETM Professional Development Lead Support Programme' },
  ],
  ...smsStatements('Hollinswood High School', 'Salop and Herefordshire Maths Hub', 'Daniel', 'seven', 0),
  extra: { signatures: { applicant: 'D Okoro', headOfDepartment: 'R Bennett', headteacher: 'A Pryce' } },
});

// 04 — head of department not copied; QTS answered by striking "No" through
const castlegate = sms('SMS application Castlegate.docx', 'sample:04', 'Sophie Allard', '2018-06-06T09:40:00Z', {
  schoolName: 'Castlegate School',
  schoolUrn: '141907',
  mathsHub: 'Great North Maths Hub',
  teacherName: 'Miss Sophie Allard',
  teacherEmail: 's.allard@castlegate.newcastle.sch.uk',
  teacherNcetmUsername: 'sallard',
  headOfDepartment: person.paren('Mr Tariq Hussain', 't.hussain@castlegate.newcastle.sch.uk'),
  headteacher: person.comma('Mrs Helen Dodd', 'Headteacher@Castlegate.Newcastle.sch.uk'),
  qtsStatus: yn.strike(true),
  yearsTeaching: '4',
  teachingGroups: 'Year 8 (8X1, 8Y3), Year 11 (11X2)',
  currentRole: 'Teacher of Mathematics, Year 8 curriculum lead',
  otherAwards: null,
  teachingHistory: [{ period: '2014 - present', school: 'Castlegate School', position: 'Teacher of Mathematics' }],
  professionalDevelopment: [{ year: '2017-18', activity: 'Great North Maths Hub Secondary Teaching for Mastery Work Group' }],
  ...smsStatements('Castlegate School', 'Great North Maths Hub', 'Sophie', 'four', 2),
});

// 05 — head teacher copied under another address; QTS by highlighting; details table nested in a layout table
const kingsmead = sms('Kingsmead - Mastery Specialist application form.docx', 'sample:05', 'Luke Fairbrother', '2018-06-04T18:22:00Z', {
  schoolName: 'Kingsmead School',
  schoolUrn: '136880',
  mathsHub: hub('Enigma', 'Enigma Maths Hub'),
  teacherName: 'Mr Luke Fairbrother',
  teacherEmail: 'l.fairbrother@kingsmead.milton-keynes.sch.uk',
  teacherNcetmUsername: 'LFairbrother',
  headOfDepartment: person.comma('Ms Anita Desai', 'A.Desai@kingsmead.milton-keynes.sch.uk'),
  headteacher: person.paren('Dr Grace Okafor', 'head@kingsmead.milton-keynes.sch.uk'),
  qtsStatus: yn.highlight(true),
  yearsTeaching: years('6 years', 6),
  teachingGroups: 'Y7 x2, Y10 set 2, Y13 Maths',
  currentRole: 'KS5 Coordinator',
  otherAwards: 'Specialist Leader of Education (Mathematics), designated 2017',
  teachingHistory: [
    { period: '2015 - present', school: 'Kingsmead School', position: 'KS5 Coordinator' },
    { period: '2012 - 2015', school: 'Stantonbury Park Academy', position: 'Teacher of Mathematics' },
  ],
  professionalDevelopment: [
    { year: '2017', activity: 'SLE training (Enigma Teaching School Alliance)' },
    { year: '2016', activity: 'Further Mathematics Support Programme: Teaching Mechanics' },
    { year: '2015', activity: 'Bar modelling CPD day' },
  ],
  ...smsStatements('Kingsmead School', 'Enigma Maths Hub', 'Luke', 'six', 6),
  extra: { nestDetailsTable: true },
});

// 06 — late; tracked changes (deleted "/No", years changed 4 → 5, school name inserted word); a comment
const trackedMeta = { author: 'Margaret Hale', date: '2018-06-07T15:52:00Z' };
const ravensworth = sms('Application form - Ravensworth.docx', 'sample:06', 'Margaret Hale', '2018-06-07T16:24:00Z', {
  schoolName: richText((w: DocWriter) => w.p([w.r('Ravensworth '), w.ins(w.r('Community '), trackedMeta), w.r('College')]), 'Ravensworth Community College'),
  schoolUrn: richText((w: DocWriter) => w.p(w.comment(w.r('130971'), 'Please double-check the URN on Get Information about Schools', { author: 'Margaret Hale', date: '2018-06-07T15:50:00Z' })), '130971'),
  mathsHub: 'North West Three Maths Hub',
  teacherName: 'Mr Callum Reid',
  teacherEmail: 'c.reid@ravensworth.warrington.sch.uk',
  teacherNcetmUsername: 'creid82',
  headOfDepartment: person.comma('Mrs Margaret Hale', 'm.hale@ravensworth.warrington.sch.uk'),
  headteacher: person.paren('Mr Stephen Kirby', 's.kirby@ravensworth.warrington.sch.uk'),
  qtsStatus: yn.trackedDelete(true, trackedMeta),
  yearsTeaching: rich((w: DocWriter) => w.p([w.del('4', {}, trackedMeta), w.ins(w.r('5'), trackedMeta)]), 5),
  teachingGroups: 'Year 7 (two groups), Year 9, Year 11 (set 3)',
  currentRole: 'Teacher of Mathematics and Numeracy Coordinator',
  otherAwards: null,
  teachingHistory: [
    { period: '2015 - present', school: 'Ravensworth Community College', position: 'Numeracy Coordinator' },
    { period: '2013 - 2015', school: 'Penketh Hall School', position: 'Teacher of Mathematics' },
  ],
  professionalDevelopment: [{ year: '2017-18', activity: 'North West Three Maths Hub: Developing Mastery in KS3 Work Group' }],
  ...smsStatements('Ravensworth Community College', 'North West Three Maths Hub', 'Callum', 'five', 10),
});

// 07 — just on time (15:59 UTC); QTS "Y"; HoD on two lines; head's address as a HYPERLINK field; smart quotes, nbsp
const staidans = sms('St Aidan’s Academy - SMS application.docx', 'sample:07', 'Laura Gibbons', '2018-06-07T15:51:00Z', {
  schoolName: 'St Aidan’s Church of England Academy',
  schoolUrn: '136452',
  mathsHub: hub('Archimedes NE', 'Archimedes NE Maths Hub'),
  teacherName: 'Mrs Laura Gibbons',
  teacherEmail: 'L.Gibbons@staidans.darlington.sch.uk',
  teacherNcetmUsername: 'lgibbons',
  headOfDepartment: person.lines('Mr Peter Nwosu', 'P.Nwosu@staidans.darlington.sch.uk'),
  headteacher: person.parenField('Mr Simon Hartley', 's.hartley@staidans.darlington.sch.uk'),
  qtsStatus: yn.typed('Y', true),
  yearsTeaching: '9',
  teachingGroups: 'Year 7 “Mastery” pilot group, Year 10 (set 1), Year 13',
  currentRole: 'Head of Key Stage 3 Mathematics',
  otherAwards: 'Maths SLE (designated September\u00a02016)',
  teachingHistory: [
    { period: '2013 - present', school: 'St Aidan’s Church of England Academy', position: 'Head of KS3 Mathematics' },
    { period: '2009 - 2013', school: 'Hurworth Grange School', position: 'Teacher of Mathematics' },
  ],
  professionalDevelopment: [
    { year: '2017-18', activity: 'China-England Teacher Exchange (hosted Shanghai teachers)' },
    { year: '2016', activity: 'SLE induction' },
  ],
  ...smsStatements('St Aidan’s', 'Archimedes NE Maths Hub', 'Laura', 'nine', 12),
  extra: { trailing: (w: DocWriter) => w.p([w.r(' '), w.goBack()]) },
});

// 08 — applicant statement over "maximum 300 words"; QTS "yes - awarded 2016"; e-mail only as a mailto link showing the name
const beaconHill = sms('Beacon Hill Academy application.docx', 'sample:08', 'Priya Raman', '2018-06-06T20:10:00Z', {
  schoolName: 'Beacon Hill Academy',
  schoolUrn: '144208',
  mathsHub: 'West Yorkshire Maths Hub',
  teacherName: 'Ms Priya Raman',
  teacherEmail: mailtoName('Priya Raman', 'P.Raman@beaconhill.kirklees.sch.uk'),
  teacherNcetmUsername: 'praman',
  headOfDepartment: person.comma('Mr Gareth Lowe', 'G.Lowe@beaconhill.kirklees.sch.uk'),
  headteacher: person.paren('Mrs Yvonne Booth', 'headteacher@beaconhill.kirklees.sch.uk'),
  qtsStatus: yn.typed('yes - awarded 2016', true),
  yearsTeaching: years('2 years', 2),
  teachingGroups: 'Y7 (7M3), Y8 (8M1), Y9 (9M2)',
  currentRole: 'Teacher of Mathematics',
  otherAwards: null,
  teachingHistory: [{ period: 'Sept 2016 - present', school: 'Beacon Hill Academy', position: 'Teacher of Mathematics' }],
  professionalDevelopment: [{ year: '2017-18', activity: 'West Yorkshire Maths Hub Early Career Teacher Work Group' }],
  ...smsStatements('Beacon Hill Academy', 'West Yorkshire Maths Hub', 'Priya', 'two', 1, [335, 350]),
}, [err('word-limit', 'applicantStatement')]);

// 15 — incomplete: QTS prompt left, URN content control showing its placeholder, head's e-mail missing
const oakfield = sms('Oakfield Academy SMS Application.docx', 'sample:15', 'Hannah Wilde', '2018-06-06T12:31:00Z', {
  schoolName: 'Oakfield Academy',
  schoolUrn: placeholder('School URN'),
  mathsHub: hub('Boolean', 'Boolean Maths Hub'),
  teacherName: 'Miss Hannah Wilde',
  teacherEmail: 'h.wilde@oakfield.bristol.sch.uk',
  teacherNcetmUsername: placeholderBlock('NCETM Username'),
  headOfDepartment: person.lines('Mr Joseph Evans', 'j.evans@oakfield.bristol.sch.uk'),
  headteacher: person.nameOnly('Mr Robert Ashworth'),
  qtsStatus: yn.prompt(),
  yearsTeaching: years('three', 3),
  teachingGroups: 'Year 7, Year 8 and Year 10 sets 2 and 4',
  currentRole: 'Teacher of Mathematics',
  otherAwards: null,
  teachingHistory: [{ period: '2015 - present', school: 'Oakfield Academy', position: 'Teacher of Mathematics' }],
  professionalDevelopment: [],
  ...smsStatements('Oakfield Academy', 'Boolean Maths Hub', 'Hannah', 'three', 4),
}, [err('required', 'schoolUrn'), err('required', 'headteacherEmail'), err('required', 'qtsStatus')]);

// Bare form — QTS answered by bolding "No" (not eligible)
const thornbury = sms('Thornbury Park SMS application.docx', 'bare:sms', 'Kate Morrow', '2018-06-01T10:12:00Z', {
  schoolName: 'Thornbury Park School',
  schoolUrn: '147310',
  mathsHub: 'Jurassic Maths Hub',
  teacherName: 'Mrs Kate Morrow',
  teacherEmail: 'k.morrow@thornburypark.dorset.sch.uk',
  teacherNcetmUsername: 'kmorrow',
  headOfDepartment: person.comma('Mr Liam Fraser', 'l.fraser@thornburypark.dorset.sch.uk'),
  headteacher: person.comma('Mrs Denise Holt', 'head@thornburypark.dorset.sch.uk'),
  qtsStatus: yn.bold(false),
  yearsTeaching: years('three', 3),
  teachingGroups: 'Year 7 and Year 8',
  currentRole: 'Unqualified teacher of mathematics (School Direct trainee from September)',
  otherAwards: null,
  teachingHistory: [{ period: '2015 - present', school: 'Thornbury Park School', position: 'Cover supervisor, then unqualified teacher' }],
  professionalDevelopment: [],
  ...smsStatements('Thornbury Park School', 'Jurassic Maths Hub', 'Kate', 'three', 15),
}, [err('not-eligible', 'qtsStatus')]);

// ---------------------------------------------------------------------------------------------
// secondary-tfm-workgroup-eoi-2021

const tfmStatementVal = (school: string, t1: string, t2: string, minWords: number, maxWords: number, start: number) =>
  statement(tfmStatement({ vars: { school, t1, t2 }, minWords, maxWords, start, perParagraph: 4 }), { blankBetween: true });

// 02 — complete and correct; specialist question answered with legacy FORMCHECKBOX fields
const severnVale = tfm('EoI TfM Work Group - Severn Vale Academy.docx', 'sample:02', 'James Tan', '2021-05-20T08:55:00Z', {
  schoolName: 'Severn Vale Academy',
  schoolAddress: 'Tewkesbury Road\nUckington\nCheltenham\nGL51 9SL',
  schoolUrn: '145311',
  contactTelephone: '01632 960418',
  headteacherName: 'Mrs Claire Whitmore',
  headteacherEmail: 'C.Whitmore@severnvale.gloucs.sch.uk',
  headteacherTrn: '8734521',
  headOfDepartmentName: 'Mr James Tan',
  headOfDepartmentEmail: 'j.tan@severnvale.gloucs.sch.uk',
  headOfDepartmentTrn: '1045872',
  teacher1Name: 'Ms Hannah Price',
  teacher1Email: 'h.price@severnvale.gloucs.sch.uk',
  teacher1Trn: '1187340',
  teacher1YearGroups: 'Years 7, 9 and 11',
  teacher1Role: 'KS3 Coordinator',
  teacher2Name: 'Mr Owen Lloyd',
  teacher2Email: 'o.lloyd@severnvale.gloucs.sch.uk',
  teacher2YearGroups: 'Years 8 and 10',
  teacher2Role: 'Teacher of Mathematics',
  workedWithSpecialist: yn.legacyCheckboxes(true),
  specialistDetails: 'Mrs Sarah Kemp (Cohort 2 Mastery Specialist, Cotswold Edge School) worked with two of our teachers in 2019/20 on Year 7 lesson design and a department Teacher Research Group.',
  headOfDepartmentStatement: tfmStatementVal('Severn Vale Academy', 'Hannah', 'Owen', 115, 148, 0),
  extra: { signatures: { headteacher: 'C Whitmore', headOfDepartment: 'J Tan', advocate1: 'H Price', advocate2: 'O Lloyd' } },
});

// 09 — warnings only: old-style TRN, URN with a space, "approx. 150 words" statement > 20 % over; w14 checkboxes
const deanForest = tfm('Dean Forest Academy - Work Group EoI.docx', 'sample:09', 'Rhys Morgan', '2021-05-18T15:30:00Z', {
  schoolName: 'Dean Forest Academy',
  schoolAddress: 'Lords Hill\nColeford\nGloucestershire\nGL16 8BD',
  schoolUrn: '137 425',
  contactTelephone: '+44 1632 960233',
  headteacherName: 'Mr Alan Pritchard',
  headteacherEmail: 'head@deanforest.gloucs.sch.uk',
  headteacherTrn: '9204518',
  headOfDepartmentName: 'Mr Rhys Morgan',
  headOfDepartmentEmail: 'R.Morgan@deanforest.gloucs.sch.uk',
  headOfDepartmentTrn: 'RP 99/12345',
  mathsHub: hub('Glow Maths Hub', 'GLOW Maths Hub'),
  teacher1Name: 'Mrs Ffion Jenkins',
  teacher1Email: 'f.jenkins@deanforest.gloucs.sch.uk',
  teacher1Trn: '1366024',
  teacher1YearGroups: 'Years 7, 8 and 12',
  teacher1Role: 'Second in Department',
  teacher2Name: 'Mr Tom Ashby',
  teacher2Email: 't.ashby@deanforest.gloucs.sch.uk',
  teacher2Trn: '1529873',
  teacher2YearGroups: 'Years 7, 9 and 10',
  teacher2Role: 'Teacher of Mathematics (ECT mentor)',
  workedWithSpecialist: yn.checkboxes(true),
  specialistDetails: 'Yes, Mr David Cole (Secondary Mastery Specialist) led two department meetings on variation in 2020.',
  headOfDepartmentStatement: tfmStatementVal('Dean Forest Academy', 'Ffion', 'Tom', 195, 215, 2),
}, [warn('old-style-trn', 'headOfDepartmentTrn'), warn('word-limit', 'headOfDepartmentStatement')]);

// 10 — statement 10 % over "approx. 150 words" (no issue) in a text box; content controls, two left as placeholders
const churnValley = tfm('Churn Valley School EOI form.docx', 'sample:10', 'Nadia Qureshi', '2021-05-21T11:05:00Z', {
  schoolName: inBlockControl('School name', 'Churn Valley School'),
  schoolAddress: 'Cheltenham Road, Cirencester, GL7 2JX',
  schoolUrn: inControl('URN', '139862'),
  contactTelephone: '01632 960771',
  headteacherName: 'Mr Graham Ellis',
  headteacherEmail: 'g.ellis@churnvalley.gloucs.sch.uk',
  headteacherTrn: '8812290',
  headOfDepartmentName: 'Ms Nadia Qureshi',
  headOfDepartmentEmail: 'n.qureshi@churnvalley.gloucs.sch.uk',
  headOfDepartmentTrn: '1123987',
  teacher1Name: inControl('Teacher 1 name', 'Mrs Lucy Hammond'),
  teacher1Email: inControl('Teacher 1 email', 'l.hammond@churnvalley.gloucs.sch.uk'),
  teacher1Trn: inControl('Teacher 1 TRN', '1402276'),
  teacher1YearGroups: inBlockControl('Teacher 1 year groups', 'Years 7 and 9'),
  teacher1Role: inBlockControl('Teacher 1 role', 'KS3 lead'),
  teacher2Name: inControl('Teacher 2 name', 'Mr Daniel Frost'),
  teacher2Email: inControl('Teacher 2 email', 'd.frost@churnvalley.gloucs.sch.uk'),
  teacher2Trn: placeholder('Teacher 2 TRN'),
  teacher2YearGroups: placeholderBlock('Teacher 2 year groups'),
  teacher2Role: inBlockControl('Teacher 2 role', 'Teacher of Mathematics'),
  workedWithSpecialist: yn.typed('No', false),
  specialistDetails: null,
  headOfDepartmentStatement: statementInTextBox(tfmStatement({ vars: { school: 'Churn Valley School', t1: 'Lucy', t2: 'Daniel' }, minWords: 163, maxWords: 167, start: 11, perParagraph: 4 })),
});

// 14 — good form (attached with a truncated copy)
const stroudwater = tfm('EoI - Stroudwater High School.docx', 'sample:14', 'Ben Atherton', '2021-05-24T13:40:00Z', {
  schoolName: 'Stroudwater High School',
  schoolAddress: 'Cainscross Road\nStroud\nGL5 4HF',
  schoolUrn: '141155',
  contactTelephone: '01632 960590',
  headteacherName: 'Dr Fiona Marsh',
  headteacherEmail: 'f.marsh@stroudwater.gloucs.sch.uk',
  headOfDepartmentName: 'Mr Ben Atherton',
  headOfDepartmentEmail: 'b.atherton@stroudwater.gloucs.sch.uk',
  headOfDepartmentTrn: '1066431',
  teacher1Name: 'Miss Chloe Danvers',
  teacher1Email: 'c.danvers@stroudwater.gloucs.sch.uk',
  teacher1Trn: '1610042',
  teacher1YearGroups: 'Years 7 and 8',
  teacher1Role: 'Teacher of Mathematics',
  teacher2Name: 'Mr Sam Okonjo',
  teacher2Email: 's.okonjo@stroudwater.gloucs.sch.uk',
  teacher2Trn: '1587720',
  teacher2YearGroups: 'Years 7, 9 and 11',
  teacher2Role: 'Teacher of Mathematics and Year 9 tutor',
  workedWithSpecialist: yn.typed('Yes', true),
  specialistDetails: 'Miss Rachel Owen (Mastery Specialist, Cohort 3) supported our Year 7 scheme of work review in spring 2021.',
  headOfDepartmentStatement: tfmStatementVal('Stroudwater High School', 'Chloe', 'Sam', 120, 150, 6),
});

// Bare form — every answer in a legacy FORMTEXT field
const tewkesbury = tfm('Tewkesbury Meadows EoI.docx', 'bare:tfm', 'Office', '2021-05-12T09:15:00Z', {
  schoolName: formText('Tewkesbury Meadows School'),
  schoolAddress: formText('Ashchurch Road, Tewkesbury, GL20 8DF'),
  schoolUrn: formText('143906'),
  contactTelephone: formText('01632 960064'),
  headteacherName: formText('Mrs Alison Grey'),
  headteacherEmail: formText('A.Grey@tewkesburymeadows.gloucs.sch.uk'),
  headteacherTrn: formText('9011745'),
  headOfDepartmentName: formText('Mr Mark Bishop'),
  headOfDepartmentEmail: formText('m.bishop@tewkesburymeadows.gloucs.sch.uk'),
  headOfDepartmentTrn: formText('1230456'),
  teacher1Name: formText('Miss Jade Holloway'),
  teacher1Email: formText('j.holloway@tewkesburymeadows.gloucs.sch.uk'),
  teacher1YearGroups: formText('Year 7'),
  teacher1Role: formText('Teacher of Mathematics'),
  teacher2Name: formText('Mr Ravi Mistry'),
  teacher2Email: formText('r.mistry@tewkesburymeadows.gloucs.sch.uk'),
  teacher2YearGroups: formText('Years 8 and 9'),
  teacher2Role: formText('Teacher of Mathematics'),
  workedWithSpecialist: { cell: (w: DocWriter) => w.p(w.formText('Yes')), expect: true },
  specialistDetails: formText('Ms Emma Rowe visited in 2020 to model lessons on fractions in Year 7.'),
  headOfDepartmentStatement: tfmStatementVal('Tewkesbury Meadows School', 'Jade', 'Ravi', 110, 145, 8),
});

// ---------------------------------------------------------------------------------------------
// primary-mastery-readiness-2018

const readinessStatementVal = (school: string, start: number, minWords = 110, maxWords = 170) =>
  statement(readinessStatement({ vars: { school }, minWords, maxWords, start, perParagraph: 3 }), { trailingBlank: 2 });

// 03 — complete and correct; address on soft line breaks; statement typed below the italic prompt
const brambleside = readiness('Declaration of Commitment - Brambleside Primary.docx', 'sample:03', 'Karen Lister', '2018-05-24T13:20:00Z', {
  schoolName: 'Brambleside Primary School',
  schoolAddress: richText((w: DocWriter) => w.p(w.r('Hartside Road\nDarlington\nDL3 0UT')), 'Hartside Road\nDarlington\nDL3 0UT'),
  schoolUrn: '114236',
  telephone: '01632 960377',
  headteacherName: 'Mrs Karen Lister',
  headteacherEmail: 'k.lister@brambleside.darlington.sch.uk',
  mathsHub: hub('Archimedes NE', 'Archimedes NE Maths Hub'),
  lead1Name: 'Miss Amy Turnbull',
  lead1Email: 'A.Turnbull@brambleside.darlington.sch.uk',
  lead1Telephone: '+44 1632 960155',
  lead1Roles: 'Maths Subject Leader; Year 6 class teacher (6T)',
  lead2Name: 'Mr Ben Carter',
  lead2Email: 'b.carter@brambleside.darlington.sch.uk',
  lead2Telephone: '01632 960378',
  lead2Roles: 'Year 4 class teacher',
  headteacherStatement: readinessStatementVal('Brambleside Primary School', 0),
  extra: { signatures: { headteacher: 'K. Lister', leadTeacher1: 'A. Turnbull', leadTeacher2: 'B. Carter' } },
});

// 11 — a hub that does not run the programme; school name typed into the label cell
const stHilds = readiness('St Hilds declaration.docx', 'sample:11', 'Louise Pearson', '2018-05-22T15:02:00Z', {
  schoolName: { cell: null, expect: "St Hild's C of E Primary School" },
  schoolAddress: 'Fairfield Road\nBuxton\nSK17 7DX',
  schoolUrn: '112890',
  telephone: '01632 960512',
  headteacherName: 'Mrs Louise Pearson',
  headteacherEmail: 'headteacher@st-hilds.derbyshire.sch.uk',
  mathsHub: hub('North Mids and Peaks Maths Hub', 'North Mids and Peaks Maths Hub'),
  lead1Name: 'Mr Owen Marsh',
  lead1Email: 'o.marsh@st-hilds.derbyshire.sch.uk',
  lead1Telephone: '01632 960513',
  lead1Roles: 'Maths lead, Year 5/6 teacher',
  lead2Name: 'Mrs Jo Kendal',
  lead2Email: 'j.kendal@st-hilds.derbyshire.sch.uk',
  lead2Roles: 'Year 2 teacher, KS1 lead',
  headteacherStatement: readinessStatementVal('St Hild’s', 3),
  extra: { labels: { schoolName: (w: DocWriter) => w.p([w.r('Name of school', { bold: true }), w.r(': St Hild’s C of E Primary School')]) } },
}, [err('hub-not-running-programme', 'mathsHub')]);

// 13 — forwarded by the school office: the head teacher is only in the quoted header block
const skernePark = readiness('Skerne Park declaration of commitment.docx', 'sample:13', 'Julie Metcalfe', '2018-05-23T08:10:00Z', {
  schoolName: 'Skerne Park Primary Academy',
  schoolAddress: 'Cleveland Avenue\nDarlington\nDL3 7BU',
  schoolUrn: '140613',
  telephone: '01632 960288',
  headteacherName: 'Mrs Julie Metcalfe',
  headteacherEmail: 'head@skernepark.darlington.sch.uk',
  mathsHub: 'Archimedes NE Maths Hub',
  lead1Name: 'Miss Gemma Rowe',
  lead1Email: 'g.rowe@skernepark.darlington.sch.uk',
  lead1Roles: 'Maths Subject Leader, Year 3',
  lead2Name: 'Mr Adam Bell',
  lead2Email: 'a.bell@skernepark.darlington.sch.uk',
  lead2Roles: 'Year 5 class teacher',
  headteacherStatement: readinessStatementVal('Skerne Park Primary Academy', 5),
});

// Bare form — only one lead teacher given
const thornaby = readiness('Thornaby Village Primary - Declaration.docx', 'bare:readiness', 'Claire Noble', '2018-05-16T14:45:00Z', {
  schoolName: 'Thornaby Village Primary School',
  schoolAddress: 'Mitchell Avenue\nThornaby\nStockton-on-Tees\nTS17 9LT',
  schoolUrn: '111620',
  telephone: '01632 960911',
  headteacherName: 'Mrs Claire Noble',
  headteacherEmail: 'c.noble@thornabyvillage.stockton.sch.uk',
  mathsHub: hub('Great North', 'Great North Maths Hub'),
  lead1Name: 'Mr Kieran Doyle',
  lead1Email: 'k.doyle@thornabyvillage.stockton.sch.uk',
  lead1Telephone: '01632 960912',
  lead1Roles: 'Maths Subject Leader, Year 6',
  headteacherStatement: readinessStatementVal('Thornaby Village Primary School', 2),
}, [err('required', 'lead2Name'), err('required', 'lead2Email')]);

// ---------------------------------------------------------------------------------------------
// The e-mails

const BODY_SIGN = (name: string, role: string, school: string) => `\n\nKind regards\n\n${name}\n${role}\n${school}\n`;

const MINIMAL_PDF = [
  '%PDF-1.4',
  '%\u00e2\u00e3\u00cf\u00d3',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj',
  '4 0 obj << /Length 58 >> stream',
  'BT /F1 12 Tf 72 770 Td (Application - Moorside High School) Tj ET',
  'endstream endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');

export const EMAILS: readonly EmailSample[] = [
  {
    name: '01-sms-complete',
    description: 'Secondary Mastery Specialist form, complete and correct, all signatories copied, on time. Name and e-mail in one cell ("Mrs Rachel Bennett, R.Bennett@…" and "Andrew Pryce (headteacher@…)"), a teaching-history School cell merged over two rows, empty rows left in both row tables.',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Okoro, Daniel', address: 'd.okoro@hollinswood.telford.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Bennett, Rachel', address: 'r.bennett@hollinswood.telford.sch.uk' },
      { name: 'Pryce, Andrew', address: 'headteacher@hollinswood.telford.sch.uk' },
    ],
    subject: 'Secondary Mastery Specialist application - Hollinswood High School',
    sent: '2018-06-05T13:11:47Z',
    received: '2018-06-05T13:12:03Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.hollinswood.telford.sch.uk',
    body: 'Dear Maths Hubs team,\n\nPlease find attached my application for the Secondary Mastery Specialist programme (Cohort 3). My head of department and head teacher are copied in as confirmation of their electronic signatures.' + BODY_SIGN('Daniel Okoro', 'Second in Mathematics', 'Hollinswood High School'),
    attachments: [{ kind: 'form', form: hollinswood }],
  },
  {
    name: '02-tfm-complete',
    description: 'TfM Work Group expression of interest, complete and correct, all four signatories copied, on time. Maths Hub left pre-filled "GLOW"; address on four paragraphs; the Yes/No question answered with legacy FORMCHECKBOX fields; teacher 2 TRN left empty (optional).',
    formId: 'secondary-tfm-workgroup-eoi-2021',
    from: { name: 'Tan, James', address: 'j.tan@severnvale.gloucs.sch.uk' },
    to: [TO_JO],
    cc: [
      { name: 'Whitmore, Claire', address: 'c.whitmore@severnvale.gloucs.sch.uk' },
      { name: 'Price, Hannah', address: 'h.price@severnvale.gloucs.sch.uk' },
      { name: 'Lloyd, Owen', address: 'o.lloyd@severnvale.gloucs.sch.uk' },
    ],
    subject: 'Secondary TfM Work Group EoI - Severn Vale Academy',
    sent: '2021-05-20T09:13:40Z',
    received: '2021-05-20T09:14:02Z',
    receivedOffset: 60,
    server: BALCARRAS,
    senderHost: 'EUR01-VE1-obe.outbound.protection.outlook.com',
    body: 'Hi Jo,\n\nPlease see attached our expression of interest for the Secondary Teaching for Mastery Work Group 2021/22. Everyone who signed is copied in.' + BODY_SIGN('James Tan', 'Head of Mathematics', 'Severn Vale Academy'),
    attachments: [{ kind: 'form', form: severnVale }],
  },
  {
    name: '03-readiness-complete',
    description: 'Primary Mastery Readiness declaration, complete and correct, all signatories copied, on time. Hub written "Archimedes NE"; address on soft line breaks; statement typed below the italic prompt inside the box; lead 1 phone in +44 form.',
    formId: 'primary-mastery-readiness-2018',
    from: { name: 'Karen Lister', address: 'k.lister@brambleside.darlington.sch.uk' },
    to: [TO_ARCHIMEDES],
    cc: [
      { name: 'Amy Turnbull', address: 'a.turnbull@brambleside.darlington.sch.uk' },
      { name: 'Ben Carter', address: 'b.carter@brambleside.darlington.sch.uk' },
    ],
    subject: 'Mastery Readiness Programme - Declaration of Commitment',
    sent: '2018-05-24T14:39:51Z',
    received: '2018-05-24T14:40:10Z',
    receivedOffset: 60,
    server: CARMEL,
    senderHost: 'mail.brambleside.darlington.sch.uk',
    body: 'Dear Jane,\n\nPlease find attached our completed declaration of commitment for the Mastery Readiness Programme.' + BODY_SIGN('Karen Lister', 'Headteacher', 'Brambleside Primary School'),
    attachments: [{ kind: 'form', form: brambleside }],
  },
  {
    name: '04-sms-signatory-not-copied',
    description: 'Head of department (on the form as "Mr Tariq Hussain (t.hussain@…)") is not among From/To/Cc. QTS answered by striking "No" through.',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Allard, Sophie', address: 's.allard@castlegate.newcastle.sch.uk' },
    to: [TO_NCETM],
    cc: [{ name: 'Dodd, Helen', address: 'headteacher@castlegate.newcastle.sch.uk' }],
    subject: 'Application - Secondary Mastery Specialist Programme',
    sent: '2018-06-06T08:45:12Z',
    received: '2018-06-06T08:45:30Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mx1.castlegate.newcastle.sch.uk',
    body: 'Good morning,\n\nPlease find my application attached.' + BODY_SIGN('Sophie Allard', 'Teacher of Mathematics', 'Castlegate School'),
    attachments: [{ kind: 'form', form: castlegate }],
  },
  {
    name: '05-sms-copied-other-address',
    description: 'Head teacher given on the form as head@kingsmead…, copied as "Okafor, Grace" <g.okafor@chilternvaletrust.org.uk> (display name matches "Dr Grace Okafor"). QTS answered by highlighting "Yes". School details table nested inside a one-cell layout table. Hub written "Enigma".',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Fairbrother, Luke', address: 'l.fairbrother@kingsmead.milton-keynes.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Desai, Anita', address: 'a.desai@kingsmead.milton-keynes.sch.uk' },
      { name: 'Okafor, Grace', address: 'g.okafor@chilternvaletrust.org.uk' },
    ],
    subject: 'Mastery Specialist application (Kingsmead School)',
    sent: '2018-06-05T07:02:33Z',
    received: '2018-06-05T07:02:51Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.kingsmead.milton-keynes.sch.uk',
    body: 'Dear colleagues,\n\nAttached is my application form for Cohort 3. Dr Okafor is copied from her trust account.' + BODY_SIGN('Luke Fairbrother', 'KS5 Coordinator', 'Kingsmead School'),
    attachments: [{ kind: 'form', form: kingsmead }],
    statusOverrides: { headteacher: 'copiedUnderOtherAddress' },
  },
  {
    name: '06-sms-late',
    description: 'Received 16:30 UTC = 17:30 BST on Thursday 7 June 2018, after the 5pm deadline. Tracked changes: "/No" deleted from Yes/No, years teaching 4 deleted and 5 inserted, "Community " inserted in the school name. A comment on the URN (ignored).',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Reid, Callum', address: 'c.reid@ravensworth.warrington.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Hale, Margaret', address: 'm.hale@ravensworth.warrington.sch.uk' },
      { name: 'Kirby, Stephen', address: 's.kirby@ravensworth.warrington.sch.uk' },
    ],
    subject: 'Secondary Mastery Specialist Programme application',
    sent: '2018-06-07T16:29:55Z',
    received: '2018-06-07T16:30:14Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.ravensworth.warrington.sch.uk',
    body: 'Hello,\n\nApologies for sending this so close to the deadline - please find my application attached.' + BODY_SIGN('Callum Reid', 'Numeracy Coordinator', 'Ravensworth Community College'),
    attachments: [{ kind: 'form', form: ravensworth }],
    messageIssues: [err('late')],
  },
  {
    name: '07-sms-on-time',
    description: 'Received 15:59 UTC (written "+0000") = 16:59 BST: on time, complete. QTS typed "Y"; head of department name and address on two lines; head teacher address as a HYPERLINK field; smart quotes and a non-breaking space in values; _GoBack bookmark.',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Gibbons, Laura', address: 'l.gibbons@staidans.darlington.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Nwosu, Peter', address: 'p.nwosu@staidans.darlington.sch.uk' },
      { name: 'Hartley, Simon', address: 's.hartley@staidans.darlington.sch.uk' },
    ],
    subject: 'SMS Cohort 3 application - St Aidan’s',
    sent: '2018-06-07T15:59:31Z',
    received: '2018-06-07T15:59:48Z',
    receivedOffset: 0,
    server: NCETM,
    senderHost: 'mail.staidans.darlington.sch.uk',
    body: 'Dear Maths Hubs team,\n\nPlease find attached my application for the Secondary Mastery Specialist programme.' + BODY_SIGN('Laura Gibbons', 'Head of KS3 Mathematics', 'St Aidan’s Church of England Academy'),
    attachments: [{ kind: 'form', form: staidans }],
  },
  {
    name: '08-sms-word-limit',
    description: 'Applicant statement over its "maximum 300 words" limit (error). QTS answered "yes - awarded 2016"; the teacher\'s e-mail given only as a mailto: link whose text is her name.',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Raman, Priya', address: 'p.raman@beaconhill.kirklees.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Lowe, Gareth', address: 'g.lowe@beaconhill.kirklees.sch.uk' },
      { name: 'Booth, Yvonne', address: 'headteacher@beaconhill.kirklees.sch.uk' },
    ],
    subject: 'Mastery Specialist application',
    sent: '2018-06-06T19:14:02Z',
    received: '2018-06-06T19:14:20Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.beaconhill.kirklees.sch.uk',
    body: 'Hello,\n\nPlease find attached my application for the Secondary Mastery Specialist programme.' + BODY_SIGN('Priya Raman', 'Teacher of Mathematics', 'Beacon Hill Academy'),
    attachments: [{ kind: 'form', form: beaconHill }],
  },
  {
    name: '09-tfm-warnings',
    description: 'Warnings only, so still complete: head of department TRN written "RP 99/12345" (old style → 9912345), URN written "137 425", statement more than 20 % over "approx. 150 words". Yes/No answered with w14 checkbox content controls; hub written "Glow Maths Hub" over the pre-filled GLOW; phone in +44 form.',
    formId: 'secondary-tfm-workgroup-eoi-2021',
    from: { name: 'Morgan, Rhys', address: 'r.morgan@deanforest.gloucs.sch.uk' },
    to: [TO_JO],
    cc: [
      { name: 'Pritchard, Alan', address: 'head@deanforest.gloucs.sch.uk' },
      { name: 'Jenkins, Ffion', address: 'f.jenkins@deanforest.gloucs.sch.uk' },
      { name: 'Ashby, Tom', address: 't.ashby@deanforest.gloucs.sch.uk' },
    ],
    subject: 'TfM Work Group EoI - Dean Forest Academy',
    sent: '2021-05-18T15:42:10Z',
    received: '2021-05-18T15:42:29Z',
    receivedOffset: 60,
    server: BALCARRAS,
    senderHost: 'EUR03-AM5-obe.outbound.protection.outlook.com',
    body: 'Dear Jo,\n\nPlease find our EoI form attached.' + BODY_SIGN('Rhys Morgan', 'Curriculum Leader for Mathematics', 'Dean Forest Academy'),
    attachments: [{ kind: 'form', form: deanForest }],
  },
  {
    name: '10-tfm-text-box',
    description: 'Statement typed into a text box (DrawingML + VML fallback, read once), about 10 % over "approx. 150 words" (no issue). Content controls: several filled, teacher 2 TRN (run-level) and year groups (cell-level) still showing "Click or tap here to enter text." (→ null, optional). Yes/No answered "No", so no specialist details needed.',
    formId: 'secondary-tfm-workgroup-eoi-2021',
    from: { name: 'Qureshi, Nadia', address: 'n.qureshi@churnvalley.gloucs.sch.uk' },
    to: [TO_JO],
    cc: [
      { name: 'Ellis, Graham', address: 'g.ellis@churnvalley.gloucs.sch.uk' },
      { name: 'Hammond, Lucy', address: 'l.hammond@churnvalley.gloucs.sch.uk' },
      { name: 'Frost, Daniel', address: 'd.frost@churnvalley.gloucs.sch.uk' },
    ],
    subject: 'Expression of interest - Secondary TfM Work Group',
    sent: '2021-05-21T10:20:44Z',
    received: '2021-05-21T10:21:05Z',
    receivedOffset: 0,
    server: BALCARRAS,
    senderHost: 'EUR02-HE1-obe.outbound.protection.outlook.com',
    body: 'Hi Jo,\n\nOur EoI for next year\'s Work Group is attached.' + BODY_SIGN('Nadia Qureshi', 'Head of Maths', 'Churn Valley School'),
    attachments: [{ kind: 'form', form: churnValley }],
  },
  {
    name: '11-readiness-other-hub',
    description: 'Readiness declaration naming North Mids and Peaks Maths Hub, which is not one of the 10 Northern Powerhouse hubs (error; value still the canonical name). School name typed into the label cell ("Name of school: St Hild’s C of E Primary School") with the value cell empty.',
    formId: 'primary-mastery-readiness-2018',
    from: { name: 'Louise Pearson', address: 'headteacher@st-hilds.derbyshire.sch.uk' },
    to: [TO_ARCHIMEDES],
    cc: [
      { name: 'Owen Marsh', address: 'o.marsh@st-hilds.derbyshire.sch.uk' },
      { name: 'Jo Kendal', address: 'j.kendal@st-hilds.derbyshire.sch.uk' },
    ],
    subject: 'Declaration of Commitment - St Hild’s',
    sent: '2018-05-22T14:12:06Z',
    received: '2018-05-22T14:12:40Z',
    receivedOffset: 60,
    server: CARMEL,
    senderHost: 'mail.st-hilds.derbyshire.sch.uk',
    body: 'Dear Mrs Springhall,\n\nPlease find attached our declaration of commitment for the Mastery Readiness Programme.' + BODY_SIGN('Louise Pearson', 'Headteacher', 'St Hild’s C of E Primary School'),
    attachments: [{ kind: 'form', form: stHilds }],
  },
  {
    name: '12-no-form-attached',
    description: 'An application e-mail whose only attachment is a PDF: no Word form attached.',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Whitaker, Emma', address: 'e.whitaker@moorside.leeds.sch.uk' },
    to: [TO_NCETM],
    cc: [{ name: 'Hughes, Martin', address: 'm.hughes@moorside.leeds.sch.uk' }],
    subject: 'Mastery Specialist application - Moorside High School',
    sent: '2018-06-06T15:03:19Z',
    received: '2018-06-06T15:03:37Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.moorside.leeds.sch.uk',
    body: 'Hello,\n\nI have scanned and attached my signed application.' + BODY_SIGN('Emma Whitaker', 'Teacher of Mathematics', 'Moorside High School'),
    attachments: [{ kind: 'file', filename: 'Application - Moorside High School.pdf', contentType: 'application/pdf', content: MINIMAL_PDF }],
    messageIssues: [err('no-form-attached')],
  },
  {
    name: '13-readiness-forwarded',
    description: 'Forwarded by the school office: the head teacher appears only in the quoted From:/Cc: lines of the body, not in the real headers (→ notCopied). Lead teachers copied.',
    formId: 'primary-mastery-readiness-2018',
    from: { name: 'Skerne Park Office', address: 'office@skernepark.darlington.sch.uk' },
    to: [TO_ARCHIMEDES],
    cc: [
      { name: 'Gemma Rowe', address: 'g.rowe@skernepark.darlington.sch.uk' },
      { name: 'Adam Bell', address: 'a.bell@skernepark.darlington.sch.uk' },
    ],
    subject: 'FW: Mastery Readiness declaration - Skerne Park',
    sent: '2018-05-23T09:31:10Z',
    received: '2018-05-23T09:31:26Z',
    receivedOffset: 60,
    server: CARMEL,
    senderHost: 'mail.skernepark.darlington.sch.uk',
    body:
      'Dear Mrs Springhall,\n\nPlease see below and attached from Mrs Metcalfe.\n\nKind regards\n\nSchool Office\nSkerne Park Primary Academy\n\n' +
      'From: Metcalfe, Julie <head@skernepark.darlington.sch.uk>\nSent: 23 May 2018 09:12\nTo: Skerne Park Office <office@skernepark.darlington.sch.uk>\n' +
      'Cc: Rowe, Gemma <g.rowe@skernepark.darlington.sch.uk>; Bell, Adam <a.bell@skernepark.darlington.sch.uk>\nSubject: Mastery Readiness declaration - Skerne Park\n\n' +
      'Please could you send the attached to the Maths Hub (jspringhall@carmel.org.uk) today.\n\nThanks\nJulie\n',
    attachments: [{ kind: 'form', form: skernePark }],
  },
  {
    name: '14-tfm-good-and-corrupt',
    description: 'Two attachments: a good, complete form, and a corrupt .docx (the first 60 % of a real .docx\'s bytes).',
    formId: 'secondary-tfm-workgroup-eoi-2021',
    from: { name: 'Atherton, Ben', address: 'b.atherton@stroudwater.gloucs.sch.uk' },
    to: [TO_JO],
    cc: [
      { name: 'Marsh, Fiona', address: 'f.marsh@stroudwater.gloucs.sch.uk' },
      { name: 'Danvers, Chloe', address: 'c.danvers@stroudwater.gloucs.sch.uk' },
      { name: 'Okonjo, Sam', address: 's.okonjo@stroudwater.gloucs.sch.uk' },
    ],
    subject: 'EoI form - Stroudwater High School',
    sent: '2021-05-24T14:02:58Z',
    received: '2021-05-24T14:03:15Z',
    receivedOffset: 60,
    server: BALCARRAS,
    senderHost: 'EUR04-DB3-obe.outbound.protection.outlook.com',
    body: 'Hi Jo,\n\nAttached is our EoI. I think the second copy may not have saved properly, sorry.' + BODY_SIGN('Ben Atherton', 'Head of Mathematics', 'Stroudwater High School'),
    attachments: [
      { kind: 'form', form: stroudwater },
      { kind: 'truncated', filename: 'EoI - Stroudwater High School (2).docx', form: stroudwater },
    ],
    messageIssues: [{ ...err('unreadable-attachment'), attachment: 'EoI - Stroudwater High School (2).docx' }],
  },
  {
    name: '15-sms-incomplete',
    description: 'Missing answers: QTS left as the prompt "Yes/No" (null, required); School URN a content control still showing its placeholder (required); NCETM Username a cell-level content control placeholder (optional); head teacher given by name only (required e-mail missing → signatory noAddressOnForm, even though he is copied). Head of department on two lines; years "three".',
    formId: 'secondary-mastery-specialist-2018',
    from: { name: 'Wilde, Hannah', address: 'h.wilde@oakfield.bristol.sch.uk' },
    to: [TO_NCETM],
    cc: [
      { name: 'Evans, Joseph', address: 'j.evans@oakfield.bristol.sch.uk' },
      { name: 'Ashworth, Robert', address: 'r.ashworth@oakfield.bristol.sch.uk' },
    ],
    subject: 'SMS application - Oakfield Academy',
    sent: '2018-06-06T11:40:21Z',
    received: '2018-06-06T11:40:39Z',
    receivedOffset: 60,
    server: NCETM,
    senderHost: 'mail.oakfield.bristol.sch.uk',
    body: 'Hello,\n\nPlease find attached my application.' + BODY_SIGN('Hannah Wilde', 'Teacher of Mathematics', 'Oakfield Academy'),
    attachments: [{ kind: 'form', form: oakfield }],
  },
];

export const BARE_FORMS: readonly BareFormSample[] = [
  {
    name: 'sms-bold-answer',
    description: 'Bare Secondary Mastery Specialist form: QTS answered by bolding "No" (false → not eligible); years "three".',
    form: thornbury,
  },
  {
    name: 'tfm-legacy-fields',
    description: 'Bare TfM expression of interest with every answer in a legacy FORMTEXT field (the Yes/No cell too); e-mails in mixed case.',
    form: tewkesbury,
  },
  {
    name: 'readiness-one-lead',
    description: 'Bare readiness declaration with the lead teacher 2 table left empty (name and e-mail required). Hub written "Great North".',
    form: thornaby,
  },
];
