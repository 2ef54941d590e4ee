// What a file is, told from its bytes: each kind's signature, a damaged zip by its first entry and
// its name, zips of other Office and OpenDocument files, the compound files Office and Outlook
// write, pictures, web pages, emails, text; and from its name and MIME type alone when the bytes
// are not fetched.
import { strToU8, zipSync } from 'fflate';
import { describeKind, sniffKind } from '../../../src/core/documents/sniff';
import { minimalDocx } from '../../support/minimal-docx';

const latin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16 = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A compound file's header and a directory entry naming one stream. */
const compound = (stream: string) => join(OLE, new Uint8Array(504), utf16(stream), new Uint8Array(64));
const zip = (files: Record<string, string>, firstStored = false) =>
  zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text], i) => [name, [strToU8(text), { level: i === 0 && firstStored ? 0 : 6 }]])),
    { mtime: new Date('2024-01-01T00:00:00Z') },
  );
const odf = (mimetype: string, stored = true) =>
  stored ? zip({ mimetype, 'content.xml': '<office:document-content/>' }, true) : zip({ 'content.xml': '<office:document-content/>' });
/** The first `n` bytes: a zip cut short, its central directory lost. */
const cut = (bytes: Uint8Array, n = 200) => bytes.subarray(0, n);

describe('zips', () => {
  it('are Word, other Office, OpenDocument text or other OpenDocument files by their parts', () => {
    expect(sniffKind(minimalDocx('<w:p/>'))).toBe('docx');
    expect(sniffKind(zip({ '[Content_Types].xml': '<Types/>', 'custom/main.xml': '<x/>' }))).toBe('docx');
    expect(sniffKind(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<x/>' }))).toBe('office-other');
    expect(sniffKind(zip({ 'ppt/presentation.xml': '<x/>' }))).toBe('office-other');
    expect(sniffKind(zip({ 'visio/document.xml': '<x/>' }))).toBe('office-other');
    expect(sniffKind(odf('application/vnd.oasis.opendocument.text'))).toBe('odt');
    expect(sniffKind(odf('application/vnd.oasis.opendocument.spreadsheet'))).toBe('opendocument-other');
    expect(sniffKind(odf('', false))).toBe('odt');
    expect(sniffKind(zip({ 'forms/a.txt': 'a', 'b.txt': 'b' }))).toBe('zip');
    expect(sniffKind(latin('PK\x05\x06' + '\0'.repeat(18)))).toBe('zip');
  });

  it('cut short are what their first entry says, else their name', () => {
    expect(sniffKind(cut(minimalDocx('<w:p/>')))).toBe('docx');
    expect(sniffKind(cut(zip({ 'word/document.xml': '<w:document/>'.repeat(50) })))).toBe('docx');
    expect(sniffKind(cut(odf('application/vnd.oasis.opendocument.text')))).toBe('odt');
    const other = cut(zip({ 'notes.txt': 'x'.repeat(500) }, true));
    expect([
      sniffKind(other, 'form.docx'),
      sniffKind(other, 'form.DOTM'),
      sniffKind(other, 'form.odt'),
      sniffKind(other, 'forms.zip'),
    ]).toEqual(['docx', 'docx', 'odt', 'zip']);
  });
});

describe('compound files', () => {
  it('are a locked Office document, a Word 97-2003 document, an Outlook item or another Office file by their streams', () => {
    expect(sniffKind(compound('EncryptedPackage'))).toBe('encrypted-office');
    expect(sniffKind(compound('WordDocument'))).toBe('doc');
    expect(sniffKind(compound('__properties_version1.0'))).toBe('outlook-item');
    expect(sniffKind(compound('Workbook'))).toBe('office-other');
  });
});

describe('other signatures', () => {
  it.each([
    ['AppleDouble', [0x00, 0x05, 0x16, 0x07, 0, 2], 'applefile'],
    ['AppleSingle', [0x00, 0x05, 0x16, 0x00, 0, 2], 'applefile'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'image'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'image'],
    ['GIF', [...latin('GIF89a'), 1, 0], 'image'],
    ['BMP', [...latin('BM'), 0x36, 0, 0, 0], 'image'],
    ['TIFF, little-endian', [0x49, 0x49, 0x2a, 0x00, 8, 0], 'image'],
    ['TIFF, big-endian', [0x4d, 0x4d, 0x00, 0x2a, 0, 8], 'image'],
    ['WebP', [...latin('RIFF'), 0x24, 0, 0, 0, ...latin('WEBPVP8 ')], 'image'],
    ['HEIC', [0, 0, 0, 0x18, ...latin('ftypheic'), 0, 0], 'image'],
    ['a sound (RIFF, not WebP)', [...latin('RIFF'), 0x24, 0, 0, 0, ...latin('WAVEfmt ')], 'unknown'],
  ])('%s', (_what, bytes, kind) => {
    expect(sniffKind(Uint8Array.from(bytes), 'form.docx')).toBe(kind);
  });

  it('find RTF at the start and a PDF’s mark within its first kilobyte', () => {
    expect(sniffKind(latin('{\\rtf1\\ansi Form}'))).toBe('rtf');
    expect(sniffKind(latin(' {\\rtf1 not at the start}'))).toBe('text');
    expect(sniffKind(latin('\r\n'.repeat(100) + '%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(latin('x'.repeat(1030) + '%PDF-1.7\n'))).toBe('text');
  });
});

describe('text', () => {
  it('is a web page when it starts as one', () => {
    expect(sniffKind(latin('<!DOCTYPE html><html><body>Form</body></html>'))).toBe('html');
    expect(sniffKind(latin('  \n<HTML><body>Form</body></HTML>'))).toBe('html');
    expect(sniffKind(latin('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>'))).toBe('html');
    expect(sniffKind(latin('<?xml version="1.0"?><w:document/>'))).toBe('text');
  });

  it('is an email when it starts with two mail header fields, folded lines and X- fields among them', () => {
    expect(sniffKind(latin('Received: from a\n by b\nFrom: head@school.org.uk\n\nBody\n'))).toBe('email');
    expect(sniffKind(latin('X-Mailer: Outlook\nSubject: Application\n\nBody\n'))).toBe('email');
    expect(sniffKind(latin('Subject: Application\n\tcontinued\nTo: hub@hub.org.uk\n\nBody\n'))).toBe('email');
    expect(sniffKind(latin('From: head@school.org.uk\nHello there\nTo: hub@hub.org.uk\n'))).toBe('text');
    expect(sniffKind(latin('Subject: only this line'))).toBe('text');
    expect(sniffKind(latin('Dear hub,\nplease find attached.\n'), 'fwd.EML')).toBe('email');
    expect(sniffKind(latin('Dear hub,\nplease find attached.\n'), 'fwd', 'message/rfc822')).toBe('email');
  });

  it('is text when 95 % or more of it is printable and it has no NUL', () => {
    const printable = (n: number, control: number) => latin('a'.repeat(n - control) + '\x01'.repeat(control));
    expect(sniffKind(printable(100, 4))).toBe('text');
    expect(sniffKind(printable(100, 5))).toBe('unknown');
    expect(sniffKind(latin('Dear hub\0'))).toBe('unknown');
    expect(sniffKind(latin('Name:\tAnn\r\nSchool:\tAshfield\r\n'))).toBe('text');
  });

  it('says AppleDouble for a part sent as application/applefile', () => {
    expect(sniffKind(latin('\x01\x02\x03'), 'form.docx', 'application/applefile')).toBe('applefile');
  });
});

describe('a file listed without its bytes', () => {
  it.each([
    ['scan.PNG', '', 'image'],
    ['photo', 'image/jpeg', 'image'],
    ['page.heic', '', 'image'],
    ['fwd.eml', '', 'email'],
    ['fwd', 'message/rfc822', 'email'],
    ['item.msg', '', 'outlook-item'],
    ['item', 'application/vnd.ms-outlook', 'outlook-item'],
    ['budget.xlsx', '', 'office-other'],
    ['slides.pptm', '', 'office-other'],
    ['budget', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'office-other'],
    ['budget', 'application/vnd.ms-excel', 'office-other'],
    ['page.htm', '', 'html'],
    ['page', 'text/html', 'html'],
    ['notes.txt', '', 'text'],
    ['invite.ics', '', 'text'],
    ['notes', 'text/plain', 'text'],
    ['form.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'empty'],
    ['archive.backup', '', 'empty'],
  ])('%s %s → %s', (name, contentType, kind) => {
    expect(sniffKind(new Uint8Array(), name, contentType)).toBe(kind);
  });
});

describe('describeKind', () => {
  it('says each kind in the words a hub manager reads', () => {
    expect(describeKind('doc')).toBe('a Word 97-2003 document (.doc)');
    expect(describeKind('office-other')).toBe('an Office file that is not a Word document (a spreadsheet or a presentation)');
    expect(describeKind('image')).toBe('an image: a scan cannot be read, ask for the Word form');
  });
});
