// Looking into a file's bytes before knowing what it is: shared by the readers that tell a file's
// real type (a zip, an OLE compound file and the streams it names).

/** True when the bytes begin with (or hold at `at`) these magic numbers. */
export function startsWithBytes(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/**
 * True when the UTF-16LE name occurs in the bytes (a stream name in an OLE compound file's
 * directory). Each position is compared with the name at most once: time in proportion to the
 * bytes times the (short, fixed) name.
 */
export function containsUtf16(bytes: Uint8Array, name: string): boolean {
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

/** Windows-1252's characters for bytes 0x80–0x9F (the five unassigned bytes kept as their C1 code points). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The character code of a byte in Windows-1252, the 8-bit text of .doc and .rtf files. Not
 * TextDecoder('windows-1252'): Node 20 decodes that label as Latin-1, turning Word's curly quotes
 * and € into control characters.
 */
export function windows1252Code(byte: number): number {
  return byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte;
}

/** Bytes in Windows-1252 as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let at = 0; at < bytes.length; at += 8192)
    text += String.fromCharCode(...Array.from(bytes.subarray(at, at + 8192), windows1252Code));
  return text;
}
