// Word packages as other savers and senders make them: parts in UTF-16, macro-enabled files, two
// entries with one name, a malformed mailto: link. Each built from a realistic sample form.
import { strToU8 } from 'fflate';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkDocument } from '../../../src/core/check';
import { readDocx } from '../../../src/core/docx/read-docx';
import { secondaryMasterySpecialist } from '../../../scripts/samples/forms';
import { entriesOf, text, utf16be, utf16le, zipEntries } from '../../support/repack';

const catalogue = loadCatalogue();
const form = () =>
  secondaryMasterySpecialist(
    { schoolName: 'Ashfield Academy', schoolUrn: '137 425', teacherEmail: 'S.Patel@Ashfield.sch.uk' },
    { seed: 'package variants' },
  );
const check = (bytes: Uint8Array, name = 'form.docx') => checkDocument(bytes, name, catalogue, name);

/** The form with document.xml re-encoded, its declaration saying so. */
function withDocumentXml(encode: (xml: string) => Uint8Array): Uint8Array {
  return zipEntries(
    entriesOf(form()).map(([name, data]) => [
      name,
      name === 'word/document.xml' ? encode(text(data).replace('encoding="UTF-8"', 'encoding="UTF-16"')) : data,
    ]),
  );
}

describe('a part written in UTF-16', () => {
  it.each([
    ['little-endian with a byte order mark', (xml: string) => utf16le(xml)],
    ['big-endian with a byte order mark', (xml: string) => utf16be(xml)],
    ['big-endian without one', (xml: string) => utf16be(xml, false)],
  ])('is read like its UTF-8 twin: %s', (_how, encode) => {
    const report = check(withDocumentXml(encode));
    const original = check(form());
    expect(report.forms[0]!.formId).toBe('secondary-mastery-specialist-2018');
    expect(report.forms[0]!.fields).toEqual(original.forms[0]!.fields);
    expect(report.forms[0]!.fields.schoolUrn).toBe('137425');
  });

  it('with an odd number of bytes is refused as damaged, not misread', () => {
    const result = readDocx(
      withDocumentXml((xml) => {
        const bytes = utf16le(xml);
        return bytes.subarray(0, bytes.length - 1);
      }),
    );
    expect(result.ok ? 'read' : result.error.code).toBe('corrupt-zip');
  });
});

describe('a macro-enabled Word file (.docm, .dotm)', () => {
  const docm = () => {
    const entries = entriesOf(form()).map(([name, data]): [string, Uint8Array] =>
      name === '[Content_Types].xml'
        ? [name, strToU8(text(data).replace('wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml'))]
        : [name, data],
    );
    return zipEntries([
      ...entries,
      ['word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
    ]);
  };

  it.each(['form.docm', 'form.dotm'])('%s is read, with a warning that it holds macros', (name) => {
    const report = check(docm(), name);
    const read = report.forms[0]!;
    expect(read.formId).toBe('secondary-mastery-specialist-2018');
    expect(read.fields.schoolName).toBe('Ashfield Academy');
    expect(read.issues.filter((i) => i.code === 'macros')).toEqual([
      {
        severity: 'warning',
        code: 'macros',
        message: `${name} holds macros (a macro-enabled Word file). Its text was read; its macros were not run. Open it with care.`,
      },
    ]);
  });

  it('a plain .docx gets no such warning', () => {
    expect(check(form()).forms[0]!.issues.some((i) => i.code === 'macros')).toBe(false);
  });
});

describe('two entries with one part name', () => {
  const forged = (name: string) => {
    const entries = entriesOf(form());
    const original = entries.find(([n]) => n === 'word/document.xml')![1];
    // The copy says something else, and is larger: a reader that keeps the larger (or the last) would show it.
    const copy = strToU8(text(original).replace('Ashfield Academy', `Forged School ${'x'.repeat(5000)}`));
    return zipEntries(entries, { [name]: copy });
  };

  it('is refused: which copy Word would show cannot be known', () => {
    const report = check(forged('word/document.xml'));
    expect(report.forms).toEqual([]);
    expect(report.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unreadable-attachment',
        message: expect.stringContaining('two copies of one part'),
      }),
    ]);
  });

  it('is refused whatever the part, and whatever the letter case of the copy', () => {
    expect(readDocx(forged('word/styles.xml'))).toMatchObject({ ok: false, error: { code: 'duplicate-part' } });
    const entries = entriesOf(form());
    const upper = zipEntries([...entries, ['WORD/DOCUMENT.XML', entries.find(([n]) => n === 'word/document.xml')![1]]]);
    expect(readDocx(upper)).toMatchObject({ ok: false, error: { code: 'duplicate-part' } });
  });
});

describe('a malformed mailto: link', () => {
  it.each(['mailto:s.patel@ashfield.sch.uk%', 'mailto:s.patel%E0%A4%A@ashfield.sch.uk', 'mailto:%ZZs.patel@ashfield.sch.uk'])(
    'does not stop the check: %s',
    (link) => {
      const bytes = secondaryMasterySpecialist(
        { schoolName: 'Ashfield Academy', teacherEmail: (w) => w.p([w.hyperlink(link, 'Sam Patel')]) },
        { seed: 'bad mailto' },
      );
      const report = check(bytes);
      expect(report.forms[0]!.formId).toBe('secondary-mastery-specialist-2018');
      expect(report.forms[0]!.fields.schoolName).toBe('Ashfield Academy');
      // A link that cannot be decoded is read as written ('%' may stand in an address).
      expect(report.forms[0]!.fields.teacherEmail).toBe(link.endsWith('%') ? 's.patel@ashfield.sch.uk' : link.slice(7).toLowerCase());
    },
  );
});
