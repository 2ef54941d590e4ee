// Files into the document library at a path: a simple upload up to the simple-upload limit, an
// upload session above it (fragments of 320 KiB multiples, resumed from nextExpectedRanges after
// a lost answer). No bearer token goes to the upload URL: it is not under the Graph version path.
import { bytesBody, type GraphClient, graphRequest } from './client';
import { isStatus, TransportError } from '../wire/errors';
import { quickXorHash } from '../../core/quickxor';

export { quickXorHash };

export const DEFAULT_SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const FRAGMENT_UNIT = 320 * 1024;

export interface DriveItem {
  readonly id: string;
  readonly name: string;
  readonly size?: number;
  readonly webUrl: string;
  readonly file?: { readonly hashes?: { readonly quickXorHash?: string } };
}

export interface UploadOptions {
  readonly simpleUploadLimitBytes?: number;
  /** Fragment size for upload sessions (rounded down to a multiple of 320 KiB; default 10 × 320 KiB). */
  readonly fragmentBytes?: number;
}

/** The Graph path of a file by its path in the drive: /drives/{id}/root:/a/b.eml: */
export function drivePath(driveId: string, path: string): string {
  const segments = path.split('/').filter(Boolean).map(encodeURIComponent);
  return `/drives/${encodeURIComponent(driveId)}/root:/${segments.join('/')}:`;
}

/** Uploads bytes to a path in the drive, replacing what is there; returns the driveItem. */
export async function uploadFile(
  client: GraphClient,
  driveId: string,
  path: string,
  bytes: Uint8Array,
  options: UploadOptions = {},
): Promise<DriveItem> {
  const limit = options.simpleUploadLimitBytes ?? DEFAULT_SIMPLE_UPLOAD_LIMIT;
  if (bytes.length <= limit) {
    try {
      return await graphRequest<DriveItem>(client, 'PUT', `${drivePath(driveId, path)}/content?@microsoft.graph.conflictBehavior=replace`, {
        body: bytesBody(bytes),
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    } catch (error) {
      if (!isStatus(error, 413)) throw error;
    }
  }
  return uploadInSession(client, driveId, path, bytes, options);
}

interface SessionStatus {
  readonly uploadUrl?: string;
  readonly nextExpectedRanges?: string[];
}

async function uploadInSession(
  client: GraphClient,
  driveId: string,
  path: string,
  bytes: Uint8Array,
  options: UploadOptions,
): Promise<DriveItem> {
  const name = path.split('/').filter(Boolean).pop()!;
  const session = await graphRequest<SessionStatus>(client, 'POST', `${drivePath(driveId, path)}/createUploadSession`, {
    body: { item: { '@microsoft.graph.conflictBehavior': 'replace', name } },
  });
  const uploadUrl = session.uploadUrl!;
  const fragment = Math.max(FRAGMENT_UNIT, Math.floor((options.fragmentBytes ?? 10 * FRAGMENT_UNIT) / FRAGMENT_UNIT) * FRAGMENT_UNIT);
  let start = 0;
  let recoveries = 0;
  for (;;) {
    const end = Math.min(start + fragment, bytes.length) - 1;
    try {
      const answer = await graphRequest<SessionStatus & Partial<DriveItem>>(client, 'PUT', uploadUrl, {
        body: bytesBody(bytes.subarray(start, end + 1)),
        headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Type': 'application/octet-stream' },
      });
      if (answer && typeof answer.id === 'string') return answer as DriveItem;
      start = nextStart(answer, end + 1);
      continue;
    } catch (error) {
      // The fragment may or may not have arrived: ask the session where it stands and go on from there.
      const lost = error instanceof TransportError || isStatus(error, 416);
      if (!lost || ++recoveries > client.retry.maxRetries) throw error;
      await client.sleep(Math.min(client.retry.baseDelayMs * recoveries, client.retry.maxDelayMs));
      let status: SessionStatus;
      try {
        status = await graphRequest<SessionStatus>(client, 'GET', uploadUrl);
      } catch (statusError) {
        // The session finished with that fragment: the file is there; the caller re-reads the folder.
        if (isStatus(statusError, 404))
          throw new TransportError('PUT', 'upload session', 'the session ended while its last answer was lost');
        if (statusError instanceof TransportError) continue;
        throw statusError;
      }
      start = nextStart(status, start);
    }
  }
}

function nextStart(status: SessionStatus | undefined, fallback: number): number {
  const range = status?.nextExpectedRanges?.[0];
  const m = range ? /^(\d+)-/.exec(range) : null;
  return m ? Number(m[1]) : fallback;
}
