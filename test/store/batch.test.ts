// JSON batching: up to 20 sub-requests through the same router, dependsOn, and throttling per sub-request.
import { createList, expectGraphError, SITE, startStore, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await startStore();
});
afterAll(async () => {
  await api.dispose();
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: any; // parsed JSON of any Graph resource
}

test('a batch of 20 with dependsOn and one throttled sub-request', async () => {
  const listId = await createList(api, 'Batch Target', [{ name: 'N', number: {}, indexed: true }]);
  const items = `/sites/root/lists/${listId}/items`;
  const requests: Record<string, unknown>[] = [];
  for (let i = 1; i <= 14; i++)
    requests.push({ id: String(i), method: 'POST', url: items, headers: JSON_HEADERS, body: { fields: { Title: `Row ${i}`, N: i } } });
  requests.push({ id: '15', method: 'POST', url: items, headers: JSON_HEADERS, body: { fields: { Title: 'Throttled', N: 15 } } });
  requests.push({ id: '16', method: 'GET', url: `${items}?$filter=fields/N eq 15`, dependsOn: ['15'] });
  requests.push({ id: '17', method: 'GET', url: `${items}/1?$expand=fields`, dependsOn: ['1'] });
  requests.push({
    id: '18',
    method: 'PATCH',
    url: `${items}/2/fields`,
    headers: JSON_HEADERS,
    body: { Title: 'Row 2 (edited)' },
    dependsOn: ['2', '17'],
  });
  requests.push({ id: '19', method: 'DELETE', url: `${items}/3`, dependsOn: ['16'] });
  requests.push({ id: '20', method: 'GET', url: `/v1.0${items}?$expand=fields&$orderby=fields/N desc&$top=3` });

  // The 15th counted sub-request is throttled (dependents that never run are not counted).
  api.g.setFaults({ throttleEvery: 15, retryAfterSeconds: 3 });
  const r = await api.call('POST', '/$batch', { requests });
  api.g.setFaults({});

  expect(r.status).toBe(200);
  const responses = r.json.responses as SubResponse[];
  expect(responses.map((s) => s.id)).toEqual(requests.map((q) => q.id));
  const byId = new Map(responses.map((s) => [s.id, s] as const));
  for (let i = 1; i <= 14; i++)
    expect(byId.get(String(i))).toMatchObject({ status: 201, body: { id: String(i), fields: { Title: `Row ${i}` } } });

  const throttled = byId.get('15')!;
  expect(throttled.status).toBe(429);
  expect(throttled.headers['Retry-After']).toBe('3');
  expect(throttled.body.error).toMatchObject({
    code: 'activityLimitReached',
    innerError: { 'request-id': expect.any(String), date: expect.any(String) },
  });

  expect(byId.get('16')).toMatchObject({ status: 424, body: { error: { code: 'FailedDependency' } } });
  expect(byId.get('17')).toMatchObject({ status: 200, body: { id: '1', fields: { N: 1 } } });
  expect(byId.get('18')).toMatchObject({ status: 200, body: { Title: 'Row 2 (edited)' } });
  expect(byId.get('19')!.status).toBe(424);
  expect(byId.get('20')).toMatchObject({ status: 200 });
  expect(byId.get('20')!.body.value.map((i: { fields: { N: number } }) => i.fields.N)).toEqual([14, 13, 12]);

  // Item 3 was not deleted (its delete depended on a failed request); the throttled row was not created.
  const all = await api.call('GET', `${SITE}/lists/${listId}/items?$expand=fields`);
  expect(all.json.value.map((i: { fields: { N: number } }) => i.fields.N)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));

  // Retrying just the throttled request works.
  const retry = await api.call('POST', '/$batch', { requests: [requests[14]] });
  expect(retry.json.responses[0]).toMatchObject({ id: '15', status: 201, body: { id: '15' } });
});

test('more than 20 requests is 400 invalidRequest and nothing runs', async () => {
  const listId = await createList(api, 'Batch Too Big');
  const requests = Array.from({ length: 21 }, (_, i) => ({
    id: String(i + 1),
    method: 'POST',
    url: `/sites/root/lists/${listId}/items`,
    headers: JSON_HEADERS,
    body: { fields: { Title: 'x' } },
  }));
  expectGraphError(await api.call('POST', '/$batch', { requests }), 400, 'invalidRequest');
  expect((await api.call('GET', `${SITE}/lists/${listId}/items`)).json.value).toEqual([]);
});

test('malformed batches are 400; a sub-request with a body but no Content-Type fails on its own', async () => {
  expectGraphError(await api.call('POST', '/$batch', { nope: [] }), 400, 'BadRequest');
  expectGraphError(
    await api.call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/sites/root' },
        { id: '1', method: 'GET', url: '/sites/root' },
      ],
    }),
    400,
    'BadRequest',
  );
  expectGraphError(
    await api.call('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: '/sites/root', dependsOn: ['9'] }] }),
    400,
    'BadRequest',
  );
  expectGraphError(
    await api.call('POST', '/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: '/sites/root', dependsOn: ['b'] },
        { id: 'b', method: 'GET', url: '/sites/root', dependsOn: ['a'] },
      ],
    }),
    400,
    'BadRequest',
  );
  const r = await api.call('POST', '/$batch', {
    requests: [
      { id: '1', method: 'POST', url: '/sites/root/lists', body: { displayName: 'No content type' } },
      { id: '2', method: 'GET', url: 'sites/root' },
      { id: '3', method: 'GET', url: '/sites/root/lists/Nope' },
    ],
  });
  expect(r.status).toBe(200);
  expect(r.json.responses.map((s: SubResponse) => s.status)).toEqual([400, 200, 404]);
  expect(r.json.responses[2].body.error.code).toBe('itemNotFound');
});
