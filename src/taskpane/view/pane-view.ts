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
import { fieldRows } from '../../core/forms/field-rows';

export type CriterionAnswer = 'met' | 'notMet' | 'unclear';

export interface FieldView {
  /** The field's key; for a name and e-mail shown as one row, the name's. */
  readonly key: string;
  /** Every field this row shows: one, or a name and its e-mail (one box on the form). */
  readonly keys: readonly string[];
  readonly title: string;
  readonly type: Field['type'];
  /** The value as a person reads it; null when missing. Rows become one line per row. */
  readonly display: string | null;
  /** For a name and e-mail row with one half given: the half that is missing. */
  readonly missingPart?: 'name' | 'e-mail address';
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
  readonly form:
    | {
        readonly found: true;
        readonly templateId: string;
        readonly programme: string;
        readonly title: string;
        readonly attachment: string;
        readonly confidence: number;
      }
    | { readonly found: false; readonly reason: string };
  readonly complete: boolean;
  /** Why the verdict is what it is, in a sentence. */
  readonly verdictText: string;
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
  readonly unrecognisedAttachments: readonly string[];
  /** Of those, the ones laid out as a form (label and answer cells, blanks): worth a template. */
  readonly formLike: readonly string[];
  /** Every attachment, and what was made of it. */
  readonly attachments: readonly AttachmentView[];
}

export interface AttachmentView {
  readonly name: string;
  readonly outcome: 'form' | 'unknownForm' | 'notAForm' | 'unreadable' | 'notRead';
  /** What was made of it, in a sentence. */
  readonly text: string;
}

/** What the pane knows of an attachment beyond the report: its type, and whether it is laid out as a form. */
export interface AttachmentFacts {
  readonly name: string;
  readonly contentType: string;
  /** For a Word document that matches no known form: whether it is laid out as one. */
  readonly looksLikeForm?: boolean;
}

function attachmentViews(
  report: ApplicationReport,
  catalogue: Pick<Catalogue, 'templates'>,
  facts: readonly AttachmentFacts[],
): AttachmentView[] {
  return facts.map(({ name, contentType, looksLikeForm }) => {
    const form = report.forms.find((f) => f.attachment === name);
    const known = form?.formId ? catalogue.templates.find((t) => t.id === form.formId) : undefined;
    if (form && known) return { name, outcome: 'form', text: `Read as the ${known.programme} form.` };
    if (form) {
      return looksLikeForm === false
        ? {
            name,
            outcome: 'notAForm',
            text: 'A Word document that is not laid out as a form (no labels with answers beside them): nothing was read from it.',
          }
        : { name, outcome: 'unknownForm', text: 'Laid out as a form, but not one Hub Intake knows: a new programme’s form, perhaps.' };
    }
    const problem = report.issues.find((i) => i.attachment === name);
    if (problem)
      return {
        name,
        outcome: 'unreadable',
        text: problem.message.startsWith(`${name}: `) ? problem.message.slice(name.length + 2) : problem.message,
      };
    const kind = /\.pdf$/i.test(name) || /pdf/i.test(contentType) ? 'A PDF' : /^image\//i.test(contentType) ? 'An image' : 'A file';
    return { name, outcome: 'notRead', text: `${kind} that is none of the known application forms. Open it to see what it is.` };
  });
}

function display(value: FormReport['fields'][string] | undefined, field: Field): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    if (!value.length) return null;
    const columns = field.columns ?? [];
    return value
      .map((row) =>
        columns
          .map((c) => row[c.key])
          .filter(Boolean)
          .join(' · '),
      )
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

