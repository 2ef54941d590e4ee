// The site's Form Templates list: saving a template once, for every hub manager, and filing
// applications of a saved template, against the local store.
import fs from 'node:fs';
import {
  addFormColumns,
  createGraphClient,
  fileApplications,
  listApplications,
  loadSiteTemplates,
  noToken,
  provisionApplications,
  resolveTarget,
  saveSiteTemplate,
  type SiteTemplate,
  TemplateExists,
  TemplatesListMissing,
  TemplateTooLarge,
} from '../../../src/adapters/graph';
import { readEml } from '../../../src/adapters/mail-files/read-eml';
import { loadCatalogue, type Template } from '../../../src/core/catalogue';
import { intake } from '../../../src/core/intake';
import { readDocx } from '../../../src/core/docx/read-docx';
import { proposeTemplate } from '../../../src/core/templates/propose';
import { UNSEEN_BLANK, unseenFormEmail } from '../../support/unseen-email';
import { bodyOf, graphGet, type Harness, startHarness, templates } from './helpers';

/** The template `hub-intake template` proposes for the unseen programme's blank form. */
function proposed(): Template {
  const read = readDocx(new Uint8Array(fs.readFileSync(UNSEEN_BLANK)));
  if (!read.ok) throw new Error(read.error.message);
  return proposeTemplate(read.document, loadCatalogue().hubs).template;
}

const wireOf = (h: Harness) =>
  h.wire.map(
    (e) => `${e.method} ${decodeURIComponent(e.url.replace(h.store.url, ''))}${e.status === null ? ' (no answer)' : ` → ${e.status}`}`,
  );

async function templateItems(h: Harness): Promise<any[]> {
  return (await graphGet(h, `/sites/root/lists/Form%20Templates/items?$expand=fields`)).value;
}

