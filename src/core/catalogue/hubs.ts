// Naming a hub tolerantly: "GLOW", "Glow Maths Hub" and "the GLOW hub" are the same hub.
import { labelKey } from '../text';
import type { Hub } from './schema';

const NOISE = new Set(['the', 'maths', 'math', 'mathematics', 'hub', 'hubs']);

function hubKey(text: string): string {
  return labelKey(text)
    .split(' ')
    .filter((word) => word && !NOISE.has(word))
    .join(' ');
}

/**
 * The hub a piece of text names, or undefined: the hub whose name (or alias) is, word for word, the
 * longest run of whole words in the text. So an exact name wins, and "London Central and West" is not
 * taken for "Central". Between two names of one length, the first in the list.
 */
export function findHub(text: string, hubs: readonly Hub[]): Hub | undefined {
  const wanted = hubKey(text);
  if (!wanted) return undefined; // "the maths hub" names no hub, not one whose name is noise words only
  // Padded once: a long answer copied for every hub name would cost a copy each.
  const padded = ` ${wanted} `;
  let best: { hub: Hub; length: number } | undefined;
  for (const hub of hubs) {
    for (const name of [hub.name, ...hub.aliases]) {
      // A name of noise words only has the key "": "  " is in no padded text that has a word.
      const key = hubKey(name);
      if (padded.includes(` ${key} `) && (!best || key.length > best.length)) best = { hub, length: key.length };
    }
  }
  return best?.hub;
}
