// The proposal, stage by stage, on forms written as data: every field's key, type and whether it is
// required; sections, anchors and "If yes" questions; signatories matched to their emails; the
// criteria, the title, the programme, the return address, the deadline and the hubs; and exactly what
// a person is told to check. The forms Word writes are proposed in propose.test.ts and unseen-form.test.ts.
import { loadCatalogue, type Field } from '../../../src/core/catalogue';
import { keyFromLabel, programmeOf, proposeTemplate } from '../../../src/core/templates/propose';
import { documentOf, type BlockSpec } from '../../support/document-model';

const { hubs } = loadCatalogue();
const propose = (...blocks: BlockSpec[]) => proposeTemplate(documentOf(...blocks), hubs);
/** A field as the template holds it, its lists empty unless given. */
const field = (key: string, label: string, type: Field['type'], required: boolean, extra: Partial<Field> = {}) => ({
  key,
  label,
  aliases: [],
  type,
  required,
  prompts: [],
  ...extra,
});

describe('a blank form with every kind of field', () => {
  const { template, unsure } = propose(
    'Maths Hubs',
    'Primary Teaching for Mastery Development Work Group 2026/27 – Application Form',
    'Please complete this form and return it to Mastery@GLOWmathshub.org.uk no later than 5pm on Friday 12th June 2026.',
    'Applications received after the closing date: 30 June 2026 will not be considered.',
    'School details',
    [
      ['Name of school', ''],
      ['School URN', ''],
      ['Maths Hub', ''],
      ['School telephone number', ''],
      ['School address', ''],
      ['Date of last inspection', ''],
      ['Number of years teaching', ''],
      ['TRN (if known)', ''],
      ['Does the school have a maths lead?', 'Yes/No'],
      ['If yes, please give their name', ''],
      ['Head of maths (name and e-mail)', ''],
      ['Website (optional)', ''],
    ],
    'Contacts',
    [
      ['Headteacher', '', 'E-mail', ''],
      ['Participating teacher', '', 'E-mail', ''],
    ],
    'Previous participation',
    [
      ['Year', 'Programme', 'Outcome'],
      ['', '', ''],
      ['', '', ''],
    ],
    'Personal statement',
    'Please describe your interest in the programme (maximum 300 words).',
    [['']],
    'Signatures',
    [
      ['Headteacher', 'Signature of Headteacher'],
      ['Participating teacher', 'Signature of Participating teacher'],
    ],
    [
      ['Essential', 'Desirable'],
      ['Commitment to attend all sessions', 'Experience of leading maths'],
      ['Support of the headteacher', ''],
    ],
    'Appendix',
    'GLOW Maths Hub (Glasgow?)',
    'Central Maths Hub',
  );

  it('names the template after its programme and the deadline’s year, from the title', () => {
    expect(template).toMatchObject({
      id: 'primary-teaching-for-mastery-development-work-group-2026',
      title: 'Primary Teaching for Mastery Development Work Group 2026/27 – Application Form',
      programme: 'Primary Teaching for Mastery Development Work Group 2026/27',
      identify: ['Primary Teaching for Mastery Development Work Group 2026/27 – Application Form'],
    });
  });

  it('takes the return address and the deadline the return sentence gives, not another date', () => {
    expect(template.returnTo).toEqual({ address: 'mastery@glowmathshub.org.uk' });
    expect(template.deadline).toEqual({
      date: '2026-06-12',
      time: '17:00',
      timeZone: 'Europe/London',
      wording: '5pm on Friday 12th June 2026',
    });
  });

  it('takes the hubs the appendix lists', () => {
    expect(template.hubs).toEqual(['GLOW Maths Hub', 'Central Maths Hub']);
  });

  it('makes a field of each label, typed by its words, required unless it says otherwise', () => {
    expect(template.fields).toEqual([
      field('nameSchool', 'Name of school', 'text', true),
      field('schoolUrn', 'School URN', 'urn', true),
      field('mathsHub', 'Maths Hub', 'hub', true),
      field('schoolTelephoneNumber', 'School telephone number', 'phone', true),
      field('schoolAddress', 'School address', 'multiline', true),
      field('dateLastInspection', 'Date of last inspection', 'date', false),
      field('numberYearsTeaching', 'Number of years teaching', 'number', false),
      field('trn', 'TRN (if known)', 'trn', false),
      field('doesSchoolHaveMathsLead', 'Does the school have a maths lead?', 'yesNo', true, { prompts: ['Yes/No'] }),
      field('yesGiveTheirName', 'If yes, please give their name', 'text', false, {
        requiredWhen: { field: 'doesSchoolHaveMathsLead', equals: true },
      }),
      field('headMathsName', 'Head of maths (name and e-mail)', 'name', true),
      field('headMathsEmail', 'Head of maths (name and e-mail)', 'email', true),
      field('website', 'Website (optional)', 'text', false),
      field('headteacher', 'Headteacher', 'name', true),
      field('headteacherEmail', 'E-mail', 'email', true, { after: 'headteacher' }),
      field('participatingTeacher', 'Participating teacher', 'name', true),
      field('participatingTeacherEmail', 'E-mail', 'email', true, { after: 'participatingTeacher' }),
      field('personalStatement', 'Personal statement', 'statement', true, {
        wordLimit: { words: 300, kind: 'maximum' },
        prompts: ['Please describe your interest in the programme (maximum 300 words).'],
      }),
      field('previousParticipation', 'Previous participation', 'rows', false, {
        columns: [
          { key: 'year', label: 'Year', aliases: [] },
          { key: 'programme', label: 'Programme', aliases: [] },
          { key: 'outcome', label: 'Outcome', aliases: [] },
        ],
      }),
    ]);
  });

  it('matches each signatory to the email beside their name', () => {
    expect(template.signatories).toEqual([
      { role: 'headteacher', label: 'Headteacher', emailField: 'headteacherEmail', nameField: 'headteacher' },
      {
        role: 'participatingTeacher',
        label: 'Participating teacher',
        emailField: 'participatingTeacherEmail',
        nameField: 'participatingTeacher',
      },
    ]);
  });

  it('reads the criteria table, essential and desirable', () => {
    expect(template.criteria).toEqual([
      { id: 'commitmentAttendAllSessions', kind: 'essential', text: 'Commitment to attend all sessions' },
      { id: 'experienceLeadingMaths', kind: 'desirable', text: 'Experience of leading maths' },
      { id: 'supportHeadteacher', kind: 'essential', text: 'Support of the headteacher' },
    ]);
  });

  it('ends answers at the form’s own paragraphs after its first table, up to the appendix', () => {
    expect(template.sections).toEqual([]);
    expect(template.endMarkers).toEqual([
      'Contacts',
      'Previous participation',
      'Please describe your interest in the programme (maximum 300 words).',
      'Signatures',
      'Appendix',
    ]);
  });

  it('says what a person should check, and nothing else', () => {
    expect(unsure).toEqual([
      '"If yes, please give their name" is read as plain text.',
      '"Website (optional)" is read as plain text.',
      'The form lists 2 hubs: only they are taken to run the programme.',
    ]);
  });
});

