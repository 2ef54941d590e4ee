// A PDF rebuilt into a form from where its text and lines stand: paragraphs by their spacing, tables
// from their ruled lines (merged where a line is missing, carried over a page break), boxes to tick,
// links, and what cannot be read. PDFs are written in code (test/support/pdf-writer.ts) with the text
// and lines exactly placed; the forms as LibreOffice saves them are read in formats.test.ts.
import { readPdf } from '../../../src/core/documents/pdf';
import { DOCX_LIMITS } from '../../../src/core/docx/limits';
import { box, line, pdfDocument, pdfOf, text, type PdfPage } from '../../support/pdf-writer';
import { shapeOf } from '../../support/document-model';

const read = async (...pages: (PdfPage | string)[]) => shapeOf(await readPdf(pdfOf(...pages)));
const page = (...content: string[]) => content.join('\n');
/** A row of two ruled cells, 200 points wide, with their text. */
const row = (y: number, left: string, right: string, height = 30) =>
  page(box(72, y, 200, height), box(272, y, 200, height), text(77, y + height - 20, left), text(277, y + height - 20, right));

describe('text', () => {
  it('reads lines apart as paragraphs, top to bottom', async () => {
    expect(await read(page(text(72, 740, 'Second paragraph.'), text(72, 770, 'First paragraph.')))).toEqual([
      'First paragraph.',
      'Second paragraph.',
    ]);
  });

  it('joins a line the writer wrapped into the one above, and not a short line', async () => {
    expect(
      await read(
        page(
          text(72, 770, 'This line is long and it runs right up to the right edge of the text'),
          text(72, 757, 'continued on the next line.'),
          text(72, 720, 'A line that reaches only half way'),
          text(72, 707, 'short'),
        ),
      ),
    ).toEqual([
      'This line is long and it runs right up to the right edge of the text continued on the next line.',
      'A line that reaches only half way',
      'short',
    ]);
  });

  it('joins a hyphenated word without a space', async () => {
    expect(
      await read(
        page(
          text(72, 770, 'A line that runs to the right edge of the text area and is hyph-'),
          text(72, 757, 'enated here.'),
          text(72, 720, 'x'),
        ),
      ),
    ).toEqual(['A line that runs to the right edge of the text area and is hyph-enated here.', 'x']);
  });

  it('reads words on one line with a space, and a wide gap as a tab', async () => {
    expect(await read(page(text(72, 770, 'Name'), text(105, 770, 'of school'), text(250, 770, 'Ashfield')))).toEqual([
      'Name of school\tAshfield',
    ]);
  });

  it('reads bold text as bold', async () => {
    expect(await read(page(text(72, 770, 'Yes', { bold: true }), text(92, 770, '/No')))).toEqual(['**Yes**/No']);
  });

  it('reads bold from the font’s name when the font does not say: Black, Heavy and DemiBold are bold, Italic is not', async () => {
    expect(
      await read(
        page(
          text(72, 770, 'Black', { font: 'Arial-Black' }),
          text(72, 740, 'Heavy', { font: 'Futura-Heavy' }),
          text(72, 710, 'Demi', { font: 'AvenirNext-DemiBold' }),
          text(72, 680, 'Italic', { font: 'Georgia-Italic' }),
        ),
      ),
    ).toEqual(['**Black**', '**Heavy**', '**Demi**', 'Italic']);
  });

  it('leaves out rotated text (a watermark, a margin note)', async () => {
    expect(await read(page(text(72, 770, 'Upright'), text(300, 500, 'Sideways', { rotate: true })))).toEqual(['Upright']);
  });

  it('reads a link’s target where its text is', async () => {
    expect(
      await read({
        content: page(text(72, 770, 'head@school.org.uk'), text(72, 740, 'not linked')),
        links: [{ rect: [70, 765, 180, 782], url: 'mailto:head@school.org.uk' }],
      }),
    ).toEqual(['[head@school.org.uk](mailto:head@school.org.uk)', 'not linked']);
  });
});

