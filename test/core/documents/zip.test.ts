// A zip attachment opened into the files inside it, each limit enforced exactly at its edge, the
// clutter Macs and Windows add left out, and a damaged zip said to be one.
import { zipSync } from 'fflate';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { expandZip } from '../../../src/core/documents/zip';

const MiB = 1_048_576;
const zipOf = (files: Record<string, Uint8Array>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level }] as const])), {
    mtime: new Date('2024-01-01T00:00:00Z'),
  });
const text = (s: string) => new TextEncoder().encode(s);
const open = (bytes: Uint8Array, limits: Partial<DocxLimits> = {}) => {
  const result = expandZip({ name: 'forms.zip', contentType: 'application/zip', bytes }, { ...DOCX_LIMITS, ...limits });
  return 'problem' in result ? result.problem : result.attachments.map((a) => [a.name, a.contentType, a.bytes.length]);
};

it('gives each file inside as an attachment named after the zip, in name order, without folders and clutter', () => {
  const files = {
    'Forms/Zeta.docx': text('z'),
    'Forms/': new Uint8Array(),
    'Alpha.docx': text('alpha'),
    '__MACOSX/Forms/._Zeta.docx': text('x'),
    'Forms/.DS_Store': text('x'),
    'Thumbs.db': text('x'),
    'Forms/desktop.ini': text('x'),
    'Forms/~$Zeta.docx': text('x'),
  };
  expect(open(zipOf(files))).toEqual([
    ['forms.zip/Alpha.docx', 'application/octet-stream', 5],
    ['forms.zip/Forms/Zeta.docx', 'application/octet-stream', 1],
  ]);
});

it('opens a zip exactly as large as the limit, and refuses one byte more', () => {
  const bytes = zipOf({ 'a.txt': text('a') });
  expect(open(bytes, { attachmentBytes: bytes.length })).toHaveLength(1);
  expect(open(bytes, { attachmentBytes: bytes.length - 1 })).toMatchObject({ code: 'attachment-too-large' });
  expect(open(new Uint8Array(3 * MiB + 1), { attachmentBytes: 3 * MiB })).toEqual({
    code: 'attachment-too-large',
    message: 'The zip archive is larger than 3 MB.',
  });
});

it('opens as many files as the limit, and refuses one more', () => {
  const files = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}.txt`, text(`${i}`)]));
  expect(open(zipOf(files(3)), { zipEntries: 3 })).toHaveLength(3);
  expect(open(zipOf(files(4)), { zipEntries: 3 })).toEqual({ code: 'too-many-parts', message: 'The zip archive holds more than 3 files.' });
});

it('refuses a file larger than a part may be, or files larger together than the limit, as a zip bomb', () => {
  const bomb = { code: 'zip-bomb', message: 'A file in the zip archive inflates to an implausible size (a zip bomb?).' };
  const bytes = zipOf({ 'a.txt': new Uint8Array(100), 'b.txt': new Uint8Array(50) });
  expect(open(bytes, { partBytes: 100, inflatedBytes: 150 })).toHaveLength(2);
  expect(open(bytes, { partBytes: 99 })).toEqual(bomb);
  expect(open(bytes, { inflatedBytes: 149 })).toEqual(bomb);
});

it('refuses a file over 1 MiB that inflates more than the compression ratio allows', () => {
  const zeros = (n: number) => zipOf({ 'a.bin': new Uint8Array(n) });
  expect(open(zeros(MiB + 1), { compressionRatio: 10 })).toMatchObject({ code: 'zip-bomb' });
  expect(open(zeros(MiB + 1), { compressionRatio: 5000 })).toHaveLength(1);
  expect(open(zeros(MiB), { compressionRatio: 10 })).toHaveLength(1);
  expect(open(zipOf({ 'a.bin': new Uint8Array(MiB + 1) }, 0), { compressionRatio: 1 })).toHaveLength(1);
});

it('says a damaged zip is one', () => {
  expect(open(zipOf({ 'a.txt': text('a'.repeat(1000)) }).subarray(0, 60))).toEqual({
    code: 'corrupt-zip',
    message: 'The zip archive is damaged, incomplete or password-protected.',
  });
});
