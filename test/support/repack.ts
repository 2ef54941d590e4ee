// Changing a Word package the way another program (or an attacker) would: entries re-encoded,
// added, reordered, or two entries under one name. The package itself comes from a real builder.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ZIP_MTIME } from '../../scripts/word/docx-writer';

export type Entries = [name: string, data: Uint8Array][];

export function entriesOf(bytes: Uint8Array): Entries {
  return Object.entries(unzipSync(bytes));
}

/** Zips entries in the order given; `twins` names are written twice (the second copy's data from `twins`). */
export function zipEntries(entries: Entries, twins: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Zippable = {};
  const placeholders = new Map<string, string>();
  for (const [name, data] of entries) files[name] = [data, { level: 6, mtime: ZIP_MTIME }];
  for (const [name, data] of Object.entries(twins)) {
    // fflate will not write one name twice: write a same-length stand-in, then rename it in place.
    const standIn = name.slice(0, -1) + (name.endsWith('~') ? '_' : '~');
    placeholders.set(standIn, name);
    files[standIn] = [data, { level: 6, mtime: ZIP_MTIME }];
  }
  const zipped = zipSync(files);
  for (const [standIn, name] of placeholders) {
    const from = strToU8(standIn);
    const to = strToU8(name);
    for (let i = 0; i + from.length <= zipped.length; i++) {
      if (from.every((b, j) => zipped[i + j] === b)) zipped.set(to, i);
    }
  }
  return zipped;
}

/** UTF-16 little-endian with a byte order mark, as Word writes a part saved "Unicode". */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2] = unit & 0xff;
    out[3 + i * 2] = unit >> 8;
  }
  return out;
}

export function utf16be(text: string, bom = true): Uint8Array {
  const start = bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  if (bom) {
    out[0] = 0xfe;
    out[1] = 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[start + i * 2] = unit >> 8;
    out[start + i * 2 + 1] = unit & 0xff;
  }
  return out;
}

export const text = strFromU8;
