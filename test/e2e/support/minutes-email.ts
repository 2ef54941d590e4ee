// An email to the hub that is not an application: the minutes of a meeting (a Word document, as
// Word writes it, with the usual header table and an actions table) and a PDF timetable.
import MailComposer from 'nodemailer/lib/mail-composer';
import { DocWriter } from '../../../scripts/word/docx-writer';
import { pdfOf, text } from '../../support/pdf-writer';

/** Minutes as a school office writes them in Word: title, a Date/Time/Venue/Present header table, items, actions. */
export function minutesDocx(): Uint8Array {
  const w = new DocWriter('minutes-maths-leads-2024');
  const label = (text: string) => w.cell(w.para(text, { bold: true }), { fill: 'D9D9D9' });
  const value = (text: string) => w.cell(w.para(text));
  const header = w.table(
    [
      w.row([label('Date'), value('Tuesday 12 March 2024')]),
      w.row([label('Time'), value('15:45 – 17:00')]),
      w.row([label('Venue'), value('Kingsbury Green Primary School, Room 4')]),
      w.row([label('Present'), value('C. Barnes (chair), D. Osei, R. Hale, M. Iqbal')]),
      w.row([label('Apologies'), value('S. Turner')]),
    ],
    { grid: [2200, 6800] },
  );
  const actions = w.table(
    [
      w.row([w.cell(w.para('Action', { bold: true })), w.cell(w.para('Who', { bold: true })), w.cell(w.para('By', { bold: true }))], {
        header: true,
      }),
      w.row([w.cell(w.para('Share the Year 3 fractions sequence with the work group')), w.cell(w.para('CB')), w.cell(w.para('22 March'))]),
      w.row([w.cell(w.para('Book the hall for the spring showcase')), w.cell(w.para('DO')), w.cell(w.para('5 April'))]),
      w.row([w.cell(w.para('Collect pupil voice from Years 4 and 5')), w.cell(w.para('RH, MI')), w.cell(w.para('19 April'))]),
    ],
    { grid: [5400, 1400, 2200] },
  );
  return w.build([
    w.para('Maths leads meeting – minutes', {}, { style: 'Title' }),
    header,
    w.para('1. Welcome and apologies', {}, { style: 'Heading2' }),
    w.para('CB welcomed everyone. Apologies were received from ST.'),
    w.para('2. Work group update', {}, { style: 'Heading2' }),
    w.para(
      'DO reported that the Year 3 teachers have trialled the fractions sequence in two classes. Pupils explained their reasoning with the bar model more confidently than last term.',
    ),
    w.para('3. Spring showcase', {}, { style: 'Heading2' }),
    w.para('The showcase will be held in the hall after school; parents will be invited to see pupils’ work on display.'),
    w.para('Actions', {}, { style: 'Heading2' }),
    actions,
  ]);
}

/** A one-page PDF, as a timetable exported from a spreadsheet would be. */
export function timetablePdf(): Buffer {
  return Buffer.from(pdfOf(text(72, 770, 'Spring term timetable', { size: 14 })));
}

export async function minutesEmail(messageId = '<minutes-2024-03-12@kingsburygreen.bham.sch.uk>'): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Chloe Barnes <c.barnes@kingsburygreen.bham.sch.uk>',
    to: 'Central Maths Hub <masteryspecialists@centralmathshub.org.uk>',
    subject: 'Minutes of the maths leads meeting, and the spring timetable',
    date: 'Wed, 13 Mar 2024 08:15:00 +0000',
    messageId,
    text: 'Please find attached the minutes of yesterday’s meeting and the spring timetable.',
    attachments: [
      {
        filename: 'Maths leads minutes 12 March.docx',
        content: Buffer.from(minutesDocx()),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { filename: 'Spring timetable.pdf', content: timetablePdf(), contentType: 'application/pdf' },
    ],
  });
  return composer.compile().build();
}
