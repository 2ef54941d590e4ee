// How a filled form is read for its labels: the slots of its layout, the labels found in them, and
// which programme's form it is. Documents are written as data (test/support/document-model.ts).
import { answerCellOf, layoutOf, type CellSlot } from '../../src/core/forms/layout';
import { findLabels, firstLabel, matchLabel } from '../../src/core/forms/labels';
import { identifyForm } from '../../src/core/forms/identify';
import { Template, type TemplateInput } from '../../src/core/catalogue/schema';
import { labelKey } from '../../src/core/text';
import { documentOf, tablesOf, type BlockSpec } from '../support/document-model';

const layout = (...blocks: BlockSpec[]) => layoutOf(documentOf(...blocks));
const only = (text: string) => layout(text).slots[0]!;
const cell = (l: ReturnType<typeof layout>, text: string) => l.slots.find((s) => s.kind === 'cell' && s.text === text) as CellSlot;

describe('layoutOf', () => {
  it('makes a slot of each paragraph and each cell, in reading order, a nested table after the cell that holds it', () => {
    const l = layout(
      'Title',
      [
        ['Name of school', { content: ['Outer', [['Inner 1', 'Inner 2']]] }],
        ['After', ''],
      ],
      'End',
    );
    expect(l.slots.map((s) => [s.kind, s.text])).toEqual([
      ['paragraph', 'Title'],
      ['cell', 'Name of school'],
      ['cell', 'Outer'], // the cell's own paragraphs only: the nested table's text is its own slots
      ['cell', 'Inner 1'],
      ['cell', 'Inner 2'],
      ['cell', 'After'],
      ['cell', ''],
      ['paragraph', 'End'],
    ]);
    expect(l.slots.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(l.slots[1]).toMatchObject({ key: 'name of school', row: 0, cell: 0, column: 0, continuesMerge: false });
    expect(l.slots[5]).toMatchObject({ row: 1, cell: 0 });
  });

  it('keys a paragraph and says where it stands among its blocks', () => {
    const l = layout('First', 'E-mail address:');
    const second = l.slots[1]!;
    expect(second).toMatchObject({ kind: 'paragraph', key: 'email address', blockIndex: 1 });
    if (second.kind !== 'paragraph') throw new Error('a paragraph');
    expect(l.slotOfParagraph(second.paragraph)).toBe(second);
    expect(second.container[1]).toBe(second.paragraph);
  });

  it('shows a tab as two spaces, so that a value typed after a label stays apart from it', () => {
    expect(only('School URN\t137425').text).toBe('School URN  137425');
    expect(only('a\t\tb').text).toBe('a    b');
  });

  it('keys a long paragraph by its first 400 characters, and keeps its whole text', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const slot = only(words);
    expect(slot.text).toBe(words);
    expect(slot.key).toBe(labelKey(words.slice(0, 400)));
    expect(slot.key).not.toContain('word99');
    const short = 'x'.repeat(399) + ' y';
    expect(only(short).key).toBe(labelKey(short.slice(0, 400))); // 401 characters: the 'y' is beyond
  });

  it('a cell continuing a vertical merge is blank in its own right and shows the merged cell', () => {
    const l = layout([
      [{ content: ['Statement'], vMerge: 'restart' }, 'Answer'],
      [{ content: ['leftover'], vMerge: 'continue' }, 'More'],
    ]);
    const continued = l.slots[2] as CellSlot;
    expect(continued).toMatchObject({ kind: 'cell', row: 1, cell: 0, text: '', key: '', continuesMerge: true });
    expect(continued.blocks).toBe((l.slots[0] as CellSlot).blocks);
  });

  it('files slots by the first word of their key, leaving out blank ones', () => {
    const l = layout('Name of school', 'Name', '   ', [['School URN', '']]);
    expect(l.slotsByFirstWord.get('name')?.map((s) => s.text)).toEqual(['Name of school', 'Name']);
    expect(l.slotsByFirstWord.get('school')?.map((s) => s.text)).toEqual(['School URN']);
    expect(l.slotsByFirstWord.has('')).toBe(false);
    expect([...l.slotsByFirstWord.keys()]).toEqual(['name', 'school']);
  });

  it('finds a cell by table, row and cell, and nothing outside the table', () => {
    const l = layout([['a', 'b'], ['c']]);
    const [table] = tablesOf(documentOf([['x']]));
    const own = (l.slots[0] as CellSlot).table;
    expect(l.cellSlot(own, 1, 0)?.text).toBe('c');
    expect(l.cellSlot(own, 1, 1)).toBeUndefined();
    expect(l.cellSlot(own, 2, 0)).toBeUndefined();
    expect(l.cellSlot(table!, 0, 0)).toBeUndefined();
  });
});

