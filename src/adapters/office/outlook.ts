// The only code that touches Office.js: the message being read (its envelope and its
// attachments' content), its categories, the reply form, and the item changing under a pinned
// pane. The task pane gets plain functions from here and never sees `Office`.
/// <reference types="office-js" />
import type { Attachment, Mailbox, Message } from '../../core/message';
import { base64ToBytes } from './base64';
import { officeAsync, officeSync } from './call';
import { NoItemError, OfficeCallError, UnsupportedError } from './errors';

/** The message's envelope (receivedAt: when the item arrived in the mailbox), and Outlook's id of it. */
export type Envelope = Omit<Message, 'attachments' | 'attachedMessages'> & {
  /** Outlook's id of the item (EWS form), or null when Outlook gives none. */
  readonly itemId: string | null;
};

export interface AttachmentInfo {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  /** file: a file's bytes; item: an attached email (or meeting); cloud: a link to a file. */
  readonly kind: 'file' | 'item' | 'cloud';
  readonly isInline: boolean;
}

/**
 * What the pane may need beyond Outlook (Graph): an attached email Outlook returns nothing for, the
 * whole email where Mailbox 1.14 is missing. `owner` is the shared mailbox's address when the item
 * is in a shared folder or mailbox (the call must go to that mailbox), null for the user's own.
 */
export interface MailFallback {
  /** The MIME (.eml) of an attachment of a message, by the message's and the attachment's REST ids. */
  attachedItemMime(messageRestId: string, attachmentRestId: string, owner: string | null): Promise<string | null>;
  /** The MIME (.eml) of a message by its REST id. */
  messageMime(messageRestId: string, owner: string | null): Promise<Uint8Array | null>;
}

/** The item is in someone else's mailbox: a shared mailbox, or a folder shared by delegation. */
export interface SharedMailbox {
  /** The owner's address: Graph calls for the item go to /users/{owner}. */
  readonly owner: string;
  /** Where Outlook reaches the owner's mailbox (may differ by client); kept for support. */
  readonly targetMailbox: string;
  /** What this user may do there (Office's DelegatePermissions flags, read as words). */
  readonly permissions: { readonly read: boolean; readonly write: boolean; readonly editAll: boolean };
}

/** Turns an attached email's MIME into the core's message (the mail-files adapter, wired by the pane). */
export type ReadAttachedEmail = (eml: string) => Promise<Message>;

/** One of the Outlook category colours: Preset0 (red) … Preset24. */
export type CategoryColor = `Preset${number}`;

export interface OutlookMailbox {
  /** A key for the item in the reading pane (its id, or its Message-ID), null when none is selected. */
  itemKey(): string | null;
  envelope(): Envelope;
  attachments(): AttachmentInfo[];
  /** The message as the core reads it: envelope, Word attachments' bytes, attached emails read. */
  readMessage(): Promise<Message>;
  /** The whole email as received (.eml bytes), for filing. */
  emailFile(): Promise<Uint8Array>;
  categories(): Promise<string[]>;
  addCategories(names: readonly string[]): Promise<void>;
  removeCategories(names: readonly string[]): Promise<void>;
  /**
   * Adds to the mailbox's master list those of the categories that are not there yet, and returns
   * the names still missing. In a shared folder or mailbox the list is the owner's, which a
   * delegate can read but not change (Office's MasterCategories): nothing is added there, and the
   * missing names are returned.
   */
  ensureMasterCategories(categories: readonly { name: string; color: CategoryColor }[]): Promise<{ missing: string[] }>;
  /** Whether the item is in a shared folder or mailbox, and whose: null for the user's own mailbox. */
  sharedMailbox(): Promise<SharedMailbox | null>;
  /** Opens a reply draft to the sender with this HTML body (displayReplyForm). */
  reply(htmlBody: string): void;
  /** The signed-in user's name and address. */
  user(): { name: string; address: string };
  /**
   * Calls `onChange` when the item may have changed: Outlook's ItemChanged event (pinned pane), and,
   * because that event does not always come, whenever the pane regains focus or becomes visible.
   * Returns a function that stops watching.
   */
  watchItem(
    onChange: () => void,
    target?: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
      document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
    },
  ): Promise<() => Promise<void>>;
}

