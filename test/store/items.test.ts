// List items: create, read, update with eTags, query with $filter/$orderby/$top, and the SharePoint rules
// the store reproduces (non-indexed queries need a Prefer header; hyperlink columns cannot be written).
import { HYPERLINK_REFUSAL, nonIndexedMessage, SITE_ID } from '../../src/store';
import { createList, expectGraphError, SITE, startStore, type Api } from './helpers';

let api: Api;
let listId: string;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const items = (query = '') => `${SITE}/lists/${listId}/items${query}`;

beforeAll(async () => {
  api = await startStore();
  listId = await createList(api, 'Applications', [
    { name: 'School', text: {} },
    { name: 'Urn', number: {}, indexed: true },
    { name: 'Status', choice: { choices: ['New', 'Checked', 'Filed'] }, indexed: true },
    { name: 'Complete', boolean: {}, indexed: true },
    { name: 'Received', dateTime: { format: 'dateTime' }, indexed: true },
    { name: 'Notes', text: { allowMultipleLines: true } },
    { name: 'EmailLink', hyperlinkOrPicture: {} },
    { name: 'MessageId', text: {}, enforceUniqueValues: true },
  ]);
  const rows = [
    {
      Title: 'Ashfield',
      School: 'Ashfield Academy',
      Urn: 137425,
      Status: 'New',
      Complete: false,
      Received: '2024-03-01T09:00:00Z',
      MessageId: 'm1',
    },
    {
      Title: 'Beacon',
      School: 'Beacon School',
      Urn: 100200,
      Status: 'Checked',
      Complete: true,
      Received: '2024-03-02T09:00:00Z',
      MessageId: 'm2',
    },
    {
      Title: 'Castle',
      School: 'Castle Primary',
      Urn: 120000,
      Status: 'Filed',
      Complete: true,
      Received: '2024-03-03T09:00:00Z',
      MessageId: 'm3',
    },
    {
      Title: 'Ashton',
      School: 'Ashton Park',
      Urn: 110000,
      Status: 'New',
      Complete: false,
      Received: '2024-03-04T09:00:00Z',
      MessageId: 'm4',
    },
  ];
  for (const fields of rows) {
    const r = await api.call('POST', items(), { fields });
    if (r.status !== 201) throw new Error(JSON.stringify(r.json));
  }
});
afterAll(async () => {
  await api.dispose();
});