describe('links', () => {
  it('cover only the text inside their rectangle: not the words beside, above or below it', async () => {
    expect(
      await read({
        content: page(
          text(72, 800, 'above'),
          text(72, 770, 'E-mail'),
          text(200, 770, 'head@school.org.uk'),
          text(340, 770, 'beside'),
          text(200, 740, 'below'),
        ),
        links: [{ rect: [195, 765, 300, 782], url: 'mailto:head@school.org.uk' }],
      }),
    ).toEqual(['above', 'E-mail\t[head@school.org.uk](mailto:head@school.org.uk)\tbeside', 'below']);
  });
});

describe('checkboxes', () => {
  it('reads a small square as a box, ticked when crossed', async () => {
    const crossed = page(box(72, 768, 8, 8), line(72, 768, 80, 776), line(72, 776, 80, 768));
    expect(await read(page(crossed, text(84, 770, 'Yes'), box(110, 768, 8, 8), text(122, 770, 'No')))).toEqual(['☒ Yes ☐ No']);
  });

  it('leaves a box empty when the cross is drawn beside it, not in it', async () => {
    expect(await read(page(box(72, 768, 8, 8), line(90, 768, 98, 776), line(90, 776, 98, 768), text(84, 770, 'Yes')))).toEqual(['☐ Yes']);
  });

  it('reads a square drawn twice as one box, and a square of 5 to 16 points only', async () => {
    expect(await read(page(box(72, 768, 8, 8), box(72.3, 768.2, 8, 8), line(72, 768, 80, 776), text(84, 770, 'Yes')))).toEqual(['☒ Yes']);
    expect(await read(page(box(72, 768, 16, 16), text(92, 770, 'a'), box(72, 740, 4, 4), text(80, 740, 'b')))).toEqual(['☐ a', 'b']);
  });
});

describe('a page drawn upside down, as Chrome writes PDFs', () => {
  it('reads a table through the page’s transforms, and what is drawn after them where it stands', async () => {
    // y runs down the page inside the flip: a row 30 points high, 132 points from the top.
    const flipped = [
      'q 1 0 0 -1 0 842 cm',
      // drawn at half size, then doubled: 72..472 across, 132..162 down
      'q 2 0 0 2 0 0 cm',
      box(36, 66, 100, 15),
      box(136, 66, 100, 15),
      'Q',
      text(77, 152, 'Name of school', { flipped: true }),
      text(277, 152, 'Ashfield', { flipped: true }),
      'Q',
    ];
    // After the transforms are undone: a row above the flipped one, in the page's own terms.
    expect(await read(page(...flipped, row(750, 'Hub', 'North')))).toEqual([
      {
        rows: [
          [['Hub'], ['North']],
          [['Name of school'], ['Ashfield']],
        ],
      },
    ]);
  });
});

describe('form fields (AcroForm)', () => {
  it('places each field’s value where its widget is: text, ticked or unticked boxes, the chosen radio button, a list', async () => {
    expect(
      await read({
        content: page(row(680, 'Name of school', ''), row(650, 'QTS', ''), text(90, 602, 'Yes'), text(138, 602, 'No')),
        fields: [
          { kind: 'text', rect: [275, 683, 465, 705], value: 'Ashfield' },
          { kind: 'text', rect: [275, 712, 465, 730], value: '   ' },
          { kind: 'checkbox', rect: [275, 655, 285, 665], checked: true },
          { kind: 'checkbox', rect: [320, 655, 330, 665], checked: false },
          { kind: 'radio', rect: [72, 600, 82, 610], value: 'Yes', chosen: 'Yes' },
          { kind: 'radio', rect: [120, 600, 130, 610], value: 'No', chosen: 'Yes' },
          { kind: 'list', rect: [72, 560, 300, 575], values: ['Y7', 'Y8'] },
        ],
      }),
    ).toEqual([
      {
        rows: [
          [['Name of school'], ['Ashfield']],
          [['QTS'], ['☒ ☐']],
        ],
      },
      '☒ Yes\t☐ No',
      'Y7, Y8',
    ]);
  });
});