type ReadItem = Office.MessageRead;

function mailbox(details: Office.EmailAddressDetails | null | undefined): Mailbox | null {
  if (!details?.emailAddress) return null;
  return { name: details.displayName ?? '', address: details.emailAddress.toLowerCase() };
}

const mailboxes = (list: readonly Office.EmailAddressDetails[] | null | undefined) =>
  (list ?? []).map(mailbox).filter((m): m is Mailbox => m !== null);

const FORM_NAME = /\.(docx|docm|dotx|dotm|doc|dot|odt|ott|rtf|pdf|zip)$/i;
const FORM_TYPES = /officedocument\.wordprocessingml|msword|ms-word|opendocument\.text|rtf|pdf|zip/i;

/**
 * Whether an attachment may hold a form (any format the core reads, or a zip of forms), so its
 * content is worth fetching: the core's own test (mayHoldForm in core/documents), repeated here so
 * that the first screen does not load the checker to know it; a test keeps the two the same.
 */
export function mightBeWordForm(attachment: { name: string; contentType: string }): boolean {
  if (FORM_NAME.test(attachment.name)) return true;
  return !/\.[a-z0-9]{2,5}$/i.test(attachment.name) && FORM_TYPES.test(attachment.contentType);
}

function attachmentKind(type: unknown): AttachmentInfo['kind'] {
  const t = String(type).toLowerCase();
  return t === 'item' ? 'item' : t === 'cloud' ? 'cloud' : 'file';
}

/** Office's DelegatePermissions flags. */
const PERMISSION = { read: 1, write: 2, editAll: 32 } as const;