describe('a filled-in copy with sections and labels that repeat', () => {
  const { template, unsure } = propose(
    'Secondary Maths Leads Declaration of Commitment by 25th May 2027',
    'Email the completed form to leads@boolean.org.uk before 25th May 2027.',
    'Teacher 1',
    [
      ['Name', 'Ann Smith'],
      ['Email', 'ann@school.org.uk'],
    ],
    'Teacher 2',
    [
      ['Name', 'Bob Jones'],
      ['Email', 'bob@school.org.uk'],
    ],
    [
      [{ content: ['Lead school'], vMerge: 'restart' }, 'Contact name', 'Dee Parr', 'Email', 'dee@ash.org.uk'],
      [{ vMerge: 'continue' }, 'School URN', '123456', 'Phone', '01234 567890'],
    ],
    [
      ['Headteacher', 'Carol King'],
      ['Email', 'carol@ash.org.uk'],
      ['Maths lead', 'Ann Smith'],
      ['Email', 'ann@ash.org.uk'],
    ],
    'Statement of support. Explain how the school will support the teachers (approx. 150 words).',
    [['We will release them every week.']],
    'Signed',
    [
      ['Headteacher', 'Carol King'],
      ['Teacher 1', 'Ann Smith'],
      ['Chair of governors', 'Eve Long'],
    ],
  );

  it('leaves the deadline out of the title, and gives no time when the form gives none', () => {
    expect(template).toMatchObject({
      id: 'secondary-maths-leads-2027',
      title: 'Secondary Maths Leads Declaration of Commitment',
      programme: 'Secondary Maths Leads',
      returnTo: { address: 'leads@boolean.org.uk' },
      deadline: { date: '2027-05-25', timeZone: 'Europe/London', wording: '25th May 2027' },
      hubs: 'all',
    });
  });

  it('keys repeating labels by their heading or row header, and a label repeating in one table by the one above', () => {
    expect(template.sections).toEqual(['Teacher 1', 'Teacher 2', 'Lead school']);
    expect(template.fields).toEqual([
      field('teacher1Name', 'Name', 'name', true, { section: 'Teacher 1' }),
      field('teacher1Email', 'Email', 'email', true, { section: 'Teacher 1' }),
      field('teacher2Name', 'Name', 'name', true, { section: 'Teacher 2' }),
      field('teacher2Email', 'Email', 'email', true, { section: 'Teacher 2' }),
      field('leadSchoolContactName', 'Contact name', 'name', true, { section: 'Lead school' }),
      field('leadSchoolContactEmail', 'Email', 'email', true, { section: 'Lead school' }),
      field('leadSchoolSchoolUrn', 'School URN', 'urn', true, { section: 'Lead school' }),
      field('leadSchoolPhone', 'Phone', 'phone', true, { section: 'Lead school' }),
      field('headteacher', 'Headteacher', 'name', true),
      field('headteacherEmail', 'Email', 'email', true, { after: 'headteacher' }),
      field('mathsLead', 'Maths lead', 'text', false),
      field('mathsLeadEmail', 'Email', 'email', true, { after: 'mathsLead' }),
      field('statementSupport', 'Statement of support', 'statement', true, {
        wordLimit: { words: 150, kind: 'approx' },
        prompts: ['Explain how the school will support the teachers (approx. 150 words).'],
      }),
    ]);
  });

  it('matches the signatories it can, and says which it cannot', () => {
    expect(template.signatories).toEqual([
      { role: 'headteacher', label: 'Headteacher', emailField: 'headteacherEmail', nameField: 'headteacher' },
      { role: 'teacher1', label: 'Teacher 1', emailField: 'teacher1Email', nameField: 'teacher1Name' },
    ]);
    expect(unsure).toEqual([
      '"Maths lead" is read as plain text.',
      'No email field was found for the signatory "Chair of governors": they are left out of the signatory check.',
      'This template was made from a filled-in application, not the blank form: the blank form the hub sends out gives a surer template.',
    ]);
  });
});

