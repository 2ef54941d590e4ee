// What the task pane shows, computed from a checked email in one pure step (in the checker's web
// worker, so the first screen carries neither the checker nor the catalogue): the form found, the
// verdict, signatories, the deadline, every field with its problems, statements with their word
// counts, the reviewers' criteria pre-filled where the form settles them, and the reply asking
// for what is missing.
import type { Catalogue } from '../../core/catalogue';
import type { Field, Template } from '../../core/catalogue/schema';
import { fieldTitle, isLateApplication, issueCounts, type ApplicationReport, type FormReport } from '../../core/check';
import { deadlineInstant, formatLocal } from '../../core/deadline';
import { byImportance, type Issue } from '../../core/issues';
import { missingReply } from '../../core/reply';
import type { SignatoryStatus } from '../../core/signatories';
import { countWords } from '../../core/text';

export type CriterionAnswer = 'met' | 'notMet' | 'unclear';

export interface FieldView {
  readonly key: string;
  readonly title: string;
  readonly type: Field['type'];
  /** The value as a person reads it; null when missing. Rows become one line per row. */
  readonly display: string | null;
  readonly issues: readonly Issue[];
  readonly words?: { readonly count: number; readonly limit: number; readonly kind: 'maximum' | 'approx' };
}

export interface SignatoryView {
  readonly role: string;
  readonly label: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly status: SignatoryStatus | null;
}

export interface CriterionView {
  readonly id: string;
  readonly kind: 'essential' | 'desirable';
  readonly text: string;
  /** Pre-filled where the form settles it (e.g. QTS from the QTS answer), else null. */
  readonly settled: CriterionAnswer | null;
}

export interface DeadlineView {
  readonly wording: string;
  readonly deadline: string;
  readonly received: string | null;
  readonly late: boolean | null;
}

export interface PaneView {
  readonly subject: string;
  readonly internetMessageId: string | null;
  readonly form: { readonly found: true; readonly formId: string; readonly programme: string; readonly title: string; readonly attachment: string; readonly confidence: number } | { readonly found: false; readonly reason: string };
  readonly complete: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Issues about the email rather than a field: no form, unreadable attachment, late, wrong recipient. */
  readonly messageIssues: readonly Issue[];
  readonly signatories: readonly SignatoryView[];
  readonly deadline: DeadlineView | null;
  readonly fields: readonly FieldView[];
  readonly criteria: readonly CriterionView[];
  readonly reply: { readonly points: readonly string[]; readonly html: string };
  /** Word documents attached that were read but match no known form: a new programme's, perhaps. */
  readonly unknownForms: readonly string[];
}

function display(value: FormReport['fields'][string] | undefined, field: Field): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    if (!value.length) return null;
    const columns = field.columns ?? [];
    return value
      .map((row) => columns.map((c) => row[c.key]).filter(Boolean).join(' · '))
      .join('\n');
  }
  return String(value);
}

function settled(template: Template, form: FormReport, criterion: Template['criteria'][number]): CriterionAnswer | null {
  if (!criterion.settledBy) return null;
  const value = form.fields[criterion.settledBy.field];
  if (value === null || value === undefined) return 'unclear';
  return value === criterion.settledBy.equals ? 'met' : 'notMet';
}

function whyNoForm(report: ApplicationReport): string {
  const first = report.issues.find((i) => i.code === 'no-form-attached' || i.code === 'unreadable-attachment');
  if (first) return first.message;
  if (report.forms.length) return 'The attached Word document is not one of the known application forms.';
  return 'No application form was found.';
}

/** The pane's view of one checked email. */
export function paneView(report: ApplicationReport, catalogue: Pick<Catalogue, 'templates'>, signOff?: string, judgedReceivedAt?: string | null): PaneView {
  // The time the deadline was judged on: the email's, or a trusted forward's original's.
  const judgedAt = judgedReceivedAt === undefined ? (report.message?.receivedAt ?? null) : judgedReceivedAt;
  const form = report.forms.find((f) => f.formId !== null) ?? null;
  const template = form ? catalogue.templates.find((t) => t.id === form.formId) : undefined;
  const counts = issueCounts(report);

  const fields: FieldView[] = [];
  if (form && template) {
    for (const field of template.fields) {
      const value = form.fields[field.key];
      // Signatory issues are shown under Signatories and, as every problem, on their field too.
      const issues = byImportance(form.issues.filter((i) => i.field === field.key));
      const text = display(value, field);
      fields.push({
        key: field.key,
        title: fieldTitle(field, template),
        type: field.type,
        display: text,
        issues,
        ...(field.wordLimit && typeof value === 'string' ? { words: { count: countWords(value), limit: field.wordLimit.words, kind: field.wordLimit.kind } } : {}),
      });
    }
  }
  const rank = (f: FieldView) => (f.issues.some((i) => i.severity === 'error') ? 0 : f.issues.length ? 1 : 2);
  const orderedFields = fields.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);

  const deadline: DeadlineView | null =
    template?.deadline
      ? {
          wording: template.deadline.wording ?? formatLocal(deadlineInstant(template.deadline), template.deadline.timeZone),
          deadline: formatLocal(deadlineInstant(template.deadline), template.deadline.timeZone),
          received: judgedAt ? formatLocal(new Date(judgedAt), template.deadline.timeZone) : null,
          late: judgedAt ? isLateApplication(report) : null,
        }
      : null;

  const reply = missingReply(report, catalogue, signOff);
  return {
    subject: report.message?.subject ?? '',
    internetMessageId: report.message?.internetMessageId ?? null,
    form:
      form && template
        ? { found: true, formId: template.id, programme: template.programme, title: template.title, attachment: form.attachment, confidence: form.confidence }
        : { found: false, reason: whyNoForm(report) },
    complete: report.complete,
    errorCount: counts.errors,
    warningCount: counts.warnings,
    messageIssues: report.issues,
    signatories: form && template
      ? form.signatories.map((s) => ({ role: s.role, label: template.signatories.find((r) => r.role === s.role)?.label ?? s.role, name: s.name, email: s.email, status: s.status }))
      : [],
    deadline,
    fields: orderedFields,
    criteria: template && form ? template.criteria.map((c) => ({ id: c.id, kind: c.kind, text: c.text, settled: settled(template, form, c) })) : [],
    reply: { points: reply.points, html: reply.html },
    unknownForms: report.forms.filter((f) => f.formId === null).map((f) => f.attachment),
  };
}
