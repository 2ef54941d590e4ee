// The verdict on an application email, rule by rule, on a small programme's form: which attachments
// are its forms, what is missing or ineligible, whether each signatory is copied in, the deadline,
// the return address, and an application forwarded as an attachment. Documents are written as data
// and handed over as the attachment readers hand them over (core/documents).
import { checkEmail, checkMessage, fieldTitle, isLateApplication, issueCounts, isWordAttachment } from '../../src/core/check';
import { loadCatalogue, withHubTemplates, type Catalogue } from '../../src/core/catalogue';
import { Template, type TemplateInput } from '../../src/core/catalogue/schema';
import type { Attachment, Mailbox, Message } from '../../src/core/message';
import type { WordDocument } from '../../src/core/docx/model';
import { documentOf, type BlockSpec } from '../support/document-model';

const programme: TemplateInput = {
  id: 'maths-leads',
  title: 'Maths Leads application',
  programme: 'Maths Leads',
  identify: ['Maths Leads application'],
  returnTo: { address: 'Hub@Glow.org.uk', name: 'the GLOW hub' },
  deadline: { date: '2025-03-31', time: '17:00' },
  sections: ['Head teacher'],
  fields: [
    { key: 'schoolName', label: 'Name of school', type: 'text', required: true },
    { key: 'qts', label: 'QTS', type: 'yesNo', essential: { equals: true, criterion: 'Qualified teacher status' } },
    { key: 'trn', label: 'TRN', type: 'trn', requiredWhen: { field: 'qts', equals: true } },
    { key: 'teacherName', label: 'Teacher', type: 'name', required: true },
    { key: 'teacherEmail', label: 'Teacher', type: 'email', required: true },
    { key: 'headName', label: 'Name', type: 'name', section: 'Head teacher' },
    { key: 'headEmail', label: 'Email', type: 'email', section: 'Head teacher', after: 'headName' },
    {
      key: 'groups',
      label: 'Groups',
      type: 'rows',
      required: true,
      columns: [
        { key: 'year', label: 'Year' },
        { key: 'size', label: 'Size' },
      ],
    },
  ],
  signatories: [
    { role: 'teacher', label: 'teacher', emailField: 'teacherEmail', nameField: 'teacherName' },
    { role: 'head', label: 'head teacher', emailField: 'headEmail', nameField: 'headName' },
  ],
};
const catalogue: Catalogue = withHubTemplates(loadCatalogue(), [{ data: programme, source: 'maths-leads.json' }]);

interface Answers {
  school?: string;
  qts?: string;
  trn?: string;
  teacher?: string;
  teacherEmail?: string;
  head?: string;
  headEmail?: string;
  rows?: string[][];
}
const filled: Required<Answers> = {
  school: 'Ashfield Academy',
  qts: 'Yes',
  trn: '1234567',
  teacher: 'Ann Smith',
  teacherEmail: 'ann@ashfield.sch.uk',
  head: 'Dr Bob Jones',
  headEmail: 'head@ashfield.sch.uk',
  rows: [['7', '30']],
};
function form(answers: Answers = {}): WordDocument {
  const a = { ...filled, ...answers };
  const blocks: BlockSpec[] = [
    'Maths Leads application',
    [
      ['Name of school', a.school],
      ['QTS', a.qts],
      ['TRN', a.trn],
      ['Teacher', { content: [a.teacher, a.teacherEmail] }],
    ],
    [['Year', 'Size'], ...a.rows],
    'Head teacher',
    [
      ['Name', a.head],
      ['Email', a.headEmail],
    ],
  ];
  return documentOf(...blocks);
}
const docx = (name: string, document: WordDocument | null = form(), more: Partial<Attachment['reading']> = {}): Attachment => ({
  name,
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
  reading: { kind: 'docx', description: 'a Word document', ...(document ? { document } : {}), ...more },
});
const pdf = (name: string, document?: WordDocument, problem?: { code: string; message: string }): Attachment => ({
  name,
  contentType: 'application/pdf',
  bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
  reading: { kind: 'pdf', description: 'a PDF', ...(document ? { document } : {}), ...(problem ? { problem } : {}) },
});
const image = (name: string): Attachment => ({
  name,
  contentType: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 0xff]),
  reading: { kind: 'image', description: 'an image' },
});
const box = (address: string, name = ''): Mailbox => ({ name, address });
const hub = box('hub@glow.org.uk', 'GLOW hub');
const teacher = box('ann@ashfield.sch.uk', 'Ann Smith');
const head = box('head@ashfield.sch.uk', 'Bob Jones');
function email(attachments: Attachment[], more: Partial<Message> = {}): Message {
  return {
    subject: 'Application',
    from: teacher,
    to: [hub],
    cc: [head],
    receivedAt: '2025-03-31T15:59:00Z', // 16:59 in London (BST from 30 March)
    internetMessageId: '<a@ashfield.sch.uk>',
    attachments,
    ...more,
  };
}
const check = (message: Message, trustedSenders: string[] = []) => checkEmail(message, catalogue, 'test.eml', { trustedSenders });
const codes = (message: Message) => {
  const { report } = check(message);
  return [...report.issues, ...report.forms.flatMap((f) => f.issues)].map((i) => i.code);
};

