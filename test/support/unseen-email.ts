// An email carrying the unseen programme's filled form (samples/unseen/forms), as a mail client
// writes it: for filing a form whose template a hub manager saved, not one built in.
import fs from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';

export const UNSEEN_BLANK = path.join(__dirname, '../../samples/unseen/blank/primary-mastery-specialist-2024.docx');
export const UNSEEN_FORM = path.join(__dirname, '../../samples/unseen/forms/pms-01-typed.docx');

export async function unseenFormEmail(messageId = '<pms-01@kingsburygreen.example>'): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Applicant <applicant@kingsburygreen.example>',
    to: 'Central Maths Hub <hub@centralmathshub.example>',
    cc: 'Head <head@kingsburygreen.example>',
    subject: 'Primary Mastery Specialist application',
    date: 'Mon, 03 Jun 2024 10:15:00 +0100',
    messageId,
    text: 'Please find our application attached.',
    attachments: [
      {
        filename: 'PMS application.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: fs.readFileSync(UNSEEN_FORM),
      },
    ],
    newline: 'win',
  });
  return composer.compile().build();
}
