// The smallest Word 97-2003 (.doc) file the .doc reader reads, laid out as [MS-DOC] says: a FIB at
// the start of the WordDocument stream, the text in pieces (the Clx in the table stream), and the
// character and paragraph properties in 512-byte FKP pages. For tests that set each property
// exactly; the forms as LibreOffice saves them are in test/fixtures/formats.
import CFB from 'cfb';
import { windows1252Code } from '../../src/core/bytes';

/** A run of text with its character properties (a grpprl: see the sprm helpers below). */
export interface DocRun {
  readonly text: string;
  readonly chp?: readonly number[];
}

/** A paragraph: its runs, its mark (a paragraph end, or a cell or row end), its properties. */
export interface DocParagraph {
  readonly runs: readonly (string | DocRun)[];
  readonly end?: '\r' | '\x07' | '\f';
  readonly pap?: readonly number[];
}

export interface DocOptions {
  /** Where the text is split into pieces (character positions); each piece 8-bit unless `unicode`. */
  readonly pieces?: readonly number[];
  /** Store these pieces (by index) as 16-bit text. Every piece is 16-bit when true. */
  readonly unicode?: boolean | readonly number[];
  /** List the property pages last first, as a file saved many times may. */
  readonly pagesReversed?: boolean;
  /** Bytes before the piece table in the Clx: a Prc (clxt 1) and its size, as Word writes for property modifiers. */
  readonly prc?: readonly number[];
  /** The text length the FIB gives; the text written by default. */
  readonly ccpText?: number;
  /** FIB fields: the version, flags (0x0200 = the table stream is 1Table). */
  readonly ident?: number;
  readonly nFib?: number;
  readonly flags?: number;
  /** The Data stream, where form fields keep their state. */
  readonly data?: Uint8Array;
  /** Streams to leave out or to add (by name). */
  readonly without?: readonly string[];
  readonly extra?: Readonly<Record<string, Uint8Array>>;
  /** Changes the WordDocument and table streams before they are stored. */
  readonly patch?: (streams: { word: Uint8Array; table: Uint8Array }) => void;
}

const FIB_SIZE = 1024;
const PAGE = 512;
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

// Character properties (sprms and their operands).
export const bold = (on = true) => [0x35, 0x08, on ? 1 : 0];
/** Word's "toggle" value: the opposite of the style's, which is plain here, so bold. */
export const boldToggled = [0x35, 0x08, 0x81];
export const strike = [0x37, 0x08, 1];
export const doubleStrike = [0x53, 0x2a, 1];
export const highlight = (colour = 7) => [0x0c, 0x2a, colour];
export const special = [0x55, 0x08, 1];
export const picLocation = (at: number) => [0x03, 0x6a, ...le32(at)];

// Paragraph properties.
export const inTable = [0x16, 0x24, 1];
export const rowEnd = [0x17, 0x24, 1];
export const depth = (itap: number) => [0x49, 0x66, ...le32(itap)];
export const innerCellEnd = [0x4b, 0x24, 1];
export const innerRowEnd = [0x4c, 0x24, 1];
/** sprmTDefTable: the row's cell edges (twips, left edge first) and each cell's vertical merge. */
export function rowDefinition(edges: readonly number[], merges: readonly ('restart' | 'continue' | undefined)[] = []): number[] {
  const cells = edges.length - 1;
  const operand = [cells, ...edges.flatMap(le16)];
  for (let i = 0; i < cells; i++) {
    const flags = merges[i] === 'restart' ? 0x60 : merges[i] === 'continue' ? 0x20 : 0;
    operand.push(...le16(flags), ...new Array<number>(18).fill(0));
  }
  return [0x08, 0xd6, ...le16(operand.length + 1), ...operand];
}

/**
 * A legacy checkbox's data for the Data stream ([MS-DOC] FFData after a PICFAND header): its own
 * state, or none ('default', so that its default stands), and its default.
 */
