// Reading one answer as its field's type says (forms.md): the value kept, and what is wrong with it.
// Answers are built as the Word reader gives them: paragraphs of text runs (bold, struck through,
// highlighted, linked) and ticked or empty check boxes.
import { MAX_ANSWER_CHARACTERS, readValue, type ReadContext } from '../../src/core/forms/values';
import type { Answer } from '../../src/core/forms/locate';
import type { Inline, Paragraph } from '../../src/core/docx/model';
import { Field, type FieldType } from '../../src/core/catalogue/schema';
import { loadCatalogue } from '../../src/core/catalogue';

const { hubs } = loadCatalogue();
const ctx: ReadContext = { hubs, programmeHubs: 'all', title: 'Teacher 1 – Email' };

const field = (type: FieldType, extra: Partial<Field> = {}): Field => Field.parse({ key: 'answer', label: 'Answer', type, ...extra });

type Run = string | Partial<Inline> | { checkbox: boolean };
function inline(run: Run): Inline {
  if (typeof run === 'string') return { kind: 'text', text: run, bold: false, strike: false, highlight: false };
  if ('checkbox' in run) return { kind: 'checkbox', checked: run.checkbox };
  return { kind: 'text', text: '', bold: false, strike: false, highlight: false, ...run } as Inline;
}
const paragraph = (...runs: Run[]): Paragraph => ({ kind: 'paragraph', inlines: runs.map(inline) });
/** An answer of one paragraph per line. */
const lines = (...texts: string[]): Answer => ({ paragraphs: texts.map((t) => paragraph(t)), besideLabel: '' });
const runs = (...parts: Run[]): Answer => ({ paragraphs: [paragraph(...parts)], besideLabel: '' });

const read = (type: FieldType, answer: Answer | undefined, extra: Partial<Field> = {}, context: Partial<ReadContext> = {}) =>
  readValue(field(type, extra), answer, { ...ctx, ...context });
const value = (type: FieldType, answer: Answer | undefined, extra: Partial<Field> = {}, context: Partial<ReadContext> = {}) => {
  const reading = read(type, answer, extra, context);
  expect(reading.issues).toEqual([]);
  return reading.value;
};
/** The one issue a reading has, without its wording; the wording is checked to name the field. */
const onlyIssue = (reading: ReturnType<typeof read>) => {
  expect(reading.issues).toHaveLength(1);
  const { message, ...rest } = reading.issues[0]!;
  expect(message).toContain(ctx.title.split(' – ')[0]);
  return rest;
};

describe('any field', () => {
  it('has no value and no issue when the form has no answer for it', () => {
    for (const type of ['text', 'email', 'yesNo', 'statement', 'number'] as const)
      expect(read(type, undefined)).toEqual({ value: null, issues: [] });
  });

  it("leaves out the form's own prompts, and Word's", () => {
    expect(value('text', lines('Click or tap here to enter text.'))).toBeNull();
    expect(value('text', lines('Type the school name here'), { prompts: ['Type the school name here'] })).toBeNull();
    expect(value('text', lines('Type the school name here', 'Oakfield Academy'), { prompts: ['Type the school name here'] })).toBe(
      'Oakfield Academy',
    );
  });

  it('reads the text typed beside the label when the answer box is empty', () => {
    expect(value('text', { paragraphs: [paragraph('')], besideLabel: 'Oakfield Academy' })).toBe('Oakfield Academy');
    expect(value('text', { paragraphs: [paragraph('Enter text here')], besideLabel: 'Oakfield Academy' })).toBe('Oakfield Academy');
    expect(value('text', { paragraphs: [paragraph('Stroudwater High')], besideLabel: 'Oakfield Academy' })).toBe('Stroudwater High');
    expect(value('text', { paragraphs: [], besideLabel: 'Choose an item.' })).toBeNull();
  });
});

