// The one path from a message to what is filed, on real .eml files (the samples, and emails that
// forward them as attachments, written by nodemailer as a mail client writes them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MailComposer = require('nodemailer/lib/mail-composer');
import { readEml } from '../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../src/core/catalogue';
import { emailFingerprint, isTrustedSender } from '../../src/core/identity';
import { intake } from '../../src/core/intake';
import type { Message } from '../../src/core/message';
import { applicationRecord, NOTE_MAX, safeFileName, TEXT_MAX } from '../../src/core/record';
import { minimalDocx } from '../support/minimal-docx';

const samples = join(__dirname, '..', '..', 'samples', 'emails');
const catalogue = loadCatalogue();
const build = (options: object): Promise<Buffer> => new MailComposer(options).compile().build();
const sampleBytes = (name: string) => readFileSync(join(samples, name));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An email attaching sample 01 (complete, on time, everyone copied in) as the "original". */
async function forwardOf01(from: string, date: string): Promise<Message> {
  const raw = await build({
    from,
    to: 'Maths Hub <mathshubs@ncetm.org.uk>',
    subject: 'FW: application',
    date: new Date(date),
    messageId: '<outer-forward@mail.example>',
    text: 'Forwarding the application below.',
    attachments: [{ filename: 'application.eml', content: sampleBytes('01-sms-complete.eml'), contentType: 'message/rfc822' }],
  });
  return readEml(new Uint8Array(raw));
}

describe('an application forwarded as an attachment', () => {
  it('from anyone: the attached original is evidence, not truth; signatories and the deadline are judged on the email that arrived', async () => {
    // Arrives after the SMS deadline (17:00 on 7 June 2018), copying in nobody.
    const message = await forwardOf01('Someone <someone@elsewhere.example>', '2018-06-08T09:00:00Z');
    const result = intake(message, { catalogue, source: 'fw.eml', trustedSenders: ['ncetm.org.uk', 'office@hub.example'] });
    const { report } = result;
    expect(report.complete).toBe(false);
    expect(report.message).toMatchObject({
      subject: 'FW: application',
      internetMessageId: '<outer-forward@mail.example>',
      receivedAt: '2018-06-08T09:00:00.000Z',
    });
    expect(report.issues.map((i) => i.code).sort()).toEqual(['forwarded-original-unverified', 'late']);
    expect(report.forms[0]!.signatories.map((s) => s.status)).toEqual(report.forms[0]!.signatories.map(() => 'notCopied'));
    const claim = report.issues.find((i) => i.code === 'forwarded-original-unverified')!;
    expect(claim.message).toMatch(
      /is dated Tuesday 5 June 2018 at 14:12 \(UK time\), before the deadline, and copies in (\d) of the form's \1 signatories, but that cannot be verified/,
    );
    expect(claim.message).not.toMatch(/@|Okoro|Hollinswood/i); // says what it claims, quoting no one
    // The item is the email that arrived; the original's Message-ID beside it.
    const original = await readEml(sampleBytes('01-sms-complete.eml'));
    expect(result.record).toMatchObject({
      internetMessageId: '<outer-forward@mail.example>',
      fields: {
        InternetMessageId: '<outer-forward@mail.example>',
        OriginalMessageId: original.internetMessageId,
        Late: true,
        Complete: false,
      },
    });
    // The form file is the one inside the attached email.
    expect(result.formAttachment!.bytes).toEqual(original.attachments.find((a) => a.name.endsWith('.docx'))!.bytes);
  });

  it("from one of the hub's own addresses or domains: the original's own headers count", async () => {
    const message = await forwardOf01('Hub Office <Office@Hub.Example>', '2018-06-12T10:00:00Z');
    for (const trusted of [['hub.example'], ['@hub.example'], ['office@hub.example']]) {
      const { report, record, judgedReceivedAt } = intake(message, { catalogue, source: 'fw.eml', trustedSenders: trusted });
      expect(report.complete).toBe(true);
      expect(report.issues.map((i) => i.code)).toEqual(['forwarded-application']);
      expect(judgedReceivedAt).toBe('2018-06-05T13:12:03.000Z');
      expect(record!.fields).toMatchObject({ InternetMessageId: '<outer-forward@mail.example>', Late: false });
    }
    expect(intake(message, { catalogue, source: 'fw.eml' }).report.complete).toBe(false); // no setting: nobody is trusted
  });

  it('trusts exact addresses and domains only', () => {
    const from = (address: string) => ({ name: '', address });
    expect(isTrustedSender(from('a@hub.example'), ['hub.example'])).toBe(true);
    expect(isTrustedSender(from('a@evilhub.example'), ['hub.example'])).toBe(false);
    expect(isTrustedSender(from('a@hub.example.evil'), ['hub.example'])).toBe(false);
    expect(isTrustedSender(from('b@hub.example'), ['a@hub.example'])).toBe(false);
    expect(isTrustedSender(null, ['hub.example'])).toBe(false);
  });
});

