// A template being edited in the pane: the proposal, changed one edit at a time. Each edit keeps
// the template whole: renaming a field's key renames every reference to it (signatories, "after",
// "required when", criteria), removing a field removes the references that would dangle, and a
// label's key follows the label until someone types a key of their own.
import { z } from 'zod';
import { Template, type Field, type FieldType, type Signatory } from '../../core/catalogue/schema';
import { keyFromLabel } from '../../core/templates/propose';

export type Draft = Template;

/** Types a person can choose for a field, in their words. `rows` is kept when proposed, not offered. */
export const FIELD_TYPES: readonly { readonly type: FieldType; readonly label: string }[] = [
  { type: 'text', label: 'Text' },
  { type: 'multiline', label: 'Lines (an address)' },
  { type: 'name', label: 'Person’s name' },
  { type: 'email', label: 'Email address' },
  { type: 'urn', label: 'School URN' },
  { type: 'trn', label: 'Teacher reference number' },
  { type: 'phone', label: 'Telephone' },
  { type: 'yesNo', label: 'Yes / No' },
  { type: 'number', label: 'Number' },
  { type: 'date', label: 'Date' },
  { type: 'hub', label: 'Maths Hub' },
  { type: 'statement', label: 'Statement' },
  { type: 'rows', label: 'Table of rows' },
];

function renameReferences(draft: Draft, from: string, to: string | undefined): Draft {
  const ref = (key: string | undefined) => (key === from ? to : key);
  const fields = draft.fields.map((f) => {
    const after = ref(f.after);
    const requiredWhen = f.requiredWhen && ref(f.requiredWhen.field) ? { ...f.requiredWhen, field: ref(f.requiredWhen.field)! } : undefined;
    const { after: _a, requiredWhen: _r, ...rest } = f;
    return { ...rest, ...(after ? { after } : {}), ...(requiredWhen ? { requiredWhen } : {}) };
  });
  const signatories = draft.signatories.map((s) => {
    const nameField = ref(s.nameField);
    const { nameField: _n, ...rest } = s;
    return { ...rest, emailField: ref(s.emailField) ?? '', ...(nameField ? { nameField } : {}) };
  });
  const criteria = draft.criteria.map((c) => {
    if (!c.settledBy || c.settledBy.field !== from) return c;
    const { settledBy, ...rest } = c;
    return to ? { ...rest, settledBy: { ...settledBy, field: to } } : rest;
  });
  return { ...draft, fields, signatories, criteria };
}

/** The field at `index` with its key changed, and every reference to the old key with it. */
export function setFieldKey(draft: Draft, index: number, key: string): Draft {
  const old = draft.fields[index];
  if (!old || old.key === key) return draft;
  const renamed = renameReferences(draft, old.key, key);
  return { ...renamed, fields: renamed.fields.map((f, i) => (i === index ? { ...f, key } : f)) };
}

/** A new label; the key follows it while the key is still the one the old label gave. */
export function setFieldLabel(draft: Draft, index: number, label: string): Draft {
  const field = draft.fields[index];
  if (!field) return draft;
  const follows = field.key === keyFromLabel(field.label) || field.key === '';
  const withLabel = { ...draft, fields: draft.fields.map((f, i) => (i === index ? { ...f, label } : f)) };
  return follows && label.trim() ? setFieldKey(withLabel, index, uniqueKey(keyFromLabel(label), draft, index)) : withLabel;
}

export function updateField(draft: Draft, index: number, patch: Partial<Omit<Field, 'key' | 'label'>>): Draft {
  return { ...draft, fields: draft.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) };
}

/** A field's word limit set, changed or (with null) taken away. */
export function setWordLimit(draft: Draft, index: number, limit: Field['wordLimit'] | null): Draft {
  return {
    ...draft,
    fields: draft.fields.map((f, i) => {
      if (i !== index) return f;
      const { wordLimit: _w, ...rest } = f;
      return limit ? { ...rest, wordLimit: limit } : rest;
    }),
  };
}

