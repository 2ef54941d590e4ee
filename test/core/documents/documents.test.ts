// One dispatch by real type: what each file is, zips opened within limits, AppleDouble metadata
// dropped, a PDF copy of a Word form noted, a scan said to be one, RTF as Word writes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { readEml, readMail } from '../../../src/adapters/mail-files';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';
import { readAttachmentList, readAttachments, readDocument, sniffKind } from '../../../src/core/documents';
import { expandZip } from '../../../src/core/documents/zip';
import { readRtf } from '../../../src/core/documents/rtf';
import { blocksText, type Table } from '../../../src/core/docx/model';
import { DOCX_LIMITS } from '../../../src/core/docx/limits';
import { HOSTILE_FILES } from '../../support/hostile-files';
import { pdfOf } from '../../support/pdf-writer';

const root = join(__dirname, '..', '..', '..');
const forms = join(root, 'test', 'fixtures', 'formats', 'forms');
const bytes = (...path: string[]) => new Uint8Array(readFileSync(join(...path)));
const catalogue = loadCatalogue();
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

describe('sniffKind', () => {
  it('tells each format by its bytes, whatever the name says', () => {
    for (const format of ['docx', 'doc', 'odt', 'rtf', 'pdf'] as const)
      expect(sniffKind(bytes(forms, `sms-bold-answer.${format}`), 'form.docx')).toBe(format);
    expect(sniffKind(bytes(forms, 'forms.zip'))).toBe('zip');
    expect(sniffKind(bytes(root, 'test', 'fixtures', 'formats', 'msg', '01-sms-complete.msg'))).toBe('outlook-item');
    expect(sniffKind(bytes(root, 'samples', 'emails', '01-sms-complete.eml'))).toBe('email');
    expect(sniffKind(PNG, 'form.docx')).toBe('image');
    expect(sniffKind(new TextEncoder().encode('Dear hub,\nplease find attached.\n'))).toBe('text');
    expect(sniffKind(new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]))).toBe('applefile');
    expect(sniffKind(new Uint8Array(), 'photo.jpg')).toBe('image');
    expect(sniffKind(new Uint8Array(), 'x')).toBe('empty');
  });
});

