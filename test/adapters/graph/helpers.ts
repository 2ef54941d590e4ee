// Shared set-up for the Graph adapter tests: the local store on a free port, a Graph client
// that records every request on the wire, and the sample emails read for filing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type AccessTokenProvider,
  type Application,
  createGraphClient,
  type Exchange,
  type GraphClient,
  noToken,
  provisionApplications,
  resolveTarget,
  type FilingTarget,
} from '../../../src/adapters/graph';
import type { Sleep } from '../../../src/adapters/wire/middleware';
import { startLocalStore, type LocalStore, type LocalStoreOptions } from '../../../src/store';
import { readApplication } from '../../../src/cli/applications';
import { collectInputs } from '../../../src/cli/inputs';
import { loadCatalogue } from '../../../src/core/catalogue';
import { intake } from '../../../src/core/intake';
import type { Message } from '../../../src/core/message';
import { readEml } from '../../../src/adapters/mail-files/read-eml';

export const catalogue = loadCatalogue();
export const templates = catalogue.templates;

export interface Harness {
  store: LocalStore;
  dataDir: string;
  origin: string;
  client: GraphClient;
  wire: Exchange[];
  /** Starts the store again on the same port and data (a restart). */
  restart(): Promise<void>;
  admin(method: string, adminPath: string, body?: unknown): Promise<any>;
  dispose(): Promise<void>;
}

export async function startHarness(
  options: { store?: Partial<LocalStoreOptions>; auth?: AccessTokenProvider; sleep?: Sleep } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-intake-graph-'));
  const storeOptions = { port: 0, ...options.store, dataDir };
  const wire: Exchange[] = [];
  const h: Harness = {
    store: await startLocalStore(storeOptions),
    dataDir,
    origin: '',
    client: undefined as unknown as GraphClient,
    wire,
    async restart() {
      const port = h.store.port;
      await h.store.close();
      h.store = await startLocalStore({ ...storeOptions, port });
    },
    async admin(method, adminPath, body) {
      const response = await fetch(`${h.origin}/_admin${adminPath}`, {
        method,
        headers: { 'X-Admin-Secret': h.store.adminSecret, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    },
    async dispose() {
      await h.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  h.origin = h.store.url.replace(/\/v1\.0$/, '');
  h.client = createGraphClient({
    graphUrl: h.store.url,
    auth: options.auth ?? noToken,
    sleep: options.sleep ?? (async () => undefined),
    retry: { baseDelayMs: 0 },
    observe: (e) => wire.push(e),
  });
  return h;
}

export async function provisioned(h: Harness): Promise<FilingTarget> {
  await provisionApplications(h.client, 'root', { templates });
  return resolveTarget(h.client, { site: 'root' });
}

let cached: Application[] | null = null;
const messages = new WeakMap<Application, Message>();
/** The sample emails, checked, with their bytes. */
export async function sampleApplications(): Promise<Application[]> {
  if (cached) return cached;
  const apps: Application[] = [];
  for (const file of collectInputs([path.join(__dirname, '../../../samples/emails')]).files) {
    const read = await readApplication(file, catalogue);
    if (!read.ok) throw new Error(read.error);
    messages.set(read.application, await readEml(fs.readFileSync(file)));
    apps.push(read.application);
  }
  return (cached = apps);
}

/** The email a sample application was read from. */
export function messageOf(app: Application): Message {
  return messages.get(app)!;
}

/** A sample's email changed (another Message-ID, another sender…), checked again through the one intake path. */
export function asChangedEmail(
  app: Application,
  change: Partial<Message>,
  source = `${app.intake.report.source}#${change.internetMessageId ?? 'changed'}`,
): Application {
  const message = { ...messageOf(app), ...change };
  const changed = { intake: intake(message, { catalogue, source }), email: app.email };
  messages.set(changed, message);
  return changed;
}

/** The same application under another Message-ID (another email with the same form). */
export function asAnotherEmail(app: Application, messageId: string, receivedAt?: string): Application {
  return asChangedEmail(app, { internetMessageId: messageId, ...(receivedAt ? { receivedAt } : {}) });
}

/** The parsed JSON body of a request as sent. */
export function bodyOf(e: Exchange): any {
  return typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
}

export async function graphGet(h: Harness, pathAndQuery: string): Promise<any> {
  const response = await fetch(`${h.store.url}${pathAndQuery}`);
  return response.json();
}