describe('a complete application', () => {
  const { report, formAttachments, wordAttachments, judgedReceivedAt } = check(email([docx('form.docx'), image('photo.jpg')]));

  it('reads every field of its form', () => {
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0]).toMatchObject({ attachment: 'form.docx', formId: 'maths-leads', confidence: 1 });
    expect(report.forms[0]!.fields).toEqual({
      schoolName: 'Ashfield Academy',
      qts: true,
      trn: '1234567',
      teacherName: 'Ann Smith',
      teacherEmail: 'ann@ashfield.sch.uk',
      headName: 'Dr Bob Jones',
      headEmail: 'head@ashfield.sch.uk',
      groups: [{ year: '7', size: '30' }],
    });
  });

  it('is complete, with no issues, every signatory copied in', () => {
    expect(report).toMatchObject({ source: 'test.eml', issues: [], complete: true });
    expect(report.forms[0]!.issues).toEqual([]);
    expect(report.forms[0]!.signatories.map((s) => [s.role, s.status])).toEqual([
      ['teacher', 'copied'],
      ['head', 'copied'],
    ]);
    expect(issueCounts(report)).toEqual({ errors: 0, warnings: 0 });
    expect(isLateApplication(report)).toBe(false);
  });

  it('gives the envelope without the attachments, and which bytes were read', () => {
    expect(report.message).toEqual({
      subject: 'Application',
      from: teacher,
      to: [hub],
      cc: [head],
      receivedAt: '2025-03-31T15:59:00Z',
      internetMessageId: '<a@ashfield.sch.uk>',
    });
    expect(formAttachments.map((a) => a.name)).toEqual(['form.docx']);
    expect(wordAttachments.map((a) => a.name)).toEqual(['form.docx']);
    expect(judgedReceivedAt).toBe('2025-03-31T15:59:00Z');
    expect(checkMessage(email([docx('form.docx')]), catalogue, 'test.eml')).toEqual(report);
  });
});

