// `hub-intake provision`: creates the Applications list, the Application Files library and the
// Form Templates list, or brings them up to date without losing data: missing columns are added,
// look-up columns indexed, new choices added; nothing is deleted and no column changes type (a
// clash is reported). Saving a template adds its form's columns through the same code
// (planColumns, applyWrites). Views and column formatting go through SharePoint's REST API when a
// client for it is given.
import type { Template } from '../../core/catalogue/schema';
import { APPLICATIONS_LIST, applicationColumns, type ColumnSpec, FILES_LIBRARY, TEXT_MAX } from '../../core/record';
import { TEMPLATE_COLUMNS, TEMPLATES_LIST } from '../../core/templates-list';
import { type BatchRequest, type BatchResponse, batchError, runBatch } from './batch';
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

export type GraphColumn = Record<string, unknown> & { id: string; name: string; displayName?: string };

const FACETS = ['text', 'number', 'boolean', 'dateTime', 'choice'] as const;
const facetOf = (column: Record<string, unknown>) => FACETS.find((f) => typeof column[f] === 'object' && column[f] !== null);

/** What must change on an existing column to match its spec (additive only), and whether its type clashes. */
export function columnChanges(spec: ColumnSpec, column: GraphColumn): { patch: Record<string, unknown> | null; clash: string | null } {
  const wanted = columnDefinition(spec);
  const wantedFacet = facetOf(wanted);
  const haveFacet = facetOf(column);
  const multi = (c: Record<string, unknown>) => (c.text as { allowMultipleLines?: boolean } | undefined)?.allowMultipleLines === true;
  if (wantedFacet !== haveFacet || (wantedFacet === 'text' && multi(wanted) !== multi(column))) {
    return {
      patch: null,
      clash: `Column ${spec.name} exists as ${haveFacet ?? 'another type'}${multi(column) ? ' (multi-line)' : ''}, not ${spec.kind}; it is left as it is.`,
    };
  }
  const patch: Record<string, unknown> = {};
  if (wanted.indexed === true && column.indexed !== true && !multi(column)) patch.indexed = true;
  if (wanted.enforceUniqueValues === true && column.enforceUniqueValues !== true) patch.enforceUniqueValues = true;
  if (spec.kind === 'choice') {
    const have = (column.choice as { choices?: string[] } | undefined)?.choices ?? [];
    const missing = (spec.choices ?? []).filter((c) => !have.includes(c));
    if (missing.length) patch.choice = { ...(column.choice as object), choices: [...have, ...missing] };
  }
  return { patch: Object.keys(patch).length ? patch : null, clash: null };
}

type ListStatus = 'created' | 'updated' | 'unchanged';

/** A write of provisioning, and what to say instead of failing when it is refused. */
interface Write {
  readonly request: BatchRequest;
  /** A column this write adds or changes. */
  readonly column?: { readonly name: string; readonly change: 'add' | 'patch' };
  /** A warning for a refusal worth going on from; null means the refusal is an error. */
  readonly refused?: (status: number) => string | null;
}

/**
 * The writes that bring a list's columns up to their specs, additive only: a missing column is
 * added (its display name told apart when another column has it, which SharePoint refuses), indexes
 * and choices are added, and a column of another type is reported as a clash and left alone.
 */
