// Editing a proposed template in the pane: every edit leaves a template that still holds together.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, Template } from '../../src/core/catalogue';
import { readDocx } from '../../src/core/docx/read-docx';
import { proposeTemplate } from '../../src/core/templates/propose';
import {
  addField,
  addSignatory,
  draftProblems,
  removeField,
  setDeadline,
  setFieldKey,
  setFieldLabel,
  setReturnAddress,
  setWordLimit,
  updateSignatory,
} from '../../src/taskpane/template-editor/draft';

const blank = join(__dirname, '..', '..', 'samples', 'unseen', 'blank', 'primary-mastery-specialist-2024.docx');

function proposal(): Template {
  const read = readDocx(new Uint8Array(readFileSync(blank)));
  if (!read.ok) throw read.error;
  return proposeTemplate(read.document, loadCatalogue().hubs).template;
}

const indexOf = (t: Template, key: string) => t.fields.findIndex((f) => f.key === key);

describe('editing a proposed template', () => {
  it('starts valid', () => {
    expect(draftProblems(proposal())).toEqual([]);
  });

  it('renames a key everywhere it is used', () => {
    const t = proposal();
    const signatory = t.signatories.find((s) => s.role === 'headteacher')!;
    const renamed = setFieldKey(t, indexOf(t, signatory.emailField), 'headEmail');
    expect(renamed.fields.some((f) => f.key === signatory.emailField)).toBe(false);
    expect(renamed.signatories.find((s) => s.role === 'headteacher')!.emailField).toBe('headEmail');
    expect(draftProblems(renamed)).toEqual([]);
  });

  it('lets the key follow the label until a key of one’s own is typed', () => {
    let t = addField(proposal(), 'Date of birth');
    const i = t.fields.length - 1;
    expect(t.fields[i]!.key).toBe('dateBirth');
    t = setFieldLabel(t, i, 'Date joined the school');
    expect(t.fields[i]!.key).toBe('dateJoinedSchool');
    t = setFieldKey(t, i, 'joined');
    t = setFieldLabel(t, i, 'Date joined');
    expect(t.fields[i]!.key).toBe('joined');
  });

  it('gives a repeated label a key of its own', () => {
    let t = addField(proposal(), 'Name of school');
    expect(t.fields.at(-1)!.key).toBe('nameSchool2');
    t = addField(t, 'Name of school');
    expect(t.fields.at(-1)!.key).toBe('nameSchool3');
    expect(draftProblems(t)).toEqual([]);
  });

  it('removes a field and says which signatory has lost its email field', () => {
    const t = proposal();
    const signatory = t.signatories[0]!;
    const removed = removeField(t, indexOf(t, signatory.emailField));
    expect(removed.fields).toHaveLength(t.fields.length - 1);
    expect(draftProblems(removed)).toEqual([`Signatory “${signatory.label}”: choose the field that holds their email address`]);
    const fixed = updateSignatory(removed, 0, { emailField: t.signatories[1]!.emailField });
    expect(draftProblems(fixed)).toEqual([]);
  });

  it('says in plain words what stops a save', () => {
    const t = proposal();
    expect(draftProblems(setFieldKey(t, 0, 'School name'))).toEqual([
      `Field “${t.fields[0]!.label}” (key): must be a camelCase key: letters and digits, starting with a small letter`,
    ]);
    expect(draftProblems(setFieldKey(t, 1, t.fields[0]!.key))).toEqual([`Fields: Field key ${t.fields[0]!.key} is used twice`]);
    expect(draftProblems({ ...t, id: 'Primary 2024' })).toEqual(['Template id: letters, digits and hyphens only']);
    expect(draftProblems(setReturnAddress(t, 'not an address'))[0]).toMatch(/^Return address/);
  });

  it('sets and clears the deadline and a word limit', () => {
    let t = setDeadline(proposal(), '2024-07-05', '12:00');
    expect(t.deadline).toMatchObject({ date: '2024-07-05', time: '12:00', timeZone: 'Europe/London' });
    t = setDeadline(t, '', '');
    expect(t.deadline).toBeUndefined();
    const statement = t.fields.findIndex((f) => f.type === 'statement');
    t = setWordLimit(t, statement, { words: 300, kind: 'maximum' });
    expect(t.fields[statement]!.wordLimit).toEqual({ words: 300, kind: 'maximum' });
    t = setWordLimit(t, statement, null);
    expect(t.fields[statement]!.wordLimit).toBeUndefined();
    expect(draftProblems(t)).toEqual([]);
  });

  it('adds a signatory tied to an email field no one else has', () => {
    let t = addField(proposal(), 'Deputy head email', 'email');
    t = addSignatory(t);
    expect(t.signatories.at(-1)!.emailField).toBe('deputyHeadEmail');
    t = updateSignatory(t, t.signatories.length - 1, { label: 'Deputy head' });
    expect(t.signatories.at(-1)!.role).toBe('deputyHead');
    expect(draftProblems(t)).toEqual([]);
  });
});