describe('creating and reading items', () => {
  test('POST returns 201 with the listItem shape Graph documents', async () => {
    const r = await api.call('POST', items(), {
      fields: { Title: 'Dale', School: 'Dale Academy', Urn: 140000, Notes: 'Two\nlines', MessageId: 'm5' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      id: '5',
      eTag: expect.stringMatching(/^"[0-9a-f-]{36},1"$/),
      createdDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      lastModifiedDateTime: expect.any(String),
      webUrl: `${api.origin}/sites/hub-intake/Lists/Applications/DispForm.aspx?ID=5`,
      createdBy: { user: { displayName: expect.any(String) } },
      lastModifiedBy: { user: { displayName: expect.any(String) } },
      contentType: { id: expect.stringMatching(/^0x0100/), name: 'Item' },
      parentReference: { siteId: SITE_ID },
      fields: {
        '@odata.etag': r.json.eTag,
        id: '5',
        Title: 'Dale',
        School: 'Dale Academy',
        Urn: 140000,
        Notes: 'Two\nlines',
        Created: r.json.createdDateTime,
        Modified: r.json.lastModifiedDateTime,
      },
    });
    const read = await api.call('GET', items('/5?$expand=fields'));
    expect(read.status).toBe(200);
    expect(read.json.fields).toMatchObject({ Title: 'Dale', Urn: 140000, '@odata.etag': r.json.eTag });
    const noFields = await api.call('GET', items('/5'));
    expect(noFields.json.fields).toBeUndefined();
    const fieldsOnly = await api.call('GET', items('/5/fields'));
    expect(fieldsOnly.json).toMatchObject({ Title: 'Dale', id: '5' });
    expect((await api.call('DELETE', items('/5'))).status).toBe(204);
    expectGraphError(await api.call('GET', items('/5')), 404, 'itemNotFound');
  });

  test('ids increment and are never reused', async () => {
    const a = await api.call('POST', items(), { fields: { Title: 'Temp A' } });
    const b = await api.call('POST', items(), { fields: { Title: 'Temp B' } });
    expect(Number(b.json.id)).toBe(Number(a.json.id) + 1);
    expect(Number(a.json.id)).toBeGreaterThan(5);
    await api.call('DELETE', items(`/${a.json.id}`));
    await api.call('DELETE', items(`/${b.json.id}`));
  });

  test('unknown fields, read-only fields and values of the wrong type are 400 invalidRequest', async () => {
    const unknown = await api.call('POST', items(), { fields: { Title: 'x', Shcool: 'typo' } });
    expectGraphError(unknown, 400, 'invalidRequest');
    expect(unknown.json.error.message).toBe("Field 'Shcool' is not recognized");
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x', Urn: '137425' } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x', Complete: 'yes' } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x', Status: 'Lost' } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x', Received: 'next Tuesday' } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x'.repeat(256) } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { fields: { Title: 'x', Created: '2024-01-01T00:00:00Z' } }), 400, 'invalidRequest');
    expectGraphError(await api.call('POST', items(), { Title: 'fields not wrapped' }), 400, 'BadRequest');
    // Nothing was created by the refused requests.
    const all = await api.call('GET', items('?$expand=fields'));
    expect((all.json.value as { fields: { Title: string } }[]).every((i) => i.fields.Title !== 'x')).toBe(true);
  });

  test('enforceUniqueValues refuses a duplicate with 409', async () => {
    const r = await api.call('POST', items(), { fields: { Title: 'Again', MessageId: 'M1' } });
    expect(r.status).toBe(409);
  });
});

describe('hyperlinkOrPicture columns', () => {
  test('writing one through Graph is refused, on create and on update', async () => {
    const create = await api.call('POST', items(), {
      fields: { Title: 'Link', EmailLink: { Url: 'https://example.org', Description: 'mail' } },
    });
    expectGraphError(create, 400, 'invalidRequest');
    expect(create.json.error.message).toBe(HYPERLINK_REFUSAL);
    const update = await api.call('PATCH', items('/1/fields'), { EmailLink: 'https://example.org, mail' });
    expectGraphError(update, 400, 'invalidRequest');
    expect(update.json.error.message).toBe(HYPERLINK_REFUSAL);
  });

  test('a value set outside Graph (admin seeding) reads back as { Description, Url }', async () => {
    const seeded = await api.admin('PATCH', `/lists/${listId}/items/2/fields`, {
      EmailLink: { Url: 'https://example.org/m2', Description: 'Email' },
    });
    expect(seeded.status).toBe(200);
    const read = await api.call('GET', items('/2/fields'));
    expect(read.json.EmailLink).toEqual({ Description: 'Email', Url: 'https://example.org/m2' });
  });
});

