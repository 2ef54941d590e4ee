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
import type { Intake } from '../../core/intake';
import {
  type ApplicationRecord,
  clashKey,
  EMAIL_FILE_NAME,
  filingFolder,
  type ColumnValue,
  type ItemFields,
  RECORD_COLUMNS,
} from '../../core/record';
import { type BatchRequest, type BatchResponse, batchError, runBatch } from './batch';
import { type GraphClient, graphRequest } from './client';
import { GraphRequestError, TransportError } from '../wire/errors';
import { itemsByMessageIdUrl, itemsPath, type ListItem } from './items';
import type { FilingTarget } from './target';
import { drivePath, type DriveItem, quickXorHash, uploadFile, type UploadOptions } from './uploads';
import { odataString } from '../wire/odata';

/** A checked email (the core's intake) and the email's own bytes, to file with it. */
export interface Application {
  readonly intake: Intake;
  /** The email as received: MIME (.eml), or an Outlook .msg. */
  readonly email: Uint8Array;
  /** The name it is filed under: email.eml unless it came as an Outlook .msg (email.msg). */
  readonly emailName?: string;
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
  /** Written into the item this run creates: a run whose answer was lost knows the item is its own. */
  readonly attempt: string;
  /** This run's write made the item. */
  created: boolean;
  /** This run changed the item (a PATCH) or replaced a file that differed. */
  changed: boolean;
  uploaded: string[];
  /** Files this run put where there were none (deleted again if the item cannot be written). */
  placed: string[];
  failures: number;
}

interface Plan {
  readonly work: Work;
  readonly existing: ListItem | null;
  /** The item key: the Message-ID, or, for another email that reuses it, the clash key. */
  readonly key: string;
  /** The item that already holds this Message-ID for a different email. */
  readonly clashWith: ListItem | null;
  readonly resubmission: { id: string; url: string } | null;
  readonly uploads: LocalFile[];
  readonly replacing: ReadonlySet<string>;
  readonly links: Map<string, string>;
}

function outcome(
  work: Work,
  status: FilingStatus,
  item: { id: string } | null,
  target: FilingTarget,
  resubmissionOf: string | null,
  error: string | null = null,
): FilingOutcome {
  return {
    source: work.app.intake.report.source,
    status,
    itemId: item?.id ?? null,
    itemUrl: item ? displayUrl(target, item.id) : null,
    resubmissionOf,
    uploaded: [...work.uploaded],
    error,
  };
}

/** An email that was not filed, and why (one shape for every caller that gives up on one). */
export const failedOutcome = (source: string, error: string): FilingOutcome => ({
  source,
  status: 'failed',
  itemId: null,
  itemUrl: null,
  resubmissionOf: null,
  uploaded: [],
  error,
});

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
    const want: ColumnValue = desired[name] ?? null;
    if (!sameValue(want, current[name])) changes[name] = want;
  }
  return changes;
}

/**
 * The record without the fields the list has no column for (a template saved, or Hub Intake
 * updated, after the list was provisioned): each becomes a warning line in the issues summary, so
 * that the application is still filed rather than refused with a 400.
 */
export function withListColumns(record: ApplicationRecord, columns: ReadonlySet<string>): ApplicationRecord {
  const missing = Object.keys(record.fields).filter((key) => key !== 'Title' && !columns.has(key));
  if (!missing.length) return record;
  const fields: ItemFields = { ...record.fields };
  for (const key of missing) delete fields[key];
  const lines = missing.map((key) => `warning missing-column (${key}): field ${key} has no column in the list: run hub-intake provision`);
  fields.IssuesSummary = [record.fields.IssuesSummary, ...lines].filter(Boolean).join('\n');
  fields.WarningCount = Number(record.fields.WarningCount ?? 0) + missing.length;
  return { ...record, fields };
}

