// Reading the filed applications, and recording a decision on one of them without overwriting
// anyone else's change (If-Match with the eTag the reviewer saw; a lost race is a ConflictError
// that carries the item as it is now).
import type { Decision, Status } from '../../core/record';
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

const itemsPath = (target: FilingTarget) => `/sites/${encodeURIComponent(target.siteId)}/lists/${target.listId}/items`;

/** Every item of the list with its fields, oldest first, following @odata.nextLink. */
export async function listApplications(client: GraphClient, target: FilingTarget, options: { pageSize?: number } = {}): Promise<FiledApplication[]> {
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
export async function updateDecision(client: GraphClient, target: FilingTarget, itemId: string, eTag: string, input: DecisionInput): Promise<FiledApplication> {
  const fields: Record<string, unknown> = {
    Decision: input.decision,
    DecidedBy: input.decidedBy,
    DecidedAt: input.decidedAt ?? new Date().toISOString(),
  };
  const status = input.status ?? input.decision ?? undefined;
  if (status) fields.Status = status;
  if (input.reviewNotes !== undefined) fields.ReviewNotes = input.reviewNotes;
  if (input.criteriaScores !== undefined) fields.CriteriaScores = input.criteriaScores === null ? null : JSON.stringify(input.criteriaScores);
  try {
    await graphRequest(client, 'PATCH', `${itemsPath(target)}/${encodeURIComponent(itemId)}/fields`, { body: fields, headers: { 'If-Match': eTag } });
  } catch (error) {
    if (isStatus(error, 412)) throw new ConflictError<FiledApplication>(itemId, await getApplication(client, target, itemId));
    throw error;
  }
  return getApplication(client, target, itemId);
}
