// Inputs an attacker can grow at will, each at a size n, for the test that doubles n and expects the
// time to double (test/core/bounded/linear-time.test.ts) and for the bench that reports the slowest.
// Forms are built as Word saves them (scripts/samples/forms.ts), the long value typed into one box.
import { loadCatalogue } from '../../src/core/catalogue';
import { checkDocument } from '../../src/core/check';
import { readDocx } from '../../src/core/docx/read-docx';
import { DOCX_LIMITS } from '../../src/core/docx/limits';
import { secondaryMasterySpecialist, secondaryTfmWorkGroup, type SmsCell, type TfmCell } from '../../scripts/samples/forms';
import type { Xml } from '../../scripts/word/docx-writer';
import { minimalDocx, p, r } from './minimal-docx';

export interface AdversarialInput {
  readonly name: string;
  /** The size the input is built at in the test (doubled once); the bench uses it too. */
  readonly n: number;
  readonly build: (n: number) => Uint8Array;
  /** Reads the input as the product does; returns something to keep the work from being optimised away. */
  readonly run: (bytes: Uint8Array) => unknown;
}

const catalogue = loadCatalogue();
/** The number of known forms read: 1 for every form input here (a refusal would make the timing meaningless). */
const check = (bytes: Uint8Array) => checkDocument(bytes, 'form.docx', catalogue, 'form.docx').forms.filter((f) => f.formId).length;
/** Reading with no depth or compression limit, so that the time is the scanner's own, not an early refusal. */
const readUnlimited = (bytes: Uint8Array) => {
  const result = readDocx(bytes, { ...DOCX_LIMITS, xmlDepth: 10_000_000, compressionRatio: Infinity });
  return result.ok ? result.document.blocks.length : result.error.code;
};

/** Runs a sender can type: letters, an @ after each letter, digits with spaces, brackets and dots. */
const RUNS: Record<string, (n: number) => string> = {
  letters: (n) => 'a'.repeat(n),
  'a@ pairs': (n) => 'a@'.repeat(n / 2),
  'digits and spaces': (n) => '1 '.repeat(n / 2),
  'brackets and dots': (n) => '(.'.repeat(n / 2),
};

const SMS_BOXES: [SmsCell, string][] = [
  ['schoolName', 'text'],
  ['schoolUrn', 'urn'],
  ['mathsHub', 'hub'],
  ['teacherName', 'name'],
  ['teacherEmail', 'email'],
  ['headOfDepartment', 'name and email'],
  ['qtsStatus', 'yes/no'],
  ['yearsTeaching', 'number'],
  ['teachingGroups', 'multiline text'],
  ['applicantStatement', 'statement'],
];
const TFM_BOXES: [TfmCell, string][] = [
  ['contactTelephone', 'phone'],
  ['teacher1Trn', 'TRN'],
  ['schoolAddress', 'address'],
];

