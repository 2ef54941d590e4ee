// PDF, as Word's and LibreOffice's "Save as PDF" make it: pdfjs-dist gives the text with its
// positions and the drawing operators; tables are rebuilt from the ruled lines and the cell
// shading (a grid of lines, cells merged where a line is missing), text is placed in the cell that
// holds it, and lines are joined back into paragraphs by their spacing. Legacy checkboxes come out
// of Word and LibreOffice as drawn boxes (a small square, crossed when ticked): read as checkboxes.
// AcroForm field values are placed where their widgets are. A PDF with no text is a scan.
// What geometry cannot recover is said in test/core/documents/formats.test.ts.
import { DocxError } from '../docx/errors';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import type { WordDocument } from '../docx/model';
import { DocumentBuilder } from './builder';
import { DocumentError } from './errors';

/** Pages read at most: application forms are a few pages; a long PDF is a brochure. */
const MAX_PAGES = 30;

interface Item {
  x: number;
  /** Baseline. */
  y: number;
  right: number;
  size: number;
  text: string;
  bold: boolean;
  link?: string;
  checkbox?: boolean;
}

interface HSeg {
  y: number;
  x1: number;
  x2: number;
}
interface VSeg {
  x: number;
  y1: number;
  y2: number;
}
interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | null = null;

