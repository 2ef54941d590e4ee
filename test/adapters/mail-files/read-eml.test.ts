// Reading real .eml files: envelope, time of receipt, attachments, and emails attached to emails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MailComposer = require('nodemailer/lib/mail-composer');
import { readEml } from '../../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';

const samples = join(__dirname, '..', '..', '..', 'samples', 'emails');
const build = (options: object): Promise<Buffer> => new MailComposer(options).compile().build();

describe('readEml', () => {
  it('reads the envelope, with the time the hub received it from the top Received header', async () => {
    const message = await readEml(new Uint8Array(readFileSync(join(samples, '06-sms-late.eml'))));
    expect(message.receivedAt).toBe('2018-06-07T16:30:14.000Z');
    expect(message.from?.address).toBe(message.from?.address.toLowerCase());
    expect(message.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(message.attachments.map((a) => [a.name.endsWith('.docx'), a.bytes[0], a.bytes[1]])).toEqual([[true, 0x50, 0x4b]]);
  });

  it('falls back to the Date header, and reads Outlook\'s "Surname, First" display names', async () => {
    const raw = await build({
      from: '"Smith, Jane" <Jane.Smith@School.org.uk>',
      to: 'hub@example.org.uk',
      subject: 'Application',
      date: new Date('2021-05-20T09:14:02Z'),
      messageId: '<abc@school.org.uk>',
      text: 'Please find attached.',
    });
    const message = await readEml(new Uint8Array(raw));
    expect(message).toMatchObject({
      from: { name: 'Smith, Jane', address: 'jane.smith@school.org.uk' },
      receivedAt: '2021-05-20T09:14:02.000Z',
      internetMessageId: '<abc@school.org.uk>',
      attachments: [],
    });
  });

  it('refuses what is not an email at all without throwing anything but its own error', async () => {
    await expect(readEml(new Uint8Array(70 * 1024 * 1024))).rejects.toMatchObject({ name: 'EmlError' });
  });
});

describe("an application forwarded as an attachment by one of the hub's own senders", () => {
  it("is checked against the original email's own headers and time, and filed as the email that arrived", async () => {
    const original = readFileSync(join(samples, '01-sms-complete.eml'));
    const forward = await build({
      from: 'Hub Office <office@hub.example.org.uk>',
      to: 'mathshubs@ncetm.org.uk',
      subject: 'FW: application',
      date: new Date('2018-06-12T10:00:00Z'),
      text: 'Forwarding the application below.',
      attachments: [{ filename: 'application.eml', content: original, contentType: 'message/rfc822' }],
    });
    const message = await readEml(new Uint8Array(forward));
    expect(message.attachedMessages).toHaveLength(1);
    const report = checkMessage(message, loadCatalogue(), 'fw.eml', { trustedSenders: ['hub.example.org.uk'] });
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0]!.signatories.every((s) => s.status === 'copied')).toBe(true);
    expect(report.issues.map((i) => i.code)).toEqual(['forwarded-application']);
    expect(report.message).toMatchObject({ subject: 'FW: application', receivedAt: '2018-06-12T10:00:00.000Z' });
    expect(report.complete).toBe(true);
  });
});
