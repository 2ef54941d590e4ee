// Remakes test/fixtures/formats/: the sample forms as the real tools save them in other formats,
// and the sample emails as Outlook .msg twins. Run once when the samples change, then commit:
//   npm run samples && npx tsx scripts/make-format-fixtures.ts
// Needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui) for .doc/.odt/.rtf/.pdf:
// each .docx goes through LibreOffice's own import and export filters, as a school's copy would.
// The .msg twins are written by @tutao/oxmsg (a port of MsgKit) from the .eml's own envelope and
// attachments. The zip and the AppleDouble email are made here (their formats are trivial).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { Attachment as MsgAttachment, Email } from '@tutao/oxmsg';
import { readEml } from '../src/adapters/mail-files/read-eml';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'test', 'fixtures', 'formats');
const SAMPLES = join(ROOT, 'samples');
/** Emails whose forms are converted: one per built-in form, plus the bare forms. */
const FORM_EMAILS = ['01-sms-complete.eml', '02-tfm-complete.eml', '03-readiness-complete.eml'];
const FORMATS = ['doc', 'odt', 'rtf', 'pdf'] as const;

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  const forms = join(OUT, 'forms');
  const mail = join(OUT, 'msg');
  mkdirSync(forms, { recursive: true });
  mkdirSync(mail, { recursive: true });

  // The originals: the bare sample forms and the forms attached to one email per programme.
  for (const name of readdirSync(join(SAMPLES, 'forms')).filter((n) => n.endsWith('.docx')))
    copyFileSync(join(SAMPLES, 'forms', name), join(forms, name));
  for (const email of FORM_EMAILS) {
    const message = await readEml(new Uint8Array(readFileSync(join(SAMPLES, 'emails', email))));
    const form = message.attachments.find((a) => a.name.endsWith('.docx'))!;
    writeFileSync(join(forms, `${email.replace(/\.eml$/, '')}.docx`), form.bytes);
  }
  const originals = readdirSync(forms)
    .filter((n) => n.endsWith('.docx'))
    .sort();

  const work = mkdtempSync(join(tmpdir(), 'hub-intake-lo-'));
  try {
    for (const format of FORMATS) {
      // One LibreOffice run per format; its own profile so that a running instance is not disturbed.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${work}/profile`,
          '--headless',
          '--convert-to',
          format,
          '--outdir',
          forms,
          ...originals.map((n) => join(forms, n)),
        ],
        { stdio: 'ignore' },
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  // A zip of two forms, and an email wrapped by Apple Mail (AppleDouble: metadata part + the file).
  const first = originals[0]!;
  writeFileSync(
    join(forms, 'forms.zip'),
    zipSync(
      { [first]: readFileSync(join(forms, first)), 'notes.txt': new TextEncoder().encode('Our application.\n') },
      { mtime: new Date('2024-01-01T00:00:00Z') },
    ),
  );
  writeFileSync(
    join(mail, '01-sms-complete-appledouble.eml'),
    appleDouble(readFileSync(join(SAMPLES, 'emails', '01-sms-complete.eml'), 'latin1')),
  );

  // .msg twins of every sample email.
  for (const email of readdirSync(join(SAMPLES, 'emails'))
    .filter((n) => n.endsWith('.eml'))
    .sort()) {
    const raw = new Uint8Array(readFileSync(join(SAMPLES, 'emails', email)));
    writeFileSync(join(mail, email.replace(/\.eml$/, '.msg')), await msgTwin(raw));
  }
  // Outlook's shapes the twins lack: an Exchange sender (X.500 address, SMTP in the headers), and
  // an application forwarded as an attached .msg.
  const exchange = new Email();
  exchange
    .subject('Application')
    .sender('/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=ABC-JSMITH', 'Smith, Jane');
  exchange.to('hub@example.org.uk', 'Maths Hub').sentOn(new Date('2021-05-20T09:14:02Z'));
  exchange.headers('From: "Smith, Jane" <Jane.Smith@School.org.uk>\r\nMessage-ID: <x1@school.org.uk>\r\n');
  writeFileSync(join(mail, 'exchange-sender.msg'), exchange.msg());
  const forward = new Email().subject('FW: Application').sender('office@school.org.uk', 'School Office').to('hub@example.org.uk');
  forward.sentOn(new Date('2021-05-21T10:00:00Z')).internetMessageId = '<fw1@school.org.uk>';
  forward.attach(new MsgAttachment(readFileSync(join(mail, '03-readiness-complete.msg')), 'Application.msg'));
  writeFileSync(join(mail, 'forwarded-as-msg.msg'), forward.msg());
  process.stdout.write(`wrote ${readdirSync(forms).length} forms and ${readdirSync(mail).length} emails to ${OUT}\n`);
}

async function msgTwin(raw: Uint8Array): Promise<Uint8Array> {
  const message = await readEml(raw);
  const msg = new Email();
  msg.subject(message.subject);
  if (message.from) msg.sender(message.from.address, message.from.name || undefined);
  for (const to of message.to) msg.to(to.address, to.name || undefined);
  for (const cc of message.cc) msg.cc(cc.address, cc.name || undefined);
  if (message.receivedAt) msg.sentOn(new Date(message.receivedAt)).receivedOn(new Date(message.receivedAt));
  if (message.internetMessageId) msg.internetMessageId = message.internetMessageId;
  msg.bodyText('Please find our application attached.');
  for (const attachment of message.attachments) {
    // An attached email stays an .eml file inside the .msg, as Outlook keeps a dragged-in .eml.
    const name =
      attachment.contentType === 'message/rfc822' && !/\.eml$/i.test(attachment.name) ? `${attachment.name}.eml` : attachment.name;
    msg.attach(new MsgAttachment(attachment.bytes, name));
  }
  return msg.msg();
}

/** The sample email with its .docx part wrapped as Apple Mail does (multipart/appledouble). */
function appleDouble(eml: string): string {
  const match = eml.match(/--([^\r\n]+)\r?\n(Content-Type:\s+application\/vnd\.openxmlformats[^]*?)(?=\r?\n--\1)/);
  if (!match) throw new Error('no .docx part in the sample email');
  const [, , part] = match;
  const name = part!.replace(/\r?\n[ \t]+/g, ' ').match(/name="([^"]+)"/)?.[1] ?? 'form.docx';
  const header = new Uint8Array(26 + 12);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x00051607); // AppleDouble magic
  view.setUint32(4, 0x00020000); // version 2
  view.setUint16(24, 1); // one entry: Finder info (empty)
  view.setUint32(26, 9);
  view.setUint32(30, 38);
  view.setUint32(34, 0);
  const applefile = Buffer.from(header).toString('base64');
  const boundary = 'Apple-Mail=_readers-appledouble';
  const wrapped = [
    `Content-Type: multipart/appledouble; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    `Content-Type: application/applefile; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    applefile,
    '',
    `--${boundary}`,
    part!.trimEnd(),
    '',
    `--${boundary}--`,
  ].join('\r\n');
  return eml.replace(part!, wrapped);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
