// Rich Text Format as Word and LibreOffice write it, control word by control word: text and its
// encodings, formatting, fields and form fields, tables with merged and nested cells. The whole
// forms as LibreOffice saves them are read in formats.test.ts.
import { readRtf } from '../../../src/core/documents/rtf';
import { DOCX_LIMITS } from '../../../src/core/docx/limits';
import { decodeWindows1252 } from '../../../src/core/bytes';
import { shapeOf } from '../../support/document-model';

const HEAD = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}{\colortbl;\red0\green0\blue0;}{\*\generator Word;}{\info{\author Ann}}`;
const bytes = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
/** The body read from an RTF document made of the head above and `body`. */
const read = (body: string, head = HEAD) => shapeOf(readRtf(bytes(`${head}${body}}`)));

describe('text', () => {
  it('reads paragraphs, skipping the font table, colours, generator and document information', () => {
    expect(read(String.raw`\pard Name of school\par Ashfield Academy\par`)).toEqual(['Name of school', 'Ashfield Academy']);
    expect(read(String.raw`\pard Last words`)).toEqual(['Last words']);
  });

  it('ignores line breaks in the file, and a space after a control word', () => {
    expect(read('\\pard Ash\r\nfield\\par\\b Bold\\b0 \\par')).toEqual(['Ashfield', '**Bold**']);
    expect(read('\\pard one\\\ntwo\\par')).toEqual(['one', 'two']); // a backslash before a line break is \par
  });

  it('reads the escaped characters and the symbols Word writes as control words', () => {
    expect(read(String.raw`\pard a\\b\{c\}d\~e\_f\tab g\line h\par`)).toEqual(['a\\b{c}d\u00a0e\u2011f\tg\nh']);
    expect(read(String.raw`\pard \emdash\endash\lquote\rquote\ldblquote\rdblquote\bullet\par`)).toEqual(['—–‘’“”•']);
    expect(read('\\pard a\\\tb\\par')).toEqual(['a\tb']);
    expect(read(String.raw`\pard a\|b\:c\par`)).toEqual(['abc']); // other control symbols are not text
  });

  it('reads bytes in the document’s code page', () => {
    expect(read(String.raw`\pard caf\'e9 \'80 \'93O\'92Brien\'94\par`)).toEqual(['café € “O’Brien”']);
    expect(read(String.raw`\pard \'a5\par`, String.raw`{\rtf1\ansi\ansicpg1250\ansicpg1252`)).toEqual(['¥']); // back to 1252
    expect(read(String.raw`\pard \'cf\'f0\'e8\par`, String.raw`{\rtf1\ansi\ansicpg1251`)).toEqual(['При']);
    expect(read(String.raw`\pard \'c3\'a9\par`, String.raw`{\rtf1\ansi\ansicpg65001`)).toEqual(['é']);
    for (const [page, byte, char] of [
      [1250, 'a5', 'Ą'],
      [1251, 'c0', 'А'],
      [1253, 'c1', 'Α'],
      [1254, 'd0', 'Ğ'],
      [1257, 'c0', 'Ą'],
    ] as const)
      expect(read(`\\pard \\'${byte}\\par`, `{\\rtf1\\ansi\\ansicpg${page}`)).toEqual([char]);
    expect(read(String.raw`\pard \'e9\par`, String.raw`{\rtf1\ansi\ansicpg9999`)).toEqual(['é']); // unknown: stays 1252
    expect(read(String.raw`\pard a\'zzb\par`)).toEqual(['ab']); // not hex: nothing
  });

  it('reads \\u characters, skipping as many fallback characters as \\uc says', () => {
    expect(read(String.raw`\pard \u8364?\u-4064?x\par`)).toEqual(['€\uf020x']);
    expect(read(String.raw`\pard {\uc2\u8364\'80\'80x}\par`)).toEqual(['€x']);
    expect(read(String.raw`\pard {\uc0\u8364 x}\par`)).toEqual(['€x']);
    expect(read(String.raw`\pard \u8364\'80x\par`)).toEqual(['€x']); // \uc1 by default
    expect(read(String.raw`\pard \u8364\tab x\par`)).toEqual(['€x']); // a control word is one fallback character
    expect(read(String.raw`\pard \u8364 \{x\par`)).toEqual(['€x']); // so is a control symbol
    expect(read(String.raw`\pard {\uc99\u8364 abcdefghijkl}\par`)).toEqual(['€kl']); // at most 10
    expect(read(String.raw`\pard \u\par`)).toEqual(['\ufffd']);
    expect(read(String.raw`\pard \u8364\u8364 ab\par`)).toEqual(['€€b']); // a \u is never a fallback character
  });

  it('leaves out destinations it does not know when they are starred, and the ones it knows to skip', () => {
    expect(read(String.raw`\pard a{\*\unknowndest hidden}b{\header header}{\footnote note}c{\pict 89504e47}\par`)).toEqual(['abc']);
    expect(read(String.raw`\pard a{\*\bkmkstart x}b{\bkmkend x}c\par`)).toEqual(['abc']);
    expect(read(String.raw`\pard {\ul underlined}\par`)).toEqual(['underlined']); // an unknown control word in a group
  });

  it('decodes Windows-1252 in full, however long (Node’s TextDecoder reads it as Latin-1)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(0, 0x80) + text.slice(0xa0)).toBe(String.fromCharCode(...all.slice(0, 0x80), ...all.slice(0xa0)));
    const long = new Uint8Array(20_000).fill(0x93);
    expect(decodeWindows1252(long)).toBe('“'.repeat(20_000));
  });

  it('leaves out every destination that is not the body, starred or not', () => {
    const destinations = String.raw`fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl
      footerr footerf footnote annotation listtable listoverridetable rsidtbl generator xmlnstbl themedata colorschememapping
      datastore latentstyles pgdsctbl listtext pntext pntxta pntxtb bkmkstart bkmkend revtbl filetbl shppict nonshppict sp
      mmathPr userprops docvar fldtype wgrffmtfilter template ffname ffdeftext ffformat ffhelptext ffstattext ffentrymcr ffexitmcr
      ffl atnid atnauthor atrfstart atrfend nonesttables`.split(/\s+/);
    for (const name of destinations) expect([name, read(`\\pard a{\\${name} hidden\\par}b\\par`)]).toEqual([name, ['ab']]);
    // Only at the start of its group: after a symbol, the same word is an ordinary control word.
    expect(read(String.raw`\pard a{\~\header x}\par`)).toEqual(['a\u00a0x']);
  });

  it('ends a paragraph at \\sect and at a backslash before a carriage return, not inside a skipped group or a field instruction', () => {
    expect(read('\\pard a\\sect b\\\rc\\par')).toEqual(['a', 'b', 'c']);
    expect(read(String.raw`\pard a{\*\fldinst X\par}{\info{\title t\par}}b\par`)).toEqual(['ab']);
  });

  it('reads control words in either case, and a sign with no digits as 0', () => {
    expect(read(String.raw`\pard a\zz\ZZ\AA b\par`)).toEqual(['ab']);
    expect(read(String.raw`\pard \b- x\par`)).toEqual(['x']);
  });

  it('reads a long text in pieces, whole', () => {
    const long = 'x'.repeat(10_000);
    expect(read(`\\pard ${long}\\par`)).toEqual([long]);
  });
});

