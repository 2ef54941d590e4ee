// The store serves the Form Templates list as SharePoint does: a unique, indexed TemplateId to look
// templates up by, and the template's JSON in a multi-line text column of at most 63,999 characters.
import { columnDefinition } from '../../src/adapters/graph/provision';
import { TEMPLATE_COLUMNS } from '../../src/core/templates-list';
import { type Api, createList, expectGraphError, SITE, startStore } from './helpers';

describe('a list like Form Templates', () => {
  let api: Api;
  let items: string;
  beforeEach(async () => {
    api = await startStore();
    const id = await createList(api, 'Form Templates', TEMPLATE_COLUMNS.map(columnDefinition));
    items = `${SITE}/lists/${id}/items`;
  });
  afterEach(() => api.dispose());

  const template = (id: string, json: string) => ({ fields: { Title: id, TemplateId: id, Template: json, SavedBy: 'A' } });

  test('keeps up to 63,999 characters in the multi-line column and refuses more, on create, on update and in a batch', async () => {
    const longest = `"${'x'.repeat(63_997)}"`;
    const created = await api.call('POST', items, template('longest', longest));
    expect(created.status).toBe(201);
    expect(created.json.fields.Template).toHaveLength(63_999);

    expectGraphError(await api.call('POST', items, template('too-long', `${longest} `)), 400, 'invalidRequest');
    const patch = await api.call('PATCH', `${items}/${created.json.id}/fields`, { Template: `${longest} ` });
    expectGraphError(patch, 400, 'invalidRequest');
    expect(patch.json.error.message).toMatch(/64000 characters long; the column allows at most 63999/);
    const batch = await api.call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'POST', url: items, headers: { 'Content-Type': 'application/json' }, body: template('in-batch', `${longest} `) },
      ],
    });
    expect(batch.json.responses[0].status).toBe(400);
    expect((await api.call('GET', `${items}?$expand=fields`)).json.value).toHaveLength(1);
  });

  test('a maxLength on a multi-line column does not raise the limit', async () => {
    const id = await createList(api, 'Notes', [{ name: 'Body', text: { allowMultipleLines: true, maxLength: 100_000 } }]);
    expectGraphError(
      await api.call('POST', `${SITE}/lists/${id}/items`, { fields: { Title: 't', Body: 'x'.repeat(64_000) } }),
      400,
      'invalidRequest',
    );
  });

  test('a multi-line column cannot be indexed or made unique', async () => {
    const list = await api.call('GET', `${SITE}/lists/Form%20Templates/columns`);
    const templateColumn = list.json.value.find((c: any) => c.name === 'Template');
    expect(templateColumn).toMatchObject({ indexed: false, enforceUniqueValues: false });
    expectGraphError(
      await api.call('PATCH', `${SITE}/lists/Form%20Templates/columns/${templateColumn.id}`, { indexed: true }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await api.call('POST', `${SITE}/lists/Form%20Templates/columns`, {
        name: 'Other',
        text: { allowMultipleLines: true },
        enforceUniqueValues: true,
      }),
      400,
      'invalidRequest',
    );
  });

  test('refuses a second item with a TemplateId already saved (409), also through an update', async () => {
    expect((await api.call('POST', items, template('ours-2026', '{}'))).status).toBe(201);
    const second = await api.call('POST', items, template('OURS-2026', '{}'));
    expectGraphError(second, 409, 'nameAlreadyExists');
    expect(second.json.error.message).toMatch(/\[TemplateId\]/);
    const other = await api.call('POST', items, template('theirs-2026', '{}'));
    expectGraphError(await api.call('PATCH', `${items}/${other.json.id}/fields`, { TemplateId: 'ours-2026' }), 409, 'nameAlreadyExists');
  });

  test('looks a template up by its indexed TemplateId, with only the fields asked for, and replaces it with If-Match', async () => {
    const saved = await api.call('POST', items, template('ours-2026', '{"id":"ours-2026"}'));
    await api.call('POST', items, template('theirs-2026', '{}'));
    const found = await api.call(
      'GET',
      `${items}?$select=id,eTag,lastModifiedDateTime&$expand=fields($select=TemplateId,Template,SavedBy)&$filter=${encodeURIComponent("fields/TemplateId eq 'ours-2026'")}&$top=2`,
    );
    expect(found.status).toBe(200);
    expect(found.json.value).toEqual([
      {
        '@odata.etag': saved.json.eTag,
        id: saved.json.id,
        eTag: saved.json.eTag,
        lastModifiedDateTime: saved.json.lastModifiedDateTime,
        fields: { '@odata.etag': saved.json.eTag, TemplateId: 'ours-2026', Template: '{"id":"ours-2026"}', SavedBy: 'A' },
      },
    ]);
    const replaced = await api.call(
      'PATCH',
      `${items}/${saved.json.id}/fields`,
      { Template: '{"id":"ours-2026","title":"New"}' },
      { 'If-Match': saved.json.eTag },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.json['@odata.etag']).toMatch(/,2"$/);
    expectGraphError(
      await api.call('PATCH', `${items}/${saved.json.id}/fields`, { Template: '{}' }, { 'If-Match': saved.json.eTag }),
      412,
      'preconditionFailed',
    );
  });

  test('lists the column names of a list with $expand=columns($select=name)', async () => {
    const list = await api.call('GET', `${SITE}/lists/Form%20Templates?$select=id,webUrl,displayName&$expand=columns($select=name)`);
    expect(Object.keys(list.json).sort()).toEqual(['@odata.context', '@odata.etag', 'columns', 'displayName', 'id', 'webUrl'].sort());
    expect(list.json.columns.map((c: any) => c.name)).toEqual(
      expect.arrayContaining(['Title', 'TemplateId', 'Programme', 'Template', 'SavedBy']),
    );
    expect(list.json.columns.every((c: any) => Object.keys(c).join() === 'name')).toBe(true);
  });
});
