// Serves the harness: the built pages (dist/), the sample emails, the pane's configuration, and
// everything else proxied to the local list store, so the pane files to it from the same origin
// (no CORS). The pane's Office.js script is swapped for the shim. Without a store to proxy to, it
// starts one (on .data/demo, so what `npm run demo` filed shows as already filed) and provisions it.
//
//   npm run harness            build (when the sources changed), then serve on http://127.0.0.1:3100/
//   HUB_INTAKE_HARNESS_PORT, HUB_INTAKE_STORE_URL (e.g. http://127.0.0.1:4000/v1.0) to change them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { readEml } from '../adapters/mail-files/read-eml';
import { createGraphClient, noToken } from '../adapters/graph';
import { provisionApplications, siteWebUrl } from '../adapters/graph/provision';
import { createSharePointRest } from '../adapters/sharepoint/rest';
import { startLocalStore, type LocalStore } from '../store';
import { loadCatalogue } from '../core/catalogue';
import { ensureBuilt } from './build';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ROOT = resolve(__dirname, '..', '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.eml': 'message/rfc822',
  '.map': 'application/json; charset=utf-8',
};

export interface HarnessOptions {
  /** 0 picks any free port. Default 3100. */
  readonly port?: number;
  /** The list store's Graph URL to proxy to; without it a store is started. */
  readonly storeUrl?: string;
  readonly distDir?: string;
  readonly samplesDir?: string;
  /** Where a store started here keeps its data (default .data/demo). */
  readonly dataDir?: string;
}

export interface Harness {
  readonly url: string;
  readonly storeUrl: string;
  close(): Promise<void>;
}

interface SampleEntry {
  file: string;
  subject: string;
  from: string;
  receivedAt: string | null;
}

async function listSamples(dir: string): Promise<SampleEntry[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  const out: SampleEntry[] = [];
  for (const file of files) {
    try {
      const message = await readEml(readFileSync(join(dir, file)));
      out.push({ file, subject: message.subject, from: message.from?.name || message.from?.address || '(unknown sender)', receivedAt: message.receivedAt });
    } catch {
      out.push({ file, subject: file, from: '(unreadable)', receivedAt: null });
    }
  }
  return out;
}

/** A path under a folder, or null for anything that would leave it. */
function inside(dir: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const full = normalize(join(dir, decoded));
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

async function provision(storeUrl: string): Promise<void> {
  const client = createGraphClient({ graphUrl: storeUrl, auth: noToken });
  const siteUrl = await siteWebUrl(client, 'root');
  await provisionApplications(client, 'root', { templates: loadCatalogue().templates, sharePoint: createSharePointRest({ siteUrl, auth: noToken }) });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dist = resolve(options.distDir ?? join(ROOT, 'dist'));
  const samplesDir = resolve(options.samplesDir ?? join(ROOT, 'samples', 'emails'));
  if (!existsSync(join(dist, 'taskpane.html'))) throw new Error(`${dist} has no built task pane: run \`npm run build\` first.`);
  let store: LocalStore | null = null;
  let storeUrl = options.storeUrl;
  if (!storeUrl) {
    const dataDir = resolve(options.dataDir ?? join(ROOT, '.data', 'demo'));
    try {
      store = await startLocalStore({ port: 0, dataDir });
    } catch (error) {
      throw new Error(`The local list store could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    storeUrl = store.url;
  }
  await provision(storeUrl);
  const storeTarget = new URL(storeUrl);
  const samples = await listSamples(samplesDir);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
      res.end(body);
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (url.pathname === '/' || url.pathname === '/index.html') return send(200, readFileSync(join(dist, 'harness.html')), TYPES['.html']);
      if (url.pathname === '/taskpane.html') {
        // The real pane's page, on the shim instead of Office.js (which needs Outlook and the network).
        const html = readFileSync(join(dist, 'taskpane.html'), 'utf8').replace(OFFICE_JS, 'office-shim.js');
        return send(200, html, TYPES['.html']);
      }
      if (url.pathname === '/hub-intake.pane.json') {
        const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
        return send(200, JSON.stringify({ graphUrl: `${origin}${storeTarget.pathname}`, site: 'root', signOff: 'Maths Hub (harness)' }), TYPES['.json']);
      }
      if (url.pathname === '/harness/samples.json') return send(200, JSON.stringify(samples), TYPES['.json']);
      if (url.pathname.startsWith('/samples/emails/')) {
        const file = inside(samplesDir, url.pathname.slice('/samples/emails/'.length));
        if (file && existsSync(file) && statSync(file).isFile()) return send(200, readFileSync(file), TYPES['.eml']);
        return send(404, 'No such sample.');
      }
      const file = inside(dist, url.pathname.slice(1));
      if (file && existsSync(file) && statSync(file).isFile() && !file.endsWith(`${sep}hub-intake.pane.json`)) {
        return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
      }
    }
    // Everything else is the list store's: Graph under /v1.0, uploads, downloads, item pages.
    const proxied = http.request(
      { host: storeTarget.hostname, port: storeTarget.port, method: req.method, path: req.url, headers: { ...req.headers, host: `${storeTarget.hostname}:${storeTarget.port}` } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => {
      if (!res.headersSent) send(502, JSON.stringify({ error: { code: 'storeUnavailable', message: 'The local list store did not answer.' } }), TYPES['.json']);
      else res.destroy();
    });
    req.pipe(proxied);
  });
  const port = options.port ?? 3100;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    storeUrl,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await store?.close();
    },
  };
}

if (require.main === module) {
  ensureBuilt(() => process.stdout.write('Building the task pane and the harness (webpack, about a minute the first time)…\n'));
  const port = process.env.HUB_INTAKE_HARNESS_PORT ? Number(process.env.HUB_INTAKE_HARNESS_PORT) : 3100;
  startHarness({ port, ...(process.env.HUB_INTAKE_STORE_URL ? { storeUrl: process.env.HUB_INTAKE_STORE_URL } : {}) })
    .then((harness) => {
      process.stdout.write(`\nHarness (Outlook's reading view with the real task pane): ${harness.url}\n`);
      process.stdout.write(`Filing to the local list store at ${harness.storeUrl}. Press Ctrl+C to stop.\n`);
      const stop = () => void harness.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`harness: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
