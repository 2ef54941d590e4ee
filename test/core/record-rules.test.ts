// The record's rules one at a time, on small made-up reports: what each column holds, what the
// list keeps and cuts, and where the files go. record.test.ts files the real samples; this file
// pins the edges those do not reach (found by a mutation run over src/core/record.ts).
import { loadCatalogue } from '../../src/core/catalogue';
import type { Template } from '../../src/core/catalogue/schema';
import type { ApplicationReport, FormReport } from '../../src/core/check';
import type { Issue } from '../../src/core/issues';
import {
  APPLICATIONS_LIST,
  applicationColumns,
  applicationRecord,
  clashKey,
  columnValue,
  EMAIL_FILE_NAME,
  FILES_LIBRARY,
  filingFolder,
  issuesSummary,
  NOTE_MAX,
  RECORD_COLUMNS,
  RecordError,
  reservedColumnName,
  safeFileName,
  shortHash,
  TEXT_MAX,
  withinLimits,
} from '../../src/core/record';

const catalogue = loadCatalogue();
const sms = catalogue.templates.find((t) => t.id === 'secondary-mastery-specialist-2018')!;
const readiness = catalogue.templates.find((t) => t.id === 'primary-mastery-readiness-2018')!;

const message = {
  subject: 'SMS application',
  from: { name: 'Jane Smith', address: 'jane@school.example' },
  to: [{ name: '', address: 'hub@mathshub.example' }],
  cc: [],
  receivedAt: '2018-06-07T14:03:00.000Z',
  internetMessageId: ' <a1@school.example> ',
};

function form(over: Partial<FormReport> = {}): FormReport {
  return { attachment: 'Application.docx', formId: sms.id, confidence: 1, fields: {}, signatories: [], issues: [], ...over };
}

function report(forms: FormReport[], over: Partial<ApplicationReport> = {}): ApplicationReport {
  return { source: 'x.eml', message, forms, issues: [], complete: false, ...over };
}

describe('the list and its library', () => {
  it('are named as the tenant has them', () => {
    expect(APPLICATIONS_LIST).toBe('Applications');
    expect(FILES_LIBRARY).toBe('Application Files');
    expect(EMAIL_FILE_NAME).toBe('email.eml');
  });

  it('have the columns list viewers and views rely on, each described in a sentence', () => {
    expect(RECORD_COLUMNS.map((c) => [c.name, c.displayName, c.kind, c.owner, c.indexed ?? false, c.unique ?? false].join(' | '))).toEqual([
      'Title | Title | text | checker | false | false',
      'Programme | Programme | text | checker | true | false',
      'FormId | Form | text | checker | false | false',
      'School | School | text | checker | false | false',
      'URN | URN | text | checker | true | false',
      'Hub | Hub | text | checker | true | false',
      'Applicants | Applicants | text | checker | false | false',
      'Headteacher | Head teacher | text | checker | false | false',
      'ReceivedAt | Received | dateTime | checker | false | false',
      'Late | Late | boolean | checker | false | false',
      'SignatoriesComplete | Signatories complete | boolean | checker | false | false',
      'MissingSignatories | Missing signatories | text | checker | false | false',
      'Complete | Complete | boolean | checker | false | false',
      'ErrorCount | Errors | number | checker | false | false',
      'WarningCount | Warnings | number | checker | false | false',
      'IssuesSummary | Issues | note | checker | false | false',
      'FormCount | Forms attached | number | checker | false | false',
      'Status | Status | choice | reviewer | true | false',
      'Decision | Decision | choice | reviewer | false | false',
      'DecidedBy | Decided by | text | reviewer | false | false',
      'DecidedAt | Decided at | dateTime | reviewer | false | false',
      'ReviewNotes | Review notes | note | reviewer | false | false',
      'CriteriaScores | Criteria scores | note | reviewer | false | false',
      'EmailLink | Email | note | link | false | false',
      'FormLink | Form file | note | link | false | false',
      'InternetMessageId | Internet message id | text | checker | true | true',
      'EmailFingerprint | Email fingerprint | text | checker | false | false',
      'OriginalMessageId | Original message id | text | checker | false | false',
      'FilingAttempt | Filing attempt | text | filing | false | false',
      'ResubmissionOf | Possible resubmission of | note | link | false | false',
      'ResubmissionOfId | Possible resubmission of (item id) | number | link | false | false',
    ]);
    for (const column of RECORD_COLUMNS) expect(column.description).toMatch(/^\S.{10,}[.)]$/);
    const status = RECORD_COLUMNS.find((c) => c.name === 'Status')!;
    expect(status.choices).toEqual(['New', 'Needs info', 'Under review', 'Accepted', 'Declined', 'Waitlisted', 'Withdrawn']);
    expect(status.defaultValue).toBe('New');
    expect(RECORD_COLUMNS.find((c) => c.name === 'Decision')!.choices).toEqual(['Accepted', 'Declined', 'Waitlisted']);
  });

  it("refuses a field key that is one of SharePoint's own field names, in any case", () => {
    for (const name of ['ID', 'Created', 'Modified', 'Author', 'Editor', 'ContentType', 'Attachments', 'Edit', 'LinkTitle']) {
      expect([name, reservedColumnName(name), reservedColumnName(name.toLowerCase())]).toEqual([name, true, true]);
    }
    for (const name of ['LinkTitleNoMenu', 'DocIcon', 'Order', 'GUID', 'FileRef', 'FileLeafRef', 'Version']) {
      expect([name, reservedColumnName(name), reservedColumnName(name.toUpperCase())]).toEqual([name, true, true]);
    }
    expect(reservedColumnName('urn')).toBe(true); // the list's own column, whatever the case
    expect(reservedColumnName('schoolUrn')).toBe(false);
    expect(reservedColumnName('Orders')).toBe(false);
  });
});

