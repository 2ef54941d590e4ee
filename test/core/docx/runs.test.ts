// The runs of a Word paragraph, element by element as Word writes them: text, tabs and breaks,
// symbols from Wingdings and Symbol, and the formatting that can carry an answer (bold, struck
// through, highlighted or shaded, hidden).
import { minimalDocx, p, r } from '../../support/minimal-docx';
import { shapeOfDocx } from '../../support/document-model';

const read = (...paragraphs: string[]) => shapeOfDocx(minimalDocx(paragraphs.join('')));
const run = (content: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${content}</w:r>`;

describe('text in runs', () => {
  it('reads tabs, breaks and non-breaking hyphens as Word shows them', () => {
    expect(
      read(
        p(run('<w:t>a</w:t><w:tab/><w:t>b</w:t><w:ptab/><w:t>c</w:t><w:br/><w:t>d</w:t><w:cr/><w:t>e</w:t><w:noBreakHyphen/><w:t>f</w:t>')),
      ),
    ).toEqual(['a\tb\tc\nd\ne-f']);
  });

  it('leaves out deleted text and text outside w:t', () => {
    expect(read(p(run('<w:t>kept</w:t><w:delText>deleted</w:delText>'), run('<w:instrText> PAGE </w:instrText>')))).toEqual(['kept']);
  });

  it('reads the ticks and boxes of Wingdings and Symbol, in either case', () => {
    const sym = (char: string) => run(`<w:sym w:font="Wingdings" w:char="${char}"/>`);
    const codes = [
      'F0FC',
      'F0FB',
      'F0FD',
      'F0FE',
      'F0A8',
      'F06F',
      'F078',
      'F0A2',
      'F0D6',
      'F0D5',
      '00FC',
      '00FB',
      '00FD',
      '00FE',
      '00A8',
      'f0fd',
    ];
    expect(read(p(...codes.map(sym)))).toEqual(['✓✗☒☑☐☐☒☐✓✗✓✗☒☑☐☒']);
  });

  it('reads another symbol as its character, and a private-use or malformed one as nothing', () => {
    const sym = (char: string) => run(`<w:sym w:font="Symbol" w:char="${char}"/>`);
    expect(read(p(sym('2022'), sym('F041'), sym('41'), sym('00411'), sym('XYZW'), run('<w:sym/>'), r('end')))).toEqual(['•end']);
  });
});

describe('formatting', () => {
  it('reads bold, struck-through (single or double) and highlighted runs, and turns each off by its value', () => {
    expect(read(p(r('a', '<w:b/>'), r('b', '<w:b w:val="0"/>'), r('c', '<w:b w:val="false"/>'), r('d', '<w:b w:val="true"/>')))).toEqual([
      '**a**bc**d**',
    ]);
    expect(read(p(r('a', '<w:strike/>'), r('b', '<w:dstrike/>'), r('c', '<w:dstrike w:val="off"/>')))).toEqual(['~~ab~~c']);
    expect(read(p(r('a', '<w:highlight w:val="yellow"/>'), r('b', '<w:highlight w:val="none"/>')))).toEqual(['==a==b']);
  });

  it('reads a shaded run as highlighted, unless the shading is white or none', () => {
    const shd = (fill?: string) => (fill === undefined ? '<w:shd w:val="clear"/>' : `<w:shd w:val="clear" w:fill="${fill}"/>`);
    expect(
      read(p(r('a', shd('FFFF00')), r('b', shd('auto')), r('c', shd('FFFFFF')), r('d', shd('none')), r('e', shd()), r('f', shd('')))),
    ).toEqual(['==a==bcdef']);
  });

  it('reads formatting only from the run’s own properties, not from a change record or the paragraph’s mark', () => {
    expect(read(p(r('a', '<w:b w:val="0"/><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange>')))).toEqual(['a']);
    expect(read(`<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>${r('plain')}</w:p>`)).toEqual(['plain']);
    // Formatting elements outside any w:rPr are not the run's.
    expect(read(p(run('<w:b/><w:t>x</w:t>')))).toEqual(['x']);
  });

  it('leaves out hidden text, unless turned off', () => {
    expect(read(p(r('shown '), r('hidden', '<w:vanish/>'), r('also shown', '<w:vanish w:val="0"/>')))).toEqual(['shown also shown']);
  });

  it('starts each run with no formatting', () => {
    expect(read(p(r('a', '<w:b/><w:strike/><w:highlight w:val="yellow"/>'), r('b')))).toEqual(['==~~**a**~~==b']);
  });

  it('keeps the spaces of text that asks for them', () => {
    expect(read(p(run('<w:t xml:space="preserve">  two  </w:t>'), run('<w:t>x</w:t>')))).toEqual(['  two  x']);
  });
});
