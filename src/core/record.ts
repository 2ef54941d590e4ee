// One checked application as one SharePoint list item: the "Applications" list's columns, and the
// item's fields for an application. Pure: no Graph, no Node, no DOM. The Graph adapter turns the
// column specs into columnDefinitions and writes the fields; the task pane reads them back.
//
// One item per email. An email may carry several forms: the item holds the first known form
// (the others are named in the issues summary and stay in the filed email); an email with no
// known form is still filed, with the form columns empty, so that it is seen and answered.
import type { Template } from './catalogue/schema';
import { fieldTitle, isLateApplication, issueCounts, type ApplicationReport, type FormReport } from './check';
import { emailFingerprint } from './identity';
import { SIGNATORY_STATUS_WORDS } from './signatories';
import type { Issue } from './issues';
import { trimWhere } from './text';

export const APPLICATIONS_LIST = 'Applications';
export const FILES_LIBRARY = 'Application Files';

export const STATUSES = ['New', 'Needs info', 'Under review', 'Accepted', 'Declined', 'Waitlisted', 'Withdrawn'] as const;
export type Status = (typeof STATUSES)[number];
export const DECISIONS = ['Accepted', 'Declined', 'Waitlisted'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The SharePoint column types the list uses. `note` is plain multi-line text. */
export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'choice';

/**
 * Who writes a column. `checker` columns are rewritten whenever an email is filed again;
 * `reviewer` columns are set once when the item is created (Status) or by reviewers, and filing
 * never touches them again; `link` columns are written by filing (links to the filed files and
 * to a possible earlier application); `template` columns belong to the Form Templates list and
 * are written when a hub manager saves a template; `filing` columns are written by filing when it
 * creates the item, and never changed after.
 */
export type ColumnOwner = 'checker' | 'reviewer' | 'link' | 'template' | 'filing';

export interface ColumnSpec {
  /** The internal name: stable, never renamed (scripts, views and the task pane use it). */
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  readonly owner: ColumnOwner;
  readonly description: string;
  /** Indexed for look-ups ($filter on real lists needs it). */
  readonly indexed?: boolean;
  /** A second item with the same value is refused (implies indexed). */
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  readonly defaultValue?: string;
  /** The catalogue field this column holds (form columns only). */
  readonly formField?: string;
}

/** A list column's value as Graph takes it (a form field's value, core/forms/values FieldValue, is made one by columnValue). */
export type ColumnValue = string | number | boolean | null;
export type ItemFields = Record<string, ColumnValue>;

/** The longest single line of text SharePoint accepts. */
export const TEXT_MAX = 255;
/** The longest multi-line text SharePoint accepts (a longer value makes the whole write fail with a 400). */
export const NOTE_MAX = 63_999;

const record = (
  name: string,
  displayName: string,
  kind: ColumnKind,
  owner: ColumnOwner,
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  displayName,
  kind,
  owner,
  description,
  ...extra,
});

