// Opening a .docx package: recognise what the bytes are, and inflate only the parts we read,
// within the limits.
import { Unzip, UnzipInflate, strFromU8 } from 'fflate';
import { DocxError } from './errors';
import type { DocxLimits } from './limits';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when the UTF-16LE name occurs in the bytes (the directory of an OLE compound file). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < name.length; j++) {
      if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export interface DocxPackage {
  /** Reads a part as text, or undefined when the package has no such part. */
  readonly part: (name: string) => string | undefined;
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
    throw new DocxError('legacy-word-document', 'The document is in the old Word 97-2003 (.doc) format; ask the school to save it as .docx.');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new DocxError('not-a-word-document', 'The file is not a Word .docx document.');
  }

  // Streamed in small slices so that a part which inflates far beyond what it declares (a zip
  // bomb) is stopped after a bounded amount of work, not after inflating all of it.
  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let inflatedTotal = 0;
  let failure: DocxError | undefined;
  const started = new Set<string>();
  const fail = (error: DocxError) => {
    failure ??= error;
  };
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.zipEntries) {
      return fail(new DocxError('too-many-parts', `The document has more than ${limits.zipEntries} parts.`));
    }
    if (!wanted(file.name) || files.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let partBytes = 0;
    started.add(file.name);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return fail(new DocxError('corrupt-zip', 'The document is damaged or incomplete (a part cannot be inflated).'));
      partBytes += chunk.length;
      inflatedTotal += chunk.length;
      const ratio = file.size ? partBytes / file.size : 0;
      if (partBytes > limits.partBytes || inflatedTotal > limits.inflatedBytes || (partBytes > 1_048_576 && ratio > limits.compressionRatio)) {
        file.terminate();
        return fail(new DocxError('zip-bomb', 'A part of the document inflates to an implausible size (a zip bomb?).'));
      }
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, partBytes));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const slice = 16 * 1024;
    for (let at = 0; at < bytes.length && !failure; at += slice) {
      unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
    }
  } catch {
    fail(new DocxError('corrupt-zip', 'The document is damaged or incomplete (its zip structure cannot be read).'));
  }
  if (!failure && [...started].some((name) => !files.has(name))) {
    fail(new DocxError('corrupt-zip', 'The document is truncated (a part ends early).'));
  }
  if (failure) throw failure;
  return {
    part: (name) => {
      const data = files.get(name);
      if (!data) return undefined;
      try {
        return strFromU8(data);
      } catch {
        throw new DocxError('corrupt-zip', `The document part ${name} is not valid text.`);
      }
    },
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