describe('text, multiline and name', () => {
  it('folds white space in one line of text, and joins paragraphs with a space', () => {
    expect(value('text', lines('  Hollinswood\u00a0 High\tSchool  '))).toBe('Hollinswood High School');
    expect(value('text', lines('Year 7,', 'Year 9'))).toBe('Year 7, Year 9');
    expect(value('text', lines('   '))).toBeNull();
  });

  it('keeps the lines of a multi-line answer, each folded, empty ones dropped', () => {
    expect(value('multiline', lines('1  High Street', '', 'Telford ', 'TF1 2AB'))).toBe('1 High Street\nTelford\nTF1 2AB');
    expect(value('multiline', lines('', ' '))).toBeNull();
  });

  it('reads the name in a box that also holds an email address', () => {
    expect(value('name', lines('Mrs Jane Smith, J.Smith@school.org.uk'))).toBe('Mrs Jane Smith');
    expect(value('name', lines('Jane Smith (jsmith@school.org.uk)'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith <jsmith@school.org.uk>'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith', 'Email: jsmith@school.org.uk'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith – mailto:jsmith@school.org.uk'))).toBe('Jane Smith');
    expect(value('name', lines('Callum Reid'))).toBe('Callum Reid');
    expect(value('name', lines('jsmith@school.org.uk'))).toBeNull();
  });

  it('leaves no trace of the address: brackets emptied, links, separators at either end', () => {
    expect(value('name', lines('Jane Smith ( jsmith@school.org.uk )'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith < jsmith@school.org.uk >'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith [ jsmith@school.org.uk ]'))).toBe('Jane Smith');
    expect(value('name', lines('Jane Smith mailto:jsmith'))).toBe('Jane Smith');
    expect(value('name', lines('jsmith@school.org.uk, Jane Smith'))).toBe('Jane Smith');
    expect(value('name', lines('Jane', 'Smith'))).toBe('Jane Smith');
  });
});

describe('email', () => {
  it('reads the address, in lower case, wherever it stands in the answer', () => {
    expect(value('email', lines('J.Smith@School.ORG.uk'))).toBe('j.smith@school.org.uk');
    expect(value('email', lines('Email: j.smith@school.org.uk (work)'))).toBe('j.smith@school.org.uk');
    expect(value('email', lines('Jane Smith', "o'neill+apps@school-trust.org.uk"))).toBe("o'neill+apps@school-trust.org.uk");
  });

  it('takes the first address when there are two', () => {
    expect(value('email', lines('a.one@school.org.uk; b.two@school.org.uk'))).toBe('a.one@school.org.uk');
  });

  it('reads the address from a mailto link when the text shows only a name', () => {
    expect(value('email', runs({ text: 'Jane Smith', link: 'mailto:J.Smith%40school.org.uk?subject=Hi' }))).toBe('j.smith@school.org.uk');
    expect(value('email', runs({ text: 'Jane Smith', link: 'MAILTO:j.smith@school.org.uk' }))).toBe('j.smith@school.org.uk');
    expect(value('email', runs({ text: 'Jane', link: 'mailto:' }, ' ', { text: 'Smith', link: 'mailto:j.smith@school.org.uk' }))).toBe(
      'j.smith@school.org.uk',
    );
  });

  it('does not take an address from a link that is not mailto', () => {
    const reading = read('email', runs({ text: 'Jane Smith', link: 'https://school.org.uk/j.smith@school.org.uk' }));
    expect(reading.value).toBe('Jane Smith');
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-email', field: 'answer' });
  });

  it('reports what is not an address, keeping what was written', () => {
    for (const written of ['jane at school dot org', 'jane@school', '@school.org.uk', 'jane@.org']) {
      const reading = read('email', lines(written));
      expect(reading.value).toBe(written);
      expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-email', field: 'answer' });
    }
  });

  it('has no value and no issue when the box is empty, or beside a name and holding only the name', () => {
    expect(value('email', lines(''))).toBeNull();
    expect(value('email', lines('Jane Smith'), {}, { besideName: true })).toBeNull();
    const reading = read('email', lines('Jane Smith, jane@school'), {}, { besideName: true });
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-email', field: 'answer' });
  });
});

describe('urn', () => {
  it('reads one six-digit number, spaces inside tolerated', () => {
    expect(value('urn', lines('137425'))).toBe('137425');
    expect(value('urn', lines('137 425'))).toBe('137425');
    expect(value('urn', lines('137  425'))).toBe('137425');
    expect(value('urn', lines('URN: 137425'))).toBe('137425');
    expect(value('urn', lines('urn 137425 (DfE number 123/4567)'))).toBe('137425');
    expect(value('urn', lines('100000'))).toBe('100000');
    expect(value('urn', lines(''))).toBeNull();
  });

  it.each(['12345', '1374250', '099999', '137425 and 140613', 'DfE 123/4567', 'not known', '137425 (DfE 123/4567)'])(
    'refuses %s',
    (written) => {
      const reading = read('urn', lines(written));
      expect(reading.value).toBe(written);
      expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-urn', field: 'answer' });
    },
  );
});

describe('trn', () => {
  it('reads seven digits, spaces inside tolerated', () => {
    expect(value('trn', lines('1234567'))).toBe('1234567');
    expect(value('trn', lines('12 34 567'))).toBe('1234567');
    expect(value('trn', lines(''))).toBeNull();
  });

  it('keeps the digits of an old-style number, with a warning', () => {
    for (const written of ['RP 12/34567', '12/34567']) {
      const reading = read('trn', lines(written));
      expect(reading.value).toBe('1234567');
      expect(onlyIssue(reading)).toEqual({ severity: 'warning', code: 'old-style-trn', field: 'answer' });
    }
  });

  it.each(['123456', '12345678', 'applied for'])('refuses %s', (written) => {
    const reading = read('trn', lines(written));
    expect(reading.value).toBe(written);
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-trn', field: 'answer' });
  });
});

describe('phone', () => {
  it.each([
    '01952 123456',
    '0195 212 3456',
    '020 7946 0958',
    '07700 900123',
    '+44 (0)1952 123456',
    '+44 1952 123456',
    '0044 1952 123456',
    '(01952) 123-456',
    '01952 123456 ext. 204',
    'School office: 01952 123456',
  ])('keeps %s as written', (written) => expect(value('phone', lines(written))).toBe(written));

  it.each([
    '12345',
    '1952 123456',
    '+33 1 23 45 67 89',
    '01952 12',
    'ask the office',
    '019521234567',
    '1 01952 123456',
    '+44 1952 1234 5678 9',
    '0044 1952 1234 5678 9',
    '1 0044 1952 123456',
  ])('refuses %s', (written) => {
    const reading = read('phone', lines(written));
    expect(reading.value).toBe(written);
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'invalid-phone', field: 'answer' });
  });

  it('has no value and no issue when the box is empty', () => expect(value('phone', lines(''))).toBeNull());
});

describe('number', () => {
  it('reads a number written in digits, whole', () => {
    expect(value('number', lines('5'))).toBe(5);
    expect(value('number', lines('5 years'))).toBe(5);
    expect(value('number', lines('3.7'))).toBe(3);
    expect(value('number', lines('about 12 years'))).toBe(12);
    expect(value('number', lines('0'))).toBe(0);
    expect(value('number', lines(''))).toBeNull();
  });

  it('reads a number written in words', () => {
    expect(value('number', lines('five'))).toBe(5);
    expect(value('number', lines('Twenty three years'))).toBe(23);
    expect(value('number', lines('twenty-one'))).toBe(21);
    expect(value('number', lines('about six years'))).toBe(6);
    expect(value('number', lines('six or seven'))).toBe(6);
    expect(value('number', lines('zero'))).toBe(0);
  });

  it('gives no number for a year, with a warning', () => {
    for (const written of ['Since 2012', '1998']) {
      const reading = read('number', lines(written));
      expect(reading.value).toBeNull();
      expect(onlyIssue(reading)).toEqual({ severity: 'warning', code: 'invalid-number', field: 'answer' });
      expect(reading.issues[0]!.message).toMatch(/year/);
    }
    expect(value('number', lines('2100'))).toBe(2100);
    expect(value('number', lines('11999'))).toBe(11999); // five digits: not a year
    expect(value('number', lines('19991'))).toBe(19991);
    expect(value('number', lines('20'))).toBe(20);
  });

  it('gives no number for words that are not one, with a warning', () => {
    const reading = read('number', lines('several'));
    expect(reading.value).toBeNull();
    expect(onlyIssue(reading)).toEqual({ severity: 'warning', code: 'invalid-number', field: 'answer' });
    expect(reading.issues[0]!.message).toMatch(/should be a number/);
  });
});

describe('hub', () => {
  it('gives the canonical name of the hub named, however it is written', () => {
    expect(value('hub', lines('North West Three Maths Hub'))).toBe('North West Three Maths Hub');
    expect(value('hub', lines('north west three'))).toBe('North West Three Maths Hub');
    expect(value('hub', lines('Cornwall & West Devon'))).toBe('Cornwall and West Devon Maths Hub');
    expect(value('hub', lines(''))).toBeNull();
  });

  it('reports a hub that is not one of the Maths Hubs, keeping what was written', () => {
    const reading = read('hub', lines('Atlantis Maths Hub'));
    expect(reading.value).toBe('Atlantis Maths Hub');
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'unknown-hub', field: 'answer' });
  });

  it('reports a hub that does not run the programme, giving its canonical name', () => {
    const reading = read('hub', lines('jurassic'), {}, { programmeHubs: ['Boolean Maths Hub'] });
    expect(reading.value).toBe('Jurassic Maths Hub');
    expect(reading.issues).toEqual([
      { severity: 'error', code: 'hub-not-running-programme', field: 'answer', message: 'Jurassic Maths Hub does not run this programme.' },
    ]);
    expect(value('hub', lines('Boolean'), {}, { programmeHubs: ['Boolean Maths Hub'] })).toBe('Boolean Maths Hub');
  });
});