describe('updates, eTags and If-Match', () => {
  test('every update increments the version in the eTag; a stale If-Match is 412; * always matches', async () => {
    const created = await api.call('POST', items(), { fields: { Title: 'Versioned' } });
    const id = created.json.id as string;
    const v1 = created.json.eTag as string;
    expect(v1).toMatch(/,1"$/);

    const p1 = await api.call('PATCH', items(`/${id}/fields`), { School: 'Versioned School' }, { 'If-Match': v1 });
    expect(p1.status).toBe(200);
    expect(p1.json).toMatchObject({ Title: 'Versioned', School: 'Versioned School', _UIVersionString: '2.0' });
    const v2 = p1.json['@odata.etag'] as string;
    expect(v2).toBe(v1.replace(/,1"$/, ',2"'));

    const stale = await api.call('PATCH', items(`/${id}/fields`), { School: 'Lost update' }, { 'If-Match': v1 });
    expectGraphError(stale, 412, 'preconditionFailed');

    const star = await api.call('PATCH', items(`/${id}/fields`), { School: 'Star' }, { 'If-Match': '*' });
    expect(star.status).toBe(200);
    expect(star.json['@odata.etag']).toMatch(/,3"$/);

    const viaItem = await api.call('PATCH', items(`/${id}`), { fields: { Urn: 1 } }, { 'If-Match': star.json['@odata.etag'] });
    expect(viaItem.status).toBe(200);
    expect(viaItem.json).toMatchObject({ id, eTag: expect.stringMatching(/,4"$/), fields: { Urn: 1, School: 'Star' } });

    const cleared = await api.call('PATCH', items(`/${id}/fields`), { School: null });
    expect(cleared.json.School).toBeUndefined();
    expect(cleared.json['@odata.etag']).toMatch(/,5"$/);

    expectGraphError(await api.call('DELETE', items(`/${id}`), undefined, { 'If-Match': v1 }), 412, 'preconditionFailed');
    expect((await api.call('DELETE', items(`/${id}`), undefined, { 'If-Match': cleared.json['@odata.etag'] })).status).toBe(204);
    const refused = await api.call('GET', items(`/${id}`));
    expect(refused.status).toBe(404);
  });
});

describe('querying items', () => {
  const titles = (r: { json: { value: { fields: { Title: string } }[] } }) => r.json.value.map((i) => i.fields.Title);

  test('filters on indexed columns work without the Prefer header', async () => {
    expect(titles(await api.call('GET', items("?$expand=fields&$filter=fields/Status eq 'New'")))).toEqual(['Ashfield', 'Ashton']);
    expect(titles(await api.call('GET', items('?$expand=fields&$filter=fields/Urn eq 100200')))).toEqual(['Beacon']);
    expect(titles(await api.call('GET', items('?$expand=fields&$filter=fields/Complete eq true')))).toEqual(['Beacon', 'Castle']);
    expect(titles(await api.call('GET', items("?$expand=fields&$filter=fields/Status ne 'New' and fields/Urn gt 110000")))).toEqual([
      'Castle',
    ]);
    expect(titles(await api.call('GET', items("?$expand=fields&$filter=fields/Status eq 'Filed' or fields/Urn lt 110001")))).toEqual([
      'Beacon',
      'Castle',
      'Ashton',
    ]);
    expect(titles(await api.call('GET', items("?$expand=fields&$filter=startswith(fields/Status,'Che')")))).toEqual(['Beacon']);
    expect(titles(await api.call('GET', items("?$expand=fields&$filter=fields/Received ge '2024-03-03T00:00:00Z'")))).toEqual([
      'Castle',
      'Ashton',
    ]);
    expect(titles(await api.call('GET', items('?$expand=fields&$filter=fields/id le 2')))).toEqual(['Ashfield', 'Beacon']);
  });

  test('a filter or orderby on a column that is not indexed is 400 unless the Prefer header is sent', async () => {
    const refused = await api.call('GET', items("?$expand=fields&$filter=fields/School eq 'Beacon School'"));
    expectGraphError(refused, 400, 'invalidRequest');
    expect(refused.json.error.message).toBe(
      "Field 'School' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    expect(refused.json.error.message).toBe(nonIndexedMessage('School'));
    const ordered = await api.call('GET', items('?$expand=fields&$orderby=fields/Title'));
    expectGraphError(ordered, 400, 'invalidRequest');
    expect(ordered.json.error.message).toBe(nonIndexedMessage('Title'));

    const allowed = await api.call('GET', items("?$expand=fields&$filter=fields/School eq 'beacon school'"), undefined, PREFER);
    expect(allowed.status).toBe(200);
    expect(titles(allowed)).toEqual(['Beacon']);
    const prefix = await api.call(
      'GET',
      items("?$expand=fields&$filter=startswith(fields/Title,'Ash')&$orderby=fields/Title desc"),
      undefined,
      PREFER,
    );
    expect(titles(prefix)).toEqual(['Ashton', 'Ashfield']);
  });

  test('$orderby on an indexed column, descending', async () => {
    expect(titles(await api.call('GET', items('?$expand=fields&$orderby=fields/Urn desc')))).toEqual([
      'Ashfield',
      'Castle',
      'Ashton',
      'Beacon',
    ]);
    expect(titles(await api.call('GET', items('?$expand=fields&$orderby=fields/Received desc&$filter=fields/Complete eq false')))).toEqual([
      'Ashton',
      'Ashfield',
    ]);
  });

  test('$expand=fields($select=…) and $select on item properties', async () => {
    const r = await api.call('GET', items('?$select=id,eTag&$expand=fields($select=School,Urn)&$filter=fields/Urn eq 137425'));
    expect(r.json.value).toHaveLength(1);
    const [item] = r.json.value;
    expect(
      Object.keys(item)
        .filter((k) => !k.startsWith('@odata.'))
        .sort(),
    ).toEqual(['eTag', 'fields', 'id']);
    expect(item.fields).toEqual({ '@odata.etag': item.eTag, School: 'Ashfield Academy', Urn: 137425 });
  });

  test('unknown fields and bad syntax in a filter are 400', async () => {
    expectGraphError(await api.call('GET', items("?$filter=fields/Nope eq 'x'"), undefined, PREFER), 400, 'invalidRequest');
    expectGraphError(await api.call('GET', items('?$filter=fields/Status eq'), undefined, PREFER), 400, 'BadRequest');
    expectGraphError(await api.call('GET', items("?$filter=contains(fields/Status,'e')"), undefined, PREFER), 400, 'invalidRequest');
  });
});

describe('paging', () => {
  test('$top pages with @odata.nextLink and $skiptoken; the default page is 200', async () => {
    const pagedId = await createList(api, 'Paging', [{ name: 'N', number: {}, indexed: true }]);
    const batchOf = (from: number) => ({
      requests: Array.from({ length: 20 }, (_, i) => ({
        id: String(i + 1),
        method: 'POST',
        url: `/sites/root/lists/${pagedId}/items`,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: `Row ${from + i}`, N: from + i } },
      })),
    });
    for (let from = 0; from < 205; from += 20) {
      const r = await api.call('POST', '/$batch', batchOf(from));
      expect(r.json.responses.every((s: { status: number }) => s.status === 201)).toBe(true);
    }
    // 220 rows: the default page holds 200.
    const first = await api.call('GET', `${SITE}/lists/${pagedId}/items`);
    expect(first.json.value).toHaveLength(200);
    expect(first.json['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const rest = await api.call('GET', first.json['@odata.nextLink']);
    expect(rest.json.value).toHaveLength(20);
    expect(rest.json['@odata.nextLink']).toBeUndefined();
    // The Graph JS SDK's PageIterator, given an http:// nextLink, requests <baseUrl>/v1.0/<nextLink>.
    const viaSdk = await api.call('GET', `${api.g.url}/${first.json['@odata.nextLink']}`);
    expect(viaSdk.json.value.map((i: { id: string }) => i.id)).toEqual(rest.json.value.map((i: { id: string }) => i.id));

    // Walk the list 64 at a time, keeping the query options.
    const seen: number[] = [];
    let next: string | undefined = `${SITE}/lists/${pagedId}/items?$top=64&$expand=fields($select=N)&$filter=fields/N ge 10`;
    let pages = 0;
    while (next) {
      const page: Awaited<ReturnType<Api['call']>> = await api.call('GET', next);
      expect(page.status).toBe(200);
      seen.push(...(page.json.value as { fields: { N: number } }[]).map((i) => i.fields.N));
      next = page.json['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 210 }, (_, i) => i + 10));

    // Ordered paging uses an offset token.
    const desc = await api.call('GET', `${SITE}/lists/${pagedId}/items?$top=150&$orderby=fields/N desc&$expand=fields`);
    const desc2 = await api.call('GET', desc.json['@odata.nextLink']);
    const ns = [...desc.json.value, ...desc2.json.value].map((i: { fields: { N: number } }) => i.fields.N);
    expect(ns).toEqual(Array.from({ length: 220 }, (_, i) => 219 - i));
  });
});
