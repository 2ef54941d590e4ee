// The document model: only what application forms need from a Word document.
// Immutable once built; produced by readDocx, consumed by extraction and templating.

/** A piece of text with the formatting that can carry an answer (struck-through, highlighted, bold). */
export interface TextInline {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly strike: boolean;
  readonly highlight: boolean;
  /** Target of the hyperlink the text sits in (e.g. `mailto:…`), if any. */
  readonly link?: string;
}

/** A tick box: legacy FORMCHECKBOX, a modern checkbox content control, or a ballot-box glyph. */
export interface CheckboxInline {
  readonly kind: 'checkbox';
  readonly checked: boolean;
}

export type Inline = TextInline | CheckboxInline;

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly inlines: readonly Inline[];
}

export interface Cell {
  readonly blocks: readonly Block[];
  /** First grid column this cell occupies (gridBefore and gridSpan resolved). */
  readonly column: number;
  readonly span: number;
  /** For a cell continuing a vertical merge: the row index of the cell that starts the merge. */
  readonly mergedFromRow?: number;
  /** True for the first cell of a vertical merge (w:vMerge w:val="restart"). */
  readonly mergeStart: boolean;
}

export interface Row {
  readonly cells: readonly Cell[];
}

export interface Table {
  readonly kind: 'table';
  readonly rows: readonly Row[];
}

export type Block = Paragraph | Table;

export interface WordDocument {
  readonly blocks: readonly Block[];
  /** The file holds macros (.docm, .dotm): read as a document, never run. */
  readonly macros?: boolean;
}

/** The text of a paragraph as written, with tabs and soft line breaks kept. */
export function paragraphText(paragraph: Paragraph): string {
  let text = '';
  for (const inline of paragraph.inlines) {
    if (inline.kind === 'text') text += inline.text;
    else text += inline.checked ? '☒' : '☐';
  }
  return text;
}

/** The text of a list of blocks: paragraphs on their own lines, nested tables cell by cell. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push(paragraphText(block));
    else for (const row of block.rows) for (const cell of row.cells) lines.push(blocksText(cell.blocks));
  }
  return lines.join('\n');
}

/**
 * A cell as a table holds it: one that continues a vertical merge (w:vMerge without "restart")
 * points at the row where the merge began, when the cell above it starts or continues one.
 */
export function mergedCell(rowsAbove: readonly Row[], cell: Cell, vMerge: 'restart' | 'continue' | undefined): Cell {
  const rowIndex = rowsAbove.length;
  if (vMerge !== 'continue' || rowIndex === 0) return cell;
  const above = rowsAbove[rowIndex - 1]?.cells.find((c) => c.column === cell.column);
  if (!above || (!above.mergeStart && above.mergedFromRow === undefined)) return cell;
  return { ...cell, mergedFromRow: above.mergedFromRow ?? rowIndex - 1 };
}

/** The blocks a cell shows: a cell continuing a vertical merge shows the content of the cell it merges with. */
export function cellBlocks(table: Table, rowIndex: number, cell: Cell): readonly Block[] {
  if (cell.mergedFromRow === undefined) return cell.blocks;
  const origin = table.rows[cell.mergedFromRow]?.cells.find((c) => c.column === cell.column);
  return origin ? origin.blocks : cell.blocks;
}

/** All inlines of a list of blocks, in reading order, paragraphs separated by a newline text. */
export function blocksInlines(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const newline: TextInline = { kind: 'text', text: '\n', bold: false, strike: false, highlight: false };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (out.length) out.push(newline);
      out.push(...block.inlines);
    } else {
      for (const row of block.rows)
        for (const cell of row.cells) {
          if (out.length) out.push(newline);
          out.push(...blocksInlines(cell.blocks));
        }
    }
  }
  return out;
}
