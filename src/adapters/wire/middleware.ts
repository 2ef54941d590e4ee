// The Graph client's middleware, and the one place its chain is put together: auth → retry → HTTP.
// Written against the SDK's tiny Middleware interface; runs in Node and in the task pane alike
// (fetch, no Node APIs).
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { type Pacer, PacingMiddleware } from './pacing';

/** The auth port: MSAL, a token from the environment or a test double plug in behind it. */
export interface AccessTokenProvider {
  /**
   * A bearer token, or null when the target needs none (the local store). With `claims`, a new
   * token that satisfies that Conditional Access claims challenge.
   */
  getAccessToken(request?: { readonly claims?: string }): Promise<string | null>;
}

/**
 * The claims of a Conditional Access claims challenge (401 with `WWW-Authenticate: Bearer …
 * error="insufficient_claims", claims="<base64>"`), decoded; null for any other answer.
 */
export function claimsChallenge(response: Response | undefined): string | null {
  if (!response || response.status !== 401) return null;
  const header = response.headers.get('WWW-Authenticate') ?? '';
  const encoded = /\bclaims="([^"]+)"/i.exec(header)?.[1];
  if (!encoded) return null;
  try {
    return atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
}

export const noToken: AccessTokenProvider = { getAccessToken: () => Promise.resolve(null) };
export const staticToken = (token: string): AccessTokenProvider => ({ getAccessToken: () => Promise.resolve(token) });

export interface RetryPolicy {
  /** Retries after the first attempt (default 4). */
  readonly maxRetries: number;
  /** The longest wait between attempts, whatever Retry-After asks (default 30 s). */
  readonly maxDelayMs: number;
  /** Waits this long when a 429/503/504 carries no Retry-After (doubling each time, default 1 s). */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, maxDelayMs: 30_000, baseDelayMs: 1_000 };
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

/** How long to wait before retry number `attempt` (1-based). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: number | null): number {
  const wanted = retryAfter !== null ? retryAfter * 1000 : policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(wanted, policy.maxDelayMs);
}

/**
 * The SDK treats only https:// absolute URLs as absolute: an http:// upload URL or nextLink from
 * the local store reaches the chain as `<graph>/v1.0/http://…`. Here it becomes itself again, so
 * that it is requested, and judged for the token, as what it is.
 */
export function effectiveUrl(request: RequestInfo): string {
  const url = typeof request === 'string' ? request : request.url;
  const embedded = /^https?:\/\/[^/]+\/[^/]+\/(https?:\/\/.*)$/i.exec(url);
  return embedded ? embedded[1]! : url;
}

function headersOf(context: Context): Record<string, string> {
  const options = (context.options ??= {});
  const h = options.headers;
  if (!h) return (options.headers = {});
  if (typeof Headers !== 'undefined' && h instanceof Headers) {
    const plain: Record<string, string> = {};
    h.forEach((value, key) => (plain[key] = value));
    return (options.headers = plain);
  }
  if (Array.isArray(h)) return (options.headers = Object.fromEntries(h));
  return h as Record<string, string>;
}

function deleteHeader(headers: Record<string, string>, name: string): void {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
}

/**
 * Adds the bearer token only to requests for the API it was issued for: the configured origin,
 * under one of the given path prefixes, and never to an upload URL or any other host.
 */
export class AuthMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly provider: AccessTokenProvider,
    private readonly allowed: { origin: string; pathPrefixes: readonly string[] },
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  mayCarryToken(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.origin.toLowerCase() !== this.allowed.origin.toLowerCase()) return false;
    const path = parsed.pathname.toLowerCase();
    return this.allowed.pathPrefixes.some((p) => path.startsWith(p.toLowerCase()));
  }

  async execute(context: Context): Promise<void> {
    const headers = headersOf(context);
    deleteHeader(headers, 'Authorization');
    const carries = this.mayCarryToken(effectiveUrl(context.request));
    if (carries) {
      const token = await this.provider.getAccessToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    await this.next!.execute(context);
    // A claims challenge is answered once, with a token for those claims (client capability CP1).
    const claims = carries ? claimsChallenge(context.response) : null;
    if (claims) {
      const token = await this.provider.getAccessToken({ claims });
      if (!token) return;
      headers.Authorization = `Bearer ${token}`;
      context.response = undefined;
      await this.next!.execute(context);
    }
  }
}

/** Retries only 429, 503 and 504, honouring Retry-After, with the delay capped and the attempts bounded. */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: Sleep,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response;
      if (!response || !RETRY_STATUSES.has(response.status) || attempt > this.policy.maxRetries) return;
      const body = context.options?.body;
      if (body && typeof body === 'object' && 'getReader' in body) return; // a stream cannot be sent twice
      const wait = retryDelayMs(this.policy, attempt, retryAfterSeconds(response.headers.get('Retry-After')));
      await response.arrayBuffer().catch(() => undefined); // free the connection
      await this.sleep(wait);
    }
  }
}

/** One request on the wire, as the HTTP middleware saw it (for tests and the bench). */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number | null;
}

export class TransportFailure extends Error {
  override name = 'TransportError';
}

/** Sends the request with fetch. A connection that fails or is cut becomes a TransportFailure. */
export class HttpMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly observe?: (exchange: Exchange) => void,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = effectiveUrl(context.request);
    const options = { ...(context.options ?? {}) } as RequestInit;
    const method = (options.method ?? 'GET').toUpperCase();
    const headers = { ...headersOf(context) };
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...options, headers, redirect: 'manual' });
    } catch (error) {
      this.observe?.({ method, url, headers, body: options.body, status: null });
      const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
      throw new TransportFailure(String(cause));
    }
    this.observe?.({ method, url, headers, body: options.body, status: response.status });
    context.response = response;
  }
}

/** The chain, in the one place its order is written: auth → retry → HTTP. */
export function middlewareChain(options: {
  auth: AccessTokenProvider;
  authorize: { origin: string; pathPrefixes: readonly string[] };
  retry: RetryPolicy;
  sleep: Sleep;
  fetch: typeof fetch;
  observe?: (exchange: Exchange) => void;
  /** Paces every attempt by the budgets' headers (pacing.ts): auth → retry → pacing → HTTP. */
  pacer?: Pacer;
}): Middleware[] {
  const chain: Middleware[] = [
    new AuthMiddleware(options.auth, options.authorize),
    new RetryMiddleware(options.retry, options.sleep),
    ...(options.pacer ? [new PacingMiddleware(options.pacer, options.sleep)] : []),
    new HttpMiddleware(options.fetch, options.observe),
  ];
  return chain;
}
