// Drives: /drives/{drive-id} (and, through routes/sites.ts, /sites/{site}/drive, /sites/{site}/drives/{id},
// /sites/{site}/lists/{list}/drive) with their items by id or path: get, delete, list and make folders,
// simple upload (PUT …/content), download (302 to /_download/{id}), and createUploadSession.
import { isRecord } from '../columns';
import {
  decodeSegment,
  graphBase,
  json,
  jsonBody,
  noContent,
  requestContent,
  type Env,
  type StoreRequest,
  type StoreResponse,
} from '../context';
import type { DriveItemRecord, ListRecord } from '../db';
import {
  checkDriveIfMatch,
  checkName,
  conflictBehavior,
  downloadUrl,
  driveItemETag,
  ensureFolders,
  freeName,
  mimeTypeFor,
  mustResolve,
  parseTarget,
  renderDrive,
  renderDriveItem,
  writeFile,
  type Target,
} from '../drive-items';
import { GraphError, invalidRequest, methodNotAllowed, nameAlreadyExists, notFound, unknownSegment } from '../errors';
import { applySelect, parseSelect } from '../odata';
import type { GraphRouter } from '../router';
import { createUploadSession } from './upload-sessions';

export const drivesRouter: GraphRouter = {
  segment: 'drives',
  handle: (env, req, rest) => handleDrives(env, req, rest),
};

/** /drives/{drive-id}…: `rest` starts after "drives". */
export function handleDrives(env: Env, req: StoreRequest, rest: string): StoreResponse {
  const drive = /^\/([^/:]+)([^]*)$/.exec(rest);
  if (!drive) throw unknownSegment('drives');
  const list = env.db.listByDriveId(decodeSegment(drive[1]!));
  if (!list) throw notFound('The drive could not be found.');
  return handleDrive(env, req, list, drive[2]!);
}

/** A drive (a document library) and its items; `tail` is what follows the drive in the path. */
export function handleDrive(env: Env, req: StoreRequest, list: ListRecord, tail: string): StoreResponse {
  if (!list.driveId) throw notFound('The drive could not be found.');
  const target = parseTarget(env, list, tail);
  if (target === null) {
    if (req.method !== 'GET') throw methodNotAllowed();
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#drives/$entity`,
      ...applySelect(renderDrive(env, list), parseSelect(req.query.get('$select'))),
    });
  }
  const select = parseSelect(req.query.get('$select'));
  switch (target.action) {
    case '': {
      const item = mustResolve(env, target);
      if (req.method === 'GET')
        return json(200, {
          '@odata.context': `${graphBase(env)}/$metadata#drives('${list.driveId}')/items/$entity`,
          ...applySelect(renderDriveItem(env, list, item), select),
        });
      if (req.method === 'DELETE') {
        if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
        checkDriveIfMatch(req, item);
        env.db.deleteDriveItem(item.id);
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
          value: env.db.children(folder.id).map((c) => applySelect(renderDriveItem(env, list, c), select)),
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

/** The answer to a simple upload over the limit (the server gives it from Content-Length, before reading). */
export function simpleUploadTooLarge(env: Env, size: number | null): GraphError {
  return new GraphError(
    413,
    'invalidRequest',
    `The file is ${size === null ? 'more than that' : `${size} bytes`}; simple upload accepts at most ${env.simpleUploadLimitBytes} bytes. Use an upload session (createUploadSession) for larger files.`.replace(
      'is more than that;',
      `is larger than ${env.simpleUploadLimitBytes} bytes;`,
    ),
    'maxFileSizeExceeded',
  );
}

function simpleUpload(env: Env, req: StoreRequest, list: ListRecord, target: Target): StoreResponse {
  const content = requestContent(req);
  if (content.size > env.simpleUploadLimitBytes) throw simpleUploadTooLarge(env, content.size);
  const conflict = conflictBehavior(req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  if (target.relative.length === 0) {
    const item = target.base;
    if (item.isFolder) throw new GraphError(400, 'invalidRequest', 'Content can only be uploaded to a file, not a folder.');
    checkDriveIfMatch(req, item);
    env.db.replaceDriveItemContent(item.id, content, item.mimeType ?? mimeTypeFor(item.name));
    return json(200, renderDriveItem(env, list, env.db.driveItem(item.id)!));
  }
  const name = target.relative[target.relative.length - 1]!;
  const parent = ensureFolders(env, target.base, target.relative.slice(0, -1));
  const written = writeFile(env, parent, name, content, mimeTypeFor(name), conflict);
  return json(written.status, renderDriveItem(env, list, written.item));
}

function createChild(env: Env, req: StoreRequest, list: ListRecord, folder: DriveItemRecord): StoreResponse {
  const body = jsonBody(req);
  if (!isRecord(body) || typeof body.name !== 'string') throw invalidRequest("A new driveItem needs a 'name'.");
  if (!isRecord(body.folder))
    throw invalidRequest("Only folders can be created this way (send a 'folder' facet); upload files with PUT …/content.");
  const name = body.name;
  checkName(name);
  const conflict = conflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  const existing = env.db.child(list.id, folder.id, name);
  let finalName = name;
  if (existing) {
    if (conflict === 'fail') throw nameAlreadyExists(`The specified item name '${name}' already exists.`);
    if (conflict === 'replace') {
      if (existing.isFolder) return json(200, renderDriveItem(env, list, existing));
      env.db.deleteDriveItem(existing.id);
    } else finalName = freeName(env, folder, name);
  }
  const created = ensureFolders(env, folder, [finalName]);
  return json(201, renderDriveItem(env, list, created));
}

/** GET /_download/{item-id}: the bytes a @microsoft.graph.downloadUrl points to (no auth needed). */
export function handleDownload(env: Env, req: StoreRequest, itemId: string): StoreResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
  const item = env.db.driveItem(itemId);
  if (!item || item.isFolder) throw notFound();
  return {
    status: 200,
    headers: {
      'Content-Type': item.mimeType ?? 'application/octet-stream',
      ETag: driveItemETag(item),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    },
    stream: { size: item.size, pieces: env.db.driveItemPieces(item.id) },
  };
}
