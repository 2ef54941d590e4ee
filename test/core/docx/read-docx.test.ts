// Finding the document in the package: the main part is where the package's relationships say (not
// always word/document.xml), its links come from its own relationships, and whatever is wrong comes
// back as a result naming the problem, never as a throw.
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../../src/core/docx/read-docx';
import { DOCX_LIMITS } from '../../../src/core/docx/limits';
import { documentXml, minimalDocx, p, r } from '../../support/minimal-docx';
import { shapeOf } from '../../support/document-model';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (...list: [id: string, type: string, target: string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS_NS}">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${TYPE}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
const linked = (id: string, text: string) => `<w:hyperlink r:id="${id}">${r(text)}</w:hyperlink>`;
const zip = (parts: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([name, body]) => [name, strToU8(body)])), {
    mtime: new Date('2024-01-01T00:00:00Z'),
  });
const shape = (bytes: Uint8Array) => {
  const result = readDocx(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return shapeOf(result.document);
};
const failure = (bytes: Uint8Array) => {
  const result = readDocx(bytes);
  return result.ok ? 'read' : { code: result.error.code, message: result.error.message };
};

describe('the main document part', () => {
  it('is the one the package’s relationships name, with its own relationships beside it', () => {
    const bytes = zip({
      '_rels/.rels': rels(['rId1', 'officeDocument', 'word/main.xml']),
      'word/main.xml': documentXml(p(r('From main '), linked('rId7', 'here'))),
      'word/_rels/main.xml.rels': rels(['rId7', 'hyperlink', 'https://example.org/main']),
      'word/document.xml': documentXml(p(r('A decoy'))),
      'word/_rels/document.xml.rels': rels(['rId7', 'hyperlink', 'https://example.org/decoy']),
    });
    expect(shape(bytes)).toEqual(['From main [here](https://example.org/main)']);
  });

  it('is found from a target written from the package root (a leading slash)', () => {
    const bytes = zip({
      '_rels/.rels': rels(['rId9', 'metadata/core-properties', 'docProps/core.xml'], ['rId1', 'officeDocument', '/word/main.xml']),
      'word/main.xml': documentXml(p(r('Rooted'))),
    });
    expect(shape(bytes)).toEqual(['Rooted']);
  });

  it('is word/document.xml when the package has no relationships part', () => {
    expect(shape(zip({ 'word/document.xml': documentXml(p(r('No rels'))) }))).toEqual(['No rels']);
  });

  it('is word/document.xml when the relationships name no main part', () => {
    const bytes = zip({
      '_rels/.rels': rels(['rId1', 'metadata/core-properties', 'docProps/core.xml']),
      'word/document.xml': documentXml(p(r('Default'))),
    });
    expect(shape(bytes)).toEqual(['Default']);
  });

  it('missing is an incomplete document', () => {
    expect(failure(zip({ '_rels/.rels': rels(['rId1', 'officeDocument', 'word/document.xml']), 'word/styles.xml': '<x/>' }))).toEqual({
      code: 'missing-part',
      message: 'The document has no main text part (word/document.xml); it is not a complete Word document.',
    });
  });
});

describe('links', () => {
  it('take their targets only from hyperlink relationships', () => {
    const bytes = minimalDocx(p(linked('rId1', 'site'), r(' and '), linked('rId2', 'picture')), {
      links: { rId1: 'https://ashfield.sch.uk' },
      parts: {
        'word/_rels/document.xml.rels': rels(['rId1', 'hyperlink', 'https://ashfield.sch.uk'], ['rId2', 'image', 'media/image1.png']),
      },
    });
    expect(shape(bytes)).toEqual(['[site](https://ashfield.sch.uk) and picture']);
  });
});

describe('what is wrong comes back as the result', () => {
  it('for bytes that are no Word document', () => {
    expect(failure(strToU8('Dear hub, please find our form attached.'))).toEqual({
      code: 'not-a-word-document',
      message: 'The file is not a Word .docx document.',
    });
  });

  it('for malformed XML, naming the part', () => {
    const result = readDocx(minimalDocx('', { documentXml: '<w:document><w:body><w:p></w:body>' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('xml-malformed');
      expect(result.error.message).toContain('word/document.xml');
    }
  });
});

describe('what is read of the package', () => {
  it('names the relationships part that is not well-formed', () => {
    const brokenRoot = zip({ '_rels/.rels': '<Relationships>', 'word/document.xml': documentXml(p(r('x'))) });
    expect(failure(brokenRoot)).toEqual({ code: 'xml-malformed', message: 'The document part _rels/.rels is not well-formed XML.' });
    const brokenOwn = zip({ 'word/document.xml': documentXml(p(r('x'))), 'word/_rels/document.xml.rels': '<Relationships>' });
    expect(failure(brokenOwn)).toEqual({
      code: 'xml-malformed',
      message: 'The document part word/_rels/document.xml.rels is not well-formed XML.',
    });
  });

  it('takes word/document.xml when the main part’s relationship gives no target', () => {
    const bytes = zip({
      '_rels/.rels': `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${TYPE}/officeDocument"/></Relationships>`,
      'word/document.xml': documentXml(p(r('Default'))),
    });
    expect(shape(bytes)).toEqual(['Default']);
  });

  it('inflates only the main part and its relationships, whatever else the package holds', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(documentXml(p(r('Read')))),
      'word/media/image1.png': [new Uint8Array(2 * 1024 * 1024), { level: 9 }],
    });
    expect(readDocx(bytes, { ...DOCX_LIMITS, inflatedBytes: 1024 * 1024, compressionRatio: 10 }).ok).toBe(true);
  });
});

describe('macros', () => {
  it('are reported for a package holding a macro project, and not otherwise', () => {
    const withMacros = readDocx(minimalDocx(p(r('Form')), { parts: { 'word/vbaProject.bin': 'not really VBA' } }));
    const without = readDocx(minimalDocx(p(r('Form'))));
    expect(withMacros.ok && withMacros.document.macros).toBe(true);
    expect(without.ok && 'macros' in without.document).toBe(false);
  });
});
