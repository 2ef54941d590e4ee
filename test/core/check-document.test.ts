// Reading fields by where they stand, on small forms built in code in the catalogue forms' layouts.
import { loadCatalogue } from '../../src/core/catalogue';
import { checkDocument, checkMessage } from '../../src/core/check';
import type { Message } from '../../src/core/message';
import { minimalDocx, p, r, tbl, tc, tr } from '../support/minimal-docx';

const catalogue = loadCatalogue();
const cell = (...paragraphs: string[]) => tc(paragraphs.map((t) => p(r(t))).join(''));
const labelRow = (label: string, value: string) => tr(cell(label), cell(value));

function secondaryMastery(
  overrides: {
    qts?: string;
    history?: string;
    headOfDepartment?: string;
    statement?: string;
    teacherName?: string;
    teacherEmail?: string;
  } = {},
): string {
  return [
    p(r('Application to participate in Secondary Mastery Specialist Programme')),
    tbl(
      labelRow('Name of school', 'Ashfield Academy'),
      labelRow('School URN', '137 425'),
      labelRow('Maths Hub', 'the GLOW hub'),
      tr(
        tc(p(r('Nominated teacher for programme ')), '<w:vMerge w:val="restart"/>'),
        cell('Name'),
        cell(overrides.teacherName ?? 'Mr Sam Patel'),
      ),
      tr(tc('<w:p/>', '<w:vMerge/>'), cell('Email'), cell(overrides.teacherEmail ?? 'S.Patel@Ashfield.sch.uk')),
      tr(tc('<w:p/>', '<w:vMerge/>'), cell('NCETM Username'), cell('spatel')),
      tr(
        cell('Head of department (name and e-mail)'),
        tc(overrides.headOfDepartment ?? p(r('Mrs Jane Smith, J.Smith@Ashfield.sch.uk')), '<w:gridSpan w:val="2"/>'),
      ),
      tr(
        cell('Nominating head teacher/senior leader (name and e-mail)'),
        tc(p(r('Dr A Jones')) + p(r('head@ashfield.sch.uk')), '<w:gridSpan w:val="2"/>'),
      ),
    ),
    p(r('Nominated teacher details and statement (to be completed by teacher applicant)')),
    tbl(
      tr(cell('QTS status'), tc(overrides.qts ?? p(r('Yes/No'))), cell('No. of years teaching'), cell('6 years')),
      labelRow('Teaching groups 2017/18 ', '7X1, 9Y2, 11Z3'),
      labelRow('Current role in school', 'Second in department'),
      labelRow('Other maths related awards/roles (e.g. SLE, PD Lead) – give date awarded', ''),
    ),
    p(r('Teaching history (most recent post first)')),
    overrides.history ??
      tbl(
        tr(cell('Period of employment'), cell('School'), cell('Position held')),
        tr(cell('2015 – present'), cell('Ashfield Academy'), cell('Teacher of maths')),
        tr(cell(''), cell(''), cell('')),
      ),
    p(r('Relevant mathematics professional development ')),
    tbl(
      tr(cell('Year'), cell('Professional Development activity/programme')),
      tr(cell('2017'), cell('NCETM PD Lead programme')),
      tr(cell(''), cell('')),
    ),
    p(
      r(
        'Applicant statement. Please give information that shows how you meet the application criteria. Also, explain why you wish to apply for the programme (maximum 300 words).',
      ),
    ),
    tbl(tr(tc(overrides.statement ?? p(r('First paragraph   of my statement.')) + '<w:p/>' + p(r('Second paragraph.'))))),
    p(r('Nominating head teacher/senior leader statement')),
    p(
      r(
        'Please explain why the school is committed to developing teaching for mastery across the maths department. Also, specify why you believe the applicant is a suitable candidate for the Mastery Specialist role (maximum 300 words).',
      ),
    ),
    tbl(tr(cell('We are committed.'))),
    p(r('Confirmation of school commitment (electronic signatures) ')),
    tbl(
      tr(cell('Nominating Head Teacher/Senior Leader '), cell('Signature of nominating Head Teacher/Senior Leader')),
      tr(cell('Head of department '), cell('Signature of Head of Department')),
      tr(cell('Teacher applicant'), cell('Signature of applicant teacher')),
    ),
  ].join('');
}

function check(body: string) {
  return checkDocument(minimalDocx(body), 'form.docx', catalogue, 'form.docx');
}

