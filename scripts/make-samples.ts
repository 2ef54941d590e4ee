// Writes the sample forms and e-mails, with what a correct checker must report for each.
//   npx tsx scripts/make-samples.ts [outDir]      (default: samples/)
// Output is deterministic: the same bytes on every run. See scripts/samples/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { Prng } from './word/docx-writer';
import { BLANK_FORMS, HUBS, NORTHERN_POWERHOUSE_HUBS, blankPrimaryMasterySpecialist2024, type FormId } from './samples/forms';
import {
  BARE_FORMS,
  EMAILS,
  err,
  warn,
  type Address,
  type EmailSample,
  type FormSample,
  type Issue,
  type SignatoryStatus,
} from './samples/catalogue';
import { FORM_INFO, clean, countWords } from './samples/values';
import { PRIMARY_SPECIALIST_ID, UNSEEN_SAMPLES, primarySpecialistValues, verifyUnseen } from './samples/unseen';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface ExpectedSignatory {
  role: string;
  email: string | null;
  status: SignatoryStatus | null;
}

interface ExpectedForm {
  attachment: string;
  formId: FormId;
  fields: Record<string, unknown>;
  signatories: ExpectedSignatory[];
  issues: Issue[];
}

interface Expected {
  source: string;
  forms: ExpectedForm[];
  messageIssues: Issue[];
  complete: boolean;
}

// ---------------------------------------------------------------------------------------------
// Signatories (forms.md "Signatory check")

/** A display name reduced for comparison: no titles, "Last, First" turned round, lower case. */
function nameKey(name: string): string {
  const turned = name.includes(',')
    ? name
        .split(',')
        .map((s) => s.trim())
        .reverse()
        .join(' ')
    : name;
  return clean(turned)
    .toLowerCase()
    .split(' ')
    .filter((part) => !['mr', 'mrs', 'ms', 'miss', 'dr', 'mx', 'prof'].includes(part.replace(/\.$/, '')))
    .join(' ');
}

function signatories(form: FormSample, email: EmailSample | null): ExpectedSignatory[] {
  const info = FORM_INFO[form.formId];
  const people: Address[] = email ? [email.from, ...email.to, ...(email.cc ?? [])] : [];
  const addresses = people.map((a) => a.address.toLowerCase());
  return info.signatories.map((sig) => {
    const address = form.fields[sig.emailKey] as string | null;
    if (!email) return { role: sig.role, email: address, status: null };
    let status: SignatoryStatus;
    if (address === null) status = 'noAddressOnForm';
    else if (addresses.includes(address)) status = 'copied';
    else status = email.statusOverrides?.[sig.role] ?? 'notCopied';
    if (status === 'copiedUnderOtherAddress') {
      const name = nameKey(String(form.fields[sig.nameKey]));
      if (!people.some((p) => p.name && nameKey(p.name) === name))
        throw new Error(`${email.name}: no recipient's display name matches ${sig.role}`);
    }
    return { role: sig.role, email: address, status };
  });
}

