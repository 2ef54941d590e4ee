// winmail.dat (TNEF, [MS-OXTNEF]): what Outlook in rich-text mode sends instead of plain MIME
// attachments. Only the attached files are wanted: a small bounded reader of the attribute stream
// (the npm TNEF parsers read from disk with Node's fs, or are unmaintained).
import type { Attachment } from '../../core/message';

const SIGNATURE = 0x223e9f78;
const ATT_ATTACH_REND_DATA = 0x9002; // starts an attachment
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005; // the attachment's MAPI properties
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_MIME_TAG = 0x370e;
const LEVEL_ATTACHMENT = 2;
const MAX_ATTACHMENTS = 500;

export function isTnef(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === SIGNATURE;
}

interface Draft {
  name?: string;
  longName?: string;
  mimeTag?: string;
  bytes?: Uint8Array;
}

const ansi = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).replace(/\0[\s\S]*$/, '');
const utf16 = (bytes: Uint8Array) => new TextDecoder('utf-16le').decode(bytes).replace(/\0[\s\S]*$/, '');

/** The files inside a winmail.dat; throws on a stream that is not TNEF or ends early. */
export function readTnef(bytes: Uint8Array): Attachment[] {
  if (!isTnef(bytes)) throw new Error('not TNEF');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const drafts: Draft[] = [];
  let at = 6;
  while (at + 9 <= bytes.length) {
    const level = view.getUint8(at);
    const id = view.getUint16(at + 1, true);
    const length = view.getUint32(at + 5, true);
    const start = at + 9;
    if (start + length + 2 > bytes.length) throw new Error('TNEF ends early');
    const data = bytes.subarray(start, start + length);
    at = start + length + 2; // the checksum is not worth checking: the data is only ever offered, never trusted
    if (level !== LEVEL_ATTACHMENT) continue;
    if (id === ATT_ATTACH_REND_DATA) {
      if (drafts.length >= MAX_ATTACHMENTS) break;
      drafts.push({});
      continue;
    }
    const current = drafts[drafts.length - 1];
    if (!current) continue;
    if (id === ATT_ATTACH_TITLE) current.name = ansi(data);
    else if (id === ATT_ATTACH_DATA) current.bytes = data.slice();
    else if (id === ATT_ATTACHMENT) {
      try {
        Object.assign(current, mapiNames(data));
      } catch {
        // Properties that cannot be read leave the short name from attAttachTitle.
      }
    }
  }
  return drafts
    .filter((d): d is Draft & { bytes: Uint8Array } => d.bytes !== undefined)
    .map((d, i) => ({
      name: d.longName || d.name || `winmail-${i + 1}`,
      contentType: d.mimeTag || 'application/octet-stream',
      bytes: d.bytes,
    }));
}

const FIXED: Record<number, number> = {
  0x0002: 4,
  0x0003: 4,
  0x0004: 4,
  0x0005: 8,
  0x0006: 8,
  0x0007: 8,
  0x000a: 4,
  0x000b: 4,
  0x0014: 8,
  0x0040: 8,
  0x0048: 16,
};
const VARIABLE = new Set([0x001e, 0x001f, 0x0102, 0x000d]);

/** The long file name and MIME type among an attachment's MAPI properties ([MS-OXTNEF] 2.1.3.4). */
function mapiNames(data: Uint8Array): Pick<Draft, 'longName' | 'mimeTag'> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Pick<Draft, 'longName' | 'mimeTag'> = {};
  const need = (n: number) => {
    if (at + n > data.length) throw new Error('short');
  };
  let at = 0;
  need(4);
  const count = view.getUint32(at, true);
  at += 4;
  for (let p = 0; p < count && at < data.length; p++) {
    need(4);
    const type = view.getUint16(at, true);
    const id = view.getUint16(at + 2, true);
    at += 4;
    if (id >= 0x8000) {
      need(20);
      const kind = view.getUint32(at + 16, true);
      at += 20;
      if (kind === 0) at += 4;
      else {
        need(4);
        const length = view.getUint32(at, true);
        at += 4 + length + ((4 - (length % 4)) % 4);
      }
    }
    const base = type & 0x0fff;
    const multi = (type & 0x1000) !== 0;
    let values = 1;
    if (multi || VARIABLE.has(base)) {
      need(4);
      values = view.getUint32(at, true);
      at += 4;
    }
    if (values > data.length) throw new Error('implausible');
    for (let v = 0; v < values; v++) {
      if (VARIABLE.has(base)) {
        need(4);
        const length = view.getUint32(at, true);
        at += 4;
        need(length);
        const value = data.subarray(at, at + length);
        if (id === PR_ATTACH_LONG_FILENAME) out.longName = base === 0x001f ? utf16(value) : ansi(value);
        if (id === PR_ATTACH_MIME_TAG) out.mimeTag = base === 0x001f ? utf16(value) : ansi(value);
        at += length + ((4 - (length % 4)) % 4);
      } else {
        const size = FIXED[base];
        if (size === undefined) throw new Error('unknown type');
        at += size;
      }
    }
  }
  return out;
}
