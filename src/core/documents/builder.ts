// Builds the document model (../docx/model.ts) from a stream of events, for the readers of formats
// other than .docx: each reader says "text", "end of paragraph", "cell", "row"… in reading order,
// and the builder keeps paragraphs, tables, merged cells and the limits exactly as the .docx reader
// does, so that identification, extraction and templates see the same shapes.
import { DocxError } from '../docx/errors';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import {
  type Block,
  type Cell,
  type Inline,
  mergedCell,
  type Paragraph,
  type Row,
  type Table,
  type TextInline,
  type WordDocument,
} from '../docx/model';

export interface TextStyle {
  readonly bold?: boolean;
  readonly strike?: boolean;
  readonly highlight?: boolean;
  readonly link?: string;
}

export interface CellOptions {
  /** Grid columns the cell spans (1 unless merged across). */
  readonly span?: number;
  /** 'restart' starts a vertical merge, 'continue' continues the one above. */
  readonly vMerge?: 'restart' | 'continue';
  /** The cell's right edge (any unit, e.g. RTF's twips): when every cell has one, the grid is made from them. */
  readonly right?: number;
}

interface CellBuilder {
  blocks: Block[];
  span: number;
  vMerge?: 'restart' | 'continue';
  right?: number;
}

interface RowBuilder {
  cells: CellBuilder[];
  left: number;
}

interface TableBuilder {
  rows: RowBuilder[];
  row: CellBuilder[] | null;
  left: number;
}

export class DocumentBuilder {
  private readonly body: Block[] = [];
  private readonly tables: TableBuilder[] = [];
  private inlines: Inline[] = [];
  private cells = 0;

  constructor(private readonly limits: DocxLimits = DOCX_LIMITS) {}

  /** The blocks paragraphs go to now: the open cell's, else the body. */
  private container(): Block[] {
    const table = this.tables[this.tables.length - 1];
    if (!table) return this.body;
    if (!table.row) this.startRow();
    const row = table.row!;
    if (!row.length) this.startCell();
    return row[row.length - 1]!.blocks;
  }

  text(text: string, style: TextStyle = {}): void {
    if (!text) return;
    const inline: TextInline = {
      kind: 'text',
      text,
      bold: !!style.bold,
      strike: !!style.strike,
      highlight: !!style.highlight,
      ...(style.link ? { link: style.link } : {}),
    };
    const last = this.inlines[this.inlines.length - 1];
    if (
      last?.kind === 'text' &&
      last.bold === inline.bold &&
      last.strike === inline.strike &&
      last.highlight === inline.highlight &&
      last.link === inline.link
    ) {
      this.inlines[this.inlines.length - 1] = { ...last, text: last.text + text };
    } else this.inlines.push(inline);
  }

  checkbox(checked: boolean): void {
    this.inlines.push({ kind: 'checkbox', checked });
  }

  /** True when the paragraph being built has nothing in it yet. */
  get paragraphEmpty(): boolean {
    return this.inlines.length === 0;
  }

  endParagraph(): void {
    const paragraph: Paragraph = { kind: 'paragraph', inlines: this.inlines };
    this.inlines = [];
    this.container().push(paragraph);
  }

  /** Ends the paragraph only when it has something in it. */
  flushParagraph(): void {
    if (this.inlines.length) this.endParagraph();
  }

  startTable(): void {
    this.flushParagraph();
    if (this.tables.length >= this.limits.tableNesting)
      throw new DocxError('table-too-large', `The document nests tables more than ${this.limits.tableNesting} deep.`);
    if (this.tables.length) this.container(); // a nested table belongs to the open cell
    this.tables.push({ rows: [], row: null, left: 0 });
  }

  get tableDepth(): number {
    return this.tables.length;
  }