describe('formatting', () => {
  it('reads bold, strike-through and highlight, each ended by its 0 or by the group', () => {
    expect(read(String.raw`\pard \b Yes\b0 /No\par`)).toEqual(['**Yes**/No']);
    expect(read(String.raw`\pard Yes/{\strike No}\par`)).toEqual(['Yes/~~No~~']);
    expect(read(String.raw`\pard Yes/\striked1 No\striked0\par`)).toEqual(['Yes/~~No~~']);
    expect(read(String.raw`\pard {\highlight7 Yes}/No\par`)).toEqual(['==Yes==/No']);
    expect(read(String.raw`\pard {\highlight0 Yes}/No\par`)).toEqual(['Yes/No']);
    expect(read(String.raw`\pard \b\strike\highlight3 all\plain  none\par`)).toEqual(['==~~**all**~~== none']);
    expect(read(String.raw`\pard \strike a\strike0 b\par`)).toEqual(['~~a~~b']);
  });
});

describe('fields', () => {
  it('reads a hyperlink’s text with its target, not its instruction', () => {
    expect(
      read(String.raw`\pard Email: {\field{\*\fldinst HYPERLINK "mailto:head@school.org.uk"}{\fldrslt head@school.org.uk}}\par`),
    ).toEqual(['Email: [head@school.org.uk](mailto:head@school.org.uk)']);
    expect(read(String.raw`\pard {\field{\*\fldinst PAGE}{\fldrslt 3}}\par`)).toEqual(['3']);
    expect(read(String.raw`\pard {\field{\*\fldinst HYPERLINK   "https://x.org"}{\fldrslt x}}\par`)).toEqual(['[x](https://x.org)']);
    expect(read(String.raw`\pard {\fldrslt 4} and \fftype1\ffres1\ffdefres1 no field\par`)).toEqual(['4 and no field']);
  });

  it('reads a legacy checkbox by its state, not the glyph written as its result', () => {
    const box = (props: string) =>
      String.raw`{\field{\*\fldinst FORMCHECKBOX {\*\formfield{\fftype1${props}{\*\ffname Check1}}}}{\fldrslt \u9746?}}`;
    expect(read(String.raw`\pard ${box('\\ffres1')} Yes ${box('\\ffres0')} No\par`)).toEqual(['☒ Yes ☐ No']);
    expect(read(String.raw`\pard ${box('\\ffres25\\ffdefres1')} Yes ${box('\\ffdefres0')} No\par`)).toEqual(['☒ Yes ☐ No']);
  });

  it('reads a checkbox whose field group has no result', () => {
    const box = (props: string) => `{\\field{\\*\\fldinst FORMCHECKBOX {\\*\\formfield{\\fftype1${props}}}}}`;
    expect(read(`\\pard ${box('\\ffres1')} Yes ${box('\\ffres0')} No\\par`)).toEqual(['☒ Yes ☐ No']);
    expect(read(`\\pard ${box('\\ffres25\\ffdefres1')} Yes ${box('\\ffdefres0')} No\\par`)).toEqual(['☒ Yes ☐ No']);
  });

  it('reads LibreOffice’s checkbox, written with no form field, as an unticked box', () => {
    expect(read(String.raw`\pard {\field{\*\fldinst  FORMCHECKBOX }{\fldrslt \u9746?}} Yes\par`)).toEqual(['☐ Yes']);
    expect(read(String.raw`\pard {\field{\*\fldinst    FORMCHECKBOX}{\fldrslt x}} Yes\par`)).toEqual(['☐ Yes']);
    expect(read(String.raw`\pard {\field{\*\fldinst MY FORMCHECKBOX}{\fldrslt x}} Yes\par`)).toEqual(['x Yes']);
  });

  it('reads a text form field’s result as text', () => {
    expect(
      read(
        String.raw`\pard {\field{\*\fldinst FORMTEXT {\*\formfield{\fftype0{\*\ffname Text1}{\*\ffdeftext x}}}}{\fldrslt Ashfield}}\par`,
      ),
    ).toEqual(['Ashfield']);
  });
});

