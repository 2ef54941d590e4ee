// A shim of the Office.js mailbox API, backed by an .eml, for the harness: the real task pane runs
// on it in a plain browser. It answers the calls the Office adapter makes, with Office's shapes
// and its callback conventions (AsyncResult with status "succeeded"/"failed"). Categories persist
// per email in localStorage, so the harness page shows them in its message list and they survive a
// reload; a reply form is handed to the harness page to show.
//
// The email comes from the harness page (window.hubHarnessShim.open, which fires ItemChanged as
// Outlook does when a pinned pane moves to another email) or, for a page opened on its own,
// from ?eml=<url>.
//
// Shared-mailbox mode (?shared=<owner address>, which the harness page passes on from its own
// address): every item is in the hub's shared mailbox, opened by a delegate. The item answers
// getSharedPropertiesAsync with the owner and delegate permissions (read, write, edit own); the
// master categories are the owner's list, which the delegate may read but not change (Outlook
// refuses, as its docs say); and Mailbox 1.14 is not offered, so the whole email comes from the
// owner's mailbox on the local store's Graph (/users/{owner}/messages/{id}/$value).
import PostalMime from 'postal-mime';
import { readEml } from '../adapters/mail-files/read-eml';
import { bytesToBase64 } from '../adapters/office/base64';

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error?: { code: number; name: string; message: string } }) => void;

interface ShimItem {
  itemId: string;
  itemType: 'message';
  subject: string;
  internetMessageId: string;
  dateTimeCreated: Date;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  attachments: { id: string; name: string; contentType: string; size: number; attachmentType: 'file' | 'item'; isInline: boolean }[];
  getAttachmentContentAsync(id: string, options: unknown, cb?: Callback<unknown>): void;
  getAsFileAsync(options: unknown, cb?: Callback<string>): void;
  categories: {
    getAsync(cb: Callback<{ displayName: string; color: string }[]>): void;
    addAsync(names: string[], options: unknown, cb?: Callback<void>): void;
    removeAsync(names: string[], options: unknown, cb?: Callback<void>): void;
  };
  displayReplyForm(form: string | { htmlBody?: string }): void;
  displayReplyAllForm(form: string | { htmlBody?: string }): void;
  getSharedPropertiesAsync(options: unknown, cb?: Callback<unknown>): void;
}

interface EmailAddress {
  displayName: string;
  emailAddress: string;
}

export interface HarnessReply {
  itemId: string;
  subject: string;
  to: string;
  html: string;
}

declare global {
  interface Window {
    hubHarnessShim?: { open(bytes: Uint8Array, itemId: string): Promise<void>; close(): void };
    /** Set by the harness page around the pane's frame: it shows reply forms. */
    hubHarnessHost?: { showReply(reply: HarnessReply): void; categoriesChanged(itemId: string): void };
  }
}

const SHARED_OWNER = new URLSearchParams(location.search).get('shared')?.toLowerCase() || null;
/** The mailbox's master categories: the user's own, or the shared mailbox owner's. */
const MASTER_KEY = SHARED_OWNER ? `hub-harness.master-categories:${SHARED_OWNER}` : 'hub-harness.master-categories';
/** Office's DelegatePermissions: Read 1, Write 2, EditOwn 16. */
const DELEGATE_PERMISSIONS = 1 | 2 | 16;
const categoriesKey = (itemId: string) => `hub-harness.categories:${itemId}`;

function readJson<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}
const writeJson = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

/** Options are optional in Office's signatures: the callback is the last function argument. */
function callbackOf<T>(...args: unknown[]): Callback<T> {
  const cb = [...args].reverse().find((a) => typeof a === 'function');
  return (cb as Callback<T>) ?? (() => undefined);
}

const ok = <T>(cb: Callback<T>, value: T) => setTimeout(() => cb({ status: 'succeeded', value }), 0);
const fail = <T>(cb: Callback<T>, code: number, name: string, message: string) =>
  setTimeout(() => cb({ status: 'failed', value: undefined as T, error: { code, name, message } }), 0);

function host() {
  try {
    return window.parent !== window ? window.parent.hubHarnessHost : undefined;
  } catch {
    return undefined;
  }
}

