// What becomes of each attachment before the check: labelled with its real type, containers
// opened (a zip inside a zip inside a zip is not), Apple's metadata dropped, documents read; and
// which attachments are forms, are worth fetching, are copies of a form, or are loose documents.
import { strToU8, zipSync } from 'fflate';
import {
  attachmentDescription,
  attachmentDocument,
  isCopyOf,
  isFormAttachment,
  isLooseDocument,
  mayHoldForm,
  readAttachmentList,
  readDocument,
} from '../../../src/core/documents';
import type { Attachment } from '../../../src/core/message';
import { minimalDocx, p, r } from '../../support/minimal-docx';
import { pdfOf, text } from '../../support/pdf-writer';

const RTF = strToU8('{\\rtf1\\ansi Name of school\\par}');
const attachment = (name: string, bytes: Uint8Array, contentType = 'application/octet-stream'): Attachment => ({
  name,
  contentType,
  bytes,
});
const zip = (files: Record<string, Uint8Array>) => zipSync(files, { mtime: new Date('2024-01-01T00:00:00Z') });
const labels = (list: Attachment[]) =>
  list.map((a) => [a.name, a.reading?.kind, a.reading?.container ?? false, a.reading?.problem?.code ?? null, !!a.reading?.document]);

describe('readAttachmentList', () => {
  it('labels each attachment, reads documents other than .docx, opens a zip and drops AppleDouble metadata', async () => {
    const list = await readAttachmentList([
      attachment('form.docx', minimalDocx(p(r('Form')))),
      attachment('._form.docx', Uint8Array.from([0, 5, 22, 7, 0, 2, 0, 0]), 'application/applefile'),
      attachment('copy.rtf', RTF),
      attachment('forms.zip', zip({ 'a.rtf': RTF })),
      attachment('photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])),
      attachment('broken.pdf', strToU8('%PDF-1.4 garbage')),
    ]);
    expect(labels(list)).toEqual([
      ['form.docx', 'docx', false, null, false],
      ['copy.rtf', 'rtf', false, null, true],
      ['forms.zip', 'zip', true, null, false],
      ['forms.zip/a.rtf', 'rtf', false, null, true],
      ['photo.jpg', 'image', false, null, false],
      ['broken.pdf', 'pdf', false, 'corrupt-zip', false],
    ]);
    expect(list[0]!.reading!.description).toBe('a Word document');
  });

  it('opens a zip in a zip, but not a third level, and keeps an attachment already labelled as it is', async () => {
    const inner = zip({ 'deepest.zip': zip({ 'a.rtf': RTF }) });
    const labelled: Attachment = { ...attachment('x.bin', new Uint8Array([1])), reading: { kind: 'text', description: 'kept' } };
    const list = await readAttachmentList([attachment('outer.zip', zip({ 'inner.zip': inner })), labelled]);
    expect(labels(list)).toEqual([
      ['outer.zip', 'zip', true, null, false],
      ['outer.zip/inner.zip', 'zip', true, null, false],
      ['outer.zip/inner.zip/deepest.zip', 'zip', false, 'nested-zip', false],
      ['x.bin', 'text', false, null, false],
    ]);
    expect(list[2]!.reading!.problem!.message).toBe('A zip archive inside a zip archive is not opened.');
    expect(list[3]).toBe(labelled);
  });

  it('says a zip that cannot be opened is one', async () => {
    const [read] = await readAttachmentList([attachment('forms.zip', zip({ 'a.txt': strToU8('a'.repeat(500)) }).subarray(0, 40))]);
    expect(read!.reading).toMatchObject({ kind: 'zip', problem: { code: 'corrupt-zip' } });
  });
});

describe('readDocument', () => {
  it('reads each kind, says a file of another kind is no form, and a damaged one what is wrong', async () => {
    expect((await readDocument(RTF)).ok).toBe(true);
    expect((await readDocument(pdfOf(text(72, 770, 'Form')), 'pdf')).ok).toBe(true);
    expect(await readDocument(strToU8('just text'))).toEqual({
      ok: false,
      error: { code: 'not-a-form', message: 'This is a text file, not a form.' },
    });
    expect(await readDocument(minimalDocx('', { documentXml: '<w:document' }), 'docx')).toMatchObject({
      ok: false,
      error: { code: 'xml-malformed' },
    });
  });
});

describe('which attachments are forms', () => {
  const labelled = (name: string, kind: string, problem = false): Attachment => ({
    ...attachment(name, new Uint8Array()),
    reading: { kind, description: kind, ...(problem ? { problem: { code: 'corrupt-zip', message: 'x' } } : {}) },
  });

  it('by their real type once labelled', () => {
    expect(['docx', 'doc', 'odt', 'rtf', 'pdf'].map((k) => isFormAttachment(labelled('f.bin', k)))).toEqual([true, true, true, true, true]);
    expect(isFormAttachment(labelled('f.docx', 'image'))).toBe(true); // named as a Word form: reported on as one
    expect(isFormAttachment(labelled('f.docx', 'applefile'))).toBe(false);
    expect(isFormAttachment(labelled('f.png', 'image'))).toBe(false);
    expect(isFormAttachment(labelled('forms.zip', 'zip'))).toBe(false);
    expect(isFormAttachment(labelled('forms.docx', 'zip'))).toBe(false);
    expect(isFormAttachment(labelled('forms.zip', 'zip', true))).toBe(true);
  });

  it('by name or MIME type before they are read', () => {
    const unread = (name: string, type = 'application/octet-stream') => isFormAttachment({ name, contentType: type });
    expect([unread('f.docx'), unread('f.DOTM'), unread('f.doc'), unread('f.pdf'), unread('f.docx.txt')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(unread('form', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(unread('form', 'application/msword')).toBe(true);
    expect(unread('form.txt', 'application/msword')).toBe(false);
    expect(unread('form', 'application/pdf')).toBe(false);
  });

  it('are worth fetching when they may hold a form, or forms in a zip', () => {
    const may = (name: string, type = 'application/octet-stream') => mayHoldForm({ name, contentType: type });
    expect(['a.docx', 'a.ott', 'a.RTF', 'a.pdf', 'a.zip', 'a.png', 'a.docx.exe'].map((n) => may(n))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([
      may('form', 'application/pdf'),
      may('form', 'application/zip'),
      may('form', 'image/png'),
      may('form.png', 'application/pdf'),
    ]).toEqual([true, true, false, false]);
  });
});

describe('attachmentDocument', () => {
  it('gives the document read, the problem found, or says what the file is instead', () => {
    const docx = attachment('f.docx', minimalDocx(p(r('Form'))));
    expect(attachmentDocument(docx).ok).toBe(true);
    expect(
      attachmentDocument({ ...docx, reading: { kind: 'pdf', description: 'a PDF', problem: { code: 'scanned-pdf', message: 'scan' } } }),
    ).toEqual({
      ok: false,
      error: { code: 'scanned-pdf', message: 'scan' },
    });
    expect(attachmentDocument({ ...docx, reading: { kind: 'encrypted-office', description: 'locked' } })).toEqual({
      ok: false,
      error: { code: 'encrypted-document', message: 'The document is password-protected; ask the school to send it without a password.' },
    });
    expect(attachmentDocument({ ...docx, reading: { kind: 'image', description: 'an image' } })).toEqual({
      ok: false,
      error: { code: 'not-a-word-document', message: 'The file is an image, not a Word document.' },
    });
    expect(attachmentDocument({ ...docx, reading: { kind: 'docx', description: 'a Word document' } }).ok).toBe(true);
  });

  it('describes an attachment by its label, else by its bytes', () => {
    expect(attachmentDescription({ ...attachment('a', new Uint8Array()), reading: { kind: 'pdf', description: 'a PDF' } })).toBe('a PDF');
    expect(attachmentDescription(attachment('a.rtf', RTF))).toBe('a rich-text document (.rtf)');
  });
});

describe('copies and loose documents', () => {
  const as = (kind?: string): Attachment => ({
    ...attachment('a', new Uint8Array()),
    ...(kind ? { reading: { kind, description: kind } } : {}),
  });

  it('a non-Word document is a copy of a Word form; a PDF is a loose document', () => {
    expect([
      isCopyOf(as('pdf'), as('docx')),
      isCopyOf(as('pdf'), as()),
      isCopyOf(as('docx'), as('docx')),
      isCopyOf(as('rtf'), as('pdf')),
    ]).toEqual([true, true, false, false]);
    expect([isLooseDocument(as('pdf')), isLooseDocument(as('rtf')), isLooseDocument(as())]).toEqual([true, false, false]);
  });
});
