// The form as a reader scans it: every body paragraph and every table cell, in reading order.
// Labels are found among these slots; an answer is read from the slot where it stands
// relative to its label (the cell to the right, the cell below, the box under a heading).
import { blocksText, cellBlocks, paragraphText, type Block, type Paragraph, type Table, type WordDocument } from '../docx/model';
import { labelKey as fullKey, normalizeCharacters } from '../text';

/** No label is this long: a longer text is keyed by its beginning, which is all a label match reads. */
const KEYED_CHARACTERS = 400;
const labelKey = (text: string) => fullKey(text.slice(0, KEYED_CHARACTERS));

export interface ParagraphSlot {
  readonly kind: 'paragraph';
  readonly index: number;
  readonly text: string;
  readonly key: string;
  readonly paragraph: Paragraph;
  /** Position of the paragraph among the blocks of its container. */
  readonly blockIndex: number;
  readonly container: readonly Block[];
}

export interface CellSlot {
  readonly kind: 'cell';
  readonly index: number;
  readonly text: string;
  readonly key: string;
  readonly blocks: readonly Block[];
  readonly table: Table;
  readonly row: number;
  readonly cell: number;
  readonly column: number;
  /** A cell continuing a vertical merge: blank in its own right. */
  readonly continuesMerge: boolean;
}

export type Slot = ParagraphSlot | CellSlot;

export interface Layout {
  readonly slots: readonly Slot[];
  /** The slot of each table cell, for moving right and down from a label. */
  readonly cellSlot: (table: Table, row: number, cell: number) => CellSlot | undefined;
  readonly slotOfParagraph: (paragraph: Paragraph) => ParagraphSlot | undefined;
  /** Slots by the first word of their key, in reading order: where a label can start. */
  readonly slotsByFirstWord: ReadonlyMap<string, readonly Slot[]>;
}

/**
 * A slot's text, normalised. A tab stays wider than a space (two spaces): after a label it says that
 * what follows is a value typed beside it ("School URN⇥137 425"), not more words of the label.
 */
function slotText(text: string): string {
  return normalizeCharacters(text.replace(/\t/g, '  '));
}

export function layoutOf(document: WordDocument): Layout {
  const slots: Slot[] = [];
  const cells = new Map<Table, CellSlot[][]>();
  const paragraphs = new Map<Paragraph, ParagraphSlot>();
  const visit = (blocks: readonly Block[]) => {
    blocks.forEach((block, blockIndex) => {
      if (block.kind === 'paragraph') {
        const text = slotText(paragraphText(block));
        const slot: ParagraphSlot = {
          kind: 'paragraph',
          index: slots.length,
          text,
          key: labelKey(text),
          paragraph: block,
          blockIndex,
          container: blocks,
        };
        slots.push(slot);
        paragraphs.set(block, slot);
        return;
      }
      const grid: CellSlot[][] = [];
      cells.set(block, grid);
      block.rows.forEach((row, rowIndex) => {
        const rowSlots: CellSlot[] = [];
        grid.push(rowSlots);
        row.cells.forEach((cell, cellIndex) => {
          const shown = cellBlocks(block, rowIndex, cell);
          const own = cell.mergedFromRow === undefined;
          // A cell's label text is its own paragraphs: a table nested in it is read as slots of its own.
          const text = own ? slotText(blocksText(cell.blocks.filter((b) => b.kind === 'paragraph'))) : '';
          const slot: CellSlot = {
            kind: 'cell',
            index: slots.length,
            text,
            key: labelKey(text),
            blocks: shown,
            table: block,
            row: rowIndex,
            cell: cellIndex,
            column: cell.column,
            continuesMerge: !own,
          };
          slots.push(slot);
          rowSlots.push(slot);
          // A table nested in a cell is read after the cell that holds it.
          for (const inner of cell.blocks) if (inner.kind === 'table') visit([inner]);
        });
      });
    });
  };
  visit(document.blocks);
  const slotsByFirstWord = new Map<string, Slot[]>();
  for (const slot of slots) {
    if (!slot.key) continue;
    const space = slot.key.indexOf(' ');
    const word = space < 0 ? slot.key : slot.key.slice(0, space);
    const list = slotsByFirstWord.get(word);
    if (list) list.push(slot);
    else slotsByFirstWord.set(word, [slot]);
  }
  return {
    slotsByFirstWord,
    slots,
    cellSlot: (table, row, cell) => cells.get(table)?.[row]?.[cell],
    slotOfParagraph: (paragraph) => paragraphs.get(paragraph),
  };
}

/** The cell to the right of a label cell, or else the cell below it. */
export function answerCellOf(layout: Layout, label: CellSlot): CellSlot | undefined {
  const right = layout.cellSlot(label.table, label.row, label.cell + 1);
  if (right) return right;
  const below = label.table.rows[label.row + 1];
  if (!below) return undefined;
  const index = below.cells.findIndex((c) => c.column <= label.column && label.column < c.column + c.span);
  return layout.cellSlot(label.table, label.row + 1, index); // none at -1
}
