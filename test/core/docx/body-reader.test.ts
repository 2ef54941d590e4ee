import { readDocx } from '../../../src/core/docx/read-docx';
import { blocksText, paragraphText, type Paragraph, type Table, type TextInline, type WordDocument } from '../../../src/core/docx/model';
import { minimalDocx, p, r, tbl, tc, tr } from '../../support/minimal-docx';

function read(body: string, links?: Record<string, string>): WordDocument {
  const result = readDocx(minimalDocx(body, { links }));
  if (!result.ok) throw new Error(`expected a readable document, got ${result.error.code}`);
  return result.document;
}

const text = (document: WordDocument) => blocksText(document.blocks);
const firstParagraph = (document: WordDocument) => document.blocks[0] as Paragraph;
const firstTable = (document: WordDocument) => document.blocks.find((b) => b.kind === 'table') as Table;

describe('reading paragraphs and runs', () => {
  it('joins runs that Word split at rsid changes, proofing marks and bookmarks', () => {
    const document = read(
      `<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:r w:rsidR="00B2"><w:t>Ash</w:t></w:r><w:proofErr w:type="spellStart"/>` +
        `<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00C3"><w:t>field</w:t></w:r><w:bookmarkEnd w:id="0"/>` +
        `<w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> Academy</w:t></w:r></w:p>`,
    );
    const paragraph = firstParagraph(document);
    expect(paragraphText(paragraph)).toBe('Ashfield Academy');
    expect(paragraph.inlines).toHaveLength(1);
  });

  it('keeps tabs and soft line breaks', () => {
    const document = read(p('<w:r><w:t>Jane Smith</w:t><w:br/><w:t>jane@x.sch.uk</w:t><w:tab/><w:t>end</w:t></w:r>'));
    expect(paragraphText(firstParagraph(document))).toBe('Jane Smith\njane@x.sch.uk\tend');
  });

  it('keeps strike-through, highlight and bold, and the on/off forms of each', () => {
    const document = read(
      p(
        r('Yes', '<w:b/>'),
        r('/'),
        r('No', '<w:strike/>'),
        r(' maybe', '<w:highlight w:val="yellow"/>'),
        r(' plain', '<w:b w:val="0"/><w:strike w:val="false"/><w:highlight w:val="none"/>'),
      ),
    );
    const inlines = firstParagraph(document).inlines as TextInline[];
    expect(inlines.map((i) => [i.text, i.bold, i.strike, i.highlight])).toEqual([
      ['Yes', true, false, false],
      ['/', false, false, false],
      ['No', false, true, false],
      [' maybe', false, false, true],
      [' plain', false, false, false],
    ]);
  });

  it('drops hidden text and the formatting of paragraph marks', () => {
    const document = read(`<w:p><w:pPr><w:rPr><w:strike/></w:rPr></w:pPr>${r('shown')}${r('hidden', '<w:vanish/>')}</w:p>`);
    const inlines = firstParagraph(document).inlines as TextInline[];
    expect(inlines).toEqual([{ kind: 'text', text: 'shown', bold: false, strike: false, highlight: false }]);
  });

  it('passes over a run that stands outside any paragraph, in the body or in a cell', () => {
    expect(text(read(r('stray') + p(r('kept'))))).toBe('kept');
    expect(text(read(tbl(tr(tc(r('stray') + p(r('kept')))))))).toBe('kept');
  });

  it('maps Wingdings tick symbols to characters', () => {
    const document = read(p('<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>', r(' Yes')));
    expect(paragraphText(firstParagraph(document))).toBe('✓ Yes');
  });
});

