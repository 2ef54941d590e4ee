// `hub-intake provision`: creates the Applications list and the Application Files library, or
// brings them up to date without losing data: missing columns are added, look-up columns indexed,
// new choices added; nothing is deleted and no column changes type (a clash is reported). Views
// and column formatting go through SharePoint's REST API when a client for it is given.
import type { Template } from '../../core/catalogue/schema';
import { APPLICATIONS_LIST, applicationColumns, type ColumnSpec, FILES_LIBRARY } from '../../core/record';
import { ensurePresentation, type PresentationResult, type SharePointRest } from '../sharepoint/rest';
import { type BatchRequest, batchError, runBatch } from './batch';
import { type GraphClient, graphRequest } from './client';
import { listSegment, sitePath } from './target';

/** A column spec as Graph's columnDefinition. */
export function columnDefinition(spec: ColumnSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { name: spec.name, displayName: spec.displayName, description: spec.description };
  switch (spec.kind) {
    case 'text':
      out.text = { allowMultipleLines: false, maxLength: 255 };
      break;
    case 'note':
      out.text = { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 };
      break;
    case 'number':
      out.number = { decimalPlaces: 'automatic', displayAs: 'number' };
      break;
    case 'boolean':
      out.boolean = {};
      break;
    case 'dateTime':
      out.dateTime = { displayAs: 'default', format: 'dateTime' };
      break;
    case 'choice':
      out.choice = { allowTextEntry: false, choices: [...(spec.choices ?? [])], displayAs: 'dropDownMenu' };
      break;
  }
  if (spec.defaultValue !== undefined) out.defaultValue = { value: spec.defaultValue };
  if (spec.indexed || spec.unique) out.indexed = true;
  if (spec.unique) out.enforceUniqueValues = true;
  return out;
}

type GraphColumn = Record<string, unknown> & { id: string; name: string };

const FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;
const facetOf = (column: Record<string, unknown>) => FACETS.find((f) => typeof column[f] === 'object' && column[f] !== null);

/** What must change on an existing column to match its spec (additive only), and whether its type clashes. */
export function columnChanges(spec: ColumnSpec, column: GraphColumn): { patch: Record<string, unknown> | null; clash: string | null } {
  const wanted = columnDefinition(spec);
  const wantedFacet = facetOf(wanted);
  const haveFacet = facetOf(column);
  const multi = (c: Record<string, unknown>) => (c.text as { allowMultipleLines?: boolean } | undefined)?.allowMultipleLines === true;
  if (wantedFacet !== haveFacet || (wantedFacet === 'text' && multi(wanted) !== multi(column))) {
    return { patch: null, clash: `Column ${spec.name} exists as ${haveFacet ?? 'another type'}${multi(column) ? ' (multi-line)' : ''}, not ${spec.kind}; it is left as it is.` };
  }
  const patch: Record<string, unknown> = {};
  if (wanted.indexed === true && column.indexed !== true && !multi(column)) patch.indexed = true;
  if (wanted.enforceUniqueValues === true && column.enforceUniqueValues !== true) patch.enforceUniqueValues = true;
  if (spec.kind === 'choice') {
    const have = ((column.choice as { choices?: string[] } | undefined)?.choices ?? []) as string[];
    const missing = (spec.choices ?? []).filter((c) => !have.includes(c));
    if (missing.length) patch.choice = { ...(column.choice as object), choices: [...have, ...missing] };
  }
  return { patch: Object.keys(patch).length ? patch : null, clash: null };
}

export interface ProvisionResult {
  readonly list: 'created' | 'updated' | 'unchanged';
  readonly library: 'created' | 'unchanged';
  readonly columnsAdded: string[];
  readonly columnsUpdated: string[];
  readonly warnings: string[];
  readonly presentation: PresentationResult | null;
}

export interface ProvisionOptions {
  readonly templates: readonly Template[];
  readonly list?: string;
  readonly library?: string;
  /** SharePoint REST for views and column formatting; without it they are skipped (and said so). */
  readonly sharePoint?: SharePointRest | null;
}

