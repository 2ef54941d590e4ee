// The Office adapter against office-addin-mock: what Outlook hands over becomes the core's
// Message, every failed *Async call rejects with a typed error, and a null item is survived.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeMockObject } from 'office-addin-mock';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';
import { createOutlookMailbox, NoItemError, OfficeCallError, UnsupportedError } from '../../../src/adapters/office';
import { mightBeWordForm } from '../../../src/adapters/office/outlook';
import { mayHoldForm } from '../../../src/core/documents';
import { readEml } from '../../../src/adapters/mail-files/read-eml';

// office-addin-mock imports office-addin-manifest only for its OfficeApp names; that package pulls in
// ES modules jest would have to transform, so its one enum is given here.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

const samples = join(__dirname, '..', '..', '..', 'samples');
const formBytes = readFileSync(join(samples, 'forms', 'sms-bold-answer.docx'));
const attachedEml = readFileSync(join(samples, 'emails', '01-sms-complete.eml'), 'utf8');

type Result = { status: string; value?: unknown; error?: { code: number; name: string; message: string } };
const ok = (value?: unknown): Result => ({ status: 'succeeded', value });
const failed = (code: number, name: string, message: string): Result => ({ status: 'failed', error: { code, name, message } });

function mockData(
  overrides: {
    supported?: string[];
    failCategories?: boolean;
    attachedItemEmpty?: boolean;
    sharedBy?: { owner: string; permissions: number };
  } = {},
) {
  const supported = new Set(overrides.supported ?? ['1.5', '1.8']);
  const state = { categories: ['Important'], master: ['Important'], handlers: [] as string[], replies: [] as unknown[] };
  const data = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
    context: {
      requirements: { isSetSupported: (_name: string, version: string) => supported.has(version) },
      mailbox: {
        userProfile: { displayName: 'Hub Manager', emailAddress: 'Hub@Example.org' },
        convertToRestId: (id: string) => `rest-${id}`,
        addHandlerAsync: (type: string, _handler: unknown, cb: (r: Result) => void) => {
          state.handlers.push(type);
          cb(ok());
        },
        removeHandlerAsync: (_type: string, cb: (r: Result) => void) => cb(ok()),
        masterCategories: {
          getAsync: (cb: (r: Result) => void) => cb(ok(state.master.map((displayName) => ({ displayName, color: 'Preset0' })))),
          addAsync: (list: { displayName: string }[], cb: (r: Result) => void) => {
            state.master.push(...list.map((c) => c.displayName));
            cb(ok());
          },
        },
        item: {
          itemId: 'AAMk-1',
          subject: 'Application – Ashfield',
          internetMessageId: '<abc@school.example>',
          dateTimeCreated: new Date('2018-06-07T13:03:00Z'),
          from: { displayName: 'Jane Smith', emailAddress: 'J.Smith@School.example' },
          to: [{ displayName: 'Maths Hubs', emailAddress: 'mathshubs@ncetm.org.uk' }],
          cc: [{ displayName: 'Head', emailAddress: 'head@school.example' }],
          attachments: [
            {
              id: 'a1',
              name: 'Application.docx',
              contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              size: formBytes.length,
              attachmentType: 'file',
              isInline: false,
            },
            { id: 'a2', name: 'logo.png', contentType: 'image/png', size: 10, attachmentType: 'file', isInline: true },
            { id: 'a3', name: 'Original application', contentType: 'message/rfc822', size: 100, attachmentType: 'item', isInline: false },
            { id: 'a4', name: 'Notes.pdf', contentType: 'application/pdf', size: 10, attachmentType: 'file', isInline: false },
            {
              id: 'a5',
              name: 'Timetable.xlsx',
              contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              size: 10,
              attachmentType: 'file',
              isInline: false,
            },
          ],
          getAttachmentContentAsync: (id: string, cb: (r: Result) => void) => {
            if (id === 'a1') cb(ok({ format: 'base64', content: formBytes.toString('base64') }));
            else if (id === 'a4') cb(ok({ format: 'base64', content: Buffer.from('%PDF-1.4\n').toString('base64') }));
            else if (id === 'a3')
              cb(overrides.attachedItemEmpty ? ok({ format: 'eml', content: '' }) : ok({ format: 'eml', content: attachedEml }));
            else cb(failed(9002, 'InternalServerError', 'should not be asked for'));
          },
          categories: {
            getAsync: (cb: (r: Result) => void) => cb(ok(state.categories.map((displayName) => ({ displayName, color: 'Preset0' })))),
            addAsync: (names: string[], cb: (r: Result) => void) => {
              if (overrides.failCategories) return cb(failed(9041, 'InvalidCategory', 'The category is not in the master list.'));
              state.categories.push(...names);
              cb(ok());
            },
            removeAsync: (names: string[], cb: (r: Result) => void) => {
              state.categories = state.categories.filter((c) => !names.includes(c));
              cb(ok());
            },
          },
          displayReplyForm: (form: unknown) => state.replies.push(form),
          getAsFileAsync: (cb: (r: Result) => void) => cb(ok(Buffer.from('From: x\r\n\r\nhi').toString('base64'))),
          // Outlook fails this call for an item in one's own mailbox.
          getSharedPropertiesAsync: (cb: (r: Result) => void) =>
            cb(
              overrides.sharedBy
                ? ok({
                    owner: overrides.sharedBy.owner,
                    targetMailbox: 'mathshubs@hub.example.org',
                    targetRestUrl: 'https://outlook.office.com/api',
                    delegatePermissions: overrides.sharedBy.permissions,
                  })
                : failed(9030, 'GenericResponseError', 'The item is not shared.'),
            ),
        },
      },
    },
  };
  return { data, state };
}