/** pdfjs, loaded the first time a PDF arrives; it runs in this thread (we are a worker or the CLI already). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // The worker module has no types: it is only handed to pdfjs.
    const [lib, worker] = await Promise.all([
      import(/* webpackChunkName: "reader-pdf" */ 'pdfjs-dist/legacy/build/pdf.mjs'),
      import(/* webpackChunkName: "reader-pdf-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.mjs') as Promise<unknown>,
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  })();
  return loaded;
}

export async function readPdf(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<WordDocument> {
  if (bytes.length > limits.attachmentBytes)
    throw new DocxError('attachment-too-large', `The attachment is larger than ${Math.round(limits.attachmentBytes / 1048576)} MB.`);
  const lib = await pdfjs();
  let pdf: Awaited<ReturnType<typeof lib.getDocument>['promise']>;
  try {
    pdf = await lib.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
    }).promise;
  } catch (e) {
    if (e instanceof Error && e.name === 'PasswordException')
      throw new DocxError('encrypted-document', 'The PDF is password-protected; ask the school for the Word form.');
    throw new DocxError('corrupt-zip', 'The PDF is damaged or incomplete.');
  }
  try {
    const builder = new DocumentBuilder(limits);
    let characters = 0;
    let images = 0;
    let previous: PageEnd | null = null;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
      const page = await pdf.getPage(n);
      const operators = await page.getOperatorList();
      const content = await page.getTextContent();
      const annotations = await page.getAnnotations({ intent: 'display' });
      const drawing = readDrawing(lib, operators);
      images += drawing.images;
      const items = textItems(page, content.items, annotations, drawing.checkboxes);
      characters += items.reduce((sum, i) => sum + i.text.trim().length, 0);
      previous = layoutPage(builder, items, drawing, previous);
      page.cleanup();
    }
    if (characters === 0) {
      throw new DocumentError(
        'scanned-pdf',
        images
          ? 'This PDF is a scan (pictures of the pages, no text): it cannot be read; ask the school for the Word form.'
          : 'This PDF has no text: it cannot be read; ask the school for the Word form.',
      );
    }
    settle(builder, previous);
    return builder.finish();
  } finally {
    await pdf.destroy();
  }
}

type TextContentItem = { str: string; transform: number[]; width: number; height: number; fontName: string } | { type: string };

function textItems(
  page: { commonObjs: { has(name: string): boolean; get(name: string): unknown } },
  raw: readonly TextContentItem[],
  annotations: readonly Record<string, unknown>[],
  checkboxes: readonly { box: Box; checked: boolean }[],
): Item[] {
  const bold = new Map<string, boolean>();
  const isBold = (fontName: string) => {
    let b = bold.get(fontName);
    if (b === undefined) {
      let font: { name?: string; bold?: boolean } | undefined;
      try {
        font = page.commonObjs.has(fontName) ? (page.commonObjs.get(fontName) as { name?: string; bold?: boolean }) : undefined;
      } catch {
        font = undefined;
      }
      b = !!font && (font.bold === true || /bold|black|heavy|semibold|demi/i.test(font.name ?? ''));
      bold.set(fontName, b);
    }
    return b;
  };
  const links = annotations
    .filter((a) => a.subtype === 'Link' && typeof a.url === 'string' && Array.isArray(a.rect))
    .map((a) => ({ rect: a.rect as number[], url: a.url as string }));
  const items: Item[] = [];
  for (const entry of raw) {
    // Whitespace on its own is pdf.js's mark of a gap, and spans it: to the next cell's text, past
    // this cell's border. The gaps are measured between the words instead (emitLine).
    if (!('str' in entry) || !entry.str.trim()) continue;
    const [a, b, , d, x, y] = entry.transform as [number, number, number, number, number, number];
    if (Math.abs(b) > 0.01) continue; // rotated text (a watermark, a margin note) is not the form
    const size = Math.abs(d) || Math.abs(a) || entry.height || 10;
    const item: Item = { x, y, right: x + entry.width, size, text: entry.str, bold: isBold(entry.fontName) };
    const link = links.find(
      (l) =>
        x + entry.width / 2 >= l.rect[0]! && x + entry.width / 2 <= l.rect[2]! && y + size / 3 >= l.rect[1]! && y + size / 3 <= l.rect[3]!,
    );
    if (link) item.link = link.url;
    items.push(item);
  }
  // AcroForm fields: their values stand where their widgets are.
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || !Array.isArray(a.rect)) continue;
    const [x1, y1, x2, y2] = a.rect as [number, number, number, number];
    const size = Math.min(11, Math.max(6, (y2 - y1) * 0.7));
    if (a.checkBox || a.radioButton) {
      const on =
        a.fieldValue !== undefined &&
        a.fieldValue !== null &&
        a.fieldValue !== 'Off' &&
        (a.radioButton ? a.fieldValue === a.buttonValue : true);
      items.push({ x: x1, y: y1 + 1, right: x2, size, text: '', bold: false, checkbox: on });
    } else if (typeof a.fieldValue === 'string' && a.fieldValue.trim()) {
      items.push({ x: x1 + 1, y: y1 + (y2 - y1 - size) / 2 + 1, right: x2, size, text: a.fieldValue, bold: false });
    } else if (Array.isArray(a.fieldValue) && a.fieldValue.length) {
      items.push({ x: x1 + 1, y: y1 + 2, right: x2, size, text: a.fieldValue.join(', '), bold: false });
    }
  }
  for (const { box, checked } of checkboxes) {
    items.push({ x: box.x1, y: box.y1 + 1, right: box.x2, size: box.y2 - box.y1, text: '', bold: false, checkbox: checked });
  }
  return items;
}

// ----------------------------------------------------------------------------------------------
// The drawing: ruled lines, shaded cells, checkboxes.

interface Drawing {
  h: HSeg[];
  v: VSeg[];
  checkboxes: { box: Box; checked: boolean }[];
  images: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function readDrawing(lib: PdfJs, list: { fnArray: number[]; argsArray: unknown[] }): Drawing {
  const { OPS } = lib;
  const squares: Box[] = [];
  const diagonals: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const count = Math.min(list.fnArray.length, 200_000);
  for (let k = 0; k < count; k++) {
    const fn = list.fnArray[k];
    const args = list.argsArray[k] as unknown[] | null;
    if (fn === OPS.save) {
      if (stack.length < 100) stack.push(ctm);
    } else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath && args) {
      const paths = args[1] as ArrayLike<number>[] | ArrayLike<number> | undefined;
      const data = Array.isArray(paths) ? paths[0] : paths;
      if (data) readPath(data, ctm, { squares, diagonals, h, v });
    }
  }
  // A small square is a checkbox (its edges are no table lines); crossed when diagonals lie inside it.
  const checkboxes = squares.map((box) => ({
    box,
    checked: diagonals.some(
      (d) =>
        Math.min(d.x1, d.x2) >= box.x1 - 1 &&
        Math.max(d.x1, d.x2) <= box.x2 + 1 &&
        Math.min(d.y1, d.y2) >= box.y1 - 1 &&
        Math.max(d.y1, d.y2) <= box.y2 + 1,
    ),
  }));
  return { h, v, checkboxes: dedupeBoxes(checkboxes), images };
}

function dedupeBoxes(boxes: { box: Box; checked: boolean }[]) {
  const out: { box: Box; checked: boolean }[] = [];
  for (const b of boxes) {
    const same = out.find((o) => Math.abs(o.box.x1 - b.box.x1) < 1 && Math.abs(o.box.y1 - b.box.y1) < 1);
    if (same) same.checked ||= b.checked;
    else out.push(b);
  }
  return out;
}

function readPath(
  data: ArrayLike<number>,
  ctm: Matrix,
  into: { squares: Box[]; diagonals: { x1: number; y1: number; x2: number; y2: number }[]; h: HSeg[]; v: VSeg[] },
): void {
  // DrawOPS: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6 numbers, 3 closePath.
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length && i < 100_000;) {
    const op = data[i]!;
    if (op === 0) {
      if (current.length) subpaths.push(current);
      current = [apply(ctm, data[i + 1]!, data[i + 2]!)];
      i += 3;
    } else if (op === 1) {
      current.push(apply(ctm, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 2) {
      current.push(apply(ctm, data[i + 5]!, data[i + 6]!));
      i += 7;
    } else if (op === 3) {
      if (current.length) current.push(current[0]!);
      i += 1;
    } else break;
  }
  if (current.length) subpaths.push(current);
  for (const points of subpaths) {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const box = { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
    const w = box.x2 - box.x1;
    const hgt = box.y2 - box.y1;
    if (points.length >= 4 && w >= 5 && w <= 16 && Math.abs(w - hgt) < 1.5) {
      into.squares.push(box);
      continue;
    }
    if (w > 500 && hgt > 700) continue; // the page's own background
    for (let p = 1; p < points.length; p++) {
      const [x1, y1] = points[p - 1]!;
      const [x2, y2] = points[p]!;
      if (Math.abs(y1 - y2) < 0.8 && Math.abs(x2 - x1) >= 2) into.h.push({ y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
      else if (Math.abs(x1 - x2) < 0.8 && Math.abs(y2 - y1) >= 2)
        into.v.push({ x: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
      else if (Math.abs(x1 - x2) >= 2 && Math.abs(y1 - y2) >= 2) into.diagonals.push({ x1, y1, x2, y2 });
    }
    // A thin filled rectangle is a ruled line too (Word draws borders so).
    if (points.length >= 4 && hgt < 2 && w >= 2) into.h.push({ y: (box.y1 + box.y2) / 2, x1: box.x1, x2: box.x2 });
    else if (points.length >= 4 && w < 2 && hgt >= 2) into.v.push({ x: (box.x1 + box.x2) / 2, y1: box.y1, y2: box.y2 });
  }
}

// ----------------------------------------------------------------------------------------------
// Tables from the lines.

const SNAP = 2;
/** The builder's grid works in twips (1/20 pt), as Word's own edges. */
const TWIPS = 20;
/** Room Word and LibreOffice leave between a cell's text and its right border (0.19 cm). */
const CELL_PADDING = 5.4;

/** In an ascending array: how many values are at most v. */
function upperIndex(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In a descending array: how many values are at least v. */
function lowerIndex(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! >= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cluster(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values.sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > SNAP) out.push(v);
  return out;
}

interface GridTable {
  /** Column lines, left to right; row lines, top to bottom (PDF y grows upwards). */
  xs: number[];
  ys: number[];
  /** Merged cells: grid rectangles [r0, c0, r1, c1] inclusive. */
  cells: { r0: number; c0: number; r1: number; c1: number }[];
  /** The merged cell holding grid cell (column, row). */
  cellAt: (column: number, row: number) => { r0: number; c0: number; r1: number; c1: number } | undefined;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Groups lines that touch into tables, each with its grid and its merged cells. */
function findTables(h: readonly HSeg[], v: readonly VSeg[]): GridTable[] {
  const n = h.length + v.length;
  if (n > 20_000) return [];
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const touches = (a: HSeg, b: VSeg) => b.x >= a.x1 - SNAP && b.x <= a.x2 + SNAP && a.y >= b.y1 - SNAP && a.y <= b.y2 + SNAP;
  // Sort the vertical lines by x so that each horizontal line meets only those within its span.
  const vs = v.map((seg, i) => ({ seg, i })).sort((a, b) => a.seg.x - b.seg.x);
  h.forEach((a, i) => {
    let lo = 0;
    let hi = vs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vs[mid]!.seg.x < a.x1 - SNAP) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < vs.length && vs[k]!.seg.x <= a.x2 + SNAP; k++) {
      if (touches(a, vs[k]!.seg)) parent[find(i)] = find(h.length + vs[k]!.i);
    }
  });
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  h.forEach((s, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(s);
    groups.set(find(i), g);
  });
  v.forEach((s, i) => {
    const g = groups.get(find(h.length + i)) ?? { h: [], v: [] };
    g.v.push(s);
    groups.set(find(h.length + i), g);
  });
  const tables: GridTable[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = cluster(g.v.map((s) => s.x));
    const ys = cluster(g.h.map((s) => s.y)).reverse();
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) > 20_000) continue;
    // The lines at each grid line, so that a wall is looked for only among its own lines.
    const vAt = xs.map(() => [] as VSeg[]);
    for (const seg of g.v) vAt[Math.max(0, upperIndex(xs, seg.x) - 1)]!.push(seg);
    const hAt = ys.map(() => [] as HSeg[]);
    for (const seg of g.h) hAt[Math.min(ys.length - 1, lowerIndex(ys, seg.y + 1e-6))]!.push(seg);
    const wall = (c: number, top: number, bottom: number) => vAt[c]!.some((l) => l.y1 <= bottom + SNAP && l.y2 >= top - SNAP);
    const floor = (r: number, left: number, right: number) => hAt[r]!.some((l) => l.x1 <= left + SNAP && l.x2 >= right - SNAP);
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // Union grid cells with no line between them.
    const cellParent = Array.from({ length: rows * cols }, (_, i) => i);
    const cfind = (i: number): number => {
      while (cellParent[i] !== i) i = cellParent[i] = cellParent[cellParent[i]!]!;
      return i;
    };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        // right wall: x = xs[c+1], between ys[r] (top) and ys[r+1]
        if (c + 1 < cols && !wall(c + 1, ys[r]!, ys[r + 1]!)) cellParent[cfind(r * cols + c + 1)] = cfind(r * cols + c);
        if (r + 1 < rows && !floor(r + 1, xs[c]!, xs[c + 1]!)) cellParent[cfind((r + 1) * cols + c)] = cfind(r * cols + c);
      }
    }
    const rects = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const root = cfind(r * cols + c);
        const rect = rects.get(root);
        if (!rect) rects.set(root, { r0: r, c0: c, r1: r, c1: c });
        else {
          rect.r0 = Math.min(rect.r0, r);
          rect.c0 = Math.min(rect.c0, c);
          rect.r1 = Math.max(rect.r1, r);
          rect.c1 = Math.max(rect.c1, c);
        }
      }
    }
    const cellAt = (c: number, r: number) => (r < rows && c < cols ? rects.get(cfind(r * cols + c)) : undefined);
    tables.push({
      xs,
      ys,
      cells: [...rects.values()],
      cellAt,
      top: ys[0]!,
      bottom: ys[ys.length - 1]!,
      left: xs[0]!,
      right: xs[xs.length - 1]!,
    });
  }
  return tables;
}