async function itemFromEml(bytes: Uint8Array, itemId: string): Promise<ShimItem> {
  const message = await readEml(bytes);
  const parsed = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', forceRfc822Attachments: true });
  const contents = new Map<string, { format: 'base64' | 'eml'; content: string }>();
  const attachments = parsed.attachments.map((a, i) => {
    const id = `att-${i + 1}`;
    const data =
      a.content instanceof ArrayBuffer
        ? new Uint8Array(a.content)
        : typeof a.content === 'string'
          ? new TextEncoder().encode(a.content)
          : new Uint8Array(a.content);
    const isItem = a.mimeType === 'message/rfc822';
    contents.set(
      id,
      isItem ? { format: 'eml', content: new TextDecoder().decode(data) } : { format: 'base64', content: bytesToBase64(data) },
    );
    return {
      id,
      name: a.filename ?? (isItem ? 'Attached message' : `attachment-${i + 1}`),
      contentType: a.mimeType,
      size: data.length,
      attachmentType: isItem ? ('item' as const) : ('file' as const),
      isInline: a.disposition === 'inline' && Boolean(a.contentId),
    };
  });
  const address = (m: { name: string; address: string }) => ({ displayName: m.name, emailAddress: m.address });
  const item: ShimItem = {
    itemId,
    itemType: 'message',
    subject: message.subject,
    internetMessageId: message.internetMessageId ?? '',
    dateTimeCreated: new Date(message.receivedAt ?? Date.now()),
    from: message.from ? address(message.from) : null,
    to: message.to.map(address),
    cc: message.cc.map(address),
    attachments,
    getAttachmentContentAsync(id, ...rest) {
      const cb = callbackOf<unknown>(...rest);
      const content = contents.get(id);
      if (content) ok(cb, content);
      else fail(cb, 9002, 'InvalidAttachmentId', 'The attachment id is not valid.');
    },
    getAsFileAsync(...rest: unknown[]) {
      ok(callbackOf<string>(...rest), bytesToBase64(bytes));
    },
    categories: {
      getAsync: (...rest: unknown[]) => {
        const master = readJson<{ displayName: string; color: string }[]>(MASTER_KEY, []);
        const names = readJson<string[]>(categoriesKey(itemId), []);
        ok(
          callbackOf(...rest),
          names.map((displayName) => ({ displayName, color: master.find((m) => m.displayName === displayName)?.color ?? 'None' })),
        );
      },
      addAsync: (names: string[], ...rest: unknown[]) => {
        const cb = callbackOf<void>(...rest);
        const master = readJson<{ displayName: string }[]>(MASTER_KEY, []);
        const unknown = names.filter((n) => !master.some((m) => m.displayName.toLowerCase() === n.toLowerCase()));
        if (unknown.length) return fail(cb, 9041, 'InvalidCategory', 'The category is not in the master category list.');
        const have = readJson<string[]>(categoriesKey(itemId), []);
        writeJson(categoriesKey(itemId), [...have, ...names.filter((n) => !have.includes(n))]);
        host()?.categoriesChanged(itemId);
        ok(cb, undefined);
      },
      removeAsync: (names: string[], ...rest: unknown[]) => {
        writeJson(
          categoriesKey(itemId),
          readJson<string[]>(categoriesKey(itemId), []).filter((n) => !names.includes(n)),
        );
        host()?.categoriesChanged(itemId);
        ok(callbackOf<void>(...rest), undefined);
      },
    },
    displayReplyForm(form) {
      const html = typeof form === 'string' ? form : (form.htmlBody ?? '');
      const reply = { itemId, subject: `RE: ${message.subject}`, to: message.from?.address ?? '', html };
      const h = host();
      if (h) h.showReply(reply);
      else window.dispatchEvent(new CustomEvent('hub-harness-reply', { detail: reply }));
    },
    displayReplyAllForm(form) {
      item.displayReplyForm(form);
    },
    getSharedPropertiesAsync(...rest: unknown[]) {
      const cb = callbackOf<unknown>(...rest);
      // Outlook fails this call for an item in one's own mailbox.
      if (!SHARED_OWNER) return fail(cb, 9030, 'GenericResponseError', 'The item is not in a shared folder or mailbox.');
      ok(cb, {
        owner: SHARED_OWNER,
        targetMailbox: SHARED_OWNER,
        targetRestUrl: `${location.origin}/api`,
        delegatePermissions: DELEGATE_PERMISSIONS,
      });
    },
  };
  return item;
}