/** The list's own columns, in the order a viewer reads them. Title is SharePoint's built-in column. */
export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  record('Title', 'Title', 'text', 'checker', "The school's name, or the email's subject when no known form is attached."),
  record('Programme', 'Programme', 'text', 'checker', 'The programme of the filed form, as the catalogue names it.', { indexed: true }),
  record('FormId', 'Form', 'text', 'checker', 'The catalogue id of the filed form (empty when no known form is attached).'),
  record('School', 'School', 'text', 'checker', 'The school named on the form.'),
  record('URN', 'URN', 'text', 'checker', "The school's Unique Reference Number from the form.", { indexed: true }),
  record('Hub', 'Hub', 'text', 'checker', "The Maths Hub named on the form (the hub's canonical name).", { indexed: true }),
  record(
    'Applicants',
    'Applicants',
    'text',
    'checker',
    'The named signatories other than the head teacher and the head of department, separated by "; ".',
  ),
  record('Headteacher', 'Head teacher', 'text', 'checker', 'The head teacher or senior leader named on the form.'),
  record('ReceivedAt', 'Received', 'dateTime', 'checker', "When the hub's mail server received the email."),
  record('Late', 'Late', 'boolean', 'checker', "Received after the programme's deadline."),
  record('SignatoriesComplete', 'Signatories complete', 'boolean', 'checker', 'Every signatory is copied in on the email.'),
  record('MissingSignatories', 'Missing signatories', 'text', 'checker', 'The signatories not confirmed, with why, separated by "; ".'),
  record('Complete', 'Complete', 'boolean', 'checker', 'A known form, every signatory copied in and no errors.'),
  record('ErrorCount', 'Errors', 'number', 'checker', 'Problems that stop the application being complete.'),
  record('WarningCount', 'Warnings', 'number', 'checker', 'Problems worth a look that do not stop it.'),
  record(
    'IssuesSummary',
    'Issues',
    'note',
    'checker',
    'One line per problem: severity, code, field and message. Messages never quote what the applicant wrote.',
  ),
  record('FormCount', 'Forms attached', 'number', 'checker', 'Word documents attached to the email (the item holds the first known form).'),
  record('Status', 'Status', 'choice', 'reviewer', 'Where the application is in the round.', {
    indexed: true,
    choices: STATUSES,
    defaultValue: 'New',
  }),
  record('Decision', 'Decision', 'choice', 'reviewer', "The reviewers' decision.", { choices: DECISIONS }),
  record('DecidedBy', 'Decided by', 'text', 'reviewer', 'Who recorded the decision.'),
  record('DecidedAt', 'Decided at', 'dateTime', 'reviewer', 'When the decision was recorded.'),
  record('ReviewNotes', 'Review notes', 'note', 'reviewer', "Reviewers' notes."),
  record(
    'CriteriaScores',
    'Criteria scores',
    'note',
    'reviewer',
    'Scores against the programme\'s criteria, as JSON: { "<criterion id>": score }.',
  ),
  record('EmailLink', 'Email', 'note', 'link', 'Link to the filed email (.eml) in the Application Files library.'),
  record('FormLink', 'Form file', 'note', 'link', 'Link to the filed form (.docx) in the Application Files library.'),
  record(
    'InternetMessageId',
    'Internet message id',
    'text',
    'checker',
    "The email's Message-ID: one item per email. An email that reuses another email's Message-ID is filed as its own item, with its fingerprint after the Message-ID.",
    { indexed: true, unique: true },
  ),
  record(
    'EmailFingerprint',
    'Email fingerprint',
    'text',
    'checker',
    'What the email is (a hash of its sender, recipients, subject and forms): filing the same email again updates its item; another email with the same Message-ID never does.',
  ),
  record(
    'OriginalMessageId',
    'Original message id',
    'text',
    'checker',
    'The Message-ID of the original email this one forwards as an attachment, if any.',
  ),
  record(
    'FilingAttempt',
    'Filing attempt',
    'text',
    'filing',
    'Which filing run created the item, so that a run whose answer was lost knows the item is its own.',
  ),
  record(
    'ResubmissionOf',
    'Possible resubmission of',
    'note',
    'link',
    'Link to an earlier application from the same school (URN) for the same programme. Never merged.',
  ),
  record('ResubmissionOfId', 'Possible resubmission of (item id)', 'number', 'link', 'The item id of that earlier application.'),
];

export const RECORD_COLUMN_NAMES: ReadonlySet<string> = new Set(RECORD_COLUMNS.map((c) => c.name.toLowerCase()));

/** SharePoint's own field names, which a form field key may not take either. */
const SHAREPOINT_RESERVED = [
  'ID',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'ContentType',
  'Attachments',
  'Edit',
  'LinkTitle',
  'LinkTitleNoMenu',
  'DocIcon',
  'Order',
  'GUID',
  'FileRef',
  'FileLeafRef',
  'Version',
];

/** Names a template's field key may not use, because the list already has a column so named (case-insensitively). */
export function reservedColumnName(key: string): boolean {
  return RECORD_COLUMN_NAMES.has(key.toLowerCase()) || SHAREPOINT_RESERVED.some((r) => r.toLowerCase() === key.toLowerCase());
}

const FORM_KIND: Record<string, ColumnKind> = {
  text: 'note', // free text such as "give date awarded" can run past 255 characters
  multiline: 'note',
  statement: 'note',
  rows: 'note', // JSON
  name: 'text',
  email: 'text',
  urn: 'text',
  trn: 'text',
  phone: 'text',
  hub: 'text',
  yesNo: 'boolean',
  number: 'number',
  date: 'text', // yyyy-mm-dd as written: a date column would shift with the site's time zone
};