describe('the rules of the form', () => {
  const formIssues = (answers: Answers) => check(email([docx('form.docx', form(answers))])).report.forms[0]!.issues;

  it('a required answer left empty is missing, by its title', () => {
    expect(formIssues({ school: '' })).toEqual([
      { severity: 'error', code: 'required', field: 'schoolName', message: 'Name of school is missing.' },
    ]);
  });

  it('says which half of a name-and-email box is missing', () => {
    expect(formIssues({ teacherEmail: '' }).filter((i) => i.code === 'required')).toEqual([
      { severity: 'error', code: 'required', field: 'teacherEmail', message: 'Teacher: the e-mail address is missing.' },
    ]);
    expect(formIssues({ teacher: '' }).filter((i) => i.code === 'required')).toEqual([
      { severity: 'error', code: 'required', field: 'teacherName', message: 'Teacher: the name is missing.' },
    ]);
  });

  it('an answer needed because of another is missing only when the other says so', () => {
    expect(formIssues({ trn: '' })).toEqual([
      {
        severity: 'error',
        code: 'required',
        field: 'trn',
        message: 'TRN is missing; it is needed because of the answer to "QTS".',
      },
    ]);
    expect(formIssues({ trn: '', qts: 'No' }).map((i) => i.code)).toEqual(['not-eligible']);
  });

  it('an answer other than the essential one makes the applicant ineligible; no answer is only missing', () => {
    expect(formIssues({ qts: 'No', trn: '' })).toEqual([
      { severity: 'error', code: 'not-eligible', field: 'qts', message: 'Qualified teacher status is essential for this programme.' },
    ]);
    expect(formIssues({ qts: '' })).toEqual([]);
    expect(formIssues({ qts: 'n/a' })).toEqual([]);
    expect(formIssues({ qts: 'Maybe' })).toEqual([
      { severity: 'warning', code: 'ambiguous-answer', field: 'qts', message: 'QTS: the answer cannot be read as a clear Yes or No.' },
    ]);
  });

  it('a required table with no rows filled in is missing', () => {
    expect(formIssues({ rows: [['', '']] })).toEqual([
      { severity: 'error', code: 'required', field: 'groups', message: 'Groups is missing.' },
    ]);
  });

  it('a table of rows leaves out empty rows, and an empty cell in a row is missing (null)', () => {
    const { report } = check(
      email([
        docx(
          'form.docx',
          form({
            rows: [
              ['7', ''],
              ['', ''],
              ['8', '28'],
            ],
          }),
        ),
      ]),
    );
    expect(report.forms[0]!.fields.groups).toEqual([
      { year: '7', size: null },
      { year: '8', size: '28' },
    ]);
  });

  it('an e-mail typed in the name box, its own box empty, is read from there', () => {
    const separate = check(email([docx('form.docx', form({ head: 'Dr Bob Jones, head@ashfield.sch.uk', headEmail: '' }))])).report;
    expect(separate.forms[0]!.fields).toMatchObject({ headName: 'Dr Bob Jones', headEmail: 'head@ashfield.sch.uk' });
    expect(separate.complete).toBe(true);
    const noEmail = check(email([docx('form.docx', form({ head: 'Dr Bob Jones', headEmail: '' }))])).report;
    expect(noEmail.forms[0]!.fields.headEmail).toBeNull();
    const { report } = check(email([docx('form.docx', form({ teacher: 'Ann Smith, ann@ashfield.sch.uk', teacherEmail: '' }))]));
    expect(report.forms[0]!.fields.teacherEmail).toBe('ann@ashfield.sch.uk');
    expect(report.complete).toBe(true);
  });

  it('titles a field by its section, or by the field it follows, when its label repeats', () => {
    const template = catalogue.templates.find((t) => t.id === 'maths-leads')!;
    const field = (key: string) => template.fields.find((f) => f.key === key)!;
    expect(fieldTitle(field('headName'), template)).toBe('Head teacher – Name');
    expect(fieldTitle(field('schoolName'), template)).toBe('Name of school');
    const follows = Template.parse({ ...programme, fields: [...programme.fields!, { key: 'x', label: 'X', type: 'text', after: 'trn' }] });
    expect(fieldTitle(follows.fields.at(-1)!, follows)).toBe('TRN – X');
  });
});

describe('signatories', () => {
  it('one not copied in is an error on their e-mail field', () => {
    const { report } = check(email([docx('form.docx')], { cc: [] }));
    expect(report.forms[0]!.issues).toEqual([
      {
        severity: 'error',
        code: 'signatory-not-copied',
        field: 'headEmail',
        role: 'head',
        message: 'The head teacher is not copied in: their signature is not confirmed.',
      },
    ]);
    expect(report.complete).toBe(false);
  });

  it('one with no address on the form cannot be confirmed', () => {
    const { report } = check(email([docx('form.docx', form({ headEmail: '' }))]));
    expect(report.forms[0]!.issues).toEqual([
      {
        severity: 'error',
        code: 'signatory-no-address',
        field: 'headEmail',
        role: 'head',
        message: 'The form gives no email address for the head teacher, so their signature cannot be confirmed.',
      },
    ]);
  });

  it('one copied in from another address is a warning, and the application is not complete', () => {
    const { report } = check(email([docx('form.docx')], { cc: [box('bob.jones@ashfield.sch.uk', 'Dr Bob Jones')] }));
    expect(report.forms[0]!.issues).toEqual([
      {
        severity: 'warning',
        code: 'signatory-other-address',
        field: 'headEmail',
        role: 'head',
        message: 'The head teacher is copied in from a different address from the one on the form.',
      },
    ]);
    expect(report.complete).toBe(false);
    expect(issueCounts(report)).toEqual({ errors: 0, warnings: 1 });
  });

  it('the sender counts as copied in', () => {
    expect(codes(email([docx('form.docx')], { from: head, cc: [teacher] }))).toEqual([]);
  });
});

