// Reading a hub's mailbox through Graph: the folder by well-known name or by path, the folder's
// changes by delta query (pages, then a delta link for next time), each message's MIME ($value)
// in small JSON batches, and marking what was filed (a category, or a move to a folder).
import { runBatch, batchError, type BatchRequest } from './batch';
import { type GraphClient, graphRequest } from './client';
import { GraphRequestError } from '../wire/errors';

/** Folders every mailbox has, by the names Graph knows them by. */
export const WELL_KNOWN_FOLDERS = ['inbox', 'archive', 'drafts', 'sentitems', 'deleteditems', 'junkemail'] as const;

/**
 * Requests to one mailbox in a batch: Exchange runs a batch's requests four at a time and allows
 * an app four at once per mailbox, so batches of four never trip that limit.
 */
export const MAILBOX_BATCH = 4;

/** What a delta page says about one message. */
export interface MailboxMessage {
  readonly id: string;
  readonly removed: boolean;
  readonly hasAttachments: boolean;
  readonly receivedDateTime: string | null;
  readonly categories: readonly string[];
}

export interface DeltaPage {
  readonly messages: MailboxMessage[];
  /** Where the next page is, or null when this was the last one of the round. */
  readonly nextLink: string | null;
  /** Where the next round starts (on the last page). */
  readonly deltaLink: string | null;
}

export class MailboxError extends Error {
  override name = 'MailboxError';
}

const userPath = (mailbox: string) => `/users/${encodeURIComponent(mailbox)}`;
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

interface Folder {
  id: string;
  displayName: string;
  totalItemCount?: number;
}

/**
 * A folder's id from its well-known name ("inbox") or its path of display names ("Inbox/Applications
 * 2024"; the first step may be a well-known name). With create, a missing last step is made.
 */
export async function resolveMailFolder(
  client: GraphClient,
  mailbox: string,
  spec: string,
  options: { create?: boolean } = {},
): Promise<{ id: string; totalItemCount: number | null }> {
  const steps = spec
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!steps.length) throw new MailboxError('The folder name is empty.');
  let folder: Folder | null = null;
  for (const [index, step] of steps.entries()) {
    const collection: string = folder
      ? `${userPath(mailbox)}/mailFolders/${encodeURIComponent(folder.id)}/childFolders`
      : `${userPath(mailbox)}/mailFolders`;
    let found: Folder | null = null;
    if (!folder && (WELL_KNOWN_FOLDERS as readonly string[]).includes(step.toLowerCase().replace(/\s+/g, ''))) {
      found = await graphRequest<Folder>(
        client,
        'GET',
        `${userPath(mailbox)}/mailFolders/${step.toLowerCase().replace(/\s+/g, '')}?$select=id,displayName,totalItemCount`,
      );
    } else {
      const list = await graphRequest<{ value: Folder[] }>(
        client,
        'GET',
        `${collection}?$filter=${encodeURIComponent(`displayName eq ${quote(step)}`)}&$select=id,displayName,totalItemCount`,
      );
      found = list.value[0] ?? null;
      if (!found && options.create && index === steps.length - 1)
        found = await graphRequest<Folder>(client, 'POST', collection, { body: { displayName: step } });
    }
    if (!found) throw new MailboxError(`The mailbox has no folder "${steps.slice(0, index + 1).join('/')}".`);
    folder = found;
  }
  return { id: folder!.id, totalItemCount: folder!.totalItemCount ?? null };
}

/** The first delta request on a folder: only the properties filing needs, and optionally mail received since a date. */
export function firstDeltaPath(mailbox: string, folderId: string, since: Date | null): string {
  const query = [`$select=${['hasAttachments', 'receivedDateTime', 'categories'].join(',')}`];
  if (since) query.push(`$filter=${encodeURIComponent(`receivedDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`)}`);
  return `${userPath(mailbox)}/mailFolders/${encodeURIComponent(folderId)}/messages/delta?${query.join('&')}`;
}

interface RawDelta {
  value: { id: string; '@removed'?: unknown; hasAttachments?: boolean; receivedDateTime?: string; categories?: string[] }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** One page of a folder's delta: the first request's path, or a next or delta link. */
export async function deltaPage(client: GraphClient, pathOrLink: string, pageSize: number): Promise<DeltaPage> {
  const raw = await graphRequest<RawDelta>(client, 'GET', pathOrLink, { headers: { Prefer: `odata.maxpagesize=${pageSize}` } });
  return {
    messages: (raw.value ?? []).map((m) => ({
      id: m.id,
      removed: m['@removed'] !== undefined,
      hasAttachments: m.hasAttachments === true,
      receivedDateTime: m.receivedDateTime ?? null,
      categories: m.categories ?? [],
    })),
    nextLink: raw['@odata.nextLink'] ?? null,
    deltaLink: raw['@odata.deltaLink'] ?? null,
  };
}

function base64Bytes(body: unknown): Uint8Array {
  if (typeof body === 'string') return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  throw new MailboxError('A message came back without its MIME content.');
}

/** Each message's MIME (…/messages/{id}/$value), four to a batch; a message that could not be fetched is an error in its place. */
export async function fetchMime(client: GraphClient, mailbox: string, ids: readonly string[]): Promise<Map<string, Uint8Array | Error>> {
  const out = new Map<string, Uint8Array | Error>();
  for (let start = 0; start < ids.length; start += MAILBOX_BATCH) {
    const requests: BatchRequest[] = ids
      .slice(start, start + MAILBOX_BATCH)
      .map((id, i) => ({ id: String(i), method: 'GET', url: `${userPath(mailbox)}/messages/${encodeURIComponent(id)}/$value` }));
    const responses = await runBatch(client, requests);
    requests.forEach((request, i) => {
      const response = responses.get(request.id)!;
      const id = ids[start + i]!;
      try {
        out.set(id, response.status >= 400 ? batchError(request, response) : base64Bytes(response.body));
      } catch (error) {
        out.set(id, error as Error);
      }
    });
  }
  return out;
}

export type Marking = { readonly category: string } | { readonly moveToFolderId: string };

/** Marks filed messages in the mailbox, four to a batch; returns the ids that could not be marked. */
export async function markMessages(
  client: GraphClient,
  mailbox: string,
  messages: readonly MailboxMessage[],
  marking: Marking,
): Promise<string[]> {
  const failed: string[] = [];
  for (let start = 0; start < messages.length; start += MAILBOX_BATCH) {
    const group = messages.slice(start, start + MAILBOX_BATCH);
    const requests: BatchRequest[] = group.map((m, i) =>
      'category' in marking
        ? {
            id: String(i),
            method: 'PATCH',
            url: `${userPath(mailbox)}/messages/${encodeURIComponent(m.id)}`,
            body: { categories: [...new Set([...m.categories, marking.category])] },
          }
        : {
            id: String(i),
            method: 'POST',
            url: `${userPath(mailbox)}/messages/${encodeURIComponent(m.id)}/move`,
            body: { destinationId: marking.moveToFolderId },
          },
    );
    const responses = await runBatch(client, requests);
    requests.forEach((r, i) => {
      if (responses.get(r.id)!.status >= 400) failed.push(group[i]!.id);
    });
  }
  return failed;
}

/** Whether an error means the saved delta link can no longer be used (Graph: 410 Gone, or a sync state it no longer knows). */
export function isExpiredDelta(error: unknown): boolean {
  return (
    error instanceof GraphRequestError &&
    (error.status === 410 || /syncstate/i.test(error.code) || /sync state|delta token/i.test(error.message))
  );
}
