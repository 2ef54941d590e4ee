// From an application email (or a form on its own) to a verdict: find the forms among the
// attachments, say which programme's each is, read and validate every field, check the
// signatories and the deadline. The report's shape is the one ../shared/spec/cli.md fixes.
import type { Catalogue } from './catalogue';
import type { Field, Template } from './catalogue/schema';
import { formatLocal, deadlineInstant, isLate } from './deadline';
import { attachmentDescription, attachmentDocument, isCopyOf, isFormAttachment, isLooseDocument } from './documents';
import { identifyForm } from './forms/identify';
import { layoutOf } from './forms/layout';
import { locateFields, locateRows } from './forms/locate';
import { readValue, type FieldValue } from './forms/values';
import { foldWhitespace } from './text';
import { hasErrors, byImportance, type Issue } from './issues';
import type { Attachment, Mailbox, Message } from './message';
import { isTrustedSender } from './identity';
import { checkSignatories, type SignatoryCheck } from './signatories';

/** The form read from one attachment. */
export interface FormReport {
  /** The name of the attachment the form was read from. */
  readonly attachment: string;
  /** The id of the template the form is (named formId in cli.md's JSON); null when it is no known form. */
  readonly formId: string | null;
  readonly confidence: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly signatories: readonly SignatoryCheck[];
  readonly issues: readonly Issue[];
}

/** The envelope of the email, as the report gives it. */
export type MessageSummary = Omit<Message, 'attachments' | 'attachedMessages'>;

export interface ApplicationReport {
  readonly source: string;
  readonly message: MessageSummary | null;
  readonly forms: readonly FormReport[];
  readonly issues: readonly Issue[];
  readonly complete: boolean;
}

/** An attachment that should be a form: by its real type once read (core/documents), else by its name or type. */
export function isWordAttachment(attachment: Pick<Attachment, 'name' | 'contentType' | 'reading'>): boolean {
  return isFormAttachment(attachment);
}

/** An email attached to this one that carries a form: the application, forwarded "as attachment". */
function forwardedApplication(message: Message): Message | undefined {
  if (message.attachments.some(isWordAttachment)) return undefined;
  for (const attached of message.attachedMessages ?? []) {
    if (attached.attachments.some(isWordAttachment)) return attached;
    const deeper = forwardedApplication(attached);
    if (deeper) return deeper;
  }
  return undefined;
}

export interface CheckOptions {
  /**
   * The hub's own addresses and domains (see isTrustedSender). An application forwarded as an
   * attachment by one of them is judged on the attached original's headers; by anyone else, on
   * the email that arrived.
   */
  readonly trustedSenders?: readonly string[];
}

/** A checked email, with what the report alone does not say: which bytes each form was read from. */
export interface EmailCheck {
  readonly report: ApplicationReport;
  /** The attachment each of the report's forms was read from, in the same order: the very bytes checked. */
  readonly formAttachments: readonly Attachment[];
  /** Every Word attachment read, forms or not (unreadable ones too). */
  readonly wordAttachments: readonly Attachment[];
  /** The attached original the forms came from (an application forwarded as an attachment), or null. */
  readonly original: Message | null;
  /** Whether the original's own headers were believed (it was forwarded by one of the hub's own senders). */
  readonly originalTrusted: boolean;
  /** The receipt time the deadline was judged on. */
  readonly judgedReceivedAt: string | null;
}

/** Checks every Word attachment of an application email. */
export function checkMessage(message: Message, catalogue: Catalogue, source: string, options: CheckOptions = {}): ApplicationReport {
  return checkEmail(message, catalogue, source, options).report;
}

/**
 * Checks an email: its forms (its own, or those of the original it forwards as an attachment),
 * the signatories against who was copied in, the deadline against when it came. The report's
 * `message` is always the email that arrived.
 */
export function checkEmail(message: Message, catalogue: Catalogue, source: string, options: CheckOptions = {}): EmailCheck {
  const original = forwardedApplication(message) ?? null;
  if (!original) return { ...checkAgainst(message, message, catalogue, source, []), original: null, originalTrusted: false };
  const summary = summarize(message);
  if (isTrustedSender(message.from, options.trustedSenders ?? [])) {
    // One of the hub's own forwarded it: the original's headers say who was copied in and when it came.
    const note: Issue = {
      severity: 'warning',
      code: 'forwarded-application',
      message:
        "This email forwards the application as an attachment: the attached original email was checked (its recipients and its time), because it was forwarded from one of the hub's own addresses.",
    };
    const checked = checkAgainst(original, original, catalogue, source, [note]);
    return { ...checked, report: { ...checked.report, message: summary }, original, originalTrusted: true };
  }
  // Anyone can attach an "original" claiming anything: it is evidence, not truth.
  const claimed = checkAgainst(original, original, catalogue, source, []);
  const checked = checkAgainst(original, message, catalogue, source, [unverifiedOriginal(original, claimed.report, catalogue)]);
  return { ...checked, original, originalTrusted: false };
}

