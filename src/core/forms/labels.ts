// Recognising a form's own label text in a slot, however the applicant's copy of the form
// spaces, punctuates or capitalises it, and what was typed after it in the same place.
import { labelKey } from '../text';
import type { Slot } from './layout';

export interface LabelMatch {
  /** Text that stands after the label in the same slot, separators stripped ('' when none). */
  readonly rest: string;
}

const cache = new Map<string, RegExp>();

/** A pattern matching the label's words at the start of a text, whatever stands between them. */
function labelPattern(label: string): RegExp {
  let pattern = cache.get(label);
  if (!pattern) {
    const words = labelKey(label).split(' ').filter(Boolean);
    const parts = words.map((word) => (word === 'and' ? '(?:and|&)' : word === 'email' ? 'e-?mail' : word.replace(/[^a-z0-9]/g, '')));
    pattern = new RegExp(`^[^\\p{L}\\p{N}]*${parts.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
    cache.set(label, pattern);
  }
  return pattern;
}

/**
 * Whether the slot holds the label: its words first, followed by nothing, by punctuation
 * (a colon, a hint in brackets, a sentence of instructions) or by a line break — not by more
 * words of a longer label ("Name" is not "Name of school").
 */
export function matchLabel(slot: Slot, labels: readonly string[]): LabelMatch | undefined {
  if (!slot.key) return undefined;
  let best: { match: LabelMatch; length: number } | undefined;
  for (const label of labels) {
    const key = labelKey(label);
    if (!key || !slot.key.startsWith(key)) continue;
    if (slot.key.length > key.length && slot.key[key.length] !== ' ') continue;
    const found = labelPattern(label).exec(slot.text);
    if (!found) continue;
    const after = slot.text.slice(found[0].length);
    // More words straight after the label, on the same line, mean a different, longer label.
    if (/^[ ]*[\p{L}\p{N}]/u.test(after) && !/^ {2,}|^\t/.test(after)) continue;
    const rest = after.replace(/^[\s:.\-–—)]+/u, '').trim();
    if (!best || key.length > best.length) best = { match: { rest }, length: key.length };
  }
  return best?.match;
}