describe('the Form Templates list', () => {
  let h: Harness;
  let template: Template;
  beforeAll(() => (template = proposed()));
  beforeEach(async () => {
    h = await startHarness();
    await provisionApplications(h.client, 'root', { templates });
    h.wire.length = 0;
  });
  afterEach(() => h.dispose());

  it('saves a template and loads it back, in the request shapes Graph documents', async () => {
    const saved = await saveSiteTemplate(h.client, 'root', template, { savedBy: 'Hub manager A' });
    expect(saved).toEqual({
      itemId: '1',
      eTag: expect.stringMatching(/^"[0-9a-f-]+,1"$/),
      templateId: template.id,
      data: template,
      source: 'Form Templates item 1',
      savedBy: 'Hub manager A',
      savedAt: expect.any(String),
    });
    expect(wireOf(h)).toEqual([
      `GET /sites/root/lists/Form Templates/items?$select=id,eTag,lastModifiedDateTime&$expand=fields($select=TemplateId,Template,SavedBy)&$filter=fields/TemplateId eq '${template.id}'&$top=2 → 200`,
      'POST /sites/root/lists/Form Templates/items → 201',
    ]);
    expect(bodyOf(h.wire[1]!)).toEqual({
      fields: {
        Title: template.title,
        TemplateId: template.id,
        Programme: template.programme,
        Template: JSON.stringify(template),
        SavedBy: 'Hub manager A',
      },
    });

    h.wire.length = 0;
    const loaded = await loadSiteTemplates(h.client, 'root');
    expect(loaded).toEqual([saved]);
    expect(h.wire).toHaveLength(1); // one round trip
    expect(loadCatalogue(loaded).templates.find((t) => t.id === template.id)).toEqual(template);
  });

  it('says the list is missing, and to provision, when the site has none', async () => {
    const bare = await startHarness();
    try {
      await expect(loadSiteTemplates(bare.client, 'root')).rejects.toThrow(TemplatesListMissing);
      await expect(loadSiteTemplates(bare.client, 'root')).rejects.toThrow(
        'The site has no "Form Templates" list yet: run `hub-intake provision`.',
      );
      await expect(saveSiteTemplate(bare.client, 'root', template, { savedBy: 'A' })).rejects.toThrow(TemplatesListMissing);
    } finally {
      await bare.dispose();
    }
  });

  it('refuses a second save of the same id with the saved one, keeping the name out of the message', async () => {
    const first = await saveSiteTemplate(h.client, 'root', template, { savedBy: 'Ann Example' });
    const error = await saveSiteTemplate(h.client, 'root', { ...template, title: 'Changed' }, { savedBy: 'Bob Example' }).catch((e) => e);
    expect(error).toBeInstanceOf(TemplateExists);
    expect((error as TemplateExists).current).toEqual(first);
    expect(error.message).toMatch(new RegExp(`${template.id} is already saved in the "Form Templates" list \\(Form Templates item 1\\)`));
    expect(error.message).not.toMatch(/Ann|Bob/);
    expect(await templateItems(h)).toHaveLength(1);
  });

  it('replaces with the eTag read; a stale eTag is a conflict carrying the template as it is now', async () => {
    const first = await saveSiteTemplate(h.client, 'root', template, { savedBy: 'A' });
    const second = await saveSiteTemplate(
      h.client,
      'root',
      { ...template, title: 'Second' },
      { savedBy: 'B', replace: { eTag: first.eTag } },
    );
    expect(second).toMatchObject({
      itemId: '1',
      templateId: template.id,
      savedBy: 'B',
      data: { title: 'Second' },
      eTag: expect.stringMatching(/,2"$/),
    });
    const patch = h.wire.find((e) => e.method === 'PATCH')!;
    expect(patch.url).toMatch(/\/lists\/Form%20Templates\/items\/1\/fields$/);
    expect(patch.headers['If-Match']).toBe(first.eTag);

    h.wire.length = 0;
    const stale = await saveSiteTemplate(
      h.client,
      'root',
      { ...template, title: 'Third' },
      { savedBy: 'C', replace: { eTag: first.eTag } },
    ).catch((e) => e);
    expect(stale).toBeInstanceOf(TemplateExists);
    expect((stale as TemplateExists).current).toMatchObject({ eTag: second.eTag, savedBy: 'B', data: { title: 'Second' } });
    expect(wireOf(h).map((l) => l.split(' ')[0] + ' ' + l.split(' → ')[1])).toEqual(['GET 200', 'PATCH 412', 'GET 200']);
    const items = await templateItems(h);
    expect(items).toHaveLength(1);
    expect(JSON.parse(items[0].fields.Template).title).toBe('Second');
  });

  it('saves exactly once when the answer to the POST is lost after the commit', async () => {
    const client = createGraphClient({
      graphUrl: h.store.url,
      auth: noToken,
      sleep: async () => undefined,
      observe: (e) => {
        h.wire.push(e);
        if (e.status === null) h.store.setFaults({}); // only the first write's answer is lost
      },
    });
    h.store.setFaults({ dropAfterCommitEvery: 1, only: 'writes' });
    const saved = await saveSiteTemplate(client, 'root', template, { savedBy: 'A' });
    expect(saved).toMatchObject({ itemId: '1', templateId: template.id, savedBy: 'A', data: template });
    expect(h.store.stats().faults.dropped).toBe(1);
    expect(wireOf(h).map((l) => l.replace(/\?.*? →/, ' →'))).toEqual([
      'GET /sites/root/lists/Form Templates/items → 200',
      'POST /sites/root/lists/Form Templates/items (no answer)',
      'POST /sites/root/lists/Form Templates/items → 409', // the unique TemplateId refuses a second item
      'GET /sites/root/lists/Form Templates/items → 200',
    ]);
    expect(await templateItems(h)).toHaveLength(1);
  });

  it('saves exactly once when the answer to a replace is lost after the commit', async () => {
    const first = await saveSiteTemplate(h.client, 'root', template, { savedBy: 'A' });
    const client = createGraphClient({
      graphUrl: h.store.url,
      auth: noToken,
      observe: (e) => {
        h.wire.push(e);
        if (e.status === null) h.store.setFaults({});
      },
    });
    h.store.setFaults({ dropAfterCommitEvery: 1, only: 'writes' });
    h.wire.length = 0;
    const second = await saveSiteTemplate(
      client,
      'root',
      { ...template, title: 'Second' },
      { savedBy: 'A', replace: { eTag: first.eTag } },
    );
    expect(second).toMatchObject({ itemId: '1', data: { title: 'Second' }, eTag: expect.stringMatching(/,2"$/) });
    expect(h.store.stats().faults.dropped).toBe(1);
    // Sent again with the same eTag, the PATCH is refused (412); read again, the item holds what was sent.
    expect(wireOf(h).map((l) => l.replace(/ \/.*?( →| \()/, '$1'))).toEqual(['GET → 200', 'PATCH (no answer)', 'PATCH → 412', 'GET → 200']);
  });

  it('lets one of two hub managers saving one id at the same moment win; the other is told it exists', async () => {
    const results = await Promise.allSettled([
      saveSiteTemplate(h.client, 'root', { ...template, title: 'From A' }, { savedBy: 'A' }),
      saveSiteTemplate(h.client, 'root', { ...template, title: 'From B' }, { savedBy: 'B' }),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<SiteTemplate> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(TemplateExists);
    expect(lost[0]!.reason.current).toMatchObject({ itemId: won[0]!.value.itemId, savedBy: won[0]!.value.savedBy });
    expect(await templateItems(h)).toHaveLength(1);
    // Both read before either wrote: the unique column refused the second item.
    expect(wireOf(h).map((l) => `${l.split(' ')[0]} ${l.split(' → ')[1]}`)).toEqual([
      'GET 200',
      'GET 200',
      'POST 201',
      'POST 409',
      'GET 200',
    ]);
  });

  it('loads an item that is not JSON with no data, and the catalogue reports that item only', async () => {
    await saveSiteTemplate(h.client, 'root', template, { savedBy: 'A' });
    await fetch(`${h.store.url}/sites/root/lists/Form%20Templates/items`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { Title: 'Broken', TemplateId: 'broken-2026', Template: '{"id": "broken-2026", ' } }),
    });
    const loaded = await loadSiteTemplates(h.client, 'root');
    expect(loaded.map((t) => [t.source, t.templateId, t.data === undefined])).toEqual([
      ['Form Templates item 1', template.id, false],
      ['Form Templates item 2', 'broken-2026', true],
    ]);
    const invalid: string[] = [];
    const catalogue = loadCatalogue(loaded, { onInvalid: (e) => invalid.push(e.message) });
    expect(invalid).toEqual([expect.stringMatching(/^Template Form Templates item 2 is not valid/)]);
    expect(catalogue.templates.map((t) => t.id)).toContain(template.id);
  });

  it('follows @odata.nextLink past the first page', async () => {
    for (let i = 1; i <= 103; i++) await saveSiteTemplate(h.client, 'root', { ...template, id: `hub-form-${i}` }, { savedBy: 'A' });
    h.wire.length = 0;
    const loaded = await loadSiteTemplates(h.client, 'root');
    expect(loaded.map((t) => t.templateId)).toEqual(Array.from({ length: 103 }, (_, i) => `hub-form-${i + 1}`));
    expect(h.wire).toHaveLength(2);
  }, 30_000);

  it('refuses a template too large for the list before sending anything', async () => {
    const huge = { ...template, identify: Array.from({ length: 2000 }, (_, i) => `phrase number ${i} of the form's own title`) };
    const error = await saveSiteTemplate(h.client, 'root', huge, { savedBy: 'A' }).catch((e) => e);
    expect(error).toBeInstanceOf(TemplateTooLarge);
    expect(error.message).toMatch(/is [\d,]+ characters as JSON; the "Form Templates" list holds at most 63,999\./);
    expect(h.wire).toEqual([]);
  });
});

describe("a saved template's form columns", () => {
  let h: Harness;
  let template: Template;
  beforeAll(() => (template = proposed()));
  beforeEach(async () => {
    h = await startHarness();
    await provisionApplications(h.client, 'root', { templates });
  });
  afterEach(() => h.dispose());

  it('are added to the Applications list, additively, with clashes reported', async () => {
    const builtIn = new Set((await graphGet(h, '/sites/root/lists/Applications/columns')).value.map((c: any) => c.name));
    const missing = template.fields.map((f) => f.key).filter((k) => !builtIn.has(k));
    expect(missing.length).toBeGreaterThan(5);
    // Someone made one of them by hand, as a number.
    const [byHand, ...rest] = missing;
    await fetch(`${h.store.url}/sites/root/lists/Applications/columns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: byHand, number: {} }),
    });

    const result = await addFormColumns(h.client, 'root', 'Applications', [template]);
    expect(result.added).toEqual(rest);
    expect(result.clashes).toEqual([expect.stringMatching(new RegExp(`^Column ${byHand} exists as number`))]);
    const columns = (await graphGet(h, '/sites/root/lists/Applications/columns')).value;
    const statement = template.fields.find((f) => f.type === 'statement' && rest.includes(f.key));
    if (statement) expect(columns.find((c: any) => c.name === statement.key).text.allowMultipleLines).toBe(true);
    expect(await addFormColumns(h.client, 'root', 'Applications', [template])).toEqual({ added: [], clashes: result.clashes });
  });

  it('missing do not stop filing: the item is filed with a warning per field, and filled once they are added', async () => {
    const catalogue = loadCatalogue([{ data: template, source: 'Form Templates item 1' }]);
    const email = new Uint8Array(await unseenFormEmail());
    const message = await readEml(email);
    const app = { intake: intake(message, { catalogue, source: 'pms.eml' }), email };
    expect(app.intake.report.forms[0]!.formId).toBe(template.id);

    let target = await resolveTarget(h.client, { site: 'root' });
    expect(target.columns).toEqual(expect.arrayContaining(['Title', 'InternetMessageId', 'schoolUrn']));
    expect(target.columns).not.toContain('nameSchool');
    const [filed] = await fileApplications(h.client, target, [app]);
    expect(filed).toMatchObject({ status: 'created', error: null });
    let [item] = await listApplications(h.client, target);
    expect(item!.fields).toMatchObject({ FormId: template.id, schoolUrn: '103412' });
    expect(item!.fields.nameSchool).toBeUndefined();
    expect(String(item!.fields.IssuesSummary)).toContain(
      'warning missing-column (nameSchool): field nameSchool has no column in the list: run hub-intake provision',
    );

    await addFormColumns(h.client, 'root', 'Applications', [template]);
    target = await resolveTarget(h.client, { site: 'root' });
    const [again] = await fileApplications(h.client, target, [app]);
    expect(again).toMatchObject({ status: 'updated', itemId: filed!.itemId });
    [item] = await listApplications(h.client, target);
    expect(item!.fields).toMatchObject({ nameSchool: 'Kingsbury Green Primary School', schoolUrn: '103412' });
    expect(item!.fields.IssuesSummary ?? '').not.toContain('missing-column');
  });
});