function signatoryIssues(form: FormSample, list: readonly ExpectedSignatory[]): Issue[] {
  const info = FORM_INFO[form.formId];
  const out: Issue[] = [];
  for (const sig of list) {
    const field = info.signatories.find((s) => s.role === sig.role)?.emailKey;
    const issue =
      sig.status === 'notCopied'
        ? err('signatory-not-copied', field)
        : sig.status === 'noAddressOnForm'
          ? err('signatory-no-address', field)
          : sig.status === 'copiedUnderOtherAddress'
            ? warn('signatory-other-address', field)
            : null;
    if (issue) out.push({ ...issue, role: sig.role });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Self-checks: the declared issues agree with forms.md's rules applied to the expected values.

function verifyForm(label: string, form: FormSample): void {
  const info = FORM_INFO[form.formId];
  const has = (code: string, field: string) => form.issues.some((i) => i.code === code && i.field === field);
  const fail = (message: string) => {
    throw new Error(`${label}: ${message}`);
  };
  for (const spec of info.fields) {
    const value = form.fields[spec.key];
    const required = spec.required || (spec.key === 'specialistDetails' && form.fields.workedWithSpecialist === true);
    if (required && value === null && !has('required', spec.key)) fail(`${spec.key} is missing but no "required" issue`);
    if (value !== null && has('required', spec.key)) fail(`${spec.key} has a value but a "required" issue`);
    if (value === null) continue;
    const text = typeof value === 'string' ? value : String(JSON.stringify(value));
    switch (spec.type) {
      case 'email':
        if (!/^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(text) || value !== text.toLowerCase())
          fail(`${spec.key} "${text}" is not a lower-case address`);
        break;
      case 'urn':
        if (!/^\d{6}$/.test(text) || Number(value) < 100000) fail(`${spec.key} "${text}" is not a URN`);
        break;
      case 'trn':
        if (!/^\d{7}$/.test(text)) fail(`${spec.key} "${text}" is not 7 digits`);
        break;
      case 'phone': {
        const digits = text.replace(/[^\d+]/g, '');
        if (!/^0\d{9,10}$/.test(digits) && !/^\+44\d{9,10}$/.test(digits)) fail(`${spec.key} "${text}" is not a UK number`);
        break;
      }
      case 'hub': {
        if (!HUBS.includes(text)) fail(`${spec.key} "${text}" is not a canonical hub`);
        const runs = info.hubs === 'all' || NORTHERN_POWERHOUSE_HUBS.includes(text);
        if (runs === has('hub-not-running-programme', spec.key)) fail(`${spec.key}: hub-not-running-programme disagrees with "${text}"`);
        break;
      }
      case 'statement': {
        const words = countWords(text);
        const limit = spec.maxWords ?? spec.approxWords;
        if (limit === undefined) break;
        const over = spec.maxWords !== undefined ? words > spec.maxWords : words > spec.approxWords! * 1.2;
        const issue = form.issues.find((i) => i.code === 'word-limit' && i.field === spec.key);
        if (over !== !!issue) fail(`${spec.key} has ${words} words; word-limit issue ${issue ? 'listed' : 'missing'}`);
        if (issue && issue.severity !== (spec.maxWords !== undefined ? 'error' : 'warning')) fail(`${spec.key}: wrong word-limit severity`);
        if (text.includes('\n\n\n')) fail(`${spec.key}: empty paragraph kept`);
        break;
      }
      case 'rows':
        if (!Array.isArray(value)) fail(`${spec.key} is not an array`);
        break;
    }
  }
  if (form.formId === 'secondary-mastery-specialist-2018' && (form.fields.qtsStatus === false) !== has('not-eligible', 'qtsStatus')) {
    fail('not-eligible disagrees with qtsStatus');
  }
  const oldStyle = info.fields.filter((s) => s.type === 'trn').some((s) => has('old-style-trn', s.key));
  if (oldStyle && !form.issues.every((i) => i.code !== 'old-style-trn' || i.severity === 'warning'))
    fail('old-style-trn must be a warning');
}

function verifyEmail(email: EmailSample): void {
  const deadline = Date.parse(FORM_INFO[email.formId].deadline);
  const late = Date.parse(email.received) > deadline;
  const declared = (email.messageIssues ?? []).some((i) => i.code === 'late');
  if (late !== declared)
    throw new Error(
      `${email.name}: received ${email.received}, deadline ${FORM_INFO[email.formId].deadline}, late issue ${declared ? 'listed' : 'missing'}`,
    );
  const forms = email.attachments.filter((a) => a.kind === 'form');
  if (!forms.length !== (email.messageIssues ?? []).some((i) => i.code === 'no-form-attached'))
    throw new Error(`${email.name}: no-form-attached disagrees`);
  for (const a of forms) if (a.form.formId !== email.formId) throw new Error(`${email.name}: attachment is another form`);
}

// ---------------------------------------------------------------------------------------------
// Expected results

function expectedForm(form: FormSample, attachment: string, email: EmailSample | null): ExpectedForm {
  const sigs = signatories(form, email);
  return {
    attachment,
    formId: form.formId,
    fields: form.fields,
    signatories: sigs,
    issues: [...form.issues, ...signatoryIssues(form, sigs)],
  };
}

function isComplete(forms: readonly ExpectedForm[], messageIssues: readonly Issue[], bare: boolean): boolean {
  if (bare || forms.length === 0) return false;
  if (messageIssues.some((i) => i.severity === 'error')) return false;
  return forms.every((f) => f.signatories.every((s) => s.status === 'copied') && !f.issues.some((i) => i.severity === 'error'));
}

// ---------------------------------------------------------------------------------------------
// E-mails

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 date-time for an instant, written in the given offset (minutes east of UTC). */
export function rfc5322Date(iso: string, offsetMinutes: number, shiftSeconds = 0): string {
  const d = new Date(Date.parse(iso) + (offsetMinutes * 60 + shiftSeconds) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

async function buildEmail(email: EmailSample, files: Map<string, Uint8Array>): Promise<Buffer> {
  const rng = new Prng(`email:${email.name}`);
  const domain = email.from.address.split('@')[1] ?? 'example.org';
  const senderIp = `203.0.113.${rng.int(2, 250)}`;
  const internal = `EXCH01.${domain}`;
  const messageId = `<${rng.hex(32)}@${internal}>`;
  const headers = [
    {
      key: 'Received',
      value: `from ${email.senderHost} (${senderIp}) by ${email.server.host} (${email.server.ip}) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id ${email.server.exchangeId}; ${rfc5322Date(email.received, email.receivedOffset)}`,
    },
    {
      key: 'Received',
      value: `from ${internal} (10.0.${rng.int(0, 9)}.${rng.int(2, 250)}) by ${email.senderHost} (${senderIp}) with Microsoft SMTP Server (TLS) id 15.1.1466.3; ${rfc5322Date(email.sent, 60, 4)}`,
    },
    { key: 'Thread-Topic', value: email.subject.replace(/^(FW|RE): /i, '') },
    { key: 'Thread-Index', value: Buffer.from(rng.hex(44), 'hex').toString('base64') },
    { key: 'Accept-Language', value: 'en-GB, en-US' },
    { key: 'Content-Language', value: 'en-GB' },
    { key: 'X-MS-Has-Attach', value: 'yes' },
    { key: 'X-Originating-IP', value: `[10.0.${rng.int(0, 9)}.${rng.int(2, 250)}]` },
  ];
  const attachments = email.attachments.map((a) => {
    if (a.kind === 'file') return { filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'latin1') };
    const bytes = files.get(a.form.filename) ?? a.form.build();
    files.set(a.form.filename, bytes);
    if (a.kind === 'form') return { filename: a.form.filename, contentType: DOCX_TYPE, content: Buffer.from(bytes) };
    return { filename: a.filename, contentType: DOCX_TYPE, content: Buffer.from(bytes.subarray(0, Math.floor(bytes.length * 0.6))) };
  });
  const composer = new MailComposer({
    from: email.from,
    to: email.to,
    cc: email.cc,
    subject: email.subject,
    date: rfc5322Date(email.sent, 60),
    messageId,
    headers,
    text: email.body,
    attachments,
    baseBoundary: rng.hex(16).toLowerCase(),
    boundaryPrefix: '_000_',
    newline: 'win',
  });
  return composer.compile().build();
}

// ---------------------------------------------------------------------------------------------

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'samples';
  const dirs = { forms: join(out, 'forms'), blank: join(out, 'blank'), emails: join(out, 'emails'), expected: join(out, 'expected') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

  for (const [formId, build] of Object.entries(BLANK_FORMS)) writeFileSync(join(dirs.blank, `${formId}.docx`), build());

  for (const bare of BARE_FORMS) {
    verifyForm(bare.name, bare.form);
    const file = `${bare.name}.docx`;
    writeFileSync(join(dirs.forms, file), bare.form.build());
    const forms = [expectedForm(bare.form, file, null)];
    const expected: Expected = { source: `samples/forms/${file}`, forms, messageIssues: [], complete: isComplete(forms, [], true) };
    writeJson(join(dirs.expected, `${bare.name}.json`), expected);
  }

  const names = new Set<string>();
  const built = new Map<string, Uint8Array>();
  for (const email of EMAILS) {
    if (names.has(email.name)) throw new Error(`duplicate sample ${email.name}`);
    names.add(email.name);
    verifyEmail(email);
    const forms: ExpectedForm[] = [];
    for (const a of email.attachments) {
      if (a.kind !== 'form') continue;
      verifyForm(email.name, a.form);
      forms.push(expectedForm(a.form, a.form.filename, email));
    }
    const messageIssues = email.messageIssues ?? [];
    writeFileSync(join(dirs.emails, `${email.name}.eml`), await buildEmail(email, built));
    const expected: Expected = {
      source: `samples/emails/${email.name}.eml`,
      forms,
      messageIssues,
      complete: isComplete(forms, messageIssues, false),
    };
    writeJson(join(dirs.expected, `${email.name}.json`), expected);
  }
  process.stdout.write(
    `wrote ${EMAILS.length} e-mails, ${BARE_FORMS.length} bare forms and ${Object.keys(BLANK_FORMS).length} blank forms to ${out}/\n`,
  );

  // A form the project has never seen (no catalogue entry): expected values keyed by label.
  const unseen = { blank: join(out, 'unseen', 'blank'), forms: join(out, 'unseen', 'forms'), expected: join(out, 'unseen', 'expected') };
  for (const dir of Object.values(unseen)) mkdirSync(dir, { recursive: true });
  const blank = blankPrimaryMasterySpecialist2024();
  verifyUnseen(
    {
      name: `blank ${PRIMARY_SPECIALIST_ID}`,
      description: '',
      build: () => blank,
      values: primarySpecialistValues({}).expected,
      overLimit: [],
    },
    blank,
  );
  writeFileSync(join(unseen.blank, `${PRIMARY_SPECIALIST_ID}.docx`), blank);
  for (const sample of UNSEEN_SAMPLES) {
    const bytes = sample.build();
    verifyUnseen(sample, bytes);
    writeFileSync(join(unseen.forms, `${sample.name}.docx`), bytes);
    writeJson(join(unseen.expected, `${sample.name}.json`), { source: `samples/unseen/forms/${sample.name}.docx`, values: sample.values });
  }
  process.stdout.write(
    `wrote ${UNSEEN_SAMPLES.length} filled copies and the blank of the unseen form ${PRIMARY_SPECIALIST_ID} to ${join(out, 'unseen')}/\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
