// Drive items (the files and folders of a document library): how they render as Graph's driveItem,
// how a path under a drive is addressed, which names SharePoint accepts, and writing a file into a
// folder with a conflict behaviour. The routes are routes/drives.ts and routes/upload-sessions.ts.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { decodeSegment, LOCAL_USER, siteUrl, type Content, type Env, type StoreRequest } from './context';
import {
  newDriveItemId,
  newFolderRecord,
  nowStamp,
  SITE_ID,
  SITE_PATH,
  type ConflictBehavior,
  type DriveItemRecord,
  type ListRecord,
} from './db';
import { GraphError, invalidRequest, nameAlreadyExists, notFound, unknownSegment } from './errors';

const QUOTA_TOTAL = 27_487_790_694_400; // 25 TiB, SharePoint's usual site quota

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.zip': 'application/x-zip-compressed',
  '.bin': 'application/octet-stream',
};

export function mimeTypeFor(name: string): string {
  return MIME_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function libraryUrl(env: Env, list: ListRecord): string {
  return `${siteUrl(env)}/${encodeURIComponent(list.name)}`;
}

export function renderDrive(env: Env, list: ListRecord): Record<string, unknown> {
  const used = env.db.driveUsed(list.id);
  return {
    createdDateTime: list.created,
    description: list.description,
    id: list.driveId,
    lastModifiedDateTime: list.modified,
    name: list.displayName,
    webUrl: libraryUrl(env, list),
    driveType: 'documentLibrary',
    createdBy: { user: LOCAL_USER },
    owner: { user: LOCAL_USER },
    quota: { deleted: 0, remaining: QUOTA_TOTAL - used, state: 'normal', total: QUOTA_TOTAL, used },
  };
}

/** Names from the drive root down to the item (the root itself has none). */
export function itemPath(env: Env, item: DriveItemRecord): string[] {
  const names: string[] = [];
  let current: DriveItemRecord | undefined = item;
  while (current && current.parentId !== null) {
    names.unshift(current.name);
    current = env.db.driveItem(current.parentId);
  }
  return names;
}

export function driveItemETag(item: DriveItemRecord): string {
  return `"{${item.guid.toUpperCase()}},${item.version}"`;
}

export function downloadUrl(env: Env, item: DriveItemRecord): string {
  return `${env.origin}/_download/${item.id}?v=${item.version}`;
}

export function renderDriveItem(env: Env, list: ListRecord, item: DriveItemRecord): Record<string, unknown> {
  const names = itemPath(env, item);
  const guid = item.guid.toUpperCase();
  const out: Record<string, unknown> = {};
  if (!item.isFolder) out['@microsoft.graph.downloadUrl'] = downloadUrl(env, item);
  Object.assign(out, {
    createdDateTime: item.created,
    eTag: driveItemETag(item),
    id: item.id,
    lastModifiedDateTime: item.modified,
    name: item.name,
    webUrl: names.length === 0 ? libraryUrl(env, list) : `${libraryUrl(env, list)}/${names.map(encodeURIComponent).join('/')}`,
    cTag: `"c:{${guid}},${item.version}"`,
    size: item.isFolder ? sizeOfFolder(env, item) : item.size,
    createdBy: { user: LOCAL_USER },
    lastModifiedBy: { user: LOCAL_USER },
  });
  if (item.parentId === null) {
    out.parentReference = { driveType: 'documentLibrary', driveId: list.driveId };
    out.root = {};
  } else {
    const parent = env.db.driveItem(item.parentId);
    const parentNames = names.slice(0, -1);
    out.parentReference = {
      driveType: 'documentLibrary',
      driveId: list.driveId,
      id: item.parentId,
      name: parent && parent.parentId !== null ? parent.name : list.displayName,
      path: `/drives/${list.driveId}/root:${parentNames.map((n) => `/${n}`).join('')}`,
      siteId: SITE_ID,
    };
  }
  if (item.isFolder) out.folder = { childCount: env.db.childCount(item.id) };
  else out.file = { mimeType: item.mimeType ?? 'application/octet-stream', hashes: { quickXorHash: item.quickXorHash } };
  out.fileSystemInfo = { createdDateTime: item.created, lastModifiedDateTime: item.modified };
  return out;
}

export function sizeOfFolder(env: Env, folder: DriveItemRecord): number {
  let total = 0;
  for (const child of env.db.children(folder.id)) total += child.isFolder ? sizeOfFolder(env, child) : child.size;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Addressing

export interface Target {
  base: DriveItemRecord;
  relative: string[];
  action: string;
}

/** Parses the part after the drive: "", "/root", "/root:/a/b.pdf:/content", "/items/{id}/children", "/items/{id}:/name.pdf:/createUploadSession"... */
export function parseTarget(env: Env, list: ListRecord, tail: string): Target | null {
  if (tail === '' || tail === '/') return null;
  let baseId: string;
  let after: string;
  const root = /^\/(?:items\/)?root(?=$|[:/])/.exec(tail);
  if (root) {
    baseId = env.db.driveRoot(list.id).id;
    after = tail.slice(root[0].length);
  } else {
    const byId = /^\/items\/([^/:]+)/.exec(tail);
    if (!byId) throw unknownSegment(decodeSegment(tail.split('/')[1] ?? ''));
    baseId = decodeSegment(byId[1]!);
    after = tail.slice(byId[0].length);
  }
  const base = env.db.driveItem(baseId);
  if (!base || base.listId !== list.id) throw notFound('Item not found');
  let relative: string[] = [];
  if (after.startsWith(':')) {
    const close = after.indexOf(':', 1);
    const rawPath = close === -1 ? after.slice(1) : after.slice(1, close);
    after = close === -1 ? '' : after.slice(close + 1);
    relative = rawPath
      .split('/')
      .filter((s) => s !== '')
      .map(decodeSegment);
  }
  if (after === '/') after = '';
  return { base, relative, action: after };
}

export function resolve(env: Env, target: Target): DriveItemRecord | undefined {
  let current: DriveItemRecord | undefined = target.base;
  for (const name of target.relative) {
    if (!current || !current.isFolder) return undefined;
    current = env.db.child(current.listId, current.id, name);
  }
  return current;
}

export function mustResolve(env: Env, target: Target): DriveItemRecord {
  const item = resolve(env, target);
  if (!item) throw notFound('The resource could not be found.');
  return item;
}

// SharePoint's rules for file and folder names ("Restrictions and limitations in OneDrive and
// SharePoint"), refused as Graph refuses them: 400 invalidRequest, innerError.code
// nameContainsInvalidCharacters (or pathIsTooLong). The messages give the rule, never the name
// (an attachment's name often holds a person's).
// eslint-disable-next-line no-control-regex -- control characters are among what SharePoint refuses
const FORBIDDEN_CHARACTERS = /["*:<>?/\\|\x00-\x1f\x7f]/;
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9]|\.lock|desktop\.ini)$/i;
/** The whole decoded path of a file (site, library, folders, name) may hold at most 400 characters. */
export const MAX_PATH_LENGTH = 400;

/** Why SharePoint refuses a file or folder name, or null when it accepts it. */
export function nameRefusal(name: string): string | null {
  if (name.length === 0 || name === '.' || name === '..') return 'A file or folder needs a name.';
  if (FORBIDDEN_CHARACTERS.test(name)) return 'A file or folder name may not contain " * : < > ? / \\ | or control characters.';
  if (/_vti_/i.test(name)) return "A file or folder name may not contain '_vti_'.";
  if (RESERVED_NAMES.test(name)) return 'CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, .lock and desktop.ini are reserved names.';
  if (name.startsWith('~$')) return "A file or folder name may not start with '~$'.";
  if (name !== name.trim()) return 'A file or folder name may not start or end with a space.';
  if (name.endsWith('.')) return 'A file or folder name may not end with a dot.';
  return null;
}

export function checkName(name: string): void {
  const refusal = nameRefusal(name);
  if (refusal)
    throw invalidRequest(
      `The provided name contains characters or words that are not allowed. ${refusal}`,
      'nameContainsInvalidCharacters',
    );
}

/** The names of a new item (and any new folders above it) under `parent`, and its whole path's length (server-relative, without the leading '/'). */
export function checkNewItemPath(env: Env, parent: DriveItemRecord, ...names: string[]): void {
  names.forEach(checkName);
  const list = env.db.list(parent.listId);
  const folders = parent.parentId === null ? [] : itemPath(env, parent);
  const full = [SITE_PATH.slice(1), list?.name ?? '', ...folders, ...names].join('/');
  if (full.length > MAX_PATH_LENGTH) {
    throw invalidRequest(
      `The path of the file is ${full.length} characters long; SharePoint allows at most ${MAX_PATH_LENGTH}.`,
      'pathIsTooLong',
    );
  }
}

export function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw invalidRequest(
    `Invalid value '${typeof value === 'string' ? value : JSON.stringify(value)}' for @microsoft.graph.conflictBehavior: use fail, replace or rename.`,
  );
}

