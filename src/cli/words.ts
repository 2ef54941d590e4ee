// The words a hub manager reads in the terminal: plurals, verdicts and their reasons, totals.
// Pure functions over reports, so tests read exactly what a person reads.
import type { Catalogue } from '../core/catalogue';
import { isLateApplication, issueCounts, type ApplicationReport } from '../core/check';
import type { Issue } from '../core/issues';

/** "1 warning", "2 warnings", "0 errors". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi overrides
// and isolates: anything that can move the cursor, start a line or reorder what is shown.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a sender (a Subject, a name, an attachment's name) made safe to print: control
 * characters are shown as escapes, so no email can start a line of its own, move the cursor or
 * colour the terminal (a fake "Verdict: COMPLETE" line).
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const allIssues = (report: ApplicationReport): Issue[] => [...report.issues, ...report.forms.flatMap((f) => f.issues)];

/** Errors and warnings, counted once, in the core. */
export const counts = issueCounts;

/** What an application comes to, for the totals line: each report is exactly one of these. */
export type Outcome = 'complete' | 'needsAttention' | 'unreadable' | 'notAnApplication';

const UNREADABLE = new Set(['unreadable-file', 'unreadable-email', 'unreadable-attachment', 'unreadable']);
const NOT_AN_APPLICATION = new Set(['no-form-attached', 'unsupported-file', 'not-an-application', 'unknown-form']);

export function outcomeOf(report: ApplicationReport): Outcome {
  if (report.complete) return 'complete';
  const known = report.forms.some((f) => f.formId !== null);
  if (known) return 'needsAttention';
  const codes = allIssues(report).map((i) => i.code);
  if (!report.forms.length && codes.some((c) => UNREADABLE.has(c))) return 'unreadable';
  if (codes.some((c) => NOT_AN_APPLICATION.has(c)) || !report.forms.length) return 'notAnApplication';
  return 'needsAttention';
}

export const isLateReport = isLateApplication;

/** The role as the form names it ("Nominating Head Teacher/Senior Leader"), not its key. */
export function roleLabel(catalogue: Pick<Catalogue, 'templates'>, formId: string | null, role: string): string {
  return catalogue.templates.find((t) => t.id === formId)?.signatories.find((s) => s.role === role)?.label ?? role;
}

/**
 * Why the verdict is what it is, in a sentence: what stops it being complete, or that its
 * warnings are worth reading but do not.
 */
export function verdict(
  report: ApplicationReport,
  catalogue: Pick<Catalogue, 'templates'>,
): { word: 'COMPLETE' | 'NEEDS ATTENTION'; why: string } {
  const { errors, warnings } = counts(report);
  if (report.complete) {
    return {
      word: 'COMPLETE',
      why: warnings ? `${plural(warnings, 'warning')} to read, none of which stops it being complete` : 'no problems found',
    };
  }
  const reasons: string[] = [];
  if (errors) reasons.push(`${plural(errors, 'error')} to resolve`);
  const known = report.forms.filter((f) => f.formId !== null);
  if (!known.length && !errors) reasons.push('no known application form was found');
  for (const form of known) {
    for (const s of form.signatories) {
      const who = roleLabel(catalogue, form.formId, s.role);
      if (s.status === 'copiedUnderOtherAddress')
        reasons.push(`the ${who} is copied in from another address than the one on the form: confirm it is them`);
    }
    if (!report.message && form.signatories.length)
      reasons.push('a form on its own: the signatories can only be confirmed from the email it came with');
  }
  if (warnings && errors) reasons.push(`also ${plural(warnings, 'warning')}`);
  else if (warnings && !reasons.some((r) => r.includes('copied in from another'))) reasons.push(plural(warnings, 'warning'));
  return { word: 'NEEDS ATTENTION', why: reasons.join('; ') || 'see the problems above' };
}

/** One line a person reads for a report: "Complete", "Complete, 2 warnings", "Needs attention: 1 error". */
export function verdictShort(report: ApplicationReport, catalogue: Pick<Catalogue, 'templates'>): { mark: string; text: string } {
  const { word, why } = verdict(report, catalogue);
  const { errors } = counts(report);
  if (word === 'COMPLETE') return { mark: '✓', text: why === 'no problems found' ? 'Complete' : `Complete, ${why}` };
  if (!errors) return { mark: '!', text: `Needs attention: ${why}` };
  // A summary line names the first error, so it says what to do, not just how many.
  const first = allIssues(report).find((i) => i.severity === 'error')!;
  const more = errors > 1 ? ` (and ${plural(errors - 1, 'more error')})` : '';
  return { mark: '✗', text: `Needs attention: ${printable(first.message)}${more}` };
}

/** The totals of a run: counted as reports are made, so none has to be kept. */
export class CheckTally {
  readonly counts: Record<Outcome, number> = { complete: 0, needsAttention: 0, unreadable: 0, notAnApplication: 0 };
  late = 0;
  total = 0;

  add(report: ApplicationReport): void {
    this.counts[outcomeOf(report)]++;
    if (isLateReport(report)) this.late++;
    this.total++;
  }

  /** A file `file` could not read as an email: unreadable if it is one, else not an application. */
  addUnfiled(source: string): void {
    this.counts[/\.(eml|msg)$/i.test(source) ? 'unreadable' : 'notAnApplication']++;
    this.total++;
  }

  /** "6 complete, 8 need attention (1 late), 0 unreadable, 1 not an application"; late ones are among those needing attention. */
  parts(): string {
    const n = this.counts;
    return `${n.complete} complete, ${n.needsAttention} need${n.needsAttention === 1 ? 's' : ''} attention (${this.late} late), ${n.unreadable} unreadable, ${n.notAnApplication} not an application`;
  }

  line(): string {
    return `Totals for ${plural(this.total, 'file')}: ${this.parts()}.`;
  }
}
