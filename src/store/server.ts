// The HTTP side of the local store: node:http on 127.0.0.1, Graph's headers and error shape,
// one SQLite transaction per request (committed before the response is written), deterministic faults,
// and the /_admin endpoints tests use to steer and observe it.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { isWriteMethod, json, JSON_CONTENT_TYPE, jsonBody, type Env, type RequestIds, type StoreRequest, type StoreResponse } from './context';
import { StoreDatabase } from './db';
import { errorBody, GraphError, invalidRequest, methodNotAllowed, notFound } from './errors';
import { FaultInjector, type FaultCounts, type FaultSettings } from './faults';
import { handleAdmin } from './routes/admin';
import { parseBatch, runBatch, toStoreRequest } from './routes/batch';
import { handleDownload } from './routes/drives';
import { handleGraph } from './routes/index';
import { handleUploadUrl } from './routes/upload-sessions';
import { handleSharePointRest, SHAREPOINT_REST_PREFIX } from './sharepoint-rest';

export const DEFAULT_SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
const DEFAULT_UPLOAD_SESSION_LIFETIME_MS = 60 * 60 * 1000;
const HARD_BODY_LIMIT = 300 * 1024 * 1024;

export interface LocalStoreOptions {
  /** 0 picks any free port. Default 4000. */
  port?: number;
  /** Only 127.0.0.1 is allowed: the store is local and unauthenticated. */
  host?: '127.0.0.1';
  /** Where the SQLite database lives (created if missing). */
  dataDir: string;
  faults?: FaultSettings;
  /** Largest body PUT …/content accepts (default 4 MiB; real SharePoint accepts up to 250 MB). */
  simpleUploadLimitBytes?: number;
  /** How long an upload session lives after its last fragment (default 1 hour). */
  uploadSessionLifetimeMs?: number;
}

export interface LocalStoreStats {
  /** Requests served (top-level HTTP requests to /v1.0, upload URLs and download URLs, plus each batch sub-request). */
  requests: { total: number; byMethod: Record<string, number> };
  batch: { envelopes: number; subRequests: number };
  faults: FaultCounts;
  authorization: { bearer: number; none: number; uploadUrlRequests: number; uploadUrlWithAuthorization: number };
}

export interface LocalStore {
  /** e.g. http://127.0.0.1:4000/v1.0 */
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: FaultSettings): void;
  /** Same numbers as GET /_admin/stats. */
  stats(): LocalStoreStats;
}

function newStats(): Omit<LocalStoreStats, 'faults'> {
  return { requests: { total: 0, byMethod: {} }, batch: { envelopes: 0, subRequests: 0 }, authorization: { bearer: 0, none: 0, uploadUrlRequests: 0, uploadUrlWithAuthorization: 0 } };
}

function headerMap(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_BODY_LIMIT) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

type Route =
  | { kind: 'graph'; path: string }
  | { kind: 'upload'; id: string }
  | { kind: 'download'; id: string }
  | { kind: 'admin'; path: string }
  | { kind: 'sharepointRest'; path: string }
  | { kind: 'none' };

function route(pathname: string): Route {
  // The Graph JS SDK only strips the origin from absolute URLs that start with https://, so an
  // http:// uploadUrl or @odata.nextLink reaches us appended to the base URL: /v1.0/http://127.0.0.1:4000/…
  const embedded = /^\/v1\.0\/https?:\/+[^/]+(\/.*)$/i.exec(pathname);
  if (embedded) pathname = embedded[1]!;
  if (pathname === '/v1.0' || pathname.startsWith('/v1.0/')) return { kind: 'graph', path: pathname.slice('/v1.0'.length) || '/' };
  const upload = /^\/_upload\/([A-Za-z0-9_-]+)$/.exec(pathname);
  if (upload) return { kind: 'upload', id: upload[1]! };
  const download = /^\/_download\/([A-Za-z0-9_-]+)$/.exec(pathname);
  if (download) return { kind: 'download', id: download[1]! };
  if (pathname.startsWith('/_admin/')) return { kind: 'admin', path: pathname.slice('/_admin'.length) };
  if (pathname.toLowerCase().startsWith(SHAREPOINT_REST_PREFIX)) return { kind: 'sharepointRest', path: pathname.slice(SHAREPOINT_REST_PREFIX.length) };
  return { kind: 'none' };
}

export class LocalStoreServer {
  readonly db: StoreDatabase;
  readonly faults: FaultInjector;
  private counters = newStats();
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private env!: Env;
  private closed = false;

