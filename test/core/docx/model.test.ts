// The model's readings of itself, which extraction and templating rely on: a paragraph's text with
// its boxes, the text and inlines of blocks in reading order (cells of nested tables included), and
// which cell a vertical merge shows.
import {
  blocksInlines,
  blocksText,
  cellBlocks,
  mergedCell,
  paragraphText,
  type Block,
  type Cell,
  type Paragraph,
  type Row,
  type Table,
} from '../../../src/core/docx/model';

const t = (text: string, bold = false) => ({ kind: 'text' as const, text, bold, strike: false, highlight: false });
const box = (checked: boolean) => ({ kind: 'checkbox' as const, checked });
const para = (...inlines: Paragraph['inlines']): Paragraph => ({ kind: 'paragraph', inlines });
const cell = (column: number, blocks: Block[], extra: Partial<Cell> = {}): Cell => ({
  blocks,
  column,
  span: 1,
  mergeStart: false,
  ...extra,
});
const table = (...rows: Cell[][]): Table => ({ kind: 'table', rows: rows.map((cells) => ({ cells })) });

describe('paragraphText', () => {
  it('writes ticked and empty boxes as their glyphs among the text', () => {
    expect(paragraphText(para(box(true), t(' Yes '), box(false), t(' No')))).toBe('☒ Yes ☐ No');
  });
});

describe('blocksText', () => {
  it('puts paragraphs on their own lines and a table’s cells one after another', () => {
    const blocks = [
      para(t('Before')),
      table([cell(0, [para(t('A'))]), cell(1, [para(t('B')), para(t('B2'))])], [cell(0, [para(t('C'))])]),
      para(t('After')),
    ];
    expect(blocksText(blocks)).toBe('Before\nA\nB\nB2\nC\nAfter');
  });
});

describe('blocksInlines', () => {
  it('gives the inlines in reading order with one plain newline between paragraphs and cells', () => {
    const inlines = blocksInlines([para(t('Name', true)), table([cell(0, [para(box(true))]), cell(1, [para(t('x'))])]), para(t('end'))]);
    expect(inlines).toEqual([t('Name', true), t('\n'), box(true), t('\n'), t('x'), t('\n'), t('end')]);
  });

  it('starts a table at the beginning without a newline before it', () => {
    expect(blocksInlines([table([cell(0, [para(t('A'))])]), para(t('B'))])).toEqual([t('A'), t('\n'), t('B')]);
  });
});

describe('mergedCell', () => {
  const above = (extra: Partial<Cell>): Row[] => [{ cells: [cell(0, [para(t('left'))]), cell(1, [para(t('top'))], extra)] }];
  const below = cell(1, [para(t(''))]);

  it('points a continuing cell at the row where the merge starts', () => {
    expect(mergedCell(above({ mergeStart: true }), below, 'continue').mergedFromRow).toBe(0);
  });

  it('points a third row at the first, through the row between', () => {
    const rows: Row[] = [...above({ mergeStart: true }), { cells: [cell(0, []), cell(1, [], { mergedFromRow: 0 })] }];
    expect(mergedCell(rows, below, 'continue').mergedFromRow).toBe(0);
  });

  it('leaves a cell alone when the cell above starts no merge, or there is none', () => {
    expect(mergedCell(above({}), below, 'continue').mergedFromRow).toBeUndefined();
    expect(mergedCell([], below, 'continue').mergedFromRow).toBeUndefined();
    expect(mergedCell([{ cells: [cell(0, [], { mergeStart: true })] }], below, 'continue').mergedFromRow).toBeUndefined();
  });

  it('leaves a cell that restarts or has no merge alone', () => {
    expect(mergedCell(above({ mergeStart: true }), below, 'restart')).toBe(below);
    expect(mergedCell(above({ mergeStart: true }), below, undefined)).toBe(below);
  });
});

describe('cellBlocks', () => {
  const top = [para(t('Shared answer'))];
  const merged = table(
    [cell(0, [para(t('Label'))]), cell(1, top, { mergeStart: true })],
    [cell(0, [para(t('Second label'))]), cell(1, [para(t('own'))], { mergedFromRow: 0 })],
  );

  it('shows a continuing cell the blocks of the cell where its merge starts, in its own column', () => {
    expect(cellBlocks(merged, 1, merged.rows[1]!.cells[1]!)).toBe(top);
  });

  it('shows any other cell its own blocks', () => {
    expect(cellBlocks(merged, 1, merged.rows[1]!.cells[0]!)).toBe(merged.rows[1]!.cells[0]!.blocks);
  });

  it('falls back to the cell’s own blocks when the row it points at has no cell in its column', () => {
    const odd = table([cell(0, top)], [cell(0, []), cell(1, [para(t('own'))], { mergedFromRow: 0 })]);
    expect(cellBlocks(odd, 1, odd.rows[1]!.cells[1]!)).toBe(odd.rows[1]!.cells[1]!.blocks);
    const missing = table([cell(1, [para(t('own'))], { mergedFromRow: 5 })]);
    expect(cellBlocks(missing, 0, missing.rows[0]!.cells[0]!)).toBe(missing.rows[0]!.cells[0]!.blocks);
  });
});