describe('tables', () => {
  it('reads a grid of ruled cells as a table, each text in its cell', async () => {
    expect(await read(row(680, 'Name of school', 'Ashfield'), row(650, 'URN', '137425'))).toEqual([
      {
        rows: [
          [['Name of school'], ['Ashfield']],
          [['URN'], ['137425']],
        ],
      },
    ]);
  });

  it('reads borders drawn as thin filled rectangles, as Word draws them', async () => {
    const borders = ['72 709.5 400 1 re f', '72 679.5 400 1 re f', '71.5 680 1 30 re f', '271.5 680 1 30 re f', '471.5 680 1 30 re f'];
    expect(await read(page(...borders, text(77, 690, 'a'), text(277, 690, 'b')))).toEqual([{ rows: [[['a'], ['b']]] }]);
  });

  it('merges cells across where a line between them is missing', async () => {
    const lines = [
      line(72, 710, 472, 710),
      line(72, 680, 472, 680),
      line(72, 650, 472, 650),
      line(72, 710, 72, 650),
      line(472, 710, 472, 650),
    ];
    expect(
      await read(page(...lines, line(272, 680, 272, 650), text(77, 690, 'Statement'), text(77, 660, 'a'), text(277, 660, 'b'))),
    ).toEqual([{ rows: [[{ at: '@0+2', blocks: ['Statement'] }], [['a'], ['b']]] }]);
  });

  it('merges cells down where a line between them is missing', async () => {
    const lines = [
      line(72, 710, 472, 710),
      line(272, 680, 472, 680),
      line(72, 650, 472, 650),
      line(72, 710, 72, 650),
      line(272, 710, 272, 650),
      line(472, 710, 472, 650),
    ];
    expect(await read(page(...lines, text(77, 690, 'Left'), text(277, 690, 'a'), text(277, 660, 'b')))).toEqual([
      {
        rows: [
          [{ at: '@0+1 merge', blocks: ['Left'] }, ['a']],
          [{ at: '@0+1 merged from row 0', blocks: [''] }, ['b']],
        ],
      },
    ]);
  });

  it('takes two lines too close together for a column for one rule, not a table', async () => {
    expect(
      await read(
        page(line(72, 710, 74, 710), line(72, 680, 74, 680), line(72, 710, 72, 680), line(73.5, 710, 73.5, 680), text(80, 690, 'Text')),
      ),
    ).toEqual(['Text']);
  });

  it('keeps a rule that does not touch a table out of it', async () => {
    expect(await read(page(text(72, 760, 'Section A'), line(72, 750, 472, 750), row(680, 'Name', 'Ann')))).toEqual([
      'Section A',
      { rows: [[['Name'], ['Ann']]] },
    ]);
  });

  it('joins an e-mail address broken at the end of a narrow cell without a space', async () => {
    const cells = page(box(72, 660, 200, 50), box(272, 660, 200, 50), text(77, 690, 'E-mail'));
    expect(await read(page(cells, text(277, 690, 'head.of.mathematics.department@'), text(277, 677, 'ashfield.sch.uk')))).toEqual([
      { rows: [[['E-mail'], ['head.of.mathematics.department@ashfield.sch.uk']]] },
    ]);
  });

  it('joins a word too long for its cell where the writer broke it at the edge, without a space', async () => {
    const cells = page(box(72, 660, 200, 50), box(272, 660, 90, 50), text(77, 690, 'Word'));
    expect(await read(page(cells, text(277, 690, 'Pneumonoultramic'), text(277, 677, 'roscopic')))).toEqual([
      { rows: [[['Word'], ['Pneumonoultramicroscopic']]] },
    ]);
  });

  it('keeps an empty table, and the text after it', async () => {
    expect(await read(page(box(72, 680, 200, 30), box(272, 680, 200, 30), text(72, 600, 'after')))).toEqual([
      { rows: [[[''], ['']]] },
      'after',
    ]);
  });

  it('reads paragraphs between two tables in their places', async () => {
    expect(await read(page(text(72, 770, 'Part A'), row(700, 'Name', 'Ann'), text(72, 650, 'Part B'), row(580, 'URN', '137425')))).toEqual([
      'Part A',
      { rows: [[['Name'], ['Ann']]] },
      'Part B',
      { rows: [[['URN'], ['137425']]] },
    ]);
  });

  it('carries a table over a page break when its columns go on, row by row', async () => {
    expect(await read(row(100, 'Name', 'Ann'), row(770, 'URN', '137425'))).toEqual([
      {
        rows: [
          [['Name'], ['Ann']],
          [['URN'], ['137425']],
        ],
      },
    ]);
  });

  it('joins a row the page break split, its text wrapped across the break', async () => {
    const before = page(
      box(72, 60, 200, 60),
      box(272, 60, 200, 60),
      text(77, 100, 'Statement'),
      text(277, 100, 'This answer is long and'),
      text(277, 87, 'and it goes right up to the edge'),
    );
    const after = page(box(72, 740, 200, 60), box(272, 740, 200, 60), text(277, 780, 'continued here.'));
    expect(await read(before, after)).toEqual([
      { rows: [[['Statement'], ['This answer is long and', 'and it goes right up to the edge continued here.']]] },
    ]);
  });

  it('starts a new table after a page break when text comes between', async () => {
    expect(await read(row(100, 'Name', 'Ann'), page(text(72, 800, 'Part B'), row(700, 'URN', '137425')))).toEqual([
      { rows: [[['Name'], ['Ann']]] },
      'Part B',
      { rows: [[['URN'], ['137425']]] },
    ]);
  });
});