function setUp(overrides: Parameters<typeof mockData>[0] = {}) {
  const { data, state } = mockData(overrides);
  const office = new OfficeMockObject(data, 'outlook' as never) as unknown as typeof Office;
  return { office, state };
}

describe('the Outlook adapter', () => {
  it('reads the envelope as the core sees a message: addresses lower-cased, the arrival time in ISO', () => {
    const { office } = setUp();
    const env = createOutlookMailbox(office).envelope();
    expect(env).toEqual({
      itemId: 'AAMk-1',
      subject: 'Application – Ashfield',
      from: { name: 'Jane Smith', address: 'j.smith@school.example' },
      to: [{ name: 'Maths Hubs', address: 'mathshubs@ncetm.org.uk' }],
      cc: [{ name: 'Head', address: 'head@school.example' }],
      receivedAt: '2018-06-07T13:03:00.000Z',
      internetMessageId: '<abc@school.example>',
    });
  });

  it('reads attachments that may be forms as bytes, attached emails as messages, and skips inline images and other files’ content', async () => {
    const { office } = setUp();
    const message = await createOutlookMailbox(office, undefined, readEml).readMessage();
    expect(message.attachments.map((a) => [a.name, a.bytes.length])).toEqual([
      ['Application.docx', formBytes.length],
      ['Notes.pdf', 9],
      ['Timetable.xlsx', 0],
    ]);
    expect(Buffer.from(message.attachments[0]!.bytes).equals(formBytes)).toBe(true);
    expect(message.attachedMessages).toHaveLength(1);
    expect(message.attachedMessages![0]!.attachments.some((a) => a.name.endsWith('.docx'))).toBe(true);
    const report = checkMessage(message, loadCatalogue(), 'outlook');
    expect(report.forms[0]?.formId).toBe('secondary-mastery-specialist-2018');
  });

  it('falls back to Graph by REST ids when Outlook returns nothing for an attached email', async () => {
    const { office } = setUp({ attachedItemEmpty: true });
    const asked: string[][] = [];
    const fallback = {
      attachedItemMime: async (message: string, attachment: string, owner: string | null) => {
        asked.push([message, attachment, String(owner)]);
        return attachedEml;
      },
      messageMime: async () => null,
    };
    const message = await createOutlookMailbox(office, fallback, readEml).readMessage();
    expect(asked).toEqual([['rest-AAMk-1', 'rest-a3', 'null']]);
    expect(message.attachedMessages).toHaveLength(1);
  });

  it('gets the whole email with getAsFileAsync where Mailbox 1.14 is there, and says what is missing where it is not', async () => {
    const withFile = setUp({ supported: ['1.5', '1.8', '1.14'] });
    expect(Buffer.from(await createOutlookMailbox(withFile.office).emailFile()).toString()).toContain('From: x');
    const without = setUp();
    await expect(createOutlookMailbox(without.office).emailFile()).rejects.toBeInstanceOf(UnsupportedError);
    const viaGraph = createOutlookMailbox(without.office, {
      attachedItemMime: async () => null,
      messageMime: async (id) => new TextEncoder().encode(`mime of ${id}`),
    });
    expect(new TextDecoder().decode(await viaGraph.emailFile())).toBe('mime of rest-AAMk-1');
  });

  it('adds and removes categories, and creates only the master categories that are missing', async () => {
    const { office, state } = setUp();
    const outlook = createOutlookMailbox(office);
    await outlook.ensureMasterCategories([
      { name: 'important', color: 'Preset1' },
      { name: 'Hub Intake: Accepted', color: 'Preset4' },
    ]);
    expect(state.master).toEqual(['Important', 'Hub Intake: Accepted']);
    await outlook.addCategories(['Hub Intake: Accepted']);
    expect(await outlook.categories()).toEqual(['Important', 'Hub Intake: Accepted']);
    await outlook.removeCategories(['Important']);
    expect(await outlook.categories()).toEqual(['Hub Intake: Accepted']);
  });

  it("in a shared mailbox: learns the owner and permissions, sends Graph calls to the owner, and never writes the owner's master list", async () => {
    const { office, state } = setUp({ sharedBy: { owner: 'MathsHubs@Hub.Example.org', permissions: 1 | 2 | 16 }, attachedItemEmpty: true });
    const asked: (string | null)[] = [];
    const fallback = {
      attachedItemMime: async (_m: string, _a: string, owner: string | null) => (asked.push(owner), attachedEml),
      messageMime: async (_m: string, owner: string | null) => (asked.push(owner), new TextEncoder().encode('mime')),
    };
    const outlook = createOutlookMailbox(office, fallback, readEml);
    expect(await outlook.sharedMailbox()).toEqual({
      owner: 'mathshubs@hub.example.org',
      targetMailbox: 'mathshubs@hub.example.org',
      permissions: { read: true, write: true, editAll: false },
    });
    await outlook.readMessage();
    await outlook.emailFile();
    expect(asked).toEqual(['mathshubs@hub.example.org', 'mathshubs@hub.example.org']);
    const result = await outlook.ensureMasterCategories([
      { name: 'important', color: 'Preset1' },
      { name: 'Hub Intake: Accepted', color: 'Preset4' },
    ]);
    expect(result).toEqual({ missing: ['Hub Intake: Accepted'] });
    expect(state.master).toEqual(['Important']);
  });

  it("treats an item as the user's own when Outlook says it is not shared", async () => {
    const { office, state } = setUp();
    const outlook = createOutlookMailbox(office);
    expect(await outlook.sharedMailbox()).toBeNull();
    expect(await outlook.ensureMasterCategories([{ name: 'Hub Intake: Declined', color: 'Preset0' }])).toEqual({ missing: [] });
    expect(state.master).toEqual(['Important', 'Hub Intake: Declined']);
  });

  it('rejects a failed call with a typed error naming the call and Office’s error', async () => {
    const { office } = setUp({ failCategories: true });
    const error = await createOutlookMailbox(office)
      .addCategories(['Nope'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect(error).toMatchObject({ operation: 'item.categories.addAsync', code: 9041, officeName: 'InvalidCategory' });
  });

  it('rejects, and does not throw out of a callback, when Office throws before calling back', async () => {
    const { office } = setUp();
    (office.context.mailbox.item as unknown as { getAttachmentContentAsync: () => never }).getAttachmentContentAsync = () => {
      throw new Error('Not supported');
    };
    await expect(createOutlookMailbox(office).readMessage()).rejects.toMatchObject({
      name: 'OfficeCallError',
      operation: 'item.getAttachmentContentAsync',
    });
  });

  it('opens the reply form with the HTML body', () => {
    const { office, state } = setUp();
    createOutlookMailbox(office).reply('<p>Please copy in the head of department.</p>');
    expect(state.replies).toEqual([{ htmlBody: '<p>Please copy in the head of department.</p>' }]);
  });

  it('fetches the content of exactly the attachments the core would read as forms (or open, a zip)', () => {
    const cases = [
      { name: 'Form.docx', contentType: 'application/octet-stream' },
      { name: 'Form.DOC', contentType: '' },
      { name: 'template.dotx', contentType: '' },
      { name: 'form', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: 'form', contentType: 'application/msword' },
      { name: 'scan.pdf', contentType: 'application/msword' },
      { name: 'Form.odt', contentType: '' },
      { name: 'Form.rtf', contentType: 'application/rtf' },
      { name: 'forms.zip', contentType: 'application/zip' },
      { name: 'form', contentType: 'application/pdf' },
      { name: 'notes.txt', contentType: 'text/plain' },
      { name: 'photo.jpeg', contentType: 'image/jpeg' },
      { name: 'winmail.dat', contentType: 'application/ms-tnef' },
    ];
    for (const c of cases) expect([c.name, mightBeWordForm(c)]).toEqual([c.name, mayHoldForm(c)]);
  });

  it('copes with no item: a key of null, and a NoItemError for reads', () => {
    const { office } = setUp();
    (office.context.mailbox as unknown as { item: null }).item = null;
    const outlook = createOutlookMailbox(office);
    expect(outlook.itemKey()).toBeNull();
    expect(() => outlook.envelope()).toThrow(NoItemError);
  });

  it('watches ItemChanged and also re-reads when the pane regains focus or becomes visible', async () => {
    const { office, state } = setUp();
    const listeners = new Map<string, () => void>();
    const doc = {
      visibilityState: 'visible' as DocumentVisibilityState,
      addEventListener: (t: string, f: () => void) => listeners.set(`doc:${t}`, f),
      removeEventListener: (t: string) => listeners.delete(`doc:${t}`),
    };
    const win = {
      addEventListener: (t: string, f: () => void) => listeners.set(t, f),
      removeEventListener: (t: string) => listeners.delete(t),
      document: doc,
    };
    let changes = 0;
    const stop = await createOutlookMailbox(office).watchItem(() => changes++, win as never);
    expect(state.handlers).toEqual(['olkItemSelectedChanged']);
    listeners.get('focus')!();
    listeners.get('doc:visibilitychange')!();
    expect(changes).toBe(2);
    await stop();
    expect(listeners.size).toBe(0);
  });
});