describe('date', () => {
  it('reads a written date as yyyy-mm-dd', () => {
    expect(value('date', lines('7 June 2018'))).toBe('2018-06-07');
    expect(value('date', lines('Thursday 7th June 2018'))).toBe('2018-06-07');
    expect(value('date', lines(''))).toBeNull();
  });

  it('keeps what cannot be read as a date, with a warning', () => {
    const reading = read('date', lines('as soon as possible'));
    expect(reading.value).toBe('as soon as possible');
    expect(onlyIssue(reading)).toEqual({ severity: 'warning', code: 'invalid-date', field: 'answer' });
  });
});

describe('statement', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('keeps paragraphs, joined by a blank line, and splits at a blank line made of soft breaks', () => {
    expect(value('statement', lines('First  paragraph.', '', 'Second paragraph.'))).toBe('First paragraph.\n\nSecond paragraph.');
    expect(value('statement', lines('One.\n\nTwo.\n \nThree.'))).toBe('One.\n\nTwo.\n\nThree.');
    expect(value('statement', lines('One line\nand the next'))).toBe('One line and the next');
    expect(value('statement', lines(''))).toBeNull();
  });

  it("leaves out the box's instructions", () => {
    const prompt = 'Please describe your experience of teaching for mastery (max. 300 words)';
    expect(value('statement', lines(prompt), { prompts: [prompt] })).toBeNull();
    expect(value('statement', lines(prompt, 'I have taught for ten years.'), { prompts: [prompt] })).toBe('I have taught for ten years.');
    expect(value('statement', { paragraphs: [], besideLabel: 'Typed beside the label.' })).toBe('Typed beside the label.');
    expect(value('statement', { paragraphs: [paragraph('In the box.')], besideLabel: 'Beside the label.' })).toBe('In the box.');
    expect(value('statement', { paragraphs: [], besideLabel: prompt }, { prompts: [prompt] })).toBeNull();
  });

  it('counts words against a maximum: an error past it, none at it', () => {
    const limit = { wordLimit: { words: 300, kind: 'maximum' as const } };
    expect(value('statement', lines(words(300)), limit)).toBe(words(300));
    const reading = read('statement', lines(words(301)), limit);
    expect(reading.value).toBe(words(301));
    expect(onlyIssue(reading)).toEqual({ severity: 'error', code: 'word-limit', field: 'answer' });
    expect(reading.issues[0]!.message).toMatch(/\b301\b.*\b300\b/);
  });

  it('allows 20% over an approximate length, and warns past that', () => {
    const approx = { wordLimit: { words: 100, kind: 'approx' as const } };
    expect(value('statement', lines(words(120)), approx)).toBe(words(120));
    const reading = read('statement', lines(words(121)), approx);
    expect(onlyIssue(reading)).toEqual({ severity: 'warning', code: 'word-limit', field: 'answer' });
    expect(reading.issues[0]!.message).toMatch(/\b121\b.*\b100\b/);
  });
});

