// Fields in Word documents as Word writes them: hyperlinks (the element and the field), legacy form
// fields (FORMCHECKBOX by its state, FORMDROPDOWN by its chosen entry) and simple fields.
import { minimalDocx, p, r } from '../../support/minimal-docx';
import { shapeOfDocx } from '../../support/document-model';

const read = (body: string, links: Record<string, string> = {}) => shapeOfDocx(minimalDocx(body, { links }));
const fldChar = (type: string, inner = '') => `<w:r><w:fldChar w:fldCharType="${type}">${inner}</w:fldChar></w:r>`;
const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
/** A complex field: begin (with its form-field data), instruction, separate, result, end. */
const field = (instruction: string, result: string, data = '') =>
  fldChar('begin', data ? `<w:ffData>${data}</w:ffData>` : '') + instr(instruction) + fldChar('separate') + result + fldChar('end');
const checkBox = (props: string) => `<w:checkBox><w:sizeAuto/>${props}</w:checkBox>`;

describe('hyperlinks', () => {
  it('reads a hyperlink element’s text with the target of its relationship', () => {
    expect(
      read(p(r('Email: '), `<w:hyperlink r:id="rId1">${r('head@school.org.uk')}</w:hyperlink>`), { rId1: 'mailto:head@school.org.uk' }),
    ).toEqual(['Email: [head@school.org.uk](mailto:head@school.org.uk)']);
    expect(read(p(`<w:hyperlink w:anchor="top">${r('inside')}</w:hyperlink>`, r(' after')))).toEqual(['inside after']);
  });

  it('reads a HYPERLINK field’s result with its target, not its instruction', () => {
    expect(read(p(field(' HYPERLINK "mailto:a@b.uk" ', r('a@b.uk')), r(' x')))).toEqual(['[a@b.uk](mailto:a@b.uk) x']);
    expect(read(p(field(' hyperlink  "https://x.org" \\o "tip"', r('site'))))).toEqual(['[site](https://x.org)']);
    expect(read(p(field(' PAGE ', r('3'))))).toEqual(['3']);
    expect(read(p(field('HYPERLINK "https://y.org"', r('no space before'))))).toEqual(['[no space before](https://y.org)']);
    expect(read(p(field('  HYPERLINK "https://z.org"', r('two spaces'))))).toEqual(['[two spaces](https://z.org)']);
    expect(read(p(field(' REF x HYPERLINK "https://w.org"', r('not a link'))))).toEqual(['not a link']);
  });

  it('reads a simple field’s result, with the target of a HYPERLINK one', () => {
    expect(read(p(`<w:fldSimple w:instr=" HYPERLINK &quot;mailto:c@d.uk&quot; ">${r('c@d.uk')}</w:fldSimple>`, r(' y')))).toEqual([
      '[c@d.uk](mailto:c@d.uk) y',
    ]);
    expect(read(p(`<w:fldSimple w:instr=" DATE ">${r('1 May')}</w:fldSimple>`, `<w:fldSimple>${r('z')}</w:fldSimple>`))).toEqual([
      '1 Mayz',
    ]);
  });
});

describe('legacy checkboxes (FORMCHECKBOX)', () => {
  it('are their checked state, else their default', () => {
    const box = (props: string) => field(' FORMCHECKBOX ', '', checkBox(props));
    expect(read(p(box('<w:checked/>'), r(' Yes '), box('<w:checked w:val="0"/>'), r(' No')))).toEqual(['☒ Yes ☐ No']);
    expect(read(p(box('<w:default w:val="1"/>'), r(' Yes '), box('<w:default w:val="0"/>'), r(' No')))).toEqual(['☒ Yes ☐ No']);
    expect(read(p(box('<w:default w:val="1"/><w:checked w:val="0"/>'), r(' No')))).toEqual(['☐ No']);
  });

  it('are read once whether or not the field has a separate mark', () => {
    const data = checkBox('<w:checked/>');
    expect(read(p(fldChar('begin', `<w:ffData>${data}</w:ffData>`), instr(' FORMCHECKBOX '), fldChar('end'), r(' Yes')))).toEqual([
      '☒ Yes',
    ]);
  });

  it('take no state from elements outside their checkbox data', () => {
    const data = `${checkBox('')}<w:default w:val="1"/><w:checked/>`;
    expect(read(p(field(' FORMCHECKBOX ', '', data), r(' Yes')))).toEqual(['☐ Yes']);
  });
});

