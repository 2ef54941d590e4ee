// A bounded fuzz run: the sample forms and emails, mutated the ways bytes get damaged or forged
// (bit flips, truncations, shuffled and duplicated zip entries, broken XML, broken MIME), from a
// fixed seed. Every input must end as a report: no exception escapes, none takes more than 5 s.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { EmlError, readEml } from '../../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkDocument, checkMessage, type ApplicationReport } from '../../../src/core/check';
import { entriesOf, zipEntries, type Entries } from '../../support/repack';

const samples = join(__dirname, '..', '..', '..', 'samples');
const files = (dir: string, ext: string) =>
  readdirSync(join(samples, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => [`${dir}/${f}`, new Uint8Array(readFileSync(join(samples, dir, f)))] as const);

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}
const random = prng(20260901);

function flipBits(bytes: Uint8Array, count: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < count; i++) out[random.int(out.length)]! ^= 1 << random.int(8);
  return out;
}
const truncate = (bytes: Uint8Array) => bytes.slice(0, random.int(bytes.length));
function shuffle<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** document.xml damaged as text: characters deleted, a slice repeated, tags inserted, brackets swapped. */
function breakXml(xml: string): string {
  const at = random.int(xml.length);
  switch (random.int(5)) {
    case 0:
      return xml.slice(0, at) + xml.slice(at + 1 + random.int(200));
    case 1:
      return xml.slice(0, at) + xml.slice(at, at + random.int(5000)).repeat(1 + random.int(20)) + xml.slice(at);
    case 2:
      return (
        xml.slice(0, at) +
        random.pick(['<w:p>', '</w:tc>', '<w:tbl>', '<w:pPr><w:pPr>', '&#0;', '&bogus;', '<!DOCTYPE x>', '<![CDATA[', '<w:r a=">']) +
        xml.slice(at)
      );
    case 3:
      return xml.replace(/[<>]/g, (c) => (random.next() < 0.001 ? (c === '<' ? '>' : '<') : c));
    default:
      return xml.slice(0, at) + '<w:customXml>'.repeat(random.int(2000)) + xml.slice(at);
  }
}

function docxMutations(bytes: Uint8Array): [string, Uint8Array][] {
  const entries = entriesOf(bytes);
  const withDocument = (change: (xml: string) => string): Entries =>
    entries.map(([name, data]) => [name, name === 'word/document.xml' ? strToU8(change(strFromU8(data))) : data]);
  const out: [string, Uint8Array][] = [];
  for (const bits of [1, 2, 4, 8, 16, 64]) out.push([`${bits} bits flipped`, flipBits(bytes, bits)]);
  for (let i = 0; i < 3; i++) out.push(['truncated', truncate(bytes)]);
  for (let i = 0; i < 2; i++) out.push(['entries shuffled', zipEntries(shuffle(entries))]);
  const [twin, data] = random.pick(entries);
  out.push([`${twin} twice`, zipEntries(entries, { [twin]: flipBits(data, 4) })]);
  for (let i = 0; i < 5; i++) out.push(['document.xml broken', zipEntries(withDocument(breakXml))]);
  out.push(['document.xml left out', zipEntries(entries.filter(([name]) => name !== 'word/document.xml'))]);
  return out;
}

/** The email with its first Word attachment's bytes replaced (base64 written anew). */
function replaceAttachment(eml: string, bytes: Uint8Array): string {
  const named = eml.search(/filename\*?=?[^\n]*\.docx/i);
  if (named < 0) return eml;
  const bodyStart = eml.indexOf('\n\n', named) >= 0 ? eml.indexOf('\n\n', named) + 2 : eml.indexOf('\r\n\r\n', named) + 4;
  const bodyEnd = eml.indexOf('\n--', bodyStart);
  const base64 = Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
  return eml.slice(0, bodyStart) + base64 + eml.slice(bodyEnd);
}

