// The store's mailboxes (/users/{address}/…) and its modelled budgets, over HTTP as a Graph client
// sends them, seeded from the sample .eml files.
import fs from 'node:fs';
import path from 'node:path';
import { startLocalStore } from '../../src/store';
import { apiFor, tempDataDir, type Api } from './helpers';

const EMAILS = path.join(__dirname, '..', '..', 'samples', 'emails');
const HUB = 'hub@mathshub.example';
const base = `/users/${encodeURIComponent(HUB)}`;

describe('mailboxes in the local store', () => {
  let api: Api;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    api = apiFor(await startLocalStore({ port: 0, dataDir }), dataDir);
    expect(await api.g.seedMailbox(HUB, EMAILS)).toBe(15);
    expect(await api.g.seedMailbox(HUB, EMAILS)).toBe(0); // the same files are not added twice
  });
  afterAll(() => api.dispose());

  it('serves folders by well-known name, by id, as children, and makes new ones', async () => {
    const inbox = await api.call('GET', `${base}/mailFolders/inbox`);
    expect(inbox.status).toBe(200);
    expect(inbox.json).toMatchObject({ displayName: 'Inbox', totalItemCount: 15 });
    expect((await api.call('GET', `${base}/mailFolders/${inbox.json.id}`)).json.displayName).toBe('Inbox');
    const made = await api.call('POST', `${base}/mailFolders/inbox/childFolders`, { displayName: 'Filed 2024' });
    expect(made.status).toBe(201);
    expect((await api.call('POST', `${base}/mailFolders/inbox/childFolders`, { displayName: 'filed 2024' })).json.error.code).toBe(
      'ErrorFolderExists',
    );
    const found = await api.call(
      'GET',
      `${base}/mailFolders/inbox/childFolders?$filter=${encodeURIComponent("displayName eq 'Filed 2024'")}`,
    );
    expect(found.json.value.map((f: { id: string }) => f.id)).toEqual([made.json.id]);
    const top = await api.call('GET', `${base}/mailFolders?$filter=${encodeURIComponent("displayName eq 'Archive'")}`);
    expect(top.json.value).toHaveLength(1);
    expect((await api.call('GET', `/users/nobody@example.org/mailFolders/inbox`)).json.error.code).toBe('ErrorInvalidUser');
  });

  it('lists messages with $filter, $select, $top and next links, and serves their MIME', async () => {
    const filter = encodeURIComponent('hasAttachments eq true and receivedDateTime ge 2018-01-01T00:00:00Z');
    let url: string | undefined = `${base}/mailFolders/inbox/messages?$filter=${filter}&$select=internetMessageId,hasAttachments&$top=5`;
    const seen: { id: string; internetMessageId: string; hasAttachments: boolean; subject?: string }[] = [];
    while (url) {
      const page = await api.call('GET', url);
      expect(page.status).toBe(200);
      seen.push(...page.json.value);
      url = page.json['@odata.nextLink'];
    }
    expect(seen).toHaveLength(15); // every sample has an attachment (one a PDF, no form)
    expect(seen.every((m) => m.hasAttachments && m.subject === undefined && /^<.+>$/.test(m.internetMessageId))).toBe(true);
    const none = await api.call('GET', `${base}/messages?$filter=${encodeURIComponent('receivedDateTime lt 2000-01-01T00:00:00Z')}`);
    expect(none.json.value).toEqual([]);

    const mime = await api.send('GET', `${base}/messages/${seen[0]!.id}/$value`, undefined);
    expect(mime.headers.get('content-type')).toBe('message/rfc822');
    const onDisk = fs.readdirSync(EMAILS).map((f) => fs.readFileSync(path.join(EMAILS, f)));
    expect(onDisk.some((b) => b.equals(mime.bytes))).toBe(true);
  });

  it('gives a folder delta: pages, a delta link, new mail, changed categories, and moves as @removed', async () => {
    const read = async (start: string) => {
      const items: any[] = [];
      let url: string | undefined = start;
      let deltaLink = '';
      while (url) {
        const page = await api.call('GET', url, undefined, { Prefer: 'odata.maxpagesize=4' });
        expect(page.status).toBe(200);
        expect(page.json.value.length).toBeLessThanOrEqual(4);
        items.push(...page.json.value);
        url = page.json['@odata.nextLink'];
        deltaLink = page.json['@odata.deltaLink'] ?? deltaLink;
      }
      return { items, deltaLink };
    };
    const first = await read(`${base}/mailFolders/inbox/messages/delta?$select=internetMessageId,categories,hasAttachments`);
    expect(first.items).toHaveLength(15);
    expect(first.deltaLink).toMatch(/\$deltatoken=/);
    expect((await read(first.deltaLink)).items).toEqual([]);

    const [a, b] = first.items;
    expect((await api.call('PATCH', `${base}/messages/${a.id}`, { categories: ['Filed'] })).json.categories).toEqual(['Filed']);
    const moved = await api.call('POST', `${base}/messages/${b.id}/move`, { destinationId: 'archive' });
    expect(moved.status).toBe(201);
    expect(moved.json.id).not.toBe(b.id);
    const added = await api.g.addMail(
      HUB,
      new TextEncoder().encode('Message-ID: <new@example.org>\r\nSubject: hello\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHi\r\n'),
    );
    expect(added.added).toBe(true);

    const second = await read(first.deltaLink);
    expect(second.items).toEqual([
      expect.objectContaining({ id: a.id, categories: ['Filed'] }),
      { '@odata.type': '#microsoft.graph.message', id: b.id, '@removed': { reason: 'deleted' } },
      expect.objectContaining({ id: added.id, internetMessageId: '<new@example.org>', hasAttachments: false }),
    ]);
    expect((await api.call('GET', `${base}/messages/${b.id}`)).status).toBe(404);
    expect((await api.call('GET', `${base}/mailFolders/archive/messages/${moved.json.id}`)).json.internetMessageId).toBe(
      b.internetMessageId,
    );
    expect((await api.call('GET', `${base}/mailFolders/inbox/messages/delta?$filter=${encodeURIComponent('subject eq 1')}`)).status).toBe(
      400,
    );
  });
});

