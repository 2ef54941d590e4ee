// Mailboxes for the local store: the part of Graph's Outlook mail API that intake from a mailbox
// uses, under /users/{address}/…: mail folders (well-known names, child folders), messages with
// $filter/$select/$top and next links, a message's MIME ($value), delta on a folder (next and
// delta links, @removed), categories (PATCH) and move. Kept in its own SQLite file beside the
// lists', seeded from .eml files. Each change takes the next number of one sequence, which is what
// delta tokens count.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { decodeSegment, graphBase, json, jsonBody, type Env, type StoreRequest, type StoreResponse } from './context';
import { badRequest, GraphError, methodNotAllowed, notFound, unknownSegment } from './errors';
import { applySelect, evaluateFilter, parseFilter, parseSelect, parseTop, type ValueKind } from './odata';
import { openDatabase, type Database } from './sqlite';

export const MAIL_DATABASE_FILE = 'mail-store.sqlite';
const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
const DEFAULT_DELTA_PAGE = 10;
const MAX_EML_BYTES = 60 * 1024 * 1024;

/** Folders every mailbox has, by their well-known names. */
const WELL_KNOWN: readonly [string, string][] = [
  ['inbox', 'Inbox'],
  ['archive', 'Archive'],
  ['drafts', 'Drafts'],
  ['sentitems', 'Sent Items'],
  ['deleteditems', 'Deleted Items'],
  ['junkemail', 'Junk Email'],
];

interface FolderRow {
  id: string;
  mailbox: string;
  parent_id: string | null;
  display_name: string;
  well_known: string | null;
}

interface MessageRow {
  id: string;
  mailbox: string;
  folder_id: string;
  seq: number;
  created: string;
  modified: string;
  received: string;
  subject: string;
  from_name: string;
  from_address: string;
  internet_message_id: string;
  has_attachments: number;
  categories: string;
  is_read: number;
  source_hash: string;
}

const META_COLUMNS =
  'id, mailbox, folder_id, seq, created, modified, received, subject, from_name, from_address, internet_message_id, has_attachments, categories, is_read, source_hash';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const newId = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class MailError extends Error {
  override name = 'MailError';
}

/** What the store reads from an .eml to list it: postal-mime, as the mail-files adapter uses. */
async function summarise(
  bytes: Uint8Array,
): Promise<Pick<MessageRow, 'received' | 'subject' | 'from_name' | 'from_address' | 'internet_message_id' | 'has_attachments'>> {
  if (bytes.byteLength > MAX_EML_BYTES) throw new MailError('The email is too large.');
  let email: PostalMime.Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', forceRfc822Attachments: true });
  } catch {
    throw new MailError('The email could not be read as a MIME message.');
  }
  const iso = (value: string | undefined) => {
    const t = value ? Date.parse(value) : NaN;
    return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  const received = email.headers.find((h) => h.key === 'received');
  const stamp = received ? iso(received.value.slice(received.value.lastIndexOf(';') + 1).trim()) : null;
  return {
    received: stamp ?? iso(email.headers.find((h) => h.key === 'date')?.value) ?? isoNow(),
    subject: email.subject ?? '',
    from_name: email.from?.name ?? '',
    from_address: email.from?.address ?? '',
    internet_message_id: email.messageId ?? '',
    has_attachments: email.attachments.some((a) => a.disposition !== 'inline') ? 1 : 0,
  };
}

