// A template proposed from a blank form, for a hub manager to review and save as data. It may be
// proposed from a filled-in copy too (an email's attachment): the applicant's answers are told
// apart from the form's text (answers.ts) and kept out of the template, as far as those rules can tell.
// Fields come from the label cells, signatories from the signature block, word limits from
// "(maximum N words)", the deadline and the address from the form's "return to … by …" text.
// Whatever is a guess is said in `unsure`.
import { findHub } from '../catalogue/hubs';
import { Field, Template, type Criterion, type FieldType, type Hub, type Signatory, type TemplateInput } from '../catalogue/schema';
import { readWrittenDate } from '../dates';
import type { Table, WordDocument } from '../docx/model';
import { layoutOf, type CellSlot, type Layout, type ParagraphSlot, type Slot } from '../forms/layout';
import { isPrompt } from '../forms/prompts';
import { findEmail, foldWhitespace, labelKey, trimWhere } from '../text';
import { isYesNoAnswer, looksLikeAnswer, looksLikeInstruction, looksLikeRole, looksLikeSignOff, looksLikeValue, untick } from './answers';

export interface Proposal {
  readonly template: Template;
  /** What the proposal guessed and a person should check, in plain words. */
  readonly unsure: readonly string[];
}

const STOP_WORDS = new Set(['of', 'the', 'for', 'a', 'an', 'and', 'in', 'to', 'details', 'your', 'please', 'if', 'known', 'e', 'g', 'eg']);
const TITLE_WORDS = /\b(form|application|declaration|expression of interest|nomination|registration)\b/i;
/** "(maximum 300 words)", "(approx. 150 words please)": looked for inside each pair of brackets. */
const WORD_LIMIT = /\b(maximum|max\.?|no more than|up to|approx\.?|approximately|about|around|c\.)\s*(\d+)\s*words?\b/i;

/** The word limit given in brackets in the text: `[whole match, kind, words]` or undefined. */
function wordLimitIn(text: string): [string, string, string] | undefined {
  for (const bracket of text.matchAll(/\(([^()]*)\)/g)) {
    const limit = WORD_LIMIT.exec(bracket[1]!);
    if (limit) return [bracket[0], limit[1]!, limit[2]!];
  }
  return undefined;
}

/** Every `(…)` from an opening bracket to the next closing one replaced, as `/\([^)]*\)/g` would, in one pass. */
function replaceBracketed(text: string, by: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('(', at); open >= 0; open = text.indexOf('(', at)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) break;
    out += text.slice(at, open) + by;
    at = close + 1;
  }
  return at === 0 ? text : out + text.slice(at);
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * "Name of school: St Brannoc's" → [label, rest]: the shortest label of 3 to 80 characters followed by
 * the separator, white space and (for ':') something more; what `^(.{3,80}?)<sep>\s+(\S.*)$` says,
 * without its backtracking.
 */
function splitAtLabel(text: string, separator: ':' | '.', restRequired: boolean): [string, string] | undefined {
  for (let at = 3; at <= 80 && at < text.length; at++) {
    if (LINE_TERMINATOR.test(text[at - 1]!)) return undefined;
    if (text[at] !== separator) continue;
    let rest = at + 1;
    while (rest < text.length && /\s/.test(text[rest]!)) rest++;
    if (rest === at + 1) continue;
    const after = text.slice(rest);
    if ((restRequired && !after) || LINE_TERMINATOR.test(after)) continue;
    return [text.slice(0, at), after];
  }
  return undefined;
}

/**
 * The programme a form's title names: "Primary Mastery Specialist Programme 2024/25 – Application
 * Form" → "Primary Mastery Specialist Programme 2024/25"; the list's Programme column shows it.
 */
export function programmeOf(title: string): string {
  const name = title.replace(/^(application|nomination|registration)( form)? (to participate in|to join|for)\s+(the\s+)?/i, '').trim();
  return withoutFormWord(name) || title;
}

// Longest first: the earliest start wins, as a regular expression's leftmost match would.
const FORM_WORDS = [
  'expression of interest form',
  'declaration of commitment',
  'expression of interest',
  'application form',
  'registration form',
  'nomination form',
  'application',
  'form',
];
const isSpaceChar = (c: string) => /^\s$/.test(c);

/** "Secondary Mastery Specialists – application form" → "Secondary Mastery Specialists": the form's own word at the end dropped. */
function withoutFormWord(name: string): string {
  const text = trimWhere(name, isSpaceChar, 'end');
  const lower = text.toLowerCase();
  for (const word of FORM_WORDS) {
    if (!lower.endsWith(word)) continue;
    const start = text.length - word.length;
    if (start > 0 && /^\w$/.test(text[start - 1]!)) continue; // "Platform" does not end with the word "form"
    let before = trimWhere(text.slice(0, start), isSpaceChar, 'end');
    if (/^[–—:-]$/.test(before.slice(-1))) before = trimWhere(before.slice(0, -1), isSpaceChar, 'end');
    return before.trim();
  }
  return name.trim();
}