describe('form columns', () => {
  it('take their kind from the field type, and a key two templates type differently holds either as text', () => {
    const kinds = Object.fromEntries(
      applicationColumns([sms])
        .filter((c) => c.formField)
        .map((c) => [c.name, c.kind]),
    );
    expect(kinds).toMatchObject({
      schoolName: 'note', // text
      schoolUrn: 'text', // urn
      mathsHub: 'text', // hub
      teacherName: 'text', // name
      teacherEmail: 'text', // email
      qtsStatus: 'boolean',
      yearsTeaching: 'number',
      teachingHistory: 'note', // rows
      applicantStatement: 'note', // statement
    });
    const tfm = catalogue.templates.find((t) => t.id === 'secondary-tfm-workgroup-eoi-2021')!;
    const tfmKinds = Object.fromEntries(
      applicationColumns([tfm])
        .filter((c) => c.formField)
        .map((c) => [c.name, c.kind]),
    );
    expect(tfmKinds).toMatchObject({ schoolAddress: 'note', contactTelephone: 'text', headteacherTrn: 'text' });

    const dated: Template = { ...readiness, id: 'dated', fields: [{ ...readiness.fields[0]!, key: 'startDate', type: 'date' }] };
    expect(applicationColumns([dated]).find((c) => c.name === 'startDate')!.kind).toBe('text');
    const asNumber: Template = { ...dated, id: 'n', fields: [{ ...dated.fields[0]!, type: 'number' }] };
    expect(applicationColumns([dated]).find((c) => c.name === 'startDate')!.kind).toBe('text');
    expect(applicationColumns([asNumber]).find((c) => c.name === 'startDate')!.kind).toBe('number');
    expect(applicationColumns([dated, asNumber]).find((c) => c.name === 'startDate')!.kind).toBe('note');
    expect(applicationColumns([dated, dated]).find((c) => c.name === 'startDate')!.kind).toBe('text');
  });

  it('say in their description which field they hold, and a table as JSON', () => {
    const columns = applicationColumns([sms]);
    expect(columns.find((c) => c.name === 'teachingHistory')!.description).toBe("Form field teachingHistory: the table's rows as JSON.");
    expect(columns.find((c) => c.name === 'qtsStatus')!.description).toBe('Form field qtsStatus (yesNo).');
    expect(columns.find((c) => c.name === 'qtsStatus')).toMatchObject({ owner: 'checker', formField: 'qtsStatus' });
  });

  it("take the field's title, told apart by the key when a column already has that title", () => {
    const clash: Template = {
      ...readiness,
      id: 'clash',
      fields: [
        { ...readiness.fields[0]!, key: 'schoolStatus', label: 'Status' },
        { ...readiness.fields[0]!, key: 'longOne', label: 'L'.repeat(300) },
      ],
    };
    const columns = applicationColumns([clash]);
    expect(columns.find((c) => c.name === 'schoolStatus')!.displayName).toBe('Status (schoolStatus)');
    expect(columns.find((c) => c.name === 'longOne')!.displayName).toBe('L'.repeat(TEXT_MAX));
    const twice: Template = { ...clash, fields: [clash.fields[1]!, { ...clash.fields[1]!, key: 'longTwo' }] };
    const second = applicationColumns([twice]).find((c) => c.name === 'longTwo')!.displayName;
    expect(second).toBe(`${'L'.repeat(TEXT_MAX - 'longTwo'.length - 3)} (longTwo)`);
    expect(second).toHaveLength(TEXT_MAX);
  });
});

