// The Word 97-2003 (.doc) reader on files written property by property (test/support/doc-writer.ts):
// the text in its pieces, character and paragraph properties, tables by their marks and row
// definitions, fields and legacy checkboxes, and each way a file is refused. formats.test.ts reads
// the sample forms as LibreOffice saves them.
import CFB from 'cfb';
import { readDoc } from '../../../src/core/documents/doc';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { shapeOf } from '../../support/document-model';
import { refusalOf } from '../../support/refusal';
import {
  bold,
  boldToggled,
  checkboxData,
  depth,
  docFile,
  doubleStrike,
  highlight,
  inTable,
  innerCellEnd,
  innerRowEnd,
  picLocation,
  rowDefinition,
  rowEnd,
  special,
  strike,
  type DocOptions,
  type DocParagraph,
} from '../../support/doc-writer';

const read = (paragraphs: DocParagraph[], options?: DocOptions) => shapeOf(readDoc(docFile(paragraphs, options)));
const refusal = (bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS) => refusalOf(() => readDoc(bytes, limits));
const DAMAGED = { code: 'corrupt-zip', message: 'The Word 97-2003 document is damaged or incomplete.' };

/** A table's cell paragraph, and the mark that ends its row (with the row's cell edges). */
const cell = (text: string, pap: number[] = inTable): DocParagraph => ({ runs: [text], end: '\x07', pap });
const rowMark = (edges: number[], merges?: Parameters<typeof rowDefinition>[1]): DocParagraph => ({
  runs: [],
  end: '\x07',
  pap: [...inTable, ...rowEnd, ...rowDefinition(edges, merges)],
});

describe('text', () => {
  it('reads 8-bit pieces as Windows-1252 and 16-bit pieces as UTF-16, in order', () => {
    expect(read([{ runs: ['Name of school: “Ashfield” – €5 Zoë'] }])).toEqual(['Name of school: “Ashfield” – €5 Zoë']);
    const mixed = [{ runs: ['Name: Zoë Ω Ashfield'] }];
    expect(read(mixed, { pieces: [6, 11], unicode: [1] })).toEqual(['Name: Zoë Ω Ashfield']);
    expect(read(mixed, { unicode: true })).toEqual(['Name: Zoë Ω Ashfield']);
  });

  it('skips a piece with no characters and the property modifiers written before the pieces', () => {
    expect(read([{ runs: ['Ashfield Academy'] }], { pieces: [8, 8] })).toEqual(['Ashfield Academy']);
    expect(read([{ runs: ['Ashfield Academy'] }], { prc: [0x01, 3, 0, 0x18, 0x04, 0x00] })).toEqual(['Ashfield Academy']);
  });

  it('reads the main text only, up to the length the FIB gives, even inside a piece', () => {
    const paragraphs = [{ runs: ['Main text'] }, { runs: ['A footnote'] }];
    expect(read(paragraphs, { ccpText: 10 })).toEqual(['Main text']);
    expect(read(paragraphs, { ccpText: 10, pieces: [10] })).toEqual(['Main text']);
    expect(read(paragraphs, { ccpText: 4, pieces: [10] })).toEqual(['Main']);
  });

  it('reads line breaks, non-breaking hyphens, tabs and non-breaking spaces, and leaves out pictures and anchors', () => {
    expect(read([{ runs: ['Jane\vSmith\x1eJones\tHead\u00a0Teacher\x01\x08!'] }])).toEqual(['Jane\nSmith-Jones\tHead\u00a0Teacher!']);
  });

  it('ends a paragraph at a page break and at a cell mark outside a table', () => {
    expect(read([{ runs: ['One'], end: '\f' }, { runs: ['Two'], end: '\x07' }, { runs: ['Three'] }])).toEqual(['One', 'Two', 'Three']);
  });
});

