// The small rules a form is read by: what counts as a form's layout, what is the form's own prompt
// rather than an answer, and which fields share a row. Documents are written as data.
import { formLikeness } from '../../src/core/forms/looks-like-form';
import { isPrompt } from '../../src/core/forms/prompts';
import { fieldRows } from '../../src/core/forms/field-rows';
import { layoutOf } from '../../src/core/forms/layout';
import { Template, type TemplateInput } from '../../src/core/catalogue/schema';
import { documentOf, type BlockSpec, type RowSpec } from '../support/document-model';

const likeness = (...blocks: BlockSpec[]) => formLikeness(layoutOf(documentOf(...blocks)));
const pairs = (n: number, answer = 'x'): RowSpec[] => Array.from({ length: n }, (_, i) => [`Label ${i}`, answer]);

describe('formLikeness', () => {
  it('counts label cells with an answer to their right, in rows of two or four cells', () => {
    expect(likeness(pairs(3))).toEqual({ labelAnswerCells: 3, blanks: 0, looksLikeForm: false });
    expect(likeness([['Name', 'Ann', 'School', 'Ashfield']])).toMatchObject({ labelAnswerCells: 2 });
    // Three cells or one: a timetable or a box, not label/answer pairs.
    expect(likeness([['Name', 'Ann', 'x'], ['Name']])).toMatchObject({ labelAnswerCells: 0 });
    // A label stands in an even place: "Name" in the second cell is not one.
    expect(likeness([['1', 'Name', '2', 'Ann']])).toMatchObject({ labelAnswerCells: 0 });
  });

  it('a label is a few words with a letter, not a sentence or a number', () => {
    expect(
      likeness([
        ['Name of school', 'x'],
        ['137425', 'x'],
        ['We met on Monday.', 'x'],
        ['Well done!', 'x'],
      ]),
    ).toMatchObject({
      labelAnswerCells: 1,
    });
    const fourteen = Array.from({ length: 14 }, () => 'word').join(' ');
    expect(
      likeness([
        [fourteen, 'x'],
        [`${fourteen} more`, 'x'],
        ['Date ', 'x'],
      ]),
    ).toMatchObject({ labelAnswerCells: 2 });
    expect(
      likeness([
        ['', 'x'],
        ['   ', 'x'],
      ]),
    ).toMatchObject({ labelAnswerCells: 0 });
    // Spaces around the words are not words, and a full stop inside is not the end of a sentence.
    expect(likeness([[` ${fourteen} `, 'x']])).toMatchObject({ labelAnswerCells: 1 });
    expect(likeness([['Dr. name', 'x']])).toMatchObject({ labelAnswerCells: 1 });
    expect(likeness([['Well done! ', 'x']])).toMatchObject({ labelAnswerCells: 0 });
  });

  it('counts a blank answer cell, and a line or box to fill in anywhere, as a blank', () => {
    expect(
      likeness([
        ['Name', ''],
        ['School', '  '],
      ]),
    ).toMatchObject({ labelAnswerCells: 2, blanks: 2 });
    for (const blank of [
      'Signed ____',
      'Date ......',
      'Date ………',
      '☐ Yes',
      '☑',
      '☒',
      'Click or tap here to enter text.',
      'click here to enter text',
    ])
      expect(likeness(blank)).toMatchObject({ blanks: 1 });
    for (const notBlank of ['Signed ___', 'Date .....', 'Date ……', 'Click to enter'])
      expect(likeness(notBlank)).toMatchObject({ blanks: 0 });
  });

  it('leaves out a cell continuing a vertical merge', () => {
    expect(
      likeness([
        [{ content: ['Name'], vMerge: 'restart' }, 'Ann'],
        [{ vMerge: 'continue' }, ''],
      ]),
    ).toMatchObject({ labelAnswerCells: 1, blanks: 0 });
  });

  it('is a form at 8 label/answer pairs, 6 blanks, or 4 pairs with 3 blanks', () => {
    expect(likeness(pairs(8)).looksLikeForm).toBe(true);
    expect(likeness(pairs(7)).looksLikeForm).toBe(false);
    expect(likeness('____', '____', '____', '____', '____', '____').looksLikeForm).toBe(true);
    expect(likeness('____', '____', '____', '____', '____').looksLikeForm).toBe(false);
    expect(likeness(pairs(4), '____', '____', '____').looksLikeForm).toBe(true);
    expect(likeness(pairs(3), '____', '____', '____').looksLikeForm).toBe(false);
    expect(likeness(pairs(4), '____', '____').looksLikeForm).toBe(false);
  });
});