describe('a document that is no form', () => {
  it('is named "New form" with nothing found, and says each thing missing', () => {
    const { template, unsure } = propose([['', '']]);
    expect(template).toMatchObject({ id: 'new-form', title: 'New form', programme: 'New form', identify: [], fields: [], signatories: [] });
    expect(unsure).toEqual([
      'No title was found: the template is named "New form"; give it the form\'s own title.',
      "No return address was found in the form's instructions.",
      'No deadline was found ("… by <date>"); add it, with the hour if there is one.',
      'No fields were found: is this a blank application form?',
    ]);
  });
});

describe('statements', () => {
  it('take a word limit from each way forms say one, a full stop in brackets ending no sentence', () => {
    const { template } = propose(
      'Statements',
      'Statement A (max. 100 words)',
      'Statement B (no more than 200 words)',
      'Statement C (up to 300 words)',
      'Statement D (approximately 50 words)',
      'Statement E (about 60 words)',
      'Statement F (around 70 words)',
      'Statement G (c. 80 words)',
      'Statement H',
      'Please write (approx 90 words please) here.',
    );
    expect(template.fields.map((f) => [f.key, f.label, f.wordLimit, f.prompts])).toEqual([
      ['statement', 'Statement A (max. 100 words)', { words: 100, kind: 'maximum' }, []],
      ['statementB', 'Statement B (no more than 200 words)', { words: 200, kind: 'maximum' }, []],
      ['statementC', 'Statement C (up to 300 words)', { words: 300, kind: 'maximum' }, []],
      ['statementD', 'Statement D (approximately 50 words)', { words: 50, kind: 'approx' }, []],
      ['statement2', 'Statement E (about 60 words)', { words: 60, kind: 'approx' }, []],
      ['statementF', 'Statement F (around 70 words)', { words: 70, kind: 'approx' }, []],
      ['statement3', 'Statement G (c. 80 words)', { words: 80, kind: 'approx' }, []],
      ['statementH', 'Statement H', { words: 90, kind: 'approx' }, ['Please write (approx 90 words please) here.']],
    ]);
  });

  it('take the limit from the brackets that give one, written without a full stop or a space', () => {
    const { template } = propose('Statements', 'Statement K (see the notes) (max 40 words)', 'Statement L (up to 45words)');
    expect(template.fields.map((f) => [f.label, f.wordLimit])).toEqual([
      ['Statement K (see the notes) (max 40 words)', { words: 40, kind: 'maximum' }],
      ['Statement L (up to 45words)', { words: 45, kind: 'maximum' }],
    ]);
  });

  it('take the instructions in their box as prompts, and a first sentence as the heading', () => {
    const { template } = propose(
      'Statements',
      'Supporting statement',
      [[{ content: ['Describe your experience of leading maths.', 'Give examples (maximum 250 words).'] }]],
      'Statement J. Tell us why.',
      [['']],
    );
    expect(template.fields).toEqual([
      field('supportingStatement', 'Supporting statement', 'statement', true, {
        wordLimit: { words: 250, kind: 'maximum' },
        prompts: ['Describe your experience of leading maths.', 'Give examples (maximum 250 words).'],
      }),
      field('statementJ', 'Statement J', 'statement', true, { prompts: ['Tell us why.'] }),
    ]);
  });
});

