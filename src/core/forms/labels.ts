// Recognising a form's own label text in a slot, however the applicant's copy of the form
// spaces, punctuates or capitalises it, and what was typed after it in the same place.
import { templateKey } from '../text';
import type { Layout, Slot } from './layout';

export interface LabelMatch {
  /** Text that stands after the label in the same slot, separators stripped ('' when none). */
  readonly rest: string;
}

interface CompiledLabel {
  readonly key: string;
  /** The label's words at the start of a text, whatever stands between them. */
  readonly pattern: RegExp;
}

const WORD = '[A-Za-z0-9\\u00C0-\\u024F]';
const NOT_WORD = '[^A-Za-z0-9\\u00C0-\\u024F]';

// Labels come from a handful of templates: compile each once.
const compiled = new Map<string, CompiledLabel>();

function compile(label: string): CompiledLabel {
  let entry = compiled.get(label);
  if (!entry) {
    const key = templateKey(label);
    const words = key.split(' ').map((word) => (word === 'email' ? 'e-?mail' : word));
    // "and" may be written "&", itself a separator: the word is optional between separators, so that no
    // text can be split between them in more than one way (which would backtrack quadratically).
    const source = words
      .map((word, i) => (i === 0 ? (word === 'and' ? '(?:and|&)' : word) : word === 'and' ? `(?:${NOT_WORD}+and)?` : `${NOT_WORD}+${word}`))
      .join('');
    // Letters and digits as a plain class (Latin scripts): \p{L} patterns cost milliseconds each to compile.
    entry = { key, pattern: new RegExp(`^${NOT_WORD}*${source}(?!${WORD})`, 'i') };
    compiled.set(label, entry);
  }
  return entry;
}

/** The pattern a label is found by (exported so that a test can prove each one safe from backtracking). */
export function labelPattern(label: string): RegExp {
  return compile(label).pattern;
}

/**
 * Whether the slot holds the label: its words first, followed by nothing, by punctuation
 * (a colon, a hint in brackets, a sentence of instructions) or by a line break — not by more
 * words of a longer label ("Name" is not "Name of school").
 */
export function matchLabel(slot: Slot, labels: readonly string[]): LabelMatch | undefined {
  let best: { match: LabelMatch; length: number } | undefined;
  for (const label of labels) {
    const { key, pattern } = compile(label);
    // The key says the words are there ("Name, address" is not "Name and address", whose pattern
    // would take the "and" as optional); the pattern says where they end in the text.
    if (!key || !slot.key.startsWith(key)) continue;
    const found = pattern.exec(slot.text);
    if (!found) continue;
    const after = slot.text.slice(found[0].length);
    // One space and a word straight after the label mean a different, longer label (two spaces or a
    // tab set off a value typed beside it); "headteacher@school…" or "name.surname" is an answer
    // that begins like a label.
    if (/^ [A-Za-z0-9\u00C0-\u024F]/.test(after)) continue;
    if (/^[@._'’/\\-][A-Za-z0-9\u00C0-\u024F]/.test(after)) continue;
    const rest = after.replace(/^[\s:.?\-–—)]+/u, '').trim();
    if (!best || key.length > best.length) best = { match: { rest }, length: key.length };
  }
  return best?.match;
}

export interface FoundLabel {
  readonly slot: Slot;
  readonly match: LabelMatch;
}

function candidatesFor(layout: Layout, labels: readonly string[], from: number, to: number): Slot[] {
  const candidates = new Set<Slot>();
  for (const label of labels) {
    const key = compile(label).key;
    const space = key.indexOf(' ');
    for (const slot of layout.slotsByFirstWord.get(space < 0 ? key : key.slice(0, space)) ?? []) {
      if (slot.index >= from && slot.index < to) candidates.add(slot);
    }
  }
  return [...candidates].sort((a, b) => a.index - b.index);
}

/** Every slot holding one of the labels, in reading order, between two slot indexes. */
export function findLabels(layout: Layout, labels: readonly string[], from = 0, to = Number.POSITIVE_INFINITY): FoundLabel[] {
  const found: FoundLabel[] = [];
  for (const slot of candidatesFor(layout, labels, from, to)) {
    const match = matchLabel(slot, labels);
    if (match) found.push({ slot, match });
  }
  return found;
}

/** The first slot holding one of the labels, in reading order, between two slot indexes. */
export function firstLabel(layout: Layout, labels: readonly string[], from = 0, to = Number.POSITIVE_INFINITY): FoundLabel | undefined {
  for (const slot of candidatesFor(layout, labels, from, to)) {
    const match = matchLabel(slot, labels);
    if (match) return { slot, match };
  }
  return undefined;
}