describe('isPrompt', () => {
  it('is blank text, Word’s own placeholders and "Signature of …"', () => {
    for (const text of [
      '',
      '  ',
      '…',
      'Yes/No',
      'YES / NO',
      'Click or tap here to enter text.',
      'Click here to enter text',
      'Enter text here',
      'Click or tap to enter a date',
      'Choose an item.',
      'Signature of head teacher',
    ])
      expect([text, isPrompt(text, [])]).toEqual([text, true]);
    for (const text of ['Yes', 'No', 'Signature', 'Ann Smith']) expect([text, isPrompt(text, [])]).toEqual([text, false]);
  });

  it('is the field’s own prompt however it is punctuated', () => {
    expect(isPrompt('Enter your URN', ['Enter your URN:'])).toBe(true);
    expect(isPrompt('137425', ['Enter your URN:'])).toBe(false);
  });

  it('is a long instruction reworded at its end, judged on its first 40 characters', () => {
    const prompt = 'Please describe your experience of leading professional development (max. 300 words)';
    expect(isPrompt('Please describe your experience of leading professional development', [prompt])).toBe(true);
    expect(isPrompt('Please describe your experience of leading professional development (500 words)', [prompt])).toBe(true);
    expect(isPrompt('Please describe your experience of leading', [prompt])).toBe(true); // the prompt begins with it
    expect(isPrompt('Please describe your experience of l', [prompt])).toBe(false); // under 40 characters
    // Exactly 40 characters, on either side.
    const forty = 'Please describe your experience of leadi';
    expect(isPrompt(forty, [prompt])).toBe(true);
    expect(isPrompt(`${forty} in full`, [forty])).toBe(true);
    expect(isPrompt(`${forty} in full`, [forty.slice(0, 39)])).toBe(false);
    expect(isPrompt('Please describe your experience of teaching', [prompt])).toBe(false);
    const short = 'Please describe your experience here.';
    expect(isPrompt('Please describe your experience here, in full.', [short])).toBe(false); // a prompt under 40
  });

  it('is never an answer much longer than every prompt', () => {
    const long = `Signature of ${'x'.repeat(200)}`;
    expect(isPrompt(long, [])).toBe(false);
    expect(isPrompt(long, ['A short prompt'])).toBe(false);
    expect(isPrompt(`Signature of ${'x'.repeat(86)}`, [])).toBe(true); // 99 characters: within 60 × 1.5 + 40 = 130
    expect(isPrompt(`Signature of ${'x'.repeat(117)}`, [])).toBe(true); // 130
    expect(isPrompt(`Signature of ${'x'.repeat(118)}`, [])).toBe(false); // 131
    const prompt = 'p'.repeat(100);
    expect(isPrompt(prompt, [prompt])).toBe(true);
    expect(isPrompt(`Signature of ${'x'.repeat(177)}`, [prompt])).toBe(true); // 190 = 100 × 1.5 + 40
  });
});

describe('fieldRows', () => {
  const fields = (...fields: NonNullable<TemplateInput['fields']>) =>
    Template.parse({ id: 'f', title: 'F', programme: 'P', sections: ['Teacher 1', 'Teacher 2'], fields });
  const keys = (input: Template) => fieldRows(input).map((row) => row.fields.map((f) => f.key));

  it('puts a name and an e-mail under one label in one row, in the template’s order', () => {
    expect(
      keys(
        fields(
          { key: 'school', label: 'Name of school', type: 'text' },
          { key: 'headEmail', label: 'Head teacher', type: 'email' },
          { key: 'headName', label: 'Head teacher', type: 'name' },
          { key: 'urn', label: 'URN', type: 'urn' },
        ),
      ),
    ).toEqual([['school'], ['headEmail', 'headName'], ['urn']]);
    expect(
      keys(fields({ key: 'headName', label: 'Head teacher', type: 'name' }, { key: 'headEmail', label: 'Head teacher', type: 'email' })),
    ).toEqual([['headName', 'headEmail']]);
  });

  it('pairs only a name with an e-mail, under the same label and in the same section, each once', () => {
    expect(
      keys(
        fields(
          { key: 'a', label: 'Teacher', type: 'name', section: 'Teacher 1' },
          { key: 'b', label: 'Teacher', type: 'email', section: 'Teacher 2' },
          { key: 'c', label: 'Teacher', type: 'name', section: 'Teacher 2' },
          { key: 'd', label: 'Teacher', type: 'name', section: 'Teacher 2' },
          { key: 'e', label: 'Phone', type: 'phone' },
          { key: 'f', label: 'Phone', type: 'text' },
          { key: 'g', label: 'Contact', type: 'name' },
          { key: 'h', label: 'Contact', type: 'name' },
          { key: 'i', label: 'Head', type: 'text' },
          { key: 'j', label: 'Head', type: 'name' },
          { key: 'k', label: 'Deputy', type: 'email' },
        ),
      ),
    ).toEqual([['a'], ['b', 'c'], ['d'], ['e'], ['f'], ['g'], ['h'], ['i'], ['j'], ['k']]);
  });
});
