// What a route handler receives and returns. The same shapes serve top-level HTTP requests and
// JSON batch sub-requests, so both go through one router.
import { badRequest } from './errors';
import type { StoreDatabase } from './db';
import { SITE_PATH } from './db';

export interface StoreRequest {
  method: string;
  /** The raw (still percent-encoded) path after /v1.0, e.g. "/sites/root/lists". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** The absolute URL of this request under /v1.0, used to build @odata.nextLink. */
  requestUrl: string;
}

export interface StoreResponse {
  status: number;
  headers: Record<string, string>;
  json?: unknown;
  raw?: Buffer;
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

/** Parses a JSON request body; an empty body is undefined. */
export function jsonBody(req: StoreRequest): unknown {
  if (req.body.length === 0) return undefined;
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
