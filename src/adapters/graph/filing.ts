// Filing checked emails, exactly once each.
//
// Each round: one batch of reads per six emails (the item with this Message-ID, earlier items
// with the same URN and programme, the files already in the email's folder), then the uploads that
// are needed, then one batch of writes per twenty emails (POST a new item, or PATCH the changed
// fields with If-Match). Whatever fails in a way that leaves the outcome unknown (a lost answer, a
// 412, a 409 from the unique Message-ID column, a restarted server) sends that email to the next
// round, which reads the list again and decides afresh. So a retry never makes a second item, a
// file is uploaded only when the library does not already hold the same bytes at its path, and
// re-filing updates the one item. The transport itself never retries a request it cannot prove
// was not run (only 429/503/504 are retried).
import type { Template } from '../../core/catalogue/schema';
import type { ApplicationReport } from '../../core/check';
import {
  applicationColumns,
  applicationRecord,
  type ApplicationRecord,
  EMAIL_FILE_NAME,
  filingFolder,
  type FieldValue,
  type ItemFields,
  RecordError,
  safeFileName,
} from '../../core/record';
import { type BatchRequest, type BatchResponse, batchError, runBatch } from './batch';
import type { GraphClient } from './client';
import { GraphRequestError, TransportError } from '../wire/errors';
import type { FilingTarget } from './target';
import { drivePath, type DriveItem, quickXorHash, uploadFile, type UploadOptions } from './uploads';

/** A checked email and the bytes to file with it. */
export interface Application {
  readonly report: ApplicationReport;
  /** The email as received (.eml). */
  readonly email: Uint8Array;
  /** An attachment's bytes by its name (the filed form is looked up here). */
  readonly attachment: (name: string) => Uint8Array | null;
}

export type FilingStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export interface FilingOutcome {
  readonly source: string;
  readonly status: FilingStatus;
  readonly itemId: string | null;
  readonly itemUrl: string | null;
  readonly resubmissionOf: string | null;
  readonly uploaded: string[];
  readonly error: string | null;
}

export interface FilingOptions extends UploadOptions {
  readonly templates: readonly Template[];
  /** Rounds before an email is given up on (default 6). */
  readonly maxRounds?: number;
}

interface LocalFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly hash: string;
  readonly role: 'email' | 'form';
}

interface Work {
  readonly index: number;
  readonly app: Application;
  readonly record: ApplicationRecord;
  readonly folder: string;
  readonly files: readonly LocalFile[];
  /** Whether the item was there at the first look. */
  existedAtStart: boolean | null;
  changed: boolean;
  uploaded: string[];
  failures: number;
  done: FilingOutcome | null;
}

interface ListItem {
  id: string;
  eTag?: string;
  webUrl?: string;
  fields?: Record<string, unknown>;
}

interface Plan {
  readonly work: Work;
  readonly existing: ListItem | null;
  readonly resubmission: { id: string; url: string } | null;
  readonly uploads: LocalFile[];
  readonly links: Map<string, string>;
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

function itemsUrl(target: FilingTarget, filter: string, expand = 'fields'): string {
  return `/sites/${encodeURIComponent(target.siteId)}/lists/${target.listId}/items?$expand=${expand}&$filter=${encodeURIComponent(filter)}&$top=50`;
}

function outcome(work: Work, status: FilingStatus, item: ListItem | null, target: FilingTarget, resubmissionOf: string | null, error: string | null = null): FilingOutcome {
  return {
    source: work.app.report.source,
    status,
    itemId: item?.id ?? null,
    itemUrl: item ? displayUrl(target, item.id) : null,
    resubmissionOf,
    uploaded: [...work.uploaded],
    error,
  };
}

/** The item's page: works on SharePoint and on the local store alike. */
export function displayUrl(target: FilingTarget, itemId: string): string {
  return `${target.listUrl}/DispForm.aspx?ID=${itemId}`;
}

/** Values equal as SharePoint stores them: empty is empty, dates by instant, line ends folded. */
export function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
    if (iso.test(a) && iso.test(b)) return Date.parse(a) === Date.parse(b);
    return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
  }
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

/** The fields of an item that differ from what filing wants; filing's own columns only. */
export function fieldChanges(desired: ItemFields, current: Record<string, unknown>, owned: ReadonlySet<string>): ItemFields {
  const changes: ItemFields = {};
  for (const name of owned) {
    const want: FieldValue = desired[name] ?? null;
    if (!sameValue(want, current[name])) changes[name] = want;
  }
  return changes;
}

/**
 * The record without the form fields the list has no column for (a template saved after the list
 * was provisioned): each becomes a warning line in the issues summary, so that the application is
 * still filed rather than refused with a 400.
 */