describe('checking a Secondary Mastery Specialist form on its own', () => {
  const report = check(secondaryMastery({ qts: p(r('Yes/'), r('No', '<w:strike/>')) }));
  const form = report.forms[0]!;

  it('identifies the form', () => {
    expect(form.formId).toBe('secondary-mastery-specialist-2018');
    expect(form.confidence).toBeGreaterThan(0.9);
  });

  it('reads every field as forms.md types it', () => {
    expect(form.fields).toEqual({
      schoolName: 'Ashfield Academy',
      schoolUrn: '137425',
      mathsHub: 'GLOW Maths Hub',
      teacherName: 'Mr Sam Patel',
      teacherEmail: 's.patel@ashfield.sch.uk',
      teacherNcetmUsername: 'spatel',
      headOfDepartmentName: 'Mrs Jane Smith',
      headOfDepartmentEmail: 'j.smith@ashfield.sch.uk',
      headteacherName: 'Dr A Jones',
      headteacherEmail: 'head@ashfield.sch.uk',
      qtsStatus: true,
      yearsTeaching: 6,
      teachingGroups: '7X1, 9Y2, 11Z3',
      currentRole: 'Second in department',
      otherAwards: null,
      teachingHistory: [{ period: '2015 – present', school: 'Ashfield Academy', position: 'Teacher of maths' }],
      professionalDevelopment: [{ year: '2017', activity: 'NCETM PD Lead programme' }],
      applicantStatement: 'First paragraph of my statement.\n\nSecond paragraph.',
      headteacherStatement: 'We are committed.',
    });
  });

  it('leaves signatories unchecked without an email', () => {
    expect(form.signatories.map((s) => [s.role, s.email, s.status])).toEqual([
      ['headteacher', 'head@ashfield.sch.uk', null],
      ['headOfDepartment', 'j.smith@ashfield.sch.uk', null],
      ['applicant', 's.patel@ashfield.sch.uk', null],
    ]);
    expect(report.message).toBeNull();
  });

  it('reports no problems on a complete form', () => {
    expect(form.issues).toEqual([]);
  });
});

describe('Yes/No answers', () => {
  const qts = (xml: string) => check(secondaryMastery({ qts: xml })).forms[0]!;
  it.each([
    ['the other word struck through', p(r('Yes', '<w:strike/>'), r('/No')), false],
    ['one word highlighted', p(r('Yes', '<w:highlight w:val="yellow"/>'), r('/No')), true],
    ['one word in bold', p(r('Yes/'), r('No', '<w:b/>')), false],
    ['the other word deleted', p(r('Yes')), true],
    ['"Y"', p(r('Y')), true],
    ['"yes - awarded 2016"', p(r('yes - awarded 2016')), true],
    ['a tick after a word', p(r('Yes ✓  No')), true],
    ['a ticked box before a word', p(r('☐ Yes  ☒ No')), false],
    ['a ticked box after a word', p(r('Yes ☒   No ☐')), true],
    ['a box typed with brackets', p(r('[ ] Yes   [X] No')), false],
    ['an answer typed after the prompt left in place', p(r('Yes/No  Yes')), true],
  ])('reads %s', (_how, xml, expected) => {
    expect(qts(xml).fields.qtsStatus).toBe(expected);
  });

  it('treats the prompt left as it is as missing, and required', () => {
    const form = qts(p(r('Yes/No')));
    expect(form.fields.qtsStatus).toBeNull();
    expect(form.issues).toContainEqual(expect.objectContaining({ code: 'required', field: 'qtsStatus', severity: 'error' }));
  });

  it('flags an answer that stays ambiguous', () => {
    const form = qts(p(r('Yes', '<w:b/>'), r('/'), r('No', '<w:b/>'), r(' and yes')));
    expect(form.fields.qtsStatus).toBeNull();
    expect(form.issues).toContainEqual(expect.objectContaining({ code: 'ambiguous-answer', field: 'qtsStatus' }));
  });

  it('makes "No" to QTS an eligibility error', () => {
    const form = qts(p(r('No')));
    expect(form.fields.qtsStatus).toBe(false);
    expect(form.issues).toContainEqual(expect.objectContaining({ code: 'not-eligible', field: 'qtsStatus', severity: 'error' }));
  });
});

