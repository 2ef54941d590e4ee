// Content controls and tracked changes as Word writes them: a placeholder is no answer, a checkbox
// control is its state (not the glyph inside it), deleted and moved-away text is gone.
import { minimalDocx, p, r, tbl, tc, tr } from '../../support/minimal-docx';
import { shapeOfDocx } from '../../support/document-model';

const read = (...blocks: string[]) => shapeOfDocx(minimalDocx(blocks.join('')));
const W14 = 'w14';
/** A checkbox content control, its glyph the opposite of its state (the state wins). */
const checkbox = (checked: boolean, content: (glyph: string) => string) =>
  `<w:sdt><w:sdtPr><${W14}:checkbox><${W14}:checked ${W14}:val="${checked ? 1 : 0}"/></${W14}:checkbox></w:sdtPr>` +
  `<w:sdtEndPr><w:rPr><w:b/></w:rPr></w:sdtEndPr><w:sdtContent>${content(checked ? '☐' : '☒')}</w:sdtContent></w:sdt>`;

describe('tracked changes', () => {
  it('leaves out deleted and moved-away text, and keeps inserted text', () => {
    expect(
      read(
        p(
          r('Yes'),
          '<w:del><w:r><w:delText>No</w:delText></w:r><w:r><w:t>gone</w:t></w:r></w:del>',
          '<w:ins>',
          r(' kept'),
          '</w:ins>',
          '<w:moveFrom>',
          r('moved'),
          '</w:moveFrom>',
          r('.'),
        ),
      ),
    ).toEqual(['Yes kept.']);
  });
});

describe('content controls', () => {
  it('a placeholder still showing is no answer; one that is not is its text', () => {
    const control = (showing: string, text: string) =>
      `<w:sdt><w:sdtPr>${showing}</w:sdtPr><w:sdtContent>${r(text)}</w:sdtContent></w:sdt>`;
    expect(
      read(
        p(
          r('A: '),
          control('<w:showingPlcHdr/>', 'Click or tap here to enter text.'),
          r(' B: '),
          control('<w:showingPlcHdr w:val="0"/>', 'Ashfield'),
          r(' C: '),
          control('', 'typed'),
        ),
      ),
    ).toEqual(['A:  B: Ashfield C: typed']);
  });

  it('a checkbox control inside a paragraph is its state, not its glyph', () => {
    expect(
      read(
        p(
          checkbox(true, (g) => r(g)),
          r(' Yes '),
          checkbox(false, (g) => r(g)),
          r(' No'),
        ),
      ),
    ).toEqual(['☒ Yes ☐ No']);
  });

  it('a checkbox control around a whole paragraph, in the body or a cell, is a box in that paragraph: only its state is read', () => {
    expect(
      read(
        checkbox(true, (g) => p(r(g), r(' glyph text'))),
        p(r('after')),
      ),
    ).toEqual(['☒', 'after']);
    expect(read(tbl(tr(tc(checkbox(false, (g) => p(r(g)))))))).toEqual([{ rows: [[['☐']]] }]);
  });

  it('a checkbox control around a paragraph in a text box is a box in the box’s paragraph, not in its anchor', () => {
    const textBox = `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${checkbox(true, (g) => p(r(g), r(' glyph')))}${p(r('Tick if attending'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    expect(read(p(r('Anchor'), textBox))).toEqual(['Anchor', '☒', 'Tick if attending']);
  });

  it('a control’s end properties are not text, and text after the control is read again', () => {
    expect(
      read(p(`<w:sdt><w:sdtEndPr><w:r><w:t>not this</w:t></w:r></w:sdtEndPr><w:sdtContent>${r('in')}</w:sdtContent></w:sdt>`, r(' out'))),
    ).toEqual(['in out']);
  });

  it('a checkbox state outside a checkbox control is nothing, and nested controls keep to themselves', () => {
    expect(read(p(`<w:sdt><w:sdtPr><${W14}:checked ${W14}:val="1"/></w:sdtPr><w:sdtContent>${r('text')}</w:sdtContent></w:sdt>`))).toEqual([
      'text',
    ]);
    const inner = `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${r('prompt')}</w:sdtContent></w:sdt>`;
    expect(read(p(`<w:sdt><w:sdtPr/><w:sdtContent>${r('a')}${inner}${r('b')}</w:sdtContent></w:sdt>`))).toEqual(['ab']);
  });
});