describe('field types', () => {
  it.each([
    ['Date', 'date', false],
    ['Date of birth', 'date', false],
    ['Start date', 'text', false],
    ['Name', 'name', true],
    ['Name of headteacher', 'name', true],
    ['Head teacher', 'name', true],
    ['Contact name', 'name', true],
    ['Applicant name', 'name', true],
    ['Teacher name', 'name', true],
    ['Teacher 2 name', 'name', true],
    ['Full name', 'name', true],
    ['Your name', 'name', true],
    ['Surname', 'text', false],
    ['School name', 'text', false],
    ['Teacher reference number', 'trn', false],
    ['Mobile', 'phone', true],
    ['How many pupils', 'number', false],
    ['Years teaching maths', 'number', false],
    ['Member (yes / no)', 'yesNo', true],
    ['Are you a member?', 'yesNo', true],
  ])('%s is %s, required: %s', (label, type, required) => {
    const [made] = propose('Types', [[label, '']]).template.fields;
    expect([made!.type, made!.required]).toEqual([type, required]);
  });

  it('reads a label as Yes/No when its answer box says so', () => {
    expect(propose('Types', [['Lead teacher', 'Yes / No']]).template.fields[0]).toEqual(
      field('leadTeacher', 'Lead teacher', 'yesNo', true, { prompts: ['Yes / No'] }),
    );
  });
});