export function planColumns(
  columnsUrl: string,
  idPrefix: string,
  specs: readonly ColumnSpec[],
  existing: readonly GraphColumn[],
): { writes: Write[]; clashes: string[] } {
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c] as const));
  const displayNames = new Set(existing.map((c) => String(c.displayName ?? c.name).toLowerCase()));
  const writes: Write[] = [];
  const clashes: string[] = [];
  for (const spec of specs) {
    const column = byName.get(spec.name.toLowerCase());
    if (!column) {
      let displayName = spec.displayName;
      if (displayNames.has(displayName.toLowerCase()))
        displayName = `${displayName.slice(0, TEXT_MAX - spec.name.length - 3)} (${spec.name})`;
      displayNames.add(displayName.toLowerCase());
      writes.push({
        request: { id: `${idPrefix}-add-${spec.name}`, method: 'POST', url: columnsUrl, body: columnDefinition({ ...spec, displayName }) },
        column: { name: spec.name, change: 'add' },
        // Someone added a column so named (or so displayed) since the read: report it, keep the rest.
        refused: (status) =>
          status === 409 ? `Column ${spec.name} could not be added: the list already has a column with its name or display name.` : null,
      });
      continue;
    }
    const { patch, clash } = columnChanges(spec, column);
    if (clash) clashes.push(clash);
    if (!patch) continue;
    writes.push({
      request: { id: `${idPrefix}-patch-${spec.name}`, method: 'PATCH', url: `${columnsUrl}/${column.id}`, body: patch },
      column: { name: spec.name, change: 'patch' },
      // A unique constraint cannot be added while duplicates exist: say so, keep the rest.
      refused: (status) =>
        patch.enforceUniqueValues ? `Could not make ${spec.name} unique (${status}): the list may already hold duplicates.` : null,
    });
  }
  return { writes, clashes };
}

/** Runs writes in batches; a refusal worth going on from becomes a warning, any other is thrown. */
export async function applyWrites(
  client: GraphClient,
  writes: readonly Write[],
): Promise<{ warnings: string[]; refused: ReadonlySet<string> }> {
  const warnings: string[] = [];
  const refused = new Set<string>();
  if (!writes.length) return { warnings, refused };
  const done = await runBatch(
    client,
    writes.map((w) => w.request),
  );
  for (const w of writes) {
    const response = done.get(w.request.id)!;
    if (response.status < 400) continue;
    const warning = w.refused?.(response.status) ?? null;
    if (warning === null) throw batchError(w.request, response);
    warnings.push(warning);
    refused.add(w.request.id);
  }
  return { warnings, refused };
}

/** The columns a list's writes added and changed (those refused left out). */
function columnsChanged(writes: readonly Write[], refused: ReadonlySet<string>, change: 'add' | 'patch'): string[] {
  return writes.filter((w) => w.column?.change === change && !refused.has(w.request.id)).map((w) => w.column!.name);
}

interface ListPlan {
  readonly status: ListStatus;
  readonly writes: Write[];
  readonly clashes: string[];
  /** For a list created here: its columns. */
  readonly created: string[];
}

/** Creates a generic list with its columns, or plans the column writes of the one there. */
function planList(
  sitePrefix: string,
  found: BatchResponse,
  idPrefix: string,
  title: string,
  description: string,
  specs: readonly ColumnSpec[],
): ListPlan {
  if (found.status === 404) {
    const request: BatchRequest = {
      id: `${idPrefix}-create`,
      method: 'POST',
      url: `${sitePrefix}/lists`,
      body: { displayName: title, description, list: { template: 'genericList' }, columns: specs.map(columnDefinition) },
    };
    return { status: 'created', writes: [{ request }], clashes: [], created: specs.map((s) => s.name) };
  }
  const body = found.body as { id: string; columns: GraphColumn[] };
  const { writes, clashes } = planColumns(`${sitePrefix}/lists/${body.id}/columns`, idPrefix, specs, body.columns);
  return { status: writes.length ? 'updated' : 'unchanged', writes, clashes, created: [] };
}

export interface ListChanges {
  readonly status: ListStatus;
  readonly columnsAdded: string[];
  readonly columnsUpdated: string[];
}

export interface ProvisionResult {
  readonly list: ListStatus;
  readonly library: 'created' | 'unchanged';
  readonly columnsAdded: string[];
  readonly columnsUpdated: string[];
  /** The Form Templates list, where hub managers save their templates for everyone. */
  readonly templatesList: ListChanges;
  readonly warnings: string[];
  readonly presentation: PresentationResult | null;
}

/** What setting the list's views and column formatting did (SharePoint REST, outside Graph). */
export interface PresentationResult {
  readonly viewsCreated: string[];
  readonly formattersSet: string[];
}