describe('an email with two forms', () => {
  const second = (answers: Answers) => docx('second.docx', form(answers));

  it('is complete only when every form is', () => {
    const { report } = check(email([docx('form.docx'), second({ school: '' })]));
    expect(report.forms.map((f) => f.issues.map((i) => i.code))).toEqual([[], ['required']]);
    expect(report.complete).toBe(false);
    expect(issueCounts(report)).toEqual({ errors: 1, warnings: 0 });
  });

  it('is not complete when a signatory of either form is copied in under another address', () => {
    const deputy = box('cat.lee@ashfield.sch.uk', 'Cat Lee');
    const { report } = check(
      email([docx('form.docx'), second({ head: 'Cat Lee', headEmail: 'lee@ashfield.sch.uk' })], { cc: [head, deputy] }),
    );
    expect(report.forms.map((f) => f.signatories.map((s) => s.status))).toEqual([
      ['copied', 'copied'],
      ['copied', 'copiedUnderOtherAddress'],
    ]);
    expect(report.complete).toBe(false);
    expect(issueCounts(report)).toEqual({ errors: 0, warnings: 1 });
  });
});

describe('the deadline and the return address', () => {
  it('an email after the deadline is late, in UK time', () => {
    const { report } = check(email([docx('form.docx')], { receivedAt: '2025-03-31T16:00:01Z' }));
    expect(report.issues).toEqual([
      {
        severity: 'error',
        code: 'late',
        message: 'Received Monday 31 March 2025 at 17:00 (UK time), after the Maths Leads deadline of Monday 31 March 2025 at 17:00.',
      },
    ]);
    expect(isLateApplication(report)).toBe(true);
    expect(report.complete).toBe(false);
    expect(codes(email([docx('form.docx')], { receivedAt: null }))).toEqual([]);
  });

  it('an email not sent to the return address is a warning, whatever the case of the address', () => {
    const { report } = check(email([docx('form.docx')], { to: [box('office@ashfield.sch.uk')] }));
    expect(report.issues).toEqual([
      {
        severity: 'warning',
        code: 'wrong-recipient',
        message: 'The form asks for it to be sent to the GLOW hub (hub@glow.org.uk), who is not among the recipients.',
      },
    ]);
    expect(report.complete).toBe(true);
    expect(codes(email([docx('form.docx')], { to: [], cc: [head, box('HUB@glow.org.uk')] }))).toEqual([]);
  });
});

