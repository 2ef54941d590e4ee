// Serves the harness: the built pages (dist/), the sample emails, the pane's configuration, and
// everything else proxied to the local store, so the pane files to it from the same origin
// (no CORS). The pane's Office.js script is swapped for the shim. Without a store to proxy to, it
// starts one (on .data/demo, so what `npm run demo` filed shows as already filed) and provisions it.
//
//   npm run harness            build (when the sources changed), then serve on http://127.0.0.1:3100/
//   HUB_INTAKE_HARNESS_PORT, HUB_INTAKE_STORE_URL (e.g. http://127.0.0.1:4000/v1.0) to change them;
//   HUB_INTAKE_STORE_TOKEN for a store started with --token.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { readEml } from '../adapters/mail-files/read-eml';
import { createGraphClient, noToken, staticToken } from '../adapters/graph';
import { provisionApplications, siteWebUrl } from '../adapters/graph/provision';
import { createSharePointRest, ensurePresentation } from '../adapters/sharepoint/rest';
import { startLocalStore, type LocalStore } from '../store';
import { hostRefusal, loopbackHosts, originRefusal } from '../store/guard';
import { loadCatalogue } from '../core/catalogue';
import { ensureBuilt } from './build';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ROOT = resolve(__dirname, '..', '..');

/**
 * The headers the hosted add-in is served with (staticwebapp.config.json's globalHeaders: the
 * Content-Security-Policy and the rest), so that the harness, and the e2e in it, run the pane
 * under exactly the policy it is deployed with. HSTS means nothing over http and is left out.
 */
export function hostingHeaders(file = join(ROOT, 'staticwebapp.config.json')): Record<string, string> {
  const config = JSON.parse(readFileSync(file, 'utf8')) as { globalHeaders?: Record<string, string> };
  const headers = { ...config.globalHeaders };
  delete headers['Strict-Transport-Security'];
  return headers;
}

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
  /** When `port` is taken, take any free port instead of failing (the port taken says which). */
  readonly anyPortIfTaken?: boolean;
  /** The port of a store started here (default 0, any free port); when taken, any free port. */
  readonly storePort?: number;
  /** The local store's Graph URL to proxy to; without it a store is started. */
  readonly storeUrl?: string;
  readonly distDir?: string;
  readonly samplesDir?: string;
  /** Where a store started here keeps its data (default .data/demo). */
  readonly dataDir?: string;
  /** The bearer token of a store started with --token, sent with every request forwarded to it. */
  readonly storeToken?: string;
}

/** Request headers a browser sets about where a request comes from: the harness vouches for what it forwards, so they stop here. */
const NOT_FORWARDED = new Set([
  'host',
  'origin',
  'referer',
  'cookie',
  'authorization',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-user',
]);

export interface Harness {
  readonly url: string;
  readonly storeUrl: string;
  /** Where a store started here keeps its data; null when proxying to a store given. */
  readonly dataDir: string | null;
  /** The port asked for, when it was taken and another was used. */
  readonly portTaken: number | null;
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
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const out: SampleEntry[] = [];
  for (const file of files) {
    try {
      const message = await readEml(readFileSync(join(dir, file)));
      out.push({
        file,
        subject: message.subject,
        from: message.from?.name || message.from?.address || '(unknown sender)',
        receivedAt: message.receivedAt,
      });
    } catch {
      out.push({ file, subject: file, from: '(unreadable)', receivedAt: null });
    }
  }
  return out;
}

/** A path under a folder, or null for anything that would leave it (or is not correctly percent-encoded). */
function inside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(dir, decoded));
  return full === dir || full.startsWith(dir + sep) ? full : null;
}

