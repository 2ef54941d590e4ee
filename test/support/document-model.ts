// A form's document model written as data, for tests of what the core does with a layout: a string
// is a paragraph ("\t" a tab), an array of rows is a table. Built by the same DocumentBuilder the
// .doc, .rtf and .odt readers use, so merged cells and nested tables take the shapes they take there.
import { DocumentBuilder } from '../../src/core/documents/builder';
import { readDocx } from '../../src/core/docx/read-docx';
import type { Table, WordDocument } from '../../src/core/docx/model';

export interface CellSpec {
  /** Paragraphs of the cell; a table among them is nested in the cell. */
  readonly content?: readonly (string | readonly RowSpec[])[];
  readonly span?: number;
  readonly vMerge?: 'restart' | 'continue';
  /** Checkboxes before the cell's text: true for a ticked one. */
  readonly boxes?: readonly boolean[];
}
export type RowSpec = readonly (string | CellSpec)[];
export type BlockSpec = string | readonly RowSpec[];

function writeBlocks(builder: DocumentBuilder, blocks: readonly BlockSpec[]): void {
  for (const block of blocks) {
    if (typeof block === 'string') {
      builder.text(block);
      builder.endParagraph();
      continue;
    }
    builder.startTable();
    for (const row of block) {
      builder.startRow();
      for (const spec of row) {
        const cell: CellSpec = typeof spec === 'string' ? { content: [spec] } : spec;
        builder.startCell({ span: cell.span, vMerge: cell.vMerge });
        for (const ticked of cell.boxes ?? []) builder.checkbox(ticked);
        writeBlocks(builder, cell.content ?? []);
        builder.endCell();
      }
      builder.endRow();
    }
    builder.endTable();
  }
}

export function documentOf(...blocks: BlockSpec[]): WordDocument {
  const builder = new DocumentBuilder();
  writeBlocks(builder, blocks);
  return builder.finish();
}

/** The document's tables, in reading order (nested ones after the cell that holds them). */
export function tablesOf(document: WordDocument): Table[] {
  const tables: Table[] = [];
  const visit = (blocks: WordDocument['blocks']) => {
    for (const block of blocks) {
      if (block.kind !== 'table') continue;
      tables.push(block);
      for (const row of block.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(document.blocks);
  return tables;
}

/**
 * A document as plain data to compare: a paragraph is its text with its formatting marked
 * (**bold**, ~~struck~~, ==highlighted==, [text](link), ☒/☐ for boxes); a table is its rows of cells,
 * each cell its blocks, with "@column+span" and the vertical merge when they are not the plain ones.
 */
export type Shape = string | { rows: ShapeCell[][] };
export type ShapeCell = Shape[] | { at: string; blocks: Shape[] };

export function shapeOf(document: WordDocument | { blocks: WordDocument['blocks'] }): Shape[] {
  return document.blocks.map((block): Shape => {
    if (block.kind === 'paragraph')
      return block.inlines
        .map((inline) => {
          if (inline.kind === 'checkbox') return inline.checked ? '☒' : '☐';
          let text = inline.text;
          if (inline.bold) text = `**${text}**`;
          if (inline.strike) text = `~~${text}~~`;
          if (inline.highlight) text = `==${text}==`;
          return inline.link ? `[${text}](${inline.link})` : text;
        })
        .join('');
    return {
      rows: block.rows.map((row) => {
        let expectedColumn = 0;
        return row.cells.map((cell): ShapeCell => {
          const blocks = shapeOf(cell);
          const plain = cell.column === expectedColumn && cell.span === 1 && !cell.mergeStart && cell.mergedFromRow === undefined;
          expectedColumn = cell.column + cell.span;
          if (plain) return blocks;
          const merge = cell.mergeStart ? ' merge' : cell.mergedFromRow !== undefined ? ` merged from row ${cell.mergedFromRow}` : '';
          return { at: `@${cell.column}+${cell.span}${merge}`, blocks };
        });
      }),
    };
  });
}

/** The shape of a .docx (minimal-docx.ts builds one from body XML), read as the product reads it. */
export function shapeOfDocx(docx: Uint8Array): Shape[] {
  const result = readDocx(docx);
  if (!result.ok) throw new Error(result.error.message);
  return shapeOf(result.document);
}
