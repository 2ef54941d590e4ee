// Whether a Word document that matches no known form is laid out as one: the pane offers a
// template only for those. Documents as Word writes them (scripts/word's writer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocWriter } from '../../scripts/word/docx-writer';
import { readDocx } from '../../src/core/docx/read-docx';
import { layoutOf } from '../../src/core/forms/layout';
import { formLikeness } from '../../src/core/forms/looks-like-form';
import { minutesDocx } from '../e2e/support/minutes-email';

const likeness = (bytes: Uint8Array) => {
  const read = readDocx(bytes);
  if (!read.ok) throw new Error(read.error.message);
  return formLikeness(layoutOf(read.document));
};
const sample = (...path: string[]) => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'samples', ...path)));

describe('a document laid out as a form', () => {
  it('is every sample form, blank or filled in', () => {
    for (const path of [
      ['unseen', 'blank', 'primary-mastery-specialist-2024.docx'],
      ['unseen', 'forms', 'pms-01-typed.docx'],
      ['blank', 'secondary-mastery-specialist-2018.docx'],
      ['forms', 'sms-bold-answer.docx'],
    ]) {
      expect({ path, looksLikeForm: likeness(sample(...path)).looksLikeForm }).toEqual({ path, looksLikeForm: true });
    }
  });

  it('is not meeting minutes, whose header table has a few label and answer rows', () => {
    expect(likeness(minutesDocx())).toMatchObject({ labelAnswerCells: 5, looksLikeForm: false });
  });

  it('is a form laid out in paragraphs, with lines to write on and boxes to tick', () => {
    const w = new DocWriter('paragraph-form');
    const doc = w.build([
      w.para('Expression of interest: Maths Hub Work Group', {}, { style: 'Title' }),
      w.para('Name of school: ______________________________'),
      w.para('School URN: __________'),
      w.para('Head teacher: ______________________________'),
      w.para('Email: ______________________________'),
      w.para('Phase:  ☐ Primary   ☐ Secondary'),
      w.para('Signed: ______________________   Date: ____________'),
    ]);
    expect(likeness(doc).looksLikeForm).toBe(true);
  });

  it('is not a letter', () => {
    const w = new DocWriter('letter');
    const doc = w.build([
      w.para('Dear colleagues,'),
      w.para(
        'Thank you for hosting the work group last week. The teachers valued the chance to see the lesson and to talk about it afterwards.',
      ),
      w.para('We look forward to the next meeting in the spring term.'),
      w.para('Yours sincerely,'),
      w.para('Chloe Barnes'),
    ]);
    expect(likeness(doc)).toEqual({ labelAnswerCells: 0, blanks: 0, looksLikeForm: false });
  });
});