export class MailStore {
  private readonly db: Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = openDatabase(path.join(dataDir, MAIL_DATABASE_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS mail_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS mail_folders (id TEXT PRIMARY KEY, mailbox TEXT NOT NULL, parent_id TEXT, display_name TEXT NOT NULL, well_known TEXT);
      CREATE INDEX IF NOT EXISTS mail_folders_mailbox ON mail_folders (mailbox, parent_id);
      CREATE TABLE IF NOT EXISTS mail_messages (
        id TEXT PRIMARY KEY, mailbox TEXT NOT NULL, folder_id TEXT NOT NULL, seq INTEGER NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, received TEXT NOT NULL, subject TEXT NOT NULL,
        from_name TEXT NOT NULL, from_address TEXT NOT NULL, internet_message_id TEXT NOT NULL,
        has_attachments INTEGER NOT NULL, categories TEXT NOT NULL, is_read INTEGER NOT NULL,
        source_hash TEXT NOT NULL, mime BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS mail_messages_folder_seq ON mail_messages (folder_id, seq);
      CREATE INDEX IF NOT EXISTS mail_messages_mailbox_id ON mail_messages (mailbox, id);
      CREATE INDEX IF NOT EXISTS mail_messages_mailbox_hash ON mail_messages (mailbox, source_hash);
      CREATE TABLE IF NOT EXISTS mail_removed (folder_id TEXT NOT NULL, message_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (folder_id, message_id));
      CREATE INDEX IF NOT EXISTS mail_removed_seq ON mail_removed (folder_id, seq);
    `);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  reset(): void {
    this.transaction(() => {
      for (const table of ['mail_meta', 'mail_folders', 'mail_messages', 'mail_removed']) this.db.exec(`DELETE FROM ${table}`);
    });
  }

  private nextSeq(): number {
    const row = this.db.prepare(`SELECT value FROM mail_meta WHERE key = 'seq'`).get() as { value: number } | undefined;
    const next = (row?.value ?? 0) + 1;
    this.db.prepare(`INSERT INTO mail_meta (key, value) VALUES ('seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(next);
    return next;
  }

  currentSeq(): number {
    return (this.db.prepare(`SELECT value FROM mail_meta WHERE key = 'seq'`).get() as { value: number } | undefined)?.value ?? 0;
  }

  hasMailbox(mailbox: string): boolean {
    return this.db.prepare('SELECT 1 FROM mail_folders WHERE mailbox = ? LIMIT 1').get(mailbox.toLowerCase()) !== undefined;
  }

  /** Creates the mailbox with its well-known folders (nothing if it exists). */
  ensureMailbox(address: string): void {
    const mailbox = address.toLowerCase();
    if (!/^[^@\s/]+@[^@\s/]+$/.test(mailbox)) throw new MailError(`"${address}" is not a mailbox address.`);
    this.transaction(() => {
      if (this.hasMailbox(mailbox)) return;
      for (const [wellKnown, name] of WELL_KNOWN) {
        this.db
          .prepare('INSERT INTO mail_folders (id, mailbox, parent_id, display_name, well_known) VALUES (?, ?, NULL, ?, ?)')
          .run(newId('AAMkF'), mailbox, name, wellKnown);
      }
    });
  }

  folder(mailbox: string, idOrWellKnown: string): FolderRow | null {
    return (
      (this.db
        .prepare('SELECT * FROM mail_folders WHERE mailbox = ? AND (id = ? OR well_known = ?)')
        .get(mailbox, idOrWellKnown, idOrWellKnown.toLowerCase()) as FolderRow | undefined) ?? null
    );
  }

  folders(mailbox: string, parentId: string | null): FolderRow[] {
    return (
      parentId === null
        ? this.db.prepare('SELECT * FROM mail_folders WHERE mailbox = ? AND parent_id IS NULL ORDER BY rowid')
        : this.db.prepare('SELECT * FROM mail_folders WHERE mailbox = ? AND parent_id = ? ORDER BY rowid')
    ).all(...(parentId === null ? [mailbox] : [mailbox, parentId])) as FolderRow[];
  }

  createFolder(mailbox: string, parentId: string | null, displayName: string): FolderRow {
    if (this.folders(mailbox, parentId).some((f) => f.display_name.toLowerCase() === displayName.toLowerCase())) {
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    const row: FolderRow = { id: newId('AAMkF'), mailbox, parent_id: parentId, display_name: displayName, well_known: null };
    this.db
      .prepare('INSERT INTO mail_folders (id, mailbox, parent_id, display_name, well_known) VALUES (?, ?, ?, ?, ?)')
      .run(row.id, mailbox, parentId, displayName, null);
    return row;
  }

  /** Adds an email (as received) to a folder; the same bytes already in the mailbox are not added twice. */
  async addMessage(address: string, bytes: Uint8Array, folder = 'inbox'): Promise<{ id: string; added: boolean }> {
    this.ensureMailbox(address);
    const mailbox = address.toLowerCase();
    const hash = createHash('sha256').update(bytes).digest('hex');
    const known = this.db.prepare('SELECT id FROM mail_messages WHERE mailbox = ? AND source_hash = ?').get(mailbox, hash) as
      { id: string } | undefined;
    if (known) return { id: known.id, added: false };
    const summary = await summarise(bytes);
    return this.transaction(() => {
      const target = this.folder(mailbox, folder);
      if (!target) throw new MailError(`The mailbox has no folder "${folder}".`);
      const id = newId('AAMkA');
      const now = isoNow();
      this.db
        .prepare(`INSERT INTO mail_messages (${META_COLUMNS}, mime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 0, ?, ?)`)
        .run(
          id,
          mailbox,
          target.id,
          this.nextSeq(),
          now,
          now,
          summary.received,
          summary.subject,
          summary.from_name,
          summary.from_address,
          summary.internet_message_id,
          summary.has_attachments,
          hash,
          Buffer.from(bytes),
        );
      return { id, added: true };
    });
  }

  /** Seeds a mailbox's inbox from the .eml files in a folder (recursively); returns how many were added. */
  async seed(address: string, dir: string): Promise<number> {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.eml$/i.test(entry.name)) files.push(full);
      }
    };
    walk(dir);
    this.ensureMailbox(address);
    let added = 0;
    for (const file of files) if ((await this.addMessage(address, new Uint8Array(fs.readFileSync(file)))).added) added++;
    return added;
  }

  message(mailbox: string, id: string): MessageRow | null {
    return (
      (this.db.prepare(`SELECT ${META_COLUMNS} FROM mail_messages WHERE mailbox = ? AND id = ?`).get(mailbox, id) as
        MessageRow | undefined) ?? null
    );
  }

  mime(id: string): Buffer {
    return (this.db.prepare('SELECT mime FROM mail_messages WHERE id = ?').get(id) as { mime: Buffer }).mime;
  }

  counts(folderId: string): { total: number; unread: number } {
    const row = this.db
      .prepare('SELECT COUNT(*) AS total, COALESCE(SUM(1 - is_read), 0) AS unread FROM mail_messages WHERE folder_id = ?')
      .get(folderId) as { total: number; unread: number };
    return { total: row.total, unread: row.unread };
  }

  messages(mailbox: string, folderId: string | null): MessageRow[] {
    return (
      folderId === null
        ? this.db.prepare(`SELECT ${META_COLUMNS} FROM mail_messages WHERE mailbox = ?`).all(mailbox)
        : this.db.prepare(`SELECT ${META_COLUMNS} FROM mail_messages WHERE mailbox = ? AND folder_id = ?`).all(mailbox, folderId)
    ) as MessageRow[];
  }

  /** Changes in a folder after a sequence number: messages there now, and messages that left. */
  changes(
    folderId: string,
    after: number,
    since: string | null,
    limit: number,
  ): { seq: number; message: MessageRow | null; removedId: string | null }[] {
    const present = this.db
      .prepare(
        `SELECT ${META_COLUMNS} FROM mail_messages WHERE folder_id = ? AND seq > ? ${since ? 'AND received >= ?' : ''} ORDER BY seq LIMIT ?`,
      )
      .all(...(since ? [folderId, after, since, limit] : [folderId, after, limit])) as MessageRow[];
    const removed = this.db
      .prepare('SELECT message_id, seq FROM mail_removed WHERE folder_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(folderId, after, limit) as { message_id: string; seq: number }[];
    return [
      ...present.map((m) => ({ seq: m.seq, message: m, removedId: null })),
      ...(after > 0 ? removed.map((r) => ({ seq: r.seq, message: null, removedId: r.message_id })) : []),
    ]
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  }

  setCategories(message: MessageRow, categories: string[]): void {
    this.db
      .prepare('UPDATE mail_messages SET categories = ?, seq = ?, modified = ? WHERE id = ?')
      .run(JSON.stringify(categories), this.nextSeq(), isoNow(), message.id);
  }

  setRead(message: MessageRow, isRead: boolean): void {
    this.db
      .prepare('UPDATE mail_messages SET is_read = ?, seq = ?, modified = ? WHERE id = ?')
      .run(isRead ? 1 : 0, this.nextSeq(), isoNow(), message.id);
  }

  /** Moves a message; as in Exchange it gets a new id, and its old folder records that it left. */
  move(message: MessageRow, destination: FolderRow): string {
    if (destination.id === message.folder_id) return message.id;
    const id = newId('AAMkA');
    this.db
      .prepare('INSERT OR REPLACE INTO mail_removed (folder_id, message_id, seq) VALUES (?, ?, ?)')
      .run(message.folder_id, message.id, this.nextSeq());
    this.db
      .prepare('UPDATE mail_messages SET id = ?, folder_id = ?, seq = ?, modified = ? WHERE id = ?')
      .run(id, destination.id, this.nextSeq(), isoNow(), message.id);
    return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Routes under /users/{address}

function renderFolder(store: MailStore, f: FolderRow): Record<string, unknown> {
  const counts = store.counts(f.id);
  return {
    id: f.id,
    displayName: f.display_name,
    parentFolderId: f.parent_id ?? `root-${f.mailbox}`,
    childFolderCount: store.folders(f.mailbox, f.id).length,
    unreadItemCount: counts.unread,
    totalItemCount: counts.total,
    isHidden: false,
    ...(f.well_known ? { wellKnownName: f.well_known } : {}),
  };
}

function renderMessage(m: MessageRow): Record<string, unknown> {
  const changeKey = createHash('sha1').update(`${m.id}|${m.seq}`).digest('base64').slice(0, 22);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: m.id,
    createdDateTime: m.created,
    lastModifiedDateTime: m.modified,
    changeKey,
    categories: JSON.parse(m.categories) as string[],
    receivedDateTime: m.received,
    sentDateTime: m.received,
    hasAttachments: m.has_attachments === 1,
    internetMessageId: m.internet_message_id,
    subject: m.subject,
    parentFolderId: m.folder_id,
    isRead: m.is_read === 1,
    from: { emailAddress: { name: m.from_name, address: m.from_address } },
  };
}

const MESSAGE_KINDS: Record<string, ValueKind> = {
  receivedDateTime: 'dateTime',
  sentDateTime: 'dateTime',
  createdDateTime: 'dateTime',
  lastModifiedDateTime: 'dateTime',
  hasAttachments: 'boolean',
  isRead: 'boolean',
  subject: 'string',
  internetMessageId: 'string',
  'from/emailAddress/address': 'string',
};

function filterMessages(rendered: Record<string, unknown>[], source: string | null): Record<string, unknown>[] {
  if (!source) return rendered;
  const expr = parseFilter(source);
  return rendered.filter((r) =>
    evaluateFilter(expr, {
      value: (p) => {
        if (!(p in MESSAGE_KINDS))
          throw badRequest(`Could not find a property named '${p}' on type 'microsoft.graph.message' that can be filtered here.`);
        return p.split('/').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), r);
      },
      kind: (p) => MESSAGE_KINDS[p] ?? 'other',
    }),
  );
}

interface PageToken {
  o: number;
}

interface DeltaToken {
  /** Folder id. */
  f: string;
  /** The sequence number already seen. */
  s: number;
  /** receivedDateTime ge, if the first request filtered on it. */
  g: string | null;
  /** $select of the first request. */
  x: string | null;
  /** Whether this continues a first round (a next link) or starts a new one (a delta link). */
  n: boolean;
}

const encodeToken = (t: unknown) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken<T>(raw: string): T {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as T;
  } catch {
    throw new GraphError(410, 'SyncStateNotFound', 'The sync state in the delta token is not valid or has expired.');
  }
}

