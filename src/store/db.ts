// Persistence for the local store: one SQLite file (WAL, synchronous=FULL) holding lists, columns,
// items, drive items with their bytes as blobs of at most PIECE_BYTES (file_pieces), and upload
// sessions with their received bytes in the same pieces (upload_chunks). Files are written, hashed
// and read piece by piece, so no file is ever whole in memory.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openDatabase, type Database } from './sqlite';
import { builtinColumns, type ColumnDefinition, type ListTemplate } from './columns';
import type { Content } from './context';
import { QuickXorHasher } from './quickxor';

export const SITE_HOSTNAME = 'localhost';
export const SITE_COLLECTION_ID = '00000000-0000-0000-0000-000000000001';
export const WEB_ID = '00000000-0000-0000-0000-000000000002';
export const SITE_ID = `${SITE_HOSTNAME},${SITE_COLLECTION_ID},${WEB_ID}`;
export const SITE_PATH = '/sites/hub-intake';
export const SITE_NAME = 'hub-intake';
export const SITE_DISPLAY_NAME = 'Hub Intake (local)';
export const DEFAULT_LIBRARY = { displayName: 'Documents', name: 'Shared Documents' };
export const DATABASE_FILE = 'graph-store.sqlite';

export interface ListRecord {
  id: string;
  displayName: string;
  name: string;
  description: string;
  template: ListTemplate;
  created: string;
  modified: string;
  version: number;
  nextItemId: number;
  driveId: string | null;
  isDefaultLibrary: boolean;
}

export interface ItemRecord {
  listId: string;
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
}

