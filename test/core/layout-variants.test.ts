// Forms retyped or rearranged by schools: the same answers, found where they stand.
import { loadCatalogue } from '../../src/core/catalogue';
import { checkDocument } from '../../src/core/check';
import { minimalDocx, p, r, tbl, tc, tr } from '../support/minimal-docx';

const catalogue = loadCatalogue();
const cell = (...paragraphs: string[]) => tc(paragraphs.map((t) => p(r(t))).join(''));
const row = (...cells: string[]) => tr(...cells.map((c) => cell(c)));
const fieldsOf = (body: string) => checkDocument(minimalDocx(body), 'eoi.docx', catalogue, 'eoi.docx').forms[0]!;

const schoolDetails = (extraRows = '') =>
  tbl(
    row('Name of school', 'Beck Hill School'),
    tr(cell('Address'), cell('1 Beck Lane', 'Cheltenham', 'GL50 1AA')),
    row('School URN', '115 678', 'Contact telephone number', '01242 515881 ext 204'),
    row('Name of headteacher/senior leader', 'Mr A Jones, A.Jones@beckhill.sch.uk', 'Email', ''),
    row('Teacher reference number (TRN)', '1234567'),
    row('Name of head of department', 'Ms B Khan', 'Email', 'b.khan@beckhill.sch.uk'),
    row('Teacher reference number (TRN)', 'RP 99/12345'),
    row('Maths Hub (if known)', 'GLOW'),
    extraRows,
  );

const statement = (body: string) =>
  [
    p(r('Head of department statement')),
    p(
      r(
        'Explain briefly why the department wishes to participate in this Work Group and what it hopes will be the expected benefits and impact. Also, give details of why the two participating teachers (Mastery Advocates) have been chosen (approx. 150 words).',
      ),
    ),
    body,
  ].join('');

const title = p(r('Secondary Mathematics Teaching for Mastery Work Group Expression of Interest Form'));

describe('an Expression of Interest with the two teachers side by side', () => {
  const form = fieldsOf(
    [
      title,
      schoolDetails(),
      p(r('Participating teacher (Mastery Advocate) details')),
      tbl(
        row('', 'Teacher 1', 'Teacher 2'),
        row('Name', 'Ms C Lee', 'Mr D Okafor'),
        row('Email', 'c.lee@beckhill.sch.uk', 'd.okafor@beckhill.sch.uk'),
        row('Teacher reference number (TRN)', '2345678', '3456789'),
        row('Year groups being taught in 2021/22', '7, 8 and 10', '7 and 9'),
        row('Role/responsibility in the maths department', 'KS3 lead', 'Teacher of maths'),
      ),
      p(r('Engagement with a Secondary Mastery Specialist')),
      tbl(
        tr(cell('Has your school worked with a Maths Hub Mastery Specialist?'), cell('☐ Yes'), cell('☒ No')),
        row('If yes, please name the Mastery Specialist and outline the nature of the work with them', ''),
      ),
      statement(tbl(tr(cell(''))) + p(r('We want to build a shared approach.'))),
    ].join(''),
  );

  it('is identified', () => expect(form.formId).toBe('secondary-tfm-workgroup-eoi-2021'));

  it('reads each teacher from their column', () => {
    expect(form.fields).toMatchObject({
      teacher1Name: 'Ms C Lee',
      teacher1Email: 'c.lee@beckhill.sch.uk',
      teacher1Trn: '2345678',
      teacher1YearGroups: '7, 8 and 10',
      teacher1Role: 'KS3 lead',
      teacher2Name: 'Mr D Okafor',
      teacher2Email: 'd.okafor@beckhill.sch.uk',
      teacher2Trn: '3456789',
      teacher2YearGroups: '7 and 9',
      teacher2Role: 'Teacher of maths',
    });
  });

  it('tells the four TRNs apart by where they stand', () => {
    expect(form.fields).toMatchObject({ headteacherTrn: '1234567', headOfDepartmentTrn: '9912345' });
    expect(form.issues).toContainEqual(
      expect.objectContaining({ code: 'old-style-trn', field: 'headOfDepartmentTrn', severity: 'warning' }),
    );
  });

  it('takes the headteacher email typed in the name box', () => {
    expect(form.fields).toMatchObject({ headteacherName: 'Mr A Jones', headteacherEmail: 'a.jones@beckhill.sch.uk' });
  });

  it('reads the other fields as forms.md types them', () => {
    expect(form.fields).toMatchObject({
      schoolName: 'Beck Hill School',
      schoolAddress: '1 Beck Lane\nCheltenham\nGL50 1AA',
      schoolUrn: '115678',
      contactTelephone: '01242 515881 ext 204',
      mathsHub: 'GLOW Maths Hub',
      workedWithSpecialist: false,
      specialistDetails: null,
    });
    expect(form.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads a statement typed below its empty box', () => {
    expect(form.fields.headOfDepartmentStatement).toBe('We want to build a shared approach.');
  });
});

describe('a form retyped as paragraphs and tab-separated lines', () => {
  const form = fieldsOf(
    [
      title,
      p(r('Name of school: Beck Hill School')),
      p(r('Address: 1 Beck Lane, Cheltenham')),
      p(r('School URN:\t115678')),
      p(r('Contact telephone number: +44 (0)1242 515881')),
      p(r('Name of headteacher/senior leader: Mr A Jones')),
      p(r('Email: a.jones@beckhill.sch.uk')),
      p(r('Name of head of department: Ms B Khan')),
      p(r('Email: b.khan@beckhill.sch.uk')),
      p(r('Teacher 1')),
      p(r('Name: Ms C Lee')),
      p(r('Email: c.lee@beckhill.sch.uk')),
      p(r('Teacher 2')),
      p(r('Name: Mr D Okafor')),
      p(r('Email: d.okafor@beckhill.sch.uk')),
      p(r('Has your school worked with a Maths Hub Mastery Specialist? Yes')),
      p(
        r(
          'If yes, please name the Mastery Specialist and outline the nature of the work with them: Joint planning with our specialist in 2020.',
        ),
      ),
      statement(p(r('Our department is ready.'))),
    ].join(''),
  );

  it('reads the answers after the labels', () => {
    expect(form.formId).toBe('secondary-tfm-workgroup-eoi-2021');
    expect(form.fields).toMatchObject({
      schoolName: 'Beck Hill School',
      schoolAddress: '1 Beck Lane, Cheltenham',
      schoolUrn: '115678',
      contactTelephone: '+44 (0)1242 515881',
      headteacherName: 'Mr A Jones',
      headteacherEmail: 'a.jones@beckhill.sch.uk',
      headOfDepartmentName: 'Ms B Khan',
      headOfDepartmentEmail: 'b.khan@beckhill.sch.uk',
      teacher1Name: 'Ms C Lee',
      teacher1Email: 'c.lee@beckhill.sch.uk',
      teacher2Name: 'Mr D Okafor',
      teacher2Email: 'd.okafor@beckhill.sch.uk',
      workedWithSpecialist: true,
      specialistDetails: 'Joint planning with our specialist in 2020.',
      headOfDepartmentStatement: 'Our department is ready.',
    });
  });
});