/** Creates or brings up to date the list and library. Running it twice changes nothing the second time. */
export async function provisionApplications(client: GraphClient, site: string, options: ProvisionOptions): Promise<ProvisionResult> {
  const base = sitePath(site);
  const listTitle = options.list ?? APPLICATIONS_LIST;
  const libraryTitle = options.library ?? FILES_LIBRARY;
  const specs = applicationColumns(options.templates).filter((c) => c.name !== 'Title');
  const reads = [
    { id: 'site', method: 'GET' as const, url: `${base}?$select=id,webUrl` },
    { id: 'list', method: 'GET' as const, url: `${base}/lists/${listSegment(listTitle)}?$select=id,displayName&$expand=columns` },
    { id: 'library', method: 'GET' as const, url: `${base}/lists/${listSegment(libraryTitle)}?$select=id,displayName&$expand=drive($select=id)` },
  ];
  const found = await runBatch(client, reads);
  for (const r of reads) {
    const response = found.get(r.id)!;
    if (response.status >= 400 && !(response.status === 404 && r.id !== 'site')) throw batchError(r, response);
  }
  const siteId = (found.get('site')!.body as { id: string }).id;
  const sitePrefix = `/sites/${encodeURIComponent(siteId)}`;
  const warnings: string[] = [];
  const columnsAdded: string[] = [];
  const columnsUpdated: string[] = [];
  let list: ProvisionResult['list'] = 'unchanged';
  let library: ProvisionResult['library'] = 'unchanged';

  const writes: BatchRequest[] = [];
  const existing = found.get('list')!;
  if (existing.status === 404) {
    writes.push({
      id: 'createList',
      method: 'POST',
      url: `${sitePrefix}/lists`,
      body: { displayName: listTitle, description: 'Applications filed by Hub Intake: one item per email.', list: { template: 'genericList' }, columns: specs.map(columnDefinition) },
    });
    list = 'created';
    columnsAdded.push(...specs.map((s) => s.name));
  } else {
    const body = existing.body as { id: string; columns: GraphColumn[] };
    const columns = new Map(body.columns.map((c) => [c.name.toLowerCase(), c] as const));
    const listItems = `${sitePrefix}/lists/${body.id}/columns`;
    for (const spec of specs) {
      const column = columns.get(spec.name.toLowerCase());
      if (!column) {
        writes.push({ id: `add-${spec.name}`, method: 'POST', url: listItems, body: columnDefinition(spec) });
        columnsAdded.push(spec.name);
        continue;
      }
      const { patch, clash } = columnChanges(spec, column);
      if (clash) warnings.push(clash);
      if (patch) {
        writes.push({ id: `patch-${spec.name}`, method: 'PATCH', url: `${listItems}/${column.id}`, body: patch });
        columnsUpdated.push(spec.name);
      }
    }
    if (writes.length) list = 'updated';
  }
  if (found.get('library')!.status === 404) {
    writes.push({ id: 'createLibrary', method: 'POST', url: `${sitePrefix}/lists`, body: { displayName: libraryTitle, description: 'The forms and emails filed by Hub Intake.', list: { template: 'documentLibrary' } } });
    library = 'created';
  }
  if (writes.length) {
    const done = await runBatch(client, writes);
    for (const w of writes) {
      const response = done.get(w.id)!;
      if (response.status < 400) continue;
      // A unique constraint cannot be added while duplicates exist: say so, keep the rest.
      if (w.id.startsWith('patch-') && (w.body as Record<string, unknown>).enforceUniqueValues) {
        warnings.push(`Could not make ${w.id.slice(6)} unique (${response.status}): the list may already hold duplicates.`);
        continue;
      }
      throw batchError(w, response);
    }
  }

  let presentation: PresentationResult | null = null;
  if (options.sharePoint) presentation = await ensurePresentation(options.sharePoint, listTitle);
  else warnings.push('Views and column formatting were not set: they need SharePoint REST access (see the README).');
  return { list, library, columnsAdded, columnsUpdated, warnings, presentation };
}

/** The site's web URL (for SharePoint REST). */
export async function siteWebUrl(client: GraphClient, site: string): Promise<string> {
  const body = await graphRequest<{ webUrl: string }>(client, 'GET', `${sitePath(site)}?$select=webUrl`);
  return body.webUrl;
}