export function createOutlookMailbox(
  office: typeof Office,
  fallback?: MailFallback,
  readAttachedEmail?: ReadAttachedEmail,
): OutlookMailbox {
  const box = () => office.context.mailbox;
  const item = (): ReadItem => {
    const current = box()?.item as ReadItem | null | undefined;
    if (!current) throw new NoItemError();
    return current;
  };
  const supports = (version: string) => {
    try {
      return office.context.requirements.isSetSupported('Mailbox', version);
    } catch {
      return false;
    }
  };
  const restId = (id: string) =>
    officeSync('mailbox.convertToRestId', () => box().convertToRestId(id, office.MailboxEnums?.RestVersion?.v2_0 ?? 'v2.0'));

  function envelope(): Envelope {
    const current = item();
    const created = current.dateTimeCreated as Date | string | undefined;
    const receivedAt = created ? new Date(created).toISOString() : null;
    return {
      itemId: current.itemId ?? null,
      subject: typeof current.subject === 'string' ? current.subject : '',
      from: mailbox(current.from),
      to: mailboxes(current.to),
      cc: mailboxes(current.cc),
      receivedAt,
      internetMessageId: current.internetMessageId || null,
    };
  }

  function attachments(): AttachmentInfo[] {
    return (item().attachments ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      contentType: a.contentType ?? '',
      size: a.size ?? 0,
      kind: attachmentKind(a.attachmentType),
      isInline: Boolean(a.isInline),
    }));
  }

  async function attachmentContent(id: string): Promise<Office.AttachmentContent> {
    const current = item();
    return officeAsync<Office.AttachmentContent>('item.getAttachmentContentAsync', (cb) => current.getAttachmentContentAsync(id, cb));
  }

  async function attachedEmail(info: AttachmentInfo, itemId: string | null): Promise<string | null> {
    let content: Office.AttachmentContent | null = null;
    try {
      content = await attachmentContent(info.id);
    } catch (error) {
      if (!(error instanceof OfficeCallError) || !fallback || !itemId) throw error;
    }
    if (content && String(content.format).toLowerCase() === 'eml' && content.content) return content.content;
    if (fallback && itemId) return fallback.attachedItemMime(restId(itemId), restId(info.id), (await sharedMailbox())?.owner ?? null);
    return null;
  }

  // Asked once per item: Outlook answers from the item, and every Graph call for it needs it.
  let shared: { key: string | null; value: Promise<SharedMailbox | null> } | null = null;
  function sharedMailbox(): Promise<SharedMailbox | null> {
    const key = itemKey();
    if (shared && shared.key === key) return shared.value;
    const value = readShared();
    shared = { key, value };
    return value;
  }

  async function readShared(): Promise<SharedMailbox | null> {
    const current = box()?.item as
      (ReadItem & { getSharedPropertiesAsync?: (cb: (r: Office.AsyncResult<Office.SharedProperties>) => void) => void }) | null | undefined;
    // Shared folders came with Mailbox 1.8, shared mailboxes with 1.13. The method is missing in
    // some clients (new Outlook: office-js#4619; some classic builds: #6651) and outside shared
    // folders (#778); a shared mailbox added as an account of its own also answers nothing (#5682),
    // but there the signed-in mailbox is the shared one, so /me is right.
    if (!current || !supports('1.8') || typeof current.getSharedPropertiesAsync !== 'function') return null;
    try {
      const props = await officeAsync<Office.SharedProperties>('item.getSharedPropertiesAsync', (cb) =>
        current.getSharedPropertiesAsync(cb),
      );
      if (!props?.owner) return null;
      const flags = Number(props.delegatePermissions) || 0;
      return {
        owner: props.owner.toLowerCase(),
        targetMailbox: props.targetMailbox ?? '',
        permissions: {
          read: (flags & PERMISSION.read) !== 0,
          write: (flags & PERMISSION.write) !== 0,
          editAll: (flags & PERMISSION.editAll) !== 0,
        },
      };
    } catch {
      // Failing is how Outlook says the item is not shared.
      return null;
    }
  }

  async function readMessage(): Promise<Message> {
    const env = envelope();
    // Every attachment's content is asked for at once (each is a round trip to the mail server),
    // and kept in the email's order.
    const read = await Promise.all(
      attachments().map(async (info): Promise<Attachment | Message | null> => {
        if (info.isInline || info.kind === 'cloud') return null;
        if (info.kind === 'item') {
          const eml = readAttachedEmail ? await attachedEmail(info, env.itemId) : null;
          if (!eml) return null;
          return readAttachedEmail!(eml);
        }
        // Only files that may hold a form are read; other files are listed without their bytes.
        if (!mightBeWordForm(info)) return { name: info.name, contentType: info.contentType, bytes: new Uint8Array() };
        const content = await attachmentContent(info.id);
        const bytes = String(content.format).toLowerCase() === 'base64' ? base64ToBytes(content.content) : new Uint8Array();
        return { name: info.name, contentType: info.contentType, bytes };
      }),
    );
    const files = read.filter((r): r is Attachment => r !== null && 'bytes' in r);
    const attachedMessages = read.filter((r): r is Message => r !== null && 'attachments' in r);
    const { subject, from, to, cc, receivedAt, internetMessageId } = env;
    return {
      subject,
      from,
      to,
      cc,
      receivedAt,
      internetMessageId,
      attachments: files,
      ...(attachedMessages.length ? { attachedMessages } : {}),
    };
  }

  async function emailFile(): Promise<Uint8Array> {
    const current = item() as ReadItem & { getAsFileAsync?: (cb: (r: Office.AsyncResult<string>) => void) => void };
    if (supports('1.14') && typeof current.getAsFileAsync === 'function') {
      const base64 = await officeAsync<string>('item.getAsFileAsync', (cb) => current.getAsFileAsync(cb));
      return base64ToBytes(base64);
    }
    if (fallback && current.itemId) {
      const mime = await fallback.messageMime(restId(current.itemId), (await sharedMailbox())?.owner ?? null);
      if (mime) return mime;
    }
    throw new UnsupportedError('Reading the whole email', 'Mailbox 1.14 (or Microsoft Graph)');
  }

  async function categories(): Promise<string[]> {
    const current = item();
    const list = await officeAsync<Office.CategoryDetails[]>('item.categories.getAsync', (cb) => current.categories.getAsync(cb));
    return (list ?? []).map((c) => c.displayName);
  }

  async function addCategories(names: readonly string[]): Promise<void> {
    if (!names.length) return;
    const current = item();
    await officeAsync<void>('item.categories.addAsync', (cb) => current.categories.addAsync([...names], cb));
  }

  async function removeCategories(names: readonly string[]): Promise<void> {
    if (!names.length) return;
    const current = item();
    await officeAsync<void>('item.categories.removeAsync', (cb) => current.categories.removeAsync([...names], cb));
  }

  async function ensureMasterCategories(wanted: readonly { name: string; color: CategoryColor }[]): Promise<{ missing: string[] }> {
    const master = box().masterCategories;
    const have = await officeAsync<Office.CategoryDetails[]>('mailbox.masterCategories.getAsync', (cb) => master.getAsync(cb));
    const names = new Set((have ?? []).map((c) => c.displayName.toLowerCase()));
    const missing = wanted.filter((c) => !names.has(c.name.toLowerCase()));
    if (!missing.length) return { missing: [] };
    // A delegate cannot add to the owner's master list: say what is missing instead of failing.
    if (await sharedMailbox()) return { missing: missing.map((c) => c.name) };
    const details = missing.map((c) => ({ displayName: c.name, color: c.color as unknown as Office.MailboxEnums.CategoryColor }));
    await officeAsync<void>('mailbox.masterCategories.addAsync', (cb) => master.addAsync(details, cb));
    return { missing: [] };
  }

  function reply(htmlBody: string): void {
    const current = item();
    officeSync('item.displayReplyForm', () => current.displayReplyForm({ htmlBody }));
  }

  function user() {
    const profile = box()?.userProfile;
    return { name: profile?.displayName ?? '', address: (profile?.emailAddress ?? '').toLowerCase() };
  }

  async function watchItem(
    onChange: () => void,
    target: Parameters<OutlookMailbox['watchItem']>[1] = globalThis,
  ): Promise<() => Promise<void>> {
    const itemChanged = office.EventType?.ItemChanged ?? ('olkItemSelectedChanged' as unknown as Office.EventType);
    let registered = false;
    if (supports('1.5')) {
      await officeAsync<void>('mailbox.addHandlerAsync', (cb) => box().addHandlerAsync(itemChanged, () => onChange(), cb));
      registered = true;
    }
    const onFocus = () => onChange();
    const onVisible = () => {
      if (target.document?.visibilityState !== 'hidden') onChange();
    };
    target.addEventListener('focus', onFocus);
    target.document?.addEventListener('visibilitychange', onVisible);
    return async () => {
      target.removeEventListener('focus', onFocus);
      target.document?.removeEventListener('visibilitychange', onVisible);
      if (registered) await officeAsync<void>('mailbox.removeHandlerAsync', (cb) => box().removeHandlerAsync(itemChanged, cb));
    };
  }

  function itemKey(): string | null {
    const current = box()?.item as ReadItem | null | undefined;
    if (!current) return null;
    return current.itemId || current.internetMessageId || null;
  }

  return {
    itemKey,
    envelope,
    attachments,
    readMessage,
    emailFile,
    categories,
    addCategories,
    removeCategories,
    ensureMasterCategories,
    sharedMailbox,
    reply,
    user,
    watchItem,
  };
}
