// Which programme's form a document is: the share of the template's labels found in it,
// and whether its title is there.
import type { Template } from '../catalogue/schema';
import type { Layout } from './layout';
import { firstLabel } from './labels';
import { templateKey } from '../text';

export interface Identification {
  readonly template: Template | undefined;
  readonly confidence: number;
}

/** Below this, a document that carries the form's title is not taken for the form. */
export const MIN_CONFIDENCE = 0.5;
/**
 * Without the form's title, most of its labels must be there: forms of one house style share many
 * labels ("Name of school", "School URN", "Maths Hub"), and another programme's form is no match.
 */
export const MIN_CONFIDENCE_UNTITLED = 0.72;

export function identifyForm(templates: readonly Template[], layout: Layout): Identification {
  let best: Identification = { template: undefined, confidence: 0 };
  let bestTitled = false;
  for (const template of templates) {
    if (!template.fields.length) continue;
    const { confidence, titled } = scoreTemplate(template, layout);
    if (confidence > best.confidence) {
      best = { template, confidence };
      bestTitled = titled;
    }
  }
  const accepted = best.confidence >= (bestTitled ? MIN_CONFIDENCE : MIN_CONFIDENCE_UNTITLED);
  return accepted ? best : { template: undefined, confidence: best.confidence };
}

function scoreTemplate(template: Template, layout: Layout): { confidence: number; titled: boolean } {
  // Each distinct label counts once, however many fields share it.
  const groups = new Map<string, string[]>();
  for (const field of template.fields) {
    const labels = [field.label, ...field.aliases, ...(field.columns?.[0] ? [field.columns[0].label] : [])];
    groups.set(templateKey(field.label), labels);
  }
  for (const section of template.sections) groups.set(templateKey(section), [section]);
  let found = 0;
  for (const labels of groups.values()) if (firstLabel(layout, labels)) found++;
  const labelShare = groups.size ? found / groups.size : 0;
  const titles = template.identify.map(templateKey).filter(Boolean);
  const titled = titles.some((title) => layout.slots.some((slot) => slot.key.includes(title)));
  return { confidence: Math.round((0.8 * labelShare + (titled ? 0.2 : 0)) * 100) / 100, titled };
}
