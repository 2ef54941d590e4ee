// The site, lists and columns of the local store.
import { SITE_ID } from '../../src/store';
import { createList, expectGraphError, SITE, startStore, type Api } from './helpers';

let api: Api;
beforeAll(async () => {
  api = await startStore();
});
afterAll(async () => {
  await api.dispose();
});

describe('site', () => {
  test('is reachable as root, by id and by server-relative path', async () => {
    for (const p of ['/sites/root', `/sites/${SITE_ID}`, '/sites/localhost:/sites/hub-intake', '/sites/localhost:/sites/hub-intake:']) {
      const r = await api.call('GET', p);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ id: SITE_ID, displayName: 'Hub Intake (local)', webUrl: `${api.origin}/sites/hub-intake` });
    }
    const lists = await api.call('GET', '/sites/localhost:/sites/hub-intake:/lists');
    expect(lists.status).toBe(200);
  });

  test('an unknown site is 404 itemNotFound; an unknown segment is 400 BadRequest', async () => {
    expectGraphError(await api.call('GET', '/sites/localhost:/sites/elsewhere'), 404, 'itemNotFound');
    expectGraphError(await api.call('GET', '/sites/root/widgets'), 400, 'BadRequest');
    expectGraphError(await api.call('GET', '/users'), 400, 'BadRequest');
  });

  test('every response carries request-id and echoes client-request-id', async () => {
    const r = await api.call('GET', '/sites/root/lists/NoSuchList', undefined, { 'client-request-id': 'abc-123' });
    expectGraphError(r, 404, 'itemNotFound');
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.json.error.innerError['client-request-id']).toBe('abc-123');
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('lists', () => {
  test('POST creates a list with columns; it can be read by id or display name', async () => {
    const r = await api.call('POST', `${SITE}/lists`, {
      displayName: 'Hub Applications',
      description: 'Applications received',
      columns: [
        { name: 'SchoolName', text: {} },
        { name: 'Urn', number: { decimalPlaces: 'none' }, indexed: true },
        { name: 'Programme', choice: { choices: ['Mastery', 'Sustaining'] } },
      ],
      list: { template: 'genericList' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      name: 'Hub Applications',
      displayName: 'Hub Applications',
      description: 'Applications received',
      webUrl: `${api.origin}/sites/hub-intake/Lists/Hub%20Applications`,
      createdDateTime: expect.stringMatching(/Z$/),
      lastModifiedDateTime: expect.stringMatching(/Z$/),
      list: { template: 'genericList' },
    });
    const byName = await api.call('GET', `${SITE}/lists/Hub%20Applications?$expand=columns`);
    expect(byName.status).toBe(200);
    expect(byName.json.id).toBe(r.json.id);
    const names = (byName.json.columns as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Title',
        'ID',
        'Created',
        'Modified',
        'Author',
        'Editor',
        'ContentType',
        'LinkTitle',
        'Attachments',
        'SchoolName',
        'Urn',
        'Programme',
      ]),
    );
    const urn = (byName.json.columns as Record<string, unknown>[]).find((c) => c.name === 'Urn');
    expect(urn).toMatchObject({ indexed: true, number: { decimalPlaces: 'none' } });
    const title = (byName.json.columns as Record<string, unknown>[]).find((c) => c.name === 'Title');
    expect(title).toMatchObject({ required: true, text: { maxLength: 255 } });
  });

  test('a duplicate display name is 409 nameAlreadyExists; name is assigned by the server', async () => {
    await createList(api, 'Duplicates');
    expectGraphError(
      await api.call('POST', `${SITE}/lists`, { displayName: 'duplicates', list: { template: 'genericList' } }),
      409,
      'nameAlreadyExists',
    );
    expectGraphError(
      await api.call('POST', `${SITE}/lists`, { name: 'x', displayName: 'Other', list: { template: 'genericList' } }),
      400,
      'invalidRequest',
    );
    expectGraphError(await api.call('POST', `${SITE}/lists`, { displayName: 'Tasks', list: { template: 'tasks' } }), 400, 'invalidRequest');
  });

  test('GET lists supports $filter on displayName and $select', async () => {
    await createList(api, 'Filtered One');
    const r = await api.call('GET', `${SITE}/lists?$filter=displayName eq 'Filtered One'&$select=id,displayName`);
    expect(r.status).toBe(200);
    expect(r.json.value).toHaveLength(1);
    expect(
      Object.keys(r.json.value[0])
        .filter((k) => !k.startsWith('@odata.'))
        .sort(),
    ).toEqual(['displayName', 'id']);
  });

  test('a document library has a drive; the site lists its drives and has a default Documents drive', async () => {
    const r = await api.call('POST', `${SITE}/lists`, { displayName: 'Evidence', list: { template: 'documentLibrary' } });
    expect(r.status).toBe(201);
    expect(r.json.webUrl).toBe(`${api.origin}/sites/hub-intake/Evidence`);
    const drive = await api.call('GET', `${SITE}/lists/${r.json.id}/drive`);
    expect(drive.status).toBe(200);
    expect(drive.json).toMatchObject({ driveType: 'documentLibrary', name: 'Evidence', id: expect.stringMatching(/^b!/) });
    const defaultDrive = await api.call('GET', `${SITE}/drive`);
    expect(defaultDrive.json).toMatchObject({ name: 'Documents', webUrl: `${api.origin}/sites/hub-intake/Shared%20Documents` });
    const drives = await api.call('GET', `${SITE}/drives`);
    expect((drives.json.value as { id: string }[]).map((d) => d.id)).toEqual(expect.arrayContaining([drive.json.id, defaultDrive.json.id]));
    const genericId = await createList(api, 'No Drive');
    expectGraphError(await api.call('GET', `${SITE}/lists/${genericId}/drive`), 404, 'itemNotFound');
  });
});