describe('tables', () => {
  const row = (cells: string[], defs = cells.map((_, i) => `\\cellx${(i + 1) * 2000}`).join('')) =>
    `\\trowd${defs}${cells.map((c) => `\\pard\\intbl ${c}\\cell`).join('')}\\row`;

  it('reads rows of cells, the table ending at the first paragraph outside it', () => {
    expect(read(`\\pard Before\\par${row(['Name of school', 'Ashfield'])}${row(['URN', '137425'])}\\pard After\\par`)).toEqual([
      'Before',
      {
        rows: [
          [['Name of school'], ['Ashfield']],
          [['URN'], ['137425']],
        ],
      },
      'After',
    ]);
  });

  it('keeps a cell’s paragraphs, and its last paragraph even when empty', () => {
    expect(read(`${row(['one\\par two', ''])}\\pard\\par`)).toEqual([{ rows: [[['one', 'two'], ['']]] }, '']);
  });

  it('places cells on the grid of their edges, from the row’s left edge', () => {
    const wide = `\\trowd\\trleft-100\\cellx2000\\cellx6000\\pard\\intbl a\\cell\\pard\\intbl b\\cell\\row`;
    const narrow = `\\trowd\\trleft-100\\cellx2000\\cellx4000\\cellx6000${['c', 'd', 'e'].map((c) => `\\pard\\intbl ${c}\\cell`).join('')}\\row`;
    expect(read(`${wide}${narrow}\\pard\\par`)).toEqual([
      {
        rows: [
          [['a'], { at: '@1+2', blocks: ['b'] }],
          [['c'], ['d'], ['e']],
        ],
      },
      '',
    ]);
  });

  it('reads horizontally merged cells as one cell spanning them', () => {
    const merged = `\\trowd\\cellx2000\\clmgf\\cellx4000\\clmrg\\cellx6000\\pard\\intbl a\\cell\\pard\\intbl b\\cell\\pard\\intbl\\cell\\row`;
    expect(read(`${merged}${row(['c', 'd', 'e'])}\\pard\\par`)).toEqual([
      {
        rows: [
          [['a'], { at: '@1+2', blocks: ['b'] }],
          [['c'], ['d'], ['e']],
        ],
      },
      '',
    ]);
  });

  it('passes over the \\cell marks of the cells merged on to another, and no more', () => {
    const merged =
      `\\trowd\\cellx1000\\clmgf\\cellx2000\\clmrg\\cellx3000\\cellx4000` +
      `\\pard\\intbl a\\cell\\pard\\intbl b\\cell\\pard\\intbl\\cell\\pard\\intbl d\\cell\\row`;
    expect(read(`${merged}${row(['e', 'f', 'g', 'h'], '\\cellx1000\\cellx2000\\cellx3000\\cellx4000')}\\pard\\par`)).toEqual([
      {
        rows: [
          [['a'], { at: '@1+2', blocks: ['b'] }, ['d']],
          [['e'], ['f'], ['g'], ['h']],
        ],
      },
      '',
    ]);
  });

  it('takes no \\cell or \\row inside a skipped group', () => {
    expect(read(`\\trowd\\cellx2000\\pard\\intbl a{\\*\\x \\cell\\row}\\cell\\row\\pard\\par`)).toEqual([{ rows: [[['a']]] }, '']);
  });

  it('reads vertically merged cells, the continuing one pointing at the first', () => {
    const first = `\\trowd\\clvmgf\\cellx2000\\cellx4000\\pard\\intbl Statement\\cell\\pard\\intbl a\\cell\\row`;
    const next = `\\trowd\\clvmrg\\cellx2000\\cellx4000\\pard\\intbl\\cell\\pard\\intbl b\\cell\\row`;
    expect(read(`${first}${next}\\pard\\par`)).toEqual([
      {
        rows: [
          [{ at: '@0+1 merge', blocks: ['Statement'] }, ['a']],
          [{ at: '@0+1 merged from row 0', blocks: [''] }, ['b']],
        ],
      },
      '',
    ]);
  });

  it('reads a table nested in a cell, as Word writes it with \\itap, \\nestcell and \\nestrow', () => {
    const nested =
      String.raw`\trowd\cellx4000\cellx8000\pard\intbl Outer\par` +
      String.raw`\pard\intbl\itap2 Inner a\nestcell Inner b\nestcell{\*\nesttableprops\trowd\cellx2000\cellx4000\nestrow}{\nonesttables\par}` +
      String.raw`\pard\intbl\itap1 \cell\pard\intbl right\cell\row\pard\par`;
    expect(read(nested)).toEqual([
      {
        rows: [[['Outer', { rows: [[['Inner a'], ['Inner b']]] }], ['right']]],
      },
      '',
    ]);
  });

  it('reads a nested table of two rows', () => {
    const nested =
      String.raw`\trowd\cellx4000\pard\intbl\itap2 a\nestcell b\nestcell{\*\nesttableprops\trowd\cellx1000\cellx2000\nestrow}` +
      String.raw`\pard\intbl\itap2 c\nestcell d\nestcell{\*\nesttableprops\trowd\cellx1000\cellx2000\nestrow}` +
      String.raw`\pard\intbl\itap1 \cell\row\pard\par`;
    expect(read(nested)).toEqual([
      {
        rows: [
          [
            [
              {
                rows: [
                  [['a'], ['b']],
                  [['c'], ['d']],
                ],
              },
            ],
          ],
        ],
      },
      '',
    ]);
  });

  it('takes the row definition written again at \\row', () => {
    const cells = `\\pard\\intbl a\\cell\\pard\\intbl b\\cell`;
    expect(read(`\\trowd\\cellx2000\\cellx4000${cells}\\trowd\\cellx2000\\cellx4000\\row\\pard\\par`)).toEqual([
      { rows: [[['a'], ['b']]] },
      '',
    ]);
  });

  it('reads a cell with a checkbox in it', () => {
    expect(
      read(
        `\\trowd\\cellx2000\\cellx4000\\pard\\intbl QTS\\cell\\pard\\intbl {\\field{\\*\\fldinst FORMCHECKBOX {\\*\\formfield{\\fftype1\\ffres1}}}{\\fldrslt x}} Yes\\cell\\row\\pard\\par`,
      ),
    ).toEqual([{ rows: [[['QTS'], ['☒ Yes']]] }, '']);
  });

  it('closes a table left open at the end of the file', () => {
    expect(read(`\\trowd\\cellx2000\\pard\\intbl a\\cell`)).toEqual([{ rows: [[['a']]] }]);
  });
});