describe('character properties', () => {
  it('reads bold, strike-through and highlight, each on and off', () => {
    expect(
      read([
        {
          runs: [
            { text: 'Yes', chp: bold() },
            '/',
            { text: 'No', chp: strike },
            ' ',
            { text: 'maybe', chp: doubleStrike },
            ' ',
            { text: 'lit', chp: highlight() },
            { text: ' plain', chp: [...bold(false), ...highlight(0)] },
            { text: ' toggled', chp: boldToggled },
            { text: ' all', chp: [...bold(), ...strike, ...highlight(4)] },
          ],
        },
      ]),
    ).toEqual(['**Yes**/~~No~~ ~~maybe~~ ==lit== plain** toggled**==~~** all**~~==']);
  });

  it('takes a strike-through operand other than on or toggle as off', () => {
    expect(
      read([
        {
          runs: [
            { text: 'a', chp: [0x37, 0x08, 2] },
            { text: 'b', chp: [0x53, 0x2a, 0x80] },
          ],
        },
      ]),
    ).toEqual(['ab']);
    expect(read([{ runs: [{ text: 'a', chp: [0x35, 0x08, 2] }] }])).toEqual(['a']);
  });

  it('takes the strike-through toggle as struck, and finds properties on pages listed in any order', () => {
    expect(read([{ runs: [{ text: 'a', chp: [0x37, 0x08, 0x81] }, 'b'] }])).toEqual(['~~a~~b']);
    const runs = Array.from({ length: 25 }, (_, i) => ({ text: `w${i} `, chp: bold(i % 2 === 0) }));
    const expected = runs.map((r, i) => (i % 2 === 0 ? `**${r.text}**` : r.text)).join('');
    expect(read([{ runs }], { pagesReversed: true })).toEqual([expected]);
  });

  it('ignores properties that run past the end of their page', () => {
    const bytes = docFile([{ runs: [{ text: 'Yes', chp: bold() }, ' plain'] }], {
      // The first character run's size byte, made to reach past the page: the property is dropped, not read from outside.
      patch: ({ word }) => {
        const page = 1536; // the first page after the FIB (1024 bytes) and the text
        const runs = word[page + 511]!;
        const offset = word[page + (runs + 1) * 4]! * 2;
        word[page + offset] = 255;
      },
    });
    expect(shapeOf(readDoc(bytes))).toEqual(['Yes plain']);
  });

  it('passes over properties of every size it does not need', () => {
    const others = [
      ...[0x4a, 0x4a, 20], // sprmCHps: 2-byte operand
      ...[0x6d, 0x48, 1, 2, 3, 4], // a 4-byte operand (spra 3)
      ...[0x00, 0xe4, 1, 2, 3], // a 3-byte operand (spra 7)
      ...[0x1a, 0xca, 2, 9, 9], // a variable operand, its size first (spra 6)
      ...[0x02, 0x08, 1], // a 1-byte operand (spra 0)
    ];
    expect(read([{ runs: [{ text: 'Yes', chp: [...others, ...bold()] }] }])).toEqual(['**Yes**']);
    // A property cut short ends the list; what came before it stands.
    expect(read([{ runs: [{ text: 'Yes', chp: [...bold(), 0x6d, 0x48, 1] }] }])).toEqual(['**Yes**']);
    expect(read([{ runs: [{ text: 'Yes', chp: [...bold(), 0x1a, 0xca] }] }])).toEqual(['**Yes**']);
  });
});

