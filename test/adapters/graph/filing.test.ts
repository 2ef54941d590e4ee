import {
  ConflictError,
  fileApplication,
  fileApplications,
  listApplications,
  staticToken,
  updateDecision,
  type Application,
  type FilingOptions,
  type FilingTarget,
} from '../../../src/adapters/graph';
import { sameValue } from '../../../src/adapters/graph/filing';
import { quickXorHash } from '../../../src/adapters/graph/uploads';
import { quickXorHash as storeQuickXorHash } from '../../../src/store';
import { applicationRecord, filingFolder } from '../../../src/core/record';
import {
  asAnotherEmail,
  asChangedEmail,
  bodyOf,
  graphGet,
  type Harness,
  provisioned,
  sampleApplications,
  startHarness,
  templates,
} from './helpers';

const options: FilingOptions = {};

/** Every item of the list, by Message-ID. */
async function itemsByMessageId(h: Harness, target: FilingTarget) {
  const items = await listApplications(h.client, target);
  const byId = new Map<string, typeof items>();
  for (const item of items) {
    const key = String(item.fields.InternetMessageId);
    byId.set(key, [...(byId.get(key) ?? []), item]);
  }
  return { items, byId };
}

/** Exactly one item per email, holding the record's fields, and each file in the library once (version 1). */
async function expectFiledOnce(h: Harness, target: FilingTarget, apps: readonly Application[]) {
  const { items, byId } = await itemsByMessageId(h, target);
  expect(items).toHaveLength(apps.length);
  for (const app of apps) {
    const record = app.intake.record!;
    const found = byId.get(record.internetMessageId) ?? [];
    expect(found).toHaveLength(1);
    const fields = found[0]!.fields;
    for (const [name, value] of Object.entries(record.fields)) {
      if (!sameValue(value, fields[name]))
        throw new Error(`${app.intake.report.source}: ${name} is ${JSON.stringify(fields[name])}, expected ${JSON.stringify(value)}`);
    }
    const folder = filingFolder(record.internetMessageId, app.intake.report.message!.receivedAt, record.fingerprint);
    const children = await graphGet(h, `/drives/${target.driveId}/root:/${folder.split('/').map(encodeURIComponent).join('/')}:/children`);
    const expected = app.intake.formAttachment ? 2 : 1;
    expect(children.value).toHaveLength(expected);
    for (const child of children.value) expect(child.eTag).toMatch(/,1"$/); // written once, never replaced
    expect(fields.EmailLink).toBe(children.value.find((c: any) => c.name === 'email.eml').webUrl);
    if (app.intake.formAttachment) expect(fields.FormLink).toBe(children.value.find((c: any) => c.name !== 'email.eml').webUrl);
  }
}

describe('filing applications', () => {
  let h: Harness;
  let target: FilingTarget;
  let apps: Application[];
  beforeAll(async () => (apps = await sampleApplications()));
  afterEach(() => h.dispose());

  it('files one email in one batch of reads, its uploads and one batch of writes, in the documented shapes', async () => {
    h = await startHarness({ auth: staticToken('secret-token') });
    target = await provisioned(h);
    h.wire.length = 0;
    const outcome = await fileApplication(h.client, target, apps[0]!, options);
    expect(outcome).toMatchObject({
      status: 'created',
      itemId: '1',
      itemUrl: `${target.listUrl}/DispForm.aspx?ID=1`,
      error: null,
      resubmissionOf: null,
    });
    expect(
      h.wire.map(
        (e) => `${e.method} ${decodeURIComponent(e.url.replace(h.store.url, '')).replace(/\/drives\/[^/]+\//, '/drives/{drive}/')}`,
      ),
    ).toEqual([
      'POST /$batch',
      expect.stringMatching(
        /^PUT \/drives\/\{drive\}\/root:\/2018\/2018-06-05-[0-9a-f]{16}\/email\.eml:\/content\?@microsoft\.graph\.conflictBehavior=replace$/,
      ),
      expect.stringMatching(
        /^PUT \/drives\/\{drive\}\/root:\/2018\/2018-06-05-[0-9a-f]{16}\/.+\.docx:\/content\?@microsoft\.graph\.conflictBehavior=replace$/,
      ),
      'POST /$batch',
    ]);
    for (const e of h.wire) expect(e.headers.Authorization).toBe('Bearer secret-token');
    const reads = bodyOf(h.wire[0]!).requests;
    expect(
      reads.map((r: any) => [
        r.id,
        r.method,
        decodeURIComponent(
          r.url.replace(/^\/sites\/[^/]+\/lists\/[^/]+/, '/sites/{site}/lists/{list}').replace(/\/drives\/[^/]+\//, '/drives/{drive}/'),
        ),
      ]),
    ).toEqual([
      [
        'i0',
        'GET',
        `/sites/{site}/lists/{list}/items?$expand=fields&$filter=fields/InternetMessageId eq '${apps[0]!.intake.report.message!.internetMessageId}' or fields/InternetMessageId eq '${apps[0]!.intake.report.message!.internetMessageId} #${apps[0]!.intake.fingerprint.slice(0, 32)}'&$top=50`,
      ],
      [
        'f0',
        'GET',
        expect.stringMatching(/^\/drives\/\{drive\}\/root:\/2018\/2018-06-05-[0-9a-f]{16}:\/children\?\$select=id,name,size,file,webUrl$/),
      ],
      [
        'u0',
        'GET',
        expect.stringMatching(
          /items\?\$expand=fields\(\$select=InternetMessageId\)&\$filter=fields\/URN eq '\d{6}' and fields\/Programme eq '.+'&\$top=50$/,
        ),
      ],
    ]);
    // Look-ups use indexed columns: no "HonorNonIndexedQueriesWarningMayFailRandomly".
    expect(reads.every((r: any) => !r.headers?.Prefer)).toBe(true);
    expect(h.wire[1]!.headers['Content-Type']).toBe('application/octet-stream');
    const writes = bodyOf(h.wire[3]!).requests;
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      method: 'POST',
      url: expect.stringMatching(/\/items$/),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(writes[0].body.fields).toMatchObject({
      InternetMessageId: apps[0]!.intake.report.message!.internetMessageId,
      EmailFingerprint: apps[0]!.intake.fingerprint,
      FilingAttempt: expect.any(String),
      Status: 'New',
      EmailLink: expect.stringContaining('/Application%20Files/2018/'),
      Complete: true,
    });
    expect(Object.keys(writes[0].body.fields)).not.toContain('Decision');
  });

  it('files the same email again as "unchanged" with reads only; a changed check updates the one item with If-Match', async () => {
    h = await startHarness();
    target = await provisioned(h);
    const first = await fileApplications(h.client, target, apps, options);
    expect(first.map((o) => o.status)).toEqual(apps.map(() => 'created'));
    h.wire.length = 0;
    const again = await fileApplications(h.client, target, apps, options);
    expect(again.map((o) => o.status)).toEqual(apps.map(() => 'unchanged'));
    expect(again.map((o) => o.itemId)).toEqual(first.map((o) => o.itemId));
    expect(h.wire.every((e) => e.url.endsWith('/$batch'))).toBe(true);
    expect(h.wire.flatMap((e) => bodyOf(e).requests.map((r: any) => r.method)).every((m: string) => m === 'GET')).toBe(true);

    // A reviewer moves item 1 on; then the checker finds a problem in the same email.
    const [item] = (await listApplications(h.client, target)).filter((i) => i.id === '1');
    await updateDecision(h.client, target, '1', item!.eTag, {
      decision: null,
      decidedBy: 'Reviewer',
      status: 'Under review',
      reviewNotes: 'Looks strong.',
    });
    const report = apps[0]!.intake.report;
    const changedReport = { ...report, forms: [{ ...report.forms[0]!, fields: { ...report.forms[0]!.fields, yearsTeaching: 9 } }] };
    const changed: Application = {
      ...apps[0]!,
      intake: {
        ...apps[0]!.intake,
        report: changedReport,
        record: applicationRecord(changedReport, templates, { fingerprint: apps[0]!.intake.fingerprint }),
      },
    };
    h.wire.length = 0;
    const updated = await fileApplication(h.client, target, changed, options);
    expect(updated).toMatchObject({ status: 'updated', itemId: '1' });
    const patch = bodyOf(h.wire[h.wire.length - 1]!).requests[0];
    expect(patch).toMatchObject({
      method: 'PATCH',
      url: expect.stringMatching(/\/items\/1\/fields$/),
      headers: { 'If-Match': expect.stringMatching(/^"[0-9a-f-]+,\d+"$/) },
      body: { yearsTeaching: 9 },
    });
    const after = await graphGet(h, `/sites/root/lists/${target.listId}/items/1?$expand=fields`);
    expect(after.fields).toMatchObject({ yearsTeaching: 9, Status: 'Under review', ReviewNotes: 'Looks strong.' });
    expect((await listApplications(h.client, target)).length).toBe(apps.length);
  });

  it('marks a second application from the same school for the same programme as a possible resubmission, never merged', async () => {
    h = await startHarness();
    target = await provisioned(h);
    const original = apps[0]!;
    const second = asAnotherEmail(original, '<second@school.example>');
    const third = asAnotherEmail(original, '<third@school.example>');
    const [a] = await fileApplications(h.client, target, [original], options);
    const [b, c] = await fileApplications(h.client, target, [second, third], options); // b and c in one run
    expect(a).toMatchObject({ status: 'created', resubmissionOf: null });
    expect(b).toMatchObject({ status: 'created', resubmissionOf: a!.itemUrl });
    expect(c).toMatchObject({ status: 'created', resubmissionOf: a!.itemUrl });
    const items = await listApplications(h.client, target);
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.fields.ResubmissionOfId ?? null)).toEqual([null, Number(a!.itemId), Number(a!.itemId)]);
    // Filing the first again does not turn it into a resubmission of the later ones.
    expect((await fileApplication(h.client, target, original, options)).status).toBe('unchanged');
  });

  it('links a resubmission in the same run to the application filed first in that run', async () => {
    h = await startHarness();
    target = await provisioned(h);
    const original = apps[1]!;
    const outcomes = await fileApplications(h.client, target, [original, asAnotherEmail(original, '<again@school.example>')], options);
    expect(outcomes[0]).toMatchObject({ status: 'created', resubmissionOf: null });
    expect(outcomes[1]).toMatchObject({ status: 'created', resubmissionOf: outcomes[0]!.itemUrl });
  });

  it('uses an upload session above the simple-upload limit, with no token sent to the upload URL', async () => {
    h = await startHarness({ store: { simpleUploadLimitBytes: 8 * 1024 }, auth: staticToken('secret-token') });
    target = await provisioned(h);
    const outcome = await fileApplication(h.client, target, apps[0]!, {
      ...options,
      simpleUploadLimitBytes: 8 * 1024,
      fragmentBytes: 320 * 1024,
    });
    expect(outcome.status).toBe('created');
    const sessions = h.wire.filter((e) => /createUploadSession$/.test(e.url));
    expect(sessions).toHaveLength(2);
    expect(bodyOf(sessions[0]!)).toEqual({ item: { '@microsoft.graph.conflictBehavior': 'replace', name: 'email.eml' } });
    const fragments = h.wire.filter((e) => /\/_upload\//.test(e.url));
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    for (const f of fragments) {
      expect(f.headers.Authorization).toBeUndefined();
      expect(f.headers['Content-Range']).toMatch(/^bytes 0-\d+\/\d+$/);
    }
    expect(h.store.stats().authorization.uploadUrlWithAuthorization).toBe(0);
    await expectFiledOnce(h, target, [apps[0]!]);
  });

  it('files nothing it cannot file once: an email with no Message-ID is refused, not guessed', async () => {
    h = await startHarness();
    target = await provisioned(h);
    const [outcome] = await fileApplications(h.client, target, [asChangedEmail(apps[0]!, { internetMessageId: null })], options);
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/no Message-ID/) });
    expect(await listApplications(h.client, target)).toEqual([]);
  });

  it('computes the same QuickXorHash as SharePoint (and the store)', () => {
    for (const size of [0, 1, 159, 160, 161, 5000]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff);
      expect(quickXorHash(bytes)).toBe(storeQuickXorHash(bytes));
    }
  });
});

