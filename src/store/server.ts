// The HTTP side of the local store: node:http on 127.0.0.1, Graph's headers and error shape,
// one SQLite transaction per request (committed before the response is written), deterministic faults,
// and the /_admin endpoints tests use to steer and observe it. Every request is admitted first
// (guard.ts: Host, Origin, the bearer token, the admin secret), its body read with a cap
// (bodies.ts: JSON in memory, uploads spooled to disk), and nothing a client sends can stop it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { BodyTooLarge, readBody, spoolBody, type SpooledContent } from './bodies';
import {
  bufferContent,
  decodeSegment,
  isWriteMethod,
  json,
  JSON_CONTENT_TYPE,
  jsonBody,
  PIECE_BYTES,
  type Env,
  type RequestIds,
  type StoreRequest,
  type StoreResponse,
} from './context';
import { StoreDatabase } from './db';
import { badRequest, errorBody, GraphError, invalidRequest, methodNotAllowed, notFound } from './errors';
import { FaultInjector, type FaultCounts, type FaultSettings } from './faults';
import { bearerToken, hostRefusal, isJsonContentType, loopbackHosts, originRefusal, sameSecret } from './guard';
import { handleAdmin } from './routes/admin';
import { parseBatch, runBatch, toStoreRequest } from './routes/batch';
import { handleDownload, simpleUploadTooLarge } from './routes/drives';
import { handleGraph } from './routes/index';
import { fragmentTooLarge, handleUploadUrl, MAX_FRAGMENT_BYTES } from './routes/upload-sessions';
import { handleSharePointRest, SHAREPOINT_REST_PREFIX } from './sharepoint-rest';
import { MailStore } from './mail';
import { appOf, Throttle, type ThrottleSettings, type ThrottleStats } from './throttle';

export const DEFAULT_SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Graph refuses request bodies over 4 MB (files go by upload); so does the store, for everything but uploads. */
export const DEFAULT_REQUEST_BODY_LIMIT = 4 * 1024 * 1024;
const DEFAULT_UPLOAD_SESSION_LIFETIME_MS = 60 * 60 * 1000;
/** The header the /_admin endpoints need, carrying the secret printed when the store starts. */
export const ADMIN_SECRET_HEADER = 'x-admin-secret';
/** Where uploads in progress are spooled, under the data directory. */
const INCOMING_DIR = 'incoming';

export interface LocalStoreOptions {
  /** 0 picks any free port. Default 4000. */
  port?: number;
  /** Only 127.0.0.1 is allowed: the store is local. */
  host?: '127.0.0.1';
  /** Where the SQLite database lives (created if missing). */
  dataDir: string;
  faults?: FaultSettings;
  /** Largest body PUT …/content accepts (default 4 MiB; real SharePoint accepts up to 250 MB). */
  simpleUploadLimitBytes?: number;
  /** Largest JSON request body (default 4 MiB, as Graph). */
  requestBodyLimitBytes?: number;
  /** How long an upload session lives after its last fragment (default 1 hour). */
  uploadSessionLifetimeMs?: number;
  /** When set, Graph and SharePoint REST requests need "Authorization: Bearer <token>" (for a store that serves more than a demo). */
  token?: string;
  /** The secret the /_admin endpoints need in the X-Admin-Secret header (default: a random one, see LocalStore.adminSecret). */
  adminSecret?: string;
  /** Origins besides the store's own that may send requests (e.g. a harness that does not vouch for its requests itself). */
  allowedOrigins?: readonly string[];
  /** The tenant's budgets (src/store/throttle.ts); none by default. */
  throttle?: ThrottleSettings;
}

export interface LocalStoreStats {
  /** Requests served (top-level HTTP requests to /v1.0, upload URLs and download URLs, plus each batch sub-request). */
  requests: { total: number; byMethod: Record<string, number> };
  batch: { envelopes: number; subRequests: number };
  faults: FaultCounts;
  authorization: { bearer: number; none: number; uploadUrlRequests: number; uploadUrlWithAuthorization: number };
  /** Resource units charged and requests refused by the modelled budgets. */
  throttling: ThrottleStats;
}