/** camelCase key from label words: "Name of head of department" → "nameHeadDepartment". */
export function keyFromLabel(label: string): string {
  const words = labelKey(replaceBracketed(label, ' '))
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));
  const chosen = (words.length ? words : labelKey(label).split(' ').filter(Boolean)).slice(0, 5);
  const key = chosen.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(key) ? key : `field${key.replace(/^./, (c) => c.toUpperCase())}`;
}

const capital = (key: string) => key[0]!.toUpperCase() + key.slice(1);

interface Candidate {
  label: string;
  slot: Slot;
  /** The prompt text standing where the answer goes ("Yes/No"), if any. */
  answerPrompt?: string;
  /** The answer place holds a plain Yes or No (on a filled-in copy). */
  answeredYesNo?: boolean;
  /** A row header that this label stands beside ("Nominated teacher for programme"). */
  rowSection?: string;
  /** The heading paragraph just before this label's table. */
  heading?: string;
  /** The label this one is read after, when it repeats within one table. */
  anchor?: Candidate;
  /** The labels beside this one in its row: after it, and before it (a name beside its email). */
  rowNext?: Candidate;
  rowPrevious?: Candidate;
  prompts: string[];
  kind: 'labelled' | 'statement';
  wordLimit?: Field['wordLimit'];
}

interface RowsCandidate {
  slot: CellSlot;
  heading?: string;
  columns: string[];
}

/**
 * Proposes a template from a form, blank or filled in, as a pipeline of named stages: read the
 * tables (1), the statements under headings (2), make the fields (3), match the signatories (4),
 * read the instructions (5), say what is unsure (6), assemble the template (7).
 */
export function proposeTemplate(document: WordDocument, hubs: readonly Hub[]): Proposal {
  const layout = layoutOf(document);
  const tables = tablesOf(layout);
  const found = readTables(layout, tables);
  // A blank form may come with one answer given (the hub that sends it out): more than that is a filled-in copy.
  const filled = found.answers > 1;
  const statements = statementCandidates(layout, found.signatureTables, filled);
  const candidates = [...found.candidates, ...statements.candidates].sort((a, b) => a.slot.index - b.slot.index);
  const unsure: string[] = [];
  const { fields, sections, describedBy } = makeFields(candidates, found.rowsFields, unsure);
  const signatories = matchSignatories(found.signatoryLabels, fields, describedBy, unsure);
  const instructions = readInstructions(layout, tables, statements.answered, hubs);
  unsure.push(...doubtsAbout(instructions, fields, filled));
  const template = assemble({ instructions, tables, candidates, fields, sections, signatories, criteria: found.criteria });
  return { template, unsure: [...new Set(unsure)] };
}

/** What the form's tables hold: signatories, criteria, tables applicants add rows to, labelled answers. */
interface TablesFound {
  readonly signatureTables: Set<Table>;
  readonly signatoryLabels: string[];
  readonly criteria: Criterion[];
  readonly rowsFields: RowsCandidate[];
  readonly candidates: Candidate[];
  /** Answers found in the form's answer places: the form was filled in, not blank. */
  answers: number;
}

type FormTable = ReturnType<typeof tablesOf>[number];

/** Stage 1: every table, read by what it is. */
function readTables(layout: Layout, tables: readonly FormTable[]): TablesFound {
  const found: TablesFound = { signatureTables: new Set(), signatoryLabels: [], criteria: [], rowsFields: [], candidates: [], answers: 0 };
  for (const table of tables) readTable(layout, table, found);
  return found;
}