describe('tables', () => {
  it('reads cells by their marks and ends the row at its mark', () => {
    expect(
      read([
        cell('Name'),
        cell('Ashfield'),
        rowMark([0, 2000, 6000]),
        cell('URN'),
        cell('137425'),
        rowMark([0, 2000, 6000]),
        { runs: ['after'] },
      ]),
    ).toEqual([
      {
        rows: [
          [['Name'], ['Ashfield']],
          [['URN'], ['137425']],
        ],
      },
      'after',
    ]);
  });

  it('places cells by the row’s cell edges, spanning the columns they cover', () => {
    const rows = [
      cell('Name'),
      cell('Ashfield'),
      rowMark([0, 2000, 6000]),
      cell('Year'),
      cell('2023'),
      cell('2024'),
      rowMark([0, 2000, 4000, 6000]),
    ];
    expect(read(rows)).toEqual([
      {
        rows: [
          [['Name'], { at: '@1+2', blocks: ['Ashfield'] }],
          [['Year'], ['2023'], ['2024']],
        ],
      },
    ]);
  });

  it('reads a cell merged down from the row above', () => {
    const rows = [
      cell('Roles'),
      cell('Lead'),
      rowMark([0, 2000, 6000], ['restart']),
      cell(''),
      cell('Deputy'),
      rowMark([0, 2000, 6000], ['continue']),
    ];
    expect(read(rows)).toEqual([
      {
        rows: [
          [{ at: '@0+1 merge', blocks: ['Roles'] }, ['Lead']],
          [{ at: '@0+1 merged from row 0', blocks: [''] }, ['Deputy']],
        ],
      },
    ]);
  });

  it('reads a row with no definition, and a table that ends the document', () => {
    expect(read([cell('a'), cell('b'), { runs: [], end: '\x07', pap: [...inTable, ...rowEnd] }])).toEqual([{ rows: [[['a'], ['b']]] }]);
    expect(read([cell('a'), cell('b')])).toEqual([{ rows: [[['a'], ['b']]] }]);
  });

  it('takes a table property set to 0 as off', () => {
    const off = [0x16, 0x24, 0];
    expect(
      read([{ runs: ['Not in a table'], pap: off }, { runs: ['x'], pap: [...inTable, 0x17, 0x24, 0], end: '\x07' }, rowMark([0, 3000])]),
    ).toEqual(['Not in a table', { rows: [[['x']]] }]);
  });

  it('reads a row of more cells than fit a one-byte size', () => {
    const edges = Array.from({ length: 13 }, (_, i) => i * 500);
    const cells = Array.from({ length: 12 }, (_, i) => cell(`c${i}`));
    // The second row's two cells each cover six of the first row's twelve columns.
    expect(read([...cells, rowMark(edges), cell('left'), cell('right'), rowMark([0, 3000, 6000])])).toEqual([
      {
        rows: [
          cells.map((_, i) => [`c${i}`]),
          [
            { at: '@0+6', blocks: ['left'] },
            { at: '@6+6', blocks: ['right'] },
          ],
        ],
      },
    ]);
  });

  it('reads a row definition cut short as no definition', () => {
    const cutShort = { runs: [], end: '\x07' as const, pap: [...inTable, ...rowEnd, 0x08, 0xd6, 4, 0, 3, 0, 0] };
    expect(read([cell('a'), cell('b'), cutShort])).toEqual([{ rows: [[['a'], ['b']]] }]);
  });

  it('reads a cell of several paragraphs', () => {
    expect(read([{ runs: ['Line one'], pap: inTable }, cell('Line two'), cell('x'), rowMark([0, 3000, 6000])])).toEqual([
      { rows: [[['Line one', 'Line two'], ['x']]] },
    ]);
  });

  it('reads a table nested in a cell by its depth and its inner marks', () => {
    const inner = (text: string) => ({ runs: [text], end: '\r' as const, pap: [...inTable, ...depth(2), ...innerCellEnd] });
    const innerRow = {
      runs: [],
      end: '\r' as const,
      pap: [...inTable, ...depth(2), ...innerCellEnd, ...innerRowEnd, ...rowDefinition([0, 1000, 2000])],
    };
    expect(read([cell('Outer'), inner('In 1'), inner('In 2'), innerRow, cell(''), rowMark([0, 3000, 6000])])).toEqual([
      { rows: [[['Outer'], [{ rows: [[['In 1'], ['In 2']]] }, '']]] },
    ]);
  });
});

