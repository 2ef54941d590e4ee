// Opening the zip of a Word package: what the bytes are, which parts are inflated and how, each
// limit at its edge, and the streamed path a larger part takes. Limits are set small here so that
// each edge is reached with a small file; hostile.test.ts does the same with the real limits.
import CFB from 'cfb';
import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, zipSync } from 'fflate';
import { decodePart, openPackage } from '../../../src/core/docx/package';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { utf16le } from '../../support/repack';
import { refusalOf } from '../../support/refusal';

const MAIN = 'word/document.xml';
const everything = () => true;
const mainOnly = (name: string) => name === MAIN;

/** Printable characters that deflate barely shrinks, so a part's compressed size is close to its own. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = 0x21 + ((x >>> 0) % 94);
  }
  return out;
}

const zip = (parts: Record<string, Uint8Array>, level: 0 | 6 | 9 = 6) =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { level }]])));

/** A zip written as a stream writes, with each part's sizes in a data descriptor after its data. */
function streamedZip(parts: Record<string, Uint8Array>, stored = false): Uint8Array {
  const out: Uint8Array[] = [];
  const writer = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [name, data] of Object.entries(parts)) {
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    writer.add(file);
    for (let at = 0; at < data.length; at += 10_000) file.push(data.subarray(at, at + 10_000), at + 10_000 >= data.length);
  }
  writer.end();
  return Buffer.concat(out);
}

