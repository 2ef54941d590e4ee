// The store's slice of SharePoint REST (views and column formatting), as SharePoint answers it.
import { startLocalStore } from '../../src/store';
import { createList, startStore, type Api } from './helpers';

describe('SharePoint REST under the site: views and column formatting', () => {
  let api: Api;
  let rest: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any }>;
  beforeEach(async () => {
    api = await startStore();
    rest = async (method, path, body, headers = {}) => {
      const response = await fetch(`${api.origin}/sites/hub-intake/_api/${path}`, {
        method,
        headers: {
          Accept: 'application/json;odata=nometadata',
          ...(body ? { 'Content-Type': 'application/json;odata=verbose' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    };
    await createList(api, 'Applications', [{ name: 'Status', choice: { choices: ['New'] } }]);
  });
  afterEach(() => api.dispose());

  it('lists the built-in view, adds one, and refuses an unknown field or a taken title', async () => {
    expect((await rest('GET', "web/lists/getbytitle('Applications')/views")).json.value.map((v: any) => v.Title)).toEqual(['All Items']);
    const add = (title: string, fields: string[]) =>
      rest('POST', "web/lists/getbytitle('Applications')/views/add", {
        parameters: {
          __metadata: { type: 'SP.ViewCreationInformation' },
          Title: title,
          ViewFields: { __metadata: { type: 'Collection(Edm.String)' }, results: fields },
          Query: '<OrderBy><FieldRef Name="ID" /></OrderBy>',
          RowLimit: 50,
        },
      });
    const created = await add('By status', ['Title', 'Status']);
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      Title: 'By status',
      ViewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>',
      RowLimit: 50,
      DefaultView: false,
      ServerRelativeUrl: '/sites/hub-intake/Lists/Applications/Bystatus.aspx',
    });
    expect((await add('Other', ['Nope'])).status).toBe(400);
    expect((await add('by STATUS', ['Title'])).status).toBe(500);
  });

  it('sets a column formatter with MERGE, and keeps it across a restart', async () => {
    const formatter = JSON.stringify({ elmType: 'div', txtContent: '@currentField' });
    const merge = (body: unknown, headers: Record<string, string> = { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }) =>
      rest('POST', "web/lists/getbytitle('Applications')/fields/getbyinternalnameortitle('Status')", body, headers);
    expect((await merge({ __metadata: { type: 'SP.Field' }, CustomFormatter: formatter })).status).toBe(204);
    expect((await merge({ CustomFormatter: '{not json' })).status).toBe(400);
    expect((await merge({ Title: 'Renamed' })).status).toBe(400);
    expect((await merge({ CustomFormatter: formatter }, {})).status).toBe(405);
    const port = api.g.port;
    await api.g.close();
    const restarted = await startLocalStore({ port, dataDir: api.dataDir });
    try {
      // The first request may meet a kept-alive socket of the closed server: ask again then.
      const get = () => rest('GET', "web/lists/getbytitle('Applications')/fields/getbyinternalnameortitle('Status')");
      const field = await get().catch(get);
      expect(field.json).toMatchObject({ InternalName: 'Status', CustomFormatter: formatter });
    } finally {
      await restarted.close();
    }
  });

  it("answers an unknown list in SharePoint's error shape", async () => {
    const missing = await rest('GET', "web/lists/getbytitle('Nope')/views");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      'odata.error': {
        code: '-1, System.ArgumentException',
        message: { lang: 'en-US', value: expect.stringMatching(/^List 'Nope' does not exist/) },
      },
    });
  });
});
