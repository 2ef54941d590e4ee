// Opening a .docx package: recognise what the bytes are, and inflate only the parts we read,
// within the limits. A small part is inflated in one go into a buffer of the size it declares, so
// it can neither allocate more nor, being small, cost more than a bounded amount of work if it
// lies; a larger part is streamed and stopped as soon as it passes the limits.
import { Unzip, UnzipInflate, strFromU8, unzipSync } from 'fflate';
import { containsUtf16, startsWithBytes as startsWith } from '../bytes';
import { DocxError } from './errors';
import type { DocxLimits } from './limits';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface DocxPackage {
  /** Reads a part as text, or undefined when the package has no such part. */
  readonly part: (name: string) => string | undefined;
  /** The package holds a macro project (a .docm or .dotm): it is read as a document, never run. */
  readonly macros: boolean;
}

/** Where Word keeps a macro-enabled document's macros. */
const MACRO_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml)$/i;

/**
 * A part's bytes as text. XML may be written in UTF-8 or UTF-16 (Word can write either): UTF-16 is
 * told by its byte order mark, or without one by the `<?` it must start with.
 */
export function decodePart(data: Uint8Array, name: string): string {
  const [a, b] = [data[0], data[1]];
  const littleEndian = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00);
  const bigEndian = (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c);
  if (littleEndian || bigEndian) {
    if (data.length % 2) throw new DocxError('corrupt-zip', `The document part ${name} is not valid UTF-16 text.`);
    const units = new Uint16Array(data.length / 2);
    for (let i = 0, j = 0; j < units.length; i += 2, j++)
      units[j] = littleEndian ? data[i]! | (data[i + 1]! << 8) : (data[i]! << 8) | data[i + 1]!;
    let text = '';
    // In slices: String.fromCharCode takes its arguments on the stack.
    for (let at = 0; at < units.length; at += 8192) text += String.fromCharCode(...units.subarray(at, at + 8192));
    return text;
  }
  // Bytes that are not UTF-8 read as U+FFFD (TextDecoder), never as an error.
  return strFromU8(data);
}

export function openPackage(bytes: Uint8Array, wanted: (name: string) => boolean, limits: DocxLimits): DocxPackage {
  if (bytes.length > limits.attachmentBytes) {
    throw new DocxError('attachment-too-large', `The attachment is larger than ${Math.round(limits.attachmentBytes / 1048576)} MB.`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    // Word saves a password-protected .docx inside an OLE compound file with an EncryptionInfo stream.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DocxError('encrypted-document', 'The document is password-protected; ask the school to send it without a password.');
    }
    throw new DocxError(
      'legacy-word-document',
      'The document is in the old Word 97-2003 (.doc) format; ask the school to save it as .docx.',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new DocxError('not-a-word-document', 'The file is not a Word .docx document.');
  }

  const files = readSmallParts(bytes, wanted, limits);
  if (files.streamed.size) streamParts(bytes, files.streamed, limits, files.parts);
  return {
    part: (name) => {
      const data = files.parts.get(name);
      return data ? decodePart(data, name) : undefined;
    },
    macros: files.macros,
  };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Parts whose compressed size is at most this are inflated in one go: at deflate's 1032:1 at most ~66 MB of work. */
const SMALL_PART_BYTES = 64 * 1024;

function readSmallParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: DocxLimits) {
  const parts = new Map<string, Uint8Array>();
  /** The larger parts, by name, with the inflated size the zip's directory declares. */
  const streamed = new Map<string, number>();
  let entries = 0;
  let declaredTotal = 0;
  let macros = false;
  // Part names compare without case (Open Packaging Conventions): two entries with one name leave
  // no right answer to which one Word would show, so the document is refused rather than guessed at.
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > limits.zipEntries) throw new DocxError('too-many-parts', `The document has more than ${limits.zipEntries} parts.`);
        const folded = file.name.toLowerCase();
        if (names.has(folded))
          throw new DocxError(
            'duplicate-part',
            'The document holds two copies of one part; it may have been tampered with. Ask the school to save the form again in Word.',
          );
        names.add(folded);
        if (MACRO_PART.test(file.name)) macros = true;
        if (!wanted(file.name)) return false;
        const ratio = file.size ? file.originalSize / file.size : 0;
        declaredTotal += file.originalSize;
        if (
          file.originalSize > limits.partBytes ||
          declaredTotal > limits.inflatedBytes ||
          (file.originalSize > 1_048_576 && ratio > limits.compressionRatio)
        ) {
          throw new DocxError('zip-bomb', 'A part of the document inflates to an implausible size (a zip bomb?).');
        }
        if (file.size <= SMALL_PART_BYTES) return true;
        streamed.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError('corrupt-zip', 'The document is damaged or incomplete (its zip structure cannot be read).');
  }
  for (const [name, data] of Object.entries(files)) parts.set(name, data);
  return { parts, streamed, macros };
}

/**
 * Streams the named parts in small slices, stopping a part that inflates past the limits. The stream
 * reads each part's local header, which may disagree with the directory Word reads: a part must
 * inflate to exactly the size the directory declares, or the document is refused.
 */
function streamParts(bytes: Uint8Array, declared: ReadonlyMap<string, number>, limits: DocxLimits, into: Map<string, Uint8Array>): void {
  let inflatedTotal = 0;
  let failure: DocxError | undefined;
  const started = new Set<string>();
  const fail = (error: DocxError) => {
    failure ??= error;
  };
  const unzip = new Unzip((file) => {
    if (!declared.has(file.name) || started.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let partBytes = 0;
    started.add(file.name);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return fail(new DocxError('corrupt-zip', 'The document is damaged or incomplete (a part cannot be inflated).'));
      partBytes += chunk.length;
      inflatedTotal += chunk.length;
      const ratio = file.size ? partBytes / file.size : 0;
      if (
        partBytes > limits.partBytes ||
        inflatedTotal > limits.inflatedBytes ||
        (partBytes > 1_048_576 && ratio > limits.compressionRatio)
      ) {
        file.terminate();
        return fail(new DocxError('zip-bomb', 'A part of the document inflates to an implausible size (a zip bomb?).'));
      }
      chunks.push(chunk);
      if (!final) return;
      if (partBytes !== declared.get(file.name))
        return fail(new DocxError('corrupt-zip', 'The document is damaged (a part is not the size its zip directory gives).'));
      into.set(file.name, concat(chunks, partBytes));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const slice = 2 * 1024; // at deflate's 1032:1, at most ~2 MB of output a push before the limits are checked
    for (let at = 0; at < bytes.length && !failure; at += slice) unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
  } catch {
    fail(new DocxError('corrupt-zip', 'The document is damaged or incomplete (its zip structure cannot be read).'));
  }
  if (!failure && [...started].some((name) => !into.has(name)))
    fail(new DocxError('corrupt-zip', 'The document is truncated (a part ends early).'));
  if (failure) throw failure;
}
