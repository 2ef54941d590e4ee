// What a template must be, as a hub manager writes one: the schema's defaults, each rule and its
// words, and how a template is stored in the site's Form Templates list.
import { loadCatalogue, parseTemplate, withHubTemplates, CatalogueError } from '../../src/core/catalogue';
import { Hub, Template, type TemplateInput } from '../../src/core/catalogue/schema';
import { TEMPLATE_COLUMNS, TEMPLATES_LIST, templateFields, templateJson } from '../../src/core/templates-list';
import { TEXT_MAX } from '../../src/core/record';

type FieldInput = NonNullable<TemplateInput['fields']>[number];
const minimal = { id: 'new-form', title: 'New form', programme: 'A programme' };
const field = (more: Partial<FieldInput> = {}): FieldInput => ({ key: 'schoolName', label: 'Name of school', type: 'text', ...more });
/** The messages of what is wrong, or [] when the template is valid. */
const problems = (input: unknown) => {
  const parsed = Template.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};
const valid = (input: unknown) => Template.safeParse(input).success;

describe('the template schema', () => {
  it('gives a template with no fields yet none', () => {
    expect(Template.parse(minimal).fields).toEqual([]);
  });

  it('fills in what a template leaves out', () => {
    expect(Template.parse({ ...minimal, fields: [field()], deadline: { date: '2025-03-31' } })).toEqual({
      ...minimal,
      identify: [],
      hubs: 'all',
      sections: [],
      endMarkers: [],
      fields: [{ key: 'schoolName', label: 'Name of school', type: 'text', aliases: [], required: false, prompts: [] }],
      signatories: [],
      criteria: [],
      deadline: { date: '2025-03-31', timeZone: 'Europe/London' },
    });
    expect(Hub.parse({ name: 'GLOW Maths Hub', region: 'South West', leadSchool: 'Balcarras' })).toEqual({
      name: 'GLOW Maths Hub',
      region: 'South West',
      leadSchool: 'Balcarras',
      aliases: [],
    });
  });

  it('keeps what a template says, every part of a field included', () => {
    const full: FieldInput = {
      key: 'statement',
      label: 'Statement',
      aliases: ['Supporting statement'],
      type: 'statement',
      required: true,
      requiredWhen: { field: 'qts', equals: true },
      wordLimit: { words: 300, kind: 'maximum' },
      prompts: ['Write here'],
      essential: { equals: true, criterion: 'Has QTS' },
    };
    const qts: FieldInput = { key: 'qts', label: 'QTS', type: 'yesNo' };
    const rows: FieldInput = { key: 'groups', label: 'Groups', type: 'rows', columns: [{ key: 'year', label: 'Year' }] };
    const template = Template.parse({
      ...minimal,
      returnTo: { address: 'hub@school.org.uk', name: 'The hub' },
      deadline: { date: '2025-03-31', time: '17:00', wording: 'by 5pm', timeZone: 'Europe/London' },
      fields: [qts, full, rows],
      signatories: [{ role: 'head', label: 'Head teacher', emailField: 'qts', nameField: 'statement' }],
      criteria: [{ id: 'qts', kind: 'essential', text: 'Has QTS', settledBy: { field: 'qts', equals: true } }],
    });
    expect(template.fields[1]).toEqual(full);
    expect(template.fields[2]).toEqual({
      ...rows,
      aliases: [],
      required: false,
      prompts: [],
      columns: [{ key: 'year', label: 'Year', aliases: [] }],
    });
    expect(template.returnTo).toEqual({ address: 'hub@school.org.uk', name: 'The hub' });
    expect(template.deadline).toEqual({ date: '2025-03-31', time: '17:00', wording: 'by 5pm', timeZone: 'Europe/London' });
    expect(template.signatories).toEqual([{ role: 'head', label: 'Head teacher', emailField: 'qts', nameField: 'statement' }]);
    expect(template.criteria).toEqual([{ id: 'qts', kind: 'essential', text: 'Has QTS', settledBy: { field: 'qts', equals: true } }]);
  });

  it('takes an id of lower-case words joined by hyphens', () => {
    for (const id of ['sms', 'sms-2025', 'a1-b2-c3']) expect([id, valid({ ...minimal, id })]).toEqual([id, true]);
    for (const id of ['SMS', 'sms_2025', 'sms-', '-sms', 'sms--x', 'sms 2025', 'sms-2025!', ''])
      expect([id, valid({ ...minimal, id })]).toEqual([id, false]);
  });

  it('takes each type of field', () => {
    for (const type of [
      'text',
      'multiline',
      'name',
      'email',
      'urn',
      'trn',
      'phone',
      'yesNo',
      'number',
      'date',
      'hub',
      'statement',
    ] as const)
      expect([type, valid({ ...minimal, fields: [field({ type })] })]).toEqual([type, true]);
  });

  it('takes a field key in camelCase', () => {
    for (const key of ['schoolName', 'a', 'teacher1Trn'])
      expect([key, valid({ ...minimal, fields: [field({ key })] })]).toEqual([key, true]);
    for (const key of ['SchoolName', 'school-name', 'school name', '1school', 'schoolName!', ''])
      expect([key, problems({ ...minimal, fields: [field({ key })] })]).toEqual([key, ['a camelCase key']]);
  });

  it('takes a deadline as yyyy-mm-dd and hh:mm', () => {
    const deadline = (date: string, time?: string) => valid({ ...minimal, deadline: { date, ...(time ? { time } : {}) } });
    expect(deadline('2025-03-31', '09:00')).toBe(true);
    for (const date of ['2025-3-31', 'x2025-03-31', '2025-03-31x', '31/03/2025']) expect([date, deadline(date)]).toEqual([date, false]);
    for (const time of ['9:00', 'x09:00', '09:00x', '0900']) expect([time, deadline('2025-03-31', time)]).toEqual([time, false]);
  });

  it('refuses parts of the wrong shape', () => {
    expect(valid({ ...minimal, returnTo: { address: 'not an address' } })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ wordLimit: { words: 0, kind: 'maximum' } })] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ wordLimit: { words: 300, kind: 'about' as 'approx' } })] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ type: 'colour' as 'text' })] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ label: '' })] })).toBe(false);
    expect(valid({ ...minimal, hubs: [] })).toBe(false);
    expect(valid({ ...minimal, title: '' })).toBe(false);
    expect(valid({ ...minimal, criteria: [{ id: 'x', kind: 'nice', text: 'x' }] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ essential: { equals: 'yes' as unknown as boolean, criterion: 'x' } })] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ requiredWhen: { field: 'schoolName' } as never })] })).toBe(false);
    expect(valid({ ...minimal, signatories: [{ role: 'head', label: 'Head' }] })).toBe(false);
    expect(valid({ ...minimal, criteria: [{ id: 'x', kind: 'desirable', text: 'x', settledBy: { equals: true } }] })).toBe(false);
    expect(valid({ ...minimal, fields: [field({ type: 'rows', columns: [{ key: 'year' }] as never })] })).toBe(false);
  });

  it('says which key is used twice', () => {
    expect(problems({ ...minimal, fields: [field(), field({ label: 'Other' })] })).toEqual(['Field key schoolName is used twice']);
  });

  it('says which field a reference names that the template does not have', () => {
    expect(problems({ ...minimal, fields: [field({ after: 'teacherName' })] })).toEqual(['Unknown field teacherName']);
    expect(problems({ ...minimal, fields: [field({ requiredWhen: { field: 'qts', equals: true } })] })).toEqual(['Unknown field qts']);
    expect(problems({ ...minimal, fields: [field()], signatories: [{ role: 'head', label: 'Head', emailField: 'headEmail' }] })).toEqual([
      'Unknown field headEmail',
    ]);
    expect(
      problems({
        ...minimal,
        fields: [field()],
        signatories: [{ role: 'head', label: 'Head', emailField: 'schoolName', nameField: 'headName' }],
      }),
    ).toEqual(['Unknown field headName']);
    expect(
      problems({ ...minimal, criteria: [{ id: 'qts', kind: 'essential', text: 'QTS', settledBy: { field: 'qts', equals: true } }] }),
    ).toEqual(['Unknown field qts']);
    expect(problems({ ...minimal, criteria: [{ id: 'qts', kind: 'essential', text: 'QTS' }] })).toEqual([]);
  });

  it('says which table of rows has no columns, and which field names a section that is not there', () => {
    expect(problems({ ...minimal, fields: [field({ type: 'rows' })] })).toEqual(['Field schoolName has no columns']);
    expect(problems({ ...minimal, fields: [field({ type: 'rows', columns: [] })] })).toEqual(['Field schoolName has no columns']);
    expect(problems({ ...minimal, fields: [field({ section: 'Teacher 1' })] })).toEqual([
      'Field schoolName names section "Teacher 1", which is not in sections',
    ]);
    expect(problems({ ...minimal, sections: ['Teacher 1'], fields: [field({ section: 'Teacher 1' })] })).toEqual([]);
  });

  it('says every problem at once, field by field, each at the fields', () => {
    const parsed = Template.safeParse({ ...minimal, fields: [field({ after: 'x', section: 'y' }), field({ type: 'rows' })] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ['custom', ['fields'], 'Field key schoolName is used twice'],
      ['custom', ['fields'], 'Unknown field x'],
      ['custom', ['fields'], 'Field schoolName names section "y", which is not in sections'],
      ['custom', ['fields'], 'Field schoolName has no columns'],
    ]);
  });
});

