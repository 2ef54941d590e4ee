// Shared helpers for the local store tests: a store on a free port with a fresh data directory, and a
// small fetch wrapper that returns status, headers and parsed JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStore, type LocalStore, type LocalStoreOptions } from '../../src/store';

export interface Reply {
  status: number;
  headers: Headers;
  json: any; // parsed JSON of any Graph resource
  bytes: Buffer;
}

export interface Api {
  g: LocalStore;
  dataDir: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  call(method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  send(method: string, pathOrUrl: string, bytes: Buffer | string | undefined, headers?: Record<string, string>): Promise<Reply>;
  admin(method: string, adminPath: string, body?: unknown): Promise<Reply>;
  /** Closes the store and deletes its data directory. */
  dispose(): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hub-intake-store-'));
}

async function reply(response: Response): Promise<Reply> {
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: unknown = undefined;
  if (bytes.length > 0 && /json/.test(response.headers.get('content-type') ?? '')) json = JSON.parse(bytes.toString('utf8'));
  return { status: response.status, headers: response.headers, json, bytes };
}

export function apiFor(g: LocalStore, dataDir: string): Api {
  const origin = g.url.replace(/\/v1\.0$/, '');
  const urlOf = (p: string) => (/^https?:/.test(p) ? p : `${g.url}${p}`);
  return {
    g,
    dataDir,
    origin,
    async call(method, pathOrUrl, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
        redirect: 'manual',
      };
      if (body !== undefined) init.body = JSON.stringify(body);
      return reply(await fetch(urlOf(pathOrUrl), init));
    },
    async send(method, pathOrUrl, bytes, headers = {}) {
      const init: RequestInit = { method, headers, redirect: 'manual' };
      if (bytes !== undefined) init.body = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
      return reply(await fetch(urlOf(pathOrUrl), init));
    },
    async admin(method, adminPath, body) {
      const init: RequestInit = {
        method,
        headers: { 'X-Admin-Secret': g.adminSecret, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      };
      if (body !== undefined) init.body = JSON.stringify(body);
      return reply(await fetch(`${origin}/_admin${adminPath}`, init));
    },
    async dispose() {
      await g.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startStore(options: Partial<LocalStoreOptions> = {}): Promise<Api> {
  const dataDir = options.dataDir ?? tempDataDir();
  const g = await startLocalStore({ port: 0, ...options, dataDir });
  return apiFor(g, dataDir);
}

export const SITE = '/sites/root';

/** Creates a generic list with the given columns and returns its id. */
export async function createList(api: Api, displayName: string, columns: unknown[] = []): Promise<string> {
  const r = await api.call('POST', `${SITE}/lists`, { displayName, columns, list: { template: 'genericList' } });
  if (r.status !== 201) throw new Error(`createList ${displayName}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as string;
}

export function expectGraphError(r: Reply, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.json).toEqual({
    error: {
      code,
      message: expect.any(String),
      innerError: expect.objectContaining({
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
        'request-id': expect.any(String),
        'client-request-id': expect.any(String),
      }),
    },
  });
  expect(r.headers.get('request-id')).toBe(r.json.error.innerError['request-id']);
}