describe('yesNo', () => {
  const yesNo = (answer: Answer, extra: Partial<Field> = {}) => read('yesNo', answer, extra);
  const plain = (answer: Answer) => value('yesNo', answer);

  it('reads a typed Yes or No', () => {
    expect(plain(lines('Yes'))).toBe(true);
    expect(plain(lines('no'))).toBe(false);
    expect(plain(lines('Y'))).toBe(true);
    expect(plain(lines('N'))).toBe(false);
    expect(plain(lines('Yes, since 2015'))).toBe(true);
    expect(plain(lines('Yes yes'))).toBe(true);
  });

  it('reads N/A as not answered', () => {
    expect(plain(lines('N/A'))).toBeNull();
    expect(plain(lines('n/a'))).toBeNull();
    expect(plain(lines('NA'))).toBeNull();
  });

  it('reads the printed "Yes/No", untouched, as not answered', () => {
    expect(plain(lines('Yes / No'))).toBeNull();
    expect(plain(runs('Yes', ' No'))).toBeNull();
  });

  it('reads the answer typed after the printed "Yes/No"', () => {
    expect(plain(lines('Yes/No Yes'))).toBe(true);
    expect(plain(lines('Yes/No', 'No'))).toBe(false);
  });

  it('reads the word left when the other is struck through', () => {
    expect(plain(runs('Yes / ', { text: 'No', strike: true }))).toBe(true);
    expect(plain(runs({ text: 'Yes', strike: true }, ' / No'))).toBe(false);
  });

  it('reads the word highlighted or made bold as chosen', () => {
    expect(plain(runs('Yes / ', { text: 'No', highlight: true }))).toBe(false);
    expect(plain(runs({ text: 'Yes', bold: true }, ' / No'))).toBe(true);
    // Struck through counts before highlighted, highlighted before bold.
    expect(plain(runs({ text: 'Yes', strike: true, highlight: true }, ' / No'))).toBe(false);
    expect(plain(runs({ text: 'Yes', highlight: true }, ' / ', { text: 'No', bold: true }))).toBe(true);
  });

  it('reads ticked boxes: the word after each box, or before when the words come first', () => {
    expect(plain(runs({ checkbox: true }, ' Yes ', { checkbox: false }, ' No'))).toBe(true);
    expect(plain(runs({ checkbox: false }, ' Yes ', { checkbox: true }, ' No'))).toBe(false);
    expect(plain(runs('Yes ', { checkbox: false }, ' No ', { checkbox: true }))).toBe(false);
    expect(plain(lines('☐ Yes ☒ No'))).toBe(false);
    expect(plain(lines('Yes ☑ No ☐'))).toBe(true);
    expect(plain(lines('[X] Yes [ ] No'))).toBe(true);
    expect(plain(lines('[ X ] Yes [  ] No'))).toBe(true);
    expect(plain(lines('[ ] Yes [x] No'))).toBe(false);
    expect(plain(lines('(  ) Yes ( x ) No'))).toBe(false);
    expect(plain(lines('( ✓ ) Yes ( ) No'))).toBe(true);
    expect(plain(lines('( ) Yes (x) No'))).toBe(false);
    expect(plain(lines('Yes ✓ No'))).toBe(true);
    expect(plain(lines('Yes No ✔'))).toBe(false);
  });

  it('takes the word on the other side of a box when none stands on its own side', () => {
    expect(plain(lines('☐ No Yes ☒'))).toBe(true);
    expect(plain(lines('Yes ☐ ☒ No'))).toBe(false);
    expect(plain(lines('☒ ☐ Yes'))).toBeNull();
  });

  it('reads the box rather than the text beside the label', () => {
    expect(plain({ paragraphs: [paragraph('No')], besideLabel: 'Yes' })).toBe(false);
  });

  it('weighs every Yes and every No: one marked out is enough', () => {
    expect(plain(runs('Yes ', { text: 'Yes', bold: true }, ' No'))).toBe(true);
    expect(plain(runs('No ', { text: 'No', strike: true }, ' Yes'))).toBe(true);
    // A marked word in "Yes/No" is an answer, not the printed prompt.
    expect(plain(runs({ text: 'Yes', highlight: true }, '/No No'))).toBe(true);
  });

  it('reads boxes with none ticked as not answered', () => {
    expect(plain(lines('☐ Yes ☐ No'))).toBeNull();
    expect(plain(runs({ checkbox: false }, ' Yes ', { checkbox: false }, ' No'))).toBeNull();
  });

  it('reads Yes or No typed beside the label when the box is empty', () => {
    expect(plain({ paragraphs: [paragraph('')], besideLabel: 'Yes' })).toBe(true);
    expect(plain({ paragraphs: [], besideLabel: 'No' })).toBe(false);
  });

  it('reports an answer that is neither clearly Yes nor No: an error when required, else a warning', () => {
    for (const answer of [lines('maybe'), lines('No / Yes'), lines('☒ Yes ☒ No'), lines('☒'), lines('Yes Yes No'), lines('No No Yes')]) {
      const required = yesNo(answer, { required: true });
      expect(required.value).toBeNull();
      expect(onlyIssue(required)).toEqual({ severity: 'error', code: 'ambiguous-answer', field: 'answer' });
      expect(onlyIssue(yesNo(answer))).toEqual({ severity: 'warning', code: 'ambiguous-answer', field: 'answer' });
    }
  });
});