describe('reading tracked changes and comments', () => {
  it('counts inserted text and not deleted text', () => {
    const document = read(
      p(
        r('Head: '),
        '<w:del w:id="1" w:author="A" w:date="2018-06-01T10:00:00Z"><w:r><w:delText>Mr Old</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="A" w:date="2018-06-01T10:00:00Z"><w:r><w:t>Mrs New</w:t></w:r></w:ins>',
      ),
    );
    expect(text(document)).toBe('Head: Mrs New');
  });

  it('ignores comments and moved-from text', () => {
    const document = read(
      p(
        '<w:commentRangeStart w:id="0"/>',
        r('Kept'),
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
        '<w:moveFrom w:id="3"><w:r><w:t>gone</w:t></w:r></w:moveFrom>',
      ),
    );
    expect(text(document)).toBe('Kept');
  });

  it('drops a table row that was deleted with tracked changes', () => {
    const document = read(
      tbl(tr(tc(p(r('a')))), `<w:tr><w:trPr><w:del w:id="9" w:author="A" w:date="2018-06-01T10:00:00Z"/></w:trPr>${tc(p(r('b')))}</w:tr>`),
    );
    expect(firstTable(document).rows).toHaveLength(1);
  });
});

describe('reading hyperlinks and fields', () => {
  it('keeps the target of a relationship hyperlink', () => {
    const document = read(p('<w:hyperlink r:id="rId9" w:history="1">', r('Jane Smith'), '</w:hyperlink>'), {
      rId9: 'mailto:Jane.Smith@x.sch.uk',
    });
    expect(firstParagraph(document).inlines[0]).toMatchObject({ text: 'Jane Smith', link: 'mailto:Jane.Smith@x.sch.uk' });
  });

  it('keeps the target of a HYPERLINK field and reads only its result', () => {
    const document = read(
      p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:a@b.org.uk" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('A B'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
    );
    expect(text(document)).toBe('A B');
    expect(firstParagraph(document).inlines[0]).toMatchObject({ link: 'mailto:a@b.org.uk' });
  });

  it('reads the typed value of a legacy FORMTEXT field', () => {
    const document = read(
      p(
        '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r>',
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        r('137425'),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
    );
    expect(text(document)).toBe('137425');
  });

  it('reads the state of legacy FORMCHECKBOX fields', () => {
    const box = (checked: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>${checked}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const document = read(p(box('<w:checked/>'), r(' Yes '), box(''), r(' No')));
    expect(firstParagraph(document).inlines.filter((i) => i.kind === 'checkbox')).toEqual([
      { kind: 'checkbox', checked: true },
      { kind: 'checkbox', checked: false },
    ]);
  });
});

describe('reading content controls', () => {
  it('treats a control still showing its placeholder as empty', () => {
    const document = read(
      p(
        '<w:sdt><w:sdtPr><w:alias w:val="School"/><w:tag w:val="schoolName"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>',
        r('Click or tap here to enter text.', '<w:rStyle w:val="PlaceholderText"/>'),
        '</w:sdtContent></w:sdt>',
      ),
    );
    expect(text(document)).toBe('');
  });

  it('reads what was typed into a control', () => {
    const document = read(
      p('<w:sdt><w:sdtPr><w:tag w:val="schoolName"/></w:sdtPr><w:sdtContent>', r('Ashfield Academy'), '</w:sdtContent></w:sdt>'),
    );
    expect(text(document)).toBe('Ashfield Academy');
  });

  it('reads a modern checkbox by its state, not its glyph', () => {
    const control = (checked: string, glyph: string) =>
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent>${r(glyph)}</w:sdtContent></w:sdt>`;
    const document = read(p(control('1', '☒'), r(' Yes '), control('0', '☐'), r(' No')));
    expect(firstParagraph(document).inlines).toEqual([
      { kind: 'checkbox', checked: true },
      { kind: 'text', text: ' Yes ', bold: false, strike: false, highlight: false },
      { kind: 'checkbox', checked: false },
      { kind: 'text', text: ' No', bold: false, strike: false, highlight: false },
    ]);
  });

  it('reads a cell-level control around the paragraphs of a cell', () => {
    const document = read(
      tbl(tr(tc(p(r('Name'))), `<w:sdt><w:sdtPr><w:tag w:val="n"/></w:sdtPr><w:sdtContent>${tc(p(r('Jane')))}</w:sdtContent></w:sdt>`)),
    );
    expect(firstTable(document).rows[0]!.cells.map((c) => blocksText(c.blocks))).toEqual(['Name', 'Jane']);
  });
});

describe('reading tables', () => {
  it('places cells on the grid with gridSpan and gridBefore', () => {
    const document = read(
      tbl(
        tr(tc(p(r('a')), '<w:gridSpan w:val="2"/>'), tc(p(r('b')))),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('c')))}${tc(p(r('d')))}</w:tr>`,
      ),
    );
    const rows = firstTable(document).rows;
    expect(rows[0]!.cells.map((c) => c.column)).toEqual([0, 2]);
    expect(rows[1]!.cells.map((c) => c.column)).toEqual([1, 2]);
  });

  it('links cells continuing a vertical merge to the cell that starts it', () => {
    const document = read(
      tbl(
        tr(tc(p(r('2015-18')), ''), tc(p(r('Ashfield')), '<w:vMerge w:val="restart"/>')),
        tr(tc(p(r('2018-')), ''), tc('<w:p/>', '<w:vMerge/>')),
        tr(tc(p(r('2010-15')), ''), tc(p(r('Other')), '')),
      ),
    );
    const rows = firstTable(document).rows;
    expect(rows[1]!.cells[1]!.mergedFromRow).toBe(0);
    expect(rows[2]!.cells[1]!.mergedFromRow).toBeUndefined();
  });

  it('reads tables nested in cells', () => {
    const document = read(tbl(tr(tc(p(r('outer')) + tbl(tr(tc(p(r('inner'))))) + '<w:p/>'))));
    const cell = firstTable(document).rows[0]!.cells[0]!;
    expect(cell.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(blocksText(cell.blocks)).toBe('outer\ninner\n');
  });
});

describe('reading text boxes', () => {
  it('reads a text box once, from the choice Word prefers, after its anchor paragraph', () => {
    const box = (tag: string) => `<w:txbxContent>${p(r(`In the box (${tag})`))}</w:txbxContent>`;
    const document = read(
      p(
        r('Anchor'),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('choice')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('fallback')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    );
    expect(document.blocks.map((b) => (b.kind === 'paragraph' ? paragraphText(b) : 'table'))).toEqual(['Anchor', 'In the box (choice)']);
  });

  const alternates = (inner: string) =>
    read(p(r('Anchor'), `<w:r><mc:AlternateContent>${inner}</mc:AlternateContent></w:r>`)).blocks.map((b) =>
      b.kind === 'paragraph' ? paragraphText(b) : 'table',
    );
  const box = (tag: string) => `<w:txbxContent>${p(r(tag))}</w:txbxContent>`;

  it('reads the first of several choices only', () => {
    expect(
      alternates(`<mc:Choice Requires="wps">${box('first')}</mc:Choice><mc:Choice Requires="wpg">${box('second')}</mc:Choice>`),
    ).toEqual(['Anchor', 'first']);
  });

  it('reads the fallback when there is no choice, and each alternate of several on its own', () => {
    expect(alternates(`<mc:Fallback>${box('fallback')}</mc:Fallback>`)).toEqual(['Anchor', 'fallback']);
    const two = read(
      p(
        r('Anchor'),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('one')}</mc:Choice><mc:Fallback>${box('one again')}</mc:Fallback></mc:AlternateContent></w:r>`,
        `<w:r><mc:AlternateContent><mc:Fallback>${box('two')}</mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    );
    expect(two.blocks.map((b) => (b.kind === 'paragraph' ? paragraphText(b) : 'table'))).toEqual(['Anchor', 'one', 'two']);
  });

  it('does not read the text inside an embedded object', () => {
    const document = read(
      p(r('Before'), `<w:r><w:object><v:shape><v:textbox>${box('Inside the object')}</v:textbox></v:shape></w:object></w:r>`, r(' after')),
    );
    expect(text(document)).toBe('Before after');
  });
});

describe('reading strict Open XML', () => {
  it('maps the strict namespace onto the same names', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>Strict</x:t></x:r></x:p></x:body></x:document>';
    const result = readDocx(minimalDocx('', { documentXml: xml }));
    expect(result.ok && blocksText(result.document.blocks)).toBe('Strict');
  });
});
