// Where each field's answer stands in a filled form: beside or below its label, under its heading,
// in its section's column, or in the rows of a table. Documents are written as data.
import { locateFields, locateRows } from '../../src/core/forms/locate';
import { layoutOf } from '../../src/core/forms/layout';
import { Template, type TemplateInput } from '../../src/core/catalogue/schema';
import { paragraphText } from '../../src/core/docx/model';
import { documentOf, type BlockSpec } from '../support/document-model';

type FieldInput = NonNullable<TemplateInput['fields']>[number];
const template = (fields: FieldInput[], more: Partial<TemplateInput> = {}) =>
  Template.parse({ id: 'test-form', title: 'Test form', programme: 'A programme', fields, ...more });
const text = (key: string, label: string, more: Partial<FieldInput> = {}): FieldInput => ({ key, label, type: 'text', ...more });

/** Each located field as [its label slot's text, its answer's paragraphs, the text beside its label]. */
function located(form: Template, ...blocks: BlockSpec[]) {
  const answers: Record<string, [string, string[], string]> = {};
  for (const [key, found] of locateFields(form, layoutOf(documentOf(...blocks))))
    answers[key] = [found.label.text, found.answer.paragraphs.map(paragraphText), found.answer.besideLabel];
  return answers;
}

describe('locateFields: a label in a table', () => {
  it('the answer is the cell to the right, or else the cell below, with the text typed beside the label', () => {
    const form = template([text('school', 'Name of school'), text('urn', 'School URN'), text('head', 'Headteacher')]);
    expect(
      located(
        form,
        [['Name of school', 'Ashfield Academy'], ['School URN: 137425']],
        [['Headteacher'], [{ content: ['Ann Smith', 'head@ashfield.sch.uk'] }]],
      ),
    ).toEqual({
      school: ['Name of school', ['Ashfield Academy'], ''],
      urn: ['School URN: 137425', [], '137425'], // nothing beside or below: only the label cell
      head: ['Headteacher', ['Ann Smith', 'head@ashfield.sch.uk'], ''],
    });
  });

  it('an answer cell holding another label is no answer', () => {
    const form = template([text('school', 'Name of school'), text('urn', 'School URN')]);
    expect(located(form, [['Name of school: Ashfield', 'School URN', '137425']])).toEqual({
      school: ['Name of school: Ashfield', [], 'Ashfield'],
      urn: ['School URN', ['137425'], ''],
    });
  });

  it('a Yes/No answer spreads over the cells to its right, up to the next label', () => {
    const qts = { key: 'qts', label: 'Do you have QTS?', type: 'yesNo' } as const;
    const form = template([qts, text('years', 'Years teaching')]);
    const row = ['Do you have QTS?', { boxes: [false], content: ['Yes'] }, { boxes: [true], content: ['No'] }, 'Years teaching', '4'];
    expect(located(template([qts]), [['Do you have QTS? Yes']])).toEqual({ qts: ['Do you have QTS? Yes', [], 'Yes'] });
    expect(located(form, [row])).toEqual({
      qts: ['Do you have QTS?', ['☐Yes', '☒No'], ''],
      years: ['Years teaching', ['4'], ''],
    });
  });

  it('only a Yes/No answer spreads, and only along the label’s own row', () => {
    const form = template([text('school', 'Name of school'), { key: 'qts', label: 'QTS', type: 'yesNo' }]);
    expect(located(form, [['Name of school', 'Ashfield', 'Academy']])).toEqual({ school: ['Name of school', ['Ashfield'], ''] });
    expect(located(form, [['QTS'], ['Yes', 'No']])).toEqual({ qts: ['QTS', ['Yes'], ''] });
  });
});