function pageSize(req: StoreRequest, fallback: number): number {
  const prefer = /odata\.maxpagesize=(\d+)/i.exec(req.headers.prefer ?? '');
  if (prefer) return Math.min(Math.max(1, Number(prefer[1])), MAX_PAGE);
  return parseTop(req.query.get('$top'), fallback, MAX_PAGE);
}

function listMessages(env: Env, req: StoreRequest, mailbox: string, folder: FolderRow | null): StoreResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const store = env.mail!;
  const select = parseSelect(req.query.get('$select'));
  const top = pageSize(req, DEFAULT_PAGE);
  const skip = req.query.get('$skiptoken');
  const offset = skip ? decodeToken<PageToken>(skip).o : 0;
  const all = filterMessages(
    store
      .messages(mailbox, folder?.id ?? null)
      .sort((a, b) => (a.received === b.received ? a.seq - b.seq : a.received < b.received ? 1 : -1))
      .map(renderMessage),
    req.query.get('$filter'),
  );
  const page = all.slice(offset, offset + top);
  const out: Record<string, unknown> = {
    '@odata.context': `${graphBase(env)}/$metadata#users('${mailbox}')/messages`,
    value: page.map((m) => applySelect(m, select, ['id'])),
  };
  if (offset + top < all.length) {
    const next = new URL(req.requestUrl);
    next.searchParams.set('$skiptoken', encodeToken({ o: offset + top } satisfies PageToken));
    out['@odata.nextLink'] = next.toString();
  }
  return json(200, out);
}

