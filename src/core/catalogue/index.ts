// The built-in catalogue: hubs and programme templates, validated at load like any hub's own templates.
import { z } from 'zod';
import hubsData from './hubs.json';
import primaryMasteryReadiness2018 from './templates/primary-mastery-readiness-2018.json';
import primaryMasterySpecialist2024 from './templates/primary-mastery-specialist-2024.json';
import secondaryMasterySpecialist2018 from './templates/secondary-mastery-specialist-2018.json';
import secondaryTfmWorkgroupEoi2021 from './templates/secondary-tfm-workgroup-eoi-2021.json';
import { Hub, Template } from './schema';

export interface Catalogue {
  readonly hubs: readonly Hub[];
  readonly templates: readonly Template[];
}

const BUILT_IN_TEMPLATES: readonly unknown[] = [
  secondaryMasterySpecialist2018,
  secondaryTfmWorkgroupEoi2021,
  primaryMasteryReadiness2018,
  primaryMasterySpecialist2024,
];

export class CatalogueError extends Error {
  override name = 'CatalogueError';
  constructor(
    message: string,
    /** The template's source as its loader named it (a file, a list item). */
    readonly source: string,
  ) {
    super(message);
  }
}

/** Validates a template; the error names what is wrong in words a hub manager can act on. */
export function parseTemplate(data: unknown, source: string, hubs: readonly Hub[]): Template {
  const parsed = Template.safeParse(data);
  if (!parsed.success) throw new CatalogueError(`Template ${source} is not valid:\n${z.prettifyError(parsed.error)}`, source);
  const template = parsed.data;
  if (template.hubs !== 'all') {
    const names = new Set(hubs.map((h) => h.name));
    const unknown = template.hubs.filter((h) => !names.has(h));
    if (unknown.length)
      throw new CatalogueError(`Template ${source} names hubs that are not in the hub list: ${unknown.join(', ')}`, source);
  }
  return template;
}

export interface LoadOptions {
  /**
   * Called for a hub template that is not valid, which is then left out. Without it an invalid
   * template is an error: a folder the hub manager named must be right, while one bad item in a
   * shared list must not stop every other form being read.
   */
  readonly onInvalid?: (error: CatalogueError) => void;
}

let builtIn: Catalogue | null = null;

/** The built-in catalogue, validated once. */
function builtInCatalogue(): Catalogue {
  if (builtIn) return builtIn;
  const hubs = z.array(Hub).parse(hubsData);
  builtIn = { hubs, templates: BUILT_IN_TEMPLATES.map((data) => parseTemplate(data, String((data as { id?: unknown }).id), hubs)) };
  return builtIn;
}

/**
 * A hub's own template as loaded (from the site's Form Templates list, a folder of files, the
 * pane's cache), not yet validated: its JSON, and how errors name it (never an applicant's data).
 */
export interface HubTemplate {
  readonly data: unknown;
  readonly source: string;
}

/**
 * A catalogue with a hub's own templates added, each replacing any of the same id (the base's
 * templates are kept as they are, not validated again).
 */
export function withHubTemplates(base: Catalogue, extraTemplates: readonly HubTemplate[], options: LoadOptions = {}): Catalogue {
  const byId = new Map(base.templates.map((t) => [t.id, t]));
  for (const extra of extraTemplates) {
    try {
      const template = parseTemplate(extra.data, extra.source, base.hubs);
      byId.set(template.id, template);
    } catch (error) {
      if (!(error instanceof CatalogueError) || !options.onInvalid) throw error;
      options.onInvalid(error);
    }
  }
  return { hubs: base.hubs, templates: [...byId.values()] };
}

/** The built-in catalogue, with a hub's own templates beside it (theirs win on the same id). */
export function loadCatalogue(extraTemplates: readonly HubTemplate[] = [], options: LoadOptions = {}): Catalogue {
  return withHubTemplates(builtInCatalogue(), extraTemplates, options);
}

export { Hub, Template } from './schema';
export type { Field, FieldType, Signatory, Criterion, Deadline, Column } from './schema';