describe('values as their columns hold them', () => {
  it('keeps numbers in number columns only when they are numbers', () => {
    expect(columnValue(12, 'number')).toBe(12);
    expect(columnValue(Number.NaN, 'number')).toBeNull();
    expect(columnValue(Infinity, 'number')).toBeNull();
    expect(columnValue('12', 'number')).toBeNull();
    expect(columnValue(0, 'number')).toBe(0);
  });

  it('keeps yes and no in yes/no columns, and writes other values as text', () => {
    expect(columnValue(true, 'boolean')).toBe(true);
    expect(columnValue(false, 'boolean')).toBe(false);
    expect(columnValue(false, 'note')).toBe('false');
    expect(columnValue(7, 'text')).toBe('7');
    expect(columnValue(undefined, 'text')).toBeNull();
    expect(columnValue([{ year: '2017', school: 'A' }], 'note')).toBe('[{"year":"2017","school":"A"}]');
  });

  it('cuts single-line text at 255 characters with an ellipsis, and only past it', () => {
    expect(columnValue('x'.repeat(TEXT_MAX), 'text')).toBe('x'.repeat(TEXT_MAX));
    expect(columnValue('x'.repeat(TEXT_MAX + 1), 'text')).toBe(`${'x'.repeat(TEXT_MAX - 1)}…`);
  });
});

describe('what the list keeps', () => {
  const columns = applicationColumns([sms]);

  it('leaves values within their limits as they are', () => {
    const fields = { School: 'x'.repeat(TEXT_MAX), schoolName: 'y'.repeat(NOTE_MAX), ErrorCount: 3, IssuesSummary: 'error a: b' };
    expect(withinLimits(fields, columns)).toEqual(fields);
  });

  it('cuts a value past its limit and says so in the issues, counting a warning', () => {
    const out = withinLimits({ School: 'x'.repeat(TEXT_MAX + 1), IssuesSummary: 'error a: b', WarningCount: 2 }, columns);
    expect(out.School).toBe(`${'x'.repeat(TEXT_MAX - 1)}…`);
    expect(out.WarningCount).toBe(3);
    expect(out.IssuesSummary).toBe(
      'error a: b\nwarning value-cut (School): School is 256 characters long, more than the list keeps (255): it was cut; the whole text is in the filed form and email.',
    );
    const note = withinLimits({ schoolName: 'y'.repeat(NOTE_MAX + 5) }, columns);
    expect(note.schoolName).toHaveLength(NOTE_MAX);
    expect(note.WarningCount).toBe(1);
    expect(note.IssuesSummary).toMatch(
      /^warning value-cut \(schoolName\): .* is 64004 characters long, more than the list keeps \(63999\)/,
    );
  });

  it('cuts an issues summary past the limit last, saying the report has them all', () => {
    const long = 'e'.repeat(NOTE_MAX + 10);
    const out = withinLimits({ IssuesSummary: long, WarningCount: 0 }, columns);
    expect(out.IssuesSummary).toHaveLength(NOTE_MAX);
    expect(String(out.IssuesSummary).endsWith('\n… (cut: the issues run past what the list keeps; the report has them all)')).toBe(true);
    expect(out.WarningCount).toBe(0);
    expect(withinLimits({ IssuesSummary: 'e'.repeat(NOTE_MAX) }, columns).IssuesSummary).toHaveLength(NOTE_MAX);
  });
});

describe('the issues summary', () => {
  const issue = (over: Partial<Issue>): Issue => ({ severity: 'error', code: 'required', message: 'Missing.', ...over });

  it("has the email's issues, the filed form's, then each other form under its attachment name", () => {
    const filed = form({ issues: [issue({ field: 'schoolUrn' })] });
    const other = form({ attachment: 'Second.docx', issues: [issue({ severity: 'warning', code: 'x', role: 'headteacher' })] });
    const unknown = form({ attachment: 'Notes.docx', formId: null });
    const r = report([filed, other, unknown], { issues: [issue({ code: 'late', message: 'Late.' })] });
    expect(issuesSummary(r, filed).split('\n')).toEqual([
      'error late: Late.',
      'error required (schoolUrn): Missing.',
      `[Second.docx] another known form (${sms.id}), not filed as its own item`,
      '[Second.docx] warning x (headteacher): Missing.',
      '[Notes.docx] not a known form',
    ]);
    expect(issuesSummary(report([unknown]), null)).toBe('[Notes.docx] not a known form');
  });
});

