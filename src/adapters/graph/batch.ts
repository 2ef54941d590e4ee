// JSON batching: up to 20 requests in one round trip. A sub-request throttled inside a successful
// batch (429/503/504 with its own Retry-After) was not run, so it is sent again in a new batch
// after the wait, within the same retry policy as single requests.
import { type GraphClient, graphRequest, type Method, repeatRead } from './client';
import { GraphRequestError } from '../wire/errors';
import { RETRY_STATUSES, retryAfterSeconds, retryDelayMs } from '../wire/middleware';

export const MAX_BATCH = 20;

export interface BatchRequest {
  readonly id: string;
  readonly method: Method;
  /** Relative to the Graph version, starting with "/": "/sites/{id}/lists/{id}/items?…". */
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly dependsOn?: readonly string[];
}

export interface BatchResponse<T = unknown> {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: T;
}

interface Envelope {
  responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
}

function wire(request: BatchRequest): Record<string, unknown> {
  const out: Record<string, unknown> = { id: request.id, method: request.method, url: request.url };
  const headers = { ...(request.headers ?? {}) };
  if (request.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/json';
  if (Object.keys(headers).length) out.headers = headers;
  if (request.body !== undefined) out.body = request.body;
  if (request.dependsOn?.length) out.dependsOn = request.dependsOn;
  return out;
}

function header(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? (headers[key] ?? null) : null;
}

/** Runs requests in batches of 20 (a request and what it depends on must share a batch). Sub-request failures are returned, not thrown. */
export async function runBatch(client: GraphClient, requests: readonly BatchRequest[]): Promise<Map<string, BatchResponse>> {
  const results = new Map<string, BatchResponse>();
  for (let start = 0; start < requests.length; start += MAX_BATCH) {
    const chunk = requests.slice(start, start + MAX_BATCH);
    const ids = new Set(chunk.map((r) => r.id));
    for (const r of chunk) {
      for (const d of r.dependsOn ?? [])
        if (!ids.has(d)) throw new Error(`Batch request ${r.id} depends on ${d}, which is not in the same batch of ${MAX_BATCH}.`);
    }
    await runChunk(client, chunk, results);
  }
  return results;
}

async function runChunk(client: GraphClient, chunk: readonly BatchRequest[], results: Map<string, BatchResponse>): Promise<void> {
  let pending = [...chunk];
  for (let attempt = 1; pending.length; attempt++) {
    const send = () =>
      graphRequest<Envelope>(client, 'POST', '/$batch', {
        body: { requests: pending.map(wire) },
        headers: { 'Content-Type': 'application/json' },
      });
    // A batch of reads only is a read: sent again when its answer is lost.
    const envelope = pending.every((r) => r.method === 'GET') ? await repeatRead(client, send) : await send();
    const byId = new Map(envelope.responses.map((r) => [r.id, r] as const));
    const retry: BatchRequest[] = [];
    let wait = 0;
    for (const request of pending) {
      const response = byId.get(request.id);
      if (!response)
        throw new GraphRequestError({
          status: 502,
          code: 'batchResponseMissing',
          requestId: null,
          clientRequestId: null,
          method: request.method,
          path: request.url.split('?')[0]!,
          retryAfterSeconds: null,
        });
      const throttled = RETRY_STATUSES.has(response.status);
      // A request that failed only because what it depends on was throttled goes again with it.
      const blocked = response.status === 424 && (request.dependsOn ?? []).some((d) => retry.some((r) => r.id === d));
      if ((throttled || blocked) && attempt <= client.retry.maxRetries) {
        retry.push(request);
        if (throttled)
          wait = Math.max(wait, retryDelayMs(client.retry, attempt, retryAfterSeconds(header(response.headers, 'Retry-After'))));
        continue;
      }
      results.set(request.id, { id: request.id, status: response.status, headers: response.headers ?? {}, body: response.body });
    }
    pending = retry;
    if (pending.length) await client.sleep(wait);
  }
}

/** A sub-response as a typed error, for callers that treat it as a failure. */
export function batchError(request: BatchRequest, response: BatchResponse): GraphRequestError {
  const error = (response.body as { error?: { code?: string; message?: string; innerError?: Record<string, string> } } | undefined)?.error;
  return new GraphRequestError(
    {
      status: response.status,
      code: error?.code ?? 'unknown',
      requestId: error?.innerError?.['request-id'] ?? header(response.headers, 'request-id'),
      clientRequestId: error?.innerError?.['client-request-id'] ?? null,
      method: request.method,
      path: request.url.split('?')[0]!,
      retryAfterSeconds: retryAfterSeconds(header(response.headers, 'Retry-After')),
    },
    error?.message ?? '',
  );
}