describe('signatories, title, address and deadline', () => {
  const { template, unsure } = propose(
    'Mastery Advocates – Expression of Interest Form',
    'send this to Hub@Boolean.org.uk',
    'Deadline: 3 March 2027',
    [
      ['Teacher name', ''],
      ['Teacher email', ''],
    ],
    [['Mastery Advocate Teacher', 'Signature of Mastery Advocate Teacher']],
    'Appendix',
    'This programme runs in every hub.',
  );

  it('matches a signatory on the one word they share, and says the evidence is little', () => {
    expect(template.signatories).toEqual([
      { role: 'masteryAdvocateTeacher', label: 'Mastery Advocate Teacher', emailField: 'teacherEmail', nameField: 'teacherName' },
    ]);
    expect(unsure).toEqual(['The signatory "Mastery Advocate Teacher" was matched to the email field "teacherEmail" on little evidence.']);
  });

  it('reads "send … to" as the return address and "Deadline:" as the deadline; an appendix naming no hub leaves all', () => {
    expect(template).toMatchObject({
      id: 'mastery-advocates-2027',
      programme: 'Mastery Advocates',
      returnTo: { address: 'hub@boolean.org.uk' },
      deadline: { date: '2027-03-03', timeZone: 'Europe/London', wording: '3 March 2027' },
      hubs: 'all',
    });
  });

  it('takes the first paragraph for the title when none reads as one, and "Closing date:" for the deadline', () => {
    const { template: plain } = propose(
      'Notes on the form.',
      'an application form for schools',
      [
        ['Name of school', ''],
        ['School URN', ''],
      ],
      'Closing date: 4 April 2027 for applications. Email hub@glow.org.uk to apply.',
    );
    expect(plain).toMatchObject({
      id: 'notes-on-the-form-2027',
      title: 'Notes on the form.',
      identify: ['Notes on the form.'],
      returnTo: { address: 'hub@glow.org.uk' },
      deadline: { date: '2027-04-04', timeZone: 'Europe/London', wording: '4 April 2027' },
    });
  });
});

describe('titles, deadlines and hubs as forms write them', () => {
  it('takes the deadline of the sentence that says where the form is returned, over a date in the title', () => {
    const { template } = propose(
      'Declaration of Commitment  by 25th May 2027.',
      'The form is completed by the head teacher and returned to hub@boolean.org.uk by 3 March 2027.',
      [['Name of school', '']],
    );
    expect(template).toMatchObject({
      id: 'declaration-of-commitment-2027',
      title: 'Declaration of Commitment',
      identify: ['Declaration of Commitment'],
      returnTo: { address: 'hub@boolean.org.uk' },
      deadline: { date: '2027-03-03', timeZone: 'Europe/London', wording: '3 March 2027' },
    });
  });

  it('keeps a title’s lines, reads a time of day, a label’s brackets on its second line and a hub named with two brackets', () => {
    const { template } = propose(
      'Leads Application\nCommitment by 2027',
      'Return to hub@boolean.org.uk by 12 noon on 3 March 2027',
      [['Deputy head\n(name and e-mail)', '']],
      [['Deputy head', 'Signature of deputy head']],
      'Appendix',
      'Boolean Maths Hub (Bath) (also Bristol)',
    );
    expect(template).toMatchObject({
      id: 'leads-application-commitment-2027',
      title: 'Leads Application Commitment',
      identify: ['Leads Application', 'Commitment'],
      deadline: { date: '2027-03-03', time: '12:00', timeZone: 'Europe/London', wording: '12 noon on 3 March 2027' },
      hubs: ['Boolean Maths Hub'],
    });
    expect(template.fields.map((f) => [f.key, f.type])).toEqual([
      ['deputyHeadName', 'name'],
      ['deputyHeadEmail', 'email'],
    ]);
    expect(template.signatories).toEqual([
      { role: 'deputyHead', label: 'Deputy head', emailField: 'deputyHeadEmail', nameField: 'deputyHeadName' },
    ]);
  });
});