// ----------------------------------------------------------------------------------------------
// Lines and paragraphs.

interface Line {
  y: number;
  items: Item[];
  left: number;
  right: number;
  size: number;
}

function toLines(items: readonly Item[]): Line[] {
  // Top to bottom; an item joins the line being built when its baseline is close enough (one pass).
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    const line = last && Math.abs(last.y - item.y) <= Math.max(2, Math.min(last.size, item.size) * 0.45) ? last : undefined;
    if (line) {
      line.items.push(item);
      line.left = Math.min(line.left, item.x);
      line.right = Math.max(line.right, item.right);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, items: [item], left: item.x, right: item.right, size: item.size });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

function emitLine(builder: DocumentBuilder, line: Line): void {
  let last: Item | null = null;
  for (const item of line.items) {
    if (last) {
      const gap = item.x - last.right;
      const ends = /\s$/.test(last.text) || /^\s/.test(item.text);
      if (gap > Math.min(item.size, last.size) * 0.25 && !ends)
        builder.text(gap > item.size * 1.5 && !last.checkbox ? '\t' : ' ', { bold: last.bold });
    }
    if (item.checkbox !== undefined) builder.checkbox(item.checkbox);
    else builder.text(item.text, { bold: item.bold, ...(item.link ? { link: item.link } : {}) });
    last = item;
  }
}