describe('parseTemplate', () => {
  const { hubs } = loadCatalogue();

  it('names the template and what is wrong with it', () => {
    let error: unknown;
    try {
      parseTemplate({ ...minimal, fields: [field({ key: 'School' })] }, 'my-form.json', hubs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error).toMatchObject({ name: 'CatalogueError', source: 'my-form.json' });
    expect((error as Error).message).toMatch(/^Template my-form\.json is not valid:\n.*a camelCase key/s);
  });

  it('names the hubs a template lists that are not in the hub list', () => {
    expect(() => parseTemplate({ ...minimal, hubs: ['GLOW Maths Hub', 'Nowhere Hub', 'Elsewhere Hub'] }, 'f.json', hubs)).toThrow(
      new CatalogueError('Template f.json names hubs that are not in the hub list: Nowhere Hub, Elsewhere Hub', 'f.json'),
    );
    expect(parseTemplate({ ...minimal, hubs: ['GLOW Maths Hub'] }, 'f.json', hubs).hubs).toEqual(['GLOW Maths Hub']);
  });

  it('loads the four built-in forms, and a hub’s own beside them, theirs winning on the same id', () => {
    const builtIn = loadCatalogue();
    expect(builtIn.templates.map((t) => t.id)).toEqual([
      'secondary-mastery-specialist-2018',
      'secondary-tfm-workgroup-eoi-2021',
      'primary-mastery-readiness-2018',
      'primary-mastery-specialist-2024',
    ]);
    expect(loadCatalogue().templates[0]).toBe(builtIn.templates[0]); // validated once, then kept
    const own = withHubTemplates(builtIn, [
      { data: { ...minimal, id: 'secondary-tfm-workgroup-eoi-2021', title: 'Ours' }, source: 'ours.json' },
    ]);
    expect(own.templates.map((t) => t.title)[1]).toBe('Ours');
    expect(own.templates).toHaveLength(4);
  });
});

describe('the Form Templates list', () => {
  const template = Template.parse({ ...minimal, fields: [field()] });

  it('has its name and its columns', () => {
    expect(TEMPLATES_LIST).toBe('Form Templates');
    expect(TEMPLATE_COLUMNS).toEqual([
      {
        name: 'TemplateId',
        displayName: 'Template id',
        kind: 'text',
        owner: 'template',
        description: "The template's id: one item per template.",
        indexed: true,
        unique: true,
      },
      { name: 'Programme', displayName: 'Programme', kind: 'text', owner: 'template', description: 'The programme the form is for.' },
      {
        name: 'Template',
        displayName: 'Template',
        kind: 'note',
        owner: 'template',
        description: 'The template as JSON, as `hub-intake template` writes it.',
      },
      { name: 'SavedBy', displayName: 'Saved by', kind: 'text', owner: 'template', description: 'Who saved the template last.' },
    ]);
  });

  it('stores a template as compact JSON, with its title, id, programme and who saved it', () => {
    expect(templateJson(template)).toBe(JSON.stringify(template));
    expect(templateJson(template)).not.toContain('\n');
    expect(templateFields(template, 'Ann Smith')).toEqual({
      Title: 'New form',
      TemplateId: 'new-form',
      Programme: 'A programme',
      Template: JSON.stringify(template),
      SavedBy: 'Ann Smith',
    });
  });

  it('cuts a title, programme or name longer than a text column holds, with an ellipsis', () => {
    const long = 'x'.repeat(TEXT_MAX);
    const fields = templateFields({ ...template, title: long, programme: `${long}y` }, `${long}z`);
    expect(fields.Title).toBe(long);
    expect(fields.Programme).toBe(`${'x'.repeat(TEXT_MAX - 1)}…`);
    expect(fields.SavedBy).toHaveLength(TEXT_MAX);
  });
});