describe('rows', () => {
  it('are read from the table, not from an answer box', () => {
    expect(
      value('rows', lines('2015 - present  Oakfield Academy'), { columns: [{ key: 'period', label: 'Period', aliases: [] }] }),
    ).toBeNull();
  });
});

describe('an answer longer than any form asks for', () => {
  const tooLong = (length: number) =>
    `Teacher 1 – Email is ${length.toLocaleString('en-GB')} characters long; only its first 100,000 were read.`;
  /** A long text as its runs of one character ("a×3 b×1"), so that a difference reads in a line. */
  const runsOf = (text: unknown) =>
    typeof text !== 'string' ? text : (text.match(/(.)\1*/gsu) ?? []).map((run) => `${JSON.stringify(run[0])}×${run.length}`).join(' ');

  it('is read whole up to the cap, counting a check box as one character and the text beside the label', () => {
    const answer: Answer = { paragraphs: [paragraph('a'.repeat(MAX_ANSWER_CHARACTERS - 2), { checkbox: true })], besideLabel: 'b' };
    const reading = read('multiline', answer);
    expect(reading.issues).toEqual([]);
    expect(runsOf(reading.value)).toBe('"a"×99998 "☒"×1');
  });

  it('is cut at the cap, paragraph by paragraph and inline by inline, with a warning that gives its length', () => {
    const answer: Answer = {
      paragraphs: [
        paragraph('a'.repeat(60_000)),
        paragraph({ checkbox: false }, 'b'.repeat(50_000), 'c'.repeat(10)),
        paragraph('d'.repeat(5)),
      ],
      besideLabel: '',
    };
    const reading = read('multiline', answer);
    expect(runsOf(reading.value)).toBe('"a"×60000 "\\n"×1 "☐"×1 "b"×39999');
    expect(reading.issues).toEqual([{ severity: 'warning', code: 'answer-too-long', field: 'answer', message: tooLong(110_016) }]);
  });

  it('keeps the issues of what was read beside the warning, and cuts the text beside the label too', () => {
    const reading = read('email', { paragraphs: [paragraph('x'.repeat(100_001))], besideLabel: '' });
    expect(reading.issues.map((i) => i.code)).toEqual([expect.any(String), 'answer-too-long']);
    expect(reading.issues[0]!.code).not.toBe('answer-too-long');
    const beside = read('text', { paragraphs: [], besideLabel: 'y'.repeat(100_001) });
    expect(runsOf(beside.value)).toBe('"y"×100000');
    expect(beside.issues).toEqual([{ severity: 'warning', code: 'answer-too-long', field: 'answer', message: tooLong(100_001) }]);
  });
});
