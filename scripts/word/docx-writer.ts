// A small writer of .docx packages shaped the way Microsoft Word (2016+) saves them, for test
// samples. Deterministic: everything random (rsids, run splits, ids) comes from a seeded PRNG.
//
// API in brief
//   const w = new DocWriter('seed');            // one writer per document: ids, rsids, links, comments
//   const { p, r, table, row, cell } = w;       // methods are bound; destructure what you use
//   p([r('Name: '), r('Jane', { bold: true })], { style: 'Heading2' })  → <w:p> (always with w:pPr)
//   r(text, props)           runs; '\t' → w:tab, '\n' → w:br; split at random rsids, proofErr marks
//   para(text, runProps, paraProps)  shorthand for p(r(text, runProps), paraProps)
//   table([row([cell(p(..)), cell(null, { span: 2 })])], { grid: [2400, 6616] })
//   cell(content, { span, vMerge: 'restart' | 'continue', fill: 'D9D9D9' })  (content: blocks)
//   hyperlink(target, text)  w:hyperlink + an external relationship (ids allocated here)
//   fieldHyperlink(target, text)           HYPERLINK field (begin / instrText / separate / end)
//   sdt(content | null, opts)              run-level content control (null → placeholder shown)
//   blockSdt(blocks | null, opts)          block-level content control (paragraphs in a cell)
//   checkbox(checked)                      w14 checkbox content control (☒ / ☐)
//   formCheckbox(checked), formText(value), formDropdown(entries, chosen)  legacy form fields
//   ins(runs), del(text)                   tracked changes
//   textBox(paragraphs)                    a run holding a text box (DrawingML + VML fallback)
//   comment(runs, text)                    comment range + reference; text goes to comments.xml
//   goBack()                               Word's _GoBack bookmark
//   w.build(body, meta)                    → Uint8Array, via buildDocx with this writer's parts
//   buildDocx(bodyXml, options)            zips a complete package (fixed 1980-01-01 timestamps)
import { strToU8, zipSync, type Zippable } from 'fflate';

declare const wmlBrand: unique symbol;
/** A WordprocessingML fragment. Plain strings are text, never markup: build fragments with the helpers. */
export type Xml = string & { readonly [wmlBrand]: true };
/** Content of a block container (body, cell, text box): paragraphs, tables, block sdts. */
export type Blocks = Xml | readonly Xml[];

const asXml = (s: string): Xml => s as Xml;
const join = (parts: Blocks | null | undefined): Xml => asXml(parts == null ? '' : typeof parts === 'string' ? parts : parts.join(''));

export const NS = {
  wpc: 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  o: 'urn:schemas-microsoft-com:office:office',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  v: 'urn:schemas-microsoft-com:vml',
  wp14: 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  w10: 'urn:schemas-microsoft-com:office:word',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  wpi: 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  wne: 'http://schemas.microsoft.com/office/word/2006/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
} as const;

