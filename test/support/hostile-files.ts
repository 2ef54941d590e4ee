// Hostile and broken attachments, crafted the way an attacker or a broken mail client would make
// them. Shared by the tests (each is refused with its own error) and the bench (each within bounds).
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { DOCX_LIMITS, type DocxLimits } from '../../src/core/docx/limits';
import { documentXml, minimalDocx, p, r, tbl, tc, tr, W_NS } from './minimal-docx';

export interface HostileFile {
  readonly name: string;
  /** The error codes a correct reader may give. */
  readonly codes: readonly string[];
  readonly build: () => Uint8Array;
  readonly limits?: DocxLimits;
}

const ole = (streams: Record<string, Buffer>) => {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
};

const goodForm = () => minimalDocx(tbl(tr(tc(p(r('Name of school'))), tc(p(r('Ashfield Academy'))))));

/** A part that declares 1 KB and inflates to `megabytes`. */
function lyingPart(megabytes: number): Uint8Array {
  const bomb = zipSync({ 'word/document.xml': [new Uint8Array(megabytes * 1024 * 1024), { level: 9 }] });
  // The declared uncompressed size: local header offset 22, central directory offset 24.
  const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
  view.setUint32(22, 1024, true);
  const central = bomb.findIndex((_, i) => i + 4 <= bomb.length && view.getUint32(i, true) === 0x02014b50);
  view.setUint32(central + 24, 1024, true);
  return bomb;
}

const entities = [
  '<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
].join('');

export const HOSTILE_FILES: readonly HostileFile[] = [
  {
    name: 'a PDF named .docx',
    codes: ['not-a-word-document'],
    build: () => strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'),
  },
  {
    name: 'a password-protected document (OLE with EncryptionInfo)',
    codes: ['encrypted-document'],
    build: () => ole({ EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: Buffer.alloc(8192, 7) }),
  },
  {
    name: 'an old Word 97-2003 document',
    codes: ['legacy-word-document'],
    build: () => ole({ WordDocument: Buffer.alloc(4096, 1), '1Table': Buffer.alloc(4096, 2) }),
  },
  { name: 'a truncated .docx', codes: ['corrupt-zip'], build: () => goodForm().subarray(0, Math.floor(goodForm().length * 0.6)) },
  {
    name: 'compressed data overwritten',
    codes: ['corrupt-zip', 'xml-malformed'],
    build: () => {
      const damaged = minimalDocx(p(r('x'.repeat(5000) + 'Ashfield'.repeat(500)))).slice();
      const at = damaged.findIndex((_, i) => i > 200 && damaged[i - 1] === 0x78) + 10;
      for (let i = at; i < at + 64; i++) damaged[i] = 0xff;
      return damaged;
    },
  },
  {
    name: 'a package without its main part',
    codes: ['missing-part'],
    build: () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') }),
  },
  {
    name: 'a part that is not well-formed XML',
    codes: ['xml-malformed'],
    build: () => minimalDocx('', { documentXml: `<w:document ${W_NS}><w:body><w:p><w:r><w:t>Jane Smith</w:r></w:body>` }),
  },
  {
    name: 'an external entity (XXE)',
    codes: ['xml-doctype'],
    build: () =>
      minimalDocx('', {
        documentXml: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`,
      }),
  },
  {
    name: 'the billion laughs',
    codes: ['xml-doctype'],
    build: () =>
      minimalDocx('', {
        documentXml: `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><w:document ${W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
      }),
  },
  {
    name: 'an entity in the relationships part',
    codes: ['xml-doctype'],
    build: () =>
      minimalDocx(p(r('x')), {
        parts: {
          '_rels/.rels':
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY t SYSTEM "http://example.invalid/x">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="&t;"/></Relationships>',
        },
      }),
  },
  {
    name: 'a zip bomb',
    codes: ['zip-bomb'],
    build: () =>
      zipSync({ '_rels/.rels': strToU8(''), 'word/document.xml': [new Uint8Array(DOCX_LIMITS.partBytes + 1024 * 1024), { level: 9 }] }),
  },
  {
    name: 'a large part lying about its size',
    codes: ['zip-bomb'],
    build: () => lyingPart(96),
    limits: { ...DOCX_LIMITS, partBytes: 1024 * 1024 },
  },
  { name: 'a small part lying about its size', codes: ['xml-malformed', 'corrupt-zip'], build: () => lyingPart(4) },
  {
    name: 'too many parts',
    codes: ['too-many-parts'],
    build: () => {
      const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(documentXml(p(r('x')))) };
      for (let i = 0; i <= DOCX_LIMITS.zipEntries; i++) files[`word/media/image${i}.png`] = new Uint8Array(1);
      return zipSync(files);
    },
  },
  {
    name: 'an attachment over the size limit',
    codes: ['attachment-too-large'],
    build: () => new Uint8Array(DOCX_LIMITS.attachmentBytes + 1),
  },
  {
    name: 'absurd element nesting',
    codes: ['xml-too-deep'],
    build: () => minimalDocx('<w:customXml>'.repeat(20_000) + p(r('deep')) + '</w:customXml>'.repeat(20_000)),
  },
  {
    name: 'absurd nesting inside a skipped element (paragraph properties)',
    codes: ['xml-too-deep'],
    build: () => minimalDocx(p('<w:pPr>' + '<w:pPr>'.repeat(20_000) + '</w:pPr>'.repeat(20_000) + '</w:pPr>' + r('x'))),
  },
  {
    name: 'absurd nesting inside a skipped element (section properties)',
    codes: ['xml-too-deep'],
    build: () => minimalDocx(p(r('x')) + '<w:sectPr>' + '<w:x>'.repeat(20_000) + '</w:x>'.repeat(20_000) + '</w:sectPr>'),
  },
  {
    name: 'a long attribute name with no =',
    codes: ['xml-malformed'],
    build: () =>
      minimalDocx(p(`<w:hyperlink ${'a'.repeat(40_000)} r:id="rId1">${r('x')}</w:hyperlink>`), { links: { rId1: 'mailto:a@b.co' } }),
  },
  {
    name: 'mismatched end tags inside a skipped element',
    codes: ['xml-malformed'],
    build: () => minimalDocx(p('<w:pPr><w:ind></w:jc></w:pPr>' + r('x'))),
  },
  {
    name: 'tables nested beyond the limit',
    codes: ['table-too-large'],
    build: () => {
      let body = p(r('x'));
      for (let i = 0; i <= DOCX_LIMITS.tableNesting; i++) body = tbl(tr(tc(body)));
      return minimalDocx(body);
    },
  },
  {
    name: 'a table with too many rows',
    codes: ['table-too-large'],
    build: () => minimalDocx(tbl(tr(tc(p(r('a'))), tc(p(r('b')))).repeat(DOCX_LIMITS.tableRows + 1))),
  },
];