/** The width of the first word of a line, from its first item's width shared out by characters. */
function firstWordWidth(line: Line): number {
  const first = line.items[0]!;
  if (first.checkbox !== undefined) return first.right - first.x;
  const text = first.text.trimStart();
  const word = text.match(/^\S+/)?.[0] ?? text;
  return text.length ? ((first.right - first.x) * word.length) / text.length : 0;
}

/** Whether the writer wrapped the line above into this one: its first word would not have fitted. */
function wrappedInto(above: Line, below: Line, right: number): boolean {
  // The first word's width is estimated from its share of characters: a character's width of slack.
  return above.right + above.size * 0.25 + firstWordWidth(below) > right - above.size;
}

const lineText = (line: Line) => line.items.map((i) => i.text).join('');

/**
 * Paragraphs from lines: a line continues the one above when it follows at line spacing and its
 * first word would not have fitted at the end of the line above (so the writer wrapped it there).
 */
function emitParagraphs(builder: DocumentBuilder, lines: readonly Line[], right: number): void {
  let previous: Line | null = null;
  for (const line of lines) {
    if (previous) {
      const gap = previous.y - line.y;
      if (gap <= previous.size * 1.5 && wrappedInto(previous, line, right)) {
        // A word too long for its line (an email address in a narrow cell) is broken where the line
        // ends, and a hyphenated word after its hyphen: joined again without a space.
        const text = lineText(previous);
        const brokenWord = /^\s*\S+$/.test(text) && (previous.right >= right - previous.size * 0.6 || /@|\.\w/.test(text));
        if (!brokenWord && !/\S-$/.test(text)) builder.text(' ', {});
      } else builder.endParagraph();
    }
    emitLine(builder, line);
    previous = line;
  }
  if (previous) builder.endParagraph();
}

