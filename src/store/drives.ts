// Document library drives: driveItems addressed by id or path, simple uploads, upload sessions, downloads.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { isRecord } from './columns';
import { decodeSegment, graphBase, json, jsonBody, LOCAL_USER, noContent, siteUrl, type Env, type StoreRequest, type StoreResponse } from './context';
import { newDriveItemId, nowStamp, SITE_ID, type ConflictBehavior, type DriveItemRecord, type ListRecord, type UploadSessionRecord } from './db';
import { GraphError, invalidRequest, methodNotAllowed, nameAlreadyExists, notFound, unknownSegment } from './errors';
import { applySelect, parseSelect } from './odata';
import { quickXorHash } from './quickxor';

const QUOTA_TOTAL = 27_487_790_694_400; // 25 TiB, SharePoint's usual site quota
const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024;

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

function libraryUrl(env: Env, list: ListRecord): string {
  return `${siteUrl(env)}/${encodeURIComponent(list.name)}`;
}

export function renderDrive(env: Env, list: ListRecord): Record<string, unknown> {
  const used = env.store.driveUsed(list.id);
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
function itemPath(env: Env, item: DriveItemRecord): string[] {
  const names: string[] = [];
  let current: DriveItemRecord | undefined = item;
  while (current && current.parentId !== null) {
    names.unshift(current.name);
    current = env.store.driveItem(current.parentId);
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
    const parent = env.store.driveItem(item.parentId);
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
  if (item.isFolder) out.folder = { childCount: env.store.childCount(item.id) };
  else out.file = { mimeType: item.mimeType ?? 'application/octet-stream', hashes: { quickXorHash: item.quickXorHash } };
  out.fileSystemInfo = { createdDateTime: item.created, lastModifiedDateTime: item.modified };
  return out;
}

function sizeOfFolder(env: Env, folder: DriveItemRecord): number {
  let total = 0;
  for (const child of env.store.children(folder.id)) total += child.isFolder ? sizeOfFolder(env, child) : child.size;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Addressing

interface Target {
  base: DriveItemRecord;
  relative: string[];
  action: string;
}

/** Parses the part after the drive: "", "/root", "/root:/a/b.pdf:/content", "/items/{id}/children", "/items/{id}:/name.pdf:/createUploadSession"... */
function parseTarget(env: Env, list: ListRecord, tail: string): Target | null {
  if (tail === '' || tail === '/') return null;
  let baseId: string;
  let after: string;
  const root = /^\/(?:items\/)?root(?=$|[:/])/.exec(tail);
  if (root) {
    baseId = env.store.driveRoot(list.id).id;
    after = tail.slice(root[0].length);
  } else {
    const byId = /^\/items\/([^/:]+)/.exec(tail);
    if (!byId) throw unknownSegment(decodeSegment(tail.split('/')[1] ?? ''));
    baseId = decodeSegment(byId[1]!);
    after = tail.slice(byId[0].length);
  }
  const base = env.store.driveItem(baseId);
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

function resolve(env: Env, target: Target): DriveItemRecord | undefined {
  let current: DriveItemRecord | undefined = target.base;
  for (const name of target.relative) {
    if (!current || !current.isFolder) return undefined;
    current = env.store.child(current.listId, current.id, name);
  }
  return current;
}

function mustResolve(env: Env, target: Target): DriveItemRecord {
  const item = resolve(env, target);
  if (!item) throw notFound('The resource could not be found.');
  return item;
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > 400 || /["*:<>?/\\|]/.test(name) || name !== name.trim() || name === '.' || name === '..' || name.endsWith('.')) {
    throw invalidRequest(`The name '${name}' is not valid for a file or folder.`, 'invalidPath');
  }
}

function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw invalidRequest(`Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior: use fail, replace or rename.`);
}

/** Finds or creates the folders of a path below base, as Graph does for uploads by path. */
function ensureFolders(env: Env, base: DriveItemRecord, names: string[]): DriveItemRecord {
  let current = base;
  for (const name of names) {
    checkName(name);
    const existing = env.store.child(current.listId, current.id, name);
    if (existing) {
      if (!existing.isFolder) throw new GraphError(409, 'nameAlreadyExists', `'${name}' is a file, so it cannot hold other items.`);
      current = existing;
      continue;
    }
    const now = nowStamp();
    const folder: DriveItemRecord = { id: newDriveItemId(), listId: current.listId, parentId: current.id, name, isFolder: true, size: 0, mimeType: null, quickXorHash: null, guid: randomUUID(), version: 1, created: now, modified: now };
    env.store.insertDriveItem(folder, null);
    current = folder;
  }
  return current;
}

function freeName(env: Env, parent: DriveItemRecord, name: string): string {
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!env.store.child(parent.listId, parent.id, candidate)) return candidate;
  }
}

/** Writes a file into a folder honouring the conflict behaviour. Returns 201 for a new item, 200 for a replaced one. */
function writeFile(env: Env, parent: DriveItemRecord, name: string, content: Buffer, mimeType: string, conflict: ConflictBehavior): { status: number; item: DriveItemRecord } {
  checkName(name);
  const existing = env.store.child(parent.listId, parent.id, name);
  let finalName = name;
  if (existing) {
    if (conflict === 'fail') throw nameAlreadyExists(`The specified item name '${name}' already exists. A file with that name is already in the folder.`);
    if (conflict === 'replace') {
      if (existing.isFolder) throw nameAlreadyExists(`A folder named '${name}' already exists.`);
      env.store.replaceDriveItemContent(existing.id, content, mimeType, quickXorHash(content));
      return { status: 200, item: env.store.driveItem(existing.id)! };
    }
    finalName = freeName(env, parent, name);
  }
  const now = nowStamp();
  const item: DriveItemRecord = {
    id: newDriveItemId(),
    listId: parent.listId,
    parentId: parent.id,
    name: finalName,
    isFolder: false,
    size: content.length,
    mimeType,
    quickXorHash: quickXorHash(content),
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
  };
  env.store.insertDriveItem(item, content);
  return { status: 201, item };
}

function checkDriveIfMatch(req: StoreRequest, item: DriveItemRecord): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const norm = (s: string) => s.trim().replace(/^W\//i, '').replace(/^"|"$/g, '').replace(/^c:/i, '').replace(/[{}]/g, '').toLowerCase();
  if (norm(header) !== `${item.guid},${item.version}`.toLowerCase()) {
    throw new GraphError(412, 'preconditionFailed', `The request ETag value '${header}' does not match the item's current eTag ${driveItemETag(item)}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Routes

export function handleDriveRoute(env: Env, req: StoreRequest, list: ListRecord, tail: string): StoreResponse {
  if (!list.driveId) throw notFound('The drive could not be found.');
  const target = parseTarget(env, list, tail);
  if (target === null) {
    if (req.method !== 'GET') throw methodNotAllowed();
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#drives/$entity`, ...applySelect(renderDrive(env, list), parseSelect(req.query.get('$select'))) });
  }
  const select = parseSelect(req.query.get('$select'));
  switch (target.action) {
    case '': {
      const item = mustResolve(env, target);
      if (req.method === 'GET') return json(200, { '@odata.context': `${graphBase(env)}/$metadata#drives('${list.driveId}')/items/$entity`, ...applySelect(renderDriveItem(env, list, item), select) });
      if (req.method === 'DELETE') {
        if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
        checkDriveIfMatch(req, item);
        env.store.deleteDriveItem(item.id);
        return noContent();
      }
      throw methodNotAllowed();
    }
    case '/content':
      if (req.method === 'GET') {
        const item = mustResolve(env, target);
        if (item.isFolder) throw new GraphError(404, 'itemNotFound', 'A folder has no content stream.');
        return { status: 302, headers: { Location: downloadUrl(env, item) } };
      }
      if (req.method === 'PUT') return simpleUpload(env, req, list, target);
      throw methodNotAllowed();
    case '/children': {
      const folder = mustResolve(env, target);
      if (!folder.isFolder) throw new GraphError(400, 'invalidRequest', 'A file has no children.');
      if (req.method === 'GET') {
        return json(200, {
          '@odata.context': `${graphBase(env)}/$metadata#drives('${list.driveId}')/items('${folder.id}')/children`,
          value: env.store.children(folder.id).map((c) => applySelect(renderDriveItem(env, list, c), select)),
        });
      }
      if (req.method === 'POST') return createChild(env, req, list, folder);
      throw methodNotAllowed();
    }
    case '/createUploadSession':
      if (req.method !== 'POST') throw methodNotAllowed();
      return createUploadSession(env, req, target);
    default:
      throw unknownSegment(decodeSegment(target.action.replace(/^\//, '').split('/')[0] ?? ''));
  }
}

function simpleUpload(env: Env, req: StoreRequest, list: ListRecord, target: Target): StoreResponse {
  if (req.body.length > env.simpleUploadLimitBytes) {
    throw new GraphError(
      413,
      'invalidRequest',
      `The file is ${req.body.length} bytes; simple upload accepts at most ${env.simpleUploadLimitBytes} bytes. Use an upload session (createUploadSession) for larger files.`,
      'maxFileSizeExceeded',
    );
  }
  const conflict = conflictBehavior(req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  if (target.relative.length === 0) {
    const item = target.base;
    if (item.isFolder) throw new GraphError(400, 'invalidRequest', 'Content can only be uploaded to a file, not a folder.');
    checkDriveIfMatch(req, item);
    env.store.replaceDriveItemContent(item.id, req.body, item.mimeType ?? mimeTypeFor(item.name), quickXorHash(req.body));
    return json(200, renderDriveItem(env, list, env.store.driveItem(item.id)!));
  }
  const name = target.relative[target.relative.length - 1]!;
  const parent = ensureFolders(env, target.base, target.relative.slice(0, -1));
  const written = writeFile(env, parent, name, req.body, mimeTypeFor(name), conflict);
  return json(written.status, renderDriveItem(env, list, written.item));
}

function createChild(env: Env, req: StoreRequest, list: ListRecord, folder: DriveItemRecord): StoreResponse {
  const body = jsonBody(req);
  if (!isRecord(body) || typeof body.name !== 'string') throw invalidRequest("A new driveItem needs a 'name'.");
  if (!isRecord(body.folder)) throw invalidRequest("Only folders can be created this way (send a 'folder' facet); upload files with PUT …/content.");
  const name = body.name;
  checkName(name);
  const conflict = conflictBehavior(body['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'), 'fail');
  const existing = env.store.child(list.id, folder.id, name);
  let finalName = name;
  if (existing) {
    if (conflict === 'fail') throw nameAlreadyExists(`The specified item name '${name}' already exists.`);
    if (conflict === 'replace') {
      if (existing.isFolder) return json(200, renderDriveItem(env, list, existing));
      env.store.deleteDriveItem(existing.id);
    } else finalName = freeName(env, folder, name);
  }
  const created = ensureFolders(env, folder, [finalName]);
  return json(201, renderDriveItem(env, list, created));
}

// ---------------------------------------------------------------------------------------------
// Upload sessions

function uploadUrl(env: Env, session: UploadSessionRecord): string {
  return `${env.origin}/_upload/${session.id}`;
}

function createUploadSession(env: Env, req: StoreRequest, target: Target): StoreResponse {
  const body = jsonBody(req) ?? {};
  if (!isRecord(body)) throw invalidRequest('The request body must be an object.');
  const item = body.item === undefined ? {} : body.item;
  if (!isRecord(item)) throw invalidRequest("The 'item' property must be an object.");
  const conflict = conflictBehavior(item['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'), 'fail');
  if (body.deferCommit !== undefined && typeof body.deferCommit !== 'boolean') throw invalidRequest("'deferCommit' must be a boolean.");
  let total: number | null = null;
  if (item.fileSize !== undefined) {
    if (typeof item.fileSize !== 'number' || !Number.isInteger(item.fileSize) || item.fileSize < 0) throw invalidRequest("'item.fileSize' must be a whole number of bytes.");
    total = item.fileSize;
  }
  if (target.relative.length === 0) {
    if (target.base.isFolder) throw invalidRequest('Give the new file name in the path: …/items/{parent-id}:/{file name}:/createUploadSession.');
    checkDriveIfMatch(req, target.base);
  } else {
    const name = target.relative[target.relative.length - 1]!;
    target.relative.forEach(checkName);
    if (item.name !== undefined && item.name !== name) throw invalidRequest(`The item name '${String(item.name)}' in the body must match the name '${name}' in the path.`);
    const existing = resolve(env, target);
    if (existing && conflict === 'fail') throw nameAlreadyExists(`The specified item name '${name}' already exists.`);
  }
  const now = new Date();
  const session: UploadSessionRecord = {
    id: randomBytes(24).toString('base64url'),
    listId: target.base.listId,
    baseItemId: target.base.id,
    relativePath: target.relative,
    conflict,
    deferCommit: body.deferCommit === true,
    total,
    received: 0,
    expires: new Date(now.getTime() + env.uploadSessionLifetimeMs).toISOString(),
    created: now.toISOString(),
  };
  env.store.createUploadSession(session);
  return json(200, {
    '@odata.context': `${graphBase(env)}/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: uploadUrl(env, session),
    expirationDateTime: session.expires,
    nextExpectedRanges: ['0-'],
  });
}

function sessionStatus(session: UploadSessionRecord): Record<string, unknown> {
  return {
    expirationDateTime: session.expires,
    nextExpectedRanges: session.total !== null && session.received >= session.total ? [] : [`${session.received}-`],
  };
}

function liveSession(env: Env, id: string): UploadSessionRecord {
  const session = env.store.uploadSession(id);
  if (!session) throw notFound('The upload session was not found. It may have expired, been cancelled or completed.', 'uploadSessionNotFound');
  if (Date.parse(session.expires) < Date.now()) {
    env.store.deleteUploadSession(id);
    throw notFound('The upload session has expired.', 'uploadSessionNotFound');
  }
  return session;
}

/** Requests to an uploadUrl (outside /v1.0): PUT a byte range, GET the status, DELETE to cancel, POST to commit a deferred upload. */
export function handleUploadUrl(env: Env, req: StoreRequest, sessionId: string): StoreResponse {
  const session = liveSession(env, sessionId);
  switch (req.method) {
    case 'GET':
      return json(200, sessionStatus(session));
    case 'DELETE':
      env.store.deleteUploadSession(session.id);
      return noContent();
    case 'POST':
      if (!session.deferCommit || session.total === null || session.received < session.total) {
        throw invalidRequest('The upload session can only be committed explicitly when it was created with deferCommit and every byte has been received.', 'uploadSessionIncomplete');
      }
      return commitSession(env, session);
    case 'PUT':
      return putFragment(env, req, session);
    default:
      throw methodNotAllowed();
  }
}

function putFragment(env: Env, req: StoreRequest, session: UploadSessionRecord): StoreResponse {
  const header = req.headers['content-range'];
  if (!header) throw invalidRequest('A Content-Range header (bytes {start}-{end}/{total}) is required.');
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!m) throw invalidRequest(`The Content-Range header '${header}' is not valid: use 'bytes {start}-{end}/{total}'.`);
  if (m[3] === '*') throw invalidRequest('The total size must be given in Content-Range.');
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = Number(m[3]);
  if (end < start || end >= total) throw new GraphError(416, 'invalidRange', `The range ${start}-${end} is not within a file of ${total} bytes.`);
  if (session.total !== null && total !== session.total) {
    throw invalidRequest(`Declared total size ${total} for this fragment is different from that of the upload session (${session.total}).`, 'fragmentLengthMismatch');
  }
  if (req.body.length !== end - start + 1) {
    throw invalidRequest(`The body has ${req.body.length} bytes but Content-Range declares ${end - start + 1}.`, 'fragmentLengthMismatch');
  }
  if (req.body.length > MAX_FRAGMENT_BYTES) throw invalidRequest('A fragment may be at most 60 MiB.', 'maxFragmentLengthExceeded');
  if (start < session.received) throw new GraphError(416, 'invalidRange', 'Uploaded fragment overlaps with existing data.', 'fragmentOverlap');
  if (start > session.received) throw new GraphError(416, 'invalidRange', `Uploaded fragment is out of order: the next expected range starts at ${session.received}.`, 'fragmentOutOfOrder');
  const expires = new Date(Date.now() + env.uploadSessionLifetimeMs).toISOString();
  env.store.addUploadChunk(session.id, start, req.body, total, expires);
  const updated = env.store.uploadSession(session.id)!;
  if (updated.received < total || updated.deferCommit) return json(202, sessionStatus(updated));
  return commitSession(env, updated);
}

function commitSession(env: Env, session: UploadSessionRecord): StoreResponse {
  const list = env.store.list(session.listId);
  const base = env.store.driveItem(session.baseItemId);
  if (!list || !base) throw notFound('The folder or file this upload session targets no longer exists.');
  const content = env.store.uploadContent(session.id);
  let result: { status: number; item: DriveItemRecord };
  if (session.relativePath.length === 0) {
    env.store.replaceDriveItemContent(base.id, content, base.mimeType ?? mimeTypeFor(base.name), quickXorHash(content));
    result = { status: 200, item: env.store.driveItem(base.id)! };
  } else {
    const name = session.relativePath[session.relativePath.length - 1]!;
    const parent = ensureFolders(env, base, session.relativePath.slice(0, -1));
    try {
      result = writeFile(env, parent, name, content, mimeTypeFor(name), session.conflict);
    } catch (error) {
      if (error instanceof GraphError && error.code === 'nameAlreadyExists') {
        throw nameAlreadyExists(
          'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.',
        );
      }
      throw error;
    }
  }
  env.store.deleteUploadSession(session.id);
  return json(result.status, renderDriveItem(env, list, result.item));
}

/** GET /_download/{item-id}: the bytes a @microsoft.graph.downloadUrl points to (no auth needed). */
export function handleDownload(env: Env, req: StoreRequest, itemId: string): StoreResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
  const item = env.store.driveItem(itemId);
  if (!item || item.isFolder) throw notFound();
  const content = env.store.driveItemContent(item.id) ?? Buffer.alloc(0);
  return {
    status: 200,
    headers: { 'Content-Type': item.mimeType ?? 'application/octet-stream', ETag: driveItemETag(item), 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}` },
    raw: content,
  };
}
