// Deterministic fault injection: throttling, unavailability, dropped connections after commit, stalls.
import { createList, expectGraphError, SITE, startStore, type Api } from './helpers';

let api: Api;
let listId: string;
const items = () => `${SITE}/lists/${listId}/items`;

beforeAll(async () => {
  api = await startStore();
  listId = await createList(api, 'Faulty', [{ name: 'MessageId', text: {}, enforceUniqueValues: true }]);
});
afterEach(() => {
  api.g.setFaults({});
});
afterAll(async () => {
  await api.dispose();
});

test('throttleEvery: every Nth request is 429 with Retry-After and Graph’s error shape', async () => {
  const before = api.g.stats().faults.throttled;
  api.g.setFaults({ throttleEvery: 3, retryAfterSeconds: 2 });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const r = await api.call('GET', `${SITE}/lists/${listId}`);
    statuses.push(r.status);
    if (r.status === 429) {
      expectGraphError(r, 429, 'activityLimitReached');
      expect(r.headers.get('retry-after')).toBe('2');
    }
  }
  expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
  expect(api.g.stats().faults.throttled).toBe(before + 2);
});

test('unavailableEvery: every Nth request is 503 serviceNotAvailable with Retry-After (default 1 s)', async () => {
  api.g.setFaults({ unavailableEvery: 2 });
  const first = await api.call('GET', SITE);
  const second = await api.call('GET', SITE);
  expect(first.status).toBe(200);
  expectGraphError(second, 503, 'serviceNotAvailable');
  expect(second.headers.get('retry-after')).toBe('1');
});

test("only: 'writes' leaves reads alone and counts only writes", async () => {
  api.g.setFaults({ throttleEvery: 2, only: 'writes' });
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    statuses.push((await api.call('GET', items())).status);
    statuses.push((await api.call('POST', items(), { fields: { Title: `writes-only ${i}` } })).status);
  }
  expect(statuses).toEqual([200, 201, 200, 429, 200, 201]);
});

test('stallMs delays responses', async () => {
  api.g.setFaults({ stallMs: 250 });
  const started = Date.now();
  const r = await api.call('GET', SITE);
  expect(r.status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  expect(api.g.stats().faults.stalled).toBeGreaterThanOrEqual(1);
});

test('dropAfterCommitEvery: the write is committed, the client sees a socket error, and the item exists exactly once', async () => {
  api.g.setFaults({ dropAfterCommitEvery: 2 });
  const ok = await api.call('POST', items(), { fields: { Title: 'kept', MessageId: '<a@hub>' } });
  expect(ok.status).toBe(201);
  await expect(api.call('POST', items(), { fields: { Title: 'dropped', MessageId: '<b@hub>' } })).rejects.toThrow();
  expect(api.g.stats().faults.dropped).toBe(1);

  // A naive retry of the same create is refused by the unique column, proving the first attempt landed.
  const retry = await api.call('POST', items(), { fields: { Title: 'dropped', MessageId: '<b@hub>' } });
  expect(retry.status).toBe(409);
  api.g.setFaults({});
  const found = await api.call('GET', `${items()}?$expand=fields&$filter=fields/MessageId eq '<b@hub>'`);
  expect(found.status).toBe(200);
  expect(found.json.value).toHaveLength(1);
  expect(found.json.value[0].fields.Title).toBe('dropped');
});

test('dropAfterCommit on an update: the new version is stored once', async () => {
  const created = await api.call('POST', items(), { fields: { Title: 'v1', MessageId: '<c@hub>' } });
  api.g.setFaults({ dropAfterCommitEvery: 1 });
  await expect(
    api.call('PATCH', `${items()}/${created.json.id}/fields`, { Title: 'v2' }, { 'If-Match': created.json.eTag }),
  ).rejects.toThrow();
  api.g.setFaults({});
  const read = await api.call('GET', `${items()}/${created.json.id}/fields`);
  expect(read.json).toMatchObject({ Title: 'v2', '@odata.etag': created.json.eTag.replace(/,1"$/, ',2"') });
  // Retrying with the old eTag now fails, which tells the client its first attempt was applied.
  expectGraphError(
    await api.call('PATCH', `${items()}/${created.json.id}/fields`, { Title: 'v2' }, { 'If-Match': created.json.eTag }),
    412,
    'preconditionFailed',
  );
});

describe('/_admin endpoints', () => {
  test('POST /_admin/faults validates with zod; GET shows; DELETE clears', async () => {
    for (const bad of [{ throttleEvery: 0 }, { throttleEvery: 1.5 }, { only: 'reads' }, { bogus: true }, { stallMs: -1 }]) {
      const r = await api.admin('POST', '/faults', bad);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('invalidRequest');
    }
    const set = await api.admin('POST', '/faults', { throttleEvery: 1, retryAfterSeconds: 7 });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ throttleEvery: 1, retryAfterSeconds: 7 });
    expect((await api.admin('GET', '/faults')).json).toEqual({ throttleEvery: 1, retryAfterSeconds: 7 });
    const throttled = await api.call('GET', SITE);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect((await api.admin('DELETE', '/faults')).status).toBe(204);
    expect((await api.call('GET', SITE)).status).toBe(200);
    expect(() => api.g.setFaults({ throttleEvery: -1 })).toThrow();
  });

  test('GET /_admin/stats counts requests per method and injected faults', async () => {
    const before = (await api.admin('GET', '/stats')).json;
    await api.call('GET', SITE);
    await api.call('PATCH', `${SITE}/lists/${listId}`, { description: 'counted' });
    const after = (await api.admin('GET', '/stats')).json;
    expect(after.requests.byMethod.GET).toBe((before.requests.byMethod.GET ?? 0) + 1);
    expect(after.requests.byMethod.PATCH).toBe((before.requests.byMethod.PATCH ?? 0) + 1);
    expect(after.requests.total).toBe(before.requests.total + 2);
    expect(after.faults).toEqual(
      expect.objectContaining({
        throttled: expect.any(Number),
        unavailable: expect.any(Number),
        dropped: expect.any(Number),
        stalled: expect.any(Number),
      }),
    );
  });

  test('faults can be set at start', async () => {
    const other = await startStore({ faults: { throttleEvery: 1 } });
    try {
      expect((await other.call('GET', SITE)).status).toBe(429);
    } finally {
      await other.dispose();
    }
  });

  test('POST /_admin/reset wipes the data and seeds the site again', async () => {
    const other = await startStore();
    try {
      await createList(other, 'Gone Soon');
      expect((await other.admin('POST', '/reset')).status).toBe(204);
      expectGraphError(await other.call('GET', `${SITE}/lists/Gone%20Soon`), 404, 'itemNotFound');
      const lists = await other.call('GET', `${SITE}/lists`);
      expect(lists.json.value.map((l: { displayName: string }) => l.displayName)).toEqual(['Documents']);
    } finally {
      await other.dispose();
    }
  });
});