describe('answerCellOf', () => {
  it('is the cell to the right of the label', () => {
    const l = layout([['Name of school', 'Ashfield Academy', 'x']]);
    expect(answerCellOf(l, cell(l, 'Name of school'))?.text).toBe('Ashfield Academy');
  });

  it('is the cell below, in the label’s column, when nothing is to the right', () => {
    const l = layout([
      ['Teacher', 'Head of department'],
      ['Ann Smith', 'Bob Jones'],
    ]);
    expect(answerCellOf(l, cell(l, 'Head of department'))?.text).toBe('Bob Jones');
  });

  it('below a label, takes the cell spanning the label’s column', () => {
    const l = layout([
      ['a', 'b', 'Signature'],
      [{ content: ['wide'], span: 2 }, 'Signed'],
    ]);
    expect(answerCellOf(l, cell(l, 'Signature'))?.text).toBe('Signed');
    const spanning = layout([['x', 'Label'], [{ content: ['Both columns'], span: 2 }]]);
    expect(answerCellOf(spanning, cell(spanning, 'Label'))?.text).toBe('Both columns');
  });

  it('is nothing in the last row, or when the row below has no cell under the label', () => {
    const last = layout([['Label', 'x'], ['only']]);
    expect(answerCellOf(last, cell(last, 'only'))).toBeUndefined();
    const short = layout([['a', 'Label'], ['under a']]);
    expect(answerCellOf(short, cell(short, 'Label'))).toBeUndefined();
  });
});

describe('matchLabel', () => {
  const match = (text: string, ...labels: string[]) => matchLabel(only(text), labels)?.rest;

  it('finds the label however it is spaced, punctuated or capitalised, and returns what follows', () => {
    expect(match('NAME OF SCHOOL:', 'Name of school')).toBe('');
    expect(match('Name  of\u00a0school : Ashfield', 'Name of school')).toBe('Ashfield');
    expect(match('School URN: 137 425  ', 'School URN')).toBe('137 425');
    expect(match('School URN – 137425', 'School URN')).toBe('137425');
    expect(match('School URN : - 137425', 'School URN')).toBe('137425');
    expect(match('Do you have QTS? Yes', 'Do you have QTS?')).toBe('Yes');
    expect(match('School URN (six digits) 137425', 'School URN')).toBe('(six digits) 137425');
    expect(match('School URN(six digits) 137425', 'School URN')).toBe('(six digits) 137425');
  });

  it('reads "email" as "e-mail" and "and" as "&", in a label’s first word too', () => {
    expect(match('E-mail address: a@b.uk', 'Email address')).toBe('a@b.uk');
    expect(match('Name & address', 'Name and address')).toBe('');
    expect(match('Name and address', 'Name & address')).toBe('');
    expect(match('& signature', 'And signature')).toBe('');
    expect(match('And signature', 'and signature')).toBe('');
  });

  it('is not a label whose words are not all there', () => {
    expect(match('Name, address', 'Name and address')).toBeUndefined();
    expect(match('Names', 'Name')).toBeUndefined();
    expect(match('Name', 'Name of school')).toBeUndefined();
  });

  it('is a longer label, not this one, when one space and a word follow; two spaces or a tab set off a value', () => {
    expect(match('Name of school', 'Name')).toBeUndefined();
    expect(match('Name  Ann Smith', 'Name')).toBe('Ann Smith');
    expect(match('Name\tAnn Smith', 'Name')).toBe('Ann Smith');
    expect(match('Name: Ann Smith', 'Name')).toBe('Ann Smith');
  });

  it('is not a label when an answer only begins like one', () => {
    expect(match('head.teacher@school.org.uk', 'Head')).toBeUndefined();
    expect(match('name@school.org.uk', 'Name')).toBeUndefined();
    expect(match("O'Brien", 'O')).toBeUndefined();
    expect(match('Head: teacher', 'Head')).toBe('teacher');
  });

  it('takes the longest of the labels that match', () => {
    expect(match('School URN (if known): 137425', 'School URN', 'School URN (if known)')).toBe('137425');
    expect(match('School URN (if known): 137425', 'School URN (if known)', 'School URN')).toBe('137425');
  });

  it('finds nothing in a blank slot, or for a label of punctuation only', () => {
    expect(match('', 'Name')).toBeUndefined();
    expect(match('Name', '—')).toBeUndefined();
  });
});

describe('findLabels and firstLabel', () => {
  const l = layout('Surname', 'Name', 'Other', 'Name: Ann', 'Surname: Smith', 'Name of school');

  it('find every slot holding one of the labels, in reading order', () => {
    expect(findLabels(l, ['Surname', 'Name']).map((f) => [f.slot.index, f.match.rest])).toEqual([
      [0, ''],
      [1, ''],
      [3, 'Ann'],
      [4, 'Smith'],
    ]);
    expect(firstLabel(l, ['Name', 'Surname'])?.slot.index).toBe(0);
  });

  it('look only between two slot indexes, the second excluded', () => {
    expect(findLabels(l, ['Name', 'Surname'], 1, 4).map((f) => f.slot.index)).toEqual([1, 3]);
    expect(firstLabel(l, ['Surname'], 1)?.slot.index).toBe(4);
    expect(firstLabel(l, ['Surname'], 1, 4)).toBeUndefined();
    expect(firstLabel(l, ['Missing'])).toBeUndefined();
    expect(findLabels(l, ['Name'], 4).map((f) => f.slot.index)).toEqual([]); // "Name of school" is another label
  });
});