  /** left: where the row's first cell starts, in the unit of the cells' right edges. */
  startRow(left = 0): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    if (table.row) this.endRow();
    if (table.rows.length >= this.limits.tableRows)
      throw new DocxError('table-too-large', `A table has more than ${this.limits.tableRows} rows.`);
    table.row = [];
    table.left = left;
  }

  /**
   * Gives the open row's cells their edges and vertical merges, known only at the row's end in
   * Word's binary format (the row-end mark carries the row's definition).
   */
  defineRow(left: number, cells: readonly { readonly right: number; readonly vMerge?: 'restart' | 'continue' }[]): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.row) return;
    table.left = left;
    table.row.forEach((cell, i) => {
      const def = cells[i];
      if (!def) return;
      cell.right = def.right;
      if (def.vMerge) cell.vMerge = def.vMerge;
      else delete cell.vMerge;
    });
  }

  /** How many cells the open row has. */
  get rowCells(): number {
    return this.tables[this.tables.length - 1]?.row?.length ?? 0;
  }

  startCell(options: CellOptions = {}): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    if (!table.row) this.startRow();
    if (++this.cells > this.limits.tableCells)
      throw new DocxError('table-too-large', `The document has more than ${this.limits.tableCells} table cells.`);
    table.row!.push({
      blocks: [],
      span: Math.max(1, Math.min(options.span ?? 1, 1000)),
      ...(options.vMerge ? { vMerge: options.vMerge } : {}),
      ...(options.right !== undefined ? { right: options.right } : {}),
    });
  }

  /** Ends the open cell: its last paragraph is kept even when empty, as Word keeps it. */
  endCell(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.row?.length) return;
    if (this.inlines.length || !table.row[table.row.length - 1]!.blocks.length) this.endParagraph();
  }

  endRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.row) return;
    this.flushParagraph();
    table.rows.push({ cells: table.row, left: table.left });
    table.row = null;
  }

  endTable(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    if (table.row) this.endRow();
    this.tables.pop();
    const built = finishTable(table.rows);
    if (built.rows.length) this.container().push(built);
  }

  finish(): WordDocument {
    while (this.tables.length) this.endTable();
    this.flushParagraph();
    return { blocks: this.body };
  }
}

/** Places every cell on the grid and links cells that continue a vertical merge to where it starts (as the .docx reader). */
function finishTable(built: readonly RowBuilder[]): Table {
  const rows: Row[] = [];
  const grid = gridOf(built);
  for (const rowBuilder of built) {
    let column = grid ? gridIndex(grid, rowBuilder.left) : 0;
    const cells: Cell[] = rowBuilder.cells.map((cellBuilder) => {
      const span = grid ? Math.max(1, gridIndex(grid, cellBuilder.right!) - column) : cellBuilder.span;
      const cell: Cell = { blocks: cellBuilder.blocks, column, span, mergeStart: cellBuilder.vMerge === 'restart' };
      column += span;
      return mergedCell(rows, cell, cellBuilder.vMerge);
    });
    rows.push({ cells });
  }
  return { kind: 'table', rows };
}

/** Edges closer than this are one grid line (twips: 1/20 pt; writers round widths differently). */
const SNAP = 30;

/** The table's grid lines from every cell's edges, when every cell has its right edge. */
function gridOf(rows: readonly RowBuilder[]): number[] | null {
  const edges: number[] = [];
  for (const row of rows) {
    edges.push(row.left);
    for (const cell of row.cells) {
      if (cell.right === undefined) return null;
      edges.push(cell.right);
    }
  }
  const grid: number[] = [];
  for (const edge of edges.sort((a, b) => a - b)) if (!grid.length || edge - grid[grid.length - 1]! > SNAP) grid.push(edge);
  return grid;
}

/** The index of the grid line nearest an edge (binary search: the grid is sorted). */
function gridIndex(grid: readonly number[], edge: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (grid[mid]! < edge) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(grid[lo - 1]! - edge) <= Math.abs(grid[lo]! - edge) ? lo - 1 : lo;
}
