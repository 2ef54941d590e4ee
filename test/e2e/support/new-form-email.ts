// An application on a form Hub Intake has never seen (the unseen programme's filled form), sent
// as a school sends it: from the applicant, to the hub, the head teacher copied in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';

export const NEW_FORM = join(__dirname, '..', '..', '..', 'samples', 'unseen', 'forms', 'pms-01-typed.docx');

export async function newFormEmail(messageId: string): Promise<Buffer> {
  const composer = new MailComposer({
    from: 'Chloe Barnes <c.barnes@kingsburygreen.bham.sch.uk>',
    to: 'Central Maths Hub <masteryspecialists@centralmathshub.org.uk>',
    cc: 'David Osei <d.osei@kingsburygreen.bham.sch.uk>',
    subject: 'Primary Mastery Specialist application - Kingsbury Green',
    date: 'Thu, 21 Mar 2024 09:41:00 +0000', // before the form's deadline
    messageId,
    text: 'Please find attached our application for the Primary Mastery Specialist programme.',
    attachments: [
      {
        filename: 'PMS application - Kingsbury Green.docx',
        content: readFileSync(NEW_FORM),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    ],
  });
  return composer.compile().build();
}
