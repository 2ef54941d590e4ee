// What a route handler receives and returns. The same shapes serve top-level HTTP requests and
// JSON batch sub-requests, so both go through one router.
import { badRequest, GraphError } from './errors';
import { isJsonContentType } from './guard';
import type { StoreDatabase } from './db';
import type { MailStore } from './mail';
import { SITE_PATH } from './db';

export interface StoreRequest {
  method: string;
  /** The raw (still percent-encoded) path after /v1.0, e.g. "/sites/root/lists". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body of a JSON request (empty when none, or when the body is an upload's `content`). */
  body: Buffer;
  /** The bytes of an upload (PUT …/content, PUT to an upload URL), streamed to disk rather than held in memory. */
  content?: Content;
  /** The absolute URL of this request under /v1.0, used to build @odata.nextLink. */
  requestUrl: string;
}

export interface StoreResponse {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  raw?: Buffer;
  /** A file's bytes, sent piece by piece after the transaction (downloads). */
  stream?: { size: number; pieces: readonly (() => Buffer | undefined)[] };
}

/** Bytes read piece by piece (at most PIECE_BYTES each), so a large file is never whole in memory. */
export interface Content {
  readonly size: number;
  pieces(): Iterable<Buffer>;
}

/** The size of the pieces files are read, stored and sent in. */
export const PIECE_BYTES = 1024 * 1024;

export function bufferContent(bytes: Buffer): Content {
  return {
    size: bytes.length,
    *pieces() {
      for (let at = 0; at < bytes.length; at += PIECE_BYTES) yield bytes.subarray(at, Math.min(at + PIECE_BYTES, bytes.length));
    },
  };
}

/** The bytes of a request: its spooled upload, or its body. */
export function requestContent(req: StoreRequest): Content {
  return req.content ?? bufferContent(req.body);
}

/** The ids every answer carries (headers request-id and client-request-id, and inside error bodies). */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export interface Env {
  db: StoreDatabase;
  /** e.g. http://127.0.0.1:4000 */
  origin: string;
  simpleUploadLimitBytes: number;
  uploadSessionLifetimeMs: number;
  /** Mailboxes under /users/{address} (src/store/mail.ts). */
  mail?: MailStore;
}

export const graphBase = (env: Env) => `${env.origin}/v1.0`;
export const siteUrl = (env: Env) => `${env.origin}${SITE_PATH}`;

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): StoreResponse {
  return { status, headers, json: body };
}

export function noContent(): StoreResponse {
  return { status: 204, headers: {} };
}

export function isWriteMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** Parses a JSON request body (Content-Type must be JSON); an empty body is undefined. */
export function jsonBody(req: StoreRequest): unknown {
  if (req.body.length === 0) return undefined;
  // Only JSON is parsed as JSON: a page's form can send text/plain anywhere without asking first.
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new GraphError(
      415,
      'BadRequest',
      'The request body must be JSON, sent with Content-Type: application/json.',
      'unsupportedMediaType',
    );
  }
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The URL segment '${segment}' is not correctly percent-encoded.`);
  }
}

/** The user every change is attributed to: there is no real sign-in locally. */
export const LOCAL_USER = { displayName: 'Local User', email: 'local.user@localhost', id: '00000000-0000-0000-0000-0000000000aa' };