export function withListColumns(record: ApplicationRecord, columns: ReadonlySet<string>): ApplicationRecord {
  const missing = (record.template?.fields ?? []).map((f) => f.key).filter((key) => !columns.has(key));
  if (!missing.length) return record;
  const fields: ItemFields = { ...record.fields };
  for (const key of missing) delete fields[key];
  const lines = missing.map((key) => `warning missing-column (${key}): field ${key} has no column in the list: run hub-intake provision`);
  fields.IssuesSummary = [record.fields.IssuesSummary, ...lines].filter(Boolean).join('\n');
  fields.WarningCount = Number(record.fields.WarningCount ?? 0) + missing.length;
  return { ...record, fields };
}

/** Files one email. See fileApplications. */
export async function fileApplication(client: GraphClient, target: FilingTarget, application: Application, options: FilingOptions): Promise<FilingOutcome> {
  return (await fileApplications(client, target, [application], options))[0]!;
}

/** Files emails, each exactly once, in as few round trips as it can. Outcomes in input order. */
export async function fileApplications(client: GraphClient, target: FilingTarget, applications: readonly Application[], options: FilingOptions): Promise<FilingOutcome[]> {
  const owned = new Set(applicationColumns(options.templates).filter((c) => c.owner !== 'reviewer').map((c) => c.name));
  const columns = new Set(target.columns);
  const outcomes: (FilingOutcome | null)[] = applications.map(() => null);
  let pending: Work[] = [];
  applications.forEach((app, index) => {
    let record: ApplicationRecord;
    try {
      record = withListColumns(applicationRecord(app.report, options.templates), columns);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      outcomes[index] = { source: app.report.source, status: 'failed', itemId: null, itemUrl: null, resubmissionOf: null, uploaded: [], error: error.message };
      return;
    }
    const files: LocalFile[] = [{ name: EMAIL_FILE_NAME, bytes: app.email, hash: quickXorHash(app.email), role: 'email' }];
    const formBytes = record.form ? app.attachment(record.form.attachment) : null;
    if (record.form && formBytes) {
      let name = safeFileName(record.form.attachment);
      if (name.toLowerCase() === EMAIL_FILE_NAME) name = `form-${name}`;
      files.push({ name, bytes: formBytes, hash: quickXorHash(formBytes), role: 'form' });
    }
    pending.push({ index, app, record, folder: filingFolder(record.internetMessageId, app.report.message!.receivedAt), files, existedAtStart: null, changed: false, uploaded: [], failures: 0, done: null });
  });

  const maxRounds = options.maxRounds ?? 6;
  for (let round = 1; pending.length && round <= maxRounds * 2; round++) {
    const retry: Work[] = [];
    const giveUpOrRetry = (work: Work, error: unknown) => {
      work.failures++;
      const transient = error instanceof TransportError || (error instanceof GraphRequestError && (error.status >= 500 || [404, 409, 412, 423, 429].includes(error.status)));
      if (transient && work.failures < maxRounds) retry.push(work);
      else outcomes[work.index] = outcome(work, 'failed', null, target, null, error instanceof Error ? error.message : String(error));
    };

    // 1. Read: the item, earlier applications from the school, and the files already filed.
    let plans: Plan[] = [];
    const deferred: Work[] = [];
    for (let start = 0; start < pending.length; start += 6) {
      const group = pending.slice(start, start + 6);
      let responses: Map<string, BatchResponse>;
      const reads = group.flatMap((work) => readRequests(target, work));
      try {
        responses = await runBatch(client, reads);
      } catch (error) {
        group.forEach((work) => giveUpOrRetry(work, error));
        continue;
      }
      for (const work of group) {
        try {
          plans.push(plan(work, target, reads, responses));
        } catch (error) {
          giveUpOrRetry(work, error);
        }
      }
    }

    // Two new applications from one school for one programme in the same run: the second waits a
    // round, so that it can link to the first once the first has an item.
    const creating = new Set<string>();
    plans = plans.filter((p) => {
      const key = p.work.record.urn && p.work.record.programme ? `${p.work.record.urn}|${p.work.record.programme}`.toLowerCase() : null;
      if (p.existing || !key) return true;
      if (creating.has(key) && !p.resubmission) {
        deferred.push(p.work);
        return false;
      }
      creating.add(key);
      return true;
    });

    // 2. Upload what the library does not hold yet (a few at a time).
    const ready: Plan[] = [];
    await inParallel(plans, 4, async (p) => {
      try {
        for (const file of p.uploads) {
          const item = await uploadFile(client, target.driveId, `${p.work.folder}/${file.name}`, file.bytes, options);
          p.links.set(file.role, item.webUrl);
          p.work.uploaded.push(`${p.work.folder}/${file.name}`);
          p.work.changed = true;
        }
        ready.push(p);
      } catch (error) {
        giveUpOrRetry(p.work, error);
      }
    });
    ready.sort((a, b) => a.work.index - b.work.index);

    // 3. Write: create, or update the fields that changed with If-Match.
    const writes: { request: BatchRequest; plan: Plan }[] = [];
    for (const p of ready) {
      const desired: ItemFields = {
        ...p.work.record.fields,
        EmailLink: p.links.get('email') ?? null,
        FormLink: p.links.get('form') ?? null,
        ResubmissionOf: p.resubmission?.url ?? null,
        ResubmissionOfId: p.resubmission ? Number(p.resubmission.id) : null,
      };
      if (!p.existing) {
        const fields = Object.fromEntries(Object.entries({ ...desired, ...p.work.record.initialFields }).filter(([, v]) => v !== null));
        writes.push({ plan: p, request: { id: `w${p.work.index}`, method: 'POST', url: `/sites/${encodeURIComponent(target.siteId)}/lists/${target.listId}/items`, body: { fields } } });
        continue;
      }
      const changes = fieldChanges(desired, p.existing.fields ?? {}, owned);
      if (!Object.keys(changes).length) {
        outcomes[p.work.index] = outcome(p.work, p.work.existedAtStart === false ? 'created' : p.work.changed ? 'updated' : 'unchanged', p.existing, target, p.resubmission?.url ?? null);
        continue;
      }
      writes.push({
        plan: p,
        request: {
          id: `w${p.work.index}`,
          method: 'PATCH',
          url: `/sites/${encodeURIComponent(target.siteId)}/lists/${target.listId}/items/${p.existing.id}/fields`,
          headers: { 'If-Match': p.existing.eTag ?? '*' },
          body: changes,
        },
      });
    }
    for (let start = 0; start < writes.length; start += 20) {
      const group = writes.slice(start, start + 20);
      group.forEach((w) => (w.plan.work.changed = true));
      let responses: Map<string, BatchResponse>;
      try {
        responses = await runBatch(client, group.map((w) => w.request));
      } catch (error) {
        group.forEach((w) => giveUpOrRetry(w.plan.work, error));
        continue;
      }
      for (const { request, plan: p } of group) {
        const response = responses.get(request.id)!;
        if (response.status >= 400) {
          giveUpOrRetry(p.work, batchError(request, response));
          continue;
        }
        const item: ListItem = request.method === 'POST' ? (response.body as ListItem) : { id: p.existing!.id };
        const status: FilingStatus = p.work.existedAtStart === false ? 'created' : 'updated';
        outcomes[p.work.index] = outcome(p.work, status, item, target, p.resubmission?.url ?? null);
      }
    }

    pending = [...retry, ...deferred].sort((a, b) => a.index - b.index);
    if (retry.length) await client.sleep(Math.min(250 * 2 ** Math.min(retry[0]!.failures, 5), client.retry.maxDelayMs));
  }
  for (const work of pending) outcomes[work.index] ??= outcome(work, 'failed', null, target, null, 'Gave up after repeated failures.');
  return outcomes.map((o) => o!);
}

