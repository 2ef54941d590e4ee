// JSON batching (POST /v1.0/$batch): up to 20 sub-requests, each run through the same router,
// with dependsOn ordering and 424 Failed Dependency when a request it depends on failed.
import { randomUUID } from 'node:crypto';
import { isRecord } from '../columns';
import { graphBase, JSON_CONTENT_TYPE, type Env, type RequestIds, type StoreRequest, type StoreResponse } from '../context';
import { badRequest, GraphError, invalidRequest } from '../errors';

export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export interface BatchSubRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

export interface BatchSubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Validates the batch payload; a malformed batch fails as a whole with 400. */
export function parseBatch(payload: unknown): BatchSubRequest[] {
  if (!isRecord(payload) || !Array.isArray(payload.requests))
    throw badRequest("Invalid batch payload format: the body must be an object with a 'requests' array.");
  const raw = payload.requests as unknown[];
  if (raw.length === 0) throw invalidRequest('The batch contains no requests.');
  if (raw.length > MAX_BATCH_REQUESTS)
    throw invalidRequest(`The batch contains ${raw.length} requests; a JSON batch may contain at most ${MAX_BATCH_REQUESTS}.`);
  const seen = new Set<string>();
  const requests = raw.map((entry, index): BatchSubRequest => {
    if (!isRecord(entry)) throw badRequest(`Batch request ${index} is not an object.`);
    const { id, method, url } = entry;
    if (typeof id !== 'string' || id === '') throw badRequest(`Batch request ${index} has no 'id'.`);
    if (seen.has(id.toLowerCase())) throw badRequest(`The batch contains the request id '${id}' more than once; ids must be unique.`);
    seen.add(id.toLowerCase());
    if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) throw badRequest(`Batch request '${id}' has no valid 'method'.`);
    if (typeof url !== 'string' || url === '') throw badRequest(`Batch request '${id}' has no 'url'.`);
    const headers: Record<string, string> = {};
    if (entry.headers !== undefined) {
      if (!isRecord(entry.headers)) throw badRequest(`The 'headers' of batch request '${id}' must be an object.`);
      for (const [k, v] of Object.entries(entry.headers)) headers[k.toLowerCase()] = String(v);
    }
    let dependsOn: string[] = [];
    if (entry.dependsOn !== undefined) {
      if (!Array.isArray(entry.dependsOn) || !entry.dependsOn.every((d) => typeof d === 'string'))
        throw badRequest(`The 'dependsOn' of batch request '${id}' must be an array of request ids.`);
      dependsOn = entry.dependsOn;
    }
    return { id, method: method.toUpperCase(), url, headers, body: entry.body, dependsOn };
  });
  const ids = new Map(requests.map((r) => [r.id.toLowerCase(), r] as const));
  for (const r of requests) {
    for (const d of r.dependsOn)
      if (!ids.has(d.toLowerCase())) throw badRequest(`Batch request '${r.id}' depends on '${d}', which is not in the batch.`);
  }
  // Reject cycles.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: BatchSubRequest) => {
    const key = r.id.toLowerCase();
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') throw badRequest(`The dependsOn chain of batch request '${r.id}' is circular.`);
    state.set(key, 'visiting');
    for (const d of r.dependsOn) visit(ids.get(d.toLowerCase())!);
    state.set(key, 'done');
  };
  requests.forEach(visit);
  return requests;
}

/** Order of execution: array order, except that a request waits for the requests it depends on. */
export function executionOrder(requests: BatchSubRequest[]): BatchSubRequest[] {
  const byId = new Map(requests.map((r) => [r.id.toLowerCase(), r] as const));
  const done = new Set<string>();
  const out: BatchSubRequest[] = [];
  const add = (r: BatchSubRequest) => {
    const key = r.id.toLowerCase();
    if (done.has(key)) return;
    done.add(key);
    for (const d of r.dependsOn) add(byId.get(d.toLowerCase())!);
    out.push(r);
  };
  requests.forEach(add);
  return out;
}

