// npm run bench:store-memory: the local store's peak resident memory (VmHWM) under large bodies,
// four at once: bodies over the JSON cap, simple uploads over their limit, upload sessions of
// 240 MB in 60 MiB fragments, and downloading those files. Each phase runs against a fresh store
// process, so its peak is that phase's. `-- --store <dir>` measures another copy of src/store (e.g.
// an older commit's) for comparison.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const MiB = 1024 * 1024;
const storeDir = path.resolve(
  process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1]! : path.join(__dirname, '..', 'src', 'store'),
);
const AT_ONCE = 4;
const FILE_BYTES = 240 * MiB;
const FRAGMENT = 60 * MiB;
const BODY = 300 * MiB;

interface Child {
  process: ChildProcess;
  port: number;
  secret: string;
}

/** Starts the store in its own Node process (so its memory is its own) on a fresh data directory. */
async function startChild(dataDir: string): Promise<Child> {
  const script = `
    const store = require(${JSON.stringify(storeDir)});
    const start = store.startLocalStore ?? store.startGraphEmulator;
    start({ port: 0, dataDir: ${JSON.stringify(dataDir)} }).then((s) => process.stdout.write(JSON.stringify({ port: s.port, secret: s.adminSecret ?? '' }) + '\\n'));
  `;
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`store exited (${code})`)));
  });
  const { port, secret } = JSON.parse(line) as { port: number; secret: string };
  return { process: child, port, secret };
}

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Sends `size` bytes (one reused buffer, so the sender's memory stays small) and returns the status. */
function send(
  port: number,
  method: string,
  urlPath: string,
  size: number,
  headers: Record<string, string>,
  chunked = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const block = Buffer.alloc(MiB, 0x61);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: { ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(size) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(MiB, size - sent);
        sent += n;
        if (!req.write(n === MiB ? block : block.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
        let bytes = 0;
        let body = '';
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (body.length < 4096) body += c.toString('utf8');
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, body, ...(res.headers.location ? { location: res.headers.location } : {}) }),
        );
      })
      .on('error', reject);
  });
}

async function uploadSession(port: number, name: string): Promise<string> {
  const session = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v1.0/sites/root/drive/root:/${name}:/createUploadSession`,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(new URL((JSON.parse(body) as { uploadUrl: string }).uploadUrl).pathname));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  let last = { status: 0, body: '' };
  for (let start = 0; start < FILE_BYTES; start += FRAGMENT) {
    const end = Math.min(start + FRAGMENT, FILE_BYTES) - 1;
    last = await send(port, 'PUT', session, end - start + 1, {
      'content-range': `bytes ${start}-${end}/${FILE_BYTES}`,
      'content-type': 'application/octet-stream',
    });
  }
  if (last.status !== 201) throw new Error(`upload of ${name} ended with ${last.status}: ${last.body.slice(0, 200)}`);
  return (JSON.parse(last.body) as { id: string }).id;
}

const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MB`;

async function phase(label: string, dataDir: string, run: (child: Child) => Promise<string>): Promise<void> {
  const child = await startChild(dataDir);
  const before = memory(child.process.pid!);
  const started = Date.now();
  const outcome = await run(child);
  const after = memory(child.process.pid!);
  child.process.kill('SIGTERM');
  await new Promise((r) => child.process.once('exit', r));
  console.log(
    `${label.padEnd(62)} ${outcome.padEnd(22)} start ${mb(before.rss).padStart(6)}  peak ${mb(after.peak).padStart(7)}  after ${mb(after.rss).padStart(7)}  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-intake-store-memory-'));
  console.log(
    `\nLocal store (${path.relative(process.cwd(), storeDir) || storeDir}): peak resident memory with ${AT_ONCE} large requests at once.\n`,
  );
  try {
    const statuses = (rs: { status: number }[]) => [...new Set(rs.map((r) => r.status))].join(',');
    const json = { 'content-type': 'application/json' };
    await phase(`${AT_ONCE} × ${mb(BODY)} JSON bodies (Content-Length)`, dataDir, async (c) =>
      statuses(await Promise.all(Array.from({ length: AT_ONCE }, () => send(c.port, 'POST', '/v1.0/sites/root/lists', BODY, json)))),
    );
    await phase(`${AT_ONCE} × ${mb(BODY)} JSON bodies (chunked, no length)`, dataDir, async (c) =>
      statuses(await Promise.all(Array.from({ length: AT_ONCE }, () => send(c.port, 'POST', '/v1.0/sites/root/lists', BODY, json, true)))),
    );
    await phase(`${AT_ONCE} × ${mb(BODY)} simple uploads (PUT …/content)`, dataDir, async (c) =>
      statuses(
        await Promise.all(
          Array.from({ length: AT_ONCE }, (_, i) =>
            send(c.port, 'PUT', `/v1.0/sites/root/drive/root:/simple-${i}.bin:/content`, BODY, {
              'content-type': 'application/octet-stream',
            }),
          ),
        ),
      ),
    );
    let ids: string[] = [];
    await phase(`${AT_ONCE} × ${mb(FILE_BYTES)} upload sessions (${mb(FRAGMENT)} fragments)`, dataDir, async (c) => {
      ids = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => uploadSession(c.port, `big-${i}.bin`)));
      return `${ids.length} files stored`;
    });
    await phase(`${AT_ONCE} × ${mb(FILE_BYTES)} downloads`, dataDir, async (c) => {
      const got = await Promise.all(ids.map((id) => get(c.port, `/_download/${id}`)));
      return got.every((g) => g.status === 200 && g.bytes === FILE_BYTES)
        ? `${got.length} × ${mb(FILE_BYTES)} read`
        : `FAILED ${got.map((g) => `${g.status}/${g.bytes}`).join(' ')}`;
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
