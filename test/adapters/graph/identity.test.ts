// Which item an email is: its Message-ID and its fingerprint. Another email reusing a Message-ID
// (exactly, or in another letter case) never rewrites the item; concurrent runs tell the truth
// about who created it; nothing is left in the library for a record that could not be written.
import {
  createGraphClient,
  fileApplications,
  listApplications,
  noToken,
  resolveTarget,
  updateDecision,
  type Application,
  type FilingOutcome,
} from '../../../src/adapters/graph';
import { uploadFile } from '../../../src/adapters/graph/uploads';
import { applicationRecord, safeFileName } from '../../../src/core/record';
import {
  asAnotherEmail,
  asChangedEmail,
  graphGet,
  type Harness,
  messageOf,
  provisioned,
  sampleApplications,
  startHarness,
  templates,
} from './helpers';

describe("an email's identity", () => {
  let h: Harness;
  let apps: Application[];
  beforeAll(async () => (apps = await sampleApplications()));
  afterEach(() => h.dispose());

  it("files another email carrying an existing item's Message-ID as its own item, flagged, and leaves the earlier item untouched", async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const school = apps[0]!; // 01: complete
    const [first] = await fileApplications(h.client, target, [school]);
    const [item] = await listApplications(h.client, target);
    await updateDecision(h.client, target, item!.id, item!.eTag, { decision: 'Accepted', decidedBy: 'Reviewer' });
    const before = (await listApplications(h.client, target))[0]!;

    // Another school's email (sample 04) sent with sample 01's Message-ID, in upper case.
    const id = school.intake.report.message!.internetMessageId!;
    const forged = asChangedEmail(apps[3]!, { internetMessageId: id.toUpperCase() }, 'forged.eml');
    const [clash] = await fileApplications(h.client, target, [forged]);
    expect(clash).toMatchObject({ status: 'created', error: null });
    expect(clash!.itemId).not.toBe(first!.itemId);

    const items = await listApplications(h.client, target);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: before.id, eTag: before.eTag, fields: before.fields }); // untouched, decision and all
    const flagged = items[1]!.fields;
    expect(flagged).toMatchObject({
      InternetMessageId: `${id.toUpperCase()} #${forged.intake.fingerprint.slice(0, 32)}`,
      EmailFingerprint: forged.intake.fingerprint,
      School: forged.intake.record!.fields.School,
      Complete: false,
      Status: 'Needs info',
      ErrorCount: Number(forged.intake.record!.fields.ErrorCount) + 1,
    });
    expect(String(flagged.IssuesSummary)).toMatch(
      new RegExp(`^error message-id-clash: Another email, filed earlier as item ${before.id}, carries this email's Message-ID`),
    );
    // Its files are in a folder of its own: the earlier email's are not replaced.
    expect(flagged.EmailLink).not.toBe(before.fields.EmailLink);

    // Filed again, each email finds its own item.
    const again = await fileApplications(h.client, target, [school, forged]);
    expect(again.map((o) => [o.status, o.itemId])).toEqual([
      ['unchanged', first!.itemId],
      ['unchanged', clash!.itemId],
    ]);
    expect(await listApplications(h.client, target)).toHaveLength(2);
  });

  it('files two different emails with one Message-ID in one run as two items, one of them flagged', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const a = asAnotherEmail(apps[1]!, '<shared@mail.example>');
    const b = asAnotherEmail(apps[2]!, '<Shared@mail.example>');
    const outcomes = await fileApplications(h.client, target, [a, b]);
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created']);
    expect(new Set(outcomes.map((o) => o.itemId)).size).toBe(2);
    const items = await listApplications(h.client, target);
    expect(
      items.map((i) => (typeof i.fields.IssuesSummary === 'string' ? i.fields.IssuesSummary : '').startsWith('error message-id-clash')),
    ).toEqual([false, true]);
  });

  it("re-filing the same email updates only the checker's columns", async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const app = apps[4]!;
    await fileApplications(h.client, target, [app]);
    const [item] = await listApplications(h.client, target);
    await updateDecision(h.client, target, item!.id, item!.eTag, { decision: 'Waitlisted', decidedBy: 'Reviewer', reviewNotes: 'Strong.' });
    // The checker now reads one more warning in the same email (same sender, subject and form bytes: same fingerprint).
    const report = {
      ...app.intake.report,
      issues: [...app.intake.report.issues, { severity: 'warning' as const, code: 'wrong-recipient', message: 'Sent to another hub.' }],
    };
    const rechecked: Application = {
      ...app,
      intake: { ...app.intake, report, record: applicationRecord(report, templates, { fingerprint: app.intake.fingerprint }) },
    };
    const [updated] = await fileApplications(h.client, target, [rechecked]);
    expect(updated).toMatchObject({ status: 'updated', itemId: item!.id });
    const after = (await listApplications(h.client, target))[0]!.fields;
    expect(after).toMatchObject({
      Decision: 'Waitlisted',
      Status: 'Waitlisted',
      ReviewNotes: 'Strong.',
      DecidedBy: 'Reviewer',
      FilingAttempt: item!.fields.FilingAttempt,
    });
    expect(after.WarningCount).toBe(Number(item!.fields.WarningCount) + 1);
  });
});