/** Columns filing keeps up to date on an item: every column but the reviewers' and those set once at creation. */
const OWNED_RECORD_COLUMNS = RECORD_COLUMNS.filter((c) => c.owner === 'checker' || c.owner === 'link').map((c) => c.name);

/** The record of an email that reuses an earlier, different email's Message-ID: its own item, flagged. */
function asClash(record: ApplicationRecord, key: string, earlier: ListItem): ItemFields {
  const line = `error message-id-clash: Another email, filed earlier as item ${earlier.id}, carries this email's Message-ID. This email is filed as its own item and the earlier item is untouched; one of the two may be forged: compare them before deciding.`;
  return {
    ...record.fields,
    InternetMessageId: key,
    IssuesSummary: [line, record.fields.IssuesSummary].filter(Boolean).join('\n'),
    ErrorCount: Number(record.fields.ErrorCount ?? 0) + 1,
    Complete: false,
  };
}

const randomId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Files one email. See fileApplications. */
export async function fileApplication(
  client: GraphClient,
  target: FilingTarget,
  application: Application,
  options: FilingOptions = {},
): Promise<FilingOutcome> {
  return (await fileApplications(client, target, [application], options))[0]!;
}

/** Files emails, each exactly once, in as few round trips as it can. Outcomes in input order. */
export async function fileApplications(
  client: GraphClient,
  target: FilingTarget,
  applications: readonly Application[],
  options: FilingOptions = {},
): Promise<FilingOutcome[]> {
  const columns = new Set(target.columns);
  const outcomes: (FilingOutcome | null)[] = applications.map(() => null);
  let pending: Work[] = [];
  applications.forEach((app, index) => {
    const { intake } = app;
    if (!intake.record) {
      outcomes[index] = failedOutcome(intake.report.source, intake.unfileable ?? 'The email cannot be filed.');
      return;
    }
    const record = withListColumns(intake.record, columns);
    const files: LocalFile[] = [{ name: app.emailName ?? EMAIL_FILE_NAME, bytes: app.email, hash: quickXorHash(app.email), role: 'email' }];
    // The very bytes that were checked (the core kept the attachment the form was read from).
    if (intake.formAttachment)
      files.push({
        name: intake.formAttachment.name,
        bytes: intake.formAttachment.bytes,
        hash: quickXorHash(intake.formAttachment.bytes),
        role: 'form',
      });
    const folder = filingFolder(record.internetMessageId, intake.report.message!.receivedAt, record.fingerprint);
    pending.push({
      index,
      app,
      record,
      folder,
      files,
      attempt: randomId(),
      created: false,
      changed: false,
      uploaded: [],
      placed: [],
      failures: 0,
    });
  });

  const maxRounds = options.maxRounds ?? 6;
  for (let round = 1; pending.length && round <= maxRounds * 2; round++) {
    const retry: Work[] = [];
    const fail = (work: Work, error: unknown) => {
      outcomes[work.index] = outcome(work, 'failed', null, target, null, error instanceof Error ? error.message : String(error));
    };
    const giveUpOrRetry = (work: Work, error: unknown) => {
      work.failures++;
      const transient =
        error instanceof TransportError ||
        (error instanceof GraphRequestError && (error.status >= 500 || [404, 409, 412, 423, 429].includes(error.status)));
      if (transient && work.failures < maxRounds) retry.push(work);
      else fail(work, error);
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
    const refusedUploads: Work[] = [];
    await inParallel(plans, 4, async (p) => {
      try {
        for (const file of p.uploads) {
          const path = `${p.work.folder}/${file.name}`;
          const item = await uploadFile(client, target.driveId, path, file.bytes, options);
          p.links.set(file.role, item.webUrl);
          p.work.uploaded.push(path);
          if (p.replacing.has(file.name)) p.work.changed = true;
          else if (!p.work.placed.includes(path)) p.work.placed.push(path);
        }
        ready.push(p);
      } catch (error) {
        giveUpOrRetry(p.work, error);
        if (outcomes[p.work.index]?.status === 'failed' && !(error instanceof TransportError)) refusedUploads.push(p.work);
      }
    });
    for (const work of refusedUploads) await removePlaced(client, target, work);
    ready.sort((a, b) => a.work.index - b.work.index);

    // 3. Write: create, or update the fields that changed with If-Match.
    const writes: { request: BatchRequest; plan: Plan }[] = [];
    for (const p of ready) {
      const record = p.clashWith ? asClash(p.work.record, p.key, p.clashWith) : { ...p.work.record.fields, InternetMessageId: p.key };
      const desired: ItemFields = {
        ...record,
        EmailLink: p.links.get('email') ?? null,
        FormLink: p.links.get('form') ?? null,
        ResubmissionOf: p.resubmission?.url ?? null,
        ResubmissionOfId: p.resubmission ? Number(p.resubmission.id) : null,
      };
      if (!p.existing) {
        const initial = {
          ...p.work.record.initialFields,
          ...(p.clashWith ? { Status: 'Needs info' } : {}),
          ...(columns.has('FilingAttempt') ? { FilingAttempt: p.work.attempt } : {}),
        };
        const fields = Object.fromEntries(Object.entries({ ...desired, ...initial }).filter(([, v]) => v !== null));
        writes.push({ plan: p, request: { id: `w${p.work.index}`, method: 'POST', url: itemsPath(target), body: { fields } } });
        continue;
      }
      const owned = new Set([...OWNED_RECORD_COLUMNS, ...Object.keys(p.work.record.fields)].filter((name) => columns.has(name)));
      const changes = fieldChanges(desired, p.existing.fields ?? {}, owned);
      if (!Object.keys(changes).length) {
        outcomes[p.work.index] = outcome(
          p.work,
          p.work.created ? 'created' : p.work.changed ? 'updated' : 'unchanged',
          p.existing,
          target,
          p.resubmission?.url ?? null,
        );
        continue;
      }
      writes.push({
        plan: p,
        request: {
          id: `w${p.work.index}`,
          method: 'PATCH',
          url: `${itemsPath(target)}/${p.existing.id}/fields`,
          headers: { 'If-Match': p.existing.eTag ?? '*' },
          body: changes,
        },
      });
    }
    const refused: Work[] = [];
    for (let start = 0; start < writes.length; start += 20) {
      const group = writes.slice(start, start + 20);
      // An update whose answer is lost may have changed the item: the next round finds it changed.
      group.forEach((w) => w.request.method === 'PATCH' && (w.plan.work.changed = true));
      let responses: Map<string, BatchResponse>;
      try {
        responses = await runBatch(
          client,
          group.map((w) => w.request),
        );
      } catch (error) {
        group.forEach((w) => giveUpOrRetry(w.plan.work, error));
        continue;
      }
      for (const { request, plan: p } of group) {
        const response = responses.get(request.id)!;
        if (response.status >= 400) {
          const before = outcomes[p.work.index];
          giveUpOrRetry(p.work, batchError(request, response));
          if (!before && outcomes[p.work.index]?.status === 'failed') refused.push(p.work);
          continue;
        }
        const item = request.method === 'POST' ? (response.body as ListItem) : { id: p.existing!.id };
        if (request.method === 'POST') p.work.created = true;
        else p.work.changed = true;
        outcomes[p.work.index] = outcome(p.work, p.work.created ? 'created' : 'updated', item, target, p.resubmission?.url ?? null);
      }
    }
    // Nothing stays in the library for an item the list refused to write.
    for (const work of refused) await removePlaced(client, target, work);

    pending = [...retry, ...deferred].sort((a, b) => a.index - b.index);
    if (retry.length) await client.sleep(Math.min(250 * 2 ** Math.min(retry[0]!.failures, 5), client.retry.maxDelayMs));
  }
  // Given up on with the outcome unknown (a write whose answer never came may have made the item
  // and linked the files): the files stay, and the next run finds them and the item.
  for (const work of pending) outcomes[work.index] ??= outcome(work, 'failed', null, target, null, 'Gave up after repeated failures.');
  return outcomes.map((o) => o!);
}

/** Deletes the files a run put in the library for an email it then could not file (best effort). */
async function removePlaced(client: GraphClient, target: FilingTarget, work: Work): Promise<void> {
  if (work.created) return;
  for (const path of work.placed) {
    try {
      await graphRequest(client, 'DELETE', drivePath(target.driveId, path));
    } catch {
      // left for the next run, which files the same email at the same path
    }
  }
  work.placed = [];
}

function readRequests(target: FilingTarget, work: Work): BatchRequest[] {
  const { record } = work;
  const requests: BatchRequest[] = [
    {
      id: `i${work.index}`,
      method: 'GET',
      url: itemsByMessageIdUrl(target, [record.internetMessageId, clashKey(record.internetMessageId, record.fingerprint)]),
    },
    { id: `f${work.index}`, method: 'GET', url: `${drivePath(target.driveId, work.folder)}/children?$select=id,name,size,file,webUrl` },
  ];
  if (record.urn && record.programme) {
    requests.push({
      id: `u${work.index}`,
      method: 'GET',
      url: `${itemsPath(target)}?$expand=fields($select=InternetMessageId)&$filter=${encodeURIComponent(`fields/URN eq ${odataString(record.urn)} and fields/Programme eq ${odataString(record.programme)}`)}&$top=50`,
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
  const { record } = work;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const keyOf = (item: ListItem) => text(item.fields?.InternetMessageId).toLowerCase();
  const fingerprintOf = (item: ListItem) => text(item.fields?.EmailFingerprint);
  // The Message-ID's item, if this email is the one filed under it (an item filed before
  // fingerprints were kept has none, and is taken as this email's); else this email's own clash item.
  const primary = items.find((i) => keyOf(i) === record.internetMessageId.toLowerCase()) ?? null;
  const own = items.find((i) => keyOf(i) === clashKey(record.internetMessageId, record.fingerprint).toLowerCase()) ?? null;
  const primaryIsOurs = primary !== null && (fingerprintOf(primary) === '' || fingerprintOf(primary) === record.fingerprint);
  const existing = primaryIsOurs ? primary : own;
  const clashWith = primary && !primaryIsOurs ? primary : null;
  const key = existing
    ? String(existing.fields?.InternetMessageId)
    : clashWith
      ? clashKey(record.internetMessageId, record.fingerprint)
      : record.internetMessageId;
  // A write whose answer was lost made this item if it carries this run's mark.
  if (existing && existing.fields?.FilingAttempt === work.attempt) work.created = true;

  let resubmission: Plan['resubmission'] = null;
  const others = response('u');
  if (others) {
    const earlier = ((others.body as { value: ListItem[] }).value ?? [])
      .filter((i) => !keyOf(i).startsWith(record.internetMessageId.toLowerCase()))
      .filter((i) => !existing || Number(i.id) < Number(existing.id))
      .sort(byId);
    if (earlier[0]) resubmission = { id: earlier[0].id, url: displayUrl(target, earlier[0].id) };
  }

  const folder = response('f')!;
  const children = folder.status === 404 ? [] : ((folder.body as { value: DriveItem[] }).value ?? []);
  const links = new Map<string, string>();
  const uploads: LocalFile[] = [];
  const replacing = new Set<string>();
  for (const file of work.files) {
    const there = children.find((c) => c.name.toLowerCase() === file.name.toLowerCase());
    if (there && there.file?.hashes?.quickXorHash === file.hash) links.set(file.role, there.webUrl);
    else {
      uploads.push(file);
      if (there) replacing.add(file.name);
    }
  }
  return { work, existing, key, clashWith, resubmission, uploads, replacing, links };
}

async function inParallel<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
