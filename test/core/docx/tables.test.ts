// Tables as Word writes them, and as a hostile sender might: cells placed on the grid (gridBefore,
// gridSpan), a row's old properties from tracked changes not obeyed, stray table markup outside
// any table passed over, and the table limits enforced exactly at their edge.
import { readDocx } from '../../../src/core/docx/read-docx';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { minimalDocx, p, r, tbl, tc, tr } from '../../support/minimal-docx';
import { shapeOf } from '../../support/document-model';

const read = (body: string, limits: DocxLimits = DOCX_LIMITS) => {
  const result = readDocx(minimalDocx(body), limits);
  return result.ok ? shapeOf(result.document) : { code: result.error.code, message: result.error.message };
};
const cell = (text: string) => tc(p(r(text)));

describe('placing cells on the grid', () => {
  it('starts a row after the columns its gridBefore skips, and not after an old value kept by a tracked change', () => {
    const oldProperties =
      '<w:trPrChange w:id="1" w:author="Head" w:date="2026-11-01T10:00:00Z"><w:trPr><w:gridBefore w:val="2"/></w:trPr></w:trPrChange>';
    expect(
      read(
        tbl(
          tr(cell('a'), cell('b'), cell('c')),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/>${oldProperties}</w:trPr>${cell('moved')}${cell('on')}</w:tr>`,
        ),
      ),
    ).toEqual([
      {
        rows: [
          [['a'], ['b'], ['c']],
          [{ at: '@1+1', blocks: ['moved'] }, ['on']],
        ],
      },
    ]);
  });

  it('obeys a gridBefore only in the row’s properties, and a span or merge only in the cell’s', () => {
    const stray = '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>';
    expect(
      read(
        tbl(
          tr(cell('a'), cell('b')),
          tr(tc(`<w:tcPr><w:gridBefore w:val="1"/></w:tcPr>${p(r('x'))}`), tc(p(`<w:r><w:rPr>${stray}</w:rPr><w:t>y</w:t></w:r>`))),
        ),
      ),
    ).toEqual([
      {
        rows: [
          [['a'], ['b']],
          [['x'], ['y']],
        ],
      },
    ]);
  });
});

describe('tracked changes in a table', () => {
  it('leave out a deleted row, read the next row’s properties as written, and keep a row with deleted text in it', () => {
    const deletedRow = `<w:tr><w:trPr><w:del w:id="1" w:author="Head" w:date="2026-11-01T10:00:00Z"/></w:trPr>${cell('gone')}${cell('too')}</w:tr>`;
    const shifted = `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell('shifted')}</w:tr>`;
    const edited = tr(
      tc(p(r('kept'), '<w:del w:id="2" w:author="Head" w:date="2026-11-01T10:00:00Z"><w:r><w:delText> old</w:delText></w:r></w:del>')),
      cell('row'),
    );
    expect(read(tbl(tr(cell('a'), cell('b')), deletedRow, shifted, edited))).toEqual([
      {
        rows: [[['a'], ['b']], [{ at: '@1+1', blocks: ['shifted'] }], [['kept'], ['row']]],
      },
    ]);
  });
});

describe('table markup outside a table', () => {
  it('is passed over, and the text around it read', () => {
    const stray = '<w:gridBefore w:val="2"/><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/>';
    expect(
      read(
        p(`<w:r><w:rPr>${stray}</w:rPr><w:t>Before</w:t></w:r>`) +
          `<w:tr><w:tc>${p(r('stray cell'))}</w:tc></w:tr>` +
          `<w:tc>${p(r('loose'))}</w:tc>`,
      ),
    ).toEqual(['Before', 'stray cell', 'loose']);
  });
});

describe('the table limits, at their edge', () => {
  const rows = (n: number) => tbl(...Array.from({ length: n }, (_, i) => tr(cell(`row ${i + 1}`))));

  it('rows: as many as the limit are read, one more is refused', () => {
    const limits = { ...DOCX_LIMITS, tableRows: 3 };
    expect(read(rows(3), limits)).toEqual([{ rows: [[['row 1']], [['row 2']], [['row 3']]] }]);
    expect(read(rows(4), limits)).toEqual({ code: 'table-too-large', message: 'A table in the document has more than 3 rows.' });
  });

  it('cells: as many as the limit over all tables are read, one more is refused', () => {
    const limits = { ...DOCX_LIMITS, tableCells: 3 };
    expect(read(tbl(tr(cell('a'), cell('b'))) + tbl(tr(cell('c'))), limits)).toEqual([{ rows: [[['a'], ['b']]] }, { rows: [[['c']]] }]);
    expect(read(tbl(tr(cell('a'), cell('b'))) + tbl(tr(cell('c'), cell('d'))), limits)).toEqual({
      code: 'table-too-large',
      message: "The document's tables have more than 3 cells.",
    });
  });

  it('nesting: tables as deep as the limit are read, one deeper is refused', () => {
    const nested = (depth: number): string => tbl(tr(tc(depth > 1 ? nested(depth - 1) + '<w:p/>' : p(r('deepest')))));
    const limits = { ...DOCX_LIMITS, tableNesting: 2 };
    expect(read(nested(2), limits)).toEqual([{ rows: [[[{ rows: [[['deepest']]] }, '']]] }]);
    expect(read(nested(3), limits)).toEqual({ code: 'table-too-large', message: 'The document nests tables more than 2 deep.' });
  });
});