  constructor(private readonly options: LocalStoreOptions) {
    if (options.host !== undefined && options.host !== '127.0.0.1') throw new Error('The local store only listens on 127.0.0.1.');
    this.faults = new FaultInjector(options.faults);
    this.db = new StoreDatabase(options.dataDir);
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': JSON_CONTENT_TYPE });
          res.end(JSON.stringify(errorBody({ code: 'generalException', message: error instanceof Error ? error.message : String(error) }, randomUUID(), randomUUID())));
        }
      });
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<LocalStore> {
    const port = this.options.port ?? 4000;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        this.db.close();
        reject(error);
      };
      this.server.once('error', onError);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const actual = (this.server.address() as AddressInfo).port;
    this.env = {
      db: this.db,
      origin: `http://127.0.0.1:${actual}`,
      simpleUploadLimitBytes: this.options.simpleUploadLimitBytes ?? DEFAULT_SIMPLE_UPLOAD_LIMIT,
      uploadSessionLifetimeMs: this.options.uploadSessionLifetimeMs ?? DEFAULT_UPLOAD_SESSION_LIFETIME_MS,
    };
    return {
      url: `${this.env.origin}/v1.0`,
      port: actual,
      close: () => this.close(),
      setFaults: (faults) => this.faults.set(faults),
      stats: () => this.stats(),
    };
  }

  stats(): LocalStoreStats {
    return JSON.parse(JSON.stringify({ ...this.counters, faults: this.faults.injected })) as LocalStoreStats;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    this.db.close();
  }

  private count(method: string): void {
    this.counters.requests.total++;
    this.counters.requests.byMethod[method] = (this.counters.requests.byMethod[method] ?? 0) + 1;
  }

  private send(res: http.ServerResponse, response: StoreResponse, ids: RequestIds): void {
    if (res.destroyed) return;
    const headers: Record<string, string | number> = { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, ...response.headers };
    let body: Buffer | undefined;
    if (response.json !== undefined) {
      body = Buffer.from(JSON.stringify(response.json), 'utf8');
      headers['Content-Type'] = JSON_CONTENT_TYPE;
      headers['OData-Version'] = '4.0';
    } else if (response.raw !== undefined) body = response.raw;
    if (body !== undefined) headers['Content-Length'] = body.length;
    res.writeHead(response.status, headers);
    res.end(body);
  }

  private errorResponse(error: unknown, ids: RequestIds): StoreResponse {
    if (error instanceof GraphError) return { status: error.status, headers: { ...error.headers }, json: errorBody(error, ids.requestId, ids.clientRequestId) };
    return { status: 500, headers: {}, json: errorBody({ code: 'generalException', message: error instanceof Error ? error.message : String(error) }, ids.requestId, ids.clientRequestId) };
  }

  /** Runs one request in its own transaction: its writes are committed before anything is sent. */
  private execute(run: () => StoreResponse, ids: RequestIds): StoreResponse {
    try {
      return this.db.transaction(run);
    } catch (error) {
      return this.errorResponse(error, ids);
    }
  }

  private faultResponse(kind: 'throttle' | 'unavailable', retryAfterSeconds: number, ids: RequestIds): StoreResponse {
    const error =
      kind === 'throttle'
        ? new GraphError(429, 'activityLimitReached', 'The request has been throttled. Retry after the number of seconds in the Retry-After header.', 'throttledRequest')
        : new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Retry after the number of seconds in the Retry-After header.');
    return { status: error.status, headers: { 'Retry-After': String(retryAfterSeconds) }, json: errorBody(error, ids.requestId, ids.clientRequestId) };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const headers = headerMap(req);
    const ids = { requestId: randomUUID(), clientRequestId: headers['client-request-id'] ?? randomUUID() };
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.env.origin);
    const target = route(url.pathname);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) this.send(res, this.errorResponse(new GraphError(413, 'invalidRequest', 'The request body is too large.'), ids), ids);
      return;
    }
    if (target.kind === 'admin') {
      this.send(res, this.admin(method, target.path, body, ids), ids);
      return;
    }
    if (target.kind === 'sharepointRest') {
      // SharePoint's REST API for views and column formatting (not Graph: not counted, not faulted).
      const restReq: StoreRequest = { method, path: target.path, query: url.searchParams, headers, body, requestUrl: `${this.env.origin}${url.pathname}${url.search}` };
      this.send(res, this.execute(() => handleSharePointRest(this.env, restReq, target.path), ids), ids);
      return;
    }
    if (target.kind === 'none') {
      this.send(res, this.errorResponse(notFound(`No resource at '${url.pathname}'. Graph requests go under /v1.0.`), ids), ids);
      return;
    }
    this.count(method);
    const authorization = headers.authorization;
    if (authorization && /^bearer\s+\S/i.test(authorization)) this.counters.authorization.bearer++;
    else this.counters.authorization.none++;
    if (target.kind === 'upload') {
      this.counters.authorization.uploadUrlRequests++;
      if (authorization) this.counters.authorization.uploadUrlWithAuthorization++;
    }
    const storeReq: StoreRequest = {
      method,
      path: target.kind === 'graph' ? target.path : url.pathname,
      query: url.searchParams,
      headers,
      body,
      requestUrl: target.kind === 'graph' ? `${this.env.origin}/v1.0${target.path}${url.search}` : `${this.env.origin}${url.pathname}${url.search}`,
    };

    if (target.kind === 'graph' && target.path === '/$batch') {
      await this.batch(req, res, storeReq, ids);
      return;
    }
    const isWrite = isWriteMethod(method);
    const decision = target.kind === 'download' ? { kind: 'none' as const } : this.faults.before(isWrite);
    let response: StoreResponse;
    let drop = false;
    if (decision.kind !== 'none') response = this.faultResponse(decision.kind, decision.retryAfterSeconds, ids);
    else {
      response = this.execute(() => {
        if (target.kind === 'graph') return handleGraph(this.env, storeReq);
        if (target.kind === 'upload') return handleUploadUrl(this.env, storeReq, target.id);
        return handleDownload(this.env, storeReq, target.id);
      }, ids);
      drop = isWrite && this.faults.dropAfterCommit();
    }
    const stall = target.kind === 'download' ? 0 : this.faults.stallFor(isWrite);
    if (stall > 0) await sleep(stall);
    if (drop) {
      req.socket.destroy();
      return;
    }
    this.send(res, method === 'HEAD' ? { ...response, json: undefined, raw: undefined } : response, ids);
  }

  private async batch(req: http.IncomingMessage, res: http.ServerResponse, envelope: StoreRequest, ids: RequestIds): Promise<void> {
    if (envelope.method !== 'POST') {
      this.send(res, this.errorResponse(methodNotAllowed(), ids), ids);
      return;
    }
    this.counters.batch.envelopes++;
    let requests;
    try {
      requests = parseBatch(jsonBody(envelope));
    } catch (error) {
      this.send(res, this.errorResponse(error, ids), ids);
      return;
    }
    let anyWrite = false;
    const { responses, dropAfterCommit: drop } = runBatch(
      requests,
      ids.clientRequestId,
      (sub, subIds) => {
        this.count(sub.method);
        this.counters.batch.subRequests++;
        const isWrite = isWriteMethod(sub.method);
        anyWrite ||= isWrite;
        const decision = this.faults.before(isWrite);
        if (decision.kind !== 'none') return { response: this.faultResponse(decision.kind, decision.retryAfterSeconds, subIds), dropAfterCommit: false };
        const response = this.execute(() => handleGraph(this.env, toStoreRequest(this.env, sub)), subIds);
        return { response, dropAfterCommit: isWrite && this.faults.dropAfterCommit() };
      },
      (error, subIds) => this.errorResponse(error, subIds),
    );
    const stall = this.faults.stallFor(anyWrite);
    if (stall > 0) await sleep(stall);
    if (drop) {
      req.socket.destroy();
      return;
    }
    this.send(res, json(200, { responses }), ids);
  }

  private admin(method: string, path: string, body: Buffer, ids: RequestIds): StoreResponse {
    try {
      let parsed: unknown;
      if (body.length > 0) {
        try {
          parsed = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          throw invalidRequest('The request body is not valid JSON.');
        }
      }
      return handleAdmin({ env: this.env, faults: this.faults, stats: () => this.stats(), reset: () => this.reset() }, method, path, parsed);
    } catch (error) {
      return this.errorResponse(error, ids);
    }
  }

  private reset(): void {
    this.db.reset();
    this.counters = newStats();
    const injected = this.faults.injected;
    injected.throttled = injected.unavailable = injected.dropped = injected.stalled = 0;
    this.faults.set(this.faults.current);
  }
}

export async function startLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  const server = new LocalStoreServer(options);
  return server.listen();
}