describe('four runs filing the same emails at once', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('make one item per email, and only the run whose write made an item says "created"', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const apps = await sampleApplications();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => {
        const client = createGraphClient({ graphUrl: h.store.url, auth: noToken, sleep: async () => undefined, retry: { baseDelayMs: 0 } });
        return fileApplications(client, target, apps);
      }),
    );
    const all: FilingOutcome[] = runs.flat();
    const count = (status: string) => all.filter((o) => o.status === status).length;
    expect(all.filter((o) => o.status === 'failed').map((o) => o.error)).toEqual([]);
    const items = await listApplications(h.client, target);
    expect(items).toHaveLength(apps.length);
    expect(count('created')).toBe(apps.length);
    // Each item is "created" by exactly one run, and that run's outcome names it.
    for (const item of items) {
      const creators = runs.filter((run) => run.some((o) => o.itemId === item.id && o.status === 'created'));
      expect(creators).toHaveLength(1);
    }
    expect(count('created') + count('updated') + count('unchanged')).toBe(4 * apps.length);
  });
});

describe('what cannot be written leaves nothing behind', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('deletes the files it uploaded for an item the list refused, and files it once the record is right', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const app = (await sampleApplications())[0]!;
    const bad: Application = {
      ...app,
      intake: { ...app.intake, record: { ...app.intake.record!, fields: { ...app.intake.record!.fields, ErrorCount: 'many' } } },
    };
    const [refused] = await fileApplications(h.client, target, [bad]);
    expect(refused).toMatchObject({ status: 'failed', itemId: null });
    expect(refused!.uploaded).toHaveLength(2); // they were uploaded …
    for (const path of refused!.uploaded) {
      const response = await fetch(`${h.store.url}/drives/${target.driveId}/root:/${path.split('/').map(encodeURIComponent).join('/')}`);
      expect(response.status).toBe(404); // … and are gone
    }
    expect(await listApplications(h.client, target)).toEqual([]);
    const [filed] = await fileApplications(h.client, target, [app]);
    expect(filed).toMatchObject({ status: 'created' });
    const folder = refused!.uploaded[0]!.split('/').slice(0, -1).join('/');
    const children = await graphGet(h, `/drives/${target.driveId}/root:/${folder.split('/').map(encodeURIComponent).join('/')}:/children`);
    expect(children.value).toHaveLength(2);
  });

  it('files a statement longer than the list keeps, cut, with an issue saying so', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const app = (await sampleApplications())[0]!;
    const report = app.intake.report;
    const long = 'We have worked on reasoning in every year group. '.repeat(1500); // ~73,500 characters
    const longReport = { ...report, forms: [{ ...report.forms[0]!, fields: { ...report.forms[0]!.fields, headteacherStatement: long } }] };
    const record = applicationRecord(longReport, templates, { fingerprint: app.intake.fingerprint });
    const form = longReport.forms[0]!;
    const [filed] = await fileApplications(h.client, target, [
      { ...app, intake: { ...app.intake, report: longReport, record: { ...record, form } } },
    ]);
    expect(filed).toMatchObject({ status: 'created', error: null });
    const [item] = await listApplications(h.client, target);
    expect(String(item!.fields.headteacherStatement)).toHaveLength(63_999);
    expect(String(item!.fields.IssuesSummary)).toMatch(/warning value-cut \(headteacherStatement\)/);
  });
});

describe('a read that got no answer', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  /** A client whose connection is cut after the store answered, for the requests `lose` picks. */
  const losing = (lose: (n: number) => boolean) => {
    let n = 0;
    const lost: string[] = [];
    const client = createGraphClient({
      graphUrl: h.store.url,
      auth: noToken,
      sleep: async () => undefined,
      retry: { baseDelayMs: 0 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!lose(++n)) return response;
        await response.arrayBuffer();
        lost.push(String(init?.method ?? 'GET'));
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      },
    });
    return { client, lost };
  };

  it('is repeated, bounded: a lost answer to the site and list look-up does not abort the run', async () => {
    h = await startHarness();
    await provisioned(h);
    // Every answer lost: the look-up gives up after the policy's retries, with the transport's error.
    const never = losing(() => true);
    await expect(resolveTarget(never.client, { site: 'root' })).rejects.toMatchObject({ name: 'TransportError' });
    expect(never.lost).toHaveLength(never.client.retry.maxRetries + 1);
    // The first answer lost: the look-up is sent again and the run goes on.
    const once = losing((n) => n === 1);
    const target = await resolveTarget(once.client, { site: 'root' });
    expect(once.lost).toEqual(['POST']); // the batch of reads
    const outcomes = await fileApplications(once.client, target, (await sampleApplications()).slice(0, 3));
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created']);
  });
});

describe('file names SharePoint refuses', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('are refused by the store as by SharePoint, and filing makes each safe', async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const app = (await sampleApplications())[0]!;
    const names = [
      'AUX',
      'COM1',
      '~$Application.docx',
      'Application _vti_ form.docx',
      'Application form.docx.',
      'a:b|c?.docx',
      `${'x'.repeat(60)}~$${'y'.repeat(113)}.docx`,
    ];
    const form = messageOf(app).attachments.find((a) => a.name.endsWith('.docx'))!;
    for (const [i, name] of names.entries()) {
      // Refused as they are (all but the last, whose "~$" only comes to the front when it is cut to length).
      if (i < names.length - 1)
        await expect(uploadFile(h.client, target.driveId, `refusals/${i}/${name}`, form.bytes)).rejects.toMatchObject({ status: 400 });
      const renamed = asChangedEmail(app, {
        internetMessageId: `<name-${i}@school.example>`,
        attachments: messageOf(app).attachments.map((a) => (a === form ? { ...a, name } : a)),
      });
      const [filed] = await fileApplications(h.client, target, [renamed]);
      expect(filed).toMatchObject({ status: 'created', error: null });
      expect(filed!.uploaded[1]!.split('/').pop()).toBe(safeFileName(name));
    }
  });
});
