import { join } from 'node:path';
import { checkFile } from '../../src/cli/check-file';
import { loadCatalogue } from '../../src/core/catalogue';
import {
  applicationColumns,
  applicationRecord,
  columnValue,
  filingFolder,
  RECORD_COLUMNS,
  RecordError,
  reservedColumnName,
  safeFileName,
  STATUSES,
} from '../../src/core/record';

const catalogue = loadCatalogue();
const sample = (name: string) => checkFile(join(__dirname, '../../samples/emails', `${name}.eml`), catalogue);

describe('the Applications list columns', () => {
  const columns = applicationColumns(catalogue.templates);

  it('has one column per catalogue field key, named after the key, besides its own columns', () => {
    const keys = new Set(catalogue.templates.flatMap((t) => t.fields.map((f) => f.key)));
    for (const key of keys) expect(columns.find((c) => c.name === key)?.formField).toBe(key);
    expect(columns).toHaveLength(RECORD_COLUMNS.length + keys.size);
  });

  it('uses internal names SharePoint accepts, unique without regard to case, as are display names', () => {
    for (const c of columns) expect(c.name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
    expect(new Set(columns.map((c) => c.name.toLowerCase())).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.displayName.toLowerCase())).size).toBe(columns.length);
  });

  it('types form columns as forms.md says: statements and rows as multi-line text, yes/no as boolean, numbers as number', () => {
    const kind = (name: string) => columns.find((c) => c.name === name)?.kind;
    expect(kind('applicantStatement')).toBe('note');
    expect(kind('teachingHistory')).toBe('note');
    expect(kind('qtsStatus')).toBe('boolean');
    expect(kind('yearsTeaching')).toBe('number');
    expect(kind('schoolUrn')).toBe('text');
    expect(kind('schoolAddress')).toBe('note');
  });

  it('indexes the look-up columns and keeps the Message-ID unique', () => {
    const indexed = RECORD_COLUMNS.filter((c) => c.indexed).map((c) => c.name);
    expect(indexed.sort()).toEqual(['Hub', 'InternetMessageId', 'Programme', 'Status', 'URN']);
    expect(RECORD_COLUMNS.find((c) => c.name === 'InternetMessageId')?.unique).toBe(true);
    expect(RECORD_COLUMNS.find((c) => c.name === 'Status')?.choices).toEqual(STATUSES);
  });

  it('keeps links in text columns, never hyperlink columns', () => {
    for (const name of ['EmailLink', 'FormLink', 'ResubmissionOf']) expect(RECORD_COLUMNS.find((c) => c.name === name)?.kind).toBe('note');
  });

  it('refuses a template whose field key clashes with a list column', () => {
    expect(reservedColumnName('status')).toBe(true);
    expect(reservedColumnName('schoolName')).toBe(false);
    const clash = { ...catalogue.templates[0]!, fields: [{ ...catalogue.templates[0]!.fields[0]!, key: 'status' }] };
    expect(() => applicationColumns([clash])).toThrow(/status/);
  });
});