describe('which attachments are forms', () => {
  it('with no form, says so and lists what is attached', () => {
    const { report } = check(email([image('photo.jpg'), pdf('letter.pdf', documentOf('Dear hub'))]));
    expect(report.issues).toEqual([
      {
        severity: 'error',
        code: 'no-form-attached',
        message:
          'No application form is attached to this email (attached: photo.jpg, an image; letter.pdf, a PDF that is none of the known forms).',
      },
    ]);
    expect(report.forms).toEqual([]);
    expect(report.complete).toBe(false);
    expect(check(email([])).report.issues[0]!.message).toBe('No application form is attached to this email.');
    // A zip is named by the files read out of it, not as itself; each PDF that is no form says so.
    const zip: Attachment = {
      name: 'forms.zip',
      contentType: 'application/zip',
      bytes: new Uint8Array([0x50, 0x4b]),
      reading: { kind: 'zip', description: 'a zip file', container: true },
    };
    const letters = [pdf('a.pdf', documentOf('Dear hub')), pdf('b.pdf', documentOf('Dear hub'))];
    expect(check(email([zip, ...letters])).report.issues[0]!.message).toBe(
      'No application form is attached to this email (attached: a.pdf, a PDF that is none of the known forms; b.pdf, a PDF that is none of the known forms).',
    );
  });

  it('a Word document that is no known form is an error, or a warning beside a known form', () => {
    const other = docx('minutes.docx', documentOf('Minutes of the meeting'));
    const alone = check(email([other])).report;
    expect(alone.forms).toEqual([
      {
        attachment: 'minutes.docx',
        formId: null,
        confidence: 0,
        fields: {},
        signatories: [],
        issues: [
          {
            severity: 'error',
            code: 'unknown-form',
            message: 'This document is not one of the known application forms (a hub manager can add its template).',
          },
        ],
      },
    ]);
    expect(alone.complete).toBe(false);
    const beside = check(email([other, docx('form.docx')])).report;
    expect(beside.forms.map((f) => [f.attachment, f.issues.map((i) => i.severity)])).toEqual([
      ['minutes.docx', ['warning']],
      ['form.docx', []],
    ]);
    expect(beside.complete).toBe(true);
  });

  it('a PDF copy of the Word form is noted, not read twice', () => {
    const { report, formAttachments } = check(email([pdf('form.pdf', form()), docx('form.docx')]));
    expect(report.forms.map((f) => f.attachment)).toEqual(['form.docx']);
    expect(formAttachments.map((a) => a.name)).toEqual(['form.docx']);
    expect(report.issues).toEqual([
      {
        severity: 'warning',
        code: 'form-copy',
        attachment: 'form.pdf',
        message: 'form.pdf (a PDF) is a copy of the form in form.docx: the Word form was read.',
      },
    ]);
  });

  it('a PDF that is the only form is read', () => {
    const { report } = check(email([pdf('form.pdf', form())]));
    expect(report.forms.map((f) => [f.attachment, f.formId])).toEqual([['form.pdf', 'maths-leads']]);
    expect(report.complete).toBe(true);
  });

  it('a PDF that cannot be read matters only when there is no form', () => {
    const unreadable = pdf('scan.pdf', undefined, { code: 'no-text', message: 'The PDF has no text: it is a scan.' });
    expect(check(email([unreadable, docx('form.docx')])).report.issues).toEqual([
      {
        severity: 'warning',
        code: 'unreadable-attachment',
        attachment: 'scan.pdf',
        message: 'scan.pdf (a PDF): The PDF has no text: it is a scan.',
      },
    ]);
    expect(check(email([unreadable])).report.issues).toEqual([
      {
        severity: 'error',
        code: 'unreadable-attachment',
        attachment: 'scan.pdf',
        message: 'scan.pdf (a PDF): The PDF has no text: it is a scan.',
      },
    ]);
  });

  it('a Word document that cannot be read is an error, with no "no form" besides', () => {
    const broken = docx('form.docx', null, { problem: { code: 'corrupt-zip', message: 'The document is damaged.' } });
    expect(check(email([broken])).report.issues).toEqual([
      { severity: 'error', code: 'unreadable-attachment', attachment: 'form.docx', message: 'form.docx: The document is damaged.' },
    ]);
  });

  it('a form with macros is read, with a warning', () => {
    const withMacros = { ...form(), macros: true };
    const { report } = check(email([docx('form.docm', withMacros)]));
    expect(report.forms[0]!.issues).toEqual([
      {
        severity: 'warning',
        code: 'macros',
        message: 'form.docm holds macros (a macro-enabled Word file). Its text was read; its macros were not run. Open it with care.',
      },
    ]);
    expect(
      check(email([docx('other.docm', { ...documentOf('Not a form'), macros: true })])).report.forms[0]!.issues.map((i) => i.code),
    ).toEqual(['unknown-form', 'macros']);
  });

  it('takes Word attachments by their real type once read, else by name or type', () => {
    expect(isWordAttachment({ name: 'form.docx', contentType: '' })).toBe(true);
    expect(isWordAttachment({ name: 'form', contentType: 'application/msword' })).toBe(true);
    expect(isWordAttachment({ name: 'photo.jpg', contentType: 'image/jpeg' })).toBe(false);
    expect(isWordAttachment(image('photo.docx'))).toBe(true); // tried, and said to be an image
    expect(isWordAttachment(pdf('form.pdf'))).toBe(true);
  });
});