/** What an attached original claims (its time, how many signatories it copies in), said without quoting it. */
function unverifiedOriginal(original: Message, claimed: ApplicationReport, catalogue: Catalogue): Issue {
  const form = claimed.forms.find((f) => f.formId !== null);
  const template = form ? catalogue.templates.find((t) => t.id === form.formId) : undefined;
  const zone = template?.deadline?.timeZone ?? 'Europe/London';
  const when = original.receivedAt ? `is dated ${formatLocal(new Date(original.receivedAt), zone)} (UK time)` : 'gives no date';
  const late = isLateApplication(claimed)
    ? ', after the deadline'
    : template?.deadline && original.receivedAt
      ? ', before the deadline'
      : '';
  const signatories = form?.signatories.length
    ? ` and copies in ${form.signatories.filter((s) => s.status === 'copied').length} of the form's ${form.signatories.length} signatories`
    : '';
  return {
    severity: 'warning',
    code: 'forwarded-original-unverified',
    message: `This email forwards the application as an attachment. The attached original email ${when}${late}${late && signatories ? ',' : ''}${signatories}, but that cannot be verified: the email forwarding it is not from one of the hub's own addresses. The signatories and the deadline are judged on the email that arrived.`,
  };
}

type Checked = Omit<EmailCheck, 'original' | 'originalTrusted'>;

/** The forms of `carrier` checked against the envelope of `envelope` (who was copied in, when it came). */
function checkAgainst(carrier: Message, envelope: Message, catalogue: Catalogue, source: string, notes: readonly Issue[]): Checked {
  const recipients = [...(envelope.from ? [envelope.from] : []), ...envelope.to, ...envelope.cc];
  const messageIssues: Issue[] = [...notes];
  const forms: FormReport[] = [];
  const formAttachments: Attachment[] = [];
  const wordAttachments = carrier.attachments.filter(isWordAttachment);
  const read: { attachment: Attachment; form: FormReport }[] = [];
  // PDFs are often not the form (a letter, a brochure, a signed scan): one that is no known form or
  // cannot be read only matters when the email has no form at all.
  const loose: { attachment: Attachment; unreadable?: Issue }[] = [];
  for (const attachment of wordAttachments) {
    const result = readForm(attachment, catalogue, recipients);
    if (isLooseDocument(attachment) && ('unreadable' in result || result.formId === null))
      loose.push({ attachment, ...('unreadable' in result ? { unreadable: result.unreadable } : {}) });
    else if ('unreadable' in result) messageIssues.push(result.unreadable);
    else read.push({ attachment, form: result });
  }
  // The same form twice (the .docx and a PDF copy of it): the Word form is read, the copy noted.
  for (const { attachment, form } of read) {
    const original = form.formId && read.find((o) => o.form.formId === form.formId && isCopyOf(attachment, o.attachment));
    if (original)
      messageIssues.push({
        severity: 'warning',
        code: 'form-copy',
        attachment: attachment.name,
        message: `${attachment.name} (${attachmentDescription(attachment)}) is a copy of the form in ${original.attachment.name}: the Word form was read.`,
      });
    else {
      forms.push(form);
      formAttachments.push(attachment);
    }
  }
  for (const { unreadable } of loose)
    if (unreadable) messageIssues.push(forms.length ? { ...unreadable, severity: 'warning' } : unreadable);
  if (!forms.length && !messageIssues.some((i) => i.code === 'unreadable-attachment')) {
    const others = carrier.attachments.filter((a) => !a.reading?.container);
    const said = (a: Attachment) =>
      loose.some((l) => l.attachment === a) ? `${attachmentDescription(a)} that is none of the known forms` : attachmentDescription(a);
    const what = others.length ? ` (attached: ${others.map((a) => `${a.name}, ${said(a)}`).join('; ')})` : '';
    messageIssues.push({ severity: 'error', code: 'no-form-attached', message: `No application form is attached to this email${what}.` });
  }
  const templates = uniqueTemplates(forms, catalogue);
  for (const template of templates) {
    if (envelope.receivedAt && template.deadline && isLate(envelope.receivedAt, template.deadline)) {
      const zone = template.deadline.timeZone;
      messageIssues.push({
        severity: 'error',
        code: 'late',
        message: `Received ${formatLocal(new Date(envelope.receivedAt), zone)} (UK time), after the ${template.programme} deadline of ${formatLocal(deadlineInstant(template.deadline), zone)}.`,
      });
    }
    const returnTo = template.returnTo?.address.toLowerCase();
    if (returnTo && ![...envelope.to, ...envelope.cc].some((m) => m.address.toLowerCase() === returnTo)) {
      messageIssues.push({
        severity: 'warning',
        code: 'wrong-recipient',
        message: `The form asks for it to be sent to ${template.returnTo!.name ?? returnTo} (${returnTo}), who is not among the recipients.`,
      });
    }
  }
  return {
    report: finish(source, summarize(envelope), markUnknownForms(forms), messageIssues),
    formAttachments,
    wordAttachments,
    judgedReceivedAt: envelope.receivedAt,
  };
}