async function provision(storeUrl: string, token: string | undefined): Promise<void> {
  const auth = token ? staticToken(token) : noToken;
  const client = createGraphClient({ graphUrl: storeUrl, auth });
  const siteUrl = await siteWebUrl(client, 'root');
  await provisionApplications(client, 'root', {
    templates: loadCatalogue().templates,
    presentation: (title) => ensurePresentation(createSharePointRest({ siteUrl, auth }), title),
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dist = resolve(options.distDir ?? join(ROOT, 'dist'));
  const samplesDir = resolve(options.samplesDir ?? join(ROOT, 'samples', 'emails'));
  if (!existsSync(join(dist, 'taskpane.html'))) throw new Error(`${dist} has no built task pane: run \`npm run build\` first.`);
  let store: LocalStore | null = null;
  let storeUrl = options.storeUrl;
  const dataDir = storeUrl ? null : resolve(options.dataDir ?? join(ROOT, '.data', 'demo'));
  if (dataDir) {
    try {
      store = await startLocalStore({ port: options.storePort ?? 0, dataDir }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE' || !options.storePort) throw error;
        return startLocalStore({ port: 0, dataDir });
      });
    } catch (error) {
      throw new Error(`The local store could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    storeUrl = store.url;
  }
  try {
    return await serveHarness(options, dist, samplesDir, storeUrl!, store, dataDir);
  } catch (error) {
    // Nothing is left listening when the harness cannot start: the process ends.
    await store?.close();
    throw error;
  }
}

async function serveHarness(
  options: HarnessOptions,
  dist: string,
  samplesDir: string,
  storeUrl: string,
  store: LocalStore | null,
  dataDir: string | null,
): Promise<Harness> {
  await provision(storeUrl, options.storeToken);
  const storeTarget = new URL(storeUrl);
  const samples = await listSamples(samplesDir);

  const hosting = hostingHeaders();
  // The hub's shared mailbox, as its owner's mailbox answers on Graph: the sample emails by the
  // harness's item ids (sample:<file>), for the pane's fallbacks in shared-mailbox mode.
  const ownerMessage = new RegExp(`^${storeTarget.pathname.replace(/\/$/, '')}/users/([^/]+)/messages/([^/]+)/\\$value$`);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const serve = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        ...hosting,
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      res.end(body);
    };
    const refuse = (status: number, message: string) => {
      req.resume();
      send(status, JSON.stringify({ error: { code: status === 403 ? 'accessDenied' : 'BadRequest', message } }), TYPES['.json']);
    };
    // Only this harness's own address and pages: no rebinding host name, no other site's page.
    const host = hostRefusal(req.headers.host, allowedHosts);
    if (host) return refuse(421, host);
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = originRefusal(req.headers as Record<string, string | undefined>, method, allowedOrigins);
    if (origin) return refuse(403, origin);
    if (!(req.url ?? '/').startsWith('/')) return refuse(400, 'The request target is not a valid path.');
    const url = new URL(req.url ?? '/', 'http://harness');
    if (url.pathname.startsWith('/_admin/')) return refuse(404, "The store's admin endpoints are not served through the harness.");
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (url.pathname === '/' || url.pathname === '/index.html')
        return send(200, readFileSync(join(dist, 'harness.html')), TYPES['.html']);
      if (url.pathname === '/taskpane.html') {
        // The real pane's page, on the shim instead of Office.js (which needs Outlook and the network).
        const html = readFileSync(join(dist, 'taskpane.html'), 'utf8').replace(OFFICE_JS, 'office-shim.js');
        return send(200, html, TYPES['.html']);
      }
      if (url.pathname === '/hub-intake.pane.json') {
        const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
        return send(
          200,
          JSON.stringify({ graphUrl: `${origin}${storeTarget.pathname}`, site: 'root', signOff: 'Maths Hub (harness)' }),
          TYPES['.json'],
        );
      }
      if (url.pathname === '/harness/samples.json') return send(200, JSON.stringify(samples), TYPES['.json']);
      const owned = ownerMessage.exec(url.pathname);
      if (owned) {
        const id = decodeURIComponent(owned[2]!);
        const file = id.startsWith('sample:') ? inside(samplesDir, id.slice('sample:'.length)) : null;
        if (file && existsSync(file) && statSync(file).isFile()) return send(200, readFileSync(file), 'message/rfc822');
        return send(
          404,
          JSON.stringify({ error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } }),
          TYPES['.json'],
        );
      }
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
    // Everything else is the local store's: Graph under /v1.0, uploads, downloads, item pages.
    const headers: http.OutgoingHttpHeaders = { host: `${storeTarget.hostname}:${storeTarget.port}` };
    for (const [name, value] of Object.entries(req.headers)) if (!NOT_FORWARDED.has(name) && value !== undefined) headers[name] = value;
    if (options.storeToken) headers.authorization = `Bearer ${options.storeToken}`;
    const proxied = http.request(
      { host: storeTarget.hostname, port: storeTarget.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    proxied.on('error', () => {
      if (!res.headersSent)
        send(502, JSON.stringify({ error: { code: 'storeUnavailable', message: 'The local store did not answer.' } }), TYPES['.json']);
      else res.destroy();
    });
    req.on('error', () => proxied.destroy());
    res.on('close', () => {
      if (!res.writableFinished) proxied.destroy();
    });
    req.pipe(proxied);
  };
  // Nothing a client sends stops the harness (and the store it started): a request that throws gets an answer.
  const server = http.createServer((req, res) => {
    try {
      serve(req, res);
    } catch {
      if (!res.headersSent) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
        res.end('Bad request.');
      } else res.destroy();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const port = options.port ?? 3100;
  const listen = (at: number) =>
    new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  let portTaken: number | null = null;
  try {
    await listen(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (!options.anyPortIfTaken)
      throw new Error(
        `port ${port} on 127.0.0.1 is taken (another harness, perhaps): stop it, or choose a free port with HUB_INTAKE_HARNESS_PORT.`,
      );
    portTaken = port;
    await listen(0);
  }
  const address = server.address() as AddressInfo;
  allowedHosts = loopbackHosts(address.port);
  allowedOrigins = new Set([`http://127.0.0.1:${address.port}`, `http://localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    storeUrl,
    dataDir,
    portTaken,
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
  const chosen = process.env.HUB_INTAKE_HARNESS_PORT;
  startHarness({
    port: chosen ? Number(chosen) : 3100,
    anyPortIfTaken: !chosen,
    // The store on the CLI's default port when it is free, so `hub-intake list` needs no --graph.
    storePort: 4000,
    ...(process.env.HUB_INTAKE_STORE_URL ? { storeUrl: process.env.HUB_INTAKE_STORE_URL } : {}),
    ...(process.env.HUB_INTAKE_STORE_TOKEN ? { storeToken: process.env.HUB_INTAKE_STORE_TOKEN } : {}),
  })
    .then((harness) => {
      const taken = harness.portTaken ? `  (port ${harness.portTaken} is taken, by another harness perhaps)` : '';
      const graph = harness.storeUrl === 'http://127.0.0.1:4000/v1.0' ? '' : ` --graph ${harness.storeUrl}`;
      process.stdout.write(`\nHarness (Outlook's reading view with the real task pane): ${harness.url}${taken}\n`);
      process.stdout.write(`Filing to the local store at ${harness.storeUrl}${harness.dataDir ? ` (data in ${harness.dataDir})` : ''}.\n`);
      process.stdout.write(`While it runs, in another terminal:  npm run --silent hub-intake -- list${graph}\n`);
      // The local store serves Graph, not SharePoint's pages: an item is read through Graph.
      process.stdout.write(`  or one item:  curl '${harness.storeUrl}/sites/root/lists/Applications/items/<id>?$expand=fields'\n`);
      process.stdout.write('Press Ctrl+C to stop.\n');
      const stop = () => void harness.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      process.stderr.write(`harness: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