describe('an application forwarded as an attachment', () => {
  const original = email([docx('form.docx')], { receivedAt: '2025-03-30T09:00:00Z' });
  const forward = (from: Mailbox, more: Partial<Message> = {}) =>
    email([], {
      from,
      to: [hub],
      cc: [],
      subject: 'Fw: Application',
      receivedAt: '2025-04-01T08:00:00Z',
      attachedMessages: [original],
      ...more,
    });

  it('from one of the hub’s own addresses: the original’s recipients and time count', () => {
    const result = check(forward(box('office@glow.org.uk')), ['glow.org.uk']);
    expect(result.original).toBe(original);
    expect(result.originalTrusted).toBe(true);
    expect(result.judgedReceivedAt).toBe('2025-03-30T09:00:00Z');
    expect(result.report.message?.subject).toBe('Fw: Application');
    expect(result.report.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'forwarded-application']]);
    expect(result.report.issues[0]!.message).toBe(
      "This email forwards the application as an attachment: the attached original email was checked (its recipients and its time), because it was forwarded from one of the hub's own addresses.",
    );
    expect(result.formAttachments[0]).toBe(original.attachments[0]);
  });

  it('from anyone else: judged on the email that arrived, the original’s claims said without being believed', () => {
    const result = check(forward(box('someone@elsewhere.org')));
    expect(result.originalTrusted).toBe(false);
    expect(result.judgedReceivedAt).toBe('2025-04-01T08:00:00Z');
    const said = result.report.issues.map((i) => [i.severity, i.code]);
    expect(said).toEqual([
      ['error', 'late'],
      ['warning', 'forwarded-original-unverified'],
    ]);
    expect(result.report.issues[1]!.message).toBe(
      "This email forwards the application as an attachment. The attached original email is dated Sunday 30 March 2025 at 10:00 (UK time), before the deadline, and copies in 2 of the form's 2 signatories, but that cannot be verified: the email forwarding it is not from one of the hub's own addresses. The signatories and the deadline are judged on the email that arrived.",
    );
    expect(result.report.forms[0]!.signatories.map((s) => s.status)).toEqual(['notCopied', 'notCopied']);
  });

  it('says when the original is itself late, or undated, or copies no one in', () => {
    const late = { ...original, receivedAt: '2025-04-01T07:00:00Z', cc: [] };
    const unverified = (attached: Message) =>
      check(forward(box('someone@elsewhere.org'), { attachedMessages: [attached] })).report.issues.find(
        (i) => i.code === 'forwarded-original-unverified',
      )!.message;
    expect(unverified(late)).toContain('is dated Tuesday 1 April 2025 at 08:00 (UK time), after the deadline, and copies in 1 of the form');
    expect(unverified({ ...original, receivedAt: null })).toContain('The attached original email gives no date and copies in 2 of');
    expect(unverified({ ...original, attachments: [docx('minutes.docx', documentOf('Minutes'))] })).toContain(
      'The attached original email is dated Sunday 30 March 2025 at 10:00 (UK time), but that cannot be verified',
    );
  });

  it('says what the original claims from its known form, not from another document beside it', () => {
    const withMinutes = { ...original, attachments: [docx('minutes.docx', documentOf('Minutes')), docx('form.docx')] };
    const result = check(forward(box('someone@elsewhere.org'), { attachedMessages: [withMinutes] }));
    expect(result.report.issues.find((i) => i.code === 'forwarded-original-unverified')!.message).toContain(
      "is dated Sunday 30 March 2025 at 10:00 (UK time), before the deadline, and copies in 2 of the form's 2 signatories",
    );
  });

  it('finds the form in the first attached email that has one', () => {
    const formless = email([image('photo.jpg')]);
    expect(check(forward(box('office@glow.org.uk'), { attachedMessages: [formless, original] }), ['glow.org.uk']).original).toBe(original);
  });

  it('finds the form in an email attached inside an attached email, and not when the email has its own form', () => {
    const nested = forward(box('office@glow.org.uk'), { attachedMessages: [email([], { attachedMessages: [original] })] });
    expect(check(nested, ['glow.org.uk']).original).toBe(original);
    const own = forward(box('office@glow.org.uk'), { attachments: [docx('form.docx')] });
    expect(check(own, ['glow.org.uk']).original).toBeNull();
    const formless = forward(box('office@glow.org.uk'), { attachedMessages: [email([image('photo.jpg')])] });
    expect(check(formless, ['glow.org.uk']).original).toBeNull();
  });
});
