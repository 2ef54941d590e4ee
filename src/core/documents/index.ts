// One place that knows every format a form can come in. The bytes say what a file is (sniff.ts);
// each format has a reader into the one document model (../docx/model.ts). The readers are small
// and pure, and live in the checker (the pane's worker, never its first script); PDF's library
// (pdfjs-dist, the one large one) is imported only when a PDF arrives (pdf.ts).
// readAttachments runs before the check: it opens containers (zip; AppleDouble's metadata part is
// dropped), reads every document that is not a .docx, and labels every attachment with its real
// type, so that the check (synchronous) can name each one and read the .docx as it always has.
import { DocxError } from '../docx/errors';
import type { WordDocument } from '../docx/model';
import { readDocx } from '../docx/read-docx';
import type { Attachment, AttachmentReading, Message } from '../message';
import { readDoc } from './doc';
import { DocumentError } from './errors';
import { readOdt } from './odt';
import { readPdf } from './pdf';
import { readRtf } from './rtf';
import { expandZip } from './zip';
import { DOCUMENT_KINDS, describeKind, sniffKind, type FileKind } from './sniff';

export { describeKind, sniffKind, type FileKind } from './sniff';

export type DocumentRead =
  | { readonly ok: true; readonly document: WordDocument }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

type Reader = (bytes: Uint8Array) => WordDocument | Promise<WordDocument>;

const READERS: Partial<Record<FileKind, Reader>> = { odt: readOdt, rtf: readRtf, doc: readDoc, pdf: readPdf };

/** Reads a document of any known kind; never throws for bad input: the result says what was wrong. */
export async function readDocument(bytes: Uint8Array, kind: FileKind = sniffKind(bytes)): Promise<DocumentRead> {
  if (kind === 'docx') return readDocx(bytes);
  const read = READERS[kind];
  if (!read) return { ok: false, error: { code: 'not-a-form', message: `This is ${describeKind(kind)}, not a form.` } };
  try {
    return { ok: true, document: await read(bytes) };
  } catch (e) {
    if (e instanceof DocxError || e instanceof DocumentError) return { ok: false, error: { code: e.code, message: e.message } };
    // A bug or an exhausted stack on hostile input: still reported on this attachment only.
    return { ok: false, error: { code: 'unreadable-document', message: `The document (${describeKind(kind)}) could not be read.` } };
  }
}

/** Zips inside zips are opened this deep (a zip that contains itself stops here). */
const MAX_ZIP_DEPTH = 2;

function reading(kind: FileKind, extra: Partial<AttachmentReading> = {}): AttachmentReading {
  return { kind, description: describeKind(kind), ...extra };
}

/** The attachments with containers opened, AppleDouble metadata dropped, and every document read. */
export async function readAttachmentList(attachments: readonly Attachment[], depth = 0): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const attachment of attachments) {
    if (attachment.reading) {
      out.push(attachment);
      continue;
    }
    const kind = sniffKind(attachment.bytes, attachment.name, attachment.contentType);
    // Apple Mail sends a file as two parts: its Finder information (application/applefile) and the file.
    if (kind === 'applefile') continue;
    if (kind === 'zip') {
      const inside =
        depth < MAX_ZIP_DEPTH
          ? expandZip(attachment)
          : { problem: { code: 'nested-zip', message: 'A zip archive inside a zip archive is not opened.' } };
      if ('problem' in inside) out.push({ ...attachment, reading: reading(kind, { problem: inside.problem }) });
      else {
        out.push({ ...attachment, reading: reading(kind, { container: true }) });
        out.push(...(await readAttachmentList(inside.attachments, depth + 1)));
      }
      continue;
    }
    if (kind === 'docx' || !DOCUMENT_KINDS.has(kind)) {
      out.push({ ...attachment, reading: reading(kind) });
      continue;
    }
    const read = await readDocument(attachment.bytes, kind);
    out.push({ ...attachment, reading: reading(kind, read.ok ? { document: read.document } : { problem: read.error }) });
  }
  return out;
}

/** The message (and the emails attached to it) with every attachment labelled and read. */
export async function readAttachments(message: Message): Promise<Message> {
  const attachedMessages = message.attachedMessages ? await Promise.all(message.attachedMessages.map(readAttachments)) : undefined;
  return { ...message, attachments: await readAttachmentList(message.attachments), ...(attachedMessages ? { attachedMessages } : {}) };
}

/** Names and MIME types of files that may hold a form (or forms, a zip), before their bytes are seen. */
export const FORM_NAME = /\.(docx|docm|dotx|dotm|doc|dot|odt|ott|rtf|pdf|zip)$/i;
export const FORM_TYPES = /officedocument\.wordprocessingml|msword|ms-word|opendocument\.text|rtf|pdf|zip/i;

/** An attachment the check reads as a form: any document, by its real type once labelled, else by name or MIME type. */
export function isFormAttachment(attachment: Pick<Attachment, 'name' | 'contentType' | 'reading'>): boolean {
  if (attachment.reading?.kind === 'zip') return !!attachment.reading.problem; // a zip that cannot be opened is reported as one
  if (attachment.reading)
    return (
      DOCUMENT_KINDS.has(attachment.reading.kind as FileKind) ||
      (/\.(docx|docm|dotx|dotm|doc|dot)$/i.test(attachment.name) &&
        attachment.reading.kind !== 'zip' &&
        attachment.reading.kind !== 'applefile')
    );
  // Not yet read (core/documents readAttachments): Word documents by name or type, as always.
  if (/\.(docx|docm|dotx|dotm|doc|dot)$/i.test(attachment.name)) return true;
  return !/\.[a-z0-9]{2,5}$/i.test(attachment.name) && /officedocument\.wordprocessingml|msword|ms-word/i.test(attachment.contentType);
}

/** Whether an attachment's bytes are worth fetching: it may be a form, or a zip of forms. */
export function mayHoldForm(attachment: Pick<Attachment, 'name' | 'contentType'>): boolean {
  if (FORM_NAME.test(attachment.name)) return true;
  return !/\.[a-z0-9]{2,5}$/i.test(attachment.name) && FORM_TYPES.test(attachment.contentType);
}

/** The document of a form attachment: read before the check, or a .docx read now. */
export function attachmentDocument(attachment: Attachment): DocumentRead {
  const r = attachment.reading;
  if (r?.document) return { ok: true, document: r.document };
  if (r?.problem) return { ok: false, error: r.problem };
  if (r?.kind === 'encrypted-office')
    return {
      ok: false,
      error: { code: 'encrypted-document', message: 'The document is password-protected; ask the school to send it without a password.' },
    };
  if (r && r.kind !== 'docx' && !DOCUMENT_KINDS.has(r.kind as FileKind)) {
    return { ok: false, error: { code: 'not-a-word-document', message: `The file is ${r.description}, not a Word document.` } };
  }
  return readDocx(attachment.bytes);
}

/** What an attachment is, in words, for messages ("a PDF", "an image: …"). */
export function attachmentDescription(attachment: Attachment): string {
  return attachment.reading?.description ?? describeKind(sniffKind(attachment.bytes, attachment.name, attachment.contentType));
}

/** The copies of a form: a non-Word document read to the same form as a Word one in the same email. */
export function isCopyOf(copy: Attachment, original: Attachment): boolean {
  const kind = (a: Attachment) => a.reading?.kind ?? 'docx';
  return kind(original) === 'docx' && kind(copy) !== 'docx';
}

/** A document that is often something other than the form (a PDF): reported only when no form is found. */
export function isLooseDocument(attachment: Attachment): boolean {
  return attachment.reading?.kind === 'pdf';
}