/** A table row, kept as lines per cell until it is known whether the next page carries it on. */
interface CellModel {
  right: number;
  vMerge?: 'restart' | 'continue';
  /** Null for a cell continuing a vertical merge (its text is in the cell where the merge starts). */
  lines: Line[] | null;
}
interface RowModel {
  left: number;
  cells: CellModel[];
}
/** Where a page left off: the table it ended with (its columns) and that table's last row. */
export interface PageEnd {
  xs: number[];
  pending: RowModel | null;
}

function emitRow(builder: DocumentBuilder, row: RowModel): void {
  builder.startRow(row.left * TWIPS);
  for (const cell of row.cells) {
    builder.startCell({ right: cell.right * TWIPS, ...(cell.vMerge ? { vMerge: cell.vMerge } : {}) });
    if (cell.lines) emitParagraphs(builder, cell.lines, cell.right - CELL_PADDING);
    builder.endCell();
  }
  builder.endRow();
}

/** Emits the row a page ended with and closes the table. */
export function settle(builder: DocumentBuilder, end: PageEnd | null): void {
  if (end?.pending) emitRow(builder, end.pending);
  while (builder.tableDepth) builder.endTable();
}

/** One row split by a page break (same cells, a line wrapped across the break), or null. */
function carriedOn(before: RowModel, after: RowModel): RowModel | null {
  if (before.cells.length !== after.cells.length || before.cells.some((c, i) => Math.abs(c.right - after.cells[i]!.right) > SNAP * 2))
    return null;
  const wraps = before.cells.some((c, i) => {
    const next = after.cells[i]!.lines;
    const last = c.lines?.[c.lines.length - 1];
    return !!last && !!next?.length && wrappedInto(last, next[0]!, c.right - CELL_PADDING);
  });
  if (!wraps) return null;
  return {
    left: before.left,
    cells: before.cells.map((c, i) => {
      const next = after.cells[i]!.lines;
      if (!c.lines || !next?.length) return { ...c, lines: c.lines ?? next };
      const last = c.lines[c.lines.length - 1]!;
      // The lines after the break follow on at line spacing below the last line before it.
      const shift = last.y - last.size * 1.2 - next[0]!.y;
      return { ...c, lines: [...c.lines, ...next.map((l) => ({ ...l, y: l.y + shift }))] };
    }),
  };
}