describe('identifyForm', () => {
  const template = (input: Partial<TemplateInput> & { id: string }): Template =>
    Template.parse({ title: input.id, programme: 'A programme', ...input });
  const fields = (...labels: string[]) => labels.map((label, i) => ({ key: `f${i}`, label, type: 'text' as const }));
  const eightLabels = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'];

  it('is the form whose labels and title are found, with the share of them as its confidence', () => {
    const form = template({ id: 'sms', identify: ['Secondary Mastery Specialist'], fields: fields('Alpha', 'Bravo') });
    const found = identifyForm([form], layout('Secondary Mastery Specialist application', 'Alpha:', 'Bravo:'));
    expect(found).toEqual({ template: form, confidence: 1 });
  });

  it('with the title, takes the form at half its labels; without, at 72 %', () => {
    const titled = template({ id: 'a', identify: ['The Form'], fields: fields(...eightLabels) });
    // 0.8 × 3/8 + 0.2 = 0.5: just enough with the title.
    expect(identifyForm([titled], layout('The Form', 'Alpha', 'Bravo', 'Charlie'))).toEqual({ template: titled, confidence: 0.5 });
    expect(identifyForm([titled], layout('The Form', 'Alpha', 'Bravo'))).toEqual({ template: undefined, confidence: 0.4 });
    // No title: 0.8 × 7/8 = 0.7 is not enough, 0.8 × 8/8 is.
    expect(identifyForm([titled], layout(...eightLabels.slice(0, 7)))).toEqual({ template: undefined, confidence: 0.7 });
    expect(identifyForm([titled], layout(...eightLabels))).toEqual({ template: titled, confidence: 0.8 });
  });

  it('counts a label once however many fields share it, and counts section headings and a table’s first column', () => {
    const form = template({
      id: 'b',
      sections: ['Teacher 1', 'Teacher 2'],
      fields: [
        { key: 'name1', label: 'Name', type: 'text', section: 'Teacher 1' },
        { key: 'name2', label: 'Name', type: 'text', section: 'Teacher 2' },
        { key: 'groups', label: 'Teaching groups', type: 'rows', columns: [{ key: 'year', label: 'Year group' }] },
      ],
    });
    // Groups: "name", "teaching groups" (or its first column's header), and the two sections.
    expect(identifyForm([form], layout('Teacher 1', 'Name', 'Teacher 2', 'Name', [['Year group', 'Size']])).confidence).toBe(0.8);
    expect(identifyForm([form], layout('Name', [['Year group']])).confidence).toBe(0.4);
    expect(identifyForm([form], layout('Teacher 1', 'Name')).confidence).toBe(0.4);
  });

  it('takes a form as titled when any one of its title phrases is there, ignoring phrases of punctuation only', () => {
    const form = template({ id: 'c', identify: ['Work Group', 'Teaching for Mastery', '***'], fields: fields(...eightLabels) });
    expect(identifyForm([form], layout('Teaching for Mastery', ...eightLabels.slice(0, 3))).template).toBe(form);
    const punctuationOnly = template({ id: 'd', identify: ['***'], fields: fields(...eightLabels) });
    expect(identifyForm([punctuationOnly], layout(...eightLabels.slice(0, 3)))).toEqual({ template: undefined, confidence: 0.3 });
  });

  it('takes the best-scoring form, the first of two equal ones, and never a form with no fields yet', () => {
    const titled = (id: string, ...labels: string[]) => template({ id, identify: ['The Form'], fields: fields(...labels) });
    const weak = titled('weak', 'Alpha', 'Zulu'); // 0.8 × 1/2 + 0.2 = 0.6
    const strong = titled('strong', 'Alpha', 'Bravo'); // 1
    const same = titled('same', 'Bravo', 'Alpha');
    const unpublished = template({ id: 'unpublished', identify: ['The Form'], sections: ['Alpha', 'Bravo'] });
    const l = layout('The Form', 'Alpha', 'Bravo');
    expect(identifyForm([weak, strong], l)).toEqual({ template: strong, confidence: 1 });
    expect(identifyForm([strong, weak], l).template).toBe(strong);
    expect(identifyForm([strong, same], l).template).toBe(strong);
    expect(identifyForm([same, strong], l).template).toBe(same);
    expect(identifyForm([unpublished], l)).toEqual({ template: undefined, confidence: 0 });
    expect(identifyForm([], l)).toEqual({ template: undefined, confidence: 0 });
  });
});