export interface LocalStore {
  /** e.g. http://127.0.0.1:4000/v1.0 */
  url: string;
  port: number;
  /** The secret for the /_admin endpoints (header X-Admin-Secret). */
  adminSecret: string;
  close(): Promise<void>;
  setFaults(faults: FaultSettings): void;
  /** Sets the modelled budgets (and starts their windows afresh). */
  setThrottle(settings: ThrottleSettings | undefined): void;
  /** Adds an email (as received) to a mailbox's folder (default the inbox), creating the mailbox. */
  addMail(mailbox: string, eml: Uint8Array, folder?: string): Promise<{ id: string; added: boolean }>;
  /** Creates the mailbox and adds the .eml files of a folder (if given) to its inbox; returns how many were new. */
  seedMailbox(mailbox: string, dir?: string): Promise<number>;
  /** Same numbers as GET /_admin/stats. */
  stats(): LocalStoreStats;
}

function newStats(): Omit<LocalStoreStats, 'faults' | 'throttling'> {
  return {
    requests: { total: 0, byMethod: {} },
    batch: { envelopes: 0, subRequests: 0 },
    authorization: { bearer: 0, none: 0, uploadUrlRequests: 0, uploadUrlWithAuthorization: 0 },
  };
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
  if (pathname.toLowerCase().startsWith(SHAREPOINT_REST_PREFIX))
    return { kind: 'sharepointRest', path: pathname.slice(SHAREPOINT_REST_PREFIX.length) };
  return { kind: 'none' };
}

/** Uploads carry bytes, not JSON: PUT to an upload URL, and PUT …/content under /v1.0. */
function isUpload(method: string, target: Route): boolean {
  if (method !== 'PUT') return false;
  return target.kind === 'upload' || (target.kind === 'graph' && /\/content$/i.test(target.path));
}

export class LocalStoreServer {
  readonly db: StoreDatabase;
  readonly faults: FaultInjector;
  readonly mail: MailStore;
  readonly throttle: Throttle;
  private counters = newStats();
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private env!: Env;
  private closed = false;
  private hosts = new Set<string>();
  private origins = new Set<string>();
  readonly adminSecret: string;
  private readonly incoming: string;