function emlMutations(bytes: Uint8Array): [string, Uint8Array][] {
  const eml = strFromU8(bytes, true);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(eml)?.[1] ?? 'none';
  const lines = eml.split('\n');
  const headerEnd = lines.findIndex((l) => !l.trim());
  const out: [string, string | Uint8Array][] = [];
  for (const bits of [1, 8, 64]) out.push([`${bits} bits flipped`, flipBits(bytes, bits)]);
  for (let i = 0; i < 2; i++) out.push(['truncated', truncate(bytes)]);
  out.push(['closing boundary removed', eml.split(`--${boundary}--`).join('')]);
  out.push([
    'boundary parameter changed',
    eml.replace(`boundary=${boundary}`, 'boundary=elsewhere').replace(`boundary="${boundary}"`, 'boundary="elsewhere"'),
  ]);
  out.push([
    'base64 broken',
    eml.replace(/^([A-Za-z0-9+/]{60})([A-Za-z0-9+/]{16})$/gm, (line, a: string) => (random.next() < 0.05 ? `${a}!*~\u0000` : line)),
  ]);
  out.push(['unknown transfer encoding', eml.replace(/Content-Transfer-Encoding: base64/gi, 'Content-Transfer-Encoding: x-uuencode-7')]);
  out.push([
    'garbage header line',
    [
      ...lines.slice(0, Math.max(1, headerEnd - 1)),
      'this is not a header',
      '\u0000\u0001\u0002',
      ...lines.slice(Math.max(1, headerEnd - 1)),
    ].join('\n'),
  ]);
  out.push(['nested 60 deep', `${'Content-Type: multipart/mixed; boundary=n\r\n\r\n--n\r\n'.repeat(60)}${eml}`]);
  out.push(['lines deleted', [...lines.slice(0, random.int(lines.length)), ...lines.slice(random.int(lines.length))].join('\n')]);
  out.push(['header folded forever', eml.replace(/^Subject: /m, `Subject: ${' x\r\n'.repeat(5000)}`)]);
  out.push([
    'Content-Type parameters broken',
    eml.replace(/Content-Type: ([^;\r\n]+);/g, "Content-Type: $1;;; name*0*=utf-8''%E0%A4%A; boundary=\";"),
  ]);
  const attachment = /filename\*?=?[^\n]*\.docx/i.test(eml);
  if (attachment) {
    const form = readFileSync(join(samples, 'forms', 'sms-bold-answer.docx'));
    for (const [how, mutated] of docxMutations(new Uint8Array(form)).filter((_, i) => i % 5 === random.int(5)))
      out.push([`attachment: ${how}`, replaceAttachment(eml, mutated)]);
  }
  return out.map(([how, data]) => [how, typeof data === 'string' ? strToU8(data) : data]);
}

interface FuzzInput {
  readonly name: string;
  readonly kind: 'docx' | 'eml';
  readonly bytes: Uint8Array;
}

const inputs: FuzzInput[] = [
  ...[...files('forms', '.docx'), ...files('blank', '.docx'), ...files('unseen/forms', '.docx')].flatMap(([name, bytes]) =>
    docxMutations(bytes).map(([how, mutated]) => ({ name: `${name}: ${how}`, kind: 'docx' as const, bytes: mutated })),
  ),
  ...files('emails', '.eml').flatMap(([name, bytes]) =>
    emlMutations(bytes).map(([how, mutated]) => ({ name: `${name}: ${how}`, kind: 'eml' as const, bytes: mutated })),
  ),
];

const catalogue = loadCatalogue();

/** What the CLI and the pane do with one input: a report, whatever the bytes. */
async function report(input: FuzzInput): Promise<ApplicationReport> {
  if (input.kind === 'docx') return checkDocument(input.bytes, 'form.docx', catalogue, input.name);
  let message;
  try {
    message = await readEml(input.bytes);
  } catch (e) {
    if (e instanceof EmlError)
      return {
        source: input.name,
        message: null,
        forms: [],
        issues: [{ severity: 'error', code: 'unreadable-email', message: e.message }],
        complete: false,
      };
    throw e;
  }
  return checkMessage(message, catalogue, input.name);
}

describe('fuzzing the readers with damaged samples', () => {
  it(`ends each of ${inputs.length} mutated inputs as a report, none taking more than 5 s`, async () => {
    expect(inputs.length).toBeGreaterThan(300);
    const escaped: string[] = [];
    const slow: string[] = [];
    let slowest = 0;
    let refused = 0;
    let read = 0;
    for (const input of inputs) {
      const start = performance.now();
      try {
        const result = await report(input);
        if (!Array.isArray(result.issues) || !Array.isArray(result.forms)) escaped.push(`${input.name}: no report`);
        if (result.issues.some((i) => i.code.startsWith('unreadable'))) refused++;
        if (result.forms.some((f) => f.formId)) read++;
      } catch (e) {
        escaped.push(`${input.name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      if (ms > 5000) slow.push(`${input.name}: ${Math.round(ms)} ms`);
    }
    expect(escaped).toEqual([]);
    expect(slow).toEqual([]);
    // The mutations reach both ends: many inputs are refused, many still read as forms.
    expect(refused).toBeGreaterThan(inputs.length / 8);
    expect(read).toBeGreaterThan(inputs.length / 8);
    if (process.env.FUZZ_SUMMARY)
      console.log(`${inputs.length} inputs: ${refused} refused, ${read} read as a known form, slowest ${Math.round(slowest)} ms`);
  }, 120_000);
});