/** Finds or creates the folders of a path below base, as Graph does for uploads by path. */
export function ensureFolders(env: Env, base: DriveItemRecord, names: string[]): DriveItemRecord {
  let current = base;
  for (const name of names) {
    const existing = env.db.child(current.listId, current.id, name);
    if (existing) {
      if (!existing.isFolder) throw new GraphError(409, 'nameAlreadyExists', `'${name}' is a file, so it cannot hold other items.`);
      current = existing;
      continue;
    }
    checkNewItemPath(env, current, name);
    const folder = newFolderRecord(current.listId, current.id, name);
    env.db.insertDriveItem(folder, null);
    current = folder;
  }
  return current;
}

export function freeName(env: Env, parent: DriveItemRecord, name: string): string {
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!env.db.child(parent.listId, parent.id, candidate)) return candidate;
  }
}

/** Writes a file into a folder honouring the conflict behaviour. Returns 201 for a new item, 200 for a replaced one. */
export function writeFile(
  env: Env,
  parent: DriveItemRecord,
  name: string,
  content: Content,
  mimeType: string,
  conflict: ConflictBehavior,
): { status: number; item: DriveItemRecord } {
  checkNewItemPath(env, parent, name);
  const existing = env.db.child(parent.listId, parent.id, name);
  let finalName = name;
  if (existing) {
    if (conflict === 'fail')
      throw nameAlreadyExists(`The specified item name '${name}' already exists. A file with that name is already in the folder.`);
    if (conflict === 'replace') {
      if (existing.isFolder) throw nameAlreadyExists(`A folder named '${name}' already exists.`);
      env.db.replaceDriveItemContent(existing.id, content, mimeType);
      return { status: 200, item: env.db.driveItem(existing.id)! };
    }
    finalName = freeName(env, parent, name);
    checkNewItemPath(env, parent, finalName);
  }
  const now = nowStamp();
  const item: DriveItemRecord = {
    id: newDriveItemId(),
    listId: parent.listId,
    parentId: parent.id,
    name: finalName,
    isFolder: false,
    size: content.size,
    mimeType,
    quickXorHash: null,
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
  };
  env.db.insertDriveItem(item, content);
  return { status: 201, item: env.db.driveItem(item.id)! };
}

export function checkDriveIfMatch(req: StoreRequest, item: DriveItemRecord): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const norm = (s: string) => s.trim().replace(/^W\//i, '').replace(/^"|"$/g, '').replace(/^c:/i, '').replace(/[{}]/g, '').toLowerCase();
  if (norm(header) !== `${item.guid},${item.version}`.toLowerCase()) {
    throw new GraphError(
      412,
      'preconditionFailed',
      `The request ETag value '${header}' does not match the item's current eTag ${driveItemETag(item)}.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Routes