describe('programmeOf', () => {
  it.each([
    ['Secondary Mastery Specialists – application form', 'Secondary Mastery Specialists'],
    ['Nomination form for the Leads Programme', 'Leads Programme'],
    ['Registration to join Work Group 4', 'Work Group 4'],
    ['Maths Platform', 'Maths Platform'],
    ['Mastery Advocates: Expression of Interest Form', 'Mastery Advocates'],
    ['Leads Programme Registration Form', 'Leads Programme'],
    ['Form', 'Form'],
    ['Mastery Readiness Expression of Interest', 'Mastery Readiness'],
    ['Leads Programme Nomination Form', 'Leads Programme'],
    ['Leads Programme Application', 'Leads Programme'],
    ['Work Group Form', 'Work Group'],
    ['Application for   the Work Group', 'Work Group'],
    ['Our application for the Leads Programme', 'Our application for the Leads Programme'],
  ])('%s → %s', (title, programme) => {
    expect(programmeOf(title)).toBe(programme);
  });
});

describe('keyFromLabel', () => {
  it.each([
    ['Name of head of department', 'nameHeadDepartment'],
    ['School URN (if known)', 'schoolUrn'],
    ['The', 'the'],
    ['2024 cohort', 'field2024Cohort'],
    ['One two three four five six seven', 'oneTwoThreeFourFive'],
    ['Details of the head for a an and in to your please if known e g eg school', 'headSchool'],
  ])('%s → %s', (label, key) => {
    expect(keyFromLabel(label)).toBe(key);
  });
});

describe('signatories matched by more than one label', () => {
  const signatures = (...roles: string[]) => ['Signatures', roles.map((role) => [role, `Signature of ${role}`])] as const;
  const signatoriesOf = (...blocks: BlockSpec[]) =>
    propose('Programme X – Application Form', ...blocks).template.signatories.map((s) => [s.role, s.emailField, s.nameField]);

  it('takes each e-mail read after a person’s name as theirs, and the name with it', () => {
    const table = [
      ['Teacher 1 name', ''],
      ['Email', ''],
      ['Teacher 2 name', ''],
      ['Email', ''],
    ];
    expect(signatoriesOf(table, ...signatures('Teacher 1', 'Teacher 2'))).toEqual([
      ['teacher1', 'teacher1NameEmail', 'teacher1Name'],
      ['teacher2', 'teacher2NameEmail', 'teacher2Name'],
    ]);
  });

  it('takes the e-mail whose label says the least beside the role, of two that share its word', () => {
    expect(
      signatoriesOf(
        [
          ['Lead teacher email', ''],
          ['Teacher email', ''],
        ],
        ...signatures('Teacher'),
      ),
    ).toEqual([['teacher', 'teacherEmail', undefined]]);
  });

  it('takes the name in the same section when the labels repeat under each person’s heading', () => {
    const person = (heading: string) =>
      [
        heading,
        [
          ['Full name', ''],
          ['E-mail address', ''],
        ],
      ] as const;
    expect(signatoriesOf(...person('Headteacher'), ...person('Teacher'), ...signatures('Headteacher', 'Teacher'))).toEqual([
      ['headteacher', 'headteacherEmailAddress', 'headteacherFullName'],
      ['teacher', 'teacherEmailAddress', 'teacherFullName'],
    ]);
  });
});