describe('the modelled budgets', () => {
  let api: Api;
  beforeAll(async () => {
    const dataDir = tempDataDir();
    api = apiFor(
      await startLocalStore({
        port: 0,
        dataDir,
        throttle: { ruPerWindow: 20, ruWindowSeconds: 60, mailboxRequestsPerWindow: 5, mailboxWindowSeconds: 60 },
      }),
      dataDir,
    );
    await api.g.seedMailbox(HUB, EMAILS);
  });
  afterAll(() => api.dispose());

  it('charges SharePoint requests in resource units, with RateLimit headers from 80 % and 429 beyond', async () => {
    const lists = '/sites/root/lists';
    const site = '/sites/root';
    // A collection costs 2, a single resource 1: 2 × 7 = 14 RU, no headers yet (under 16).
    for (let i = 0; i < 7; i++) expect((await api.call('GET', lists)).headers.get('ratelimit-limit')).toBeNull();
    const near = await api.call('GET', lists); // 16 of 20
    expect(near.status).toBe(200);
    expect(near.headers.get('ratelimit-limit')).toBe('20');
    expect(near.headers.get('ratelimit-remaining')).toBe('4');
    expect(Number(near.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect((await api.call('GET', site)).headers.get('ratelimit-remaining')).toBe('3');
    // Inside a batch each sub-request is charged; the envelope carries the app's state.
    const batch = await api.call('POST', '/$batch', { requests: [1, 2, 3].map((n) => ({ id: String(n), method: 'GET', url: lists })) });
    expect(batch.json.responses.map((r: { status: number }) => r.status)).toEqual([200, 429, 429]);
    expect(batch.json.responses[1].headers['Retry-After']).toMatch(/^\d+$/);
    expect(batch.headers.get('ratelimit-remaining')).toBe('1');
    const refused = await api.call('GET', lists);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('activityLimitReached');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Mail costs no resource units: Exchange counts it per mailbox (5 here), with no RateLimit headers.
    for (let i = 0; i < 5; i++) expect((await api.call('GET', `${base}/mailFolders/inbox`)).status).toBe(200);
    const over = await api.call('GET', `${base}/mailFolders/inbox`);
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe('ApplicationThrottled');
    expect(api.g.stats().throttling).toMatchObject({ resourceUnits: 19, sharePointThrottled: 3, mailboxRequests: 6, mailboxThrottled: 1 });
    // Another app (another token) has its own budget.
    expect((await api.call('GET', lists, undefined, { Authorization: 'Bearer other-app' })).status).toBe(200);
  });

  it('refuses a fifth request to a mailbox while four are in progress', async () => {
    await api.admin('POST', '/throttle', { mailboxConcurrency: 4 });
    await api.admin('POST', '/faults', { stallMs: 300 });
    const replies = await Promise.all(Array.from({ length: 6 }, () => api.call('GET', `${base}/mailFolders/inbox`)));
    await api.admin('DELETE', '/faults');
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(replies.find((r) => r.status === 429)!.json.error.message).toMatch(/MailboxConcurrency/);
  });
});