function fieldDisplayName(template: Template, key: string): string {
  return fieldTitle(
    template.fields.find((f) => f.key === key)!,
    template,
  );
}

/**
 * Every column of the list: the record's own, then one per field key of every template (in
 * catalogue order), named after the canonical key. A key used by several templates with
 * different types gets a multi-line text column that holds any of them.
 */
export function applicationColumns(templates: readonly Template[]): ColumnSpec[] {
  const columns: ColumnSpec[] = [...RECORD_COLUMNS];
  const byKey = new Map<string, { kinds: Set<ColumnKind>; template: Template; description: string }>();
  for (const template of templates) {
    for (const field of template.fields) {
      if (reservedColumnName(field.key)) {
        throw new Error(`Template ${template.id}: the field key "${field.key}" is taken by a list column of its own; choose another key.`);
      }
      const kind = FORM_KIND[field.type] ?? 'note';
      const entry = byKey.get(field.key);
      if (entry) entry.kinds.add(kind);
      else {
        const description =
          field.type === 'rows' ? `Form field ${field.key}: the table's rows as JSON.` : `Form field ${field.key} (${field.type}).`;
        byKey.set(field.key, { kinds: new Set([kind]), template, description });
      }
    }
  }
  const taken = new Set(columns.map((c) => c.displayName.toLowerCase()));
  for (const [key, entry] of byKey) {
    let displayName = fieldDisplayName(entry.template, key).slice(0, TEXT_MAX);
    if (taken.has(displayName.toLowerCase())) displayName = `${displayName.slice(0, TEXT_MAX - key.length - 3)} (${key})`;
    taken.add(displayName.toLowerCase());
    const kind = entry.kinds.size === 1 ? [...entry.kinds][0]! : 'note';
    columns.push({ name: key, displayName, kind, owner: 'checker', description: entry.description, formField: key });
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------
// An application as an item

export interface ApplicationRecord {
  /** The email's Message-ID (as given, trimmed). */
  readonly internetMessageId: string;
  /** The email's fingerprint (emailFingerprint): with the Message-ID, which email this is. */
  readonly fingerprint: string;
  /** The form the item holds (the first known form), or null. */
  readonly form: FormReport | null;
  readonly template: Template | null;
  readonly programme: string | null;
  readonly urn: string | null;
  /** The checker-owned fields (record and form columns). Links are added by filing. */
  readonly fields: ItemFields;
  /** Fields set only when the item is created. */
  readonly initialFields: ItemFields;
}

export class RecordError extends Error {
  override name = 'RecordError';
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const clip = (value: string | null, max = TEXT_MAX): string | null =>
  value === null || value.length <= max ? value : `${value.slice(0, max - 1)}…`;

/** The item key of an email whose Message-ID an earlier, different email already filed under. */
export function clashKey(internetMessageId: string, fingerprint: string): string {
  const suffix = ` #${fingerprint.slice(0, 32)}`;
  return `${internetMessageId.slice(0, TEXT_MAX - suffix.length)}${suffix}`;
}

/**
 * Every value cut to its column's limit (SharePoint refuses the whole write otherwise), each cut
 * said as a warning line in the issues summary, which is itself cut last.
 */
export function withinLimits(fields: ItemFields, columns: readonly ColumnSpec[]): ItemFields {
  const out: ItemFields = { ...fields };
  const lines: string[] = [];
  for (const column of columns) {
    const value = out[column.name];
    if (typeof value !== 'string' || column.name === 'IssuesSummary') continue;
    const max = column.kind === 'text' ? TEXT_MAX : column.kind === 'note' ? NOTE_MAX : Infinity;
    if (value.length <= max) continue;
    out[column.name] = clip(value, max);
    lines.push(
      `warning value-cut (${column.name}): ${column.displayName} is ${value.length} characters long, more than the list keeps (${max}): it was cut; the whole text is in the filed form and email.`,
    );
  }
  if (!lines.length && (typeof out.IssuesSummary !== 'string' || out.IssuesSummary.length <= NOTE_MAX)) return out;
  out.WarningCount = Number(out.WarningCount ?? 0) + lines.length;
  const summary = [out.IssuesSummary, ...lines].filter(Boolean).join('\n');
  const note = '\n… (cut: the issues run past what the list keeps; the report has them all)';
  out.IssuesSummary = summary.length <= NOTE_MAX ? summary : `${summary.slice(0, NOTE_MAX - note.length)}${note}`;
  return out;
}

function issueLine(issue: Issue, prefix = ''): string {
  const about = issue.field ? ` (${issue.field})` : issue.role ? ` (${issue.role})` : '';
  return `${prefix}${issue.severity} ${issue.code}${about}: ${issue.message}`;
}

/** The issues summary: message issues, the filed form's, then the other forms' under their attachment names. */
export function issuesSummary(report: ApplicationReport, filed: FormReport | null): string {
  const lines = report.issues.map((i) => issueLine(i));
  if (filed) lines.push(...filed.issues.map((i) => issueLine(i)));
  for (const other of report.forms) {
    if (other === filed) continue;
    const note = other.formId ? `another known form (${other.formId}), not filed as its own item` : 'not a known form';
    lines.push(`[${other.attachment}] ${note}`);
    lines.push(...other.issues.map((i) => issueLine(i, `[${other.attachment}] `)));
  }
  return lines.join('\n');
}

/** A form field's value as its column stores it. */
export function columnValue(value: FormReport['fields'][string] | undefined, kind: ColumnKind): ColumnValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return value.length ? JSON.stringify(value) : null;
  if (kind === 'boolean') return typeof value === 'boolean' ? value : null;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  const s = typeof value === 'string' ? value : String(value);
  if (s === '') return null;
  return kind === 'text' ? clip(s) : s;
}

function nameOf(form: FormReport, field: string | undefined): string | null {
  return field ? text(form.fields[field]) : null;
}

/** Who the email is, beyond its report: see intake(). */
export interface RecordIdentity {
  /** The email's fingerprint; without it, one made from the report alone (no form bytes). */
  readonly fingerprint?: string;
  /** The Message-ID of the original the email forwards as an attachment. */
  readonly originalMessageId?: string | null;
}

/**
 * The item for a checked email. Throws RecordError for an email that cannot be filed (no
 * Message-ID, or a bare form with no email around it).
 */
export function applicationRecord(
  report: ApplicationReport,
  templates: readonly Template[],
  identity: RecordIdentity = {},
): ApplicationRecord {
  const message = report.message;
  if (!message) throw new RecordError('Only emails are filed: a form on its own has no Message-ID, sender or recipients to file it by.');
  const internetMessageId = message.internetMessageId?.trim();
  if (!internetMessageId) throw new RecordError('The email has no Message-ID, so it cannot be filed exactly once.');
  if (internetMessageId.length > TEXT_MAX) throw new RecordError(`The email's Message-ID is longer than ${TEXT_MAX} characters.`);

  const fingerprint = identity.fingerprint ?? emailFingerprint(message, []);
  const form = report.forms.find((f) => f.formId !== null) ?? null;
  const template = form ? (templates.find((t) => t.id === form.formId) ?? null) : null;
  const columns = applicationColumns(template ? [template] : []);
  const fieldOf = (type: string) =>
    template && form ? template.fields.find((f) => f.type === type && text(form.fields[f.key]) !== null) : undefined;

  const urnField = fieldOf('urn');
  const hubField = fieldOf('hub');
  const urn = urnField && form ? text(form.fields[urnField.key]) : null;
  const school = form ? text(form.fields.schoolName) : null;
  const signatories = template?.signatories ?? [];
  const nameField = (role: { nameField?: string | undefined; emailField: string }) =>
    role.nameField ?? role.emailField.replace(/Email$/, 'Name');
  const headRole = signatories.find((s) => s.role === 'headteacher');
  const headteacher = form ? (text(form.fields.headteacherName) ?? (headRole ? nameOf(form, nameField(headRole)) : null)) : null;
  const applicants = form
    ? signatories
        .filter((s) => s.role !== 'headteacher' && s.role !== 'headOfDepartment')
        .map((s) => nameOf(form, nameField(s)))
        .filter((n): n is string => n !== null)
    : [];
  const missing = form
    ? form.signatories
        .filter((s) => s.status !== null && s.status !== 'copied')
        .map((s) => `${signatories.find((r) => r.role === s.role)?.label ?? s.role} (${SIGNATORY_STATUS_WORDS[s.status!]})`)
    : [];
  const counts = issueCounts(report);

  const fields: ItemFields = {
    Title: school ?? text(message.subject) ?? '(no subject)',
    Programme: template ? template.programme : null,
    FormId: template ? template.id : null,
    School: school,
    URN: urn,
    Hub: hubField && form ? text(form.fields[hubField.key]) : null,
    Applicants: applicants.join('; ') || null,
    Headteacher: headteacher,
    ReceivedAt: message.receivedAt,
    Late: isLateApplication(report),
    SignatoriesComplete: form ? form.signatories.length > 0 && form.signatories.every((s) => s.status === 'copied') : false,
    MissingSignatories: missing.join('; ') || null,
    Complete: report.complete,
    ErrorCount: counts.errors,
    WarningCount: counts.warnings,
    IssuesSummary: issuesSummary(report, form) || null,
    FormCount: report.forms.length,
    InternetMessageId: internetMessageId,
    EmailFingerprint: fingerprint,
    OriginalMessageId: identity.originalMessageId?.trim() || null,
  };
  for (const column of columns) {
    // Not cut here: withinLimits cuts, and says so.
    if (column.formField && form)
      fields[column.name] = columnValue(form.fields[column.formField], column.kind === 'text' ? 'note' : column.kind);
  }
  return {
    internetMessageId,
    fingerprint,
    form,
    template,
    programme: template?.programme ?? null,
    urn,
    fields: withinLimits(fields, columns),
    initialFields: { Status: report.complete ? 'New' : 'Needs info' },
  };
}

// ---------------------------------------------------------------------------------------------
// Where the files go

/** Names SharePoint refuses for a file whatever its extension ("CON.docx" too), compared without case. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini)$/i;
const FILE_NAME_MAX = 120;

/**
 * A name SharePoint accepts for a file: none of " * : < > ? / \ | # % or control characters,
 * no `_vti_`, no leading `~$`, dots or spaces, no trailing dots or spaces, not a reserved device
 * name (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with any extension), not `.lock`, and short enough
 * (120 characters, keeping the end, where the extension is) that the path stays far under 400.
 */
export function safeFileName(name: string): string {
  const replaced = name
    // eslint-disable-next-line no-control-regex -- control characters are among what SharePoint refuses
    .replace(/["*:<>?/\\|#%\u0000-\u001f\u007f]/g, '_')
    .replace(/_vti_/gi, '_vti-')
    .slice(-FILE_NAME_MAX);
  // Leading spaces, dots, ~ and $, trailing spaces and dots: trimmed in one pass (no backtracking pattern).
  let cleaned = trimWhere(
    trimWhere(replaced, (c) => /^[\s.~$]$/.test(c), 'start'),
    (c) => /^[\s.]$/.test(c),
    'end',
  ).replace(/_vti_/gi, '_vti-');
  const stem = cleaned.includes('.') ? cleaned.slice(0, cleaned.indexOf('.')) : cleaned;
  if (RESERVED_NAMES.test(stem.trim()) || RESERVED_NAMES.test(cleaned) || /\.lock$/i.test(cleaned)) cleaned = `file-${cleaned}`;
  return cleaned || 'file';
}

/** FNV-1a, 64 bits, as 16 hex digits: a short stable name for a folder (not a secret, not a checksum). */
export function shortHash(value: string): string {
  let hash = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(value);
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The folder an email's files are filed in: its received date and a hash of its Message-ID and
 * fingerprint, so that filing the same email again finds the same files, and another email
 * reusing its Message-ID never writes over them.
 */
export function filingFolder(internetMessageId: string, receivedAt: string | null, fingerprint: string): string {
  const day = receivedAt && /^\d{4}-\d{2}-\d{2}/.test(receivedAt) ? receivedAt.slice(0, 10) : 'undated';
  const year = day === 'undated' ? day : day.slice(0, 4);
  return `${year}/${day}-${shortHash(`${internetMessageId.toLowerCase()}\n${fingerprint}`)}`;
}

export const EMAIL_FILE_NAME = 'email.eml';