  constructor(private readonly options: LocalStoreOptions) {
    if (options.host !== undefined && options.host !== '127.0.0.1') throw new Error('The local store only listens on 127.0.0.1.');
    if (options.token !== undefined && !/^[\x21-\x7e]{16,}$/.test(options.token))
      throw new Error('The token must be at least 16 printable characters without spaces.');
    this.adminSecret = options.adminSecret ?? randomBytes(18).toString('base64url');
    this.faults = new FaultInjector(options.faults);
    this.db = new StoreDatabase(options.dataDir);
    this.mail = new MailStore(options.dataDir);
    this.throttle = new Throttle(options.throttle);
    this.incoming = path.join(options.dataDir, INCOMING_DIR);
    fs.rmSync(this.incoming, { recursive: true, force: true }); // uploads a crash left half-spooled
    fs.mkdirSync(this.incoming, { recursive: true, mode: 0o700 });
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'Content-Type': JSON_CONTENT_TYPE });
          res.end(
            JSON.stringify(
              errorBody(
                { code: 'generalException', message: error instanceof Error ? error.message : String(error) },
                randomUUID(),
                randomUUID(),
              ),
            ),
          );
        } else res.destroy();
      });
    });
    // A request too malformed for node:http to parse gets a bare 400, never an exception.
    this.server.on('clientError', (_error: Error, socket: Socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
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
    this.hosts = loopbackHosts(actual);
    this.origins = new Set([
      `http://127.0.0.1:${actual}`,
      `http://localhost:${actual}`,
      ...(this.options.allowedOrigins ?? []).map((o) => o.toLowerCase()),
    ]);
    this.env = {
      db: this.db,
      origin: `http://127.0.0.1:${actual}`,
      simpleUploadLimitBytes: this.options.simpleUploadLimitBytes ?? DEFAULT_SIMPLE_UPLOAD_LIMIT,
      uploadSessionLifetimeMs: this.options.uploadSessionLifetimeMs ?? DEFAULT_UPLOAD_SESSION_LIFETIME_MS,
      mail: this.mail,
    };
    return {
      url: `${this.env.origin}/v1.0`,
      port: actual,
      adminSecret: this.adminSecret,
      close: () => this.close(),
      setFaults: (faults) => this.faults.set(faults),
      setThrottle: (settings) => this.throttle.set(settings),
      addMail: (mailbox, eml, folder) => this.mail.addMessage(mailbox, eml, folder),
      seedMailbox: async (mailbox, dir) => (dir === undefined ? (this.mail.ensureMailbox(mailbox), 0) : this.mail.seed(mailbox, dir)),
      stats: () => this.stats(),
    };
  }

  stats(): LocalStoreStats {
    return JSON.parse(
      JSON.stringify({ ...this.counters, faults: this.faults.injected, throttling: this.throttle.counts }),
    ) as LocalStoreStats;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
    this.db.close();
    this.mail.close();
    fs.rmSync(this.incoming, { recursive: true, force: true });
  }

  private count(method: string): void {
    this.counters.requests.total++;
    this.counters.requests.byMethod[method] = (this.counters.requests.byMethod[method] ?? 0) + 1;
  }

  private async send(res: http.ServerResponse, response: StoreResponse, ids: RequestIds, head = false): Promise<void> {
    if (res.destroyed) return;
    const headers: Record<string, string | number> = {
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
      ...response.headers,
    };
    let body: Buffer | undefined;
    if (response.json !== undefined) {
      body = Buffer.from(JSON.stringify(response.json), 'utf8');
      headers['Content-Type'] = JSON_CONTENT_TYPE;
      headers['OData-Version'] = '4.0';
    } else if (response.raw !== undefined) body = response.raw;
    if (body !== undefined) headers['Content-Length'] = body.length;
    if (response.stream) headers['Content-Length'] = response.stream.size;
    res.writeHead(response.status, headers);
    if (head || !response.stream) {
      res.end(head ? undefined : body);
      return;
    }
    // A file goes out piece by piece, each read when the client has taken the one before.
    for (const read of response.stream.pieces) {
      if (res.destroyed) return;
      const piece = read();
      if (!piece) {
        res.destroy(); // the file was replaced or deleted meanwhile: cut off rather than send a mix
        return;
      }
      if (!res.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
  }

  /** Answers a request refused before it ran; the rest of its body is read and discarded (so the client sees the answer). */
  private refuse(req: http.IncomingMessage, res: http.ServerResponse, error: GraphError, ids: RequestIds): Promise<void> {
    req.resume();
    return this.send(res, this.errorResponse(error, ids), ids);
  }

  /** The reason to refuse a request before reading its body, or null: address, origin, credentials. */
  private admission(headers: Record<string, string>, method: string, target: Route): GraphError | null {
    const host = hostRefusal(headers.host, this.hosts);
    if (host) return new GraphError(421, 'BadRequest', host, 'misdirectedRequest');
    const origin = originRefusal(headers, method, this.origins);
    if (origin) return new GraphError(403, 'accessDenied', origin, 'crossOriginRequest');
    if (target.kind === 'admin') {
      const given = headers[ADMIN_SECRET_HEADER];
      if (given === undefined || !sameSecret(given, this.adminSecret)) {
        return new GraphError(
          401,
          'unauthenticated',
          'The admin endpoints need the secret the store printed when it started, in the X-Admin-Secret header.',
        );
      }
    }
    if (this.options.token !== undefined && (target.kind === 'graph' || target.kind === 'sharepointRest')) {
      const token = bearerToken(headers.authorization);
      if (token === null || !sameSecret(token, this.options.token)) {
        return new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty or not valid for this store.', undefined, {
          'WWW-Authenticate': 'Bearer realm="local store"',
        });
      }
    }
    return null;
  }

  private errorResponse(error: unknown, ids: RequestIds): StoreResponse {
    if (error instanceof GraphError)
      return { status: error.status, headers: { ...error.headers }, json: errorBody(error, ids.requestId, ids.clientRequestId) };
    return {
      status: 500,
      headers: {},
      json: errorBody(
        { code: 'generalException', message: error instanceof Error ? error.message : String(error) },
        ids.requestId,
        ids.clientRequestId,
      ),
    };
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
        ? new GraphError(
            429,
            'activityLimitReached',
            'The request has been throttled. Retry after the number of seconds in the Retry-After header.',
            'throttledRequest',
          )
        : new GraphError(
            503,
            'serviceNotAvailable',
            'The service is temporarily unavailable. Retry after the number of seconds in the Retry-After header.',
          );
    return {
      status: error.status,
      headers: { 'Retry-After': String(retryAfterSeconds) },
      json: errorBody(error, ids.requestId, ids.clientRequestId),
    };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const headers = headerMap(req);
    const ids = { requestId: randomUUID(), clientRequestId: headers['client-request-id'] ?? randomUUID() };
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      if (!(req.url ?? '/').startsWith('/')) throw new TypeError('not a path');
      url = new URL(req.url ?? '/', this.env.origin);
      decodeURIComponent(url.pathname); // a path that is not correctly percent-encoded (GET /%) is malformed
    } catch {
      return this.refuse(req, res, badRequest('The request target is not a valid, correctly percent-encoded path.'), ids);
    }
    const target = route(url.pathname);
    const refusal = this.admission(headers, method, target);
    if (refusal) return this.refuse(req, res, refusal, ids);
    // A mailbox request is in progress from its arrival until its answer is gone (Exchange's 4 at once).
    if (target.kind === 'graph') res.on('close', this.throttle.enter(target.path, appOf(headers.authorization)));
    let body: Buffer = Buffer.alloc(0);
    let content: SpooledContent | undefined;
    try {
      if (isUpload(method, target)) {
        const limit = target.kind === 'upload' ? MAX_FRAGMENT_BYTES : this.env.simpleUploadLimitBytes;
        const declared = /^\d+$/.test(headers['content-length'] ?? '') ? Number(headers['content-length']) : null;
        // A file of at most one piece (a form, an email) is read in memory; anything larger goes to disk as it arrives.
        if (declared !== null && declared <= Math.min(limit, PIECE_BYTES))
          content = { ...bufferContent(await readBody(req, declared)), dispose: () => undefined };
        else content = await spoolBody(req, limit, this.incoming);
      } else body = await readBody(req, this.options.requestBodyLimitBytes ?? DEFAULT_REQUEST_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) return; // the client went away: no one to answer
      const tooLarge =
        target.kind === 'upload'
          ? fragmentTooLarge()
          : isUpload(method, target)
            ? simpleUploadTooLarge(this.env, error.declared)
            : new GraphError(413, 'invalidRequest', error.message, 'requestTooLarge');
      return this.refuse(
        req,
        res,
        tooLarge.status === 413 ? tooLarge : new GraphError(413, tooLarge.code, tooLarge.message, tooLarge.innerCode),
        ids,
      );
    }
    try {
      await this.dispatch(req, res, { headers, ids, method, url, target, body, ...(content ? { content } : {}) });
    } finally {
      content?.dispose();
    }
  }

  private async dispatch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    request: {
      headers: Record<string, string>;
      ids: RequestIds;
      method: string;
      url: URL;
      target: Route;
      body: Buffer;
      content?: SpooledContent;
    },
  ): Promise<void> {
    const { headers, ids, method, url, target, body, content } = request;
    const addMail = target.kind === 'admin' ? /^\/mailboxes\/([^/]+)\/messages$/.exec(target.path) : null;
    if (addMail) {
      // An email arriving: the raw .eml as the body, into ?folder= (default the inbox).
      let response: StoreResponse;
      try {
        if (method !== 'POST') throw methodNotAllowed();
        const added = await this.mail.addMessage(
          decodeSegment(addMail[1]!),
          new Uint8Array(body),
          url.searchParams.get('folder') ?? 'inbox',
        );
        response = json(added.added ? 201 : 200, added);
      } catch (error) {
        response = this.errorResponse(error instanceof Error && error.name === 'MailError' ? invalidRequest(error.message) : error, ids);
      }
      await this.send(res, response, ids);
      return;
    }
    if (target.kind === 'admin') {
      await this.send(res, this.admin(method, target.path, body, headers['content-type'], ids), ids);
      return;
    }
    if (target.kind === 'sharepointRest') {
      // SharePoint's REST API for views and column formatting (not Graph: not counted, not faulted).
      const restReq: StoreRequest = {
        method,
        path: target.path,
        query: url.searchParams,
        headers,
        body,
        requestUrl: `${this.env.origin}${url.pathname}${url.search}`,
      };
      await this.send(
        res,
        this.execute(() => handleSharePointRest(this.env, restReq, target.path), ids),
        ids,
      );
      return;
    }
    if (target.kind === 'none') {
      await this.send(res, this.errorResponse(notFound(`No resource at '${url.pathname}'. Graph requests go under /v1.0.`), ids), ids);
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
      ...(content ? { content } : {}),
      requestUrl:
        target.kind === 'graph' ? `${this.env.origin}/v1.0${target.path}${url.search}` : `${this.env.origin}${url.pathname}${url.search}`,
    };

    if (target.kind === 'graph' && target.path === '/$batch') {
      await this.batch(req, res, storeReq, ids);
      return;
    }
    const isWrite = isWriteMethod(method);
    const decision = target.kind === 'download' ? { kind: 'none' as const } : this.faults.before(isWrite);
    const admission =
      decision.kind === 'none'
        ? this.throttle.admit({
            method,
            path: storeReq.path,
            query: url.searchParams,
            kind: target.kind,
            app: appOf(authorization),
            topLevel: true,
          })
        : null;
    let response: StoreResponse;
    let drop = false;
    if (decision.kind !== 'none') response = this.faultResponse(decision.kind, decision.retryAfterSeconds, ids);
    else if (admission && !admission.ok) response = this.throttledResponse(admission, ids);
    else {
      response = this.execute(() => {
        if (target.kind === 'graph') return handleGraph(this.env, storeReq);
        if (target.kind === 'upload') return handleUploadUrl(this.env, storeReq, target.id);
        return handleDownload(this.env, storeReq, target.id);
      }, ids);
      if (admission) response = { ...response, headers: { ...response.headers, ...admission.headers } };
      drop = isWrite && this.faults.dropAfterCommit();
    }
    const stall = target.kind === 'download' ? 0 : this.faults.stallFor(isWrite);
    if (stall > 0) await sleep(stall);
    if (drop) {
      req.socket.destroy();
      return;
    }
    await this.send(res, response, ids, method === 'HEAD');
  }

  private throttledResponse(
    admission: { retryAfterSeconds: number; code: string; message: string; headers: Record<string, string> },
    ids: RequestIds,
  ): StoreResponse {
    const error = new GraphError(429, admission.code, admission.message, 'throttledRequest');
    return { status: 429, headers: { ...admission.headers }, json: errorBody(error, ids.requestId, ids.clientRequestId) };
  }

  private async batch(req: http.IncomingMessage, res: http.ServerResponse, envelope: StoreRequest, ids: RequestIds): Promise<void> {
    const app = appOf(envelope.headers.authorization);
    if (envelope.method !== 'POST') {
      await this.send(res, this.errorResponse(methodNotAllowed(), ids), ids);
      return;
    }
    this.counters.batch.envelopes++;
    let requests;
    try {
      requests = parseBatch(jsonBody(envelope));
    } catch (error) {
      await this.send(res, this.errorResponse(error, ids), ids);
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
        if (decision.kind !== 'none')
          return { response: this.faultResponse(decision.kind, decision.retryAfterSeconds, subIds), dropAfterCommit: false };
        let subReq: StoreRequest;
        try {
          subReq = toStoreRequest(this.env, sub);
        } catch (error) {
          return { response: this.errorResponse(error, subIds), dropAfterCommit: false };
        }
        const admission = this.throttle.admit({
          method: sub.method,
          path: subReq.path,
          query: subReq.query,
          kind: 'graph',
          app,
          topLevel: false,
        });
        if (!admission.ok) return { response: this.throttledResponse(admission, subIds), dropAfterCommit: false };
        const response = this.execute(() => handleGraph(this.env, subReq), subIds);
        return {
          response: { ...response, headers: { ...response.headers, ...admission.headers } },
          dropAfterCommit: isWrite && this.faults.dropAfterCommit(),
        };
      },
      (error, subIds) => this.errorResponse(error, subIds),
    );
    const stall = this.faults.stallFor(anyWrite);
    if (stall > 0) await sleep(stall);
    if (drop) {
      req.socket.destroy();
      return;
    }
    // The app's RateLimit state after the batch, on the envelope too, where a client's middleware sees it.
    await this.send(res, json(200, { responses }, this.throttle.rateLimitHeaders(app)), ids);
  }

  private admin(method: string, path: string, body: Buffer, contentType: string | undefined, ids: RequestIds): StoreResponse {
    try {
      let parsed: unknown;
      if (body.length > 0) {
        if (!isJsonContentType(contentType))
          throw new GraphError(
            415,
            'BadRequest',
            'The request body must be JSON, sent with Content-Type: application/json.',
            'unsupportedMediaType',
          );
        try {
          parsed = JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          throw invalidRequest('The request body is not valid JSON.');
        }
      }
      if (path === '/throttle') {
        if (method !== 'GET' && method !== 'POST' && method !== 'PUT' && method !== 'DELETE') throw methodNotAllowed();
        if (method !== 'GET') {
          try {
            this.throttle.set(method === 'DELETE' ? undefined : (parsed ?? {}));
          } catch (error) {
            throw invalidRequest(`Invalid throttle settings: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        return json(200, this.throttle.current);
      }
      return handleAdmin(
        { env: this.env, faults: this.faults, stats: () => this.stats(), reset: () => this.reset() },
        method,
        path,
        parsed,
      );
    } catch (error) {
      return this.errorResponse(error, ids);
    }
  }

  private reset(): void {
    this.db.reset();
    this.mail.reset();
    this.throttle.reset();
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