export interface ProvisionOptions {
  readonly templates: readonly Template[];
  readonly list?: string;
  readonly library?: string;
  /**
   * Sets the list's views and column formatting (the SharePoint REST adapter's ensurePresentation,
   * wired by the entry); without it they are skipped (and said so).
   */
  readonly presentation?: ((listTitle: string) => Promise<PresentationResult>) | null;
}

/**
 * Creates or brings up to date the Applications list, the library and the Form Templates list:
 * one batch of reads, then the writes batched (20 to a batch). Running it twice writes nothing the
 * second time.
 */
export async function provisionApplications(client: GraphClient, site: string, options: ProvisionOptions): Promise<ProvisionResult> {
  const base = sitePath(site);
  const listTitle = options.list ?? APPLICATIONS_LIST;
  const libraryTitle = options.library ?? FILES_LIBRARY;
  const specs = applicationColumns(options.templates).filter((c) => c.name !== 'Title');
  const reads = [
    { id: 'site', method: 'GET' as const, url: `${base}?$select=id,webUrl` },
    { id: 'list', method: 'GET' as const, url: `${base}/lists/${listSegment(listTitle)}?$select=id,displayName&$expand=columns` },
    {
      id: 'library',
      method: 'GET' as const,
      url: `${base}/lists/${listSegment(libraryTitle)}?$select=id,displayName&$expand=drive($select=id)`,
    },
    { id: 'templates', method: 'GET' as const, url: `${base}/lists/${listSegment(TEMPLATES_LIST)}?$select=id,displayName&$expand=columns` },
  ];
  const found = await runBatch(client, reads);
  for (const r of reads) {
    const response = found.get(r.id)!;
    if (response.status >= 400 && !(response.status === 404 && r.id !== 'site')) throw batchError(r, response);
  }
  const siteId = (found.get('site')!.body as { id: string }).id;
  const sitePrefix = `/sites/${encodeURIComponent(siteId)}`;

  const applications = planList(
    sitePrefix,
    found.get('list')!,
    'a',
    listTitle,
    'Applications filed by Hub Intake: one item per email.',
    specs,
  );
  const templates = planList(
    sitePrefix,
    found.get('templates')!,
    't',
    TEMPLATES_LIST,
    'Form templates saved by hub managers (hub-intake template --save), used beside the built-in ones.',
    TEMPLATE_COLUMNS,
  );
  const library: Write[] = [];
  if (found.get('library')!.status === 404) {
    library.push({
      request: {
        id: 'createLibrary',
        method: 'POST',
        url: `${sitePrefix}/lists`,
        body: {
          displayName: libraryTitle,
          description: 'The forms and emails filed by Hub Intake.',
          list: { template: 'documentLibrary' },
        },
      },
    });
  }
  const { warnings, refused } = await applyWrites(client, [...applications.writes, ...library, ...templates.writes]);
  warnings.unshift(...applications.clashes, ...templates.clashes);
  const changes = (plan: ListPlan): ListChanges => ({
    status: plan.status,
    columnsAdded: plan.status === 'created' ? plan.created : columnsChanged(plan.writes, refused, 'add'),
    columnsUpdated: columnsChanged(plan.writes, refused, 'patch'),
  });
  const applicationsChanged = changes(applications);

  let presentation: PresentationResult | null = null;
  if (options.presentation) presentation = await options.presentation(listTitle);
  else warnings.push('Views and column formatting were not set: they need SharePoint REST access (see the README).');
  return {
    list: applicationsChanged.status,
    library: library.length ? 'created' : 'unchanged',
    columnsAdded: applicationsChanged.columnsAdded,
    columnsUpdated: applicationsChanged.columnsUpdated,
    templatesList: changes(templates),
    warnings,
    presentation,
  };
}

/** The site's web URL (for SharePoint REST). */
export async function siteWebUrl(client: GraphClient, site: string): Promise<string> {
  const body = await graphRequest<{ webUrl: string }>(client, 'GET', `${sitePath(site)}?$select=webUrl`);
  return body.webUrl;
}
