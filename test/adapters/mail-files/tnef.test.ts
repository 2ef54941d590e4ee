// winmail.dat (TNEF): Outlook in rich-text mode sends the form inside it; the files inside become
// the email's attachments, with their long names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MailComposer = require('nodemailer/lib/mail-composer');
import { readEml } from '../../../src/adapters/mail-files';
import { readTnef } from '../../../src/adapters/mail-files/tnef';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';
import { readAttachments } from '../../../src/core/documents';

const form = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'formats', 'forms', '01-sms-complete.docx')));

/** A TNEF stream as [MS-OXTNEF] lays it out: signature, key, then attributes with checksums. */
function tnef(files: { shortName: string; longName: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [];
  const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return b;
  };
  const attribute = (level: number, id: number, data: Buffer) => {
    const sum = [...data].reduce((s, b) => (s + b) & 0xffff, 0);
    parts.push(Buffer.from([level]), u32(id), u32(data.length), data, u16(sum));
  };
  parts.push(u32(0x223e9f78), u16(0x0001));
  attribute(1, 0x00089006, u32(0x01000000)); // attTnefVersion at message level
  for (const file of files) {
    attribute(2, 0x00069002, Buffer.alloc(14)); // attAttachRendData: a new attachment
    attribute(2, 0x00018010, Buffer.from(`${file.shortName}\0`, 'latin1')); // attAttachTitle
    attribute(2, 0x0006800f, Buffer.from(file.bytes)); // attAttachData
    const name = Buffer.from(`${file.longName}\0`, 'utf16le');
    const pad = Buffer.alloc((4 - (name.length % 4)) % 4);
    // attAttachment: one MAPI property, PR_ATTACH_LONG_FILENAME (PT_UNICODE)
    attribute(2, 0x00069005, Buffer.concat([u32(1), u16(0x001f), u16(0x3707), u32(1), u32(name.length), name, pad]));
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('winmail.dat', () => {
  it('gives the files inside with their long names', () => {
    const files = readTnef(
      tnef([
        { shortName: 'MASTER~1.DOC', longName: 'Mastery Specialist Application.docx', bytes: form },
        { shortName: 'NOTES.TXT', longName: 'notes.txt', bytes: new Uint8Array([104, 105]) },
      ]),
    );
    expect(files.map((f) => [f.name, f.bytes.length])).toEqual([
      ['Mastery Specialist Application.docx', form.length],
      ['notes.txt', 2],
    ]);
  });

  it("reads the form inside an email's winmail.dat as the email's own attachment", async () => {
    const raw: Buffer = await new MailComposer({
      from: 'head@school.org.uk',
      to: 'mathshubs@ncetm.org.uk',
      subject: 'Application',
      date: new Date('2018-06-01T09:00:00Z'),
      text: 'Attached.',
      attachments: [
        {
          filename: 'winmail.dat',
          contentType: 'application/ms-tnef',
          content: Buffer.from(tnef([{ shortName: 'MASTER~1.DOC', longName: 'Application.docx', bytes: form }])),
        },
      ],
    })
      .compile()
      .build();
    const message = await readEml(new Uint8Array(raw));
    expect(message.attachments.map((a) => a.name)).toEqual(['Application.docx']);
    const report = checkMessage(await readAttachments(message), loadCatalogue(), 'x');
    expect(report.forms[0]?.formId).toBe('secondary-mastery-specialist-2018');
  });

  it('keeps a damaged winmail.dat as it is, so that the report names it', async () => {
    const damaged = tnef([{ shortName: 'A.DOC', longName: 'A.docx', bytes: form }]).subarray(0, 200);
    expect(() => readTnef(damaged)).toThrow();
    const raw: Buffer = await new MailComposer({
      from: 'head@school.org.uk',
      to: 'mathshubs@ncetm.org.uk',
      subject: 'Application',
      text: 'Attached.',
      attachments: [{ filename: 'winmail.dat', contentType: 'application/ms-tnef', content: Buffer.from(damaged) }],
    })
      .compile()
      .build();
    expect((await readEml(new Uint8Array(raw))).attachments.map((a) => a.name)).toEqual(['winmail.dat']);
  });
});