describe('faults: exactly one correct item per email, each file uploaded once', () => {
  let h: Harness;
  let apps: Application[];
  beforeAll(async () => (apps = await sampleApplications()));
  afterEach(() => h.dispose());

  it('with 429 (Retry-After), 503 and answers lost after the commit', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    h.store.setFaults({ throttleEvery: 4, unavailableEvery: 7, dropAfterCommitEvery: 5, retryAfterSeconds: 0 });
    const outcomes = await fileApplications(h.client, target, apps, options);
    expect(outcomes.filter((o) => o.status !== 'created')).toEqual([]);
    const faults = h.store.stats().faults;
    expect(faults.throttled).toBeGreaterThan(0);
    expect(faults.unavailable).toBeGreaterThan(0);
    expect(faults.dropped).toBeGreaterThan(0);
    h.store.setFaults({});
    await expectFiledOnce(h, target, apps);
    expect((await fileApplications(h.client, target, apps, options)).map((o) => o.status)).toEqual(apps.map(() => 'unchanged'));
  });

  it('with every write answered and then dropped, and uploads in sessions', async () => {
    h = await startHarness({ store: { simpleUploadLimitBytes: 16 * 1024 } });
    const target = await provisioned(h);
    h.store.setFaults({ dropAfterCommitEvery: 2, only: 'writes' });
    const outcomes = await fileApplications(h.client, target, apps, { ...options, simpleUploadLimitBytes: 16 * 1024, maxRounds: 10 });
    expect(outcomes.filter((o) => o.status !== 'created').map((o) => `${o.source}: ${o.error}`)).toEqual([]);
    expect(h.store.stats().faults.dropped).toBeGreaterThan(10);
    expect(h.wire.some((e) => /\/_upload\//.test(e.url) && e.status === null)).toBe(true); // a fragment's answer was lost too
    h.store.setFaults({});
    await expectFiledOnce(h, target, apps);
  });

  it('with the store restarted in the middle of the run', async () => {
    let restarting: Promise<void> | null = null;
    h = await startHarness({ sleep: async () => void (await restarting) });
    const target = await provisioned(h);
    const base = h.wire.length;
    const filing = fileApplications({ ...h.client, sleep: async () => void (await restarting) }, target, apps, options);
    const watcher = setInterval(() => {
      if (!restarting && h.wire.length >= base + 3) restarting = h.restart();
    }, 1);
    const outcomes = await filing;
    clearInterval(watcher);
    await (restarting as Promise<void> | null); // set inside the timer, which the compiler does not follow
    expect(restarting).not.toBeNull();
    expect(h.wire.some((e) => e.status === null)).toBe(true); // requests did fail while it was down
    expect(outcomes.filter((o) => o.status !== 'created').map((o) => `${o.source}: ${o.error}`)).toEqual([]);
    await expectFiledOnce(h, target, apps);
  });
});

describe('two reviewers updating one item', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('one wins; the other gets a clear conflict with fresh data and succeeds on retry', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const apps = await sampleApplications();
    const [filed] = await fileApplications(h.client, target, [apps[0]!], options);
    const [item] = await listApplications(h.client, target);
    const seenETag = item!.eTag;
    const results = await Promise.allSettled([
      updateDecision(h.client, target, filed!.itemId!, seenETag, { decision: 'Accepted', decidedBy: 'Ann', criteriaScores: { qts: 2 } }),
      updateDecision(h.client, target, filed!.itemId!, seenETag, { decision: 'Declined', decidedBy: 'Bob', reviewNotes: 'Not this year.' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as ConflictError<any>;
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.message).toMatch(/changed by someone else/);
    const winner = (won[0] as PromiseFulfilledResult<any>).value;
    expect(conflict.current.eTag).toBe(winner.eTag);
    expect(conflict.current.fields.Decision).toBe(winner.fields.Decision);
    const loserWanted = winner.fields.Decision === 'Accepted' ? 'Declined' : 'Accepted';
    const retried = await updateDecision(h.client, target, filed!.itemId!, conflict.current.eTag, {
      decision: loserWanted,
      decidedBy: 'Second reviewer',
    });
    expect(retried.fields).toMatchObject({ Decision: loserWanted, Status: loserWanted, DecidedBy: 'Second reviewer' });
    const patches = h.wire.filter((e) => e.method === 'PATCH');
    expect(patches.every((p) => /^"[0-9a-f-]+,\d+"$/.test(p.headers['If-Match']!))).toBe(true);
  });
});