describe('columns', () => {
  let listId: string;
  beforeAll(async () => {
    listId = await createList(api, 'Column Tests', [{ name: 'Reference', text: {} }]);
  });

  test('POST adds a column; a name that exists is 409', async () => {
    const r = await api.call('POST', `${SITE}/lists/${listId}/columns`, {
      name: 'ReceivedOn',
      displayName: 'Received on',
      dateTime: { format: 'dateOnly' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      name: 'ReceivedOn',
      displayName: 'Received on',
      indexed: false,
      required: false,
      hidden: false,
      enforceUniqueValues: false,
      dateTime: { format: 'dateOnly', displayAs: 'default' },
    });
    expectGraphError(await api.call('POST', `${SITE}/lists/${listId}/columns`, { name: 'receivedon', text: {} }), 409, 'nameAlreadyExists');
    expectGraphError(await api.call('POST', `${SITE}/lists/${listId}/columns`, { name: 'Title', text: {} }), 409, 'nameAlreadyExists');
    expectGraphError(await api.call('POST', `${SITE}/lists/${listId}/columns`, { name: 'Has Space', text: {} }), 400, 'invalidRequest');
    expectGraphError(
      await api.call('POST', `${SITE}/lists/${listId}/columns`, { name: 'TwoTypes', text: {}, number: {} }),
      400,
      'invalidRequest',
    );
  });

  test('PATCH sets indexed; GET/PATCH/DELETE by id; extra properties such as columnFormatting round-trip', async () => {
    const formatting = JSON.stringify({ elmType: 'a', txtContent: '@currentField', attributes: { href: '@currentField' } });
    const created = await api.call('POST', `${SITE}/lists/${listId}/columns`, { name: 'FileLink', text: {}, columnFormatting: formatting });
    expect(created.json.columnFormatting).toBe(formatting);
    const id = created.json.id as string;
    const patched = await api.call('PATCH', `${SITE}/lists/${listId}/columns/${id}`, {
      indexed: true,
      description: 'Link to the filed email',
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      indexed: true,
      description: 'Link to the filed email',
      columnFormatting: formatting,
      text: { maxLength: 255 },
    });
    const read = await api.call('GET', `${SITE}/lists/${listId}/columns/${id}`);
    expect(read.json).toMatchObject({ indexed: true, columnFormatting: formatting });
    const list = await api.call('GET', `${SITE}/lists/${listId}/columns`);
    expect((list.json.value as { name: string }[]).some((c) => c.name === 'FileLink')).toBe(true);
    expect((await api.call('DELETE', `${SITE}/lists/${listId}/columns/${id}`)).status).toBe(204);
    expectGraphError(await api.call('GET', `${SITE}/lists/${listId}/columns/${id}`), 404, 'itemNotFound');
  });

  test('built-in columns: indexed can be set, other changes and deletion are refused', async () => {
    const columns = (await api.call('GET', `${SITE}/lists/${listId}/columns`)).json.value as { id: string; name: string }[];
    const created = columns.find((c) => c.name === 'Created')!;
    const ok = await api.call('PATCH', `${SITE}/lists/${listId}/columns/${created.id}`, { indexed: true });
    expect(ok.json.indexed).toBe(true);
    expectGraphError(
      await api.call('PATCH', `${SITE}/lists/${listId}/columns/${created.id}`, { displayName: 'Made' }),
      403,
      'accessDenied',
    );
    expectGraphError(await api.call('DELETE', `${SITE}/lists/${listId}/columns/${created.id}`), 403, 'accessDenied');
    expectGraphError(
      await api.call('PATCH', `${SITE}/lists/${listId}/columns/${columns.find((c) => c.name === 'Reference')!.id}`, { number: {} }),
      400,
      'notSupported',
    );
  });
});