describe('the form filed is the very form checked', () => {
  it('with two attachments of one name, it is the bytes of the one read as the form, not the first of that name', async () => {
    const original = await readEml(sampleBytes('01-sms-complete.eml'));
    const form = original.attachments.find((a) => a.name.endsWith('.docx'))!;
    const other = minimalDocx('<w:p><w:r><w:t>Minutes of the governors meeting</w:t></w:r></w:p>');
    const raw = await build({
      from: original.from!.address,
      to: original.to.map((m) => m.address),
      cc: original.cc.map((m) => m.address),
      subject: original.subject,
      date: new Date('2018-06-05T13:12:03Z'),
      messageId: '<two-of-a-name@school.example>',
      text: 'Two attachments.',
      attachments: [
        { filename: form.name, content: Buffer.from(other), contentType: DOCX },
        { filename: form.name, content: Buffer.from(form.bytes), contentType: DOCX },
      ],
    });
    const result = intake(await readEml(new Uint8Array(raw)), { catalogue, source: 'two.eml' });
    expect(result.report.forms.map((f) => f.formId)).toEqual([null, 'secondary-mastery-specialist-2018']);
    expect(result.record!.form).toBe(result.report.forms[1]);
    expect(result.formAttachment!.bytes).toEqual(form.bytes);
    expect(result.formAttachment!.bytes).not.toEqual(other);
  });

  it('names the file as SharePoint accepts it', () => {
    expect(safeFileName('CON')).toBe('file-CON');
    expect(safeFileName('nul.docx')).toBe('file-nul.docx');
    expect(safeFileName('LPT9.Docx')).toBe('file-LPT9.Docx');
    expect(safeFileName('my_vti_form.docx')).toBe('my_vti-form.docx');
    expect(safeFileName('a|b?.docx.')).toBe('a_b_.docx');
    expect(safeFileName('x.lock')).toBe('file-x.lock');
    // Cut to length first, then cleaned: a "~$" or a dot that the cut brings to the front goes too.
    const cutToTilde = `${'a'.repeat(50)}~$${'b'.repeat(113)}.docx`;
    expect(safeFileName(cutToTilde)).toBe(`${'b'.repeat(113)}.docx`);
    expect(safeFileName(`${'a'.repeat(10)}. .${'c'.repeat(117)}`)).toBe('c'.repeat(117));
    for (const name of ['CON', `${'z'.repeat(500)}.docx`, ' ~$x ', '_vti_', 'a:b']) {
      const safe = safeFileName(name);
      expect(safe.length).toBeLessThanOrEqual(120);
      expect(safe).not.toMatch(/^~\$|^[.\s]|[.\s]$|_vti_|["*:<>?/\\|#%]/i);
    }
  });
});

describe("the email's fingerprint", () => {
  it('is the same for the same email however it was read, and differs for a different email', async () => {
    const fromFile = await readEml(sampleBytes('04-sms-signatory-not-copied.eml'));
    const forms = fromFile.attachments.filter((a) => a.name.endsWith('.docx'));
    // As Outlook gives it: Word attachments only, the subject as one line, the address in its own case, its own receipt time.
    const fromOutlook: Message = {
      ...fromFile,
      subject: ` ${fromFile.subject.replace(/ /g, '  ')} `,
      from: { name: 'Someone', address: fromFile.from!.address.toUpperCase() },
      to: [...fromFile.to].reverse(),
      cc: [...fromFile.cc].reverse().map((m) => ({ name: '', address: m.address.toUpperCase() })),
      receivedAt: '2018-06-05T13:12:09.000Z',
      attachments: forms,
    };
    const a = intake(fromFile, { catalogue, source: 'a' });
    const b = intake(fromOutlook, { catalogue, source: 'b' });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    const other = await readEml(sampleBytes('05-sms-copied-other-address.eml'));
    expect(
      emailFingerprint(
        fromFile,
        other.attachments.filter((x) => x.name.endsWith('.docx')),
      ),
    ).not.toBe(a.fingerprint);
    expect(emailFingerprint({ ...fromFile, from: { name: '', address: 'forger@elsewhere.example' } }, forms)).not.toBe(a.fingerprint);
    expect(emailFingerprint({ ...fromFile, subject: 'Another subject' }, forms)).not.toBe(a.fingerprint);
    expect(emailFingerprint({ ...fromFile, cc: [...fromFile.cc, { name: '', address: 'head@school.example' }] }, forms)).not.toBe(
      a.fingerprint,
    );
    expect(a.record!.fields.EmailFingerprint).toBe(a.fingerprint);
  });
});

describe("SharePoint's limits", () => {
  it("cuts a value over its column's limit, and says so in the issues", async () => {
    const { report, fingerprint } = intake(await readEml(sampleBytes('01-sms-complete.eml')), { catalogue, source: 'x' });
    const form = report.forms[0]!;
    const long = 'I have led the department\u2019s work on fluency. '.repeat(2000); // ~90,000 characters
    const longReport = {
      ...report,
      forms: [{ ...form, fields: { ...form.fields, applicantStatement: long, schoolName: 'S'.repeat(300) } }],
    };
    const record = applicationRecord(longReport, catalogue.templates, { fingerprint });
    expect(long.length).toBeGreaterThan(NOTE_MAX);
    expect(record.fields.applicantStatement).toHaveLength(NOTE_MAX);
    expect(record.fields.School).toHaveLength(TEXT_MAX);
    expect(record.fields.Title).toHaveLength(TEXT_MAX);
    const summary = String(record.fields.IssuesSummary);
    expect(summary).toMatch(
      /warning value-cut \(applicantStatement\): Applicant statement is \d+ characters long, more than the list keeps \(63999\)/,
    );
    expect(summary).toMatch(/warning value-cut \(School\)/);
    expect(record.fields.WarningCount).toBe(
      Number(applicationRecord(report, catalogue.templates, { fingerprint }).fields.WarningCount) + 3,
    );
    // An issues summary past the limit is cut last, saying so.
    const many = {
      ...report,
      issues: Array.from({ length: 2000 }, (_, i) => ({ severity: 'warning' as const, code: 'x', message: `Issue ${i} `.repeat(10) })),
    };
    const cut = applicationRecord(many, catalogue.templates, { fingerprint });
    expect(String(cut.fields.IssuesSummary).length).toBeLessThanOrEqual(NOTE_MAX);
    expect(String(cut.fields.IssuesSummary)).toMatch(/cut: the issues run past what the list keeps/);
  });
});