/** Checks a form on its own, with no email: signatories cannot be checked. */
export function checkDocument(bytes: Uint8Array | Attachment, name: string, catalogue: Catalogue, source: string): ApplicationReport {
  const attachment = bytes instanceof Uint8Array ? { name, contentType: '', bytes } : bytes;
  const read = readForm(attachment, catalogue, null);
  if ('unreadable' in read) return finish(source, null, [], [read.unreadable]);
  return finish(source, null, markUnknownForms([read]), []);
}

/** Errors and warnings in a report: its own and its forms'. */
export function issueCounts(report: Pick<ApplicationReport, 'issues' | 'forms'>): { errors: number; warnings: number } {
  const all = [...report.issues, ...report.forms.flatMap((f) => f.issues)];
  const errors = all.filter((i) => i.severity === 'error').length;
  return { errors, warnings: all.length - errors };
}

/** Whether the email came after its programme's deadline, as the check judged it. */
export function isLateApplication(report: Pick<ApplicationReport, 'issues'>): boolean {
  return report.issues.some((i) => i.code === 'late');
}

function finish(source: string, message: MessageSummary | null, forms: FormReport[], issues: Issue[]): ApplicationReport {
  const known = forms.filter((f) => f.formId !== null);
  const complete =
    known.length > 0 &&
    known.every((f) => f.signatories.every((s) => s.status === 'copied')) &&
    !hasErrors(issues) &&
    !forms.some((f) => hasErrors(f.issues));
  return { source, message, forms, issues: byImportance(issues), complete };
}

function summarize(message: Message): MessageSummary {
  const { subject, from, to, cc, receivedAt, internetMessageId } = message;
  return { subject, from, to, cc, receivedAt, internetMessageId };
}

function uniqueTemplates(forms: readonly FormReport[], catalogue: Catalogue): Template[] {
  const ids = new Set(forms.map((f) => f.formId).filter((id): id is string => id !== null));
  return catalogue.templates.filter((t) => ids.has(t.id));
}

/** A document that is no known form is an error, unless the email also carries a known form. */
function markUnknownForms(forms: FormReport[]): FormReport[] {
  const anyKnown = forms.some((f) => f.formId !== null);
  return forms.map((form) =>
    form.formId !== null
      ? form
      : {
          ...form,
          // Kept beside it: what was said of the document itself (its macros).
          issues: byImportance([
            {
              severity: anyKnown ? 'warning' : 'error',
              code: 'unknown-form',
              message: 'This document is not one of the known application forms (a hub manager can add its template).',
            },
            ...form.issues,
          ]),
        },
  );
}

type ReadResult = FormReport | { readonly unreadable: Issue };