describe('fields', () => {
  const field = (instruction: string, result: string, chp: number[] = []) => ['\x13', { text: instruction, chp }, '\x14', result, '\x15'];

  it('reads a hyperlink’s result with its target, and other fields’ results alone', () => {
    expect(read([{ runs: ['Email: ', ...field(' HYPERLINK "mailto:head@school.org.uk" ', 'head@school.org.uk'), '.'] }])).toEqual([
      'Email: [head@school.org.uk](mailto:head@school.org.uk).',
    ]);
    expect(read([{ runs: ['Page ', ...field(' PAGE ', '3')] }])).toEqual(['Page 3']);
    expect(read([{ runs: ['\x14', 'a', '\x15', 'b'] }])).toEqual(['ab']);
  });

  it('reads a field inside a hyperlink’s result with the hyperlink’s target', () => {
    expect(read([{ runs: [...field(' HYPERLINK "https://x.org" ', ''), 'x'] }])).toEqual(['x']);
    const nested = ['\x13', ' HYPERLINK "https://x.org" ', '\x14', 'see ', ...field(' PAGE ', '2'), '\x15'];
    expect(read([{ runs: nested }])).toEqual(['[see 2](https://x.org)']);
  });

  describe('legacy checkboxes', () => {
    const at = 0;
    const box = (data?: Uint8Array, location: number | null = at) =>
      read([{ runs: [...field(' FORMCHECKBOX ', '', location === null ? [] : picLocation(location)), ' Yes'] }], data ? { data } : {});

    it('read their own state, else their default', () => {
      expect(box(Uint8Array.from(checkboxData('checked')))).toEqual(['☒ Yes']);
      expect(box(Uint8Array.from(checkboxData('unchecked')))).toEqual(['☐ Yes']);
      expect(box(Uint8Array.from(checkboxData('default', { default: true })))).toEqual(['☒ Yes']);
      expect(box(Uint8Array.from(checkboxData('default', { name: 'A longer name' })))).toEqual(['☐ Yes']);
    });

    it('read their own state over their default', () => {
      expect(box(Uint8Array.from(checkboxData('unchecked', { default: true })))).toEqual(['☐ Yes']);
      expect(box(Uint8Array.from(checkboxData('checked', { default: false })))).toEqual(['☒ Yes']);
    });

    it('take their data from the instruction character that names it, whatever the other characters carry', () => {
      const data = Uint8Array.from(checkboxData('checked'));
      const named = ['\x13', { text: ' ', chp: [...picLocation(0), 0x6d, 0x48, 1, 2, 3, 4] }, 'FORMCHECKBOX ', '\x14', '\x15', ' Yes'];
      expect(read([{ runs: named }], { data })).toEqual(['☒ Yes']);
      const unspaced = ['\x13', { text: 'FORMCHECKBOX', chp: picLocation(0) }, '\x15', ' Yes'];
      expect(read([{ runs: unspaced }], { data })).toEqual(['☒ Yes']);
    });

    it('find their data where the field says, not at the start of the stream', () => {
      const data = Uint8Array.from([...checkboxData('unchecked'), ...checkboxData('checked')]);
      const second = checkboxData('unchecked').length;
      expect(box(data, second)).toEqual(['☒ Yes']);
    });

    it('are unticked when their data is missing, cut short or not a checkbox’s', () => {
      expect(box()).toEqual(['☐ Yes']);
      expect(box(Uint8Array.from(checkboxData('checked')), null)).toEqual(['☐ Yes']);
      expect(box(Uint8Array.from(checkboxData('checked')).subarray(0, 0x44))).toEqual(['☐ Yes']);
      const notVersioned = Uint8Array.from(checkboxData('checked'));
      notVersioned[0x44] = 0;
      expect(box(notVersioned)).toEqual(['☐ Yes']);
      const textField = Uint8Array.from(checkboxData('checked'));
      textField[0x48] = textField[0x48]! & ~0x3;
      expect(box(textField)).toEqual(['☐ Yes']);
    });

    it('are read where the field is: in a cell, before the cell’s text', () => {
      const boxCell: DocParagraph = { runs: [...field(' FORMCHECKBOX ', '', picLocation(0)), ' Attending'], end: '\x07', pap: inTable };
      expect(read([cell('Going?'), boxCell, rowMark([0, 3000, 6000])], { data: Uint8Array.from(checkboxData('checked')) })).toEqual([
        { rows: [[['Going?'], ['☒ Attending']]] },
      ]);
    });
  });

  it('gives text the target of the innermost hyperlink it stands in', () => {
    const inner = ['\x13', ' HYPERLINK  "mailto:b@school.org.uk" ', '\x14', 'b@school.org.uk', '\x15'];
    const outer = ['\x13', ' HYPERLINK "https://a.org" ', '\x14', 'see ', ...inner, '\x15'];
    expect(read([{ runs: outer }])).toEqual(['[see ](https://a.org)[b@school.org.uk](mailto:b@school.org.uk)']);
  });

  it('refuses fields nested more deeply than any form has', () => {
    expect(refusal(docFile([{ runs: ['\x13'.repeat(65)] }]))).toEqual(DAMAGED);
    expect(refusal(docFile([{ runs: ['\x13'.repeat(64)] }]))).toBe('read');
  });

  it('does not read a field’s special-character property as text', () => {
    expect(
      read([{ runs: [{ text: '\x13', chp: special }, ' PAGE ', { text: '\x14', chp: special }, '4', { text: '\x15', chp: special }] }]),
    ).toEqual(['4']);
  });
});