function readRequests(target: FilingTarget, work: Work): BatchRequest[] {
  const { record } = work;
  const requests: BatchRequest[] = [
    { id: `i${work.index}`, method: 'GET', url: itemsUrl(target, `fields/InternetMessageId eq ${quote(record.internetMessageId)}`) },
    { id: `f${work.index}`, method: 'GET', url: `${drivePath(target.driveId, work.folder)}/children?$select=id,name,size,file,webUrl` },
  ];
  if (record.urn && record.programme) {
    requests.push({
      id: `u${work.index}`,
      method: 'GET',
      url: itemsUrl(target, `fields/URN eq ${quote(record.urn)} and fields/Programme eq ${quote(record.programme)}`, 'fields($select=InternetMessageId)'),
    });
  }
  return requests;
}

function plan(work: Work, target: FilingTarget, reads: readonly BatchRequest[], responses: Map<string, BatchResponse>): Plan {
  const response = (prefix: string) => {
    const request = reads.find((r) => r.id === `${prefix}${work.index}`);
    if (!request) return null;
    const r = responses.get(request.id)!;
    if (r.status >= 400 && !(prefix === 'f' && r.status === 404)) throw batchError(request, r);
    return r;
  };
  const byId = (a: ListItem, b: ListItem) => Number(a.id) - Number(b.id);
  const items = ((response('i')!.body as { value: ListItem[] }).value ?? []).sort(byId);
  const existing = items[0] ?? null;
  work.existedAtStart ??= existing !== null;

  let resubmission: Plan['resubmission'] = null;
  const others = response('u');
  if (others) {
    const earlier = ((others.body as { value: ListItem[] }).value ?? [])
      .filter((i) => String(i.fields?.InternetMessageId ?? '').toLowerCase() !== work.record.internetMessageId.toLowerCase())
      .filter((i) => !existing || Number(i.id) < Number(existing.id))
      .sort(byId);
    if (earlier[0]) resubmission = { id: earlier[0].id, url: displayUrl(target, earlier[0].id) };
  }

  const folder = response('f')!;
  const children = folder.status === 404 ? [] : ((folder.body as { value: DriveItem[] }).value ?? []);
  const links = new Map<string, string>();
  const uploads: LocalFile[] = [];
  for (const file of work.files) {
    const there = children.find((c) => c.name.toLowerCase() === file.name.toLowerCase());
    if (there && there.file?.hashes?.quickXorHash === file.hash) links.set(file.role, there.webUrl);
    else uploads.push(file);
  }
  return { work, existing, resubmission, uploads, links };
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