function readForm(attachment: Attachment, catalogue: Catalogue, recipients: readonly Mailbox[] | null): ReadResult {
  const { name } = attachment;
  const read = attachmentDocument(attachment);
  if (!read.ok) {
    const what = attachment.reading && attachment.reading.kind !== 'docx' ? ` (${attachment.reading.description})` : '';
    return {
      unreadable: { severity: 'error', code: 'unreadable-attachment', attachment: name, message: `${name}${what}: ${read.error.message}` },
    };
  }
  const layout = layoutOf(read.document);
  const { template, confidence } = identifyForm(catalogue.templates, layout);
  const macros: Issue[] = read.document.macros
    ? [
        {
          severity: 'warning',
          code: 'macros',
          message: `${name} holds macros (a macro-enabled Word file). Its text was read; its macros were not run. Open it with care.`,
        },
      ]
    : [];
  if (!template) return { attachment: name, formId: null, confidence, fields: {}, signatories: [], issues: macros };

  const located = locateFields(template, layout);
  const fields: Record<string, FieldValue> = {};
  const issues: Issue[] = [];
  for (const field of template.fields) {
    const context = {
      hubs: catalogue.hubs,
      programmeHubs: template.hubs,
      title: fieldTitle(field, template),
      besideName: template.fields.some((f) => f.type === 'name' && f.label === field.label),
    };
    let reading = field.type === 'rows' ? readRows(field, layout) : readValue(field, located.get(field.key)?.answer, context);
    if (reading.value === null && field.type === 'email') {
      // "Mr A Jones, head@school.org.uk" typed in the name box, the email box left empty.
      const partner = located.get(field.key.replace(/Email$/, 'Name'));
      const fromName = partner && readValue(field, partner.answer, context);
      if (fromName && typeof fromName.value === 'string' && !fromName.issues.length) reading = fromName;
    }
    fields[field.key] = reading.value;
    issues.push(...reading.issues);
  }
  issues.push(...checkRules(template, fields));
  const signatories = checkSignatories(template.signatories, fields, recipients);
  issues.push(...signatoryIssues(template, signatories));
  return { attachment: name, formId: template.id, confidence, fields, signatories, issues: byImportance([...issues, ...macros]) };
}

function readRows(field: Field, layout: ReturnType<typeof layoutOf>): { value: FieldValue; issues: Issue[] } {
  const found = locateRows(field, layout);
  if (!found) return { value: null, issues: [] };
  // An empty cell in a row that has something in it is missing (null), like any empty answer.
  const rows = found.rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, foldWhitespace(v) || null])))
    .filter((row) => Object.values(row).some((v) => v !== null));
  return { value: rows, issues: [] };
}

/** A hub manager's name for a field: its label, with the section or the field it follows when the label repeats. */
export function fieldTitle(field: Field, template: Template): string {
  if (field.section) return `${field.section} – ${field.label}`;
  if (field.after) {
    const anchor = template.fields.find((f) => f.key === field.after);
    if (anchor) return `${anchor.label} – ${field.label}`;
  }
  return field.label;
}

function checkRules(template: Template, fields: Readonly<Record<string, FieldValue>>): Issue[] {
  const issues: Issue[] = [];
  for (const field of template.fields) {
    const value = fields[field.key];
    const missing = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    const title = fieldTitle(field, template);
    if (missing && field.required) {
      // A name and an e-mail under one label are one box on the form: say which half is missing.
      const half = template.fields.some(
        (f) => f !== field && f.label === field.label && (f.type === 'name' || f.type === 'email') && f.type !== field.type,
      )
        ? field.type === 'email'
          ? 'the e-mail address'
          : field.type === 'name'
            ? 'the name'
            : null
        : null;
      issues.push({
        severity: 'error',
        code: 'required',
        field: field.key,
        message: half ? `${title}: ${half} is missing.` : `${title} is missing.`,
      });
    } else if (missing && field.requiredWhen && fields[field.requiredWhen.field] === field.requiredWhen.equals) {
      const because = template.fields.find((f) => f.key === field.requiredWhen!.field);
      issues.push({
        severity: 'error',
        code: 'required',
        field: field.key,
        message: `${title} is missing; it is needed because of the answer to "${because?.label ?? field.requiredWhen.field}".`,
      });
    }
    if (field.essential && !missing && value !== field.essential.equals) {
      issues.push({
        severity: 'error',
        code: 'not-eligible',
        field: field.key,
        message: `${field.essential.criterion} is essential for this programme.`,
      });
    }
  }
  return issues;
}

function signatoryIssues(template: Template, signatories: readonly SignatoryCheck[]): Issue[] {
  const issues: Issue[] = [];
  for (const signatory of signatories) {
    const role = template.signatories.find((s) => s.role === signatory.role)!;
    if (signatory.status === 'notCopied') {
      issues.push({
        severity: 'error',
        code: 'signatory-not-copied',
        field: role.emailField,
        role: role.role,
        message: `The ${role.label} is not copied in: their signature is not confirmed.`,
      });
    } else if (signatory.status === 'noAddressOnForm') {
      issues.push({
        severity: 'error',
        code: 'signatory-no-address',
        field: role.emailField,
        role: role.role,
        message: `The form gives no email address for the ${role.label}, so their signature cannot be confirmed.`,
      });
    } else if (signatory.status === 'copiedUnderOtherAddress') {
      issues.push({
        severity: 'warning',
        code: 'signatory-other-address',
        field: role.emailField,
        role: role.role,
        message: `The ${role.label} is copied in from a different address from the one on the form.`,
      });
    }
  }
  return issues;
}