function layoutPage(builder: DocumentBuilder, items: readonly Item[], drawing: Drawing, previous: PageEnd | null): PageEnd | null {
  const tables = findTables(drawing.h, drawing.v).sort((a, b) => b.top - a.top);
  const inTable = (item: Item, t: GridTable) => {
    const cx = (item.x + item.right) / 2;
    const cy = item.y + item.size * 0.3;
    return cx >= t.left && cx <= t.right && cy <= t.top && cy >= t.bottom;
  };
  const outside: Item[] = [];
  const byTable = new Map<GridTable, Item[]>();
  for (const item of items) {
    const table = tables.find((t) => inTable(item, t));
    if (!table) outside.push(item);
    else if (byTable.has(table)) byTable.get(table)!.push(item);
    else byTable.set(table, [item]);
  }
  // Blocks in reading order, top to bottom: runs of lines between the tables.
  type Entry = { top: number; table?: GridTable; line?: Line };
  const textRight = items.reduce((max, i) => Math.max(max, i.right), 0);
  const entries: Entry[] = [
    ...tables.filter((t) => byTable.has(t) || t.cells.length > 1).map((t) => ({ top: t.top, table: t })),
    ...toLines(outside).map((line) => ({ top: line.y, line })),
  ].sort((a, b) => b.top - a.top);
  let last = previous;
  let run: Line[] = [];
  const flush = () => {
    if (!run.length) return;
    settle(builder, last);
    emitParagraphs(builder, run, textRight);
    run = [];
    last = null;
  };
  for (const entry of entries) {
    if (entry.line) {
      run.push(entry.line);
      continue;
    }
    flush();
    const table = entry.table!;
    const rows = tableRows(table, byTable.get(table) ?? []);
    if (!rows.length) continue;
    // A table that carries on from the previous page (same columns, nothing between): the same table.
    const continues =
      last !== null && last.xs.length === table.xs.length && last.xs.every((x, i) => Math.abs(x - table.xs[i]!) <= SNAP * 2);
    if (continues && last!.pending) {
      const joined = carriedOn(last!.pending, rows[0]!);
      if (joined) rows[0] = joined;
      else emitRow(builder, last!.pending);
    } else {
      settle(builder, last);
      builder.startTable();
    }
    for (const row of rows.slice(0, -1)) emitRow(builder, row);
    last = { xs: table.xs, pending: rows[rows.length - 1]! };
  }
  flush();
  return last;
}

function tableRows(table: GridTable, items: readonly Item[]): RowModel[] {
  const { xs, ys } = table;
  const rows = ys.length - 1;
  const contents = new Map<(typeof table.cells)[number], Item[]>();
  for (const item of items) {
    const cx = (item.x + item.right) / 2;
    const cy = item.y + item.size * 0.3;
    const cell = table.cellAt(Math.max(0, upperIndex(xs, cx) - 1), Math.max(0, lowerIndex(ys, cy) - 1));
    if (!cell) continue;
    if (contents.has(cell)) contents.get(cell)!.push(item);
    else contents.set(cell, [item]);
  }
  const out: RowModel[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = table.cells.filter((c) => c.r0 <= r && r <= c.r1).sort((a, b) => a.c0 - b.c0);
    if (!cells.length) continue;
    out.push({
      left: xs[cells[0]!.c0]!,
      cells: cells.map((cell) => {
        const starts = cell.r0 === r;
        const merged = cell.r1 > cell.r0;
        return {
          right: xs[cell.c1 + 1]!,
          ...(merged ? { vMerge: starts ? ('restart' as const) : ('continue' as const) } : {}),
          lines: starts ? toLines(contents.get(cell) ?? []) : null,
        };
      }),
    });
  }
  return out;
}