/** Turns a sub-request into a router request. URLs are relative ("/sites/…"); a leading "/v1.0" (as the Graph JS SDK sends) is accepted. */
export function toStoreRequest(env: Env, sub: BatchSubRequest): StoreRequest {
  let url = sub.url.trim();
  const absolute = /^https?:\/\/[^/]+(\/.*)?$/i.exec(url);
  if (absolute) url = absolute[1] ?? '/';
  if (!url.startsWith('/')) url = `/${url}`;
  if (/^\/v1\.0(\/|$|\?)/i.test(url)) url = url.slice('/v1.0'.length) || '/';
  if (/^\/beta(\/|$)/i.test(url)) throw badRequest('The local store only serves Graph v1.0.');
  if (/^\/\$batch/i.test(url)) throw badRequest('A batch cannot contain another batch.');
  const parsed = new URL(url, 'http://batch.invalid');
  let body = Buffer.alloc(0);
  if (sub.body !== undefined && sub.body !== null) {
    const contentType = sub.headers['content-type'];
    if (!contentType)
      throw badRequest(
        `Batch request '${sub.id}' has a body but no Content-Type header; a Content-Type header is required when a body is given.`,
      );
    if (typeof sub.body === 'string' && !/json/i.test(contentType)) body = Buffer.from(sub.body, 'base64');
    else body = Buffer.from(typeof sub.body === 'string' ? sub.body : JSON.stringify(sub.body), 'utf8');
  }
  return {
    method: sub.method,
    path: parsed.pathname,
    query: parsed.searchParams,
    headers: sub.headers,
    body,
    requestUrl: `${graphBase(env)}${parsed.pathname}${parsed.search}`,
  };
}

/** A router response as a batch sub-response: JSON bodies inline, other bytes as base64. */
export function toSubResponse(id: string, response: StoreResponse, contentType: string): BatchSubResponse {
  const headers: Record<string, string> = { ...response.headers };
  const out: BatchSubResponse = { id, status: response.status, headers };
  if (response.json !== undefined) {
    headers['Content-Type'] = contentType;
    out.body = response.json;
  } else if (response.raw !== undefined) {
    out.body = response.raw.toString('base64');
  }
  return out;
}

/** What running one sub-request takes: the server counts it, may inject a fault, and runs it in its own transaction. */
export type RunSubRequest = (sub: BatchSubRequest, ids: RequestIds) => { response: StoreResponse; dropAfterCommit: boolean };

/**
 * Runs a parsed batch: in execution order, each request whose dependencies all succeeded goes
 * through `run`; one whose dependency failed (status >= 400) gets 424 without running.
 * The answers come back in request order.
 */
export function runBatch(
  requests: BatchSubRequest[],
  clientRequestId: string,
  run: RunSubRequest,
  errorResponse: (error: unknown, ids: RequestIds) => StoreResponse,
): { responses: BatchSubResponse[]; dropAfterCommit: boolean } {
  const results = new Map<string, BatchSubResponse>();
  let dropAfterCommit = false;
  for (const sub of executionOrder(requests)) {
    const ids: RequestIds = { requestId: randomUUID(), clientRequestId: sub.headers['client-request-id'] ?? clientRequestId };
    const failed = sub.dependsOn.find((d) => {
      const r = results.get(d.toLowerCase());
      return r !== undefined && r.status >= 400;
    });
    if (failed !== undefined) {
      const error = new GraphError(
        424,
        'FailedDependency',
        `Request '${sub.id}' was not run because request '${failed}', which it depends on, failed.`,
      );
      results.set(sub.id.toLowerCase(), toSubResponse(sub.id, errorResponse(error, ids), JSON_CONTENT_TYPE));
      continue;
    }
    const outcome = run(sub, ids);
    dropAfterCommit ||= outcome.dropAfterCommit;
    results.set(sub.id.toLowerCase(), toSubResponse(sub.id, outcome.response, JSON_CONTENT_TYPE));
  }
  return { responses: requests.map((r) => results.get(r.id.toLowerCase())!), dropAfterCommit };
}