describe('an application as an item', () => {
  it('refuses what cannot be filed exactly once, saying why', () => {
    expect(() => applicationRecord(report([], { message: null }), [sms])).toThrow(
      new RecordError('Only emails are filed: a form on its own has no Message-ID, sender or recipients to file it by.'),
    );
    for (const internetMessageId of [null, '', '   ']) {
      expect(() => applicationRecord(report([], { message: { ...message, internetMessageId } }), [sms])).toThrow(
        'The email has no Message-ID, so it cannot be filed exactly once.',
      );
    }
    const long = `<${'a'.repeat(TEXT_MAX - 2)}>`;
    expect(applicationRecord(report([], { message: { ...message, internetMessageId: long } }), [sms]).internetMessageId).toBe(long);
    expect(() => applicationRecord(report([], { message: { ...message, internetMessageId: `${long}x` } }), [sms])).toThrow(
      "The email's Message-ID is longer than 255 characters.",
    );
    try {
      applicationRecord(report([], { message: null }), [sms]);
    } catch (error) {
      expect((error as Error).name).toBe('RecordError');
    }
  });

  it('names people from the form: the head teacher, and the applicants other than the head and head of department', () => {
    const fields = {
      schoolName: 'Ashfield School',
      schoolUrn: '123456',
      mathsHub: 'Jurassic Maths Hub',
      teacherName: 'Jane Smith',
      headteacherName: 'Pat Jones',
      headOfDepartmentName: 'Sam Lee',
    };
    const r = applicationRecord(report([form({ fields })]), catalogue.templates, { originalMessageId: ' <orig@x> ' });
    expect(r.fields).toMatchObject({
      Title: 'Ashfield School',
      Programme: sms.programme,
      FormId: sms.id,
      URN: '123456',
      Hub: 'Jurassic Maths Hub',
      Headteacher: 'Pat Jones',
      Applicants: 'Jane Smith',
      OriginalMessageId: '<orig@x>',
      InternetMessageId: '<a1@school.example>',
      SignatoriesComplete: false,
      MissingSignatories: null,
      Late: false,
      FormCount: 1,
    });
    expect(r.programme).toBe(sms.programme);
    expect(r.urn).toBe('123456');
    expect(r.initialFields).toEqual({ Status: 'Needs info' });

    // Readiness has no headteacherName key of its own: the head teacher's role names the field.
    const lead = { schoolName: 'Brook Primary', headteacherName: '  ', lead1Name: 'Ann Lee', lead2Name: 'Bo Ray' };
    const readinessRecord = applicationRecord(report([form({ formId: readiness.id, fields: lead })]), catalogue.templates);
    expect(readinessRecord.fields).toMatchObject({ Headteacher: null, Applicants: 'Ann Lee; Bo Ray', URN: null, Hub: null });
    // A signatory without a name field is named by the field its email field's name gives: xEmail → xName.
    const byEmail: Template = {
      ...readiness,
      signatories: [{ ...readiness.signatories[1]!, nameField: undefined, emailField: 'leadEmailContactEmail' }],
    };
    const derived = applicationRecord(
      report([form({ formId: readiness.id, fields: { leadEmailContactName: 'Ann Lee', leadNameContactEmail: 'Wrong' } })]),
      [byEmail],
    );
    expect(derived.fields.Applicants).toBe('Ann Lee');
  });

  it('lists the signatories not confirmed by their label and why, and is complete only when every one is copied in', () => {
    const signatories = [
      { role: 'headteacher', name: 'Pat Jones', email: 'pat@x', status: 'copied' as const },
      { role: 'applicant', name: 'Jane Smith', email: 'jane@x', status: 'notCopied' as const },
      { role: 'headOfDepartment', name: null, email: null, status: 'noAddressOnForm' as const },
      { role: 'mystery', name: null, email: null, status: 'copiedUnderOtherAddress' as const },
    ];
    const r = applicationRecord(report([form({ signatories })]), catalogue.templates);
    expect(r.fields.MissingSignatories).toBe(
      'Teacher applicant (not copied in); Head of department (no address on the form); mystery (copied in from another address)',
    );
    expect(r.fields.SignatoriesComplete).toBe(false);
    const all = applicationRecord(report([form({ signatories: [signatories[0]!] })], { complete: true }), catalogue.templates);
    expect(all.fields).toMatchObject({ SignatoriesComplete: true, MissingSignatories: null, Complete: true });
    expect(all.initialFields).toEqual({ Status: 'New' });
    const unchecked = applicationRecord(report([form({ signatories: [{ ...signatories[1]!, status: null }] })]), catalogue.templates);
    expect(unchecked.fields.MissingSignatories).toBeNull();
  });

  it('files an email with no known form under its subject, and a form of a template it no longer has without columns', () => {
    const none = applicationRecord(report([form({ formId: null, fields: { schoolName: 'X' } })]), catalogue.templates);
    expect(none.fields).toMatchObject({ Title: 'SMS application', Programme: null, FormId: null, School: null, FormCount: 1 });
    expect(none.programme).toBeNull();
    expect(none.template).toBeNull();
    const blank = applicationRecord(report([], { message: { ...message, subject: '  ' } }), catalogue.templates);
    expect(blank.fields.Title).toBe('(no subject)');
    const gone = applicationRecord(report([form({ fields: { schoolName: 'Y', schoolUrn: '1' } })]), [readiness]);
    expect(gone.fields).toMatchObject({ Title: 'Y', Programme: null, URN: null, Applicants: null });
    expect(gone.fields).not.toHaveProperty('schoolUrn');
  });

  it('writes each form field into its column as the column holds it', () => {
    const fields = { schoolName: 'Ashfield', schoolUrn: '123456', yearsTeaching: 6, qtsStatus: true, teachingGroups: '' };
    const r = applicationRecord(report([form({ fields })]), catalogue.templates);
    expect(r.fields).toMatchObject({
      schoolName: 'Ashfield',
      schoolUrn: '123456',
      yearsTeaching: 6,
      qtsStatus: true,
      teachingGroups: null,
    });
    expect(
      applicationRecord(report([form({ fields: { schoolUrn: 'u'.repeat(300) } })]), catalogue.templates).fields.schoolUrn,
    ).toHaveLength(TEXT_MAX);
  });
});

