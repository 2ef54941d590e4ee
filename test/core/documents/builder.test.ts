// The one builder the .doc, .rtf, .odt and PDF readers write through: text runs joined by their
// look, cells opened when text arrives without one, rows defined at their end (as .doc does), the
// grid made from the cells' edges (snapped within 30 twips), and the table limits at their edge.
import { DocumentBuilder } from '../../../src/core/documents/builder';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { shapeOf } from '../../support/document-model';

const limits = (more: Partial<DocxLimits>): DocxLimits => ({ ...DOCX_LIMITS, ...more });

describe('text', () => {
  it('joins runs of one look, keeps runs of another apart, and drops empty runs', () => {
    const b = new DocumentBuilder();
    expect(b.paragraphEmpty).toBe(true);
    b.text('Name ');
    b.text('');
    b.text('of school');
    expect(b.paragraphEmpty).toBe(false);
    b.text(' Ashfield', { bold: true });
    b.checkbox(true);
    b.endParagraph();
    expect(b.finish().blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Name of school', bold: false, strike: false, highlight: false },
          { kind: 'text', text: ' Ashfield', bold: true, strike: false, highlight: false },
          { kind: 'checkbox', checked: true },
        ],
      },
    ]);
  });
});

describe('tables', () => {
  it('opens a row and a cell for text that arrives in a table without them, and closes all at the end', () => {
    const b = new DocumentBuilder();
    b.startTable();
    expect([b.tableDepth, b.rowCells]).toEqual([1, 0]);
    b.text('in a cell');
    b.endParagraph();
    expect(b.rowCells).toBe(1);
    b.startTable(); // nested, in the open cell
    b.startCell();
    b.text('nested');
    b.text('after', { strike: true });
    expect(shapeOf(b.finish())).toEqual([{ rows: [[['in a cell', { rows: [[['nested~~after~~']]] }]]] }]);
  });

  it('ignores row and cell marks outside a table, and drops a table with no rows', () => {
    const b = new DocumentBuilder();
    b.startRow();
    b.startCell();
    b.endCell();
    b.endRow();
    b.defineRow(0, [{ right: 100 }]);
    b.endTable();
    b.startTable();
    b.endTable();
    b.text('after');
    expect(shapeOf(b.finish())).toEqual(['after']);
  });

  it('takes a row’s cell edges and merges when the row is defined at its end; a cell without a definition keeps its own', () => {
    const b = new DocumentBuilder();
    b.startTable();
    for (const [top, bottom] of [
      ['Name', 'Ann'],
      ['', 'Bob'],
    ] as const) {
      b.startRow();
      for (const t of [top, bottom, 'extra']) {
        b.startCell({ vMerge: 'restart' });
        b.text(t);
        b.endCell();
      }
      b.defineRow(0, [{ right: 2000, vMerge: top ? 'restart' : 'continue' }, { right: 5000 }]);
      b.endRow();
    }
    const table = b.finish().blocks[0]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => [c.column, c.span, c.mergeStart, c.mergedFromRow]))).toEqual([
      [
        [0, 1, true, undefined],
        [1, 1, false, undefined],
        [2, 1, true, undefined],
      ],
      [
        [0, 1, false, 0],
        [1, 1, false, undefined],
        [2, 1, true, undefined],
      ],
    ]);
  });

  it('makes the grid from the cells’ edges, snapping edges within 30 twips, and places a row by its left edge', () => {
    const b = new DocumentBuilder();
    b.startTable();
    b.startRow(0);
    b.startCell({ right: 3000 });
    b.text('wide');
    b.endCell();
    b.startCell({ right: 6000 });
    b.endCell();
    b.startRow(0);
    b.startCell({ right: 1500 });
    b.endCell();
    b.startCell({ right: 3020 });
    b.endCell();
    b.startCell({ right: 6000 });
    b.endCell();
    b.startRow(1490);
    b.startCell({ right: 5990 });
    b.text('from 1');
    b.endCell();
    const table = b.finish().blocks[0]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => `${c.column}+${c.span}`))).toEqual([['0+2', '2+1'], ['0+1', '1+1', '2+1'], ['1+2']]);
  });
});

describe('the table limits, at their edge', () => {
  const build = (l: Partial<DocxLimits>, work: (b: DocumentBuilder) => void) => {
    const b = new DocumentBuilder(limits(l));
    try {
      work(b);
      b.finish();
      return 'read';
    } catch (e) {
      return `${(e as { code: string }).code}: ${(e as Error).message}`;
    }
  };
  const rows = (n: number) => (b: DocumentBuilder) => {
    b.startTable();
    for (let i = 0; i < n; i++) {
      b.startRow();
      b.startCell();
    }
  };
  const nest = (n: number) => (b: DocumentBuilder) => {
    for (let i = 0; i < n; i++) b.startTable();
  };

  it('rows, cells and nesting', () => {
    expect(build({ tableRows: 2 }, rows(2))).toBe('read');
    expect(build({ tableRows: 2 }, rows(3))).toBe('table-too-large: A table has more than 2 rows.');
    expect(build({ tableCells: 2 }, rows(2))).toBe('read');
    expect(build({ tableCells: 2 }, rows(3))).toBe('table-too-large: The document has more than 2 table cells.');
    expect(build({ tableNesting: 2 }, nest(2))).toBe('read');
    expect(build({ tableNesting: 2 }, nest(3))).toBe('table-too-large: The document nests tables more than 2 deep.');
  });
});
