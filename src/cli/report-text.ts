// The human-readable report of `hub-intake check`: short, one block per input.
import type { Catalogue } from '../core/catalogue';
import { issueCounts, type ApplicationReport } from '../core/check';
import { formatLocal } from '../core/deadline';
import type { Issue } from '../core/issues';
import { SIGNATORY_STATUS_WORDS, type SignatoryStatus } from '../core/signatories';

/** The core's words, with NOT in capitals where a hub manager must not miss it. */
const statusWords = (status: SignatoryStatus) => (status === 'notCopied' ? 'NOT copied in' : SIGNATORY_STATUS_WORDS[status]);

const mark = (issue: Issue) => (issue.severity === 'error' ? '✗' : '!');

export function formatReport(report: ApplicationReport, catalogue: Catalogue): string {
  const lines: string[] = [report.source];
  const message = report.message;
  if (message) {
    const from = message.from ? (message.from.name ? `${message.from.name} <${message.from.address}>` : message.from.address) : 'unknown sender';
    const when = message.receivedAt ? `, received ${formatLocal(new Date(message.receivedAt), 'Europe/London')} (UK time)` : '';
    lines.push(`  Email: "${message.subject}" from ${from}${when}`);
  }
  for (const form of report.forms) {
    lines.push(`  Form: ${form.attachment}`);
    const template = catalogue.templates.find((t) => t.id === form.formId);
    if (!template) {
      lines.push(`    not a known form (best match ${Math.round(form.confidence * 100)}%)`);
      continue;
    }
    lines.push(`    ${template.programme} (${template.id}, ${Math.round(form.confidence * 100)}% sure)`);
    const withProblems = new Set(form.issues.map((i) => i.field).filter(Boolean));
    const filled = Object.values(form.fields).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)).length;
    lines.push(`    Fields: ${filled} of ${Object.keys(form.fields).length} filled in, ${withProblems.size} with problems`);
    for (const issue of form.issues) lines.push(`      ${mark(issue)} ${issue.field ? `${issue.field}: ` : ''}${issue.message}`);
    if (form.signatories.length) {
      lines.push('    Signatories:');
      for (const s of form.signatories) {
        const ok = s.status === 'copied' ? '✓' : s.status === null ? '·' : '✗';
        lines.push(`      ${ok} ${s.role.padEnd(16)} ${s.status === null ? 'not checked (no email)' : statusWords(s.status)}`);
      }
    }
  }
  if (report.issues.length) {
    lines.push('  Email issues:');
    for (const issue of report.issues) lines.push(`    ${mark(issue)} ${issue.message}`);
  }
  const { errors, warnings } = issueCounts(report);
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  lines.push(`  Verdict: ${report.complete ? 'COMPLETE' : 'NEEDS ATTENTION'} (${counts})`);
  return lines.join('\n');
}