describe('what is refused', () => {
  it('a file that is not RTF', () => {
    expect(() => readRtf(bytes('{\\rtx1 hello}'))).toThrow(expect.objectContaining({ code: 'not-a-word-document' }));
    expect(() => readRtf(bytes('{\\rtf'))).not.toThrow();
  });

  it('a file whose first five bytes are not {\\rtf, whichever byte differs', () => {
    for (const start of ['[\\rtf1', '{/rtf1', '{\\Rtf1', '{\\rTf1', '{\\rtF1'])
      expect(() => readRtf(bytes(`${start} hello}`))).toThrow(
        expect.objectContaining({ code: 'not-a-word-document', message: 'The file is not a rich-text (.rtf) document.' }),
      );
  });

  it('a file at the attachment limit is read', () => {
    const text = `{\\rtf1 ${'x'.repeat(100)}}`;
    expect(shapeOf(readRtf(bytes(text), { ...DOCX_LIMITS, attachmentBytes: text.length }))).toEqual(['x'.repeat(100)]);
  });

  it('a file larger than the attachment limit', () => {
    const limits = { ...DOCX_LIMITS, attachmentBytes: 1024 * 1024 };
    expect(() => readRtf(bytes(`{\\rtf1 ${'x'.repeat(1024 * 1024)}}`), limits)).toThrow(
      expect.objectContaining({ code: 'attachment-too-large', message: 'The attachment is larger than 1 MB.' }),
    );
  });

  it('groups nested deeper than the limit', () => {
    const limits = { ...DOCX_LIMITS, xmlDepth: 10 };
    expect(() => readRtf(bytes(`{\\rtf1${'{'.repeat(10)}x${'}'.repeat(10)}}`), limits)).toThrow(
      expect.objectContaining({ code: 'xml-too-deep', message: 'The document nests groups more than 10 deep.' }),
    );
    expect(shapeOf(readRtf(bytes(`{\\rtf1${'{'.repeat(9)}x${'}'.repeat(9)}}`), limits))).toEqual(['x']);
    // Depth is how deep, not how many groups: closed groups do not count.
    expect(shapeOf(readRtf(bytes(`{\\rtf1${'{x}'.repeat(20)}}`), limits))).toEqual(['x'.repeat(20)]);
    expect(() => readRtf(bytes(`{\\rtf1{x}${'{'.repeat(10)}x${'}'.repeat(10)}}`), limits)).toThrow(
      expect.objectContaining({ code: 'xml-too-deep' }),
    );
  });

  it('tables nested deeper than the limit are read at the deepest allowed', () => {
    const limits = { ...DOCX_LIMITS, tableNesting: 1 };
    expect(shapeOf(readRtf(bytes(String.raw`{\rtf1\pard\intbl\itap5 a\nestcell\nestrow\pard\par}`), limits))).toEqual([
      { rows: [[['a']]] },
      '',
    ]);
  });

  it('a control word or number too long to be one is cut, not read on and on', () => {
    expect(read(`\\pard \\${'a'.repeat(40)} x\\par`)).toEqual([`${'a'.repeat(7)} x`]);
    // \b and eleven digits (the most a number is read to), then the rest as text.
    expect(read(`\\pard \\b${'9'.repeat(20)} x\\par`)).toEqual([`**${'9'.repeat(9)} x**`]);
    expect(read(`\\pard \\b-0 x\\par`)).toEqual(['x']);
  });

  it('a closing brace with no group open, and a backslash at the very end', () => {
    expect(shapeOf(readRtf(bytes('{\\rtf1 a}}b\\')))).toEqual(['ab']);
  });
});
