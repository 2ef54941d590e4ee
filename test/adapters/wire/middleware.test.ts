import { createGraphClient, GraphRequestError, graphRequest, staticToken, TransportError } from '../../../src/adapters/graph';
import { effectiveUrl, retryAfterSeconds, retryDelayMs, DEFAULT_RETRY } from '../../../src/adapters/wire/middleware';
import { runBatch } from '../../../src/adapters/graph/batch';

type Seen = { url: string; method: string; headers: Record<string, string> };

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(answers: (Response | Error)[]): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, method: String(init.method ?? 'GET'), headers: { ...(init.headers as Record<string, string>) } });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(
    status,
    {
      error: {
        code,
        message: `The value 'Jane Smith' is bad for 'Status'`,
        innerError: { 'request-id': 'req-1', date: '2024-01-01T00:00:00' },
      },
    },
    { 'request-id': 'req-1', ...headers },
  );

describe('the middleware chain: auth → retry → HTTP', () => {
  it('sends the token to Graph only, never to an upload URL or another host', async () => {
    const { fetch, seen } = scriptedFetch([json(200, {}), json(200, {}), json(200, {}), json(200, {})]);
    const client = createGraphClient({ graphUrl: 'https://graph.microsoft.com/v1.0', auth: staticToken('t0k3n'), fetch });
    await graphRequest(client, 'GET', '/sites/root');
    await graphRequest(
      client,
      'PUT',
      'https://contoso.sharepoint.com/sites/hub/_api/v2.0/drives/x/items/y/uploadSession?guid=1&tempauth=abc',
      { body: 'x' },
    );
    await graphRequest(client, 'GET', 'https://evil.example.com/v1.0/sites/root');
    await graphRequest(client, 'GET', 'https://graph.microsoft.com/v1.0/sites/root/lists?$skiptoken=abc');
    expect(seen.map((s) => s.headers.Authorization ?? null)).toEqual(['Bearer t0k3n', null, null, 'Bearer t0k3n']);
    expect(seen[1]!.url).toBe('https://contoso.sharepoint.com/sites/hub/_api/v2.0/drives/x/items/y/uploadSession?guid=1&tempauth=abc');
  });

  it("keeps the token off the local store's upload URLs, which share its host", async () => {
    const { fetch, seen } = scriptedFetch([json(200, {}), json(200, {})]);
    const client = createGraphClient({ graphUrl: 'http://127.0.0.1:4000/v1.0', auth: staticToken('t'), fetch });
    await graphRequest(client, 'GET', '/sites/root');
    await graphRequest(client, 'PUT', 'http://127.0.0.1:4000/_upload/abc', { body: 'x' });
    expect(seen.map((s) => [s.url, s.headers.Authorization ?? null])).toEqual([
      ['http://127.0.0.1:4000/v1.0/sites/root', 'Bearer t'],
      ['http://127.0.0.1:4000/_upload/abc', null],
    ]);
    expect(effectiveUrl('http://127.0.0.1:4000/v1.0/http://127.0.0.1:4000/_upload/abc')).toBe('http://127.0.0.1:4000/_upload/abc');
  });

  it('retries 429, 503 and 504 honouring Retry-After, with the wait capped', async () => {
    const waits: number[] = [];
    const { fetch, seen } = scriptedFetch([
      graphError(429, 'activityLimitReached', { 'Retry-After': '2' }),
      graphError(503, 'serviceNotAvailable', { 'Retry-After': '999' }),
      graphError(504, 'gatewayTimeout'),
      json(200, { id: 'ok' }),
    ]);
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticToken('t'),
      fetch,
      sleep: async (ms) => void waits.push(ms),
      retry: { maxDelayMs: 10_000, baseDelayMs: 100 },
    });
    expect(await graphRequest(client, 'GET', '/sites/root')).toEqual({ id: 'ok' });
    expect(waits).toEqual([2000, 10_000, 400]);
    expect(seen).toHaveLength(4);
  });

  it('gives up after the bounded number of retries with a typed error', async () => {
    const { fetch, seen } = scriptedFetch(
      Array.from({ length: 10 }, () => graphError(429, 'activityLimitReached', { 'Retry-After': '0' })),
    );
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticToken('t'),
      fetch,
      sleep: async () => undefined,
      retry: { maxRetries: 2 },
    });
    const error = await graphRequest(client, 'GET', '/sites/root?$filter=x').catch((e: unknown) => e);
    expect(seen).toHaveLength(3);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({
      status: 429,
      code: 'activityLimitReached',
      requestId: 'req-1',
      method: 'GET',
      path: '/v1.0/sites/root',
      retryAfterSeconds: 0,
    });
  });

  it('never retries other failures, and keeps quoted values out of error messages', async () => {
    const { fetch, seen } = scriptedFetch([graphError(500, 'generalException'), graphError(409, 'nameAlreadyExists')]);
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticToken('t'),
      fetch,
      sleep: async () => undefined,
    });
    const first = (await graphRequest(client, 'POST', '/sites/root/lists', { body: {} }).catch((e: unknown) => e)) as GraphRequestError;
    expect(first.status).toBe(500);
    expect(first.message).not.toContain('Jane Smith');
    expect(first.message).toContain("'Status'");
    await graphRequest(client, 'POST', '/sites/root/lists', { body: {} }).catch(() => undefined);
    expect(seen).toHaveLength(2);
  });

  it('reports a connection that fails as a TransportError and does not retry it', async () => {
    const { fetch, seen } = scriptedFetch([new TypeError('fetch failed')]);
    const client = createGraphClient({ graphUrl: 'https://graph.microsoft.com/v1.0', auth: staticToken('t'), fetch });
    await expect(graphRequest(client, 'POST', '/sites/root/lists', { body: {} })).rejects.toBeInstanceOf(TransportError);
    expect(seen).toHaveLength(1);
  });

  it('reads Retry-After as seconds or a date, and doubles the wait without it', () => {
    expect(retryAfterSeconds('3')).toBe(3);
    expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryDelayMs(DEFAULT_RETRY, 3, null)).toBe(4000);
    expect(retryDelayMs(DEFAULT_RETRY, 1, 3600)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});

describe('JSON batching', () => {
  it('sends a throttled sub-request again in a new batch after its Retry-After', async () => {
    const waits: number[] = [];
    const { fetch, seen } = scriptedFetch([
      json(200, {
        responses: [
          { id: 'a', status: 200, body: { v: 1 } },
          { id: 'b', status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'activityLimitReached' } } },
        ],
      }),
      json(200, { responses: [{ id: 'b', status: 201, body: { v: 2 } }] }),
    ]);
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticToken('t'),
      fetch,
      sleep: async (ms) => void waits.push(ms),
    });
    const results = await runBatch(client, [
      { id: 'a', method: 'GET', url: '/sites/root' },
      { id: 'b', method: 'POST', url: '/sites/root/lists', body: { displayName: 'x' } },
    ]);
    expect(results.get('a')).toMatchObject({ status: 200, body: { v: 1 } });
    expect(results.get('b')).toMatchObject({ status: 201, body: { v: 2 } });
    expect(waits).toEqual([3000]);
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', 'https://graph.microsoft.com/v1.0/$batch'],
      ['POST', 'https://graph.microsoft.com/v1.0/$batch'],
    ]);
  });
});