function whyNoForm(report: ApplicationReport, formLike: number): string {
  const first = report.issues.find((i) => i.code === 'no-form-attached' || i.code === 'unreadable-attachment');
  if (first) return first.message;
  if (report.forms.length && !formLike)
    return report.forms.length === 1
      ? 'The attached Word document is not an application form: it is not laid out as one.'
      : 'None of the attached Word documents is laid out as an application form.';
  if (report.forms.length) return 'The attached Word document is not one of the known application forms.';
  return 'No application form was found.';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why an email is complete or needs attention: what stops it, or that the rest is worth a look. */
function verdictText(
  report: ApplicationReport,
  catalogue: Pick<Catalogue, 'templates'>,
  errors: number,
  warnings: number,
  attachments: number,
): string {
  if (report.complete) {
    return `Every signatory is copied in and nothing is missing${warnings ? `; ${plural(warnings, 'thing')} worth a look below` : ''}.`;
  }
  // With no known form there is nothing to check: say so, rather than count problems not shown.
  if (!report.forms.some((f) => f.formId !== null))
    return attachments
      ? 'There is no application form to check: below is what each attachment is.'
      : 'There is no application form to check: the email has no attachment.';
  const reasons: string[] = [];
  if (errors) reasons.push(`${plural(errors, 'problem')} to put right`);
  let explained = 0;
  for (const form of report.forms) {
    const template = catalogue.templates.find((t) => t.id === form.formId);
    for (const s of form.signatories) {
      if (s.status !== 'copiedUnderOtherAddress') continue;
      explained++;
      const label = template?.signatories.find((r) => r.role === s.role)?.label ?? 'signatory';
      reasons.push(`the ${label} is copied in from another address than the one on the form: confirm it is them`);
    }
  }
  const others = warnings - explained;
  if (others > 0) reasons.push(`${reasons.length ? 'and ' : ''}${plural(others, 'thing')} worth a look`);
  const text = reasons.join('; ') || 'see below';
  // The first problem said in the box itself, so the manager need not scroll to find it.
  const first = [...report.issues, ...report.forms.flatMap((f) => f.issues)].find((i) => i.severity === 'error');
  const lead = first ? ` ${errors === 1 ? '' : 'The first: '}${first.message}` : '';
  return `${text[0]!.toUpperCase()}${text.slice(1)}.${lead}`;
}

/** The pane's view of one checked email. */
export function paneView(
  report: ApplicationReport,
  catalogue: Pick<Catalogue, 'templates'>,
  signOff?: string,
  judgedReceivedAt?: string | null,
  attachments?: readonly AttachmentFacts[],
): PaneView {
  // The time the deadline was judged on: the email's, or a trusted forward's original's.
  const judgedAt = judgedReceivedAt === undefined ? (report.message?.receivedAt ?? null) : judgedReceivedAt;
  const form = report.forms.find((f) => f.formId !== null) ?? null;
  const template = form ? catalogue.templates.find((t) => t.id === form.formId) : undefined;
  const counts = issueCounts(report);

  const fields: FieldView[] = [];
  if (form && template) {
    // A name and an e-mail under one label are one box on the form: one row, saying which half is missing.
    for (const { fields: shown } of fieldRows(template)) {
      const field = shown[0]!;
      const issues = byImportance(form.issues.filter((i) => shown.some((f) => f.key === i.field)));
      const texts = shown.map((f) => display(form.fields[f.key], f));
      const given = texts.filter((t): t is string => t !== null);
      const missing = shown.length === 2 && given.length === 1 ? shown[texts.indexOf(null)]! : null;
      const value = form.fields[field.key];
      fields.push({
        key: field.key,
        keys: shown.map((f) => f.key),
        title: fieldTitle(field, template),
        type: field.type,
        display: given.length ? given.join(' · ') : null,
        ...(missing ? { missingPart: missing.type === 'email' ? 'e-mail address' : 'name' } : {}),
        issues,
        ...(field.wordLimit && typeof value === 'string'
          ? { words: { count: countWords(value), limit: field.wordLimit.words, kind: field.wordLimit.kind } }
          : {}),
      });
    }
  }
  const rank = (f: FieldView) => (f.issues.some((i) => i.severity === 'error') ? 0 : f.issues.length ? 1 : 2);
  const orderedFields = fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);

  const deadline: DeadlineView | null = template?.deadline
    ? {
        wording: template.deadline.wording ?? formatLocal(deadlineInstant(template.deadline), template.deadline.timeZone),
        deadline: formatLocal(deadlineInstant(template.deadline), template.deadline.timeZone),
        received: judgedAt ? formatLocal(new Date(judgedAt), template.deadline.timeZone) : null,
        late: judgedAt ? isLateApplication(report) : null,
      }
    : null;

  const reply = missingReply(report, catalogue, signOff);
  const unrecognisedAttachments = report.forms.filter((f) => f.formId === null).map((f) => f.attachment);
  const attachmentList = attachmentViews(
    report,
    catalogue,
    attachments ?? report.forms.map((f) => ({ name: f.attachment, contentType: '' })),
  );
  const formLike = unrecognisedAttachments.filter((name) => attachments?.find((a) => a.name === name)?.looksLikeForm !== false);
  return {
    subject: report.message?.subject ?? '',
    internetMessageId: report.message?.internetMessageId ?? null,
    form:
      form && template
        ? {
            found: true,
            templateId: template.id,
            programme: template.programme,
            title: template.title,
            attachment: form.attachment,
            confidence: form.confidence,
          }
        : { found: false, reason: whyNoForm(report, formLike.length) },
    complete: report.complete,
    verdictText: verdictText(report, catalogue, counts.errors, counts.warnings, attachmentList.length),
    errorCount: counts.errors,
    warningCount: counts.warnings,
    messageIssues: report.issues,
    signatories:
      form && template
        ? form.signatories.map((s) => ({
            role: s.role,
            label: template.signatories.find((r) => r.role === s.role)?.label ?? s.role,
            name: s.name,
            email: s.email,
            status: s.status,
          }))
        : [],
    deadline,
    fields: orderedFields,
    criteria:
      template && form ? template.criteria.map((c) => ({ id: c.id, kind: c.kind, text: c.text, settled: settled(template, form, c) })) : [],
    reply: { points: reply.points, html: reply.html },
    unrecognisedAttachments,
    formLike,
    attachments: attachmentList,
  };
}
