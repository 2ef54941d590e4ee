// OpenDocument text as LibreOffice writes it, element by element: paragraphs, styles and what they
// inherit, links, spaces, checkboxes, tables with spanned and covered cells. The whole forms as
// LibreOffice saves them are read in formats.test.ts.
import { strToU8, zipSync } from 'fflate';
import { readOdt } from '../../../src/core/documents/odt';
import { shapeOf } from '../../support/document-model';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
  'xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';

interface Parts {
  mimetype?: string | null;
  styles?: string;
  automatic?: string;
  content?: string | null;
}
function odt(body: string, parts: Parts = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const mimetype = parts.mimetype === undefined ? 'application/vnd.oasis.opendocument.text' : parts.mimetype;
  if (mimetype !== null) files.mimetype = strToU8(mimetype);
  if (parts.content !== null)
    files['content.xml'] = strToU8(
      parts.content ??
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>` +
          `<office:automatic-styles>${parts.automatic ?? ''}</office:automatic-styles>` +
          `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    );
  if (parts.styles)
    files['styles.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}><office:styles>${parts.styles}</office:styles></office:document-styles>`,
    );
  return zipSync(files);
}
const read = (body: string, parts: Parts = {}) => shapeOf(readOdt(odt(body, parts)));
const textStyle = (name: string, props: string, parent?: string) =>
  `<style:style style:name="${name}" style:family="text"${parent ? ` style:parent-style-name="${parent}"` : ''}><style:text-properties ${props}/></style:style>`;

describe('text', () => {
  it('reads paragraphs and headings of the body only', () => {
    expect(read('<text:h>Application</text:h><text:p>Name of school</text:p><text:p/>')).toEqual(['Application', 'Name of school', '']);
    expect(
      shapeOf(
        readOdt(
          odt('', {
            content: `<office:document-content ${NS}><office:meta>not this</office:meta><office:body><office:text>this<text:p>and this</text:p></office:text></office:body><text:p>nor this</text:p></office:document-content>`,
          }),
        ),
      ),
    ).toEqual(['and this']);
  });

  it('ends a heading where it ends: text after it outside any paragraph is not part of it', () => {
    expect(read('<text:h>Application</text:h>stray<text:p>x</text:p>')).toEqual(['Application', 'x']);
  });

  it('reads spaces, tabs and line breaks written as elements', () => {
    expect(read('<text:p>a<text:s text:c="3"/>b<text:s/>c<text:tab/>d<text:line-break/>e</text:p>')).toEqual(['a   b c\td\ne']);
    expect(read('<text:p>a<text:s text:c="x"/>b<text:s text:c="99999"/>c</text:p>')).toEqual([`a b${' '.repeat(1000)}c`]);
  });

  it('reads a link’s text with its target', () => {
    expect(read('<text:p>Email: <text:a xlink:href="mailto:head@school.org.uk">head@school.org.uk</text:a>.</text:p>')).toEqual([
      'Email: [head@school.org.uk](mailto:head@school.org.uk).',
    ]);
    expect(read('<text:p><text:a>no target</text:a></text:p>')).toEqual(['no target']);
  });

  it('leaves out notes, tracked changes, comments and declarations', () => {
    expect(
      read(
        '<text:tracked-changes><text:changed-region><text:p>deleted</text:p></text:changed-region></text:tracked-changes>' +
          '<text:sequence-decls><text:sequence-decl>Table</text:sequence-decl></text:sequence-decls>' +
          '<text:p>a<text:note><text:note-body><text:p>footnote</text:p></text:note-body></text:note>b' +
          '<office:annotation><text:p>comment</text:p></office:annotation>c</text:p>',
      ),
    ).toEqual(['abc']);
  });

  it('reads a paragraph in a text box inside a paragraph as its own block', () => {
    expect(read('<text:p>Before <draw:frame><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame>after</text:p>')).toEqual([
      'Before ',
      'Boxed',
      'after',
    ]);
  });
});

