// The site's "Form Templates" list: hub managers save a template there once and every hub manager's
// checks and filing use it. One item per template id (the TemplateId column is unique), the
// template as JSON in the Template column.
//
// Saving happens exactly once: a POST whose answer was lost is sent again, and the unique column
// refuses a second item (409); a replace is a PATCH with If-Match, so a lost answer sent again gets
// 412. Either way the item is read again, and if it holds what we sent, it was our own save.
import type { HubTemplate } from '../../core/catalogue';
import type { Template } from '../../core/catalogue/schema';
import { applicationColumns, TEXT_MAX } from '../../core/record';
import { NOTE_MAX, templateFields, TEMPLATES_LIST } from '../../core/templates-list';
import { type GraphClient, graphRequest } from './client';
import { isStatus, TransportError } from '../wire/errors';
import { odataString } from '../wire/odata';
import { applyWrites, type GraphColumn, planColumns } from './provision';
import { listSegment, sitePath, TargetError } from './target';

export { TEMPLATES_LIST } from '../../core/templates-list';

/**
 * A hub template as saved in the site's Form Templates list: `data` is the Template column parsed
 * as JSON (undefined when it is not JSON), `source` names it as 'Form Templates item 3'.
 */
export interface SiteTemplate extends HubTemplate {
  readonly itemId: string;
  readonly eTag: string;
  /** The TemplateId column. */
  readonly templateId: string;
  /** The SavedBy column. */
  readonly savedBy: string | null;
  /** The item's lastModifiedDateTime. */
  readonly savedAt: string | null;
}

export class TemplatesListMissing extends Error {
  override name = 'TemplatesListMissing';
  constructor() {
    super(`The site has no "${TEMPLATES_LIST}" list yet: run \`hub-intake provision\`.`);
  }
}

/** A template with this id is saved already; `current` is that item (who saved it is there, never in the message). */
export class TemplateExists extends Error {
  override name = 'TemplateExists';
  constructor(readonly current: SiteTemplate) {
    super(
      `A template with the id ${current.templateId} is already saved in the "${TEMPLATES_LIST}" list (${current.source}): review it, and replace it to save this one over it.`,
    );
  }
}

/** The template's JSON is longer than a multi-line text column holds. */
export class TemplateTooLarge extends Error {
  override name = 'TemplateTooLarge';
  constructor(
    readonly templateId: string,
    readonly characters: number,
  ) {
    super(
      `The template ${templateId} is ${characters.toLocaleString('en-GB')} characters as JSON; the "${TEMPLATES_LIST}" list holds at most ${NOTE_MAX.toLocaleString('en-GB')}.`,
    );
  }
}

interface Item {
  id: string;
  eTag?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
}

interface Page {
  value: Item[];
  '@odata.nextLink'?: string;
}

/** Only what a SiteTemplate needs. */
const SELECT = '$select=id,eTag,lastModifiedDateTime&$expand=fields($select=TemplateId,Template,SavedBy)';
/** Enough for every template of a hub in one page. */
const PAGE_SIZE = 100;

const itemsPath = (siteId: string) => `${sitePath(siteId)}/lists/${listSegment(TEMPLATES_LIST)}/items`;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const byItemId = (a: SiteTemplate, b: SiteTemplate) => Number(a.itemId) - Number(b.itemId);

function siteTemplate(item: Item): SiteTemplate {
  const fields = item.fields ?? {};
  let data: unknown = undefined;
  if (typeof fields.Template === 'string') {
    try {
      data = JSON.parse(fields.Template);
    } catch {
      // left undefined: the catalogue reports this item as not valid, and the others are used
    }
  }
  return {
    itemId: String(item.id),
    eTag: item.eTag ?? text(fields['@odata.etag']) ?? '',
    templateId: text(fields.TemplateId) ?? '',
    data,
    source: `${TEMPLATES_LIST} item ${item.id}`,
    savedBy: text(fields.SavedBy),
    savedAt: item.lastModifiedDateTime ?? text(fields.Modified),
  };
}

/** A 404 from the list's items means the list is not there. */
function listMissingOr(error: unknown): unknown {
  return isStatus(error, 404) ? new TemplatesListMissing() : error;
}

/** Every template saved on the site, oldest item first. One round trip unless there are more than a page. */
export async function loadSiteTemplates(client: GraphClient, siteId: string): Promise<SiteTemplate[]> {
  const out: SiteTemplate[] = [];
  let next: string | undefined = `${itemsPath(siteId)}?${SELECT}&$top=${PAGE_SIZE}`;
  try {
    while (next) {
      const page: Page = await graphRequest<Page>(client, 'GET', next);
      out.push(...page.value.map(siteTemplate));
      next = page['@odata.nextLink'];
    }
  } catch (error) {
    throw listMissingOr(error);
  }
  return out.sort(byItemId);
}