describe('tables the applicant adds rows to', () => {
  it('gives a cell merged down several rows to every row it spans', () => {
    const history = tbl(
      tr(cell('Period of employment'), cell('School'), cell('Position held')),
      tr(cell('2018 – present'), tc(p(r('Ashfield Academy')), '<w:vMerge w:val="restart"/>'), cell('Head of year')),
      tr(cell('2015 – 2018'), tc('<w:p/>', '<w:vMerge/>'), cell('Teacher')),
      tr(cell('2012 – 2015'), tc(p(r('Beck School')), '<w:vMerge w:val="restart"/>'), cell('NQT')),
    );
    expect(check(secondaryMastery({ history })).forms[0]!.fields.teachingHistory).toEqual([
      { period: '2018 – present', school: 'Ashfield Academy', position: 'Head of year' },
      { period: '2015 – 2018', school: 'Ashfield Academy', position: 'Teacher' },
      { period: '2012 – 2015', school: 'Beck School', position: 'NQT' },
    ]);
  });
});

describe('statements', () => {
  it('is an error over a "maximum" word limit', () => {
    const statement = p(r(Array.from({ length: 301 }, (_, i) => `word${i}`).join(' ')));
    const form = check(secondaryMastery({ statement })).forms[0]!;
    expect(form.issues).toContainEqual(expect.objectContaining({ code: 'word-limit', field: 'applicantStatement', severity: 'error' }));
    expect(form.issues.find((i) => i.code === 'word-limit')!.message).toMatch(/301 words; the limit is 300/);
  });

  it('leaves the form prompt out of the answer', () => {
    const statement =
      p(
        r(
          'Please give information that shows how you meet the application criteria. Also, explain why you wish to apply for the programme (maximum 300 words).',
        ),
      ) + p(r('My answer.'));
    expect(check(secondaryMastery({ statement })).forms[0]!.fields.applicantStatement).toBe('My answer.');
  });
});

describe('emails in cells', () => {
  it('takes an address from a mailto: link whose text is a name', () => {
    const headOfDepartment = '<w:p><w:hyperlink r:id="rId5">' + r('Mrs Jane Smith') + '</w:hyperlink></w:p>';
    const body = secondaryMastery({ headOfDepartment });
    const report = checkDocument(
      minimalDocx(body, { links: { rId5: 'mailto:Jane.Smith@ashfield.sch.uk' } }),
      'f.docx',
      catalogue,
      'f.docx',
    );
    expect(report.forms[0]!.fields).toMatchObject({
      headOfDepartmentName: 'Mrs Jane Smith',
      headOfDepartmentEmail: 'jane.smith@ashfield.sch.uk',
    });
  });

  it('splits "Jane Smith (jsmith@x.sch.uk)"', () => {
    const report = check(secondaryMastery({ headOfDepartment: p(r('Jane Smith (JSmith@x.sch.uk)')) }));
    expect(report.forms[0]!.fields).toMatchObject({ headOfDepartmentName: 'Jane Smith', headOfDepartmentEmail: 'jsmith@x.sch.uk' });
  });
});

describe('checking against the email', () => {
  const message = (overrides: Partial<Message>): Message => ({
    subject: 'Application',
    from: { name: 'Sam Patel', address: 's.patel@ashfield.sch.uk' },
    to: [{ name: 'NCETM Maths Hubs', address: 'mathshubs@ncetm.org.uk' }],
    cc: [
      { name: 'Smith, Jane', address: 'j.smith@ashfield.sch.uk' },
      { name: 'A Jones', address: 'head@ashfield.sch.uk' },
    ],
    receivedAt: '2018-06-07T15:59:00.000Z',
    internetMessageId: '<1@ashfield.sch.uk>',
    attachments: [
      {
        name: 'form.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: minimalDocx(secondaryMastery({ qts: p(r('Yes')) })),
      },
    ],
    ...overrides,
  });

  it('is complete when every signatory is copied in on time', () => {
    const report = checkMessage(message({}), catalogue, 'x.eml');
    expect(report.forms[0]!.signatories.map((s) => s.status)).toEqual(['copied', 'copied', 'copied']);
    expect(report.issues).toEqual([]);
    expect(report.complete).toBe(true);
  });

  it('is late after 5pm British Summer Time', () => {
    const report = checkMessage(message({ receivedAt: '2018-06-07T16:30:00.000Z' }), catalogue, 'x.eml');
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'late', severity: 'error' }));
    expect(report.issues[0]!.message).toMatch(/Thursday 7 June 2018 at 17:30/);
    expect(report.complete).toBe(false);
  });

  it('finds a signatory copied in under another address by name', () => {
    const report = checkMessage(
      message({
        cc: [
          { name: 'Jane Smith', address: 'jane@home.example' },
          { name: 'A Jones', address: 'head@ashfield.sch.uk' },
        ],
      }),
      catalogue,
      'x.eml',
    );
    expect(report.forms[0]!.signatories[1]).toMatchObject({ role: 'headOfDepartment', status: 'copiedUnderOtherAddress' });
    expect(report.complete).toBe(false);
  });

  it('reports a signatory not copied in', () => {
    const report = checkMessage(message({ cc: [] }), catalogue, 'x.eml');
    expect(report.forms[0]!.signatories.map((s) => s.status)).toEqual(['notCopied', 'notCopied', 'copied']);
    expect(report.forms[0]!.issues.filter((i) => i.code === 'signatory-not-copied')).toHaveLength(2);
  });

  it('reports an email with no form', () => {
    const report = checkMessage(message({ attachments: [] }), catalogue, 'x.eml');
    expect(report.issues).toEqual([expect.objectContaining({ code: 'no-form-attached' })]);
    expect(report.complete).toBe(false);
  });

  it('reports an unreadable attachment and still checks the good one', () => {
    const good = message({}).attachments[0]!;
    const report = checkMessage(
      message({ attachments: [{ ...good, name: 'broken.docx', bytes: good.bytes.subarray(0, 300) }, good] }),
      catalogue,
      'x.eml',
    );
    expect(report.issues).toEqual([expect.objectContaining({ code: 'unreadable-attachment', attachment: 'broken.docx' })]);
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0]!.formId).toBe('secondary-mastery-specialist-2018');
  });
});