function readTable(layout: Layout, { table, heading, intro }: FormTable, found: TablesFound): void {
  const grid = (r: number, c: number) => layout.cellSlot(table, r, c);
  const firstRow = table.rows[0]!.cells.map((_, c) => grid(0, c)!);
  // The signature block: "Head Teacher | Signature of Head Teacher" on the blank form; on a
  // filled-in one the right cells may hold typed names, so roles after a "signatures" paragraph do too.
  const signed = (r: number) => /^signature\b/i.test(grid(r, 1)!.text.trim());
  if (
    table.rows.every((row, r) => row.cells.length >= 2 && signed(r)) ||
    (/\bsignatures?\b|\bsigned\b/i.test(intro) && table.rows.every((row, r) => row.cells.length === 2 && isRole(grid(r, 0)!.text)))
  ) {
    found.signatureTables.add(table);
    for (let r = 0; r < table.rows.length; r++) {
      found.signatoryLabels.push(foldWhitespace(grid(r, 0)!.text));
      if (grid(r, 1)!.text.trim() && !signed(r)) found.answers++;
    }
    return;
  }
  // The criteria table: "Essential | Desirable".
  if (firstRow.length === 2 && /^essential$/i.test(firstRow[0]!.text.trim()) && /^desirable$/i.test(firstRow[1]!.text.trim())) {
    for (let r = 1; r < table.rows.length; r++) {
      for (const [c, kind] of [
        [0, 'essential'],
        [1, 'desirable'],
      ] as const) {
        const text = foldWhitespace(grid(r, c)?.text ?? '');
        if (text) found.criteria.push({ id: uniqueKey(keyFromLabel(text), new Set(found.criteria.map((x) => x.id))), kind, text });
      }
    }
    return;
  }
  // A box: one cell under a heading, empty or holding only instructions.
  if (table.rows.length === 1 && table.rows[0]!.cells.length === 1) return; // read with its heading below
  // A table that applicants add rows to: a header row, then rows that are empty or, on a
  // filled-in copy, start with no label: nothing, a year ("2023-24"), an address, a number.
  // A row whose first cell is merged down from the row above goes with that row.
  const body = table.rows.slice(1).map((row, i) => row.cells.map((_, c) => grid(i + 1, c)!));
  const empty = (cells: CellSlot[]) => cells.every((s) => !s.text.trim());
  const noLabel = (cells: CellSlot[]) =>
    empty(cells) ||
    (cells.length === firstRow.length && !cells[0]!.continuesMerge && (!cells[0]!.text.trim() || looksLikeValue(cells[0]!.text)));
  const mergedDown = (cells: CellSlot[]) => cells.length === firstRow.length && cells[0]!.continuesMerge;
  const rowsTable =
    firstRow.length >= 2 &&
    firstRow.every((s) => s.text.trim()) &&
    body.some(noLabel) &&
    body.every((cells) => noLabel(cells) || mergedDown(cells));
  if (rowsTable) {
    found.rowsFields.push({ slot: firstRow[0]!, heading, columns: firstRow.map((s) => foldWhitespace(s.text)) });
    found.answers += body.flat().filter((s) => s.text.trim()).length;
    return;
  }
  // Label and answer cells.
  const inTable: Candidate[] = [];
  const answerCells = new Set<CellSlot>();
  table.rows.forEach((row, r) => {
    const cells = row.cells.map((_, c) => grid(r, c)!);
    let start = 0;
    let rowSection: string | undefined;
    // An odd cell out at the start of a row, merged down over several rows, heads them.
    if (cells.length % 2 === 1 && (row.cells[0]!.mergeStart || row.cells[0]!.mergedFromRow !== undefined)) {
      const origin = row.cells[0]!.mergedFromRow ?? r;
      rowSection = foldWhitespace(layout.cellSlot(table, origin, 0)!.text) || undefined;
      start = 1;
    }
    let previous: Candidate | undefined;
    for (let c = start; c < cells.length; c += 2) {
      const labelSlot = cells[c]!;
      if (answerCells.has(labelSlot)) continue; // the answer box under a label of the row above
      const below = r + 1 < table.rows.length ? grid(r + 1, 0) : undefined;
      const answer = cells[c + 1] ?? below;
      // A one-cell row under a one-cell label is its answer box, unless it reads like another label.
      if (!cells[c + 1] && cells.length === 1 && below && table.rows[r + 1]!.cells.length === 1 && looksLikeAnswer(below.text))
        answerCells.add(below);
      const answerText = answer ? foldWhitespace(answer.text) : '';
      // "Name of school: St Brannoc's" with its answer cell empty: the answer was typed after the label.
      const typedAfter = splitAtLabel(foldWhitespace(labelSlot.text), ':', true);
      const label = typedAfter && !answerText && !looksLikeInstruction(typedAfter[1]) ? typedAfter[0] : foldWhitespace(labelSlot.text);
      if (!label || isPrompt(label, [])) continue;
      const prompt = answerText && isPrompt(answerText, []);
      if (label !== foldWhitespace(labelSlot.text) || (answerText && !prompt) || answerText.includes('☒')) found.answers++;
      const candidate: Candidate = {
        label,
        slot: labelSlot,
        rowSection,
        heading,
        prompts: [],
        kind: 'labelled',
        answerPrompt: prompt ? untick(answerText) : undefined,
        answeredYesNo: !prompt && isYesNoAnswer(answerText),
      };
      if (previous) {
        previous.rowNext = candidate;
        candidate.rowPrevious = previous;
      }
      previous = candidate;
      inTable.push(candidate);
    }
  });
  // A label that repeats within the table is read after the label that heads its row, or the row above.
  const counts = countBy(inTable.map((c) => labelKey(c.label)));
  for (const candidate of inTable) {
    if ((counts.get(labelKey(candidate.label)) ?? 0) < 2 || candidate.rowSection) continue;
    const slot = candidate.slot as CellSlot;
    const rowHead = inTable.find((c) => (c.slot as CellSlot).row === slot.row && (c.slot as CellSlot).cell < slot.cell);
    const above = [...inTable].reverse().find((c) => (c.slot as CellSlot).row < slot.row && (counts.get(labelKey(c.label)) ?? 0) < 2);
    candidate.anchor = rowHead ?? above;
  }
  found.candidates.push(...inTable);
}

