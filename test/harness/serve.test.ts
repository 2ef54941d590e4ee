// The harness is a server too, and it forwards to the store: only its own address and pages, no
// admin endpoints through it, and nothing a client sends stops it (or the store it started).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../src/harness/serve';

function raw(
  port: number,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers: { host: `127.0.0.1:${port}`, ...headers }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the harness as a server', () => {
  let dir: string;
  let harness: Harness;
  let port: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-intake-harness-'));
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>pane</title>');
    fs.writeFileSync(path.join(dist, 'harness.html'), '<!doctype html><title>harness</title>');
    fs.mkdirSync(path.join(dir, 'samples'));
    harness = await startHarness({ port: 0, distDir: dist, samplesDir: path.join(dir, 'samples'), dataDir: path.join(dir, 'store') });
    port = Number(new URL(harness.url).port);
  }, 30_000);
  afterAll(async () => {
    await harness.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('GET /% and other malformed paths get an answer, and the harness and its store keep serving', async () => {
    expect((await raw(port, 'GET', '/%')).status).toBe(400);
    expect((await raw(port, 'GET', '/samples/emails/%E0%A4%A')).status).toBeGreaterThanOrEqual(400);
    expect((await raw(port, 'GET', '/v1.0/sites/%/lists')).status).toBe(400);
    expect((await raw(port, 'GET', '/')).status).toBe(200);
    expect((await raw(port, 'GET', '/v1.0/sites/root/lists')).status).toBe(200);
  });

  test("refuses a rebinding Host, another origin and the admin endpoints; forwards its own pages' requests", async () => {
    expect((await raw(port, 'GET', '/hub-intake.pane.json', { host: `attacker.example:${port}` })).status).toBe(421);
    const list = JSON.stringify({ displayName: 'From the harness', list: { template: 'genericList' } });
    expect(
      (await raw(port, 'POST', '/v1.0/sites/root/lists', { origin: 'http://evil.example', 'content-type': 'application/json' }, list))
        .status,
    ).toBe(403);
    expect(
      (await raw(port, 'POST', '/v1.0/sites/root/lists', { origin: `http://127.0.0.1:${port}`, 'content-type': 'text/plain' }, list))
        .status,
    ).toBe(415);
    expect((await raw(port, 'POST', '/_admin/reset')).status).toBe(404);
    const own = await raw(
      port,
      'POST',
      '/v1.0/sites/root/lists',
      { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      list,
    );
    expect(own.status).toBe(201);
    const lists = JSON.parse((await raw(port, 'GET', '/v1.0/sites/root/lists')).body) as { value: { displayName: string }[] };
    expect(lists.value.map((l) => l.displayName)).toContain('From the harness');
  });
});