describe('legacy drop-downs (FORMDROPDOWN)', () => {
  const dropdown = (props: string) =>
    field(' FORMDROPDOWN ', '', `<w:ddList>${props}<w:listEntry w:val="Yes"/><w:listEntry w:val="No"/></w:ddList>`);

  it('are their chosen entry, else their default, else the first', () => {
    expect(read(p(r('QTS: '), dropdown('<w:result w:val="1"/>')))).toEqual(['QTS: No']);
    expect(read(p(r('QTS: '), dropdown('<w:default w:val="1"/>')))).toEqual(['QTS: No']);
    expect(read(p(r('QTS: '), dropdown('')))).toEqual(['QTS: Yes']);
  });

  it('take a choice that is no entry index as no choice', () => {
    expect(read(p(dropdown('<w:result w:val="-1"/>')))).toEqual(['Yes']);
    expect(read(p(dropdown('<w:result w:val="one"/><w:default w:val="1"/>')))).toEqual(['No']);
    expect(read(p(dropdown('<w:result w:val="1.5"/>')))).toEqual(['Yes']);
  });

  it('show their chosen entry instead of the result text Word left in the field, and read on after it', () => {
    const chosen = field(
      ' FORMDROPDOWN ',
      r('Yes'),
      '<w:ddList><w:result w:val="1"/><w:listEntry w:val="Yes"/><w:listEntry w:val="No"/></w:ddList>',
    );
    expect(read(p(r('QTS: '), chosen, r(' (checked)')))).toEqual(['QTS: No (checked)']);
  });

  it('are read once, and what follows read again, when the field has no separate mark', () => {
    const data = '<w:ddList><w:listEntry w:val="Yes"/><w:listEntry w:val="No"/></w:ddList>';
    expect(read(p(fldChar('begin', `<w:ffData>${data}</w:ffData>`), instr(' FORMDROPDOWN '), fldChar('end'), r(' after')))).toEqual([
      'Yes after',
    ]);
  });

  it('with no entries read as nothing', () => {
    expect(read(p(r('QTS:'), field(' FORMDROPDOWN ', '', '<w:ddList><w:result w:val="0"/></w:ddList>'), r(' after')))).toEqual([
      'QTS: after',
    ]);
  });

  it('take a first-entry choice over the default', () => {
    expect(read(p(dropdown('<w:result w:val="0"/><w:default w:val="1"/>')))).toEqual(['Yes']);
  });

  it('take entries, choices and defaults only from their list', () => {
    const data = `<w:ddList><w:listEntry w:val="A"/></w:ddList><w:result w:val="1"/><w:default w:val="1"/><w:listEntry w:val="B"/>`;
    expect(read(p(field(' FORMDROPDOWN ', '', data)))).toEqual(['A']);
    expect(
      read(p(fldChar('begin'), instr(' FORMDROPDOWN '), `<w:listEntry w:val="X"/>`, fldChar('separate'), r('shown'), fldChar('end'))),
    ).toEqual(['shown']);
  });
});

describe('form-field data outside any field', () => {
  it('is passed over, and the run’s text read', () => {
    const stray =
      '<w:checkBox><w:default w:val="1"/><w:checked/></w:checkBox><w:ddList><w:listEntry w:val="A"/><w:result w:val="0"/><w:default w:val="0"/></w:ddList>';
    expect(read(p(`<w:r>${stray}<w:t>text</w:t></w:r>`))).toEqual(['text']);
  });
});

describe('nesting', () => {
  it('reads a field inside another field’s result, each ending at its own end mark', () => {
    expect(read(p(field(' HYPERLINK "https://a.org" ', field(' PAGE ', r('7')) + r(' inner')), r(' outer')))).toEqual([
      '[7 inner](https://a.org) outer',
    ]);
  });

  it('reads a field inside another field’s instruction as part of that instruction, not as text', () => {
    const merge = field(' MERGEFIELD Surname ', r('Patel'));
    const conditional =
      fldChar('begin') + instr(' IF ') + merge + instr(' = "" "none" "given" ') + fldChar('separate') + r('given') + fldChar('end');
    expect(read(p(r('Surname: '), conditional))).toEqual(['Surname: given']);
  });

  it('reads stray field marks with no field begun as nothing', () => {
    expect(read(p(fldChar('separate'), r('a'), fldChar('end'), r('b')))).toEqual(['ab']);
  });
});