describe('formatting', () => {
  const automatic =
    textStyle('B', 'fo:font-weight="bold"') +
    textStyle('B7', 'fo:font-weight="700"') +
    textStyle('N5', 'fo:font-weight="500"') +
    textStyle('B6', 'fo:font-weight="600"') +
    textStyle('S', 'style:text-line-through-style="solid"') +
    textStyle('S0', 'style:text-line-through-style="none"') +
    textStyle('H', 'fo:background-color="#ffff00"') +
    textStyle('T', 'fo:background-color="transparent"') +
    textStyle('W', 'fo:background-color="#FFFFFF"') +
    textStyle('X', 'fo:background-color="none"');
  const span = (style: string, text: string) => `<text:span text:style-name="${style}">${text}</text:span>`;

  it('reads bold, strike-through and highlight from a span’s style', () => {
    expect(read(`<text:p>${span('B', 'a')}${span('B7', 'b')}${span('N5', 'c')}</text:p>`, { automatic })).toEqual(['**ab**c']);
    expect(read(`<text:p>${span('N5', 'a')}${span('B6', 'b')}</text:p>`, { automatic })).toEqual(['a**b**']);
    expect(read(`<text:p>Yes/${span('S', 'No')} ${span('S0', 'x')}</text:p>`, { automatic })).toEqual(['Yes/~~No~~ x']);
    expect(read(`<text:p>${span('H', 'Yes')}${span('T', 'a')}${span('W', 'b')}${span('X', 'c')}</text:p>`, { automatic })).toEqual([
      '==Yes==abc',
    ]);
  });

  it('inherits from the paragraph’s style and from parent styles, the nearest winning', () => {
    const styles = textStyle('Strong', 'fo:font-weight="bold"') + textStyle('Plain', 'fo:font-weight="normal"', 'Strong');
    expect(read(`<text:p text:style-name="Strong">a${span('Plain', 'b')}</text:p>`, { styles })).toEqual(['**a**b']);
    expect(
      read(`<text:p>${span('Child', 'c')}</text:p>`, { styles, automatic: textStyle('Child', 'fo:color="#000000"', 'Strong') }),
    ).toEqual(['**c**']);
    expect(read(`<text:p>${span('Plain', `${span('S', 'd')}`)}</text:p>`, { styles, automatic })).toEqual(['~~d~~']);
  });

  it('keeps what a paragraph’s style says that a span’s style does not', () => {
    expect(read(`<text:p text:style-name="B">a${span('S', 'b')}</text:p>`, { automatic })).toEqual(['**a**~~**b**~~']);
  });

  it('gives a style only the text properties inside it', () => {
    const styles =
      textStyle('Quiet', 'fo:color="#000000"') +
      '<style:default-style style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:default-style>';
    expect(read(`<text:p text:style-name="Quiet">x</text:p>`, { styles })).toEqual(['x']);
  });

  it('stops at a loop of parent styles, and at a style that is not there', () => {
    const loop = textStyle('A', 'fo:color="#000"', 'B') + textStyle('B', 'fo:color="#000"', 'A');
    expect(
      read(`<text:p><text:span text:style-name="A">x</text:span><text:span text:style-name="Nowhere">y</text:span></text:p>`, {
        automatic: loop,
      }),
    ).toEqual(['xy']);
  });
});

describe('checkboxes', () => {
  const box = (checked: string, element = 'field:fieldmark') =>
    `<${element} field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Checkbox_Checked" field:value="${checked}"/></${element}>`;

  it('reads a legacy checkbox by its state', () => {
    expect(read(`<text:p>${box('true')} Yes ${box('false')} No</text:p>`)).toEqual(['☒ Yes ☐ No']);
    expect(read(`<text:p>${box('true', 'field:fieldmark-start')} Yes</text:p>`)).toEqual(['☒ Yes']);
  });

  it('reads other field marks and parameters as nothing', () => {
    expect(
      read(
        '<text:p><field:fieldmark field:type="vnd.oasis.opendocument.field.FORMTEXT"><field:param field:name="Checkbox_Checked" field:value="true"/></field:fieldmark>x</text:p>',
      ),
    ).toEqual(['x']);
    expect(
      read(
        '<text:p><field:fieldmark field:type="vnd.oasis.opendocument.field.FORMCHECKBOX"><field:param field:name="Other" field:value="true"/></field:fieldmark>x</text:p>',
      ),
    ).toEqual(['☐x']);
  });
});

