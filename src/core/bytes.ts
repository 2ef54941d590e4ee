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
