// Tables: rows, cells, spans and vertical merges, within the limits; placed on the grid when the table ends.
import { DocxError } from '../errors';
import { type Cell, mergedCell, type Row, type Table } from '../model';
import type { CellBuilder, Handlers, TableBuilder } from './state';

export const tables: Handlers = {
  open: {
    'w:tbl': (s) => {
      if (s.tables.length >= s.limits.tableNesting) {
        throw new DocxError('table-too-large', `The document nests tables more than ${s.limits.tableNesting} deep.`);
      }
      s.tables.push({ rows: [] });
    },
    'w:tblPr': () => 'skip',
    'w:tblGrid': () => 'skip',
    'w:tblPrEx': () => 'skip',
    // A tracked change's record of the row's properties before it: not the row as it is.
    'w:trPrChange': () => 'skip',
    'w:tr': (s) => {
      const table = s.currentTable();
      if (!table) return;
      if (table.rows.length >= s.limits.tableRows) {
        throw new DocxError('table-too-large', `A table in the document has more than ${s.limits.tableRows} rows.`);
      }
      table.rows.push({ cells: [], gridBefore: 0, deleted: false });
    },
    'w:gridBefore': (s, a) => {
      const row = s.currentRow();
      if (row && s.names[s.names.length - 2] === 'w:trPr') row.gridBefore = Number(a.get('w:val') ?? 0) || 0;
    },
    'w:tc': (s) => {
      const row = s.currentRow();
      if (!row) return;
      if (++s.cellCount > s.limits.tableCells) {
        throw new DocxError('table-too-large', `The document's tables have more than ${s.limits.tableCells} cells.`);
      }
      const cell: CellBuilder = { blocks: [], span: 1 };
      row.cells.push(cell);
      s.containers.push(cell.blocks);
    },
    'w:tcPrChange': () => 'skip',
    // Spans and merges only from the cell's own properties: the same names elsewhere are stray markup.
    'w:gridSpan': (s, a) => {
      const cell = s.currentCell();
      if (cell && s.names[s.names.length - 2] === 'w:tcPr') cell.span = Math.max(1, Math.min(64, Number(a.get('w:val') ?? 1) || 1));
    },
    'w:vMerge': (s, a) => {
      const cell = s.currentCell();
      if (cell && s.names[s.names.length - 2] === 'w:tcPr') cell.vMerge = a.get('w:val') === 'restart' ? 'restart' : 'continue';
    },
  },
  close: {
    'w:tc': (s) => {
      // A cell outside any row (stray markup) opened no container of its own: its text went on.
      if (s.containers[s.containers.length - 1] === s.currentCell()?.blocks) s.containers.pop();
    },
    'w:tr': (s) => {
      const table = s.currentTable();
      const row = s.currentRow();
      if (table && row?.deleted) table.rows.pop();
    },
    'w:tbl': (s) => {
      const built = s.tables.pop();
      if (built) s.containers[s.containers.length - 1]!.push(finishTable(built));
    },
  },
};

/** Places every cell on the table grid and links cells that continue a vertical merge to where it starts. */
function finishTable(built: TableBuilder): Table {
  const rows: Row[] = [];
  for (const rowBuilder of built.rows) {
    let column = rowBuilder.gridBefore;
    const cells: Cell[] = rowBuilder.cells.map((cellBuilder) => {
      const cell: Cell = { blocks: cellBuilder.blocks, column, span: cellBuilder.span, mergeStart: cellBuilder.vMerge === 'restart' };
      column += cellBuilder.span;
      return mergedCell(rows, cell, cellBuilder.vMerge);
    });
    rows.push({ cells });
  }
  return { kind: 'table', rows };
}
