// A problem found in an application. Messages speak to a hub manager and never quote what the
// applicant wrote: names, addresses and statements stay out of them.

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly severity: Severity;
  /** Stable, for scripts and the list: e.g. `required`, `word-limit`, `late`. */
  readonly code: string;
  /** The canonical key of the field it is about, if any. */
  readonly field?: string;
  readonly message: string;
  /** The signatory it is about (their role key), for signatory issues. */
  readonly role?: string;
  /** The attachment it is about, for message-level issues. */
  readonly attachment?: string;
}

export const hasErrors = (issues: readonly Issue[]) => issues.some((i) => i.severity === 'error');

/** Errors first, then warnings; otherwise in the order found. */
export function byImportance(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