/** Stage 3: the fields the candidates make, keyed and told apart; "If yes" fields tied to their question. */
function makeFields(
  candidates: readonly Candidate[],
  rowsFields: readonly RowsCandidate[],
  unsure: string[],
): { fields: Field[]; sections: string[]; describedBy: Map<string, string> } {
  // Labels that repeat across the form are told apart by their section: a row header or a heading.
  const repeated = countBy(candidates.map((c) => labelKey(c.label)));
  const sections: string[] = [];
  const fields: Field[] = [];
  const keys = new Set<string>();
  const fieldOf = new Map<Candidate, Field[]>();
  const describedBy = new Map<string, string>(); // field key → the words that say whose it is
  for (const candidate of candidates) {
    const repeats = (repeated.get(labelKey(candidate.label)) ?? 0) > 1;
    const section = candidate.rowSection ?? (repeats && !candidate.anchor ? candidate.heading : undefined);
    if (section && !sections.includes(section)) sections.push(section);
    // An email beside a person's name takes the person's key: "Head Teacher | … | E-mail" → headTeacherEmail.
    const person = candidate.rowPrevious && fieldOf.get(candidate.rowPrevious)?.find((f) => f.type === 'name');
    const prefix =
      person && typeOf(candidate.label, undefined) === 'email'
        ? person.key.replace(/Name$/, '')
        : section
          ? keyFromLabel(section)
          : candidate.anchor
            ? fieldOf.get(candidate.anchor)?.[0]?.key
            : undefined;
    const made = fieldsFor(candidate, prefix, section, fieldOf.get(candidate.anchor!)?.[0]?.key, keys, unsure);
    fieldOf.set(candidate, made);
    fields.push(...made);
    const owner = [candidate.label, section, candidate.anchor?.label, candidate.rowPrevious?.label].filter(Boolean).join(' ');
    for (const field of made) describedBy.set(field.key, owner);
  }
  for (const rows of rowsFields) {
    const key = uniqueKey(keyFromLabel(rows.heading ?? rows.columns[0]!), keys);
    const columnKeys = new Set<string>();
    fields.push(
      Field.parse({
        key,
        label: rows.heading ?? rows.columns[0]!,
        type: 'rows',
        columns: rows.columns.map((label) => ({ key: uniqueKey(keyFromLabel(label), columnKeys), label })),
      }),
    );
  }
  // "If yes, please …" is needed only when the Yes/No question before it is answered Yes.
  fields.forEach((field, i) => {
    if (!/^if yes\b/i.test(field.label)) return;
    const question = fields
      .slice(0, i)
      .reverse()
      .find((f) => f.type === 'yesNo');
    if (question) fields[i] = { ...field, required: false, requiredWhen: { field: question.key, equals: true } };
  });
  return { fields, sections, describedBy };
}

/** Stage 5: what the form's own paragraphs say: its title, where to return it, by when, which hubs. */
function readInstructions(layout: Layout, tables: readonly FormTable[], answered: ReadonlySet<Slot>, hubs: readonly Hub[]) {
  // The form's own paragraphs: a statement typed under its heading is no title, address, deadline or heading.
  const paragraphs = layout.slots.filter((s): s is ParagraphSlot => s.kind === 'paragraph' && s.text.trim() !== '' && !answered.has(s));
  const title = titleOf(layout, tables[0]?.firstSlot ?? layout.slots.length);
  const returnTo = returnAddress(paragraphs);
  const deadline = deadlineOf(paragraphs, returnTo?.address);
  const programmeHubs = hubsListed(paragraphs, hubs);
  return { paragraphs, title, returnTo, deadline, programmeHubs };
}

/** Stage 6: what a person should check, in plain words. */
function doubtsAbout(instructions: Instructions, fields: readonly Field[], filled: boolean): string[] {
  const { title, returnTo, deadline, programmeHubs } = instructions;
  const unsure: string[] = [];
  if (!title) unsure.push('No title was found: the template is named "New form"; give it the form\'s own title.');
  if (!returnTo) unsure.push("No return address was found in the form's instructions.");
  if (!deadline) unsure.push('No deadline was found ("… by <date>"); add it, with the hour if there is one.');
  if (programmeHubs !== 'all') unsure.push(`The form lists ${programmeHubs.length} hubs: only they are taken to run the programme.`);
  if (!fields.length) unsure.push('No fields were found: is this a blank application form?');
  if (filled)
    unsure.push(
      'This template was made from a filled-in application, not the blank form: the blank form the hub sends out gives a surer template.',
    );
  return unsure;
}