/** The field removed, with whatever pointed at it (a signatory keeps its place, its email field emptied). */
export function removeField(draft: Draft, index: number): Draft {
  const field = draft.fields[index];
  if (!field) return draft;
  const unlinked = renameReferences(draft, field.key, undefined);
  return { ...unlinked, fields: unlinked.fields.filter((_, i) => i !== index) };
}

function uniqueKey(key: string, draft: Draft, except = -1): string {
  const taken = new Set(draft.fields.filter((_, i) => i !== except).map((f) => f.key));
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key}${n}`;
  return candidate;
}

export function addField(draft: Draft, label: string, type: FieldType = 'text'): Draft {
  const field: Field = { key: uniqueKey(keyFromLabel(label), draft), label, type, aliases: [], required: false, prompts: [] };
  return { ...draft, fields: [...draft.fields, field] };
}

export function updateSignatory(draft: Draft, index: number, patch: Partial<Signatory>): Draft {
  return {
    ...draft,
    signatories: draft.signatories.map((s, i) => {
      if (i !== index) return s;
      const next = { ...s, ...patch };
      if (patch.label !== undefined && s.role === keyFromLabel(s.label)) next.role = keyFromLabel(patch.label);
      if (next.nameField === '') delete next.nameField;
      return next;
    }),
  };
}

export function addSignatory(draft: Draft): Draft {
  const email = draft.fields.find((f) => f.type === 'email' && !draft.signatories.some((s) => s.emailField === f.key));
  return { ...draft, signatories: [...draft.signatories, { role: 'signatory', label: 'Signatory', emailField: email?.key ?? '' }] };
}

export function removeSignatory(draft: Draft, index: number): Draft {
  return { ...draft, signatories: draft.signatories.filter((_, i) => i !== index) };
}

/** The deadline set or, with an empty date, taken away. The time zone stays the UK's. */
export function setDeadline(draft: Draft, date: string, time: string): Draft {
  const { deadline: _d, ...rest } = draft;
  if (!date) return rest;
  const wording = draft.deadline?.date === date && (draft.deadline.time ?? '') === time ? draft.deadline.wording : undefined;
  return {
    ...rest,
    deadline: { date, ...(time ? { time } : {}), timeZone: draft.deadline?.timeZone ?? 'Europe/London', ...(wording ? { wording } : {}) },
  };
}

export function setReturnAddress(draft: Draft, address: string): Draft {
  const { returnTo: _r, ...rest } = draft;
  return address.trim() ? { ...rest, returnTo: { ...draft.returnTo, address: address.trim() } } : rest;
}

/** What is wrong with the draft, in words a hub manager can act on; none when it can be saved. */
export function draftProblems(draft: Draft): string[] {
  const parsed = Template.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [head, , leaf] = issue.path;
    if (head === 'signatories' && leaf === 'emailField')
      return `${where(draft, issue.path.slice(0, 2))}choose the field that holds their email address`;
    return `${where(draft, issue.path)}${plainIssue(issue)}`;
  });
}

function where(draft: Draft, path: readonly PropertyKey[]): string {
  const [head, index, leaf] = path;
  if (head === 'fields' && typeof index === 'number')
    return `Field “${draft.fields[index]?.label || index + 1}”${leaf ? ` (${String(leaf)})` : ''}: `;
  if (head === 'signatories' && typeof index === 'number')
    return `Signatory “${draft.signatories[index]?.label || index + 1}”${leaf ? ` (${String(leaf)})` : ''}: `;
  const names: Record<string, string> = {
    id: 'Template id',
    title: 'Title',
    programme: 'Programme',
    returnTo: 'Return address',
    deadline: 'Deadline',
    fields: 'Fields',
  };
  return typeof head === 'string' ? `${names[head] ?? head}: ` : '';
}

function plainIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format' && 'pattern' in issue) {
    return issue.message === 'a camelCase key'
      ? 'must be a camelCase key: letters and digits, starting with a small letter'
      : 'letters, digits and hyphens only';
  }
  if (issue.code === 'too_small') return 'must not be empty';
  return issue.message;
}
