// The store is a server any web page on the machine can reach: only its own address and origin,
// only JSON as JSON, a secret for the admin endpoints, an optional bearer token, bounded bodies,
// and nothing a client sends stops it. Real HTTP requests to 127.0.0.1, as a browser or an attacker sends them.
import http from 'node:http';
import net from 'node:net';
import { SITE, startStore, type Api } from './helpers';

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with exactly the headers given (Host included), as node:http sends it. */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written straight to the socket (requests node:http would not send); the first line of the answer. */
function rawSocket(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(answer.split('\r\n')[0] ?? ''));
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

const listBody = JSON.stringify({ displayName: 'Sneaky', list: { template: 'genericList' } });

async function listNames(api: Api): Promise<string[]> {
  const r = await api.call('GET', `${SITE}/lists`);
  return (r.json.value as { displayName: string }[]).map((l) => l.displayName);
}

describe('the local store admits only its own address, origin and content', () => {
  let api: Api;
  let port: number;
  beforeAll(async () => {
    api = await startStore();
    port = api.g.port;
  });
  afterAll(() => api.dispose());

  test('a Host other than 127.0.0.1 or localhost with the port (DNS rebinding) is 421, and nothing is written', async () => {
    const rebound = await raw(
      port,
      'POST',
      `/v1.0${SITE}/lists`,
      { host: `attacker.example:${port}`, 'content-type': 'application/json' },
      listBody,
    );
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.innerError.code).toBe('misdirectedRequest');
    expect((await raw(port, 'GET', `/v1.0${SITE}`, { host: `127.0.0.1:${port + 1}` })).status).toBe(421);
    expect((await raw(port, 'GET', `/v1.0${SITE}`, { host: `localhost:${port}` })).status).toBe(200);
    expect((await raw(port, 'GET', `/v1.0${SITE}`)).status).toBe(200);
    expect(await listNames(api)).not.toContain('Sneaky');
  });

  test("a request from another page's origin is 403 (create, batch delete, admin reset); the store's own origin is served", async () => {
    const evil = { origin: 'http://evil.example', 'content-type': 'application/json' };
    expect((await raw(port, 'POST', `/v1.0${SITE}/lists`, evil, listBody)).status).toBe(403);
    const batch = JSON.stringify({ requests: [{ id: '1', method: 'DELETE', url: `${SITE}/lists/Documents` }] });
    expect((await raw(port, 'POST', '/v1.0/$batch', evil, batch)).status).toBe(403);
    expect((await raw(port, 'POST', '/_admin/reset', { ...evil, 'x-admin-secret': api.g.adminSecret })).status).toBe(403);
    expect((await raw(port, 'POST', `/v1.0${SITE}/lists`, { origin: 'null', 'content-type': 'application/json' }, listBody)).status).toBe(
      403,
    );
    expect(
      (await raw(port, 'POST', `/v1.0${SITE}/lists`, { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, listBody))
        .status,
    ).toBe(403);
    expect(await listNames(api)).not.toContain('Sneaky');
    const own = await raw(
      port,
      'POST',
      `/v1.0${SITE}/lists`,
      { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      JSON.stringify({ displayName: 'Own origin' }),
    );
    expect(own.status).toBe(201);
  });

  test('a JSON endpoint refuses text/plain (what a form can send without asking) with 415', async () => {
    const plain = await raw(port, 'POST', `/v1.0${SITE}/lists`, { 'content-type': 'text/plain' }, listBody);
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body).error.innerError.code).toBe('unsupportedMediaType');
    expect((await raw(port, 'POST', `/v1.0${SITE}/lists`, {}, listBody)).status).toBe(415);
    const batch = JSON.stringify({
      requests: [
        { id: '1', method: 'POST', url: `${SITE}/lists`, body: { displayName: 'Sneaky' }, headers: { 'Content-Type': 'text/plain' } },
      ],
    });
    expect((await raw(port, 'POST', '/v1.0/$batch', { 'content-type': 'text/plain' }, batch)).status).toBe(415);
    const inner = await raw(port, 'POST', '/v1.0/$batch', { 'content-type': 'application/json' }, batch);
    expect(JSON.parse(inner.body).responses[0].status).toBe(415);
    const rest = await raw(
      port,
      'POST',
      `/sites/hub-intake/_api/web/lists/getbytitle('Documents')/views/add`,
      { 'content-type': 'text/plain' },
      JSON.stringify({ parameters: { Title: 'x' } }),
    );
    expect(rest.status).toBe(415);
    expect(await listNames(api)).not.toContain('Sneaky');
  });

  test('the admin endpoints need the secret the store was started with', async () => {
    expect((await raw(port, 'POST', '/_admin/reset')).status).toBe(401);
    expect((await raw(port, 'POST', '/_admin/reset', { 'x-admin-secret': 'guess' })).status).toBe(401);
    expect((await raw(port, 'POST', '/_admin/faults', { 'content-type': 'application/json' }, '{"throttleEvery":1}')).status).toBe(401);
    expect(await listNames(api)).toContain('Own origin');
    expect((await raw(port, 'GET', '/_admin/stats', { 'x-admin-secret': api.g.adminSecret })).status).toBe(200);
    expect(
      (await raw(port, 'POST', '/_admin/faults', { 'x-admin-secret': api.g.adminSecret, 'content-type': 'text/plain' }, '{}')).status,
    ).toBe(415);
  });

  test('GET /% and other malformed requests get 400; the store keeps serving', async () => {
    const percent = await raw(port, 'GET', '/%');
    expect(percent.status).toBe(400);
    expect(JSON.parse(percent.body).error.code).toBe('BadRequest');
    expect((await raw(port, 'GET', '/v1.0/sites/%/lists')).status).toBe(400);
    expect((await raw(port, 'GET', '/v1.0/sites/root/lists/%E0%A4%A')).status).toBe(400);
    expect((await raw(port, 'GET', "/sites/hub-intake/_api/web/lists/getbytitle('%')/views")).status).toBe(400);
    expect(
      await rawSocket(port, `GET http://evil.example/v1.0/sites HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    ).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawSocket(port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(
      await rawSocket(
        port,
        `GET /v1.0/sites HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ),
    ).toMatch(/^HTTP\/1\.1 400/);
    expect((await raw(port, 'GET', `/v1.0${SITE}`)).status).toBe(200);
  });

  test('a JSON body over 4 MiB is 413, by its Content-Length before it is read, or as it passes the limit', async () => {
    const big = JSON.stringify({ displayName: 'Big', description: 'x'.repeat(5 * 1024 * 1024) });
    const declared = await raw(port, 'POST', `/v1.0${SITE}/lists`, { 'content-type': 'application/json' }, big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.innerError.code).toBe('requestTooLarge');
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/v1.0${SITE}/lists`,
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 6; i++) req.write(Buffer.alloc(1024 * 1024, 0x20));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await raw(port, 'GET', `/v1.0${SITE}`)).status).toBe(200);
  });
});

test('an origin named in allowedOrigins may send requests; others still may not', async () => {
  const api = await startStore({ allowedOrigins: ['http://127.0.0.1:3100'] });
  try {
    const port = api.g.port;
    const headers = { 'content-type': 'application/json' };
    expect(
      (
        await raw(
          port,
          'POST',
          `/v1.0${SITE}/lists`,
          { ...headers, origin: 'http://127.0.0.1:3100' },
          JSON.stringify({ displayName: 'From the harness' }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await raw(
          port,
          'POST',
          `/v1.0${SITE}/lists`,
          { ...headers, origin: 'http://127.0.0.1:3101' },
          JSON.stringify({ displayName: 'Next door' }),
        )
      ).status,
    ).toBe(403);
  } finally {
    await api.dispose();
  }
});

describe('a store started with a bearer token', () => {
  const TOKEN = 'correct-horse-battery-staple';
  let api: Api;
  beforeAll(async () => {
    api = await startStore({ token: TOKEN });
  });
  afterAll(() => api.dispose());

  test('answers Graph and SharePoint REST only with that token; upload URLs need none, as in Graph', async () => {
    const port = api.g.port;
    const none = await raw(port, 'GET', `/v1.0${SITE}/lists`);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('InvalidAuthenticationToken');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await raw(port, 'GET', `/v1.0${SITE}/lists`, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
    expect((await raw(port, 'GET', "/sites/hub-intake/_api/web/lists/getbytitle('Documents')/views")).status).toBe(401);
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await raw(port, 'GET', `/v1.0${SITE}/lists`, auth)).status).toBe(200);
    expect((await raw(port, 'GET', "/sites/hub-intake/_api/web/lists/getbytitle('Documents')/views", auth)).status).toBe(200);
    const session = await raw(
      port,
      'POST',
      `/v1.0${SITE}/drive/root:/a.txt:/createUploadSession`,
      { ...auth, 'content-type': 'application/json' },
      '{}',
    );
    expect(session.status).toBe(200);
    const uploadPath = new URL(JSON.parse(session.body).uploadUrl as string).pathname;
    const put = await raw(port, 'PUT', uploadPath, { 'content-range': 'bytes 0-4/5', 'content-type': 'application/octet-stream' }, 'hello');
    expect(put.status).toBe(201);
  });

  test('refuses a token too short to be a secret', async () => {
    await expect(startStore({ token: 'short' })).rejects.toThrow(/16 printable characters/);
  });
});
