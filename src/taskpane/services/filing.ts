// The pane's port to the SharePoint list: find the item filed for this email, file it, record a
// decision. The Graph implementation (graph-filing.ts) is loaded on demand; tests and the
// component tests can plug in their own.
import type { ApplicationReport } from '../../core/check';
import type { PaneFiling } from '../worker/protocol';
import type { CriterionAnswer } from '../view/pane-view';

export const PANE_DECISIONS = ['Accept', 'Decline', 'Waitlist', 'Needs info'] as const;
export type PaneDecision = (typeof PANE_DECISIONS)[number];

export interface FiledItem {
  readonly id: string;
  readonly eTag: string;
  /** The item's page in SharePoint (or the local store). */
  readonly url: string;
  readonly status: string | null;
  readonly decision: PaneDecision | null;
  readonly reviewNotes: string | null;
  readonly criteria: Readonly<Record<string, CriterionAnswer>>;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export interface DecisionSave {
  readonly decision: PaneDecision;
  readonly notes: string;
  readonly criteria: Readonly<Record<string, CriterionAnswer>>;
  readonly decidedBy: string;
}

export type FilingStep = 'connecting' | 'uploading' | 'confirming';

/** Someone else changed the item since it was read. `current` is the item as it is now. */
export class DecisionConflict extends Error {
  override name = 'DecisionConflict';
  constructor(readonly current: FiledItem) {
    super('Someone else changed this application since you opened it.');
  }
}

export class FilingFailed extends Error {
  override name = 'FilingFailed';
}

export interface FilingService {
  /** The item filed for this email (its Message-ID and, to tell it from another email reusing that id, its fingerprint). */
  findFiled(internetMessageId: string, fingerprint: string | null): Promise<FiledItem | null>;
  /** Files the email as the checker's intake made it: its record and the very form bytes checked. */
  file(checked: { readonly report: ApplicationReport; readonly filing: PaneFiling }, email: Uint8Array, onStep?: (step: FilingStep) => void): Promise<FiledItem>;
  saveDecision(item: FiledItem, save: DecisionSave): Promise<FiledItem>;
}

/** Criteria answers as the list's CriteriaScores column holds them: 1 met, 0 not met, 0.5 unclear. */
export const SCORE: Readonly<Record<CriterionAnswer, number>> = { met: 1, notMet: 0, unclear: 0.5 };

export function answersFromScores(json: unknown): Record<string, CriterionAnswer> {
  if (typeof json !== 'string' || !json.trim()) return {};
  try {
    const scores = JSON.parse(json) as Record<string, unknown>;
    const out: Record<string, CriterionAnswer> = {};
    for (const [id, score] of Object.entries(scores)) {
      if (score === 1) out[id] = 'met';
      else if (score === 0) out[id] = 'notMet';
      else if (typeof score === 'number') out[id] = 'unclear';
    }
    return out;
  } catch {
    return {};
  }
}

/** The list's Decision and Status for a pane decision. "Needs info" is a status with no decision. */
export function listDecision(decision: PaneDecision): { decision: 'Accepted' | 'Declined' | 'Waitlisted' | null; status: 'Accepted' | 'Declined' | 'Waitlisted' | 'Needs info' } {
  switch (decision) {
    case 'Accept':
      return { decision: 'Accepted', status: 'Accepted' };
    case 'Decline':
      return { decision: 'Declined', status: 'Declined' };
    case 'Waitlist':
      return { decision: 'Waitlisted', status: 'Waitlisted' };
    case 'Needs info':
      return { decision: null, status: 'Needs info' };
  }
}

/**
 * The pane's decision from the item. "Needs info" counts only when a reviewer recorded it (filing
 * also sets that status, for an incomplete application, and that is no decision).
 */
export function paneDecisionOf(decision: unknown, status: unknown, decidedAt: unknown): PaneDecision | null {
  if (decision === 'Accepted') return 'Accept';
  if (decision === 'Declined') return 'Decline';
  if (decision === 'Waitlisted') return 'Waitlist';
  if (status === 'Needs info' && typeof decidedAt === 'string' && decidedAt) return 'Needs info';
  return null;
}

/** The Outlook category that shows a decision in the message list. */
export const DECISION_CATEGORIES: Readonly<Record<PaneDecision, { name: string; color: `Preset${number}` }>> = {
  Accept: { name: 'Hub Intake: Accepted', color: 'Preset4' },
  Decline: { name: 'Hub Intake: Declined', color: 'Preset0' },
  Waitlist: { name: 'Hub Intake: Waitlisted', color: 'Preset1' },
  'Needs info': { name: 'Hub Intake: Needs info', color: 'Preset7' },
};