/** The xmlns declarations Word puts on the root of document.xml, comments.xml, etc. */
export const ROOT_NAMESPACES =
  Object.entries(NS)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join(' ') + ' mc:Ignorable="w14 w15 wp14"';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class Prng {
  private state: number;
  constructor(seed: string | number) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }
  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += '0123456789ABCDEF'[Math.floor(this.next() * 16)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

export interface RunProps {
  /** Character style id (w:rStyle), e.g. Hyperlink, PlaceholderText. */
  style?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  /** Highlight colour (w:highlight), e.g. 'yellow'. */
  highlight?: string;
  underline?: boolean;
  color?: string;
  /** Size in half-points (w:sz), e.g. 22 for 11 pt. */
  size?: number;
  noProof?: boolean;
  /** Keep the text in one run: no rsid splits, no proofErr marks. */
  whole?: boolean;
  /** Leave out the noise properties (fonts, size, language) Word adds to typed runs. */
  bare?: boolean;
}

export interface ParaProps {
  style?: string;
  align?: 'left' | 'center' | 'right' | 'both';
  keepNext?: boolean;
  /** A bullet from the document's bullet list (numbering.xml numId 1). */
  bullet?: boolean;
  spacingAfter?: number;
  spacingBefore?: number;
  /** Properties of the paragraph mark. */
  mark?: RunProps;
}

export interface CellProps {
  span?: number;
  vMerge?: 'restart' | 'continue';
  /** Background fill (w:shd w:fill), e.g. 'D9D9D9' for label cells. */
  fill?: string;
  vAlign?: 'top' | 'center' | 'bottom';
  /** Width in twentieths of a point; worked out from the grid when left out. */
  width?: number;
}

export interface CellSpec {
  readonly kind: 'cell';
  readonly content: Xml;
  readonly props: CellProps;
}

export interface RowProps {
  header?: boolean;
  /** Row height in twips (w:trHeight). */
  height?: number;
  cantSplit?: boolean;
}

export interface RowSpec {
  readonly kind: 'row';
  readonly cells: readonly CellSpec[];
  readonly props: RowProps;
}

export interface TableProps {
  /** Column widths in twips (w:tblGrid). */
  grid: readonly number[];
  style?: string;
  /** w:tblLook value; Word's default for Table Grid is 04A0. */
  look?: string;
  layoutFixed?: boolean;
}

export interface ChangeMeta {
  author?: string;
  /** ISO date without milliseconds, e.g. 2018-06-06T09:14:00Z. */
  date?: string;
}

export interface SdtOptions {
  alias?: string;
  tag?: string;
  /** Plain-text control (w:text) rather than rich text. */
  plainText?: boolean;
}

export interface CommentPart {
  id: number;
  author: string;
  initials: string;
  date: string;
  text: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export interface DocMeta {
  title?: string;
  creator?: string;
  lastModifiedBy?: string;
  /** ISO dates, e.g. 2018-06-05T13:58:00Z. */
  created?: string;
  modified?: string;
  revision?: number;
  company?: string;
  /** Total editing time in minutes (app.xml TotalTime). */
  totalTime?: number;
}

export interface BuildOptions extends DocMeta {
  /** Extra relationships of word/document.xml (hyperlinks); ids from FIRST_FREE_RELATIONSHIP on. */
  relationships?: readonly Relationship[];
  comments?: readonly CommentPart[];
  /** rsids listed in settings.xml (the first is rsidRoot). */
  rsids?: readonly string[];
  /** Add w:trackRevisions to settings.xml. */
  trackRevisions?: boolean;
  /** Legacy form fields: add the (unenforced) forms protection setting Word leaves on such forms. */
  formsProtection?: boolean;
  /** Word's w14:docId / w15:docId values; derived from the body when left out. */
  docSeed?: string;
}

/** Relationship ids rId1–rId4 are the fixed parts (numbering, styles, settings, webSettings). */
export const FIRST_FREE_RELATIONSHIP = 5;

// ---------------------------------------------------------------------------------------------
// The writer

const TEXT_WORD = /[A-Za-z0-9@][A-Za-z0-9@.'’_-]*[A-Za-z0-9]/g;

export class DocWriter {
  readonly rng: Prng;
  /** Editing sessions of this document; runs and paragraphs carry these as w:rsidR. */
  readonly rsids: string[];
  readonly relationships: Relationship[] = [];
  readonly comments: CommentPart[] = [];
  private nextRel = FIRST_FREE_RELATIONSHIP;
  private nextBookmark = 0;
  private nextRevision = 0;
  private nextShape = 1;
  private nextFormField = 1;
  private usedTracking = false;
  private usedFormFields = false;
  readonly author: string;

  constructor(seed: string, options: { author?: string; sessions?: number } = {}) {
    this.rng = new Prng(seed);
    this.author = options.author ?? 'Microsoft Office User';
    const sessions = options.sessions ?? 6;
    this.rsids = [];
    while (this.rsids.length < sessions) {
      const rsid = '00' + this.rng.hex(6);
      if (!this.rsids.includes(rsid)) this.rsids.push(rsid);
    }
  }

  private rsid(): string {
    return this.rng.pick(this.rsids);
  }
  private paraIds(): string {
    // w14:paraId must be below 0x80000000.
    const id = this.rng.int(0, 7).toString(16).toUpperCase() + this.rng.hex(7);
    return `w14:paraId="${id}" w14:textId="${this.rng.chance(0.3) ? '77777777' : this.rng.hex(8)}"`;
  }
  private sdtId(): number {
    return this.rng.int(-2147483647, 2147483647);
  }

  // --- runs ----------------------------------------------------------------------------------

  /** The w:rPr of a run; Word's noise (fonts, size, language) around the meaningful properties. */
  rPr = (props: RunProps = {}, noise = !props.bare): string => {
    const parts: string[] = [];
    if (props.style) parts.push(`<w:rStyle w:val="${escapeAttr(props.style)}"/>`);
    const font = props.font ?? (noise ? 'Arial' : undefined);
    if (font) {
      const f = escapeAttr(font);
      parts.push(
        font === 'MS Gothic'
          ? `<w:rFonts w:ascii="${f}" w:eastAsia="${f}" w:hAnsi="${f}" w:hint="eastAsia"/>`
          : `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}"/>`,
      );
    }
    if (props.bold) parts.push('<w:b/><w:bCs/>');
    if (props.italic) parts.push('<w:i/><w:iCs/>');
    if (props.strike) parts.push('<w:strike/>');
    if (props.noProof) parts.push('<w:noProof/>');
    if (props.color) parts.push(`<w:color w:val="${escapeAttr(props.color)}"/>`);
    const size = props.size ?? (noise ? 22 : undefined);
    if (size) parts.push(`<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`);
    if (props.highlight) parts.push(`<w:highlight w:val="${escapeAttr(props.highlight)}"/>`);
    if (props.underline) parts.push('<w:u w:val="single"/>');
    if (noise) parts.push('<w:lang w:val="en-GB"/>');
    return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
  };

  /** The inner content of a run for a piece of text: w:t, w:tab and w:br. */
  private runContent(text: string, element: 't' | 'delText' | 'instrText' = 't'): string {
    let out = '';
    for (const piece of text.split(/(\t|\n)/)) {
      if (piece === '') continue;
      if (piece === '\t') out += '<w:tab/>';
      else if (piece === '\n') out += '<w:br/>';
      else {
        const space = /^\s|\s$/.test(piece) ? ' xml:space="preserve"' : '';
        out += `<w:${element}${space}>${escapeText(piece)}</w:${element}>`;
      }
    }
    return out;
  }

  private runAttrs(): string {
    const roll = this.rng.next();
    if (roll < 0.45) return ` w:rsidR="${this.rsid()}"`;
    if (roll < 0.65) return ` w:rsidRPr="${this.rsid()}"`;
    if (roll < 0.75) return ` w:rsidR="${this.rsid()}" w:rsidRPr="${this.rsid()}"`;
    return '';
  }

  /** Splits text at random points, as Word does where an editing session (rsid) changed. */
  private splitPieces(text: string): string[] {
    if (text.length < 4 || !this.rng.chance(0.45)) return [text];
    const cuts = new Set<number>();
    const count = this.rng.chance(0.25) ? 2 : 1;
    for (let i = 0; i < count; i++) cuts.add(this.rng.int(1, text.length - 1));
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: string[] = [];
    let last = 0;
    for (const cut of sorted) {
      // never split a surrogate pair
      if (/[\uDC00-\uDFFF]/.test(text.charAt(cut))) continue;
      pieces.push(text.slice(last, cut));
      last = cut;
    }
    pieces.push(text.slice(last));
    return pieces.filter((s) => s !== '');
  }

  /** Runs for a piece of text. Splits and spelling marks are random but never change the text. */
  r = (text: string, props: RunProps = {}): Xml => {
    const rPr = this.rPr(props);
    const emit = (piece: string) => `<w:r${this.runAttrs()}>${rPr}${this.runContent(piece)}</w:r>`;
    if (props.whole) return asXml(`<w:r>${rPr}${this.runContent(text)}</w:r>`);
    // Segments: plain text, and words that Word's speller marks (names, addresses, codes).
    const segments: { text: string; spell: boolean }[] = [];
    let last = 0;
    for (const match of text.matchAll(TEXT_WORD)) {
      const word = match[0];
      const at = match.index ?? 0;
      const odd = /[@0-9]/.test(word) || (/^[A-Z]/.test(word) && at > 0) || /’|'/.test(word);
      if (!odd || !this.rng.chance(0.3)) continue;
      if (at > last) segments.push({ text: text.slice(last, at), spell: false });
      segments.push({ text: word, spell: true });
      last = at + word.length;
    }
    if (last < text.length) segments.push({ text: text.slice(last), spell: false });
    let out = '';
    for (const segment of segments) {
      const runs = this.splitPieces(segment.text).map(emit).join('');
      out += segment.spell ? `<w:proofErr w:type="spellStart"/>${runs}<w:proofErr w:type="spellEnd"/>` : runs;
    }
    return asXml(out);
  };

  tab = (props: RunProps = {}): Xml => asXml(`<w:r>${this.rPr(props)}<w:tab/></w:r>`);
  br = (props: RunProps = {}): Xml => asXml(`<w:r>${this.rPr(props)}<w:br/></w:r>`);
  pageBreak = (): Xml => asXml('<w:r><w:br w:type="page"/></w:r>');

  /** Word's _GoBack bookmark (the last edit position). */
  goBack = (): Xml => {
    const id = this.nextBookmark++;
    return asXml(`<w:bookmarkStart w:id="${id}" w:name="_GoBack"/><w:bookmarkEnd w:id="${id}"/>`);
  };

  // --- paragraphs ----------------------------------------------------------------------------

  private pPr(props: ParaProps): string {
    const parts: string[] = [];
    if (props.style) parts.push(`<w:pStyle w:val="${escapeAttr(props.style)}"/>`);
    if (props.keepNext) parts.push('<w:keepNext/>');
    if (props.bullet) parts.push('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    const before = props.spacingBefore !== undefined ? ` w:before="${props.spacingBefore}"` : '';
    const after = props.spacingAfter ?? 0;
    parts.push(`<w:spacing${before} w:after="${after}"/>`);
    if (props.align) parts.push(`<w:jc w:val="${props.align}"/>`);
    parts.push(this.rPr(props.mark ?? {}));
    return `<w:pPr>${parts.join('')}</w:pPr>`;
  }

  /** A paragraph of inline content (runs, hyperlinks, fields, sdts, …). */
  p = (content: Blocks | null = null, props: ParaProps = {}): Xml => {
    const rsidR = this.rsid();
    const rsidP = this.rng.chance(0.4) ? ` w:rsidP="${this.rsid()}"` : '';
    const rpr = this.rng.chance(0.3) ? ` w:rsidRPr="${this.rsid()}"` : '';
    return asXml(
      `<w:p ${this.paraIds()} w:rsidR="${rsidR}"${rpr} w:rsidRDefault="${this.rsid()}"${rsidP}>${this.pPr(props)}${join(content)}</w:p>`,
    );
  };

  /** A paragraph holding one piece of text. */
  para = (text: string, runProps: RunProps = {}, paraProps: ParaProps = {}): Xml =>
    this.p(text === '' ? null : this.r(text, runProps), paraProps);

  // --- tables --------------------------------------------------------------------------------

  cell = (content: Blocks | null = null, props: CellProps = {}): CellSpec => {
    let xml = join(content);
    // A cell must end with a paragraph.
    if (xml === '' || xml.endsWith('</w:tbl>')) xml = asXml(xml + this.p());
    return { kind: 'cell', content: xml, props };
  };

  row = (cells: readonly CellSpec[], props: RowProps = {}): RowSpec => ({ kind: 'row', cells, props });

  table = (rows: readonly RowSpec[], props: TableProps): Xml => {
    const width = props.grid.reduce((a, b) => a + b, 0);
    const look = props.look ?? '04A0';
    const layout = props.layoutFixed ? '<w:tblLayout w:type="fixed"/>' : '';
    const tblPr =
      `<w:tblPr><w:tblStyle w:val="${props.style ?? 'TableGrid'}"/><w:tblW w:w="${width}" w:type="dxa"/>${layout}` +
      `<w:tblLook w:val="${look}" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`;
    const grid = `<w:tblGrid>${props.grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    const rowsXml = rows.map((row) => {
      const trParts: string[] = [];
      if (row.props.cantSplit) trParts.push('<w:cantSplit/>');
      trParts.push(`<w:trHeight w:val="${row.props.height ?? 397}"/>`);
      if (row.props.header) trParts.push('<w:tblHeader/>');
      let column = 0;
      const cells = row.cells.map((cell) => {
        const span = cell.props.span ?? 1;
        const w = cell.props.width ?? props.grid.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        const tc: string[] = [`<w:tcW w:w="${w}" w:type="dxa"/>`];
        if (span > 1) tc.push(`<w:gridSpan w:val="${span}"/>`);
        if (cell.props.vMerge === 'restart') tc.push('<w:vMerge w:val="restart"/>');
        else if (cell.props.vMerge === 'continue') tc.push('<w:vMerge/>');
        if (cell.props.fill) tc.push(`<w:shd w:val="clear" w:color="auto" w:fill="${cell.props.fill}"/>`);
        if (cell.props.vAlign) tc.push(`<w:vAlign w:val="${cell.props.vAlign}"/>`);
        return `<w:tc><w:tcPr>${tc.join('')}</w:tcPr>${cell.content}</w:tc>`;
      });
      return `<w:tr w:rsidR="${this.rsid()}" w:rsidTr="${this.rsid()}" ${this.paraIds()}><w:trPr>${trParts.join('')}</w:trPr>${cells.join('')}</w:tr>`;
    });
    return asXml(`<w:tbl>${tblPr}${grid}${rowsXml.join('')}</w:tbl>`);
  };

  // --- hyperlinks ----------------------------------------------------------------------------

  /** Allocates a relationship of word/document.xml and returns its id. */
  relationship = (type: string, target: string, external = false): string => {
    const existing = this.relationships.find((rel) => rel.type === type && rel.target === target);
    if (existing) return existing.id;
    const id = `rId${this.nextRel++}`;
    this.relationships.push({ id, type, target, external });
    return id;
  };

  /** A w:hyperlink to an external target (e.g. mailto:…) with its relationship. */
  hyperlink = (target: string, text: string, props: RunProps = {}): Xml => {
    const id = this.relationship(`${REL}/hyperlink`, target, true);
    return asXml(`<w:hyperlink r:id="${id}" w:history="1">${this.r(text, { style: 'Hyperlink', ...props })}</w:hyperlink>`);
  };

  /** A complex field: begin (with optional field data), instruction, separate, result runs, end. */
  field = (instruction: string, result: Xml | null, beginInner = '', props: RunProps = {}): Xml => {
    const rPr = this.rPr(props);
    const fldChar = beginInner ? `<w:fldChar w:fldCharType="begin">${beginInner}</w:fldChar>` : '<w:fldChar w:fldCharType="begin"/>';
    const begin = `<w:r${this.runAttrs()}>${rPr}${fldChar}</w:r>`;
    const instr = `<w:r${this.runAttrs()}>${rPr}<w:instrText xml:space="preserve">${escapeText(instruction)}</w:instrText></w:r>`;
    const separate = result === null ? '' : `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${result}`;
    const end = `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
    return asXml(begin + instr + separate + end);
  };

  /** The HYPERLINK field form of a link, as Word writes links pasted from some programs. */
  fieldHyperlink = (target: string, text: string): Xml => this.field(` HYPERLINK "${target}" `, this.r(text, { style: 'Hyperlink' }));

  // --- content controls ----------------------------------------------------------------------

  private sdtPr(options: SdtOptions, placeholder: boolean, extra = ''): string {
    const parts: string[] = [];
    if (placeholder) parts.push(this.rPr({}));
    if (options.alias) parts.push(`<w:alias w:val="${escapeAttr(options.alias)}"/>`);
    if (options.tag) parts.push(`<w:tag w:val="${escapeAttr(options.tag)}"/>`);
    parts.push(`<w:id w:val="${this.sdtId()}"/>`);
    parts.push('<w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>');
    if (placeholder) parts.push('<w:showingPlcHdr/>');
    if (options.plainText) parts.push('<w:text/>');
    parts.push(extra);
    return `<w:sdtPr>${parts.join('')}</w:sdtPr><w:sdtEndPr/>`;
  }

  /** Word's placeholder run of an empty content control. */
  placeholderRun = (): Xml =>
    asXml(
      `<w:r w:rsidRPr="${this.rsid()}">${this.rPr({ style: 'PlaceholderText' }, false)}<w:t>Click or tap here to enter text.</w:t></w:r>`,
    );

  /** A run-level content control holding runs, or its placeholder when content is null. */
  sdt = (content: Xml | null, options: SdtOptions = {}): Xml => {
    const placeholder = content === null;
    const inner = placeholder ? this.placeholderRun() : content;
    return asXml(`<w:sdt>${this.sdtPr(options, placeholder)}<w:sdtContent>${inner}</w:sdtContent></w:sdt>`);
  };

  /** A block-level content control (e.g. filling a table cell) holding paragraphs. */
  blockSdt = (blocks: Blocks | null, options: SdtOptions = {}): Xml => {
    const placeholder = blocks === null;
    const inner = placeholder ? this.p(this.placeholderRun()) : join(blocks);
    return asXml(`<w:sdt>${this.sdtPr(options, placeholder)}<w:sdtContent>${inner}</w:sdtContent></w:sdt>`);
  };

  /** A modern (Word 2010) checkbox content control. */
  checkbox = (checked: boolean, options: SdtOptions = {}): Xml => {
    const box =
      `<w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/>` +
      '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>';
    const parts: string[] = [this.rPr({ size: 22 }, true)];
    if (options.alias) parts.push(`<w:alias w:val="${escapeAttr(options.alias)}"/>`);
    if (options.tag) parts.push(`<w:tag w:val="${escapeAttr(options.tag)}"/>`);
    parts.push(`<w:id w:val="${this.sdtId()}"/>`, box);
    const glyph = checked ? '☒' : '☐';
    return asXml(
      `<w:sdt><w:sdtPr>${parts.join('')}</w:sdtPr><w:sdtEndPr/><w:sdtContent>` +
        `<w:r${this.runAttrs()}>${this.rPr({ font: 'MS Gothic', size: 22 }, false)}<w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`,
    );
  };

  // --- legacy form fields ----------------------------------------------------------------------

  private formFieldBookmark(name: string, inner: string): Xml {
    const id = this.nextBookmark++;
    return asXml(`<w:bookmarkStart w:id="${id}" w:name="${escapeAttr(name)}"/>${inner}<w:bookmarkEnd w:id="${id}"/>`);
  }

  /** A legacy FORMCHECKBOX field. */
  formCheckbox = (checked: boolean, name?: string): Xml => {
    this.usedFormFields = true;
    const fieldName = name ?? `Check${this.nextFormField++}`;
    const ffData =
      `<w:ffData><w:name w:val="${escapeAttr(fieldName)}"/><w:enabled/><w:calcOnExit w:val="0"/>` +
      `<w:checkBox><w:sizeAuto/><w:default w:val="0"/>${checked ? '<w:checked/>' : ''}</w:checkBox></w:ffData>`;
    return this.formFieldBookmark(fieldName, this.field(' FORMCHECKBOX ', null, ffData, { bare: true }));
  };

  /**
   * A legacy FORMDROPDOWN field as Word writes it: the entries and the chosen one in the field data,
   * no result text (Word draws the chosen entry itself). `chosen` undefined leaves w:result out (the first entry shows).
   */
  formDropdown = (entries: readonly string[], chosen?: number, name?: string): Xml => {
    this.usedFormFields = true;
    const fieldName = name ?? `Dropdown${this.nextFormField++}`;
    const ffData =
      `<w:ffData><w:name w:val="${escapeAttr(fieldName)}"/><w:enabled/><w:calcOnExit w:val="0"/><w:ddList>` +
      (chosen === undefined ? '' : `<w:result w:val="${chosen}"/>`) +
      entries.map((entry) => `<w:listEntry w:val="${escapeAttr(entry)}"/>`).join('') +
      '</w:ddList></w:ffData>';
    return this.formFieldBookmark(fieldName, this.field(' FORMDROPDOWN ', null, ffData));
  };

  /** A legacy FORMTEXT field; an empty value shows Word's five en spaces. */
  formText = (value: string, name?: string, props: RunProps = {}): Xml => {
    this.usedFormFields = true;
    const fieldName = name ?? `Text${this.nextFormField++}`;
    const ffData = `<w:ffData><w:name w:val="${escapeAttr(fieldName)}"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData>`;
    const result =
      value === ''
        ? asXml(`<w:r>${this.rPr({ ...props, noProof: true })}<w:t>     </w:t></w:r>`)
        : this.r(value, { ...props, noProof: true });
    return this.formFieldBookmark(fieldName, this.field(' FORMTEXT ', result, ffData, props));
  };

  // --- tracked changes -----------------------------------------------------------------------

  private changeAttrs(meta: ChangeMeta): string {
    this.usedTracking = true;
    return `w:id="${100 + this.nextRevision++}" w:author="${escapeAttr(meta.author ?? this.author)}" w:date="${meta.date ?? '2018-06-01T09:00:00Z'}"`;
  }

  /** A tracked insertion wrapping runs. */
  ins = (runs: Xml, meta: ChangeMeta = {}): Xml => asXml(`<w:ins ${this.changeAttrs(meta)}>${runs}</w:ins>`);

  /** A tracked deletion of text (w:delText runs). */
  del = (text: string, props: RunProps = {}, meta: ChangeMeta = {}): Xml => {
    const rPr = this.rPr(props);
    const runs = this.splitPieces(text).map((piece) => `<w:r${this.runAttrs()}>${rPr}${this.runContent(piece, 'delText')}</w:r>`);
    return asXml(`<w:del ${this.changeAttrs(meta)}>${runs.join('')}</w:del>`);
  };

  // --- text boxes and comments ---------------------------------------------------------------

  /** A run holding a floating text box, written twice as Word does: DrawingML and its VML fallback. */
  textBox = (paragraphs: Blocks, size: { widthEmu?: number; heightEmu?: number } = {}): Xml => {
    const content = join(paragraphs);
    const cx = size.widthEmu ?? 5731510;
    const cy = size.heightEmu ?? 2286000;
    const n = this.nextShape++;
    const docPrId = this.rng.int(100, 900);
    const anchorId = this.rng.hex(8).replace(/^[89A-F]/, '4');
    const editId = this.rng.hex(8).replace(/^[89A-F]/, '6');
    const widthPt = (cx / 12700).toFixed(1).replace(/\.0$/, '');
    const heightPt = (cy / 12700).toFixed(1).replace(/\.0$/, '');
    const a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
    const drawing =
      `<w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="${251659264 + n * 1024}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="${anchorId}" wp14:editId="${editId}">` +
      `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>` +
      `<wp:positionV relativeFrom="paragraph"><wp:posOffset>45720</wp:posOffset></wp:positionV>` +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="21590" b="19050"/><wp:wrapTopAndBottom/>` +
      `<wp:docPr id="${docPrId}" name="Text Box ${n + 1}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks ${a}/></wp:cNvGraphicFramePr>` +
      `<a:graphic ${a}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>` +
      `<wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>` +
      `<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
      `<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:miter lim="800000"/><a:headEnd/><a:tailEnd/></a:ln></wps:spPr>` +
      `<wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx>` +
      `<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>` +
      `</wps:wsp></a:graphicData></a:graphic>` +
      `<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH><wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>` +
      `</wp:anchor></w:drawing>`;
    const shapeType =
      n === 1
        ? '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        : '';
    const fallback =
      `<w:pict>${shapeType}<v:shape id="Text Box ${n + 1}" o:spid="_x0000_s${1025 + n}" type="#_x0000_t202" ` +
      `style="position:absolute;margin-left:0;margin-top:3.6pt;width:${widthPt}pt;height:${heightPt}pt;z-index:${251659264 + n * 1024};visibility:visible;mso-wrap-style:square;mso-width-percent:0;mso-height-percent:0;mso-wrap-distance-left:9pt;mso-wrap-distance-top:3.6pt;mso-wrap-distance-right:9pt;mso-wrap-distance-bottom:3.6pt;mso-position-horizontal:absolute;mso-position-horizontal-relative:text;mso-position-vertical:absolute;mso-position-vertical-relative:text;mso-width-relative:margin;mso-height-relative:margin;v-text-anchor:top">` +
      `<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>${content}</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict>`;
    return asXml(
      `<w:r${this.runAttrs()}>${this.rPr({ noProof: true })}<mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent></w:r>`,
    );
  };

  /** Marks runs with a comment; the comment's text goes to word/comments.xml. */
  comment = (runs: Xml, text: string, meta: ChangeMeta & { initials?: string } = {}): Xml => {
    const id = this.comments.length;
    const author = meta.author ?? this.author;
    const initials =
      meta.initials ??
      author
        .split(/\s+/)
        .map((s) => s.charAt(0))
        .join('')
        .toUpperCase();
    this.comments.push({ id, author, initials, date: meta.date ?? '2018-06-01T09:00:00Z', text });
    return asXml(
      `<w:commentRangeStart w:id="${id}"/>${runs}<w:commentRangeEnd w:id="${id}"/>` +
        `<w:r>${this.rPr({ style: 'CommentReference' }, false)}<w:commentReference w:id="${id}"/></w:r>`,
    );
  };

  // --- the package ---------------------------------------------------------------------------

  /** Zips the body into a complete package with this writer's links, comments and rsids. */
  build = (body: Blocks, meta: DocMeta = {}): Uint8Array =>
    buildDocx(join(body), {
      ...meta,
      relationships: this.relationships,
      comments: this.comments,
      rsids: this.rsids,
      trackRevisions: this.usedTracking,
      formsProtection: this.usedFormFields,
      docSeed: this.rsids.join(''),
    });
}

// ---------------------------------------------------------------------------------------------
// Package parts

function sectPr(rsid: string): string {
  return (
    `<w:sectPr w:rsidR="${rsid}" w:rsidSect="${rsid}"><w:pgSz w:w="11906" w:h="16838"/>` +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>' +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

function contentTypes(hasComments: boolean): string {
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    o('/word/document.xml', `${CT}.document.main+xml`) +
    o('/word/numbering.xml', `${CT}.numbering+xml`) +
    o('/word/styles.xml', `${CT}.styles+xml`) +
    o('/word/settings.xml', `${CT}.settings+xml`) +
    o('/word/webSettings.xml', `${CT}.webSettings+xml`) +
    (hasComments ? o('/word/comments.xml', `${CT}.comments+xml`) : '') +
    o('/word/fontTable.xml', `${CT}.fontTable+xml`) +
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    o('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

const PACKAGE_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function documentRels(extra: readonly Relationship[]): string {
  const all: Relationship[] = [
    { id: 'rId1', type: `${REL}/numbering`, target: 'numbering.xml' },
    { id: 'rId2', type: `${REL}/styles`, target: 'styles.xml' },
    { id: 'rId3', type: `${REL}/settings`, target: 'settings.xml' },
    { id: 'rId4', type: `${REL}/webSettings`, target: 'webSettings.xml' },
    ...extra,
  ];
  let n = FIRST_FREE_RELATIONSHIP;
  for (const rel of all) {
    const m = /^rId(\d+)$/.exec(rel.id);
    if (m?.[1]) n = Math.max(n, Number(m[1]) + 1);
  }
  all.push({ id: `rId${n}`, type: `${REL}/fontTable`, target: 'fontTable.xml' });
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    all
      .map(
        (rel) =>
          `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${escapeAttr(rel.target)}"${rel.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

function style(type: string, id: string, name: string, inner: string, extra = ''): string {
  return `<w:style w:type="${type}"${extra} w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
}

const STYLES =
  XML_DECL +
  `<w:styles xmlns:mc="${NS.mc}" xmlns:r="${NS.r}" xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:w15="${NS.w15}" mc:Ignorable="w14 w15">` +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Times New Roman"/>' +
  '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">' +
  '<w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/>' +
  '<w:lsdException w:name="heading 2" w:uiPriority="9" w:semiHidden="1" w:unhideWhenUsed="1" w:qFormat="1"/>' +
  '<w:lsdException w:name="Title" w:uiPriority="10" w:qFormat="1"/><w:lsdException w:name="Table Grid" w:uiPriority="39"/>' +
  '<w:lsdException w:name="Placeholder Text" w:semiHidden="1"/><w:lsdException w:name="List Paragraph" w:uiPriority="34" w:qFormat="1"/>' +
  '</w:latentStyles>' +
  style('paragraph', 'Normal', 'Normal', '<w:qFormat/>', ' w:default="1"') +
  style(
    'paragraph',
    'Heading1',
    'heading 1',
    '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading1Char"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>',
  ) +
  style(
    'paragraph',
    'Heading2',
    'heading 2',
    '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading2Char"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
  ) +
  style(
    'paragraph',
    'Title',
    'Title',
    '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="0"/><w:contextualSpacing/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:color w:val="7030A0"/><w:kern w:val="28"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr>',
  ) +
  style(
    'paragraph',
    'ListParagraph',
    'List Paragraph',
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>',
  ) +
  style(
    'paragraph',
    'CommentText',
    'annotation text',
    '<w:basedOn w:val="Normal"/><w:link w:val="CommentTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
  ) +
  style(
    'character',
    'DefaultParagraphFont',
    'Default Paragraph Font',
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
    ' w:default="1"',
  ) +
  style(
    'table',
    'TableNormal',
    'Normal Table',
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    ' w:default="1"',
  ) +
  style('numbering', 'NoList', 'No List', '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>', ' w:default="1"') +
  style(
    'character',
    'Heading1Char',
    'Heading 1 Char',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading1"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>',
    ' w:customStyle="1"',
  ) +
  style(
    'character',
    'Heading2Char',
    'Heading 2 Char',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="Heading2"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>',
    ' w:customStyle="1"',
  ) +
  style(
    'table',
    'TableGrid',
    'Table Grid',
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>',
  ) +
  style(
    'character',
    'Hyperlink',
    'Hyperlink',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr>',
  ) +
  style(
    'character',
    'PlaceholderText',
    'Placeholder Text',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr>',
  ) +
  style(
    'character',
    'CommentReference',
    'annotation reference',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>',
  ) +
  style(
    'character',
    'CommentTextChar',
    'Comment Text Char',
    '<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="CommentText"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
    ' w:customStyle="1"',
  ) +
  '</w:styles>';

const NUMBERING =
  XML_DECL +
  `<w:numbering ${ROOT_NAMESPACES}>` +
  '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1C4E5A7B"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="08090001"/>' +
  '<w:lvl w:ilvl="0" w:tplc="08090001"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/><w:lvlJc w:val="left"/>' +
  '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

function settings(rsids: readonly string[], options: BuildOptions, rng: Prng): string {
  const list = rsids.length ? rsids : ['00A10B2C'];
  const guid = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
  return (
    XML_DECL +
    `<w:settings ${ROOT_NAMESPACES.replace(/ mc:Ignorable="[^"]*"/, '')} mc:Ignorable="w14 w15">` +
    '<w:zoom w:percent="100"/>' +
    (options.formsProtection ? '<w:documentProtection w:edit="forms" w:enforcement="0"/>' : '') +
    '<w:proofState w:spelling="clean" w:grammar="clean"/>' +
    (options.trackRevisions ? '<w:trackRevisions/>' : '') +
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' +
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>' +
    '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/></w:compat>' +
    `<w:rsids><w:rsidRoot w:val="${list[0]}"/>${[...list]
      .sort()
      .map((r) => `<w:rsid w:val="${r}"/>`)
      .join('')}</w:rsids>` +
    '<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/><m:smallFrac m:val="0"/><m:dispDef/>' +
    '<m:lMargin m:val="0"/><m:rMargin m:val="0"/><m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/><m:naryLim m:val="undOvr"/></m:mathPr>' +
    '<w:themeFontLang w:val="en-GB"/>' +
    '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>' +
    '<w:shapeDefaults><o:shapedefaults v:ext="edit" spidmax="2049"/><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults>' +
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>' +
    `<w14:docId w14:val="${rng.hex(8).replace(/^[89A-F]/, '3')}"/><w15:chartTrackingRefBased/><w15:docId w15:val="{${guid}}"/>` +
    '</w:settings>'
  );
}

const FONT_TABLE =
  XML_DECL +
  `<w:fonts xmlns:mc="${NS.mc}" xmlns:r="${NS.r}" xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:w15="${NS.w15}" mc:Ignorable="w14 w15">` +
  '<w:font w:name="Symbol"><w:panose1 w:val="05050102010706020507"/><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/><w:sig w:usb0="00000000" w:usb1="10000000" w:usb2="00000000" w:usb3="00000000" w:csb0="80000000" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:sig w:usb0="E4002EFF" w:usb1="C000247B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/><w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:panose1 w:val="020B0609070205080204"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/><w:sig w:usb0="E00002FF" w:usb1="6AC7FDFB" w:usb2="08000012" w:usb3="00000000" w:csb0="0002009F" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="Calibri Light"><w:panose1 w:val="020F0302020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:sig w:usb0="E4002EFF" w:usb1="C000247B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>' +
  '</w:fonts>';

const WEB_SETTINGS =
  XML_DECL +
  `<w:webSettings xmlns:mc="${NS.mc}" xmlns:r="${NS.r}" xmlns:w="${NS.w}" xmlns:w14="${NS.w14}" xmlns:w15="${NS.w15}" mc:Ignorable="w14 w15">` +
  '<w:optimizeForBrowser/><w:allowPNG/></w:webSettings>';

function commentsPart(comments: readonly CommentPart[], rng: Prng): string {
  const body = comments
    .map(
      (c) =>
        `<w:comment w:id="${c.id}" w:author="${escapeAttr(c.author)}" w:date="${c.date}" w:initials="${escapeAttr(c.initials)}">` +
        `<w:p w14:paraId="${rng.hex(7).padStart(8, '1')}" w14:textId="77777777" w:rsidR="00${rng.hex(6)}" w:rsidRDefault="00${rng.hex(6)}">` +
        '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' +
        `<w:r><w:t>${escapeText(c.text)}</w:t></w:r></w:p></w:comment>`,
    )
    .join('');
  return XML_DECL + `<w:comments ${ROOT_NAMESPACES}>${body}</w:comments>`;
}

function corePart(meta: DocMeta): string {
  const created = meta.created ?? '2018-04-27T09:00:00Z';
  const modified = meta.modified ?? created;
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(meta.title ?? '')}</dc:title><dc:subject></dc:subject>` +
    `<dc:creator>${escapeText(meta.creator ?? 'Microsoft Office User')}</dc:creator><cp:keywords></cp:keywords><dc:description></dc:description>` +
    `<cp:lastModifiedBy>${escapeText(meta.lastModifiedBy ?? meta.creator ?? 'Microsoft Office User')}</cp:lastModifiedBy>` +
    `<cp:revision>${meta.revision ?? 2}</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appPart(meta: DocMeta, bodyXml: string): string {
  // Rough statistics, as Word would count them.
  const text = bodyXml.replace(/<w:delText[^>]*>.*?<\/w:delText>/g, '').replace(/<[^>]+>/g, ' ');
  const words = text.split(/\s+/).filter(Boolean).length;
  const characters = text.replace(/\s+/g, '').length;
  const paragraphs = (bodyXml.match(/<w:p /g) ?? []).length;
  return (
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Template>Normal.dotm</Template><TotalTime>${meta.totalTime ?? 12}</TotalTime><Pages>${Math.max(1, Math.ceil(paragraphs / 45))}</Pages>` +
    `<Words>${words}</Words><Characters>${characters}</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>` +
    `<Lines>${Math.ceil(characters / 80)}</Lines><Paragraphs>${Math.ceil(paragraphs / 2)}</Paragraphs><ScaleCrop>false</ScaleCrop>` +
    `<Company>${escapeText(meta.company ?? '')}</Company><LinksUpToDate>false</LinksUpToDate>` +
    `<CharactersWithSpaces>${characters + words}</CharactersWithSpaces><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>` +
    '</Properties>'
  );
}

/** Word's DOS timestamp for package entries: 1980-01-01 00:00 (local-time fields, so the same everywhere). */
export const ZIP_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Zips a complete .docx package around body XML (the content of w:body). A w:sectPr is added at
 * the end of the body unless it already has one.
 */
export function buildDocx(bodyXml: string, options: BuildOptions = {}): Uint8Array {
  const rng = new Prng(options.docSeed ?? bodyXml.slice(0, 2000));
  const rsids = options.rsids ?? [];
  const body = bodyXml.includes('<w:sectPr') ? bodyXml : bodyXml + sectPr(rsids[0] ?? '00A10B2C');
  const document = XML_DECL + `<w:document ${ROOT_NAMESPACES}><w:body>${body}</w:body></w:document>`;
  const comments = options.comments ?? [];
  const relationships = [...(options.relationships ?? [])];
  if (comments.length) {
    let n = FIRST_FREE_RELATIONSHIP;
    for (const rel of relationships) {
      const m = /^rId(\d+)$/.exec(rel.id);
      if (m?.[1]) n = Math.max(n, Number(m[1]) + 1);
    }
    relationships.push({ id: `rId${n}`, type: `${REL}/comments`, target: 'comments.xml' });
  }
  const files: Zippable = {};
  files['[Content_Types].xml'] = strToU8(contentTypes(comments.length > 0));
  files['_rels/.rels'] = strToU8(PACKAGE_RELS);
  files['word/document.xml'] = strToU8(document);
  files['word/_rels/document.xml.rels'] = strToU8(documentRels(relationships));
  if (comments.length) files['word/comments.xml'] = strToU8(commentsPart(comments, rng));
  files['word/numbering.xml'] = strToU8(NUMBERING);
  files['word/styles.xml'] = strToU8(STYLES);
  files['word/settings.xml'] = strToU8(settings(rsids, options, rng));
  files['word/webSettings.xml'] = strToU8(WEB_SETTINGS);
  files['word/fontTable.xml'] = strToU8(FONT_TABLE);
  files['docProps/core.xml'] = strToU8(corePart(options));
  files['docProps/app.xml'] = strToU8(appPart(options, bodyXml));
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}
