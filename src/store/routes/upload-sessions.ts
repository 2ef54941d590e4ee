// Upload sessions: POST …/createUploadSession (routed here from routes/drives.ts) gives an uploadUrl
// outside /v1.0 (/_upload/{id}, no auth needed, as in Graph); PUT a byte range, GET the status,
// DELETE to cancel, POST to commit a deferCommit session. Fragments are kept in SQLite, so a session
// survives a restart.
import { randomBytes } from 'node:crypto';
import { isRecord } from '../columns';
import { graphBase, json, jsonBody, noContent, requestContent, type Env, type StoreRequest, type StoreResponse } from '../context';
import type { DriveItemRecord, UploadSessionRecord } from '../db';
import {
  checkDriveIfMatch,
  checkNewItemPath,
  conflictBehavior,
  ensureFolders,
  mimeTypeFor,
  renderDriveItem,
  resolve,
  writeFile,
  type Target,
} from '../drive-items';
import { GraphError, invalidRequest, methodNotAllowed, nameAlreadyExists, notFound } from '../errors';

/** The largest fragment one PUT may carry (Graph's limit); the server refuses a larger body as it arrives. */
export const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024;

export function fragmentTooLarge(): GraphError {
  return invalidRequest('A fragment may be at most 60 MiB.', 'maxFragmentLengthExceeded');
}

function uploadUrl(env: Env, session: UploadSessionRecord): string {
  return `${env.origin}/_upload/${session.id}`;
}

export function createUploadSession(env: Env, req: StoreRequest, target: Target): StoreResponse {
  const body = jsonBody(req) ?? {};
  if (!isRecord(body)) throw invalidRequest('The request body must be an object.');
  const item = body.item === undefined ? {} : body.item;
  if (!isRecord(item)) throw invalidRequest("The 'item' property must be an object.");
  const conflict = conflictBehavior(
    item['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  if (body.deferCommit !== undefined && typeof body.deferCommit !== 'boolean') throw invalidRequest("'deferCommit' must be a boolean.");
  let total: number | null = null;
  if (item.fileSize !== undefined) {
    if (typeof item.fileSize !== 'number' || !Number.isInteger(item.fileSize) || item.fileSize < 0)
      throw invalidRequest("'item.fileSize' must be a whole number of bytes.");
    total = item.fileSize;
  }
  if (target.relative.length === 0) {
    if (target.base.isFolder)
      throw invalidRequest('Give the new file name in the path: …/items/{parent-id}:/{file name}:/createUploadSession.');
    checkDriveIfMatch(req, target.base);
  } else {
    const name = target.relative[target.relative.length - 1]!;
    checkNewItemPath(env, target.base, ...target.relative);
    if (item.name !== undefined && item.name !== name)
      throw invalidRequest(
        `The item name '${typeof item.name === 'string' ? item.name : JSON.stringify(item.name)}' in the body must match the name '${name}' in the path.`,
      );
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
  env.db.createUploadSession(session);
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
  const session = env.db.uploadSession(id);
  if (!session)
    throw notFound('The upload session was not found. It may have expired, been cancelled or completed.', 'uploadSessionNotFound');
  if (Date.parse(session.expires) < Date.now()) {
    env.db.deleteUploadSession(id);
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
      env.db.deleteUploadSession(session.id);
      return noContent();
    case 'POST':
      if (!session.deferCommit || session.total === null || session.received < session.total) {
        throw invalidRequest(
          'The upload session can only be committed explicitly when it was created with deferCommit and every byte has been received.',
          'uploadSessionIncomplete',
        );
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
  if (end < start || end >= total)
    throw new GraphError(416, 'invalidRange', `The range ${start}-${end} is not within a file of ${total} bytes.`);
  if (session.total !== null && total !== session.total) {
    throw invalidRequest(
      `Declared total size ${total} for this fragment is different from that of the upload session (${session.total}).`,
      'fragmentLengthMismatch',
    );
  }
  const content = requestContent(req);
  if (content.size !== end - start + 1) {
    throw invalidRequest(`The body has ${content.size} bytes but Content-Range declares ${end - start + 1}.`, 'fragmentLengthMismatch');
  }
  if (content.size > MAX_FRAGMENT_BYTES) throw fragmentTooLarge();
  if (start < session.received)
    throw new GraphError(416, 'invalidRange', 'Uploaded fragment overlaps with existing data.', 'fragmentOverlap');
  if (start > session.received)
    throw new GraphError(
      416,
      'invalidRange',
      `Uploaded fragment is out of order: the next expected range starts at ${session.received}.`,
      'fragmentOutOfOrder',
    );
  const expires = new Date(Date.now() + env.uploadSessionLifetimeMs).toISOString();
  env.db.addUploadFragment(session.id, start, content, total, expires);
  const updated = env.db.uploadSession(session.id)!;
  if (updated.received < total || updated.deferCommit) return json(202, sessionStatus(updated));
  return commitSession(env, updated);
}

function commitSession(env: Env, session: UploadSessionRecord): StoreResponse {
  const list = env.db.list(session.listId);
  const base = env.db.driveItem(session.baseItemId);
  if (!list || !base) throw notFound('The folder or file this upload session targets no longer exists.');
  const content = env.db.uploadContent(session.id);
  let result: { status: number; item: DriveItemRecord };
  if (session.relativePath.length === 0) {
    env.db.replaceDriveItemContent(base.id, content, base.mimeType ?? mimeTypeFor(base.name));
    result = { status: 200, item: env.db.driveItem(base.id)! };
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
  env.db.deleteUploadSession(session.id);
  return json(result.status, renderDriveItem(env, list, result.item));
}
