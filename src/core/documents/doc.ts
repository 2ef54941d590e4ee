// Word 97-2003 (.doc, [MS-DOC]): the compound file is opened with `cfb`; the text is the main
// document's pieces (the piece table in the Clx), and its shape comes from the paragraph and
// character properties Word stores by file position (the PAPX and CHPX pages): which paragraphs
// are table cells, which mark ends a row and the row's cell edges (sprmTDefTable), bold, strike
// and highlight, and the state of legacy checkboxes (FFData in the Data stream). The same
// document model as the .docx reader comes out. `word-extractor` showed the way for the pieces.
import * as CFB from 'cfb';
import { DocxError } from '../docx/errors';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import type { WordDocument } from '../docx/model';
import { DocumentBuilder } from './builder';
import { windows1252Code } from '../bytes';

const broken = () => new DocxError('corrupt-zip', 'The Word 97-2003 document is damaged or incomplete.');

class Bytes {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(at: number, n: number): void {
    if (at < 0 || at + n > this.bytes.length) throw broken();
  }
  u8(at: number): number {
    this.check(at, 1);
    return this.bytes[at]!;
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
}

/** A stream at the root of the compound file (an embedded document has streams of the same names deeper down). */
function stream(container: CFB.CFB$Container, name: string): Uint8Array | null {
  const index = container.FullPaths.indexOf(`${container.FullPaths[0] ?? ''}${name}`);
  const entry = index >= 0 ? container.FileIndex[index] : null;
  if (!entry?.content) return null;
  const content = entry.content;
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** The piece table: where each run of character positions is stored in the WordDocument stream. */
function readPieces(table: Bytes, fcClx: number, lcbClx: number): Piece[] {
  let at = fcClx;
  const end = fcClx + lcbClx;
  table.check(fcClx, lcbClx);
  while (at < end) {
    const clxt = table.u8(at);
    if (clxt === 1) {
      // A Prc: property modifiers of pieces, not needed for text. A negative size would walk back for ever.
      const size = table.i16(at + 1);
      if (size < 0) throw broken();
      at += 3 + size;
      continue;
    }
    if (clxt !== 2) throw broken();
    const lcb = table.u32(at + 1);
    const start = at + 5;
    table.check(start, lcb);
    const n = Math.floor((lcb - 4) / 12);
    const pieces: Piece[] = [];
    for (let i = 0; i < n; i++) {
      const cpStart = table.u32(start + i * 4);
      const cpEnd = table.u32(start + (i + 1) * 4);
      const pcd = start + (n + 1) * 4 + i * 8;
      const raw = table.u32(pcd + 2);
      const compressed = (raw & 0x40000000) !== 0;
      const fc = raw & 0x3fffffff;
      if (cpEnd > cpStart) pieces.push({ cpStart, cpEnd, fc: compressed ? fc / 2 : fc, compressed });
    }
    return pieces;
  }
  throw broken();
}

interface Run {
  fcStart: number;
  fcEnd: number;
  grpprl: Uint8Array;
}

/** The runs of an FKP page table (PlcBtePapx or PlcBteChpx): file ranges and their properties. */
function readRuns(doc: Bytes, table: Bytes, fc: number, lcb: number, paragraph: boolean, limits: DocxLimits): Run[] {
  if (!lcb) return [];
  table.check(fc, lcb);
  const n = Math.floor((lcb - 4) / 8);
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.u32(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    doc.check(page, 512);
    const crun = doc.u8(page + 511);
    for (let r = 0; r < crun; r++) {
      const fcStart = doc.u32(page + r * 4);
      const fcEnd = doc.u32(page + (r + 1) * 4);
      let grpprl: Uint8Array = new Uint8Array(0);
      if (paragraph) {
        const offset = doc.u8(page + (crun + 1) * 4 + r * 13) * 2;
        if (offset) {
          let cb = doc.u8(page + offset);
          let start = page + offset + 1;
          let size = 2 * cb - 1;
          if (cb === 0) {
            cb = doc.u8(start);
            start += 1;
            size = 2 * cb;
          }
          if (size >= 2 && start + size <= page + 512) grpprl = doc.bytes.subarray(start + 2, start + size); // after the istd
        }
      } else {
        const offset = doc.u8(page + (crun + 1) * 4 + r) * 2;
        if (offset) {
          const cb = doc.u8(page + offset);
          if (page + offset + 1 + cb <= page + 512) grpprl = doc.bytes.subarray(page + offset + 1, page + offset + 1 + cb);
        }
      }
      runs.push({ fcStart, fcEnd, grpprl });
      if (runs.length > limits.tableCells * 4)
        throw new DocxError('table-too-large', 'The document has more formatting runs than a form can have.');
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function findRun(runs: readonly Run[], fc: number): Run | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** Each property (sprm) of a grpprl with its operand. */
function eachSprm(grpprl: Uint8Array, visit: (sprm: number, operand: Uint8Array) => void): void {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl[at]! | (grpprl[at + 1]! << 8);
    at += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (sprm === 0xd608 || sprm === 0xc615) {
          // sprmTDefTable (and sprmPChgTabs) count their size in two bytes
          if (at + 2 > grpprl.length) return;
          size = (grpprl[at]! | (grpprl[at + 1]! << 8)) + 1;
        } else {
          if (at >= grpprl.length) return;
          size = grpprl[at]! + 1;
        }
    }
    if (at + size > grpprl.length) return;
    visit(sprm, grpprl.subarray(at, at + size));
    at += size;
  }
}

interface ParagraphProps {
  inTable: boolean;
  ttp: boolean;
  itap: number;
  innerCell: boolean;
  innerTtp: boolean;
  row?: { left: number; cells: { right: number; vMerge?: 'restart' | 'continue' }[] };
}

function paragraphProps(grpprl: Uint8Array | undefined): ParagraphProps {
  const p: ParagraphProps = { inTable: false, ttp: false, itap: 0, innerCell: false, innerTtp: false };
  if (!grpprl) return p;
  eachSprm(grpprl, (sprm, op) => {
    const v = new DataView(op.buffer, op.byteOffset, op.byteLength);
    if (sprm === 0x2416) p.inTable = op[0] !== 0;
    else if (sprm === 0x2417) p.ttp = op[0] !== 0;
    else if (sprm === 0x6649) p.itap = v.getInt32(0, true);
    else if (sprm === 0x244b) p.innerCell = op[0] !== 0;
    else if (sprm === 0x244c) p.innerTtp = op[0] !== 0;
    else if (sprm === 0xd608 && op.length >= 3) {
      // TDefTableOperand: cb (2), itcMac (1), rgdxaCenter (itcMac+1 × 2), rgTc80 (itcMac × 20)
      const count = op[2]!;
      if (3 + (count + 1) * 2 > op.length) return;
      const edges = Array.from({ length: count + 1 }, (_, i) => v.getInt16(3 + i * 2, true));
      const tcs = 3 + (count + 1) * 2;
      const cells = edges.slice(1).map((right, i) => {
        const at = tcs + i * 20;
        const flags = at + 2 <= op.length ? v.getUint16(at, true) : 0;
        const vMerge = flags & 0x20 ? (flags & 0x40 ? ('restart' as const) : ('continue' as const)) : undefined;
        return vMerge ? { right, vMerge } : { right };
      });
      p.row = { left: edges[0]!, cells };
    }
  });
  if (p.inTable && p.itap === 0) p.itap = 1;
  return p;
}

interface CharProps {
  bold: boolean;
  strike: boolean;
  highlight: boolean;
  /** sprmCPicLocation: where a form field's data (FFData) is in the Data stream. */
  picLocation?: number;
}

function charProps(grpprl: Uint8Array | undefined): CharProps {
  const c: CharProps = { bold: false, strike: false, highlight: false };
  if (!grpprl) return c;
  eachSprm(grpprl, (sprm, op) => {
    if (sprm === 0x0835) c.bold = op[0] === 1 || op[0] === 0x81;
    else if (sprm === 0x0837 || sprm === 0x2a53) c.strike = op[0] === 1 || op[0] === 0x81;
    else if (sprm === 0x2a0c) c.highlight = op[0] !== 0;
    else if (sprm === 0x6a03 && op.length >= 4) c.picLocation = new DataView(op.buffer, op.byteOffset, 4).getUint32(0, true);
  });
  return c;
}

/** A legacy checkbox's state from its FFData (PICFAND header, then [MS-DOC] 2.9.75 FFData). */
function checkboxState(data: Bytes | null, at: number | undefined): boolean | undefined {
  if (!data || at === undefined) return undefined;
  try {
    const header = data.u16(at + 4);
    const ff = at + header;
    if (data.u32(ff) !== 0xffffffff) return undefined;
    const bits = data.u16(ff + 4);
    if ((bits & 0x3) !== 1) return undefined;
    const result = (bits >> 2) & 0x1f;
    if (result === 0 || result === 1) return result === 1;
    // 25: no result of its own, the default (wDef) stands; it follows the name (an Xstz).
    const nameLength = data.u16(ff + 10);
    return data.u16(ff + 10 + 2 + nameLength * 2 + 2) === 1;
  } catch {
    return undefined;
  }
}

export function readDoc(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): WordDocument {
  if (bytes.length > limits.attachmentBytes)
    throw new DocxError('attachment-too-large', `The attachment is larger than ${Math.round(limits.attachmentBytes / 1048576)} MB.`);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw broken();
  }
  if (CFB.find(container, 'EncryptedPackage'))
    throw new DocxError('encrypted-document', 'The document is password-protected; ask the school to send it without a password.');
  const wordStream = stream(container, 'WordDocument');
  if (!wordStream) throw new DocxError('not-a-word-document', 'The file is an Office compound file but not a Word document.');
  const doc = new Bytes(wordStream);
  if (doc.u16(0) === 0xa5dc)
    throw new DocxError(
      'legacy-word-document',
      'The document is in a Word format older than Word 97 (Word 6 or 95); ask the school to save it as .docx.',
    );
  if (doc.u16(0) !== 0xa5ec) throw broken();
  const nFib = doc.u16(2);
  if (nFib < 0xc1)
    throw new DocxError(
      'legacy-word-document',
      'The document is in a Word format older than Word 97 (Word 6 or 95); ask the school to save it as .docx.',
    );
  const flags = doc.u16(0x0a);
  if (flags & 0x0100)
    throw new DocxError('encrypted-document', 'The document is password-protected; ask the school to send it without a password.');
  const tableStream = stream(container, flags & 0x0200 ? '1Table' : '0Table');
  if (!tableStream) throw broken();
  const table = new Bytes(tableStream);
  const dataStream = stream(container, 'Data');
  const data = dataStream ? new Bytes(dataStream) : null;

  // The FIB: counts of words and longs before the pairs of offsets and sizes (FibRgFcLcb).
  const csw = doc.u16(32);
  const lw = 34 + csw * 2;
  const cslw = doc.u16(lw);
  const ccpText = doc.u32(lw + 2 + 3 * 4);
  const pairs = lw + 2 + cslw * 4 + 2;
  const pair = (index: number) => [doc.u32(pairs + index * 8), doc.u32(pairs + index * 8 + 4)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcChpx, lcbChpx] = pair(12);
  const [fcPapx, lcbPapx] = pair(13);

  const pieces = readPieces(table, fcClx, lcbClx);
  const papx = readRuns(doc, table, fcPapx, lcbPapx, true, limits);
  const chpx = readRuns(doc, table, fcChpx, lcbChpx, false, limits);

  const builder = new DocumentBuilder(limits);
  const cellOpen: boolean[] = [];
  const ensureDepth = (depth: number, openCell = true) => {
    while (builder.tableDepth > depth) {
      cellOpen.pop();
      builder.endTable();
    }
    while (builder.tableDepth < depth) {
      // A table nested at the start of a cell: the cell it stands in opens first.
      const outer = builder.tableDepth;
      if (outer && !cellOpen[outer - 1]) {
        builder.startCell();
        cellOpen[outer - 1] = true;
      }
      builder.startTable();
      cellOpen.push(false);
    }
    if (openCell && depth && !cellOpen[depth - 1]) {
      builder.startCell();
      cellOpen[depth - 1] = true;
    }
  };

  // Fields: 0x13 begin, 0x14 separator (the result follows), 0x15 end.
  const fields: { instruction: string; inResult: boolean; picLocation?: number; link?: string }[] = [];
  let pending = '';
  let style = { bold: false, strike: false, highlight: false };
  const flushText = () => {
    if (!pending) return;
    const link = [...fields].reverse().find((f) => f.link)?.link;
    builder.text(pending, { ...style, ...(link ? { link } : {}) });
    pending = '';
  };

  let cpDone = 0;
  for (const piece of pieces) {
    if (piece.cpStart >= ccpText) break;
    const cpEnd = Math.min(piece.cpEnd, ccpText);
    const width = piece.compressed ? 1 : 2;
    doc.check(piece.fc, (cpEnd - piece.cpStart) * width);
    for (let cp = piece.cpStart; cp < cpEnd; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * width;
      const code = piece.compressed ? doc.bytes[fc]! : doc.u16(fc);
      // An 8-bit piece is Windows-1252 ([MS-DOC] 2.4.1).
      const ch = String.fromCharCode(piece.compressed ? windows1252Code(code) : code);
      cpDone++;
      // Character properties: looked up once per run (the run holding this position).
      const run = findRun(chpx, fc);
      const props = charProps(run?.grpprl);
      if (props.bold !== style.bold || props.strike !== style.strike || props.highlight !== style.highlight) {
        flushText();
        style = { bold: props.bold, strike: props.strike, highlight: props.highlight };
      }
      const field = fields[fields.length - 1];
      if (code === 0x13) {
        flushText();
        fields.push({ instruction: '', inResult: false });
        if (fields.length > 64) throw broken();
        continue;
      }
      if (code === 0x14 && field) {
        field.inResult = true;
        const link = field.instruction.match(/HYPERLINK\s+"([^"]*)"/)?.[1];
        if (link) field.link = link;
        continue;
      }
      if (code === 0x15 && field) {
        flushText();
        fields.pop();
        if (/^\s*FORMCHECKBOX\b/.test(field.instruction)) {
          const checked = checkboxState(data, field.picLocation);
          paragraphDepth(fc);
          builder.checkbox(checked ?? false);
        }
        continue;
      }
      if (field && !field.inResult) {
        if (props.picLocation !== undefined) field.picLocation = props.picLocation;
        if (field.instruction.length < 2000) field.instruction += ch;
        continue;
      }
      if (code === 0x0d || code === 0x07 || code === 0x0c) {
        flushText();
        const p = paragraphProps(findRun(papx, fc)?.grpprl);
        endParagraph(p, code);
        continue;
      }
      if (pending === '') paragraphDepth(fc);
      if (code === 0x0b) pending += '\n';
      else if (code === 0x1e) pending += '-';
      else if (code === 0x09) pending += '\t';
      else if (code === 0xa0) pending += '\u00a0';
      else if (code < 0x20 || code === 0x1f)
        continue; // pictures, anchors, note marks: no text
      else pending += ch;
    }
  }
  flushText();
  if (cpDone === 0 && ccpText > 0) throw broken();
  while (builder.tableDepth) builder.endTable();
  return builder.finish();

  /** Opens the tables the paragraph at this file position stands in, before its first text. */
  function paragraphDepth(fc: number): void {
    // The paragraph's properties are those of its mark, the first paragraph run ending after here.
    const p = paragraphProps(findRun(papx, fc)?.grpprl);
    ensureDepth(p.itap, !(p.ttp || p.innerTtp));
  }

  function endParagraph(p: ParagraphProps, code: number): void {
    if (p.ttp || p.innerTtp) {
      // The row-end mark: its paragraph carries the row's definition (cell edges, merges).
      ensureDepth(p.itap, false);
      if (p.row) builder.defineRow(p.row.left, p.row.cells);
      builder.endRow();
      if (p.itap) cellOpen[p.itap - 1] = false;
      return;
    }
    ensureDepth(p.itap);
    const endsCell = p.itap > 0 && ((p.itap === 1 && code === 0x07) || (p.itap > 1 && p.innerCell));
    if (endsCell) {
      builder.endParagraph();
      builder.endCell();
      cellOpen[p.itap - 1] = false;
    } else builder.endParagraph();
  }
}
