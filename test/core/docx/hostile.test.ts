// Hostile and broken attachments: each is reported with a specific error, within the named limits.
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../../src/core/docx/read-docx';
import { DOCX_LIMITS } from '../../../src/core/docx/limits';
import { documentXml, minimalDocx, p, r, tbl, tc, tr, W_NS } from '../../support/minimal-docx';

function errorOf(bytes: Uint8Array, limits = DOCX_LIMITS) {
  const result = readDocx(bytes, limits);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

const goodForm = () => minimalDocx(tbl(tr(tc(p(r('Name of school'))), tc(p(r('Ashfield Academy'))))));

describe('files that are not Word documents', () => {
  it('refuses a PDF named .docx', () => {
    expect(errorOf(strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF')).code).toBe('not-a-word-document');
  });

  it('recognises a password-protected document (an OLE file with EncryptionInfo)', () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(8192, 7));
    const error = errorOf(new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer));
    expect(error.code).toBe('encrypted-document');
    expect(error.message).toMatch(/password/);
  });

  it('recognises an old Word 97-2003 document', () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/WordDocument', Buffer.alloc(4096, 1));
    CFB.utils.cfb_add(container, '/1Table', Buffer.alloc(4096, 2));
    expect(errorOf(new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer)).code).toBe('legacy-word-document');
  });
});

describe('damaged packages', () => {
  it('reports a truncated .docx', () => {
    const bytes = goodForm();
    expect(errorOf(bytes.subarray(0, Math.floor(bytes.length * 0.6))).code).toBe('corrupt-zip');
  });

  it('reports compressed data that has been overwritten', () => {
    const bytes = minimalDocx(p(r('x'.repeat(5000) + 'Ashfield'.repeat(500))));
    const damaged = bytes.slice();
    const at = damaged.findIndex((_, i) => i > 200 && damaged[i - 1] === 0x78) + 10; // inside a deflate stream
    for (let i = at; i < at + 64; i++) damaged[i] = 0xff;
    expect(['corrupt-zip', 'xml-malformed']).toContain(errorOf(damaged).code);
  });

  it('reports a package without its main document part', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') });
    expect(errorOf(bytes).code).toBe('missing-part');
  });

  it('reports a document part that is not well-formed XML, without quoting it', () => {
    const error = errorOf(minimalDocx('', { documentXml: `<w:document ${W_NS}><w:body><w:p><w:r><w:t>Jane Smith</w:r></w:body>` }));
    expect(error.code).toBe('xml-malformed');
    expect(error.message).not.toMatch(/Jane/);
  });
});

describe('XML entity attacks', () => {
  it('never expands or fetches an external entity', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const error = errorOf(minimalDocx('', { documentXml: xml }));
    expect(error.code).toBe('xml-doctype');
    expect(error.message).not.toMatch(/root:/);
  });

  it('refuses the billion laughs', () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><w:document ${W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    expect(errorOf(minimalDocx('', { documentXml: xml })).code).toBe('xml-doctype');
  });

  it('refuses an entity declared in the relationships part', () => {
    const rels = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY t SYSTEM "http://example.invalid/x">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="&t;"/></Relationships>';
    expect(errorOf(minimalDocx(p(r('x')), { parts: { '_rels/.rels': rels } })).code).toBe('xml-doctype');
  });
});

describe('resource limits', () => {
  it('stops a zip bomb at the inflated-size limit', () => {
    const zeros = new Uint8Array(DOCX_LIMITS.partBytes + 1024 * 1024);
    const bomb = zipSync({ '_rels/.rels': strToU8(''), 'word/document.xml': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(errorOf(bomb).code).toBe('zip-bomb');
  });

  it('stops a part that inflates far beyond the size it declares', () => {
    const lie = (megabytes: number) => {
      const bomb = zipSync({ 'word/document.xml': [new Uint8Array(megabytes * 1024 * 1024), { level: 9 }] });
      // Rewrite the declared uncompressed size (local header offset 22, central directory offset 24) to 1 KB.
      const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
      view.setUint32(22, 1024, true);
      const central = bomb.findIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50);
      view.setUint32(central + 24, 1024, true);
      return bomb;
    };
    // A large compressed part is streamed and stopped at the limit...
    expect(errorOf(lie(96), { ...DOCX_LIMITS, partBytes: 1024 * 1024 }).code).toBe('zip-bomb');
    // ...a small one is inflated into the 1 KB it declares, which is then not a document.
    expect(['xml-malformed', 'corrupt-zip']).toContain(errorOf(lie(4)).code);
  });

  it('refuses too many parts', () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(documentXml(p(r('x')))) };
    for (let i = 0; i <= DOCX_LIMITS.zipEntries; i++) files[`word/media/image${i}.png`] = new Uint8Array(1);
    expect(errorOf(zipSync(files)).code).toBe('too-many-parts');
  });

  it('refuses an attachment over the size limit', () => {
    expect(errorOf(new Uint8Array(DOCX_LIMITS.attachmentBytes + 1)).code).toBe('attachment-too-large');
  });

  it('refuses absurd element nesting without exhausting the stack', () => {
    const depth = 20_000;
    const body = '<w:customXml>'.repeat(depth) + p(r('deep')) + '</w:customXml>'.repeat(depth);
    expect(errorOf(minimalDocx(body)).code).toBe('xml-too-deep');
  });

  it('refuses tables nested beyond the limit', () => {
    let body = p(r('x'));
    for (let i = 0; i <= DOCX_LIMITS.tableNesting; i++) body = tbl(tr(tc(body)));
    expect(errorOf(minimalDocx(body)).code).toBe('table-too-large');
  });

  it('refuses a table with more rows than the limit', () => {
    const rows = tr(tc(p(r('a'))), tc(p(r('b')))).repeat(DOCX_LIMITS.tableRows + 1);
    expect(errorOf(minimalDocx(tbl(rows))).code).toBe('table-too-large');
  });

  it('still reads a large but reasonable table', () => {
    const rows = tr(tc(p(r('2015-2018'))), tc(p(r('Ashfield Academy'))), tc(p(r('Teacher')))).repeat(1000);
    const result = readDocx(minimalDocx(tbl(rows)));
    expect(result.ok).toBe(true);
  });
});