describe('locateFields: a label as a paragraph', () => {
  const form = template(
    [
      text('school', 'Name of school'),
      { key: 'statement', label: 'Supporting statement', type: 'statement', prompts: ['Write up to 300 words.'] },
      text('address', 'Address', { prompts: ['Your address here'] }),
    ],
    { endMarkers: ['Declaration'] },
  );

  it('the rest of the line is the answer, unless it is the form’s own prompt', () => {
    expect(located(form, 'Name of school: Ashfield Academy', 'A paragraph after')).toEqual({
      school: ['Name of school: Ashfield Academy', [], 'Ashfield Academy'],
    });
    expect(located(form, 'Address: Your address here', '1 High Street', 'Declaration')).toEqual({
      address: ['Address: Your address here', ['1 High Street'], 'Your address here'],
    });
  });

  it('a statement’s answer is what follows its heading, up to the next heading or end marker', () => {
    expect(located(form, 'Supporting statement: (see below)', 'I teach.', 'I lead.', 'Declaration', 'Signed')).toEqual({
      statement: ['Supporting statement: (see below)', ['I teach.', 'I lead.'], '(see below)'],
    });
    expect(located(form, 'Supporting statement', 'I teach.', 'Name of school', 'Ashfield')).toEqual({
      statement: ['Supporting statement', ['I teach.'], ''],
      school: ['Name of school', ['Ashfield'], ''],
    });
  });

  it('the box after a heading is the answer; an empty box lets the answer be typed below it', () => {
    expect(located(form, 'Supporting statement', [['I teach maths.']], 'Not the answer')).toEqual({
      statement: ['Supporting statement', ['I teach maths.'], ''],
    });
    expect(located(form, 'Supporting statement', [['Write up to 300 words.']], 'Typed below the box.', 'Declaration')).toEqual({
      statement: ['Supporting statement', ['Typed below the box.'], ''], // the box held only its prompt
    });
  });

  it('a box holding its prompt and an answer is the answer, prompt and all', () => {
    expect(located(form, 'Supporting statement', [[{ content: ['Write up to 300 words.', 'I teach.'] }]], 'Not the answer')).toEqual({
      statement: ['Supporting statement', ['Write up to 300 words.', 'I teach.'], ''],
    });
  });

  it('paragraphs typed under a heading are the answer, not a box after them; a box that is another label is not read', () => {
    expect(located(form, 'Supporting statement', 'Typed here.', [['A box after']])).toEqual({
      statement: ['Supporting statement', ['Typed here.'], ''],
    });
    expect(located(form, 'Supporting statement', [['Name of school', 'Ashfield']])).toEqual({
      statement: ['Supporting statement', [], ''],
      school: ['Name of school', ['Ashfield'], ''],
    });
  });
});

describe('locateFields: sections and repeated labels', () => {
  const name = (n: number, section?: string) => text(`name${n}`, 'Name', section ? { section } : {});

  it('a field under a section is found below that section’s heading, before the next one, in any order of the template', () => {
    const form = template([name(1, 'Teacher 1'), name(2, 'Teacher 2')], { sections: ['Teacher 2', 'Teacher 1'] });
    expect(located(form, 'Teacher 1', [['Name', 'Ann']], 'Teacher 2', [['Name', 'Bob']])).toEqual({
      name1: ['Name', ['Ann'], ''],
      name2: ['Name', ['Bob'], ''],
    });
    // A section ends at the next section's heading, and begins after its own.
    expect(located(form, 'Teacher 1', 'Teacher 2', [['Name', 'Bob']])).toEqual({ name2: ['Name', ['Bob'], ''] });
    expect(located(form, 'Name: Zed', 'Teacher 1', 'Name: Ann')).toEqual({ name1: ['Name: Ann', [], 'Ann'] });
    // A section whose heading is missing: its field is not found elsewhere.
    expect(located(form, 'Teacher 1', [['Name', 'Ann']], [['Name', 'Bob']])).toEqual({ name1: ['Name', ['Ann'], ''] });
  });

  it('sections side by side head the columns of one table: the answer is in the section’s column', () => {
    const form = template([name(1, 'Teacher 1'), name(2, 'Teacher 2'), text('trn', 'TRN', { section: 'Teacher 2' })], {
      sections: ['Teacher 1', 'Teacher 2'],
    });
    expect(
      located(form, [
        ['', 'Teacher 1', 'Teacher 2'],
        ['Name', 'Ann', 'Bob'],
        ['TRN', '1234567', { content: ['Name'] }],
      ]),
    ).toEqual({
      name1: ['Name', ['Ann'], ''],
      name2: ['Name', ['Bob'], ''],
      trn: ['TRN', [], ''], // its cell in the column holds a label
    });
  });

  it('sections heading rows of one table, or the first rows of two tables, are not side by side', () => {
    const form = template([name(1, 'Teacher 1'), name(2, 'Teacher 2')], { sections: ['Teacher 1', 'Teacher 2'] });
    const expected = { name1: ['Name', ['Ann'], ''], name2: ['Name', ['Bob'], ''] };
    expect(located(form, [['Teacher 1'], ['Name', 'Ann'], ['Teacher 2'], ['Name', 'Bob']])).toEqual(expected);
    expect(located(form, [['Teacher 1'], ['Name', 'Ann']], [['Teacher 2'], ['Name', 'Bob']])).toEqual(expected);
    expect(located(form, 'Teacher 1', [['Name', 'Ann']], [['Teacher 2'], ['Name', 'Bob']])).toEqual(expected);
  });

  it('in a column, the label must stand left of the section’s column', () => {
    const form = template([name(1, 'Teacher 1')], { sections: ['Teacher 1', 'Teacher 2'] });
    expect(
      located(form, [
        ['', 'Teacher 1', 'Teacher 2'],
        ['', 'Name', 'Bob'],
      ]),
    ).toEqual({ name1: ['Name', [], ''] });
    expect(
      located(form, [
        ['Teacher 1', 'Teacher 2', ''],
        ['Ann', 'Bob', 'Name'],
      ]),
    ).toEqual({ name1: ['Name', [], ''] });
    expect(located(form, [['Teacher 1', 'Teacher 2']])).toEqual({});
  });

  it('a field after another is the first matching label after it', () => {
    const form = template([
      text('teacher', 'Teacher'),
      name(1),
      text('head', 'Head of department'),
      text('name2', 'Name', { after: 'head' }),
    ]);
    expect(located(form, [['Teacher'], ['Name', 'Ann'], ['Head of department'], ['Name', 'Bob']])).toMatchObject({
      name1: ['Name', ['Ann'], ''],
      name2: ['Name', ['Bob'], ''],
    });
  });

  it('a field after another with the same label is the next one', () => {
    const form = template([name(1), text('name2', 'Name', { after: 'name1' })]);
    expect(located(form, 'Name: Ann', 'Name: Bob')).toEqual({ name1: ['Name: Ann', [], 'Ann'], name2: ['Name: Bob', [], 'Bob'] });
  });

  it('a field after one that is missing is looked for from the start', () => {
    const form = template([text('head', 'Head of department'), text('name2', 'Name', { after: 'head' })]);
    expect(located(form, [['Name', 'Bob']])).toEqual({ name2: ['Name', ['Bob'], ''] });
  });

  it('a table of rows is not located as a field', () => {
    const form = template([{ key: 'groups', label: 'Year', type: 'rows', columns: [{ key: 'year', label: 'Year' }] }]);
    expect(located(form, [['Year', '7']])).toEqual({});
  });
});