describe('what is refused', () => {
  const ole = (streams: Record<string, Uint8Array>) => {
    const container = CFB.utils.cfb_new();
    for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(content));
    return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
  };
  const plain = [{ runs: ['Ashfield Academy'] }];

  it('an attachment over the size limit, saying the limit', () => {
    const bytes = docFile(plain);
    expect(refusal(bytes, { ...DOCX_LIMITS, attachmentBytes: bytes.length })).toBe('read');
    expect(refusal(bytes, { ...DOCX_LIMITS, attachmentBytes: bytes.length - 1 })).toEqual({
      code: 'attachment-too-large',
      message: 'The attachment is larger than 0 MB.',
    });
  });

  it('a file that is not a compound file, or one with no Word document in it', () => {
    expect(refusal(new TextEncoder().encode('not a compound file at all'))).toEqual(DAMAGED);
    expect(refusal(ole({ Workbook: new Uint8Array(600) }))).toEqual({
      code: 'not-a-word-document',
      message: 'The file is an Office compound file but not a Word document.',
    });
  });

  it('a password-protected document, by its encrypted package or by the FIB’s flag', () => {
    const encrypted = {
      code: 'encrypted-document',
      message: 'The document is password-protected; ask the school to send it without a password.',
    };
    expect(refusal(ole({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) }))).toEqual(encrypted);
    expect(refusal(docFile(plain, { flags: 0x0300 }))).toEqual(encrypted);
  });

  it('a Word 6 or 95 document, by its identifier or its version', () => {
    const older = {
      code: 'legacy-word-document',
      message: 'The document is in a Word format older than Word 97 (Word 6 or 95); ask the school to save it as .docx.',
    };
    expect(refusal(docFile(plain, { ident: 0xa5dc }))).toEqual(older);
    expect(refusal(docFile(plain, { nFib: 0xc0 }))).toEqual(older);
    expect(refusal(docFile(plain, { nFib: 0xc1 }))).toBe('read');
    expect(refusal(docFile(plain, { ident: 0x1234 }))).toEqual(DAMAGED);
  });

  it('reads the table stream the FIB names, and refuses a file without it', () => {
    expect(read(plain, { flags: 0 })).toEqual(['Ashfield Academy']);
    expect(refusal(docFile(plain, { without: ['1Table'] }))).toEqual(DAMAGED);
    expect(refusal(docFile(plain, { flags: 0, without: ['0Table'] }))).toEqual(DAMAGED);
  });

  it('property modifiers before the pieces with a negative size, which would walk back for ever', () => {
    expect(refusal(docFile(plain, { prc: [0x01, 0xfd, 0xff] }))).toEqual(DAMAGED);
    expect(refusal(docFile(plain, { prc: [0x01, 0xff, 0xff] }))).toEqual(DAMAGED);
  });

  it('a piece table that is not one, or that points outside its stream', () => {
    expect(refusal(docFile(plain, { patch: ({ table }) => void (table[0] = 3) }))).toEqual(DAMAGED);
    expect(refusal(docFile(plain, { prc: [0x01, 0xff, 0x7f] }))).toEqual(DAMAGED);
    expect(refusal(docFile(plain, { patch: ({ word }) => word.set([0, 0, 0, 1], 154 + 33 * 8) }))).toEqual(DAMAGED);
    expect(refusal(docFile(plain, { patch: ({ table }) => table.set([0xff, 0xff, 0, 0], 1) }))).toEqual(DAMAGED);
  });

  it('a text that is nowhere in the file', () => {
    // The pieces say the text is past the end of the WordDocument stream.
    expect(refusal(docFile(plain, { patch: ({ table }) => table.set([0, 0, 0, 0x30], 15) }))).toEqual(DAMAGED);
    // Every piece is empty, yet the FIB says there is text.
    expect(refusal(docFile(plain, { patch: ({ table }) => table.set([0, 0, 0, 0], 9) }))).toEqual(DAMAGED);
  });

  it('more formatting runs than a form can have', () => {
    // 31 runs and the paragraph mark's: 32, four times a limit of 8 table cells.
    const runs = Array.from({ length: 31 }, (_, i) => ({ text: `r${i}`, chp: bold(i % 2 === 0) }));
    const bytes = docFile([{ runs }]);
    expect(refusal(bytes, { ...DOCX_LIMITS, tableCells: 7 })).toEqual({
      code: 'table-too-large',
      message: 'The document has more formatting runs than a form can have.',
    });
    expect(refusal(bytes, { ...DOCX_LIMITS, tableCells: 8 })).toBe('read');
  });
});
