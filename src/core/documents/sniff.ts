// What a file really is, from its first bytes (and a zip's part names), not from its name: a
// school's "form.docx" may be a PDF, a .doc renamed, or a zip of forms.
import { unzipSync } from 'fflate';
import { containsUtf16, startsWithBytes as startsWith } from '../bytes';

export type FileKind =
  | 'docx'
  | 'doc'
  | 'odt'
  | 'rtf'
  | 'pdf'
  | 'zip'
  | 'applefile'
  | 'email'
  | 'outlook-item'
  | 'encrypted-office'
  | 'office-other'
  | 'opendocument-other'
  | 'image'
  | 'text'
  | 'html'
  | 'empty'
  | 'unknown';

/** Kinds a form can be read from. */
export const DOCUMENT_KINDS: ReadonlySet<FileKind> = new Set(['docx', 'doc', 'odt', 'rtf', 'pdf']);

const DESCRIPTIONS: Record<FileKind, string> = {
  docx: 'a Word document',
  doc: 'a Word 97-2003 document (.doc)',
  odt: 'an OpenDocument text (.odt)',
  rtf: 'a rich-text document (.rtf)',
  pdf: 'a PDF',
  zip: 'a zip archive',
  applefile: "Apple Mail's file information (AppleDouble), not a file of its own",
  email: 'an email',
  'outlook-item': 'an Outlook item (.msg)',
  'encrypted-office': 'a password-protected Office document',
  'office-other': 'an Office file that is not a Word document (a spreadsheet or a presentation)',
  'opendocument-other': 'an OpenDocument file that is not a text document',
  image: 'an image: a scan cannot be read, ask for the Word form',
  text: 'a text file',
  html: 'a web page',
  empty: 'an empty file',
  unknown: 'a file of a type that cannot hold an application form',
};

export function describeKind(kind: FileKind): string {
  return DESCRIPTIONS[kind];
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The name of the zip's first entry, from its local header (readable even when the zip is cut short). */
function firstEntryName(bytes: Uint8Array): string {
  const length = (bytes[26] ?? 0) | ((bytes[27] ?? 0) << 8);
  return ascii(bytes, 30, 30 + Math.min(length, 200));
}

function zipKind(bytes: Uint8Array, name: string): FileKind {
  const names: string[] = [];
  let mimetype: string | null = null;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (names.length < 5000) names.push(file.name);
        // The OpenDocument mimetype part is stored first and uncompressed: read its bytes directly.
        return false;
      },
    });
  } catch {
    // A damaged zip: what its first entry and its name say it is, for the reader to say what is wrong.
    const first = firstEntryName(bytes);
    if (first === '[Content_Types].xml' || first.startsWith('word/') || /\.(docx|docm|dotx|dotm)$/i.test(name)) return 'docx';
    if (first === 'mimetype' || /\.odt$/i.test(name)) return 'odt';
    return 'zip';
  }
  if (names.some((n) => /^(xl|ppt|visio)\//.test(n))) return 'office-other';
  // Word's package: word/document.xml, or any main part the package's relationships name.
  if (names.some((n) => n.startsWith('word/')) || names.includes('[Content_Types].xml')) return 'docx';
  if (names.includes('mimetype') || names.includes('content.xml')) {
    // OpenDocument stores its mimetype first and uncompressed; when a writer did not, the reader checks it.
    mimetype = firstEntryName(bytes) === 'mimetype' ? ascii(bytes, 38, 120) : 'application/vnd.oasis.opendocument.text';
    return /opendocument\.text/.test(mimetype) ? 'odt' : 'opendocument-other';
  }
  return 'zip';
}

const IMAGE_MAGIC: readonly (readonly number[])[] = [
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47],
  [0x47, 0x49, 0x46, 0x38],
  [0x42, 0x4d],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

/** The kind of a file from its bytes; the name and MIME type only break ties the bytes leave open. */
export function sniffKind(bytes: Uint8Array, name = '', contentType = ''): FileKind {
  if (!bytes.length) return hinted(name, contentType) ?? 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes, name);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, 'EncryptedPackage')) return 'encrypted-office';
    if (containsUtf16(bytes, 'WordDocument')) return 'doc';
    if (containsUtf16(bytes, '__properties_version1.0')) return 'outlook-item';
    return 'office-other';
  }
  if (startsWith(bytes, [0x00, 0x05, 0x16, 0x07]) || startsWith(bytes, [0x00, 0x05, 0x16, 0x00])) return 'applefile';
  const head = ascii(bytes, 0, 1024);
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.includes('%PDF-')) return 'pdf';
  if (
    IMAGE_MAGIC.some((m) => startsWith(bytes, m)) ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') ||
    /^....ftyp(heic|heix|mif1)/.test(head)
  )
    return 'image';
  if (/application\/applefile/i.test(contentType)) return 'applefile';
  if (/^\s*<(!doctype html|html|\?xml[^>]*>\s*<html)/i.test(head)) return 'html';
  if (startsWithHeaders(head)) return 'email';
  if (/\.eml$/i.test(name) || contentType === 'message/rfc822') return 'email';
  if (isText(bytes.subarray(0, 4096))) return 'text';
  return 'unknown';
}

/** The kind a name or MIME type says, for an attachment listed without its bytes (the pane fetches only possible forms). */
function hinted(name: string, contentType: string): FileKind | null {
  const ext = name.match(/\.([a-z0-9]{1,5})$/i)?.[1]?.toLowerCase() ?? '';
  const type = contentType.toLowerCase();
  if (type.startsWith('image/') || ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp'].includes(ext)) return 'image';
  if (type === 'message/rfc822' || ext === 'eml') return 'email';
  if (ext === 'msg' || type.includes('ms-outlook')) return 'outlook-item';
  if (['xls', 'xlsx', 'ppt', 'pptx', 'xlsm', 'pptm'].includes(ext) || /spreadsheet|presentation|ms-excel|ms-powerpoint/.test(type))
    return 'office-other';
  if (['htm', 'html'].includes(ext) || type === 'text/html') return 'html';
  if (type.startsWith('text/') || ['txt', 'csv', 'vcf', 'ics'].includes(ext)) return 'text';
  return null;
}

/** Mostly printable bytes (UTF-8 or Latin-1 text) with no NULs. */
function isText(sample: Uint8Array): boolean {
  let printable = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b >= 32 || b === 9 || b === 10 || b === 13) printable++;
  }
  return printable / sample.length > 0.95;
}

const HEADER_NAMES = new Set([
  'received',
  'return-path',
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'delivered-to',
  'dkim-signature',
]);

/** Two or more mail header fields (with their folded lines) at the very start: one pass over the lines, no backtracking. */
function startsWithHeaders(head: string): boolean {
  const lines = head.split('\n');
  lines.pop(); // the last piece has no line end, so it is not a whole header line
  let fields = 0;
  for (const line of lines) {
    if (fields > 0 && (line.startsWith(' ') || line.startsWith('\t'))) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).toLowerCase() : '';
    if (!HEADER_NAMES.has(name) && !/^x-[\w-]+$/.test(name)) break;
    if (++fields >= 2) return true;
  }
  return false;
}