function installOffice() {
  const itemChangedHandlers = new Set<(arg: unknown) => void>();
  const mailbox = {
    item: null as ShimItem | null,
    userProfile: {
      displayName: 'Hub Manager (harness)',
      emailAddress: 'hub.manager@example.org',
      accountType: 'office365',
      timeZone: 'GMT Standard Time',
    },
    diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'harness' },
    convertToRestId: (id: string) => id,
    addHandlerAsync(type: string, handler: (arg: unknown) => void, ...rest: unknown[]) {
      if (type === 'olkItemSelectedChanged') itemChangedHandlers.add(handler);
      ok(callbackOf<void>(...rest), undefined);
    },
    removeHandlerAsync(type: string, ...rest: unknown[]) {
      if (type === 'olkItemSelectedChanged') itemChangedHandlers.clear();
      ok(callbackOf<void>(...rest), undefined);
    },
    masterCategories: {
      getAsync: (...rest: unknown[]) => ok(callbackOf(...rest), readJson(MASTER_KEY, [])),
      addAsync: (list: { displayName: string; color: string }[], ...rest: unknown[]) => {
        const master = readJson<{ displayName: string; color: string }[]>(MASTER_KEY, []);
        const cb = callbackOf<void>(...rest);
        if (SHARED_OWNER) return fail(cb, 9049, 'AccessDenied', "A delegate cannot change the owner's master category list.");
        if (list.some((c) => master.some((m) => m.displayName.toLowerCase() === c.displayName.toLowerCase()))) {
          return fail(cb, 9044, 'DuplicateCategory', 'The category is already in the master category list.');
        }
        writeJson(MASTER_KEY, [...master, ...list]);
        ok(cb, undefined);
      },
    },
  };
  const dark = new URLSearchParams(location.search).get('theme') === 'dark';
  const supported = new Set([
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '1.6',
    '1.7',
    '1.8',
    '1.9',
    '1.10',
    '1.11',
    '1.12',
    '1.13',
    ...(SHARED_OWNER ? [] : ['1.14']),
  ]);
  let ready: Promise<void> = Promise.resolve();
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    MailboxEnums: {
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    HostType: { Outlook: 'Outlook' },
    context: {
      mailbox,
      requirements: { isSetSupported: (name: string, version?: string) => name === 'Mailbox' && (!version || supported.has(version)) },
      officeTheme: dark
        ? {
            bodyBackgroundColor: '#1f1f1f',
            bodyForegroundColor: '#ffffff',
            controlBackgroundColor: '#292929',
            controlForegroundColor: '#ffffff',
          }
        : {
            bodyBackgroundColor: '#ffffff',
            bodyForegroundColor: '#242424',
            controlBackgroundColor: '#ffffff',
            controlForegroundColor: '#242424',
          },
      diagnostics: { host: 'Outlook', platform: 'OfficeOnline', version: 'harness' },
      ui: {
        displayDialogAsync: (_url: string, ...rest: unknown[]) =>
          fail(callbackOf(...rest), 12007, 'NotSupported', 'The harness has no Office dialog.'),
        messageParent: () => undefined,
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      return ready.then(() => {
        callback?.(info);
        return info;
      });
    },
  };
  (window as unknown as { Office: unknown }).Office = office;

  async function open(bytes: Uint8Array, itemId: string) {
    mailbox.item = await itemFromEml(bytes, itemId);
    for (const handler of itemChangedHandlers) handler({ type: 'olkItemSelectedChanged' });
  }
  window.hubHarnessShim = {
    open,
    close() {
      mailbox.item = null;
      for (const handler of itemChangedHandlers) handler({ type: 'olkItemSelectedChanged' });
    },
  };

  const emlUrl = new URLSearchParams(location.search).get('eml');
  if (emlUrl) {
    ready = fetch(emlUrl)
      .then((r) => r.arrayBuffer())
      .then(async (buffer) => {
        mailbox.item = await itemFromEml(new Uint8Array(buffer), `harness:${emlUrl}`);
      })
      .catch(() => undefined);
  }
}

installOffice();