describe('titles, return addresses and deadlines as instructions word them', () => {
  const proposal = (...blocks: BlockSpec[]) => {
    const { template } = propose(...blocks, [['Name of school', '']]);
    return { title: template.title, returnTo: template.returnTo, deadline: template.deadline?.date };
  };

  it('takes no sentence, nothing in brackets and nothing in lower case for the title', () => {
    expect(proposal('Please complete this application form.', 'Programme Y Expression of Interest').title).toBe(
      'Programme Y Expression of Interest',
    );
    expect(proposal('(Application form for staff)', 'Programme Z Nomination form').title).toBe('Programme Z Nomination form');
    expect(proposal('the application form below', 'Programme Z Nomination form').title).toBe('Programme Z Nomination form');
    expect(proposal('Programme Z Nomination form', `Programme Q Application Form ${'and more words '.repeat(12)}`).title).toBe(
      'Programme Z Nomination form',
    );
  });

  it('takes an address only from a sentence that says to send or return the form', () => {
    expect(proposal('Programme W – Application Form', 'Contact: hub@x.org.uk for help.').returnTo).toBeUndefined();
    expect(proposal('Programme W – Application Form', 'Please send it to Hub@X.org.uk').returnTo).toEqual({ address: 'hub@x.org.uk' });
  });

  it('reads "Closing date" and "Deadline" without a colon, and the first date after the deadline word', () => {
    expect(proposal('Programme W – Application Form', 'Closing date 12 May 2026').deadline).toBe('2026-05-12');
    expect(proposal('Programme V – Application Form', 'Deadline 3 March 2027. Please send it to hub@x.org.uk').deadline).toBe('2027-03-03');
    expect(proposal('Programme U – Application Form', 'Return it to hub@x.org.uk by Friday 5 June 2026 or the 2027 round.').deadline).toBe(
      '2026-06-05',
    );
  });
});

describe('tables read by what they are', () => {
  const read = (...blocks: BlockSpec[]) => {
    const { template } = propose('Programme X – Application Form', ...blocks);
    return {
      fields: template.fields.map((f) => `${f.key} ${f.type}${f.columns ? ` ${f.columns.map((c) => c.key).join('/')}` : ''}`),
      signatories: template.signatories.map((s) => s.label),
      criteria: template.criteria?.map((c) => `${c.id} ${c.kind}`),
    };
  };

  it('reads an Essential | Desirable table as criteria, telling repeated criteria apart, and no other table', () => {
    expect(
      read([
        ['Essential', 'Desirable'],
        ['QTS', 'Experience'],
        ['QTS', ''],
      ]).criteria,
    ).toEqual(['qts essential', 'experience desirable', 'qts2 essential']);
    expect(
      read([
        ['Essential', 'Desirable', 'Other'],
        ['QTS', 'Experience', ''],
      ]).criteria ?? [],
    ).toEqual([]);
  });

  it('reads a signature block only when every row is signed, or when the heading says so and every row names a role', () => {
    const emails = [
      ['Headteacher email', ''],
      ['Teacher email', ''],
    ];
    expect(
      read(emails, [
        ['Headteacher', 'Signature of Headteacher'],
        ['Teacher', 'Jane Smith'],
      ]).signatories,
    ).toEqual([]);
    expect(
      read(emails, 'Signed by:', [
        ['Headteacher', 'Jane Smith'],
        ['Teacher', 'Sam Patel'],
      ]).signatories,
    ).toEqual(['Headteacher', 'Teacher']);
    expect(
      read(emails, 'Signed by:', [
        ['Headteacher', 'Jane Smith', 'x'],
        ['Teacher', 'Sam Patel', 'y'],
      ]).signatories,
    ).toEqual([]);
    expect(
      read(emails, 'Please sign below', [
        ['Headteacher', 'Jane Smith'],
        ['Teacher', 'Sam Patel'],
      ]).signatories,
    ).toEqual([]);
  });

  it('reads a table of column headings over empty rows as one field of rows, and not one with a heading missing', () => {
    expect(
      read('Previous roles', [
        ['Year', 'Role'],
        ['', ''],
        ['', ''],
      ]).fields,
    ).toEqual(['previousRoles rows year/role']);
    expect(
      read([
        ['Year', ''],
        ['', ''],
      ]).fields,
    ).toEqual(['year text']);
  });

  it('reads one-cell rows as labels with their answer boxes under them', () => {
    expect(read([['Name of school'], [''], ['School address'], ['']]).fields).toEqual(['nameSchool text', 'schoolAddress multiline']);
  });
});
