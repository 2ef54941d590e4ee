// The Graph client Hub Intake uses: @microsoft/microsoft-graph-client initialised with our own
// middleware chain, and one request function that turns whatever goes wrong into a typed error.
import { Client, type Context, GraphError as SdkGraphError, type Middleware } from '@microsoft/microsoft-graph-client';
import { GraphRequestError, pathOf, TransportError } from '../wire/errors';
import type { WireOptions } from '../wire';
import { DEFAULT_RETRY, middlewareChain, realSleep, retryAfterSeconds, type RetryPolicy, type Sleep } from '../wire/middleware';

export interface GraphClientOptions extends WireOptions {
  /** Graph's base URL with its version, e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:4000/v1.0. */
  readonly graphUrl: string;
}

/** The SDK client with the policy our own batching and uploads follow too. */
export interface GraphClient {
  readonly sdk: Client;
  /** e.g. http://127.0.0.1:4000/v1.0 */
  readonly graphUrl: string;
  readonly retry: RetryPolicy;
  readonly sleep: Sleep;
  /** The head of the same middleware chain, for absolute URLs (upload URLs, nextLinks) that the SDK would rewrite. */
  readonly chain: Middleware;
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  let base = options.graphUrl;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const url = new URL(base);
  const version = url.pathname.replace(/^\/+/, '') || 'v1.0';
  if (version.includes('/'))
    throw new Error(`The Graph URL ${options.graphUrl} should end with the version, e.g. https://graph.microsoft.com/v1.0.`);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const chain = middlewareChain({
    auth: options.auth,
    authorize: { origin: url.origin, pathPrefixes: [`/${version}/`] },
    retry,
    sleep,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    observe: options.observe,
    pacer: options.pacer,
  });
  const sdk = Client.initWithMiddleware({ baseUrl: url.origin, defaultVersion: version, middleware: chain });
  return { sdk, graphUrl: `${url.origin}/${version}`, retry, sleep, chain: chain[0]! };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? (record[key] ?? null) : null;
}

/** Turns the SDK's error (or anything thrown on the way) into ours. */
export function toTypedError(error: unknown, method: string, url: string): Error {
  const path = pathOf(url);
  if (error instanceof SdkGraphError) {
    if (error.statusCode === -1 || error.statusCode === undefined || error.code === 'TransportError') {
      return new TransportError(method, path, error.message || String(error.code ?? 'connection failed'));
    }
    return new GraphRequestError(
      {
        status: error.statusCode,
        code: error.code ?? 'unknown',
        requestId: error.requestId ?? headerOf(error.headers, 'request-id'),
        clientRequestId: headerOf(error.headers, 'client-request-id'),
        method,
        path,
        retryAfterSeconds: retryAfterSeconds(headerOf(error.headers, 'Retry-After')),
      },
      error.message,
    );
  }
  if (error instanceof Error && error.name === 'TransportError') return new TransportError(method, path, error.message);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One request through the SDK and our chain. `path` is relative to the Graph URL ("/sites/…") or
 * an absolute URL (an upload URL, a nextLink). JSON bodies are sent as JSON; bytes as they are.
 */
export async function graphRequest<T = unknown>(
  client: GraphClient,
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  if (method === 'GET') return repeatRead(client, () => sendRequest<T>(client, method, path, options));
  return sendRequest<T>(client, method, path, options);
}

/**
 * A read that got no answer is safe to send again: it is, a bounded number of times (the retry
 * policy's), waiting longer each time. Writes never come here: whether they ran is unknown.
 */
export async function repeatRead<T>(client: Pick<GraphClient, 'retry' | 'sleep'>, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof TransportError) || attempt > client.retry.maxRetries) throw error;
      await client.sleep(Math.min(client.retry.baseDelayMs * 2 ** (attempt - 1), client.retry.maxDelayMs));
    }
  }
}

async function sendRequest<T>(client: GraphClient, method: Method, path: string, options: RequestOptions): Promise<T> {
  if (/^https?:/i.test(path)) return absoluteRequest<T>(client, method, path, options);
  const request = client.sdk.api(path);
  if (options.headers) request.headers(options.headers);
  const url = /^https?:/i.test(path) ? path : `${client.graphUrl}${path}`;
  try {
    switch (method) {
      case 'GET':
        return (await request.get()) as T;
      case 'POST':
        return (await request.post(options.body ?? {})) as T;
      case 'PUT':
        return (await request.put(options.body)) as T;
      case 'PATCH':
        return (await request.patch(options.body ?? {})) as T;
      case 'DELETE':
        return (await request.delete()) as T;
    }
  } catch (error) {
    throw toTypedError(error, method, url);
  }
}

/** An absolute URL through the same chain, sent exactly as given (the SDK would re-encode its query). */
async function absoluteRequest<T>(client: GraphClient, method: Method, url: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof Blob || typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const context: Context = { request: url, options: { method, headers, body } };
  try {
    await client.chain.execute(context);
  } catch (error) {
    throw toTypedError(error, method, url);
  }
  const response = context.response!;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text && /json/i.test(response.headers.get('Content-Type') ?? '')) parsed = JSON.parse(text);
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; innerError?: Record<string, string> } } | undefined)?.error;
    throw new GraphRequestError(
      {
        status: response.status,
        code: error?.code ?? String(response.status),
        requestId: error?.innerError?.['request-id'] ?? response.headers.get('request-id'),
        clientRequestId: response.headers.get('client-request-id'),
        method,
        path: pathOf(url),
        retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')),
      },
      error?.message ?? '',
    );
  }
  return parsed as T;
}

/** Bytes as a body the SDK sends unchanged in Node and in a browser (it mishandles typed-array views). */
export function bytesBody(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}