type Instructions = ReturnType<typeof readInstructions>;

/** Stage 7: the template, named after its programme and year, its end markers found. */
function assemble(parts: {
  instructions: Instructions;
  tables: readonly FormTable[];
  candidates: readonly Candidate[];
  fields: Field[];
  sections: string[];
  signatories: Signatory[];
  criteria: Criterion[];
}): Template {
  const {
    instructions: { paragraphs, title, returnTo, deadline, programmeHubs },
    tables,
    candidates,
    fields,
    sections,
    signatories,
    criteria,
  } = parts;
  const titleText = title ?? 'New form';
  // With no title there is no programme to name: "New form" stays whole (not the programme "New").
  const programme = title ? programmeOf(titleText.replace(/\n/g, ' ')) : titleText;
  const year = deadline?.date.slice(0, 4) ?? /\b(20\d\d)\b/.exec(titleText)?.[1];
  const id = `${slug(programme)}${year && !slug(programme).includes(year) ? `-${year}` : ''}`;
  const appendix = paragraphs.find((p) => /^appendix\b/i.test(p.text.trim()))?.index ?? Number.POSITIVE_INFINITY;
  const endMarkers = paragraphs
    .filter(
      (p) =>
        p.index > (tables[0]?.firstSlot ?? 0) &&
        p.index <= appendix &&
        p.text.length <= 80 &&
        !candidates.some((c) => c.slot === p) &&
        !sections.includes(foldWhitespace(p.text)),
    )
    .map((p) => foldWhitespace(p.text));

  const input: TemplateInput = {
    id,
    title: titleText.replace(/\n/g, ' '),
    programme,
    identify: title ? title.split('\n') : [],
    returnTo,
    deadline: deadline ? { ...deadline, timeZone: 'Europe/London' } : undefined,
    hubs: programmeHubs,
    sections,
    endMarkers: [...new Set(endMarkers)],
    fields,
    signatories,
    criteria,
  };
  return Template.parse(JSON.parse(JSON.stringify(input)));
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function uniqueKey(key: string, used: Set<string>): string {
  let candidate = key;
  for (let n = 2; used.has(candidate); n++) candidate = `${key}${n}`;
  used.add(candidate);
  return candidate;
}

function slug(text: string): string {
  return labelKey(text).split(' ').filter(Boolean).slice(0, 8).join('-') || 'new-form';
}

/** Every table with the heading paragraph just before it, the paragraphs since the table before it, and where it starts. */
function tablesOf(layout: Layout): { table: Table; heading?: string; intro: string; firstSlot: number }[] {
  const out: { table: Table; heading?: string; intro: string; firstSlot: number }[] = [];
  let lastParagraph: ParagraphSlot | undefined;
  let intro: string[] = [];
  const seen = new Set<Table>();
  for (const slot of layout.slots) {
    if (slot.kind === 'paragraph') {
      if (slot.text.trim()) {
        lastParagraph = slot;
        intro.push(foldWhitespace(slot.text));
      }
      continue;
    }
    if (seen.has(slot.table)) continue;
    seen.add(slot.table);
    const heading =
      lastParagraph && isHeading(lastParagraph.text) && lastParagraph.index === slot.index - 1 - emptyBefore(layout, slot.index)
        ? foldWhitespace(lastParagraph.text)
        : undefined;
    out.push({ table: slot.table, heading, intro: intro.join('\n'), firstSlot: slot.index });
    intro = [];
  }
  return out;
}

function emptyBefore(layout: Layout, index: number): number {
  let n = 0;
  for (let i = index - 1; i >= 0 && layout.slots[i]!.kind === 'paragraph' && !layout.slots[i]!.text.trim(); i--) n++;
  return n;
}

/** A short line that names what follows, not a sentence of instructions. */
function isHeading(text: string): boolean {
  const folded = foldWhitespace(text);
  return folded.length > 0 && folded.length <= 60 && !/[.:]$/.test(folded) && !/^\(/.test(folded);
}

/**
 * Statements: a heading, maybe its instructions, then a box (or nothing but space to type).
 * On a filled-in form the box, or the paragraphs under the instructions, hold the applicant's
 * statement: only the instructions before it are prompts, and its paragraphs are returned as `answered`.
 */
function statementCandidates(
  layout: Layout,
  signatureTables: ReadonlySet<Table>,
  filled: boolean,
): { candidates: Candidate[]; answered: Set<Slot> } {
  const out: Candidate[] = [];
  const answered = new Set<Slot>();
  const slots = layout.slots;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (slot.kind !== 'paragraph' || !slot.text.trim() || answered.has(slot)) continue;
    const text = foldWhitespace(slot.text);
    // "Statement of support. Explain …": the heading is the first sentence; a full stop inside
    // brackets ("(max. 300 words)") ends no sentence.
    const sentence = splitAtLabel(text, '.', false);
    const label = sentence && /\bstatement\b/i.test(sentence[0]) && !insideBrackets(sentence[0]) ? sentence[0] : text;
    if (!/\bstatement\b/i.test(label) || label.length > 80) continue;
    const prompts: string[] = sentence && label === sentence[0] ? [sentence[1]] : [];
    // Instructions after the heading, and a box holding only instructions; a table of labels
    // straight after the heading means it heads that table, not a statement.
    let labelTableNext = false;
    let answering = false;
    for (let j = i + 1; j < slots.length; j++) {
      const next = slots[j]!;
      const box =
        next.kind === 'cell' && !signatureTables.has(next.table) && next.table.rows.length === 1 && next.table.rows[0]!.cells.length === 1;
      if (box) {
        const lines = next.text.split('\n').map(foldWhitespace).filter(Boolean);
        const answerAt = filled ? lines.findIndex((line) => !looksLikeInstruction(line)) : -1;
        if (!answering) prompts.push(...(answerAt < 0 ? lines : lines.slice(0, answerAt)));
        break;
      }
      if (!next.text.trim()) continue;
      if (next.kind === 'paragraph' && (!isHeading(next.text) || (answering && looksLikeSignOff(next.text)))) {
        answering ||= filled && !looksLikeInstruction(next.text);
        if (answering) answered.add(next);
        else prompts.push(foldWhitespace(next.text));
        continue;
      }
      labelTableNext = next.kind === 'cell' && j === i + 1 + emptyBefore(layout, j);
      break;
    }
    if (labelTableNext) continue;
    const limitText = [text, ...prompts].join(' ');
    const limit = wordLimitIn(limitText);
    const wordLimit = limit
      ? { words: Number(limit[2]), kind: /^(maximum|max|no more|up to)/i.test(limit[1]) ? ('maximum' as const) : ('approx' as const) }
      : undefined;
    out.push({ label, slot, prompts, kind: 'statement', wordLimit });
  }
  return { candidates: out, answered };
}

/** Whether the text ends inside a bracket it opened. */
function insideBrackets(text: string): boolean {
  let depth = 0;
  for (const c of text) depth = c === '(' ? depth + 1 : c === ')' ? Math.max(0, depth - 1) : depth;
  return depth > 0;
}

/** A signatory's role ("Headteacher", "Mastery Advocate Teacher 1"): no detail of a person, nor a label of a typed field. */
function isRole(text: string): boolean {
  return looksLikeRole(text) && ['text', 'name'].includes(typeOf(text, undefined));
}

function typeOf(label: string, answerPrompt: string | undefined): FieldType {
  const key = labelKey(label);
  if (answerPrompt && /yes no/.test(labelKey(answerPrompt))) return 'yesNo';
  if (/\(yes\s*\/\s*no\)|\?\s*$/i.test(label)) return 'yesNo';
  if (/\bemail\b/.test(key)) return 'email';
  if (/\burn\b/.test(key)) return 'urn';
  if (/\btrn\b|teacher reference number/.test(key)) return 'trn';
  if (/\b(telephone|phone|tel|mobile)\b/.test(key)) return 'phone';
  if (/\bmaths hub\b/.test(key)) return 'hub';
  if (/\b(no|number) of years\b|\byears teaching\b|\bhow many\b/.test(key)) return 'number';
  if (/^date\b|\bdate of\b/.test(key)) return 'date';
  if (/\baddress\b/.test(key)) return 'multiline';
  if (
    /^(full |your )?name$|^name of (head|the head|teacher|applicant|contact|senior|subject|lead|deputy|person)|^head ?teacher$|^(contact|applicant|teacher|head ?teacher|participant)( \d+)? name$/.test(
      key,
    )
  )
    return 'name';
  return 'text';
}

function fieldsFor(
  candidate: Candidate,
  prefix: string | undefined,
  section: string | undefined,
  after: string | undefined,
  keys: Set<string>,
  unsure: string[],
): Field[] {
  const base = keyFromLabel(candidate.label);
  const key = (k: string) => uniqueKey(prefix ? prefix + capital(k) : k, keys);
  const common = { label: candidate.label, ...(section ? { section } : {}), ...(after && !section ? { after } : {}) };
  if (candidate.kind === 'statement') {
    return [
      Field.parse({
        ...common,
        key: key(base),
        type: 'statement',
        required: true,
        prompts: candidate.prompts,
        wordLimit: candidate.wordLimit,
      }),
    ];
  }
  const labelWords = labelKey(candidate.label);
  // "Head of department (name and e-mail)": one box, two fields.
  if (/\bname\b/.test(labelWords) && /\bemail\b/.test(labelWords)) {
    const person = keyFromLabel(withoutFirstBrackets(candidate.label)) || base;
    return [
      Field.parse({ ...common, key: key(`${person}Name`), type: 'name', required: true }),
      Field.parse({ ...common, key: key(`${person}Email`), type: 'email', required: true }),
    ];
  }
  let type = typeOf(candidate.label, candidate.answerPrompt);
  // On a filled-in form the "Yes/No" prompt is gone; an answer of Yes or No says the same.
  if (type === 'text' && candidate.answeredYesNo) {
    type = 'yesNo';
    unsure.push(`"${candidate.label}" is read as Yes/No because it was answered Yes or No on this copy.`);
  }
  // A label followed in its row by an Email label names a person: "Head Teacher | … | E-mail | …".
  if (
    type === 'text' &&
    candidate.rowNext &&
    typeOf(candidate.label, undefined) === 'text' &&
    /\bemail\b/.test(labelKey(candidate.rowNext.label)) &&
    !/\bschool\b/.test(labelWords)
  )
    type = 'name';
  if (type === 'text' && !/^(name of school|school name)$/.test(labelWords)) unsure.push(`"${candidate.label}" is read as plain text.`);
  const optional =
    /\bif known\b|\boptional\b|\bif applicable\b|^if yes\b/.test(labelWords) ||
    ['trn', 'number', 'date'].includes(type) ||
    (type === 'text' && !/^name\b/.test(labelWords));
  return [
    Field.parse({ ...common, key: key(base), type, required: !optional, prompts: candidate.answerPrompt ? [candidate.answerPrompt] : [] }),
  ];
}

/** Who signs, and which email on the form is each one's: by the words their labels share. */
function matchSignatories(
  labels: readonly string[],
  fields: readonly Field[],
  describedBy: ReadonlyMap<string, string>,
  unsure: string[],
): Signatory[] {
  const words = (text: string) =>
    new Set(
      labelKey(text.replace(/headteacher/gi, 'head teacher'))
        .split(' ')
        .filter((w) => w && !STOP_WORDS.has(w) && !['name', 'email', 'mail', 'signature'].includes(w)),
    );
  const emails = fields.filter((f) => f.type === 'email');
  const describe = (field: Field) => words(describedBy.get(field.key) ?? field.label);
  const pairs: { label: string; field: Field; score: number }[] = [];
  for (const label of labels) {
    const own = words(label);
    for (const field of emails) {
      const theirs = describe(field);
      const shared = [...own].filter((w) => theirs.has(w)).length;
      if (shared) pairs.push({ label, field, score: shared / own.size + shared / (theirs.size * 100) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const chosen = new Map<string, Field>();
  const used = new Set<Field>();
  for (const pair of pairs) {
    if (chosen.has(pair.label) || used.has(pair.field)) continue;
    chosen.set(pair.label, pair.field);
    used.add(pair.field);
    if (pair.score < 0.5)
      unsure.push(`The signatory "${pair.label}" was matched to the email field "${pair.field.key}" on little evidence.`);
  }
  const roles = new Set<string>();
  const signatories: Signatory[] = [];
  for (const label of labels) {
    const field = chosen.get(label);
    if (!field) {
      unsure.push(`No email field was found for the signatory "${label}": they are left out of the signatory check.`);
      continue;
    }
    const name =
      fields.find(
        (f) => f.type === 'name' && f.label === field.label && (f.section ?? '') === (field.section ?? '') && f.key !== field.key,
      ) ??
      fields.find((f) => f.type === 'name' && field.key === f.key.replace(/Name$/, '') + 'Email') ??
      (field.after ? fields.find((f) => f.key === field.after && f.type === 'name') : undefined) ??
      fields.find((f) => f.type === 'name' && f.section && f.section === field.section);
    signatories.push({
      role: uniqueKey(keyFromLabel(label), roles),
      label,
      emailField: field.key,
      ...(name ? { nameField: name.key } : {}),
    });
  }
  return signatories;
}

function titleOf(layout: Layout, firstTable: number): string | undefined {
  const before = layout.slots.filter((s): s is ParagraphSlot => s.kind === 'paragraph' && s.index < firstTable && s.text.trim() !== '');
  const titled = before.filter(
    (p) => TITLE_WORDS.test(p.text) && p.text.length <= 160 && !/\.\s*$/.test(p.text.trim()) && !/^[a-z(]/.test(p.text.trim()),
  );
  const chosen = titled[titled.length - 1] ?? before[0];
  // "Declaration of Commitment by 25th May 2018": the deadline is not part of the title.
  const lines = chosen?.text
    .split('\n')
    .map((line) => withoutDeadline(foldWhitespace(line)))
    .filter(Boolean);
  return lines?.length ? lines.join('\n') : undefined;
}

function returnAddress(paragraphs: readonly ParagraphSlot[]): { address: string; name?: string } | undefined {
  for (const paragraph of paragraphs) {
    const text = foldWhitespace(paragraph.text);
    // "Return it to …", "returned to …", "e-mailed to …", "send …", "submitted to …".
    if (!/\b(return(ed)?|e-?mail(ed)?|send|submit(ted)?|sent)\b/i.test(text)) continue;
    const email = findEmail(text);
    if (email) return { address: email.address.toLowerCase() };
  }
  return undefined;
}

const DEADLINE_WORD = /\b(?:by|before|no later than|closing date:?|deadline:?)\s+/gi;

/**
 * "… by 12 noon on Friday 25th May 2018": each date of up to 60 characters ending in a year after a
 * deadline word, as `/\b(?:by|…)\s+(.{4,60}?\b\d{4})\b/gi` finds them, the date looked for in a
 * window of bounded size after each word.
 */
function deadlinesIn(text: string): [string, string][] {
  const out: [string, string][] = [];
  DEADLINE_WORD.lastIndex = 0;
  for (let word = DEADLINE_WORD.exec(text); word; word = DEADLINE_WORD.exec(text)) {
    const start = word.index + word[0].length;
    const date = /^(.{4,60}?\b\d{4})\b/.exec(text.slice(start, start + 66));
    if (date) {
      out.push([word[0] + date[0], date[1]!]);
      DEADLINE_WORD.lastIndex = start + date[0].length;
    } else DEADLINE_WORD.lastIndex = word.index + 1;
  }
  return out;
}

/** "Declaration of Commitment by 25th May 2018" → "Declaration of Commitment" (white space folded already). */
function withoutDeadline(line: string): string {
  if (!/\d{4}\.?$/.test(line)) return line;
  const by = /\sby\s/i.exec(line);
  if (!by || line.length - (by.index + 4) < 4) return line;
  let start = by.index;
  while (start > 0 && /^\s$/.test(line[start - 1]!)) start--;
  return line.slice(0, start);
}

/** The text without its first `(…)` on one line (from the first bracket to the line's last closing one). */
function withoutFirstBrackets(text: string): string {
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && !LINE_TERMINATOR.test(text[lineEnd]!)) lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const open = line.indexOf('(');
    const close = line.lastIndexOf(')');
    if (open >= 0 && close > open) return text.slice(0, lineStart + open) + text.slice(lineStart + close + 1);
    lineStart = lineEnd + 1;
  }
  return text;
}

function deadlineOf(
  paragraphs: readonly ParagraphSlot[],
  address: string | undefined,
): { date: string; time?: string; wording: string } | undefined {
  const found: { date: string; time?: string; wording: string; score: number }[] = [];
  for (const paragraph of paragraphs) {
    const text = foldWhitespace(paragraph.text);
    for (const match of deadlinesIn(text)) {
      const written = readWrittenDate(match[1]);
      if (!written) continue;
      const score =
        (address && text.toLowerCase().includes(address) ? 2 : 0) +
        (/\b(return(ed)?|submit(ted)?|e-?mail(ed)?|send|complete(d)?|apply|declaration|application)\b/i.test(text) ? 1 : 0);
      found.push({ ...written, wording: trimWhere(match[1], (c) => c === '.' || c === ')', 'end'), score });
    }
  }
  found.sort((a, b) => b.score - a.score);
  const best = found[0];
  return best ? { date: best.date, ...(best.time ? { time: best.time } : {}), wording: best.wording } : undefined;
}

/** The hubs an appendix lists, when it lists some but not all of them. */
function hubsListed(paragraphs: readonly ParagraphSlot[], hubs: readonly Hub[]): string[] | 'all' {
  const appendix = paragraphs.findIndex((p) => /^appendix\b/i.test(p.text.trim()));
  if (appendix < 0) return 'all';
  const named = new Set<string>();
  for (const paragraph of paragraphs.slice(appendix + 1)) {
    const hub = /maths hub/i.test(paragraph.text) ? findHub(withoutFirstBrackets(paragraph.text), hubs) : undefined;
    if (hub) named.add(hub.name);
  }
  return named.size > 0 && named.size < hubs.length ? hubs.filter((h) => named.has(h.name)).map((h) => h.name) : 'all';
}