describe('documents that are no known form', () => {
  it('gives formId null with an issue', () => {
    const report = check(p(r('Minutes of the governors meeting')) + tbl(labelRow('Date', '1 May')));
    expect(report.forms[0]).toMatchObject({ formId: null, fields: {} });
    expect(report.forms[0]!.issues).toEqual([expect.objectContaining({ code: 'unknown-form', severity: 'error' })]);
  });
});

describe('a name and an e-mail address in one box', () => {
  const halves = (headOfDepartment: string) => {
    const form = check(secondaryMastery({ headOfDepartment })).forms[0]!;
    return {
      name: form.fields.headOfDepartmentName,
      email: form.fields.headOfDepartmentEmail,
      issues: form.issues.filter((i) => i.field?.startsWith('headOfDepartment')).map((i) => [i.field, i.message]),
    };
  };

  it('says which half is missing', () => {
    expect(halves(p(r('Mrs Jane Smith')))).toEqual({
      name: 'Mrs Jane Smith',
      email: null,
      issues: [['headOfDepartmentEmail', 'Head of department (name and e-mail): the e-mail address is missing.']],
    });
    expect(halves('<w:p/>')).toEqual({
      name: null,
      email: null,
      issues: [
        ['headOfDepartmentName', 'Head of department (name and e-mail): the name is missing.'],
        ['headOfDepartmentEmail', 'Head of department (name and e-mail): the e-mail address is missing.'],
      ],
    });
  });

  it('reads the address from the name box when the e-mail box is empty, and a name alone as no address', () => {
    expect(halves(p(r('Mrs Jane Smith')) + p(r('J.Smith@Ashfield.sch.uk')))).toMatchObject({
      name: 'Mrs Jane Smith',
      email: 'j.smith@ashfield.sch.uk',
      issues: [],
    });
  });
});

describe('an e-mail address typed in the name box', () => {
  const teacher = (teacherName: string, teacherEmail: string) => {
    const form = check(secondaryMastery({ teacherName, teacherEmail })).forms[0]!;
    return [
      form.fields.teacherName,
      form.fields.teacherEmail,
      form.issues.filter((i) => i.field?.startsWith('teacher')).map((i) => i.code),
    ];
  };

  it('is the address when the e-mail box is empty', () => {
    expect(teacher('Mr Sam Patel, S.Patel@Ashfield.sch.uk', '')).toEqual(['Mr Sam Patel', 's.patel@ashfield.sch.uk', []]);
  });

  it('is not taken over the address in the e-mail box, nor when the name box holds no address', () => {
    expect(teacher('Mr Sam Patel, sam@home.org.uk', 'S.Patel@Ashfield.sch.uk')).toEqual(['Mr Sam Patel', 's.patel@ashfield.sch.uk', []]);
    expect(teacher('Mr Sam Patel', '')).toEqual(['Mr Sam Patel', null, ['required']]);
  });
});