describe('locateRows', () => {
  const groups = (...labels: string[]) =>
    template([{ key: 'groups', label: 'Teaching groups', type: 'rows', columns: labels.map((label, i) => ({ key: `c${i}`, label })) }])
      .fields[0]!;
  const rows = (field: ReturnType<typeof groups>, ...blocks: BlockSpec[]) => locateRows(field, layoutOf(documentOf(...blocks)))?.rows;

  it('reads each row under the header row as an object by column', () => {
    const field = groups('Year group', 'Group size', 'Set');
    expect(
      rows(field, 'Year group: see table', [
        ['Year group', 'Group size', 'Set'],
        ['7', '30', 'Top'],
        [{ content: ['8', '(two classes)'] }, { boxes: [true], content: ['Mixed'] }, { boxes: [false] }],
      ]),
    ).toEqual([
      { c0: '7', c1: '30', c2: 'Top' },
      { c0: '8\n(two classes)', c1: '☒Mixed', c2: '☐' },
    ]);
  });

  it('needs two of the header cells (one for a one-column table), and leaves a missing column blank', () => {
    const field = groups('Year group', 'Group size', 'Set');
    expect(
      rows(field, [
        ['Year group', 'Notes'],
        ['7', 'x'],
      ]),
    ).toBeUndefined();
    expect(
      rows(field, [
        ['Year group', 'Set'],
        ['7', 'Top'],
      ]),
    ).toEqual([{ c0: '7', c1: '', c2: 'Top' }]);
    expect(rows(groups('Year group'), [['Year group'], ['7']])).toEqual([{ c0: '7' }]);
  });

  it('finds the header row in the table that has it, and reads a cell spanning a column', () => {
    const field = groups('Year group', 'Group size');
    expect(
      rows(
        field,
        [['Year group', 'Other']],
        [
          ['Year group', 'x', 'Group size'],
          ['7', { content: ['30'], span: 2 }],
        ],
      ),
    ).toEqual([{ c0: '7', c1: '30' }]);
  });
});
