// "Ask for what's missing": the reply a hub manager sends a school, listing exactly what is
// missing or wrong in the application, in words a school understands. Pure: the task pane opens it
// as a reply draft, the CLI could print it. Only what the school can put right is asked for: a
// late arrival or a copy sent to the wrong hub address is the hub's business, not the school's.
import type { Catalogue } from './catalogue';
import type { Template } from './catalogue/schema';
import type { ApplicationReport, FormReport } from './check';
import type { Issue } from './issues';

export interface ReplyDraft {
  /** One line per thing to put right, in the order the school would work through them. */
  readonly points: readonly string[];
  /** The whole reply as plain text (greeting, the points, what to do, sign-off). */
  readonly text: string;
  /** The same as simple HTML, for a reply form. */
  readonly html: string;
}

/** Issues that are the hub's to weigh, not the school's to fix. */
const NOT_FOR_THE_SCHOOL = new Set([
  'late',
  'wrong-recipient',
  'forwarded-application',
  'forwarded-original-unverified',
  'signatory-other-address',
]);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function joinRoles(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function formPoints(form: FormReport, template: Template | undefined): string[] {
  const points: string[] = [];
  const roleLabel = (role: string | undefined) =>
    lowerFirst(template?.signatories.find((s) => s.role === role)?.label ?? role ?? 'signatory');
  const notCopied = form.issues.filter((i) => i.code === 'signatory-not-copied').map((i) => roleLabel(i.role));
  const noAddress = form.issues.filter((i) => i.code === 'signatory-no-address').map((i) => roleLabel(i.role));
  if (notCopied.length) {
    points.push(
      `The ${joinRoles(notCopied)} ${notCopied.length > 1 ? 'were' : 'was'} not copied in on the email. Copying in every person who signs the form is how their electronic signature is confirmed, so please reply to this email with them copied in, at the address given on the form.`,
    );
  }
  for (const label of noAddress) {
    points.push(`The form gives no email address for the ${label}. Please add it to the form and copy them in when you send it back.`);
  }
  for (const issue of form.issues) {
    if (issue.severity !== 'error' || NOT_FOR_THE_SCHOOL.has(issue.code)) continue;
    if (issue.code === 'signatory-not-copied' || issue.code === 'signatory-no-address') continue;
    points.push(pointFor(issue, template));
  }
  return points;
}

function fieldTitleOf(issue: Issue, template: Template | undefined): string {
  const field = template?.fields.find((f) => f.key === issue.field);
  if (!field) return 'A field';
  if (field.section) return `${field.section} – ${field.label}`;
  return field.label;
}

function pointFor(issue: Issue, template: Template | undefined): string {
  const title = fieldTitleOf(issue, template);
  switch (issue.code) {
    case 'required':
      return `“${title}” is empty. Please fill it in.`;
    case 'word-limit': {
      const field = template?.fields.find((f) => f.key === issue.field);
      const words = /has (\d+) words/.exec(issue.message)?.[1];
      const limit = field?.wordLimit?.words;
      return `“${title}” is ${words ? `${words} words` : 'too long'}${limit ? `; the limit is ${limit} words` : ''}. Please shorten it.`;
    }
    case 'not-eligible':
      return `${issue.message} The form's answer to “${title}” says the applicant does not meet it: please check that answer.`;
    case 'ambiguous-answer':
      return `The answer to “${title}” cannot be read as a clear Yes or No. Please leave just one of the two words.`;
    default:
      return issue.message;
  }
}

function messagePoints(report: ApplicationReport): string[] {
  const points: string[] = [];
  for (const issue of report.issues) {
    if (issue.severity !== 'error' || NOT_FOR_THE_SCHOOL.has(issue.code)) continue;
    if (issue.code === 'no-form-attached')
      points.push('The application form was not attached to the email. Please send the completed Word form.');
    else if (issue.code === 'unreadable-attachment') {
      points.push(
        `We could not open the attachment “${issue.attachment ?? 'attachment'}”. Please send the form again as a Word document (.docx), not password-protected.`,
      );
    } else points.push(issue.message);
  }
  const unknown = report.forms.filter((f) => f.formId === null);
  if (unknown.length && !report.forms.some((f) => f.formId !== null)) {
    points.push(
      `The attached document${unknown.length > 1 ? 's are' : ' is'} not the programme's application form. Please fill in and send the application form itself.`,
    );
  }
  return points;
}

/** What the school needs to put right, as a reply. An application with nothing to put right gets no points. */
export function missingReply(report: ApplicationReport, catalogue: Pick<Catalogue, 'templates'>, signOff = 'Maths Hub'): ReplyDraft {
  const points = [...messagePoints(report)];
  for (const form of report.forms) {
    if (form.formId === null) continue;
    points.push(
      ...formPoints(
        form,
        catalogue.templates.find((t) => t.id === form.formId),
      ),
    );
  }
  const programme = report.forms.map((f) => catalogue.templates.find((t) => t.id === f.formId)?.programme).find(Boolean);
  const about = programme ? `your application to the ${programme}` : 'your application';
  const intro = `Thank you for ${about}. Before we can consider it, please put right the following:`;
  const outro = 'Please reply to this email with the corrected form attached and every signatory copied in.';
  const text = [`Dear colleague,`, '', intro, '', ...points.map((p, i) => `${i + 1}. ${p}`), '', outro, '', 'With thanks,', signOff].join(
    '\n',
  );
  const html = [
    '<p>Dear colleague,</p>',
    `<p>${escapeHtml(intro)}</p>`,
    `<ol>${points.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ol>`,
    `<p>${escapeHtml(outro)}</p>`,
    `<p>With thanks,<br>${escapeHtml(signOff)}</p>`,
  ].join('');
  return { points, text, html };
}