export function checkboxData(result: 'checked' | 'unchecked' | 'default', options: { default?: boolean; name?: string } = {}): number[] {
  const name = options.name ?? 'Check1';
  const header = 0x44;
  const ffdata = [
    ...le32(0xffffffff),
    ...le16(1 | ({ checked: 1, unchecked: 0, default: 25 }[result] << 2)),
    ...le16(0), // uiMaxLen
    ...le16(20), // hps
    ...le16(name.length),
    ...[...name].flatMap((c) => le16(c.charCodeAt(0))),
    ...le16(0),
    ...le16(options.default ? 1 : 0), // wDef
  ];
  return [...le32(header + ffdata.length), ...le16(header), ...new Array<number>(header - 6).fill(0), ...ffdata];
}

/** The Windows-1252 byte of each character an 8-bit piece can hold. */
const CP1252 = new Map(Array.from({ length: 256 }, (_, b) => [windows1252Code(b), b]));

export function docFile(paragraphs: readonly DocParagraph[], options: DocOptions = {}): Uint8Array {
  // The text, and where each run and paragraph starts and ends in it (character positions).
  let text = '';
  const runs: { start: number; end: number; chp: readonly number[] }[] = [];
  const paras: { start: number; end: number; pap: readonly number[] }[] = [];
  for (const paragraph of paragraphs) {
    const start = text.length;
    for (const run of paragraph.runs) {
      const { text: t, chp = [] } = typeof run === 'string' ? { text: run } : run;
      runs.push({ start: text.length, end: text.length + t.length, chp });
      text += t;
    }
    const mark = paragraph.end ?? '\r';
    runs.push({ start: text.length, end: text.length + 1, chp: [] });
    text += mark;
    paras.push({ start, end: text.length, pap: paragraph.pap ?? [] });
  }

  // The pieces: each written at its own place in the WordDocument stream, after the FIB.
  const cuts = [0, ...(options.pieces ?? []), text.length];
  const unicode = (i: number) => (Array.isArray(options.unicode) ? options.unicode.includes(i) : options.unicode === true);
  const word: number[] = new Array<number>(FIB_SIZE).fill(0);
  const pieces: { cpStart: number; cpEnd: number; fc: number; compressed: boolean }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [cpStart, cpEnd] = [cuts[i]!, cuts[i + 1]!];
    const compressed = !unicode(i);
    const fc = word.length;
    for (const ch of text.slice(cpStart, cpEnd)) {
      if (compressed) {
        const byte = CP1252.get(ch.charCodeAt(0));
        if (byte === undefined) throw new Error(`${ch} cannot be written in an 8-bit piece`);
        word.push(byte);
      } else word.push(...le16(ch.charCodeAt(0)));
    }
    pieces.push({ cpStart, cpEnd, fc, compressed });
  }
  /** The file position of a character position, and the one after a range's last character. */
  const fcOf = (cp: number) => {
    const piece = pieces.find((p) => cp >= p.cpStart && cp < p.cpEnd) ?? pieces[pieces.length - 1]!;
    return piece.fc + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
  };
  const fcAfter = (cp: number) => fcOf(cp - 1) + (pieces.find((p) => cp - 1 >= p.cpStart && cp - 1 < p.cpEnd)!.compressed ? 1 : 2);
  // Ranges that cross from one piece to another are split there, as Word's runs are.
  const byFile = <T extends { start: number; end: number }>(ranges: readonly T[]) =>
    ranges.flatMap((range) =>
      cuts
        .slice(1)
        .reduce<[number, number][]>(
          (parts, cut) => {
            const last = parts[parts.length - 1]!;
            if (cut > last[0] && cut < last[1]) parts.splice(-1, 1, [last[0], cut], [cut, last[1]]);
            return parts;
          },
          [[range.start, range.end]],
        )
        .filter(([s, e]) => e > s)
        .map(([s, e]) => ({ ...range, fcStart: fcOf(s), fcEnd: fcAfter(e) })),
    );

  // FKP pages: character runs (an offset byte each) and paragraph runs (13-byte BX each).
  const pad = () => {
    while (word.length % PAGE) word.push(0);
  };
  const pages = (entries: { fcStart: number; fcEnd: number; props: readonly number[] }[], paragraph: boolean) => {
    const pns: { pn: number; fc: number }[] = [];
    const perPage = paragraph ? 12 : 20;
    for (let first = 0; first < entries.length; first += perPage) {
      const chunk = entries.slice(first, first + perPage);
      pad();
      const page = new Array<number>(PAGE).fill(0);
      const crun = chunk.length;
      chunk.forEach((e, r) => page.splice(r * 4, 4, ...le32(e.fcStart)));
      page.splice(crun * 4, 4, ...le32(chunk[crun - 1]!.fcEnd));
      let free = 511;
      chunk.forEach((e, r) => {
        if (!e.props.length && !paragraph) return; // offset 0: no properties
        let stored: number[];
        if (paragraph) {
          const withIstd = [0, 0, ...e.props];
          // cb counts words: an odd size is written 2cb-1 after cb, an even one 2cb after a 0 byte.
          stored = withIstd.length % 2 ? [(withIstd.length + 1) / 2, ...withIstd] : [0, withIstd.length / 2, ...withIstd];
        } else stored = [e.props.length, ...e.props];
        free -= stored.length;
        free -= free % 2;
        if (free <= (crun + 1) * 4 + crun * (paragraph ? 13 : 1)) throw new Error('too many properties for one page');
        page.splice(free, stored.length, ...stored);
        page[(crun + 1) * 4 + r * (paragraph ? 13 : 1)] = free / 2;
      });
      page[511] = crun;
      pns.push({ pn: word.length / PAGE, fc: chunk[0]!.fcStart });
      word.push(...page);
    }
    return pns;
  };
  const chpxPages = pages(
    byFile(runs).map((r) => ({ fcStart: r.fcStart, fcEnd: r.fcEnd, props: r.chp })),
    false,
  );
  const papxPages = pages(
    byFile(paras).map((p) => ({ fcStart: p.fcStart, fcEnd: p.fcEnd, props: p.pap })),
    true,
  );

  // The table stream: the Clx, then the two page tables (PlcBteChpx, PlcBtePapx).
  const plcPcd = [
    ...pieces.flatMap((p) => le32(p.cpStart)),
    ...le32(pieces[pieces.length - 1]!.cpEnd),
    ...pieces.flatMap((p) => [0, 0, ...le32(p.compressed ? p.fc * 2 + 0x40000000 : p.fc), 0, 0]),
  ];
  const table: number[] = [...(options.prc ?? []), 0x02, ...le32(plcPcd.length), ...plcPcd];
  const clx = [0, table.length] as const;
  const plcBte = (pages: { pn: number; fc: number }[], lastFc: number) => {
    const list = options.pagesReversed ? [...pages].reverse() : pages;
    return [...list.flatMap((p) => le32(p.fc)), ...le32(lastFc), ...list.flatMap((p) => le32(p.pn))];
  };
  const lastFc = fcAfter(text.length);
  const chpx = [table.length, 0];
  table.push(...plcBte(chpxPages, lastFc));
  chpx[1] = table.length - chpx[0]!;
  const papx = [table.length, 0];
  table.push(...plcBte(papxPages, lastFc));
  papx[1] = table.length - papx[0]!;

  // The FIB: identifier, version, flags; 14 words, 22 longs (ccpText the fourth), then fc/lcb pairs.
  const set16 = (at: number, n: number) => word.splice(at, 2, ...le16(n));
  const set32 = (at: number, n: number) => word.splice(at, 4, ...le32(n));
  set16(0, options.ident ?? 0xa5ec);
  set16(2, options.nFib ?? 0xc1);
  set16(0x0a, options.flags ?? 0x0200);
  set16(32, 14);
  const lw = 34 + 14 * 2;
  set16(lw, 22);
  set32(lw + 2 + 3 * 4, options.ccpText ?? text.length);
  const pairs = lw + 2 + 22 * 4 + 2;
  set16(pairs - 2, 93);
  const pair = (index: number, [fc, lcb]: readonly number[]) => {
    set32(pairs + index * 8, fc!);
    set32(pairs + index * 8 + 4, lcb!);
  };
  pair(12, chpx);
  pair(13, papx);
  pair(33, clx);

  const streams = { word: Uint8Array.from(word), table: Uint8Array.from(table) };
  options.patch?.(streams);
  const container = CFB.utils.cfb_new();
  const files: Record<string, Uint8Array> = {
    WordDocument: streams.word,
    [(options.flags ?? 0x0200) & 0x0200 ? '1Table' : '0Table']: streams.table,
    ...(options.data ? { Data: options.data } : {}),
    ...options.extra,
  };
  for (const [name, content] of Object.entries(files))
    if (!options.without?.includes(name)) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(content));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}
