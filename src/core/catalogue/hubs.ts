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

/** The hub a piece of text names, or undefined. An exact name wins over a name inside longer text. */
export function findHub(text: string, hubs: readonly Hub[]): Hub | undefined {
  const wanted = hubKey(text);
  if (!wanted) return undefined;
  const padded = ` ${wanted} `; // made once: a long answer copied for every hub name costs a copy each
  let best: { hub: Hub; length: number } | undefined;
  for (const hub of hubs) {
    for (const name of [hub.name, ...hub.aliases]) {
      const key = hubKey(name);
      if (!key) continue;
      if (key === wanted) return hub;
      // "GLOW (Gloucestershire)" or "Archimedes NE, Darlington": the hub's name as whole words inside.
      if (padded.includes(` ${key} `) && (!best || key.length > best.length)) best = { hub, length: key.length };
    }
  }
  return best?.hub;
}