/** Sets a part's declared inflated size, in its local header and in the zip's directory, to `size`. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const named = (at: number, nameAt: number) => nameBytes.every((b, i) => out[at + nameAt + i] === b);
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at, 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at, 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}

function refusal(bytes: Uint8Array, limits: Partial<DocxLimits> = {}, wanted: (name: string) => boolean = everything) {
  const refused = refusalOf(() => openPackage(bytes, wanted, { ...DOCX_LIMITS, ...limits }));
  return refused === 'read' ? 'opened' : refused;
}

const ole = (...streams: string[]) => {
  const container = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from('x'));
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
};

describe('a part as text', () => {
  it('is UTF-8 unless it starts the way UTF-16 must', () => {
    expect(decodePart(strToU8('<?xml version="1.0"?><a>é</a>'), MAIN)).toBe('<?xml version="1.0"?><a>é</a>');
    // Bytes that would be a byte order mark or "<" in UTF-16 only in one of their two places.
    for (const bytes of [
      [0xff, 0x41],
      [0x41, 0xfe],
      [0xfe, 0x41],
      [0x41, 0xff],
    ])
      expect(decodePart(new Uint8Array(bytes), MAIN)).toBe(bytes[0] === 0x41 ? 'A\ufffd' : '\ufffdA');
    expect(decodePart(new Uint8Array([0x41, 0x00, 0x42, 0x00]), MAIN)).toBe('A\0B\0');
    expect(decodePart(new Uint8Array([0x00, 0x41, 0x00, 0x42]), MAIN)).toBe('\0A\0B');
    expect(decodePart(new Uint8Array([0x41, 0x3c, 0x42, 0x3c]), MAIN)).toBe('A<B<');
  });

  it('reads bytes that are not UTF-8 as replacement characters, not as an error', () => {
    expect(decodePart(new Uint8Array([0x3c, 0x61, 0xc3, 0x3e]), MAIN)).toBe('<a\ufffd>');
  });

  it('is UTF-16 when it starts with a byte order mark or with "<" in either byte order', () => {
    expect(decodePart(utf16le('<a/>'), MAIN)).toBe('\ufeff<a/>');
    expect(decodePart(utf16le('<a/>').subarray(2), MAIN)).toBe('<a/>');
    expect(decodePart(new Uint8Array([0xfe, 0xff, 0x00, 0x3c, 0x00, 0x61]), MAIN)).toBe('\ufeff<a');
    expect(decodePart(new Uint8Array([0x00, 0x3c, 0x00, 0x61]), MAIN)).toBe('<a');
  });

  it('reads a long UTF-16 part whole, past the slices it is decoded in', () => {
    const text = `<a>${'Ashfield Academy é '.repeat(2000)}</a>`;
    expect(text.length).toBeGreaterThan(3 * 8192);
    expect(decodePart(utf16le(text).subarray(2), MAIN)).toBe(text);
  });

  it('refuses UTF-16 with an odd number of bytes, naming the part', () => {
    expect(() => decodePart(utf16le('<a/>').subarray(0, 7), MAIN)).toThrow(
      expect.objectContaining({ code: 'corrupt-zip', message: 'The document part word/document.xml is not valid UTF-16 text.' }),
    );
  });
});

describe('what the bytes are', () => {
  it('refuses an attachment over the size limit, saying the limit in MB, and takes one at the limit', () => {
    const limit = 3 * 1024 * 1024;
    expect(refusal(new Uint8Array(limit + 1), { attachmentBytes: limit })).toEqual({
      code: 'attachment-too-large',
      message: 'The attachment is larger than 3 MB.',
    });
    expect(refusal(new Uint8Array(limit), { attachmentBytes: limit })).toMatchObject({ code: 'not-a-word-document' });
  });

  it('tells a password-protected document by either of its encryption streams from an old .doc', () => {
    expect(refusal(ole('EncryptionInfo'))).toMatchObject({ code: 'encrypted-document' });
    expect(refusal(ole('EncryptedPackage'))).toMatchObject({ code: 'encrypted-document' });
    expect(refusal(ole('WordDocument', '1Table'))).toMatchObject({ code: 'legacy-word-document' });
  });

  it('refuses what is neither a zip nor a compound file', () => {
    expect(refusal(strToU8('%PDF-1.7\n'))).toEqual({ code: 'not-a-word-document', message: 'The file is not a Word .docx document.' });
  });
});

describe('the parts inflated in one go', () => {
  const three = zip({ '[Content_Types].xml': strToU8('<Types/>'), [MAIN]: strToU8('<w:document/>'), 'word/styles.xml': strToU8('<s/>') });

  it('counts the entries against their limit, at its edge', () => {
    expect(refusal(three, { zipEntries: 3 })).toBe('opened');
    expect(refusal(three, { zipEntries: 2 })).toEqual({ code: 'too-many-parts', message: 'The document has more than 2 parts.' });
  });

  it('gives the wanted parts and nothing else', () => {
    const opened = openPackage(three, mainOnly, DOCX_LIMITS);
    expect(opened.part(MAIN)).toBe('<w:document/>');
    expect(opened.part('word/styles.xml')).toBeUndefined();
    expect(opened.macros).toBe(false);
  });

  it('tells two names apart that differ by more than letter case', () => {
    const parts = {
      [MAIN]: strToU8('<w:document/>'),
      'word/media/Straße.png': new Uint8Array(1),
      'word/media/STRASSE.png': new Uint8Array(1),
    };
    expect(refusal(zip(parts))).toBe('opened');
  });

  it('neither inflates nor limits a part it does not read, though it notes a macro project', () => {
    const bytes = zip({ [MAIN]: strToU8('<w:document/>'), 'word/vbaProject.bin': new Uint8Array(4 * 1024 * 1024) }, 9);
    expect(refusal(bytes, { inflatedBytes: 1024, partBytes: 1024 }, mainOnly)).toBe('opened');
    const opened = openPackage(bytes, mainOnly, DOCX_LIMITS);
    expect(opened.part('word/vbaProject.bin')).toBeUndefined();
    expect(opened.macros).toBe(true);
  });

  it('limits one part at its declared size, at the edge', () => {
    const bytes = zip({ [MAIN]: noise(5000) });
    expect(refusal(bytes, { partBytes: 5000 })).toBe('opened');
    expect(refusal(bytes, { partBytes: 4999 })).toEqual({
      code: 'zip-bomb',
      message: 'A part of the document inflates to an implausible size (a zip bomb?).',
    });
  });

  it('limits the parts read together, at the edge', () => {
    const bytes = zip({ [MAIN]: noise(3000), 'word/_rels/document.xml.rels': noise(2000, 9) });
    expect(refusal(bytes, { inflatedBytes: 5000 })).toBe('opened');
    expect(refusal(bytes, { inflatedBytes: 4999 })).toMatchObject({ code: 'zip-bomb' });
  });

  it('judges the compression ratio only of a part over 1 MiB', () => {
    const at = (size: number, compressionRatio = 200) => refusal(zip({ [MAIN]: new Uint8Array(size) }, 9), { compressionRatio });
    expect(at(1024 * 1024)).toBe('opened');
    expect(at(1024 * 1024 + 1)).toMatchObject({ code: 'zip-bomb' });
    expect(at(2 * 1024 * 1024, 1100)).toBe('opened');
    expect(at(2 * 1024 * 1024, 900)).toMatchObject({ code: 'zip-bomb' });
  });

  it('says a damaged zip is damaged', () => {
    const bytes = zip({ [MAIN]: strToU8('<w:document/>') });
    expect(refusal(bytes.subarray(0, bytes.length - 10))).toEqual({
      code: 'corrupt-zip',
      message: 'The document is damaged or incomplete (its zip structure cannot be read).',
    });
  });
});

describe('a part too large to inflate in one go, streamed', () => {
  const large = noise(120_000);

  it.each([
    ['deflated', () => zip({ [MAIN]: large, 'word/styles.xml': strToU8('<s/>') })],
    ['stored', () => zip({ [MAIN]: large }, 0)],
    ['deflated, its sizes after its data', () => streamedZip({ [MAIN]: large, 'word/styles.xml': strToU8('<s/>') })],
    ['stored, its sizes after its data', () => streamedZip({ [MAIN]: large }, true)],
  ])('is read whole: %s', (_how, build) => {
    const bytes = build();
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const opened = openPackage(bytes, everything, DOCX_LIMITS);
    expect(opened.part(MAIN)).toBe(strFromU8(large));
  });

  it('is refused when it inflates past its declared size, at the part limit', () => {
    const lying = declareSize(zip({ [MAIN]: large }), MAIN, 1000);
    expect(refusal(lying, { partBytes: 100_000 })).toEqual({
      code: 'zip-bomb',
      message: 'A part of the document inflates to an implausible size (a zip bomb?).',
    });
  });

  it('is refused when it inflates to other than its declared size, within the limits', () => {
    expect(refusal(declareSize(zip({ [MAIN]: large }), MAIN, 1000))).toEqual({
      code: 'corrupt-zip',
      message: 'The document is damaged (a part is not the size its zip directory gives).',
    });
    expect(refusal(declareSize(zip({ [MAIN]: large }), MAIN, 130_000))).toMatchObject({ code: 'corrupt-zip' });
  });

  it('counts the parts streamed together against their limit', () => {
    const two = zip({ [MAIN]: large, 'word/_rels/document.xml.rels': noise(120_000, 11) });
    // The second part declares little, so the directory's total passes; what it inflates does not.
    const lying = declareSize(two, 'word/_rels/document.xml.rels', 1000);
    expect(refusal(lying, { partBytes: 150_000, inflatedBytes: 200_000 })).toMatchObject({ code: 'zip-bomb' });
    expect(refusal(two, { partBytes: 150_000, inflatedBytes: 240_000 })).toBe('opened');
  });

  it('judges the compression ratio of what it inflates, once past 1 MiB', () => {
    // Compressed, just over the 64 KB that is inflated in one go; inflated, about 26 times that.
    const padded = new Uint8Array(100_000 + 2 * 1024 * 1024);
    padded.set(noise(100_000));
    const lying = declareSize(zip({ [MAIN]: padded }, 9), MAIN, 1000);
    expect(refusal(lying, { compressionRatio: 20 })).toMatchObject({ code: 'zip-bomb' });
    // Below 1 MiB a part's ratio is not judged, however low the limit.
    expect(refusal(zip({ [MAIN]: large }), { compressionRatio: 0.5 })).toBe('opened');
  });

  it('says a part that cannot be inflated cannot be', () => {
    const bytes = zip({ [MAIN]: large });
    bytes.fill(0, 100, 100_000);
    expect(refusal(bytes)).toEqual({
      code: 'corrupt-zip',
      message: 'The document is damaged or incomplete (a part cannot be inflated).',
    });
  });

  it('says a local header that cannot be read cannot be', () => {
    const bytes = zip({ [MAIN]: large });
    new DataView(bytes.buffer).setUint16(26, 60_000, true);
    expect(refusal(bytes)).toEqual({
      code: 'corrupt-zip',
      message: 'The document is damaged or incomplete (its zip structure cannot be read).',
    });
  });
});