/** The item holding this template id, by the indexed TemplateId column. */
async function findTemplate(client: GraphClient, siteId: string, templateId: string): Promise<SiteTemplate | null> {
  const filter = `fields/TemplateId eq ${odataString(templateId)}`;
  try {
    const page = await graphRequest<Page>(client, 'GET', `${itemsPath(siteId)}?${SELECT}&$filter=${encodeURIComponent(filter)}&$top=2`);
    return page.value.map(siteTemplate).sort(byItemId)[0] ?? null;
  } catch (error) {
    throw listMissingOr(error);
  }
}

export interface SaveOptions {
  /** Who saves it (the SavedBy column). */
  readonly savedBy: string;
  /** Save over the template saved with this id, if it is still as read (its eTag). */
  readonly replace?: { readonly eTag: string };
}

/**
 * Saves a template to the Form Templates list. A template with the same id already there is a
 * TemplateExists (with the item as it is), unless `replace` carries its current eTag; if it has
 * changed since, TemplateExists again, with the item as it is now.
 */
export async function saveSiteTemplate(
  client: GraphClient,
  siteId: string,
  template: Template,
  options: SaveOptions,
): Promise<SiteTemplate> {
  const fields = templateFields(template, options.savedBy);
  if (fields.Template!.length > NOTE_MAX) throw new TemplateTooLarge(template.id, fields.Template!.length);
  if (template.id.length > TEXT_MAX) throw new Error(`The template id ${template.id.slice(0, 40)}… is longer than ${TEXT_MAX} characters.`);
  // What we sent, read back: a save whose answer was lost, not someone else's.
  const ours = (t: SiteTemplate) =>
    t.data !== undefined && JSON.stringify(t.data) === fields.Template && (t.savedBy ?? '') === fields.SavedBy;

  const current = await findTemplate(client, siteId, template.id);
  if (current && !options.replace) throw new TemplateExists(current);
  if (current) {
    const replaced = await replaceTemplate(client, siteId, current, options.replace!.eTag, fields, ours);
    if (replaced) return replaced;
  }
  return createTemplate(client, siteId, template.id, fields, ours);
}

async function createTemplate(
  client: GraphClient,
  siteId: string,
  templateId: string,
  fields: Record<string, string>,
  ours: (t: SiteTemplate) => boolean,
): Promise<SiteTemplate> {
  for (let attempt = 1; ; attempt++) {
    try {
      const item = await graphRequest<Item>(client, 'POST', itemsPath(siteId), { body: { fields } });
      return siteTemplate({ ...item, fields: item.fields ?? fields });
    } catch (error) {
      // No answer: the item may have been made. Sending it again cannot make a second one (409).
      if (error instanceof TransportError && attempt <= client.retry.maxRetries) continue;
      if (!isStatus(error, 409)) throw listMissingOr(error);
      const now = await findTemplate(client, siteId, templateId);
      if (!now) throw error;
      if (ours(now)) return now;
      throw new TemplateExists(now);
    }
  }
}

/** PATCH with If-Match; null when the item has gone meanwhile (then it is created afresh). */
async function replaceTemplate(
  client: GraphClient,
  siteId: string,
  current: SiteTemplate,
  eTag: string,
  fields: Record<string, string>,
  ours: (t: SiteTemplate) => boolean,
): Promise<SiteTemplate | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      const body = await graphRequest<Record<string, unknown>>(
        client,
        'PATCH',
        `${itemsPath(siteId)}/${encodeURIComponent(current.itemId)}/fields`,
        {
          body: fields,
          headers: { 'If-Match': eTag },
        },
      );
      return siteTemplate({ id: current.itemId, fields: { ...fields, ...body } });
    } catch (error) {
      // No answer: sent again with the same eTag, it gets 412 if the first one went through.
      if (error instanceof TransportError && attempt <= client.retry.maxRetries) continue;
      if (!isStatus(error, 412, 404)) throw error;
      const now = await findTemplate(client, siteId, current.templateId);
      if (!now) return null;
      if (ours(now)) return now;
      throw new TemplateExists(now);
    }
  }
}

/**
 * Adds to the Applications list the form-field columns these templates need and it lacks (the
 * same code as `hub-intake provision`): additive only; a column there with another type is
 * reported in `clashes`, never changed. `siteId` and `listId` may also be the site reference and
 * list title the commands take.
 */
export async function addFormColumns(
  client: GraphClient,
  siteId: string,
  listId: string,
  templates: readonly Template[],
): Promise<{ added: string[]; clashes: string[] }> {
  const base = sitePath(siteId);
  let list: { id: string; columns: GraphColumn[] };
  try {
    list = await graphRequest(client, 'GET', `${base}/lists/${listSegment(listId)}?$select=id&$expand=columns`);
  } catch (error) {
    if (isStatus(error, 404)) throw new TargetError(`The list "${listId}" is not on the site yet: run \`hub-intake provision\` first.`);
    throw error;
  }
  const specs = applicationColumns(templates).filter((c) => c.formField);
  const { writes, clashes } = planColumns(`${base}/lists/${list.id}/columns`, 'c', specs, list.columns);
  const { warnings, refused } = await applyWrites(client, writes);
  const added = writes.filter((w) => w.column?.change === 'add' && !refused.has(w.request.id)).map((w) => w.column!.name);
  return { added, clashes: [...clashes, ...warnings] };
}
