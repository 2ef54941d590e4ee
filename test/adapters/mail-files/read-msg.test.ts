// Outlook .msg emails: the twins of the sample .eml (written by @tutao/oxmsg, see
// scripts/make-format-fixtures.ts) give the same report, field for field and issue for issue.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readEml, readMail, readMsg } from '../../../src/adapters/mail-files';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';

const root = join(__dirname, '..', '..', '..');
const twins = join(root, 'test', 'fixtures', 'formats', 'msg');
const catalogue = loadCatalogue();
const bytes = (path: string) => new Uint8Array(readFileSync(path));

describe('readMsg', () => {
  const names = readdirSync(twins)
    .filter((n) => /^\d\d-.*\.msg$/.test(n))
    .sort();

  it('has a twin for every sample email', () => {
    expect(names.length).toBe(readdirSync(join(root, 'samples', 'emails')).filter((n) => n.endsWith('.eml')).length);
  });

  it.each(names)('%s gives the same report as its .eml twin', async (name) => {
    const eml = await readEml(bytes(join(root, 'samples', 'emails', name.replace(/\.msg$/, '.eml'))));
    const msg = await readMail(bytes(join(twins, name)));
    expect(msg.internetMessageId).toBe(eml.internetMessageId);
    expect(checkMessage(msg, catalogue, 'x')).toEqual(checkMessage(eml, catalogue, 'x'));
  });

  it('takes an Exchange sender by its SMTP address, not its X.500 one', async () => {
    const message = await readMsg(bytes(join(twins, 'exchange-sender.msg')));
    expect(message.from).toEqual({ name: 'Smith, Jane', address: 'jane.smith@school.org.uk' });
    expect(message.to).toEqual([{ name: 'Maths Hub', address: 'hub@example.org.uk' }]);
    expect(message.internetMessageId).toBe('<x1@school.org.uk>');
    expect(message.receivedAt).toBe('2021-05-20T09:14:02.000Z');
  });

  it('reads an .msg attached to an .msg as the forwarded original, and checks that', async () => {
    const message = await readMsg(bytes(join(twins, 'forwarded-as-msg.msg')));
    expect(message.attachedMessages?.map((m) => m.subject)).toHaveLength(1);
    // Forwarded by one of the hub's own addresses: the original's own headers are believed.
    const report = checkMessage(message, catalogue, 'x', { trustedSenders: ['office@school.org.uk'] });
    const original = checkMessage(await readEml(bytes(join(root, 'samples', 'emails', '03-readiness-complete.eml'))), catalogue, 'x');
    expect(report.forms).toEqual(original.forms);
    expect(report.issues.map((i) => i.code)).toContain('forwarded-application');
  });

  it('reads an .msg attached to an .eml (a forwarded application saved from Outlook) as the original', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MailComposer = require('nodemailer/lib/mail-composer');
    const raw: Buffer = await new MailComposer({
      from: 'office@school.org.uk',
      to: 'mathshubs@ncetm.org.uk',
      subject: 'FW: Application',
      text: 'Forwarded.',
      attachments: [
        {
          filename: 'Application.msg',
          contentType: 'application/vnd.ms-outlook',
          content: Buffer.from(bytes(join(twins, '03-readiness-complete.msg'))),
        },
      ],
    })
      .compile()
      .build();
    const report = checkMessage(await readMail(new Uint8Array(raw)), catalogue, 'x', { trustedSenders: ['office@school.org.uk'] });
    const original = checkMessage(await readEml(bytes(join(root, 'samples', 'emails', '03-readiness-complete.eml'))), catalogue, 'x');
    expect(report.forms).toEqual(original.forms);
    expect(report.issues.map((i) => i.code)).toContain('forwarded-application');
  });

  it('refuses a compound file that is no email with its own error', async () => {
    const doc = bytes(join(root, 'test', 'fixtures', 'formats', 'forms', 'sms-bold-answer.doc'));
    await expect(readMsg(doc)).rejects.toMatchObject({ name: 'MsgError' });
    await expect(readMsg(new Uint8Array(100))).rejects.toMatchObject({ name: 'MsgError' });
  });
});
