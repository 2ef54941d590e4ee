// An email to the hub that is not an application: the minutes of a meeting (a Word document, as
// Word writes it, with the usual header table and an actions table) and a PDF timetable.
import MailComposer from 'nodemailer/lib/mail-composer';
import { DocWriter } from '../../../scripts/word/docx-writer';

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
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 60 >>\nstream\nBT /F1 14 Tf 72 770 Td (Spring term timetable) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
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
