// Telling a form's own text from what an applicant wrote in it, when a template is proposed from a
// filled-in copy: each test on the texts hub forms and applicants really hold.
import {
  isYesNoAnswer,
  looksLikeAnswer,
  looksLikeInstruction,
  looksLikeRole,
  looksLikeSignOff,
  looksLikeValue,
  untick,
} from '../../../src/core/templates/answers';

const each = (test: (text: string) => boolean, texts: string[]) => texts.map((text) => [text, test(text)]);
const all = (texts: string[], value: boolean) => texts.map((text) => [text, value]);

describe('looksLikeValue', () => {
  it('is a date or period, an e-mail address, or a number', () => {
    const values = [
      '2023-24',
      'Spring 2021',
      'Sept. 2019 - July 2021',
      'autumn 2020',
      '01/09/2019',
      '1.9.2019',
      '3-4',
      'head@school.org.uk',
      '01234 567 890',
      '+44 (0)1234',
      '12/3',
    ];
    expect(each(looksLikeValue, values)).toEqual(all(values, true));
  });

  it('is not a label, nor words that merely hold a number', () => {
    const labels = ['Name of school', 'Year group', 'Teacher 1', 'Maths Hub', 'Room 2021', '12 34 x', '123', 'in 2021', 'spring'];
    expect(each(looksLikeValue, labels)).toEqual(all(labels, false));
  });
});

describe('looksLikeAnswer', () => {
  it('is nothing yet, several lines, more than 100 characters, or a value', () => {
    const answers = ['', '   ', 'Line one\nline two', 'x'.repeat(101), '2019-20'];
    expect(each(looksLikeAnswer, answers)).toEqual(all(answers, true));
    const labels = ['Name of school', 'x'.repeat(100), `  ${'x'.repeat(100)}  `];
    expect(each(looksLikeAnswer, labels)).toEqual(all(labels, false));
  });
});

describe('isYesNoAnswer', () => {
  it('is a Yes or a No, with or without words after it', () => {
    const yesNo = ['Yes', 'no', ' YES ', 'yes - since 2005', 'No – not yet', 'Yes, awarded 2016', 'yes; QTS', 'no: pending', 'Yes (2010)'];
    expect(each(isYesNoAnswer, yesNo)).toEqual(all(yesNo, true));
    const not = ['Yesterday', 'None', 'Not yet', 'Maybe yes', 'Yes please'];
    expect(each(isYesNoAnswer, not)).toEqual(all(not, false));
  });
});

describe('untick', () => {
  it('makes every ticked box an unticked one', () => {
    expect(untick('☒ Yes ☐ No ☒')).toBe('☐ Yes ☐ No ☐');
  });
});

describe('looksLikeSignOff', () => {
  it('is a name with a title, or a closing phrase', () => {
    const signOffs = [
      'Mrs Ann Lee',
      'Dr. A Jones',
      'mx Sam Lee',
      'Prof Ada King',
      'Miss Jo Bell',
      'Mr Tom Hay',
      'Ms Jo Ray',
      'Yours sincerely',
      'Kind regards',
      'Best wishes',
      'Regards',
      'Thank you',
      'Many thanks',
    ];
    expect(each(looksLikeSignOff, signOffs)).toEqual(all(signOffs, true));
    const not = ['Dear Mr Smith', 'Mrsa', 'Drive', 'Name of school', 'Yourself', 'Regardless of this'];
    expect(each(looksLikeSignOff, not)).toEqual(all(not, false));
  });
});

describe('looksLikeInstruction', () => {
  it('speaks to the reader, is in brackets, or gives a word limit', () => {
    const instructions = [
      'Please give information that shows how you meet the criteria',
      'Explain briefly why',
      'Set out your experience',
      'Summarise your role',
      'Summarize your role',
      '(to be completed by the head teacher)',
      'Your statement (maximum 300 words)',
      'no more than 250 words',
      'approx. 200 words',
      'up to 100 word',
      'Please  give details',
      'max 300 words',
      'approx 200 words',
      '(maximum 300words)',
      'about  250  words',
    ];
    expect(each(looksLikeInstruction, instructions)).toEqual(all(instructions, true));
    const not = ['Name (optional)', 'Name of school', 'Giving back', 'I explain things well', 'My 300 words'];
    expect(each(looksLikeInstruction, not)).toEqual(all(not, false));
  });
});

describe('looksLikeRole', () => {
  it('names a person’s role in a few words', () => {
    const roles = [
      'Teacher 12',
      'Deputy head (signature)',
      'Headteacher',
      'Mastery Advocate Teacher 1',
      'Head of department',
      'x'.repeat(60),
    ];
    expect(each(looksLikeRole, roles)).toEqual(all(roles, true));
  });

  it('is not a detail of the signature block, an answer, or too long', () => {
    const not = [
      '',
      '  ',
      'Name',
      'Print name',
      'Date',
      'Signed',
      'Signature',
      'Position',
      'Role',
      'Job title',
      'Title',
      'Email',
      'E-mail',
      'Telephone',
      'Phone',
      'head@school.org.uk',
      'Date: 1 May',
      'Teacher 2 in 2021',
      'x'.repeat(61),
      'Year 6 teacher',
    ];
    expect(each(looksLikeRole, not)).toEqual(all(not, false));
  });
});