describe('readAttachments', () => {
  it("drops Apple Mail's AppleDouble metadata part: the application reads as its plain twin", async () => {
    const wrapped = await readMail(bytes(root, 'test', 'fixtures', 'formats', 'msg', '01-sms-complete-appledouble.eml'));
    expect(wrapped.attachments.map((a) => a.contentType)).toContain('application/applefile');
    const plain = await readEml(bytes(root, 'samples', 'emails', '01-sms-complete.eml'));
    const report = checkMessage(await readAttachments(wrapped), catalogue, 'x');
    expect(report).toEqual(checkMessage(await readAttachments(plain), catalogue, 'x'));
    expect(report.complete).toBe(true);
  });

  it('opens a zip: the form inside is read and named after the zip, the other files said for what they are', async () => {
    const list = await readAttachmentList([{ name: 'forms.zip', contentType: 'application/zip', bytes: bytes(forms, 'forms.zip') }]);
    expect(list.map((a) => [a.name, a.reading?.kind])).toEqual([
      ['forms.zip', 'zip'],
      ['forms.zip/01-sms-complete.docx', 'docx'],
      ['forms.zip/notes.txt', 'text'],
    ]);
    const message = { subject: '', from: null, to: [], cc: [], receivedAt: null, internetMessageId: null, attachments: list };
    expect(checkMessage(message, catalogue, 'x').forms.map((f) => [f.attachment, f.formId])).toEqual([
      ['forms.zip/01-sms-complete.docx', 'secondary-mastery-specialist-2018'],
    ]);
  });

  it('keeps a zip within the limits: too many files, a bomb, a zip in a zip in a zip', async () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, new Uint8Array([65])])));
    expect(expandZip({ name: 'many.zip', contentType: '', bytes: many }, { ...DOCX_LIMITS, zipEntries: 20 })).toMatchObject({
      problem: { code: 'too-many-parts' },
    });
    const bomb = zipSync({ 'big.docx': new Uint8Array(3 * 1048576) }, { level: 9 });
    expect(expandZip({ name: 'bomb.zip', contentType: '', bytes: bomb })).toMatchObject({ problem: { code: 'zip-bomb' } });
    const inner = zipSync({ 'a.zip': zipSync({ 'b.zip': zipSync({ 'c.txt': new Uint8Array([65]) }) }) });
    const list = await readAttachmentList([{ name: 'outer.zip', contentType: '', bytes: inner }]);
    expect(list.map((a) => [a.name, a.reading?.problem?.code ?? null])).toEqual([
      ['outer.zip', null],
      ['outer.zip/a.zip', null],
      ['outer.zip/a.zip/b.zip', 'nested-zip'],
    ]);
  });

  it('reads the Word form and notes a PDF copy of it, with no error', async () => {
    const eml = await readEml(bytes(root, 'samples', 'emails', '01-sms-complete.eml'));
    const alone = checkMessage(await readAttachments(eml), catalogue, 'x');
    const withCopy = await readAttachments({
      ...eml,
      attachments: [
        ...eml.attachments,
        { name: 'Application.pdf', contentType: 'application/pdf', bytes: bytes(forms, '01-sms-complete.pdf') },
      ],
    });
    const report = checkMessage(withCopy, catalogue, 'x');
    expect(report.forms).toEqual(alone.forms);
    expect(report.complete).toBe(true);
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'form-copy', attachment: 'Application.pdf' })]);
  });

  it('says a password-protected document is one, whatever its name', async () => {
    const encrypted = HOSTILE_FILES.find((f) => f.codes.includes('encrypted-document'))!.build();
    const message = await readAttachments({
      subject: '',
      from: null,
      to: [],
      cc: [],
      receivedAt: null,
      internetMessageId: null,
      attachments: [{ name: 'Form.docx', contentType: '', bytes: new Uint8Array(encrypted) }],
    });
    expect(checkMessage(message, catalogue, 'x').issues).toEqual([
      expect.objectContaining({
        code: 'unreadable-attachment',
        attachment: 'Form.docx',
        message: expect.stringMatching(/password-protected/),
      }),
    ]);
  });

  it('names each attachment and its real type when none is a form', async () => {
    const message = await readAttachments({
      subject: '',
      from: null,
      to: [],
      cc: [],
      receivedAt: null,
      internetMessageId: null,
      attachments: [
        { name: 'scan.jpg', contentType: 'image/jpeg', bytes: PNG },
        { name: 'notes.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hello\n') },
      ],
    });
    const [issue] = checkMessage(message, catalogue, 'x').issues;
    expect(issue).toMatchObject({ code: 'no-form-attached' });
    expect(issue!.message).toMatch(/scan\.jpg, an image: a scan cannot be read.*notes\.txt, a text file/);
  });
});

describe('PDF', () => {
  it('says that a PDF with no text (a scan) cannot be read, and to ask for the Word form', async () => {
    const read = await readDocument(pdfOf({ content: '', image: true }));
    expect(read).toEqual({
      ok: false,
      error: { code: 'scanned-pdf', message: expect.stringMatching(/scan.*ask the school for the Word form/) },
    });
  });

  it('reports a damaged PDF on itself', async () => {
    expect(await readDocument(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'))).toMatchObject({ ok: false });
  });
});

describe('RTF as Word writes it', () => {
  it('reads legacy checkboxes from their \\formfield, and merged cells', () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}
\trowd\cellx2000\clvmgf\cellx5000\pard\intbl{\b QTS status}\cell {\field{\*\fldinst{ FORMCHECKBOX {\*\formfield{\fftype1\ffres1\fftypetxt0{\*\ffname Check1}}}}}{\fldrslt }} Yes {\field{\*\fldinst{ FORMCHECKBOX {\*\formfield{\fftype1\ffres25\ffdefres0{\*\ffname Check2}}}}}{\fldrslt }} No\cell\row
\trowd\cellx2000\clvmrg\cellx5000\pard\intbl Caf\'e9 \u8364?5\cell\cell\row
\pard After the table\par}`;
    const doc = readRtf(new TextEncoder().encode(rtf));
    const table = doc.blocks[0] as Table;
    expect(table.kind).toBe('table');
    expect(table.rows[0]!.cells[1]!.blocks[0]).toMatchObject({
      inlines: [{ kind: 'checkbox', checked: true }, { text: ' Yes ' }, { kind: 'checkbox', checked: false }, { text: ' No' }],
    });
    expect(table.rows[0]!.cells[1]!.mergeStart).toBe(true);
    expect(table.rows[1]!.cells[1]!.mergedFromRow).toBe(0);
    expect(blocksText(table.rows[1]!.cells[0]!.blocks)).toBe('Café €5');
    expect(blocksText([doc.blocks[1]!])).toBe('After the table');
  });
});
