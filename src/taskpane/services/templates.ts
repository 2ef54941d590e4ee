// The pane's port to the site's "Form Templates" list, and keeping the checker's hub templates in
// step with it. The templates last loaded are kept in the browser's storage, so the next pane
// reads with them at once, before the site has answered.
import type { Template } from '../../core/catalogue/schema';
import type { Checker } from '../worker/checker';
import type { HubTemplate } from '../worker/protocol';

export interface TemplateSaved {
  /** Said when the form's columns could not be added to the Applications list. */
  readonly columnsNote: string | null;
}

/** A template with this id is already on the site. */
export class TemplateAlreadySaved extends Error {
  override name = 'TemplateAlreadySaved';
  constructor(
    readonly eTag: string,
    readonly savedBy: string | null,
    readonly savedAt: string | null,
  ) {
    super('A template with this id is already saved on the site.');
  }
}

export interface TemplateLibrary {
  /** The site's templates; none (and `missing`) when the site has no Form Templates list yet. */
  load(): Promise<{ readonly templates: readonly HubTemplate[]; readonly missing: boolean }>;
  /** Saves a template; replaces the saved one only when given the eTag it was read with. */
  save(template: Template, savedBy: string, replaceETag?: string): Promise<TemplateSaved>;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const CACHE_KEY = 'hub-intake.form-templates';

export interface TemplateSync {
  /** Gives the checker the templates cached from last time, if any (before the first check). */
  useCached(): void;
  /** Loads the site's templates; true when they differ from what the checker had. */
  refresh(library: TemplateLibrary): Promise<boolean>;
  /** A template just saved: the checker uses it from now on. */
  added(template: Template): Promise<void>;
}

export function templateSync(checker: Checker, storage: StorageLike | null): TemplateSync {
  let current: readonly HubTemplate[] = [];
  const remember = (templates: readonly HubTemplate[]) => {
    current = templates;
    try {
      storage?.setItem(CACHE_KEY, JSON.stringify(templates));
    } catch {
      // a full or blocked storage only costs the next pane a wait
    }
  };
  return {
    useCached() {
      try {
        const cached = JSON.parse(storage?.getItem(CACHE_KEY) ?? '[]') as unknown;
        if (Array.isArray(cached) && cached.length) {
          current = cached as HubTemplate[];
          void checker.setTemplates(current).catch(() => undefined);
        }
      } catch {
        // an unreadable cache is the same as none
      }
    },
    async refresh(library) {
      const { templates } = await library.load();
      if (JSON.stringify(templates) === JSON.stringify(current)) return false;
      await checker.setTemplates(templates);
      remember(templates);
      return true;
    },
    async added(template) {
      const others = current.filter((t) => (t.data as { id?: unknown } | null)?.id !== template.id);
      const templates = [...others, { data: template, source: `Form Templates: ${template.id}` }];
      await checker.setTemplates(templates);
      remember(templates);
    },
  };
}