describe('an application as an item', () => {
  it('maps a complete application to its fields', async () => {
    const report = await sample('01-sms-complete');
    const r = applicationRecord(report, catalogue.templates);
    expect(r.internetMessageId).toBe(report.message!.internetMessageId);
    expect(r.template?.id).toBe('secondary-mastery-specialist-2018');
    const form = report.forms[0]!;
    expect(r.fields).toMatchObject({
      Title: form.fields.schoolName,
      Programme: r.template!.programme,
      FormId: 'secondary-mastery-specialist-2018',
      School: form.fields.schoolName,
      URN: form.fields.schoolUrn,
      Hub: form.fields.mathsHub,
      Applicants: form.fields.teacherName,
      Headteacher: form.fields.headteacherName,
      ReceivedAt: report.message!.receivedAt,
      Late: false,
      SignatoriesComplete: true,
      MissingSignatories: null,
      Complete: true,
      ErrorCount: 0,
      WarningCount: 0,
      FormCount: 1,
      qtsStatus: true,
      applicantStatement: form.fields.applicantStatement,
      teachingHistory: JSON.stringify(form.fields.teachingHistory),
    });
    expect(r.initialFields).toEqual({ Status: 'New' });
  });

  it('names the missing signatories and lists the issues without quoting the applicant', async () => {
    const report = await sample('04-sms-signatory-not-copied');
    const r = applicationRecord(report, catalogue.templates);
    expect(r.fields.MissingSignatories).toBe('Head of department (not copied in)');
    expect(r.fields.SignatoriesComplete).toBe(false);
    expect(r.initialFields).toEqual({ Status: 'Needs info' });
    expect(r.fields.IssuesSummary).toMatch(/^error signatory-not-copied \(headOfDepartmentEmail\): /m);
    const personal = Object.entries(report.forms[0]!.fields)
      .filter(([key]) => /Name$|Email$|Statement$/.test(key))
      .map(([, v]) => v)
      .filter((v): v is string => typeof v === 'string');
    for (const value of personal) expect(String(r.fields.IssuesSummary)).not.toContain(value);
  });

  it('marks a late email', async () => {
    const r = applicationRecord(await sample('06-sms-late'), catalogue.templates);
    expect(r.fields.Late).toBe(true);
    expect(r.fields.IssuesSummary).toMatch(/^error late: /m);
  });

  it('files an email with no form, with the form columns empty', async () => {
    const report = await sample('12-no-form-attached');
    const r = applicationRecord(report, catalogue.templates);
    expect(r.form).toBeNull();
    expect(r.fields).toMatchObject({
      Programme: null,
      FormId: null,
      URN: null,
      FormCount: 0,
      Complete: false,
      Title: report.message!.subject,
    });
    expect(r.fields.IssuesSummary).toMatch(/no-form-attached/);
    expect(Object.keys(r.fields)).not.toContain('schoolName');
  });

  it('files the first known form of an email with several attachments and names the others', async () => {
    const report = await sample('14-tfm-good-and-corrupt');
    const r = applicationRecord(report, catalogue.templates);
    expect(r.form?.formId).toBe('secondary-tfm-workgroup-eoi-2021');
    expect(r.fields.Applicants).toBe(
      `${report.forms[0]!.fields.teacher1Name as string}; ${report.forms[0]!.fields.teacher2Name as string}`,
    );
    expect(r.fields.IssuesSummary).toMatch(/unreadable-attachment/);
  });

  it('refuses a bare form: only emails are filed', async () => {
    const report = await checkFile(join(__dirname, '../../samples/forms/sms-bold-answer.docx'), catalogue);
    expect(() => applicationRecord(report, catalogue.templates)).toThrow(RecordError);
  });

  it('stores values as their columns hold them', () => {
    expect(columnValue(null, 'text')).toBeNull();
    expect(columnValue('', 'note')).toBeNull();
    expect(columnValue([], 'note')).toBeNull();
    expect(columnValue('x'.repeat(300), 'text')).toHaveLength(255);
    expect(columnValue('x'.repeat(300), 'note')).toHaveLength(300);
    expect(columnValue('yes', 'boolean')).toBeNull();
  });
});

describe('where the files go', () => {
  it('is the same folder for the same email, whatever else changes, and another for another email reusing its Message-ID', () => {
    const fp = 'a'.repeat(64);
    expect(filingFolder('<a@b>', '2018-06-07T14:03:00.000Z', fp)).toBe(filingFolder('<A@b>', '2018-06-07T14:03:00.000Z', fp));
    expect(filingFolder('<a@b>', '2018-06-07T14:03:00.000Z', fp)).toMatch(/^2018\/2018-06-07-[0-9a-f]{16}$/);
    expect(filingFolder('<a@b>', null, fp)).toMatch(/^undated\/undated-[0-9a-f]{16}$/);
    expect(filingFolder('<a@b>', null, fp)).not.toBe(filingFolder('<a@c>', null, fp));
    expect(filingFolder('<a@b>', null, fp)).not.toBe(filingFolder('<a@b>', null, 'b'.repeat(64)));
  });

  it('makes attachment names safe for SharePoint', () => {
    expect(safeFileName('Application: "Ashfield" <v2>?.docx')).toBe('Application_ _Ashfield_ _v2__.docx');
    expect(safeFileName(' ~$draft.docx ')).toBe('draft.docx');
    expect(safeFileName('...')).toBe('file');
  });
});
