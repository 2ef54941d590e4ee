import { provisionApplications, siteWebUrl } from '../../../src/adapters/graph';
import { createSharePointRest, ensurePresentation } from '../../../src/adapters/sharepoint/rest';
import { APPLICATION_VIEWS, COLUMN_FORMATTERS } from '../../../src/adapters/sharepoint/presentation';
import { applicationColumns } from '../../../src/core/record';
import { bodyOf, graphGet, type Harness, startHarness, templates } from './helpers';

describe('provisioning the Applications list', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.dispose());

  const rest = (observe?: (e: any) => void) =>
    createSharePointRest({ siteUrl: `${h.origin}/sites/hub-intake`, auth: { getAccessToken: async () => null }, observe });

  it('creates the list with typed, indexed columns, the library and the Form Templates list, in two batched round trips', async () => {
    const result = await provisionApplications(h.client, 'root', {
      templates,
      presentation: (title: string) => ensurePresentation(rest(), title),
    });
    expect(result).toMatchObject({
      list: 'created',
      library: 'created',
      warnings: [],
      templatesList: { status: 'created', columnsAdded: ['TemplateId', 'Programme', 'Template', 'SavedBy'], columnsUpdated: [] },
    });
    expect(h.wire.map((e) => `${e.method} ${e.url.replace(h.origin, '')}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
    const writes = bodyOf(h.wire[1]!).requests;
    expect(writes.map((r: any) => [r.method, r.url, r.body.displayName, r.body.list.template])).toEqual([
      ['POST', expect.stringMatching(/^\/sites\/localhost%2C.*\/lists$/), 'Applications', 'genericList'],
      ['POST', expect.stringMatching(/\/lists$/), 'Application Files', 'documentLibrary'],
      ['POST', expect.stringMatching(/\/lists$/), 'Form Templates', 'genericList'],
    ]);
    const list = await graphGet(h, '/sites/root/lists/Applications?$expand=columns');
    const column = (name: string) => list.columns.find((c: any) => c.name === name);
    expect(column('InternetMessageId')).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      text: expect.objectContaining({ maxLength: 255 }),
    });
    for (const name of ['URN', 'Status', 'Hub', 'Programme']) expect(column(name).indexed).toBe(true);
    expect(column('Status').choice.choices).toEqual([
      'New',
      'Needs info',
      'Under review',
      'Accepted',
      'Declined',
      'Waitlisted',
      'Withdrawn',
    ]);
    expect(column('applicantStatement').text).toMatchObject({ allowMultipleLines: true, textType: 'plain' });
    expect(column('qtsStatus').boolean).toEqual({});
    expect(column('yearsTeaching').number).toBeDefined();
    expect(column('EmailLink').text.allowMultipleLines).toBe(true);
    expect(list.columns.some((c: any) => c.hyperlinkOrPicture)).toBe(false);
    expect(list.columns).toHaveLength(9 + applicationColumns(templates).length - 1);
  });

  it('adds the views and the column formatting through SharePoint REST, in its request shapes', async () => {
    const sent: any[] = [];
    await provisionApplications(h.client, 'root', {
      templates,
      presentation: (title: string) =>
        ensurePresentation(
          rest((e) => sent.push(e)),
          title,
        ),
    });
    const calls = sent.map((e) => `${e.method} ${e.url.replace(h.origin, '')}`);
    expect(calls[0]).toBe("GET /sites/hub-intake/_api/web/lists/getbytitle('Applications')/views?$select=Id,Title");
    expect(calls.filter((c) => c.endsWith('/views/add'))).toHaveLength(APPLICATION_VIEWS.length);
    const add = sent.find((e) => e.url.endsWith('/views/add'));
    expect(add.headers['Content-Type']).toBe('application/json;odata=verbose');
    expect(JSON.parse(add.body).parameters).toMatchObject({
      __metadata: { type: 'SP.ViewCreationInformation' },
      Title: 'By status',
      ViewFields: { results: expect.arrayContaining(['Status', 'EmailLink']) },
    });
    const merges = sent.filter((e) => /getbyinternalnameortitle/.test(e.url));
    expect(merges.map((e) => e.headers['X-HTTP-Method'])).toEqual(Object.keys(COLUMN_FORMATTERS).map(() => 'MERGE'));
    expect(merges[0].headers['IF-MATCH']).toBe('*');
    expect(JSON.parse(merges[0].body)).toEqual({ __metadata: { type: 'SP.Field' }, CustomFormatter: COLUMN_FORMATTERS.Status });

    const views = await (
      await fetch(`${h.origin}/sites/hub-intake/_api/web/lists/getbytitle('Applications')/views`, {
        headers: { Accept: 'application/json;odata=nometadata' },
      })
    ).json();
    expect(views.value.map((v: any) => v.Title)).toEqual(['All Items', 'By status', 'Needs info', 'By hub', 'By programme']);
    expect(views.value[2].ViewQuery).toContain('<Value Type="Choice">Needs info</Value>');
    const status = await (
      await fetch(`${h.origin}/sites/hub-intake/_api/web/lists/getbytitle('Applications')/fields/getbyinternalnameortitle('Status')`)
    ).json();
    expect(JSON.parse(status.CustomFormatter).elmType).toBe('div');
    const link = JSON.parse(COLUMN_FORMATTERS.EmailLink!);
    expect(link).toMatchObject({ elmType: 'a', attributes: { href: '@currentField' } });
  });

  it('changes nothing when run again, and keeps a view someone changed', async () => {
    const sharePoint = rest();
    await provisionApplications(h.client, 'root', { templates, presentation: (title: string) => ensurePresentation(sharePoint, title) });
    h.wire.length = 0;
    const again = await provisionApplications(h.client, 'root', {
      templates,
      presentation: (title: string) => ensurePresentation(sharePoint, title),
    });
    expect(again).toEqual({
      list: 'unchanged',
      library: 'unchanged',
      columnsAdded: [],
      columnsUpdated: [],
      templatesList: { status: 'unchanged', columnsAdded: [], columnsUpdated: [] },
      warnings: [],
      presentation: { viewsCreated: [], formattersSet: [] },
    });
    expect(h.wire.map((e) => e.method)).toEqual(['POST']); // one batch of reads, no writes
    expect(bodyOf(h.wire[0]!).requests.every((r: any) => r.method === 'GET')).toBe(true);
    expect(await ensurePresentation(sharePoint, 'Applications')).toEqual({ viewsCreated: [], formattersSet: [] });
  });

  it('brings an older list up to date without losing its items: new columns, indexes and choices', async () => {
    // An older list: fewer columns, URN not indexed, Status without "Withdrawn", and an item in it.
    await h.store.close();
    h = await startHarness();
    const old = applicationColumns(templates.slice(0, 1))
      .filter((c) => c.name !== 'Title')
      .map((c) =>
        c.name === 'URN'
          ? { ...c, indexed: false }
          : c.name === 'Status'
            ? { ...c, choices: c.choices!.filter((x) => x !== 'Withdrawn') }
            : c,
      );
    const { columnDefinition } = await import('../../../src/adapters/graph/provision');
    const created = await fetch(`${h.store.url}/sites/root/lists`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Applications', list: { template: 'genericList' }, columns: old.map(columnDefinition) }),
    });
    const list = await created.json();
    const item = await (
      await fetch(`${h.store.url}/sites/root/lists/${list.id}/items`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { Title: 'Kept', URN: '123456', Status: 'Accepted', ReviewNotes: 'Strong.' } }),
      })
    ).json();

    const result = await provisionApplications(h.client, 'root', {
      templates,
      presentation: (title: string) => ensurePresentation(rest(), title),
    });
    expect(result.list).toBe('updated');
    expect(result.columnsUpdated.sort()).toEqual(['Status', 'URN']);
    expect(result.columnsAdded.length).toBeGreaterThan(10);
    const patches = bodyOf(h.wire[1]!).requests.filter((r: any) => r.method === 'PATCH');
    expect(patches.map((p: any) => p.body)).toEqual(
      expect.arrayContaining([{ indexed: true }, { choice: expect.objectContaining({ choices: expect.arrayContaining(['Withdrawn']) }) }]),
    );
    const after = await graphGet(h, `/sites/root/lists/${list.id}/items/${item.id}?$expand=fields`);
    expect(after.fields).toMatchObject({ Title: 'Kept', URN: '123456', Status: 'Accepted', ReviewNotes: 'Strong.' });
  });

  it('reports a column whose type clashes instead of changing it', async () => {
    await fetch(`${h.store.url}/sites/root/lists`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: 'Applications', list: { template: 'genericList' }, columns: [{ name: 'URN', number: {} }] }),
    });
    const result = await provisionApplications(h.client, 'root', { templates });
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Column URN exists as number/), expect.stringMatching(/SharePoint REST/)]),
    );
    expect(await siteWebUrl(h.client, 'root')).toBe(`${h.origin}/sites/hub-intake`);
  });

  it('creates the Form Templates list with its columns, and adds a column it lacks without touching its items', async () => {
    await provisionApplications(h.client, 'root', { templates });
    const list = await graphGet(h, '/sites/root/lists/Form%20Templates?$expand=columns');
    const column = (name: string) => list.columns.find((c: any) => c.name === name);
    expect(column('TemplateId')).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      text: expect.objectContaining({ allowMultipleLines: false, maxLength: 255 }),
    });
    expect(column('Programme').text.allowMultipleLines).toBe(false);
    expect(column('Template').text).toMatchObject({ allowMultipleLines: true, textType: 'plain' });
    expect(column('SavedBy').text.allowMultipleLines).toBe(false);

    // An older Form Templates list without SavedBy, holding a template.
    const savedBy = column('SavedBy');
    expect((await fetch(`${h.store.url}/sites/root/lists/${list.id}/columns/${savedBy.id}`, { method: 'DELETE' })).status).toBe(204);
    await fetch(`${h.store.url}/sites/root/lists/${list.id}/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { Title: 'Ours', TemplateId: 'ours-2026', Template: '{}' } }),
    });
    const result = await provisionApplications(h.client, 'root', { templates });
    expect(result.templatesList).toEqual({ status: 'updated', columnsAdded: ['SavedBy'], columnsUpdated: [] });
    expect(result.list).toBe('unchanged');
    const items = await graphGet(h, `/sites/root/lists/${list.id}/items?$expand=fields`);
    expect(items.value.map((i: any) => i.fields.TemplateId)).toEqual(['ours-2026']);
  });
});
