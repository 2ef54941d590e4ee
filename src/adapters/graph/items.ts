// Reading the filed applications, and recording a decision on one of them without overwriting
// anyone else's change (If-Match with the eTag the reviewer saw; a lost race is a ConflictError
// that carries the item as it is now).
import { clashKey, type Decision, type Status } from '../../core/record';
import { odataString } from '../wire/odata';
import { type GraphClient, graphRequest } from './client';
import { ConflictError, isStatus } from '../wire/errors';
import type { FilingTarget } from './target';

export interface FiledApplication {
  readonly id: string;
  readonly eTag: string;
  readonly webUrl: string;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

interface Page {
  value: FiledApplication[];
  '@odata.nextLink'?: string;
}

/** An item as a filter answers it. */
export interface ListItem {
  id: string;
  eTag?: string;
  webUrl?: string;
  fields?: Record<string, unknown>;
}

export const itemsPath = (target: Pick<FilingTarget, 'siteId' | 'listId'>) =>
  `/sites/${encodeURIComponent(target.siteId)}/lists/${target.listId}/items`;

/**
 * The one query for "the items filed under these item keys" (a Message-ID, and the clash key of
 * an email reusing it), with their fields. The unique column compares without case, and so does
 * SharePoint's (and the store's) eq.
 */
export function itemsByMessageIdUrl(target: Pick<FilingTarget, 'siteId' | 'listId'>, keys: readonly string[]): string {
  const filter = keys.map((key) => `fields/InternetMessageId eq ${odataString(key)}`).join(' or ');
  return `${itemsPath(target)}?$expand=fields&$filter=${encodeURIComponent(filter)}&$top=50`;
}

/**
 * The item filed for an email: the one under its Message-ID whose fingerprint is the email's (or
 * that has none, filed before fingerprints were kept), else its own item under the clash key.
 */
export async function findByMessageId(
  client: GraphClient,
  target: FilingTarget,
  internetMessageId: string,
  fingerprint: string | null,
): Promise<FiledApplication | null> {
  const keys = fingerprint ? [internetMessageId, clashKey(internetMessageId, fingerprint)] : [internetMessageId];
  const page = await graphRequest<{ value: FiledApplication[] }>(client, 'GET', itemsByMessageIdUrl(target, keys));
  const lower = (v: unknown) => (typeof v === 'string' ? v : '').toLowerCase();
  const primary = page.value.find((i) => lower(i.fields.InternetMessageId) === internetMessageId.toLowerCase());
  if (primary && (!fingerprint || !primary.fields.EmailFingerprint || primary.fields.EmailFingerprint === fingerprint)) return primary;
  return (
    page.value.find((i) => fingerprint && lower(i.fields.InternetMessageId) === clashKey(internetMessageId, fingerprint).toLowerCase()) ??
    null
  );
}

/** Every item of the list with its fields, oldest first, following @odata.nextLink. */
export async function listApplications(
  client: GraphClient,
  target: FilingTarget,
  options: { pageSize?: number } = {},
): Promise<FiledApplication[]> {
  const out: FiledApplication[] = [];
  let next: string | undefined = `${itemsPath(target)}?$expand=fields&$top=${options.pageSize ?? 200}`;
  while (next) {
    const page: Page = await graphRequest<Page>(client, 'GET', next);
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out.sort((a, b) => Number(a.id) - Number(b.id));
}

export async function getApplication(client: GraphClient, target: FilingTarget, itemId: string): Promise<FiledApplication> {
  return graphRequest<FiledApplication>(client, 'GET', `${itemsPath(target)}/${encodeURIComponent(itemId)}?$expand=fields`);
}

export interface DecisionInput {
  readonly decision: Decision | null;
  readonly decidedBy: string;
  /** Defaults to now. */
  readonly decidedAt?: string;
  /** Defaults to the decision itself (Accepted, Declined, Waitlisted) or leaves Status alone. */
  readonly status?: Status;
  readonly reviewNotes?: string | null;
  /** Scores by criterion id. */
  readonly criteriaScores?: Readonly<Record<string, number>> | null;
}

/**
 * Records a decision on an item, only if it is still as the reviewer saw it (eTag). A stale eTag
 * throws ConflictError with the item as it is now, so the reviewer can look again and retry.
 * Returns the updated item.
 */
export async function updateDecision(
  client: GraphClient,
  target: FilingTarget,
  itemId: string,
  eTag: string,
  input: DecisionInput,
): Promise<FiledApplication> {
  const fields: Record<string, unknown> = {
    Decision: input.decision,
    DecidedBy: input.decidedBy,
    DecidedAt: input.decidedAt ?? new Date().toISOString(),
  };
  const status = input.status ?? input.decision ?? undefined;
  if (status) fields.Status = status;
  if (input.reviewNotes !== undefined) fields.ReviewNotes = input.reviewNotes;
  if (input.criteriaScores !== undefined)
    fields.CriteriaScores = input.criteriaScores === null ? null : JSON.stringify(input.criteriaScores);
  try {
    await graphRequest(client, 'PATCH', `${itemsPath(target)}/${encodeURIComponent(itemId)}/fields`, {
      body: fields,
      headers: { 'If-Match': eTag },
    });
  } catch (error) {
    if (isStatus(error, 412)) throw new ConflictError<FiledApplication>(itemId, await getApplication(client, target, itemId));
    throw error;
  }
  return getApplication(client, target, itemId);
}