function delta(env: Env, req: StoreRequest, mailbox: string, folder: FolderRow): StoreResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const store = env.mail!;
  const raw = req.query.get('$deltatoken') ?? req.query.get('$skiptoken');
  let token: DeltaToken;
  if (raw) {
    token = decodeToken<DeltaToken>(raw);
    if (token.f !== folder.id) throw new GraphError(410, 'SyncStateNotFound', 'The delta token belongs to another folder.');
  } else {
    let since: string | null = null;
    const filter = req.query.get('$filter');
    if (filter) {
      const ge = /^\s*receivedDateTime\s+ge\s+'?([0-9T:.+\-Z]+)'?\s*$/i.exec(filter);
      if (!ge || Number.isNaN(Date.parse(ge[1]!)))
        throw badRequest('Delta on messages supports only $filter=receivedDateTime ge {date}.', 'ErrorInvalidUrlQueryFilter');
      since = new Date(Date.parse(ge[1]!)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    token = { f: folder.id, s: 0, g: since, x: req.query.get('$select'), n: true };
  }
  const select = parseSelect(token.x);
  const size = pageSize(req, DEFAULT_DELTA_PAGE);
  const changes = store.changes(folder.id, token.s, token.g, size + 1);
  const page = changes.slice(0, size);
  const last = page.length ? page[page.length - 1]!.seq : token.s;
  const value = page.map((c) =>
    c.message
      ? applySelect(renderMessage(c.message), select, ['id'])
      : { '@odata.type': '#microsoft.graph.message', id: c.removedId, '@removed': { reason: 'deleted' } },
  );
  const link = `${graphBase(env)}/users/${encodeURIComponent(mailbox)}/mailFolders/${encodeURIComponent(folder.id)}/messages/delta`;
  const out: Record<string, unknown> = { '@odata.context': `${graphBase(env)}/$metadata#Collection(message)`, value };
  if (changes.length > size)
    out['@odata.nextLink'] = `${link}?$skiptoken=${encodeToken({ ...token, s: last, n: true } satisfies DeltaToken)}`;
  else
    out['@odata.deltaLink'] =
      `${link}?$deltatoken=${encodeToken({ ...token, s: Math.max(last, store.currentSeq()), n: false } satisfies DeltaToken)}`;
  return json(200, out);
}

function messageRoute(env: Env, req: StoreRequest, mailbox: string, message: MessageRow, rest: string[]): StoreResponse {
  const store = env.mail!;
  if (rest.length === 0) {
    if (req.method === 'GET') return json(200, applySelect(renderMessage(message), parseSelect(req.query.get('$select')), ['id']));
    if (req.method === 'PATCH') {
      const body = jsonBody(req);
      if (!isRecord(body)) throw badRequest('The body must be a message object.');
      for (const key of Object.keys(body)) {
        if (key === 'categories') {
          if (!Array.isArray(body.categories) || !body.categories.every((c) => typeof c === 'string'))
            throw badRequest("'categories' must be an array of strings.");
          store.setCategories(message, [...new Set(body.categories)]);
        } else if (key === 'isRead') {
          if (typeof body.isRead !== 'boolean') throw badRequest("'isRead' must be true or false.");
          store.setRead(message, body.isRead);
        } else throw badRequest(`The local store cannot change the property '${key}' of a message.`);
      }
      return json(200, renderMessage(store.message(mailbox, message.id)!));
    }
    throw methodNotAllowed();
  }
  if (rest.length === 1 && rest[0] === '$value') {
    if (req.method !== 'GET') throw methodNotAllowed();
    return { status: 200, headers: { 'Content-Type': 'message/rfc822' }, raw: store.mime(message.id) };
  }
  if (rest.length === 1 && rest[0]!.toLowerCase() === 'move') {
    if (req.method !== 'POST') throw methodNotAllowed();
    const body = jsonBody(req);
    if (!isRecord(body) || typeof body.destinationId !== 'string')
      throw badRequest('The body must be { destinationId }: a folder id or a well-known folder name.');
    const destination = store.folder(mailbox, body.destinationId);
    if (!destination) throw notFound('The destination folder could not be found.', 'ErrorItemNotFound');
    const id = store.move(message, destination);
    return json(201, renderMessage(store.message(mailbox, id)!));
  }
  throw unknownSegment(rest[0]!);
}

function messagesRoute(env: Env, req: StoreRequest, mailbox: string, folder: FolderRow | null, rest: string[]): StoreResponse {
  const store = env.mail!;
  if (rest.length === 0) return listMessages(env, req, mailbox, folder);
  if (rest[0] === 'delta' && rest.length === 1) {
    if (!folder) throw badRequest('Delta is served on a folder: /mailFolders/{id}/messages/delta.');
    return delta(env, req, mailbox, folder);
  }
  const message = store.message(mailbox, rest[0]!);
  if (!message || (folder && message.folder_id !== folder.id))
    throw notFound('The specified object was not found in the store.', 'ErrorItemNotFound');
  return messageRoute(env, req, mailbox, message, rest.slice(1));
}

function folderCollection(env: Env, req: StoreRequest, mailbox: string, parentId: string | null): StoreResponse {
  const store = env.mail!;
  if (req.method === 'POST') {
    const body = jsonBody(req);
    if (!isRecord(body) || typeof body.displayName !== 'string' || body.displayName.trim() === '')
      throw badRequest("A folder needs a 'displayName'.");
    return json(201, renderFolder(store, store.createFolder(mailbox, parentId, body.displayName.trim())));
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  let folders = store.folders(mailbox, parentId).map((f) => renderFolder(store, f));
  const filter = req.query.get('$filter');
  if (filter) {
    const expr = parseFilter(filter);
    folders = folders.filter((f) =>
      evaluateFilter(expr, {
        value: (p) => f[p],
        kind: (p) => (p === 'displayName' ? 'string' : typeof f[p] === 'number' ? 'number' : 'other'),
      }),
    );
  }
  const top = parseTop(req.query.get('$top'), 10, MAX_PAGE);
  return json(200, {
    '@odata.context': `${graphBase(env)}/$metadata#users('${mailbox}')/mailFolders`,
    value: folders.slice(0, top).map((f) => applySelect(f, parseSelect(req.query.get('$select')), ['id'])),
  });
}

function folderRoute(env: Env, req: StoreRequest, mailbox: string, segments: string[]): StoreResponse {
  const store = env.mail!;
  if (segments.length === 0) return folderCollection(env, req, mailbox, null);
  let folder = store.folder(mailbox, segments[0]!);
  let i = 1;
  // mailFolders/{id}/childFolders/{id}/… to any depth.
  while (folder && segments[i] === 'childFolders') {
    if (segments.length === i + 1) return folderCollection(env, req, mailbox, folder.id);
    const child = store.folder(mailbox, segments[i + 1]!);
    folder = child && child.parent_id === folder.id ? child : null;
    i += 2;
  }
  if (!folder) throw notFound('The specified folder could not be found in the store.', 'ErrorItemNotFound');
  const rest = segments.slice(i);
  if (rest.length === 0) {
    if (req.method !== 'GET') throw methodNotAllowed();
    return json(200, applySelect(renderFolder(store, folder), parseSelect(req.query.get('$select')), ['id']));
  }
  if (rest[0] === 'messages') return messagesRoute(env, req, mailbox, folder, rest.slice(1));
  throw unknownSegment(rest[0]!);
}

/** Serves /users/{address}/… (mail); throws GraphError for Graph's error responses. */
export function handleMail(env: Env, req: StoreRequest): StoreResponse {
  const segments = req.path.split('/').slice(2).map(decodeSegment);
  const address = (segments[0] ?? '').toLowerCase();
  // Only a mailbox is served under /users: the directory's list of users is not.
  if (!address) throw unknownSegment('users');
  if (!env.mail || !env.mail.hasMailbox(address)) {
    throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${address}' is invalid.`);
  }
  const [kind, ...rest] = segments.slice(1);
  const mail = env.mail;
  return mail.transaction(() => {
    if (kind === 'mailFolders') return folderRoute(env, req, address, rest);
    if (kind === 'messages') return messagesRoute(env, req, address, null, rest);
    throw unknownSegment(kind ?? '');
  });
}