/** n characters of words that do not repeat enough to compress like a zip bomb. */
function prose(n: number): string {
  let seed = 7;
  const words: string[] = [];
  let length = 0;
  while (length < n) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const word = (seed % 1_000_003).toString(36);
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

const fieldInputs: AdversarialInput[] = [];
for (const [run, make] of Object.entries(RUNS)) {
  for (const [box, type] of SMS_BOXES) {
    fieldInputs.push({
      name: `${type} box: ${run}`,
      n: 40_000,
      build: (n) => secondaryMasterySpecialist({ [box]: make(n) }, { seed: `long ${box}` }),
      run: check,
    });
  }
  for (const [box, type] of TFM_BOXES) {
    fieldInputs.push({
      name: `${type} box: ${run}`,
      n: 40_000,
      build: (n) => secondaryTfmWorkGroup({ [box]: make(n) }, { seed: `long ${box}` }),
      run: check,
    });
  }
  // The label cell with the value typed after it ("School URN: …").
  fieldInputs.push({
    name: `label cell: ${run}`,
    n: 40_000,
    build: (n) => secondaryMasterySpecialist({ labels: { schoolUrn: `School URN ${make(n)}` } }, { seed: 'long label' }),
    run: check,
  });
}

/** Elements the reader passes over whole: deep nesting of namesakes inside each. */
const SKIPPED: [string, (inner: string) => string][] = [
  ['w:pPr', (inner) => p(inner + r('x'))],
  ['w:rPrChange', (inner) => `<w:p><w:r><w:rPr>${inner}</w:rPr><w:t>x</w:t></w:r></w:p>`],
  ['w:delText', (inner) => `<w:p><w:r>${inner}</w:r></w:p>`],
  ['w:tblPr', (inner) => `<w:tbl>${inner}<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`],
  ['w:tblGrid', (inner) => `<w:tbl>${inner}<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`],
  ['w:sectPr', (inner) => p(r('x')) + inner],
  ['w:object', (inner) => `<w:p><w:r>${inner}</w:r></w:p>`],
  ['w:fldData', (inner) => `<w:p><w:r>${inner}</w:r></w:p>`],
  ['w:sdtEndPr', (inner) => `<w:sdt>${inner}<w:sdtContent>${p(r('x'))}</w:sdtContent></w:sdt>`],
];

const nestingInputs: AdversarialInput[] = SKIPPED.map(([element, place]) => ({
  name: `nesting inside ${element}`,
  n: 40_000,
  build: (n) => minimalDocx(place(`<${element}>`.repeat(n) + `</${element}>`.repeat(n))),
  run: readUnlimited,
}));

const xmlInputs: AdversarialInput[] = [
  {
    name: 'long attribute name with no =',
    n: 400_000,
    build: (n) => minimalDocx(p(`<w:hyperlink ${'a'.repeat(n)} r:id="rId1">${r('x')}</w:hyperlink>`), { links: { rId1: 'mailto:a@b.co' } }),
    run: readUnlimited,
  },
  {
    name: 'long attribute name, read',
    n: 400_000,
    build: (n) =>
      minimalDocx(p(`<w:hyperlink ${'a'.repeat(n)}="1" r:id="rId1">${r('x')}</w:hyperlink>`), { links: { rId1: 'mailto:a@b.co' } }),
    run: readUnlimited,
  },
  {
    name: 'many attributes',
    n: 100_000,
    build: (n) =>
      minimalDocx(p(`<w:hyperlink ${Array.from({ length: n / 10 }, (_, i) => `a${i}="1"`).join(' ')} r:id="rId1">${r('x')}</w:hyperlink>`)),
    run: readUnlimited,
  },
  {
    name: 'deep nesting, not skipped',
    n: 40_000,
    build: (n) => minimalDocx('<w:customXml>'.repeat(n) + p(r('deep')) + '</w:customXml>'.repeat(n)),
    run: readUnlimited,
  },
  { name: 'many unclosed start tags', n: 100_000, build: (n) => minimalDocx(p('<w:r a="1">'.repeat(n / 10))), run: readUnlimited },
  {
    name: 'a 10 MB paragraph (statement)',
    n: 5 * 1024 * 1024,
    build: (n) =>
      secondaryMasterySpecialist(
        { applicantStatement: (w) => w.p(`<w:r><w:t xml:space="preserve">${prose(n)}</w:t></w:r>` as Xml) },
        { seed: 'ten megabytes' },
      ),
    run: check,
  },
];

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [...fieldInputs, ...nestingInputs, ...xmlInputs];

/** Milliseconds one run takes, averaged over enough runs to fill 15 ms (shorter runs are all noise). */
function timeOf(input: AdversarialInput, bytes: Uint8Array): number {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    input.run(bytes);
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < 15);
  return elapsed / runs;
}

/** The growth of time when the input doubles: the least time of four rounds at each size, after a warm-up. */
export function growth(input: AdversarialInput): { ratio: number; small: number; large: number } {
  const small = input.build(input.n);
  const large = input.build(input.n * 2);
  input.run(small);
  let smallest = Infinity;
  let largest = Infinity;
  for (let round = 0; round < 4; round++) {
    smallest = Math.min(smallest, timeOf(input, small));
    largest = Math.min(largest, timeOf(input, large));
  }
  return { ratio: largest / smallest, small: smallest, large: largest };
}