describe('what cannot be read', () => {
  it('a scan: pictures of the pages and no text', async () => {
    await expect(read({ content: '', image: true })).rejects.toMatchObject({
      name: 'DocumentError',
      code: 'scanned-pdf',
      message: 'This PDF is a scan (pictures of the pages, no text): it cannot be read; ask the school for the Word form.',
    });
    await expect(read(page(text(72, 770, '   ')))).rejects.toMatchObject({
      code: 'scanned-pdf',
      message: 'This PDF has no text: it cannot be read; ask the school for the Word form.',
    });
  });

  it('a password-protected file', async () => {
    await expect(readPdf(pdfDocument({ encrypted: true }, text(72, 770, 'Locked')))).rejects.toMatchObject({
      code: 'encrypted-document',
      message: 'The PDF is password-protected; ask the school for the Word form.',
    });
  });

  it('a damaged file', async () => {
    await expect(readPdf(Uint8Array.from('%PDF-1.4 garbage', (c) => c.charCodeAt(0)))).rejects.toMatchObject({
      code: 'corrupt-zip',
      message: 'The PDF is damaged or incomplete.',
    });
  });

  it('a file larger than the attachment limit', async () => {
    await expect(readPdf(new Uint8Array(1024 * 1024 + 1), { ...DOCX_LIMITS, attachmentBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'attachment-too-large',
      message: 'The attachment is larger than 1 MB.',
    });
  });

  it('nothing at the attachment limit', async () => {
    const bytes = pdfOf(page(text(72, 770, 'Name of school: Ashfield')));
    expect(shapeOf(await readPdf(bytes, { ...DOCX_LIMITS, attachmentBytes: bytes.length }))).toEqual(['Name of school: Ashfield']);
  });

  it('pages after the thirtieth: a form has a few pages, a long PDF is a brochure', async () => {
    const pages = Array.from({ length: 31 }, (_, i) => text(72, 770, `Page ${i + 1}`));
    const read31 = await read(...pages);
    expect(read31).toHaveLength(30);
    expect(read31.at(-1)).toBe('Page 30');
  });
});

describe('paths at their edges', () => {
  it('passes over a background drawn over the whole page', async () => {
    expect(await read(page('1 1 1 rg 0 0 595 842 re f 0 0 0 rg', text(72, 770, 'Name of school: Ashfield')))).toEqual([
      'Name of school: Ashfield',
    ]);
  });

  it('takes a box to tick only when it is square, within a point and a half, and 5 to 16 points wide', async () => {
    const labelled = (shape: string, y: number, label: string) => page(shape, text(92, y + 2, label));
    expect(
      await read(
        page(
          labelled(box(72, 768, 5, 5), 768, 'five'),
          labelled(box(72, 740, 17, 17), 740, 'seventeen'),
          labelled(box(72, 710, 10, 11.4), 710, 'nearly square'),
          labelled(box(72, 680, 10, 11.5), 680, 'a point and a half off'),
        ),
      ),
    ).toEqual(['☐ five', 'seventeen', '☐ nearly square', 'a point and a half off']);
  });

  it('ticks a box only for strokes across it, not a dot or a nearly flat stroke inside it', async () => {
    const inBox = (stroke: string) => page(box(72, 768, 10, 10), stroke, text(86, 770, 'Yes'));
    expect(await read(inBox(line(74, 770, 80, 776)))).toEqual(['☒ Yes']);
    expect(await read(inBox(line(75, 771, 76, 772)))).toEqual(['☐ Yes']);
    expect(await read(inBox(line(74, 771, 78, 772.5)))).toEqual(['☐ Yes']);
  });

  it('ticks a box for a tick drawn as a curve, and not for a stroke that runs out of it on any side', async () => {
    const inBox = (stroke: string) => page(box(72, 768, 10, 10), stroke, text(86, 770, 'Yes'));
    expect(await read(inBox('74 772 m 75 770 76 769 80 776 c S'))).toEqual(['☒ Yes']);
    expect(await read(inBox(line(74, 770, 96, 776)))).toEqual(['☐ Yes']);
    expect(await read(inBox(line(60, 770, 80, 776)))).toEqual(['☐ Yes']);
    expect(await read(inBox(line(74, 760, 80, 776)))).toEqual(['☐ Yes']);
    expect(await read(inBox(line(74, 770, 80, 790)))).toEqual(['☐ Yes']);
  });

  it('reads a table and its text drawn through two quarter turns that cancel out', async () => {
    const turned = ['q 0 1 -1 0 595 0 cm', 'q 0 -1 1 0 0 595 cm', row(680, 'Name of school', 'Ashfield'), 'Q', 'Q'];
    expect(await read(page(...turned))).toEqual([{ rows: [[['Name of school'], ['Ashfield']]] }]);
  });

  it('reads a table drawn at half size and scaled up twice over', async () => {
    const scaled = ['q 4 0 0 4 0 0 cm', 'q 0.5 0 0 0.5 0 0 cm', box(36, 340, 100, 15), box(136, 340, 100, 15), 'Q', 'Q'];
    expect(await read(page(...scaled, text(77, 690, 'Name'), text(277, 690, 'Ann')))).toEqual([{ rows: [[['Name'], ['Ann']]] }]);
  });
});

describe('tables from lines at their edges', () => {
  /** A grid of ruled lines: `columns` edges across, `rows` edges down, from (72, 710), each cell 100 × 30. */
  const grid = (columns: number, rows: number, skip: (kind: 'h' | 'v', index: number, cell: number) => boolean = () => false) => {
    const lines: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c + 1 < columns; c++) if (!skip('h', r, c)) lines.push(line(72 + c * 100, 710 - r * 30, 172 + c * 100, 710 - r * 30));
    for (let c = 0; c < columns; c++)
      for (let r = 0; r + 1 < rows; r++) if (!skip('v', c, r)) lines.push(line(72 + c * 100, 710 - r * 30, 72 + c * 100, 680 - r * 30));
    return lines;
  };
  const label = (c: number, r: number, s: string) => text(77 + c * 100, 690 - r * 30, s);

  it('merges cells across and down away from the first row and column', async () => {
    // Four columns, three rows: the last row's middle two cells one, and the last column's first two rows one.
    const lines = grid(
      5,
      4,
      (kind, index, cell) => (kind === 'v' && index === 2 && cell === 2) || (kind === 'h' && index === 1 && cell === 3),
    );
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
    const labels = letters.map((s, i) => label(i % 4, Math.floor(i / 4), s));
    expect(await read(page(...lines, ...labels))).toEqual([
      {
        rows: [
          [['a'], ['b'], ['c'], { at: '@3+1 merge', blocks: ['d', 'h'] }],
          [['e'], ['f'], ['g'], { at: '@3+1 merged from row 0', blocks: [''] }],
          [['i'], { at: '@1+2', blocks: ['j\tk'] }, ['l']],
        ],
      },
    ]);
  });

  it('joins lines that stop short of each other by less than two points, and not by more', async () => {
    const near = [
      line(72, 710, 471, 710),
      line(72, 680, 471, 680),
      line(73.5, 708.5, 73.5, 681.5),
      line(272, 710, 272, 680),
      line(472, 710, 472, 680),
    ];
    expect(await read(page(...near, text(77, 690, 'Name'), text(277, 690, 'Ann')))).toEqual([{ rows: [[['Name'], ['Ann']]] }]);
    const apart = [line(72, 710, 272, 710), line(72, 680, 272, 680), line(69, 710, 69, 680), line(275, 710, 275, 680)];
    expect(await read(page(...apart, text(77, 690, 'Name')))).toEqual(['Name']);
  });

  it('needs two lines each way to make a table', async () => {
    expect(await read(page(line(72, 710, 472, 710), line(72, 680, 472, 680), line(72, 710, 72, 680), text(77, 690, 'Bracketed')))).toEqual([
      'Bracketed',
    ]);
    expect(
      await read(page(line(72, 710, 472, 710), line(72, 710, 72, 680), line(472, 710, 472, 680), text(77, 690, 'Under a lid'))),
    ).toEqual(['Under a lid']);
  });

  it('reads a grid of up to 20,000 cells as a table, and a larger one as no table', async () => {
    const ruled = (columns: number, rows: number) => {
      const lines: string[] = [];
      for (let r = 0; r <= rows; r++) lines.push(line(40, 820 - r * 4, 40 + columns * 5, 820 - r * 4));
      for (let c = 0; c <= columns; c++) lines.push(line(40 + c * 5, 820, 40 + c * 5, 820 - rows * 4));
      return page(...lines, text(40, 10, 'After the grid'));
    };
    const atLimit = await readPdf(pdfOf(ruled(100, 200)));
    const table = atLimit.blocks[0]!;
    expect(table.kind === 'table' && [table.rows.length, table.rows[0]!.cells.length]).toEqual([200, 100]);
    const over = shapeOf(await readPdf(pdfOf(ruled(100, 201))));
    expect(over).toEqual(['After the grid']);
  });
});

