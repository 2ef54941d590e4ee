// The human-readable report of `hub-intake check`: short, one block per input, in the form's
// words (its labels and the signatories' roles as it names them), never the keys JSON uses.
// Everything a sender wrote (Subject, names, attachment names) goes through printable().
import type { Catalogue } from '../core/catalogue';
import type { Template } from '../core/catalogue/schema';
import { fieldTitle, type ApplicationReport, type FormReport } from '../core/check';
import { formatLocal } from '../core/deadline';
import { fieldRows } from '../core/forms/field-rows';
import type { Issue } from '../core/issues';
import { SIGNATORY_STATUS_WORDS, type SignatoryStatus } from '../core/signatories';
import { plural, printable, roleLabel, verdict } from './words';

/** The core's words for each status, with NOT in capitals where a hub manager must not miss it. */
const STATUS: Record<SignatoryStatus, { mark: string; words: string }> = {
  copied: { mark: '✓', words: SIGNATORY_STATUS_WORDS.copied },
  notCopied: { mark: '✗', words: 'NOT copied in' },
  noAddressOnForm: { mark: '✗', words: SIGNATORY_STATUS_WORDS.noAddressOnForm },
  copiedUnderOtherAddress: { mark: '!', words: SIGNATORY_STATUS_WORDS.copiedUnderOtherAddress },
};

const mark = (issue: Issue) => (issue.severity === 'error' ? '✗' : '!');

const filledIn = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/** An issue line: the field's label first, unless the message already names it (most do). */
function issueLine(issue: Issue, template: Template | undefined): string {
  const field = issue.field && !issue.role ? template?.fields.find((f) => f.key === issue.field) : undefined;
  const title = field && template ? fieldTitle(field, template) : null;
  const named = title && issue.message.toLowerCase().startsWith(title.toLowerCase());
  return `${mark(issue)} ${title && !named ? `${title}: ` : ''}${printable(issue.message)}`;
}

function problemsHeading(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

function formLines(form: FormReport, report: ApplicationReport, catalogue: Catalogue): string[] {
  const lines = [`  Form: ${printable(form.attachment)}`];
  const template = catalogue.templates.find((t) => t.id === form.formId);
  if (!template) {
    lines.push(`    Not a known application form (the closest known form is ${Math.round(form.confidence * 100)}% alike)`);
    for (const issue of form.issues) lines.push(`      ${issueLine(issue, undefined)}`);
    return lines;
  }
  lines.push(`    ${template.programme} (${template.id}, ${Math.round(form.confidence * 100)}% sure)`);
  // Rows as the pane shows them: a name and e-mail box under one label is one field.
  const rows = fieldRows(template);
  const filled = rows.filter((row) => row.fields.every((f) => filledIn(form.fields[f.key]))).length;
  lines.push(`    Fields: ${filled} of ${rows.length} filled in`);
  if (form.issues.length) {
    lines.push(`    Problems: ${problemsHeading(form.issues)}`);
    for (const issue of form.issues) lines.push(`      ${issueLine(issue, template)}`);
  }
  if (form.signatories.length) {
    lines.push('    Signatories:');
    const labels = form.signatories.map((s) => roleLabel(catalogue, form.formId, s.role));
    const width = Math.max(...labels.map((l) => l.length));
    form.signatories.forEach((s, i) => {
      const status =
        s.status === null
          ? { mark: '·', words: report.message ? 'not checked' : 'not checked (a form on its own, no email)' }
          : STATUS[s.status];
      lines.push(`      ${status.mark} ${labels[i]!.padEnd(width)}  ${status.words}`);
    });
  }
  return lines;
}

export function formatReport(report: ApplicationReport, catalogue: Catalogue): string {
  const lines: string[] = [printable(report.source)];
  const message = report.message;
  if (message) {
    const from = message.from
      ? message.from.name
        ? `${message.from.name} <${message.from.address}>`
        : message.from.address
      : 'unknown sender';
    const when = message.receivedAt ? `, received ${formatLocal(new Date(message.receivedAt), 'Europe/London')} (UK time)` : '';
    lines.push(`  Email: "${printable(message.subject)}" from ${printable(from)}${when}`);
  }
  for (const form of report.forms) lines.push(...formLines(form, report, catalogue));
  if (report.issues.length) {
    lines.push(`  About the email: ${problemsHeading(report.issues)}`);
    for (const issue of report.issues) lines.push(`    ${issueLine(issue, undefined)}`);
  }
  const { word, why } = verdict(report, catalogue);
  lines.push(`  Verdict: ${word} — ${why}`);
  return lines.join('\n');
}