describe('tables', () => {
  const cell = (text: string, attributes = '') => `<table:table-cell${attributes}><text:p>${text}</text:p></table:table-cell>`;
  const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
  const table = (...rows: string[]) =>
    `<table:table><table:table-columns><table:table-column/></table:table-columns>${rows.join('')}</table:table>`;

  it('reads rows of cells', () => {
    expect(read(table(row(cell('Name of school'), cell('Ashfield')), row(cell('URN'), cell('137425'))))).toEqual([
      {
        rows: [
          [['Name of school'], ['Ashfield']],
          [['URN'], ['137425']],
        ],
      },
    ]);
  });

  it('reads a cell spanning columns, passing over the cells it covers', () => {
    expect(
      read(
        table(
          row(cell('a'), cell('b', ' table:number-columns-spanned="2"'), '<table:covered-table-cell/>', cell('d')),
          row(cell('e'), cell('f'), cell('g'), cell('h')),
        ),
      ),
    ).toEqual([
      {
        rows: [
          [['a'], { at: '@1+2', blocks: ['b'] }, ['d']],
          [['e'], ['f'], ['g'], ['h']],
        ],
      },
    ]);
  });

  it('reads a cell spanning rows as a vertical merge, its covered cells continuing it', () => {
    expect(
      read(
        table(
          row(cell('Statement', ' table:number-rows-spanned="3"'), cell('a')),
          row('<table:covered-table-cell/>', cell('b')),
          row('<table:covered-table-cell/>', cell('c')),
          row('<table:covered-table-cell/>', cell('d')),
        ),
      ),
    ).toEqual([
      {
        rows: [
          [{ at: '@0+1 merge', blocks: ['Statement'] }, ['a']],
          [{ at: '@0+1 merged from row 0', blocks: [''] }, ['b']],
          [{ at: '@0+1 merged from row 0', blocks: [''] }, ['c']],
          [[''], ['d']], // the merge covered two rows below it only
        ],
      },
    ]);
  });

  it('reads a cell spanning rows and columns, its covered cells in both directions', () => {
    expect(
      read(
        table(
          row(cell('x', ' table:number-columns-spanned="2" table:number-rows-spanned="2"'), '<table:covered-table-cell/>', cell('a')),
          row('<table:covered-table-cell/>', '<table:covered-table-cell/>', cell('b')),
        ),
      ),
    ).toEqual([
      {
        rows: [
          [{ at: '@0+2 merge', blocks: ['x'] }, ['a']],
          [{ at: '@0+2 merged from row 0', blocks: [''] }, ['b']],
        ],
      },
    ]);
  });

  it('reads spans that are not numbers, or too large, as 1 and 1000', () => {
    expect(read(table(row(cell('a', ' table:number-columns-spanned="two"'), cell('b', ' table:number-columns-spanned="0"'))))).toEqual([
      { rows: [[['a'], ['b']]] },
    ]);
    expect(read(table(row(cell('a', ' table:number-columns-spanned="5000"'))))).toEqual([{ rows: [[{ at: '@0+1000', blocks: ['a'] }]] }]);
  });

  it('continues a merge spanning rows in any column, and ends the table where it ends', () => {
    expect(
      read(
        table(
          row(
            cell('a'),
            cell('b', ' table:number-columns-spanned="2"'),
            '<table:covered-table-cell/>',
            cell('x', ' table:number-rows-spanned="2"'),
          ),
          row(cell('c'), cell('d'), cell('e'), '<table:covered-table-cell/>'),
        ) + '<text:p>After</text:p>',
      ),
    ).toEqual([
      {
        rows: [
          [['a'], { at: '@1+2', blocks: ['b'] }, { at: '@3+1 merge', blocks: ['x'] }],
          [['c'], ['d'], ['e'], { at: '@3+1 merged from row 0', blocks: [''] }],
        ],
      },
      'After',
    ]);
  });

  it('reads a table nested in a cell after the cell’s own paragraphs', () => {
    expect(
      read(table(row(`<table:table-cell><text:p>Outer</text:p>${table(row(cell('in a'), cell('in b')))}</table:table-cell>`))),
    ).toEqual([{ rows: [[['Outer', { rows: [[['in a'], ['in b']]] }]]] }]);
  });

  it('reads a covered cell outside any table as nothing', () => {
    expect(read('<table:covered-table-cell><text:p>stray</text:p></table:covered-table-cell><text:p>x</text:p>')).toEqual(['x']);
  });
});

describe('what is refused', () => {
  it('an OpenDocument file that is not a text document', () => {
    expect(() => readOdt(odt('<text:p>x</text:p>', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toThrow(
      expect.objectContaining({ code: 'not-a-word-document', message: 'The file is an OpenDocument file but not a text document.' }),
    );
    expect(read('<text:p>x</text:p>', { mimetype: null })).toEqual(['x']);
    expect(read('<text:p>x</text:p>', { mimetype: ' application/vnd.oasis.opendocument.text\n' })).toEqual(['x']);
  });

  it('a package with no content.xml', () => {
    expect(() => readOdt(odt('', { content: null }))).toThrow(
      expect.objectContaining({
        code: 'missing-part',
        message: 'The document has no content part (content.xml); it is not a complete OpenDocument text.',
      }),
    );
  });
});