export interface DriveItemRecord {
  id: string;
  listId: string;
  parentId: string | null;
  name: string;
  isFolder: boolean;
  size: number;
  mimeType: string | null;
  quickXorHash: string | null;
  guid: string;
  version: number;
  created: string;
  modified: string;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface UploadSessionRecord {
  id: string;
  listId: string;
  /** The folder the relative path starts from, or the file being replaced when relativePath is empty. */
  baseItemId: string;
  relativePath: string[];
  conflict: ConflictBehavior;
  deferCommit: boolean;
  total: number | null;
  received: number;
  expires: string;
  created: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  template TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  version INTEGER NOT NULL,
  next_item_id INTEGER NOT NULL,
  drive_id TEXT UNIQUE,
  is_default_library INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS lists_display_name ON lists(display_name COLLATE NOCASE);
CREATE UNIQUE INDEX IF NOT EXISTS lists_name ON lists(name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS columns (
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS columns_name ON columns(list_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  fields TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  parent_id TEXT,
  name TEXT NOT NULL,
  is_folder INTEGER NOT NULL,
  size INTEGER NOT NULL,
  mime_type TEXT,
  quick_xor_hash TEXT,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  content BLOB
);
CREATE UNIQUE INDEX IF NOT EXISTS drive_items_child ON drive_items(list_id, parent_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS file_pieces (
  item_id TEXT NOT NULL REFERENCES drive_items(id) ON DELETE CASCADE,
  offset INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (item_id, offset)
);
CREATE TABLE IF NOT EXISTS upload_sessions (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  base_item_id TEXT NOT NULL,
  relative_path TEXT NOT NULL,
  conflict TEXT NOT NULL,
  defer_commit INTEGER NOT NULL,
  total INTEGER,
  received INTEGER NOT NULL,
  expires TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS upload_chunks (
  session_id TEXT NOT NULL REFERENCES upload_sessions(id) ON DELETE CASCADE,
  offset INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (session_id, offset)
);
`;

interface ListRow {
  id: string;
  display_name: string;
  name: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  version: number;
  next_item_id: number;
  drive_id: string | null;
  is_default_library: number;
}

interface ItemRow {
  list_id: string;
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: string;
}

interface DriveItemRow {
  id: string;
  list_id: string;
  parent_id: string | null;
  name: string;
  is_folder: number;
  size: number;
  mime_type: string | null;
  quick_xor_hash: string | null;
  guid: string;
  version: number;
  created: string;
  modified: string;
}

interface UploadSessionRow {
  id: string;
  list_id: string;
  base_item_id: string;
  relative_path: string;
  conflict: string;
  defer_commit: number;
  total: number | null;
  received: number;
  expires: string;
  created: string;
}

const toList = (r: ListRow): ListRecord => ({
  id: r.id,
  displayName: r.display_name,
  name: r.name,
  description: r.description,
  template: r.template as ListTemplate,
  created: r.created,
  modified: r.modified,
  version: r.version,
  nextItemId: r.next_item_id,
  driveId: r.drive_id,
  isDefaultLibrary: r.is_default_library === 1,
});

const toItem = (r: ItemRow): ItemRecord => ({
  listId: r.list_id,
  id: r.id,
  guid: r.guid,
  version: r.version,
  created: r.created,
  modified: r.modified,
  fields: JSON.parse(r.fields) as Record<string, unknown>,
});

const DRIVE_ITEM_COLUMNS = 'id, list_id, parent_id, name, is_folder, size, mime_type, quick_xor_hash, guid, version, created, modified';

const toDriveItem = (r: DriveItemRow): DriveItemRecord => ({
  id: r.id,
  listId: r.list_id,
  parentId: r.parent_id,
  name: r.name,
  isFolder: r.is_folder === 1,
  size: r.size,
  mimeType: r.mime_type,
  quickXorHash: r.quick_xor_hash,
  guid: r.guid,
  version: r.version,
  created: r.created,
  modified: r.modified,
});

const toSession = (r: UploadSessionRow): UploadSessionRecord => ({
  id: r.id,
  listId: r.list_id,
  baseItemId: r.base_item_id,
  relativePath: JSON.parse(r.relative_path) as string[],
  conflict: r.conflict as ConflictBehavior,
  deferCommit: r.defer_commit === 1,
  total: r.total,
  received: r.received,
  expires: r.expires,
  created: r.created,
});

/** Graph's timestamp form: UTC, whole seconds. */
export function nowStamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ''), 'hex');
}

/** A drive id in SharePoint's form: "b!" + base64url(site collection id, web id, list id). */
export function driveIdFor(listId: string): string {
  return `b!${Buffer.concat([guidBytes(SITE_COLLECTION_ID), guidBytes(WEB_ID), guidBytes(listId)]).toString('base64url')}`;
}

/** A new, empty folder of a library (its root, or one made inside another folder). */
export function newFolderRecord(listId: string, parentId: string | null, name: string, now = nowStamp()): DriveItemRecord {
  return {
    id: newDriveItemId(),
    listId,
    parentId,
    name,
    isFolder: true,
    size: 0,
    mimeType: null,
    quickXorHash: null,
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
  };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A driveItem id in SharePoint's form: "01" followed by 32 base32 characters. */
export function newDriveItemId(): string {
  const bytes = randomBytes(20);
  let out = '01';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export class StoreDatabase {
  readonly sqlite: Database;
  readonly file: string;
  /**
   * Each list's items, parsed, kept in step with every write: a query reads them from here rather
   * than parsing every item's fields again (which made filing a mailbox of thousands quadratic).
   * A transaction that fails drops the lists it wrote to, which are read afresh next time.
   */
  private readonly itemCache = new Map<string, Map<number, ItemRecord>>();
  private written: Set<string> | null = null;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, DATABASE_FILE);
    this.sqlite = openDatabase(this.file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.exec(SCHEMA);
    this.transaction(() => {
      // Files stored whole in drive_items.content by earlier versions become one piece each.
      this.sqlite
        .exec(`INSERT OR IGNORE INTO file_pieces (item_id, offset, bytes) SELECT id, 0, content FROM drive_items WHERE content IS NOT NULL AND length(content) > 0;
        UPDATE drive_items SET content = NULL WHERE content IS NOT NULL;`);
      this.seed();
    });
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }

  /** Runs fn in one transaction: everything it writes is committed together, or not at all if it throws. */
  transaction<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    const written = (this.written = new Set());
    try {
      return this.sqlite.transaction(fn)();
    } catch (error) {
      for (const listId of written) this.itemCache.delete(listId);
      throw error;
    } finally {
      this.written = null;
    }
  }

  /** Keeps the parsed items in step with a write (undefined: the item is gone). */
  private cacheItem(listId: string, id: number, record: ItemRecord | undefined): void {
    this.written?.add(listId);
    const cached = this.itemCache.get(listId);
    if (!cached) return;
    if (record)
      cached.set(id, record); // ids only grow, so a new one goes last, in id order
    else cached.delete(id);
  }

  private seed(): void {
    const created = this.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get('site_created') as { value: string } | undefined;
    if (!created) this.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('site_created', nowStamp());
    const library = this.sqlite.prepare('SELECT id FROM lists WHERE is_default_library = 1').get();
    if (!library)
      this.createList({
        displayName: DEFAULT_LIBRARY.displayName,
        name: DEFAULT_LIBRARY.name,
        description: '',
        template: 'documentLibrary',
        columns: [],
        isDefaultLibrary: true,
      });
  }

  get siteCreated(): string {
    const row = this.sqlite.prepare('SELECT value FROM meta WHERE key = ?').get('site_created') as { value: string } | undefined;
    return row?.value ?? nowStamp();
  }

  /** Deletes every list, item and file, then seeds the default site again. */
  reset(): void {
    this.transaction(() => {
      this.sqlite.exec(
        'DELETE FROM upload_chunks; DELETE FROM upload_sessions; DELETE FROM file_pieces; DELETE FROM drive_items; DELETE FROM items; DELETE FROM columns; DELETE FROM lists; DELETE FROM meta;',
      );
      this.seed();
    });
    this.itemCache.clear();
  }

  // ---- lists

  lists(): ListRecord[] {
    return (this.sqlite.prepare('SELECT * FROM lists ORDER BY seq').all() as ListRow[]).map(toList);
  }

  list(id: string): ListRecord | undefined {
    const row = this.sqlite.prepare('SELECT * FROM lists WHERE id = ? COLLATE NOCASE').get(id) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  /** A list by id, then by display name, then by URL name (both case-insensitive). */
  findList(idOrTitle: string): ListRecord | undefined {
    const row = (this.sqlite.prepare('SELECT * FROM lists WHERE id = ? COLLATE NOCASE').get(idOrTitle) ??
      this.sqlite.prepare('SELECT * FROM lists WHERE display_name = ? COLLATE NOCASE').get(idOrTitle) ??
      this.sqlite.prepare('SELECT * FROM lists WHERE name = ? COLLATE NOCASE').get(idOrTitle)) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  listByDriveId(driveId: string): ListRecord | undefined {
    const row = this.sqlite.prepare('SELECT * FROM lists WHERE drive_id = ?').get(driveId) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  defaultLibrary(): ListRecord {
    const row = this.sqlite.prepare('SELECT * FROM lists WHERE is_default_library = 1').get() as ListRow | undefined;
    if (!row) throw new Error('The default document library is missing.');
    return toList(row);
  }

  isNameTaken(name: string): boolean {
    return this.sqlite.prepare('SELECT 1 FROM lists WHERE name = ? COLLATE NOCASE').get(name) !== undefined;
  }

  createList(input: {
    displayName: string;
    name: string;
    description: string;
    template: ListTemplate;
    columns: ColumnDefinition[];
    isDefaultLibrary?: boolean;
  }): ListRecord {
    const id = randomUUID();
    const now = nowStamp();
    const seq = ((this.sqlite.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM lists').get() as { m: number }).m ?? 0) + 1;
    const driveId = input.template === 'documentLibrary' ? driveIdFor(id) : null;
    this.sqlite
      .prepare(
        `INSERT INTO lists (id, display_name, name, description, template, created, modified, version, next_item_id, drive_id, is_default_library, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
      )
      .run(id, input.displayName, input.name, input.description, input.template, now, now, driveId, input.isDefaultLibrary ? 1 : 0, seq);
    [...builtinColumns(input.template), ...input.columns].forEach((column, position) => this.insertColumn(id, column, position));
    if (driveId) {
      this.insertDriveItem(newFolderRecord(id, null, 'root', now), null);
    }
    return this.list(id)!;
  }

  updateList(id: string, changes: { displayName?: string; description?: string }): void {
    const list = this.list(id);
    if (!list) return;
    this.sqlite
      .prepare('UPDATE lists SET display_name = ?, description = ?, modified = ?, version = version + 1 WHERE id = ?')
      .run(changes.displayName ?? list.displayName, changes.description ?? list.description, nowStamp(), id);
  }

  touchList(id: string): void {
    this.sqlite.prepare('UPDATE lists SET modified = ? WHERE id = ?').run(nowStamp(), id);
  }

  deleteList(id: string): void {
    this.sqlite.prepare('DELETE FROM lists WHERE id = ?').run(id);
    this.written?.add(id);
    this.itemCache.delete(id);
  }

  // ---- columns

  columns(listId: string): ColumnDefinition[] {
    const rows = this.sqlite.prepare('SELECT definition FROM columns WHERE list_id = ? ORDER BY position').all(listId) as {
      definition: string;
    }[];
    return rows.map((r) => JSON.parse(r.definition) as ColumnDefinition);
  }

  insertColumn(listId: string, column: ColumnDefinition, position?: number): void {
    const pos =
      position ??
      (this.sqlite.prepare('SELECT COALESCE(MAX(position), -1) AS m FROM columns WHERE list_id = ?').get(listId) as { m: number }).m + 1;
    this.sqlite
      .prepare('INSERT INTO columns (list_id, id, name, position, definition) VALUES (?, ?, ?, ?, ?)')
      .run(listId, column.id, column.name, pos, JSON.stringify(column));
  }

  updateColumn(listId: string, column: ColumnDefinition): void {
    this.sqlite.prepare('UPDATE columns SET definition = ? WHERE list_id = ? AND id = ?').run(JSON.stringify(column), listId, column.id);
  }

  deleteColumn(listId: string, columnId: string): void {
    this.sqlite.prepare('DELETE FROM columns WHERE list_id = ? AND id = ?').run(listId, columnId);
  }

  // ---- list items

  /** The list's items in id order. The records are shared: read them, never change them. */
  items(listId: string): ItemRecord[] {
    let cached = this.itemCache.get(listId);
    if (!cached) {
      const rows = this.sqlite.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as ItemRow[];
      cached = new Map(rows.map((row) => [row.id, toItem(row)]));
      this.itemCache.set(listId, cached);
    }
    return [...cached.values()];
  }

  item(listId: string, id: number): ItemRecord | undefined {
    const row = this.sqlite.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  insertItem(listId: string, fields: Record<string, unknown>): ItemRecord {
    const list = this.list(listId);
    if (!list) throw new Error(`List ${listId} is missing.`);
    const id = list.nextItemId;
    const now = nowStamp();
    this.sqlite.prepare('UPDATE lists SET next_item_id = ?, modified = ? WHERE id = ?').run(id + 1, now, listId);
    this.sqlite
      .prepare('INSERT INTO items (list_id, id, guid, version, created, modified, fields) VALUES (?, ?, ?, 1, ?, ?, ?)')
      .run(listId, id, randomUUID(), now, now, JSON.stringify(fields));
    const record = this.item(listId, id)!;
    this.cacheItem(listId, id, record);
    return record;
  }

  /** Stores new field values and bumps the version (the N in the eTag). */
  updateItem(listId: string, id: number, fields: Record<string, unknown>): ItemRecord {
    const now = nowStamp();
    this.sqlite
      .prepare('UPDATE items SET fields = ?, version = version + 1, modified = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(fields), now, listId, id);
    this.touchList(listId);
    const record = this.item(listId, id)!;
    this.cacheItem(listId, id, record);
    return record;
  }

  /** Rewrites stored fields without counting a new version (used when a column is deleted). */
  rewriteItemFields(listId: string, id: number, fields: Record<string, unknown>): void {
    this.sqlite.prepare('UPDATE items SET fields = ? WHERE list_id = ? AND id = ?').run(JSON.stringify(fields), listId, id);
    this.cacheItem(listId, id, this.item(listId, id));
  }

  deleteItem(listId: string, id: number): void {
    this.sqlite.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
    this.touchList(listId);
    this.cacheItem(listId, id, undefined);
  }

  // ---- drive items

  driveItem(id: string): DriveItemRecord | undefined {
    const row = this.sqlite.prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE id = ?`).get(id) as DriveItemRow | undefined;
    return row ? toDriveItem(row) : undefined;
  }

  driveRoot(listId: string): DriveItemRecord {
    const row = this.sqlite.prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE list_id = ? AND parent_id IS NULL`).get(listId) as
      DriveItemRow | undefined;
    if (!row) throw new Error(`The drive of list ${listId} has no root.`);
    return toDriveItem(row);
  }

  child(listId: string, parentId: string, name: string): DriveItemRecord | undefined {
    const row = this.sqlite
      .prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE list_id = ? AND parent_id = ? AND name = ? COLLATE NOCASE`)
      .get(listId, parentId, name) as DriveItemRow | undefined;
    return row ? toDriveItem(row) : undefined;
  }

  children(parentId: string): DriveItemRecord[] {
    return (
      this.sqlite
        .prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE parent_id = ? ORDER BY name COLLATE NOCASE`)
        .all(parentId) as DriveItemRow[]
    ).map(toDriveItem);
  }

  childCount(parentId: string): number {
    return (this.sqlite.prepare('SELECT COUNT(*) AS n FROM drive_items WHERE parent_id = ?').get(parentId) as { n: number }).n;
  }

  /** Bytes used by the files of a drive. */
  driveUsed(listId: string): number {
    return (
      this.sqlite.prepare('SELECT COALESCE(SUM(size), 0) AS n FROM drive_items WHERE list_id = ? AND is_folder = 0').get(listId) as {
        n: number;
      }
    ).n;
  }

  /** Inserts a folder (content null) or a file; a file's size and hash are those of the content written. */
  insertDriveItem(item: DriveItemRecord, content: Content | null): void {
    this.sqlite
      .prepare(`INSERT INTO drive_items (${DRIVE_ITEM_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`)
      .run(
        item.id,
        item.listId,
        item.parentId,
        item.name,
        item.isFolder ? 1 : 0,
        item.size,
        item.mimeType,
        item.quickXorHash,
        item.guid,
        item.version,
        item.created,
        item.modified,
      );
    if (content) {
      const { size, hash } = this.writePieces(item.id, content);
      this.sqlite.prepare('UPDATE drive_items SET size = ?, quick_xor_hash = ? WHERE id = ?').run(size, hash, item.id);
    }
  }

  replaceDriveItemContent(id: string, content: Content, mimeType: string): void {
    this.sqlite.prepare('DELETE FROM file_pieces WHERE item_id = ?').run(id);
    const { size, hash } = this.writePieces(id, content);
    this.sqlite
      .prepare('UPDATE drive_items SET size = ?, mime_type = ?, quick_xor_hash = ?, version = version + 1, modified = ? WHERE id = ?')
      .run(size, mimeType, hash, nowStamp(), id);
  }

  /** Stores content as pieces of the file, hashing as it goes. */
  private writePieces(itemId: string, content: Content): { size: number; hash: string } {
    const insert = this.sqlite.prepare('INSERT INTO file_pieces (item_id, offset, bytes) VALUES (?, ?, ?)');
    const hasher = new QuickXorHasher();
    let offset = 0;
    for (const piece of content.pieces()) {
      if (piece.length === 0) continue;
      insert.run(itemId, offset, piece);
      hasher.update(piece);
      offset += piece.length;
    }
    return { size: offset, hash: hasher.digest() };
  }

  /** Readers of a file's pieces in order, each reading one piece when called (undefined if it has gone). */
  driveItemPieces(id: string): (() => Buffer | undefined)[] {
    const offsets = this.sqlite.prepare('SELECT offset FROM file_pieces WHERE item_id = ? ORDER BY offset').all(id) as { offset: number }[];
    const read = this.sqlite.prepare('SELECT bytes FROM file_pieces WHERE item_id = ? AND offset = ?');
    return offsets.map(
      ({ offset }) =>
        () =>
          (read.get(id, offset) as { bytes: Buffer } | undefined)?.bytes,
    );
  }

  /** A file's whole content (for tests and small files). */
  driveItemContent(id: string): Buffer {
    const rows = this.sqlite.prepare('SELECT bytes FROM file_pieces WHERE item_id = ? ORDER BY offset').all(id) as { bytes: Buffer }[];
    return Buffer.concat(rows.map((r) => r.bytes));
  }

  deleteDriveItem(id: string): void {
    for (const child of this.children(id)) this.deleteDriveItem(child.id);
    this.sqlite.prepare('DELETE FROM drive_items WHERE id = ?').run(id);
  }

  // ---- upload sessions

  createUploadSession(session: UploadSessionRecord): void {
    this.sqlite
      .prepare(
        `INSERT INTO upload_sessions (id, list_id, base_item_id, relative_path, conflict, defer_commit, total, received, expires, created)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        session.listId,
        session.baseItemId,
        JSON.stringify(session.relativePath),
        session.conflict,
        session.deferCommit ? 1 : 0,
        session.total,
        session.received,
        session.expires,
        session.created,
      );
  }

  uploadSession(id: string): UploadSessionRecord | undefined {
    const row = this.sqlite.prepare('SELECT * FROM upload_sessions WHERE id = ?').get(id) as UploadSessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  /** Stores a fragment's bytes (in pieces) at `start`, and what the session has received so far. */
  addUploadFragment(sessionId: string, start: number, content: Content, total: number, expires: string): void {
    const insert = this.sqlite.prepare('INSERT INTO upload_chunks (session_id, offset, bytes) VALUES (?, ?, ?)');
    let offset = start;
    for (const piece of content.pieces()) {
      if (piece.length === 0) continue;
      insert.run(sessionId, offset, piece);
      offset += piece.length;
    }
    this.sqlite
      .prepare('UPDATE upload_sessions SET total = ?, received = ?, expires = ? WHERE id = ?')
      .run(total, offset, expires, sessionId);
  }

  /** The bytes a session received, read one stored piece at a time. */
  uploadContent(sessionId: string): Content {
    const rows = this.sqlite
      .prepare('SELECT offset, length(bytes) AS n FROM upload_chunks WHERE session_id = ? ORDER BY offset')
      .all(sessionId) as { offset: number; n: number }[];
    const read = this.sqlite.prepare('SELECT bytes FROM upload_chunks WHERE session_id = ? AND offset = ?');
    return {
      size: rows.reduce((sum, r) => sum + r.n, 0),
      *pieces() {
        for (const row of rows) yield (read.get(sessionId, row.offset) as { bytes: Buffer }).bytes;
      },
    };
  }

  deleteUploadSession(id: string): void {
    this.sqlite.prepare('DELETE FROM upload_sessions WHERE id = ?').run(id);
  }
}