describe('where the files go', () => {
  it("keeps an email reusing another email's Message-ID apart by its fingerprint, within 255 characters", () => {
    const fp = 'f'.repeat(64);
    expect(clashKey('<a@b>', fp)).toBe(`<a@b> #${'f'.repeat(32)}`);
    const long = clashKey('m'.repeat(TEXT_MAX), fp);
    expect(long).toHaveLength(TEXT_MAX);
    expect(long.endsWith(` #${'f'.repeat(32)}`)).toBe(true);
  });

  it('names folders by FNV-1a, by the received day, and by the Message-ID whatever its case', () => {
    expect(shortHash('')).toBe('cbf29ce484222325');
    expect(shortHash('a')).toBe('af63dc4c8601ec8c');
    expect(filingFolder('<A@B>', '2018-06-07T14:03:00Z', 'fp')).toBe(`2018/2018-06-07-${shortHash('<a@b>\nfp')}`);
    expect(filingFolder('<a@b>', '7 June 2018', 'fp')).toBe(`undated/undated-${shortHash('<a@b>\nfp')}`);
    expect(filingFolder('<a@b>', '2018-6-07', 'fp')).toMatch(/^undated\//);
    expect(filingFolder('<a@b>', 'x2018-06-07', 'fp')).toMatch(/^undated\//);
  });

  it('makes names SharePoint refuses into names it takes', () => {
    expect(safeFileName('CON.docx')).toBe('file-CON.docx');
    expect(safeFileName('com1')).toBe('file-com1');
    expect(safeFileName('LPT9.txt')).toBe('file-LPT9.txt');
    expect(safeFileName('desktop.ini')).toBe('file-desktop.ini');
    expect(safeFileName('report.lock')).toBe('file-report.lock');
    expect(safeFileName('console.docx')).toBe('console.docx');
    expect(safeFileName('comX.docx')).toBe('comX.docx');
    expect(safeFileName('a_vti_b.docx')).toBe('a_vti-b.docx');
    expect(safeFileName('form.docx. . ')).toBe('form.docx');
    expect(safeFileName('$~.form.docx')).toBe('form.docx');
    expect(safeFileName('form$.docx')).toBe('form$.docx');
    expect(safeFileName('tab\there.docx')).toBe('tab_here.docx');
    const long = `${'n'.repeat(200)}.docx`;
    expect(safeFileName(long)).toBe(long.slice(-120));
  });
});
