// The pane's port to the SharePoint list: find the item filed for this email, file it, record a
// decision. The Graph implementation (graph-filing.ts) is loaded on demand; tests and the
// component tests can plug in their own.
import type { ApplicationReport } from '../../core/check';
// Types only: the pane's first screen does not carry the core (record.ts brings the checker).
import type { Decision, Status } from '../../core/record';
import type { PaneFiling } from '../worker/protocol';
import type { CriterionAnswer } from '../view/pane-view';

const LIST_DECISIONS = ['Accepted', 'Declined', 'Waitlisted'] as const satisfies readonly Decision[];
/**
 * A reviewer's decision, in the list's words: one of its Decision values, or "Needs info" (a
 * Status, recorded with no Decision).
 */
export const PANE_DECISIONS = [...LIST_DECISIONS, 'Needs info'] as const;
export type PaneDecision = (typeof PANE_DECISIONS)[number];

/** How the pane's buttons and messages say each decision: what the reviewer does. */
export const DECISION_ACTIONS: Readonly<Record<PaneDecision, string>> = {
  Accepted: 'Accept',
  Declined: 'Decline',
  Waitlisted: 'Waitlist',
  'Needs info': 'Needs info',
};

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
  file(
    checked: { readonly report: ApplicationReport; readonly filing: PaneFiling },
    email: Uint8Array,
    onStep?: (step: FilingStep) => void,
  ): Promise<FiledItem>;
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
export function listDecision(decision: PaneDecision): { decision: Decision | null; status: Status } {
  return { decision: decision === 'Needs info' ? null : decision, status: decision };
}

/**
 * The pane's decision from the item. "Needs info" counts only when a reviewer recorded it (filing
 * also sets that status, for an incomplete application, and that is no decision).
 */
export function paneDecisionOf(decision: unknown, status: unknown, decidedAt: unknown): PaneDecision | null {
  const recorded = LIST_DECISIONS.find((d) => d === decision);
  if (recorded) return recorded;
  if (status === 'Needs info' && typeof decidedAt === 'string' && decidedAt) return 'Needs info';
  return null;
}

/** The Outlook category that shows a decision in the message list. */
export const DECISION_CATEGORIES: Readonly<Record<PaneDecision, { name: string; color: `Preset${number}` }>> = {
  Accepted: { name: 'Hub Intake: Accepted', color: 'Preset4' },
  Declined: { name: 'Hub Intake: Declined', color: 'Preset0' },
  Waitlisted: { name: 'Hub Intake: Waitlisted', color: 'Preset1' },
  'Needs info': { name: 'Hub Intake: Needs info', color: 'Preset7' },
};