describe('text and tables in their order', () => {
  it('keeps one space between runs that carry their own, and bold across the space between bold runs', async () => {
    expect(await read(page(text(72, 770, 'Name: '), text(110, 770, 'Ann')))).toEqual(['Name: Ann']);
    expect(await read(page(text(72, 770, 'Name'), text(110, 770, ' Ann')))).toEqual(['Name Ann']);
    expect(await read(page(text(72, 770, 'Name', { bold: true }), text(110, 770, 'of', { bold: true })))).toEqual(['**Name of**']);
  });

  it('reads tables in page order, whichever was drawn first', async () => {
    expect(await read(page(row(580, 'URN', '137425'), row(700, 'Name', 'Ann'), text(72, 650, 'Part B')))).toEqual([
      { rows: [[['Name'], ['Ann']]] },
      'Part B',
      { rows: [[['URN'], ['137425']]] },
    ]);
  });

  it('starts a new table after a page break when the columns change', async () => {
    const threeColumns = page(
      box(72, 740, 100, 30),
      box(172, 740, 100, 30),
      box(272, 740, 200, 30),
      text(77, 750, 'a'),
      text(177, 750, 'b'),
    );
    expect(await read(row(100, 'Name', 'Ann'), threeColumns)).toEqual([{ rows: [[['Name'], ['Ann']]] }, { rows: [[['a'], ['b'], ['']]] }]);
    const wider = page(box(72, 740, 210, 30), box(282, 740, 190, 30), text(77, 750, 'URN'));
    expect(await read(row(100, 'Name', 'Ann'), wider)).toEqual([{ rows: [[['Name'], ['Ann']]] }, { rows: [[['URN'], ['']]] }]);
  });
});
