// The Graph v1.0 routes for the site, its lists, their columns and list items.
import {
  builtinColumns,
  comparable,
  facetOf,
  isRecord,
  newColumn,
  normalizeAdminFieldWrite,
  normalizeFieldWrite,
  patchColumn,
  type ColumnDefinition,
  type ListTemplate,
} from './columns';
import {
  decodeSegment,
  graphBase,
  json,
  jsonBody,
  LOCAL_USER,
  noContent,
  siteUrl,
  type Env,
  type StoreRequest,
  type StoreResponse,
} from './context';
import { SITE_DISPLAY_NAME, SITE_HOSTNAME, SITE_ID, SITE_NAME, SITE_PATH, type ItemRecord, type ListRecord } from './db';
import { handleDriveRoute, renderDrive } from './drives';
import { badRequest, GraphError, invalidRequest, methodNotAllowed, nameAlreadyExists, notFound, unknownSegment } from './errors';
import {
  applySelect,
  compareValues,
  decodeSkipToken,
  encodeSkipToken,
  evaluateFilter,
  filterPaths,
  parseExpand,
  parseFilter,
  parseOrderBy,
  parseSelect,
  parseTop,
  type ValueKind,
} from './odata';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export function nonIndexedMessage(field: string): string {
  return `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the '${'Prefer: ' + PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`;
}

/** Routes a request under /v1.0 (other than /$batch). Throws GraphError for Graph error responses. */
export function handleGraph(env: Env, req: StoreRequest): StoreResponse {
  const path = req.path.replace(/%3a/gi, ':');
  if (path === '/sites' || path === '/sites/') {
    if (req.method !== 'GET') throw methodNotAllowed();
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#sites`, value: [renderSite(env)] });
  }
  if (path.startsWith('/sites/')) return siteRoute(env, req, resolveSite(path.slice('/sites/'.length)));
  const drive = /^\/drives\/([^/:]+)(.*)$/.exec(path);
  if (drive) {
    const list = env.store.listByDriveId(decodeSegment(drive[1]!));
    if (!list) throw notFound('The drive could not be found.');
    return handleDriveRoute(env, req, list, drive[2]!);
  }
  const first = path.split('/')[1] ?? '';
  throw unknownSegment(decodeSegment(first));
}

// ---------------------------------------------------------------------------------------------
// Site addressing: /sites/root, /sites/{hostname,siteCollectionId,webId}, /sites/{hostname}:/{path}[:]

function resolveSite(spec: string): string {
  if (spec === 'root' || spec.startsWith('root/')) return spec.slice('root'.length);
  const hostPath = /^([^/,:]+):(.*)$/.exec(spec);
  if (hostPath) {
    const hostname = decodeSegment(hostPath[1]!).toLowerCase();
    let rest = hostPath[2]!;
    const close = rest.indexOf(':');
    const serverRelative = decodeSegment(close === -1 ? rest : rest.slice(0, close)).replace(/\/+$/, '');
    rest = close === -1 ? '' : rest.slice(close + 1);
    if (!isOurHost(hostname) || serverRelative.toLowerCase() !== SITE_PATH) throw notFound('Requested site could not be found');
    return rest;
  }
  const slash = spec.indexOf('/');
  const id = decodeSegment(slash === -1 ? spec : spec.slice(0, slash));
  const rest = slash === -1 ? '' : spec.slice(slash);
  if (id.toLowerCase() === SITE_ID.toLowerCase() || isOurHost(id.toLowerCase())) return rest;
  const parts = id.split(',');
  if (parts.length === 3 && parts.slice(1).every((p) => /^[0-9a-f-]{36}$/i.test(p))) throw notFound('Requested site could not be found');
  throw badRequest(`Invalid hostname for this tenancy: the site id '${id}' is not a valid site identifier.`);
}

function isOurHost(hostname: string): boolean {
  return hostname === SITE_HOSTNAME || hostname === '127.0.0.1';
}

export function renderSite(env: Env): Record<string, unknown> {
  const created = env.store.siteCreated;
  return {
    createdDateTime: created,
    description: 'Local Microsoft Graph list store for Hub Intake',
    id: SITE_ID,
    lastModifiedDateTime: created,
    name: SITE_NAME,
    webUrl: siteUrl(env),
    displayName: SITE_DISPLAY_NAME,
    siteCollection: { hostname: SITE_HOSTNAME },
  };
}

function siteRoute(env: Env, req: StoreRequest, rest: string): StoreResponse {
  if (rest === '' || rest === '/') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const select = parseSelect(req.query.get('$select'));
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#sites/$entity`, ...applySelect(renderSite(env), select) });
  }
  if (rest === '/drive' || rest.startsWith('/drive/') || rest.startsWith('/drive:')) {
    return handleDriveRoute(env, req, env.store.defaultLibrary(), rest.slice('/drive'.length));
  }
  if (rest === '/drives' || rest === '/drives/') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const drives = env.store.lists().filter((l) => l.driveId !== null);
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#drives`, value: drives.map((l) => renderDrive(env, l)) });
  }
  const drive = /^\/drives\/([^/:]+)(.*)$/.exec(rest);
  if (drive) {
    const list = env.store.listByDriveId(decodeSegment(drive[1]!));
    if (!list) throw notFound('The drive could not be found.');
    return handleDriveRoute(env, req, list, drive[2]!);
  }
  const listDrive = /^\/lists\/([^/]+)\/drive(.*)$/.exec(rest);
  if (listDrive && (listDrive[2] === '' || listDrive[2]!.startsWith('/') || listDrive[2]!.startsWith(':'))) {
    const list = findList(env, decodeSegment(listDrive[1]!));
    if (!list.driveId) throw notFound(`The list '${list.displayName}' is not a document library and has no drive.`);
    return handleDriveRoute(env, req, list, listDrive[2]!);
  }
  const segments = rest.split('/').slice(1).map(decodeSegment);
  if (segments[0] !== 'lists') throw unknownSegment(segments[0] ?? '');
  return listsRoute(env, req, segments.slice(1));
}

function findList(env: Env, idOrTitle: string): ListRecord {
  const list = env.store.findList(idOrTitle);
  if (!list) throw notFound(`List '${idOrTitle}' does not exist at site with URL '${siteUrl(env)}'.`);
  return list;
}

// ---------------------------------------------------------------------------------------------
// Lists

function listWebUrl(env: Env, list: ListRecord): string {
  const name = encodeURIComponent(list.name);
  return list.template === 'documentLibrary' ? `${siteUrl(env)}/${name}` : `${siteUrl(env)}/Lists/${name}`;
}

function renderList(env: Env, list: ListRecord): Record<string, unknown> {
  const etag = `"${list.id},${list.version}"`;
  return {
    '@odata.etag': etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(env, list),
    displayName: list.displayName,
    createdBy: { user: LOCAL_USER },
    lastModifiedBy: { user: LOCAL_USER },
    parentReference: { siteId: SITE_ID },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
}

function expandList(env: Env, req: StoreRequest, list: ListRecord): Record<string, unknown> {
  const select = parseSelect(req.query.get('$select'));
  const expand = parseExpand(req.query.get('$expand'));
  const out = applySelect(renderList(env, list), select, expand.map((e) => e.name));
  for (const term of expand) {
    if (term.name === 'columns') out.columns = env.store.columns(list.id).map((c) => applySelect(c, term.select));
    else if (term.name === 'drive') {
      if (list.driveId) out.drive = applySelect(renderDrive(env, list), term.select);
    } else if (term.name === 'items') {
      out.items = env.store.items(list.id).slice(0, DEFAULT_PAGE_SIZE).map((i) => renderItem(env, list, i, { fields: null }));
    } else throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.list'.`);
  }
  return out;
}

/** Applies a $filter to plain resources (lists, columns), resolving "a/b" paths into nested objects. */
function filterResources<T extends Record<string, unknown>>(resources: T[], source: string | null): T[] {
  if (!source) return resources;
  const expr = parseFilter(source);
  return resources.filter((resource) =>
    evaluateFilter(expr, {
      value: (path) => path.split('/').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), resource),
      kind: (path) => {
        const v = path.split('/').reduce<unknown>((acc, key) => (isRecord(acc) ? acc[key] : undefined), resource);
        return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : /DateTime$/.test(path) ? 'dateTime' : 'string';
      },
    }),
  );
}

function urlName(displayName: string, taken: (name: string) => boolean): string {
  const base = displayName.replace(/[~"#%&*:<>?/\\{|}.]/g, '').trim() || 'List';
  let name = base;
  for (let n = 1; taken(name); n++) name = `${base}${n}`;
  return name;
}

const LIST_CREATE_KEYS = new Set(['displayName', 'description', 'columns', 'list', 'name']);

function createList(env: Env, req: StoreRequest): StoreResponse {
  const body = jsonBody(req);
  if (!isRecord(body)) throw invalidRequest('The request body must be a list object.');
  for (const key of Object.keys(body)) {
    if (!LIST_CREATE_KEYS.has(key) && !key.startsWith('@odata.')) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.list'.`);
  }
  if ('name' in body) throw invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest("A list must have a 'displayName'.");
  if (displayName.length > 255) throw invalidRequest('The list displayName is longer than 255 characters.');
  if (body.description !== undefined && typeof body.description !== 'string') throw invalidRequest("The list 'description' must be a string.");
  const info = body.list === undefined ? {} : body.list;
  if (!isRecord(info)) throw invalidRequest("The 'list' property must be an object.");
  const template = (info.template ?? 'genericList') as unknown;
  if (template !== 'genericList' && template !== 'documentLibrary') {
    throw invalidRequest(`The list template '${String(template)}' is not supported by the local store (use 'genericList' or 'documentLibrary').`);
  }
  if (env.store.lists().some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
    throw nameAlreadyExists(`A list, survey, discussion board, or document library with the specified title already exists in this Web site. Please choose another title.`);
  }
  if (body.columns !== undefined && !Array.isArray(body.columns)) throw invalidRequest("The 'columns' property must be an array of columnDefinition.");
  const columns: ColumnDefinition[] = [];
  const known = builtinColumns(template as ListTemplate);
  for (const input of (body.columns ?? []) as unknown[]) columns.push(newColumn(input, [...known, ...columns]));
  const list = env.store.createList({
    displayName,
    name: urlName(displayName, (n) => env.store.isNameTaken(n)),
    description: typeof body.description === 'string' ? body.description : '',
    template: template as ListTemplate,
    columns,
  });
  return json(201, { '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists/$entity`, ...renderList(env, list) });
}

function listsRoute(env: Env, req: StoreRequest, segments: string[]): StoreResponse {
  const [listKey, collection, key, sub, ...extra] = segments;
  if (listKey === undefined || listKey === '') {
    if (req.method === 'POST') return createList(env, req);
    if (req.method !== 'GET') throw methodNotAllowed();
    const lists = env.store.lists();
    const keep = new Set(filterResources(lists.map((l) => renderList(env, l)), req.query.get('$filter')).map((l) => l.id));
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists`,
      value: lists.filter((l) => keep.has(l.id)).map((l) => expandList(env, req, l)),
    });
  }
  const list = findList(env, listKey);
  if (collection === undefined || collection === '') return listRoute(env, req, list);
  if (collection === 'columns') {
    if (sub !== undefined) throw unknownSegment(sub);
    return key === undefined || key === '' ? columnsRoute(env, req, list) : columnRoute(env, req, list, key);
  }
  if (collection === 'items') {
    if (key === undefined || key === '') return itemsRoute(env, req, list);
    if (extra.length > 0) throw unknownSegment(extra[0]!);
    if (sub === undefined || sub === '') return itemRoute(env, req, list, key);
    if (sub === 'fields') return fieldsRoute(env, req, list, key);
    throw unknownSegment(sub);
  }
  if (collection === 'contentTypes' && req.method === 'GET' && key === undefined) {
    return json(200, { value: [{ id: contentTypeId(list), name: list.template === 'documentLibrary' ? 'Document' : 'Item', hidden: false, readOnly: false, sealed: false }] });
  }
  throw unknownSegment(collection);
}

function listRoute(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  if (req.method === 'GET') return json(200, { '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists/$entity`, ...expandList(env, req, list) });
  if (req.method === 'PATCH') {
    const body = jsonBody(req);
    if (!isRecord(body)) throw invalidRequest('The request body must be a list object.');
    const changes: { displayName?: string; description?: string } = {};
    if (body.displayName !== undefined) {
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw invalidRequest("'displayName' must be a non-empty string.");
      const clash = env.store.lists().find((l) => l.id !== list.id && l.displayName.toLowerCase() === String(body.displayName).toLowerCase());
      if (clash) throw nameAlreadyExists('A list with the specified title already exists in this site.');
      changes.displayName = body.displayName;
    }
    if (body.description !== undefined) {
      if (typeof body.description !== 'string') throw invalidRequest("'description' must be a string.");
      changes.description = body.description;
    }
    env.store.updateList(list.id, changes);
    return json(200, renderList(env, env.store.list(list.id)!));
  }
  if (req.method === 'DELETE') {
    if (list.isDefaultLibrary) throw new GraphError(403, 'accessDenied', 'The default document library of the site cannot be deleted.');
    env.store.deleteList(list.id);
    return noContent();
  }
  throw methodNotAllowed();
}

// ---------------------------------------------------------------------------------------------
// Columns

function columnsRoute(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  if (req.method === 'GET') {
    const select = parseSelect(req.query.get('$select'));
    const columns = filterResources(env.store.columns(list.id), req.query.get('$filter'));
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/columns`,
      value: columns.map((c) => applySelect(c, select)),
    });
  }
  if (req.method === 'POST') {
    const column = newColumn(jsonBody(req), env.store.columns(list.id));
    env.store.insertColumn(list.id, column);
    env.store.touchList(list.id);
    return json(201, { '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/columns/$entity`, ...column });
  }
  throw methodNotAllowed();
}

function findColumn(env: Env, list: ListRecord, key: string): ColumnDefinition {
  const columns = env.store.columns(list.id);
  const column = columns.find((c) => c.id.toLowerCase() === key.toLowerCase()) ?? columns.find((c) => c.name === key);
  if (!column) throw notFound(`Column '${key}' does not exist. It may have been deleted by another user.`);
  return column;
}

function columnRoute(env: Env, req: StoreRequest, list: ListRecord, key: string): StoreResponse {
  const column = findColumn(env, list, key);
  if (req.method === 'GET') return json(200, applySelect(column, parseSelect(req.query.get('$select'))));
  if (req.method === 'PATCH') {
    const next = patchColumn(column, jsonBody(req));
    if (next.enforceUniqueValues === true && column.enforceUniqueValues !== true) {
      const seen = new Set<unknown>();
      for (const item of env.store.items(list.id)) {
        const v = item.fields[column.name];
        if (v === undefined || v === null) continue;
        if (seen.has(comparable(v))) throw invalidRequest(`Column '${column.name}' cannot enforce unique values: the list already holds duplicate values.`);
        seen.add(comparable(v));
      }
    }
    env.store.updateColumn(list.id, next);
    env.store.touchList(list.id);
    return json(200, next);
  }
  if (req.method === 'DELETE') {
    if (column.isDeletable === false || column.isSealed === true || column.name === 'Title') {
      throw new GraphError(403, 'accessDenied', `The column '${column.name}' is a system column and cannot be deleted.`);
    }
    env.store.deleteColumn(list.id, column.id);
    for (const item of env.store.items(list.id)) {
      const fields = { ...item.fields };
      delete fields[column.name];
      delete fields[`${column.name}LookupId`];
      env.store.rewriteItemFields(list.id, item.id, fields);
    }
    env.store.touchList(list.id);
    return noContent();
  }
  throw methodNotAllowed();
}

// ---------------------------------------------------------------------------------------------
// List items

function contentTypeId(list: ListRecord): string {
  return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
}

export function itemETag(item: ItemRecord): string {
  return `"${item.guid},${item.version}"`;
}

const BUILTIN_FIELD_ORDER_TAIL = (item: ItemRecord, title: unknown): Record<string, unknown> => ({
  id: String(item.id),
  ContentType: 'Item',
  Modified: item.modified,
  Created: item.created,
  AuthorLookupId: '1',
  EditorLookupId: '1',
  _UIVersionString: `${item.version}.0`,
  Attachments: false,
  Edit: '',
  LinkTitleNoMenu: title ?? '',
  LinkTitle: title ?? '',
  ItemChildCount: '0',
  FolderChildCount: '0',
  _ComplianceFlags: '',
  _ComplianceTag: '',
  _ComplianceTagWrittenTime: '',
  _ComplianceTagUserId: '',
});

/** The fieldValueSet of an item: "@odata.etag", Title, the stored values (empty ones omitted), then the computed fields. */
export function fieldValueSet(columns: readonly ColumnDefinition[], item: ItemRecord, select: string[] | null): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  const title = item.fields.Title;
  if (title !== undefined && title !== null) out.Title = title;
  for (const column of columns) {
    if (column.isSealed === true || column.name === 'Title') continue;
    const facet = facetOf(column);
    const key = facet === 'personOrGroup' || facet === 'lookup' ? `${column.name}LookupId` : column.name;
    const value = item.fields[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  Object.assign(out, BUILTIN_FIELD_ORDER_TAIL(item, title));
  if (!select) return out;
  const wanted = new Set<string>();
  for (const name of select) {
    wanted.add(name.toLowerCase());
    wanted.add(`${name.toLowerCase()}lookupid`);
  }
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(out)) if (key === '@odata.etag' || wanted.has(key.toLowerCase())) picked[key] = value;
  return picked;
}

export function renderItem(env: Env, list: ListRecord, item: ItemRecord, options: { fields: string[] | null | false }): Record<string, unknown> {
  const etag = itemETag(item);
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(env, list)}/DispForm.aspx?ID=${item.id}`,
    createdBy: { user: LOCAL_USER },
    lastModifiedBy: { user: LOCAL_USER },
    parentReference: { id: list.id, siteId: SITE_ID },
    contentType: { id: contentTypeId(list), name: 'Item' },
  };
  if (options.fields !== false) out.fields = fieldValueSet(env.store.columns(list.id), item, options.fields);
  return out;
}

interface ResolvedPath {
  column: string;
  kind: ValueKind;
  indexed: boolean;
  value(item: ItemRecord): unknown;
}

function kindOfColumn(column: ColumnDefinition): ValueKind {
  switch (facetOf(column)) {
    case 'text':
    case 'choice':
      return 'string';
    case 'number':
    case 'currency':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    default:
      return 'other';
  }
}

const ITEM_PROPERTY_ALIASES: Record<string, string> = { id: 'ID', createdDateTime: 'Created', lastModifiedDateTime: 'Modified' };

function resolveItemPath(columns: readonly ColumnDefinition[], path: string): ResolvedPath {
  let name: string;
  if (path.startsWith('fields/')) name = path.slice('fields/'.length);
  else if (ITEM_PROPERTY_ALIASES[path]) name = ITEM_PROPERTY_ALIASES[path]!;
  else throw invalidRequest(`The property '${path}' cannot be used in $filter or $orderby on list items; refer to columns as 'fields/<internal name>'.`);
  if (name === 'id') name = 'ID';
  let column = columns.find((c) => c.name === name);
  let lookupKey: string | null = null;
  if (!column && name.endsWith('LookupId')) {
    const base = columns.find((c) => c.name === name.slice(0, -'LookupId'.length));
    if (base && (facetOf(base) === 'personOrGroup' || facetOf(base) === 'lookup')) {
      column = base;
      lookupKey = name;
    }
  }
  if (!column) throw invalidRequest(`Field '${name}' is not recognized`);
  const found = column;
  const value = (item: ItemRecord): unknown => {
    switch (found.name) {
      case 'ID':
        return item.id;
      case 'Created':
        return item.created;
      case 'Modified':
        return item.modified;
      case 'ContentType':
        return 'Item';
      case 'Attachments':
        return false;
      case 'LinkTitle':
        return item.fields.Title;
      case 'Author':
      case 'Editor':
        return '1';
      default:
        return item.fields[lookupKey ?? found.name];
    }
  };
  return { column: found.name, kind: lookupKey ? 'number' : kindOfColumn(found), indexed: found.indexed === true, value };
}

function prefersNonIndexed(req: StoreRequest): boolean {
  const prefer = req.headers.prefer ?? '';
  return prefer
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes(PREFER_NON_INDEXED.toLowerCase());
}

function itemsRoute(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  if (req.method === 'POST') return createItem(env, req, list);
  if (req.method !== 'GET') throw methodNotAllowed();
  const columns = env.store.columns(list.id);
  const filterSource = req.query.get('$filter');
  const orderSource = req.query.get('$orderby');
  const filter = filterSource ? parseFilter(filterSource) : null;
  const order = orderSource ? parseOrderBy(orderSource) : [];
  const honourNonIndexed = prefersNonIndexed(req);
  const resolved = new Map<string, ResolvedPath>();
  for (const path of [...(filter ? filterPaths(filter) : []), ...order.map((o) => o.path)]) {
    const r = resolveItemPath(columns, path);
    if (!r.indexed && !honourNonIndexed) throw invalidRequest(nonIndexedMessage(r.column));
    resolved.set(path, r);
  }
  let items = env.store.items(list.id);
  if (filter) {
    items = items.filter((item) =>
      evaluateFilter(filter, {
        value: (path) => resolved.get(path)!.value(item),
        kind: (path) => resolved.get(path)!.kind,
      }),
    );
  }
  if (order.length > 0) {
    const coerce = (r: ResolvedPath, v: unknown) => (r.kind === 'dateTime' && typeof v === 'string' ? Date.parse(v) : typeof v === 'string' ? v.toLowerCase() : v);
    items = [...items].sort((a, b) => {
      for (const term of order) {
        const r = resolved.get(term.path)!;
        const c = compareValues(coerce(r, r.value(a)), coerce(r, r.value(b)));
        if (c !== 0) return term.desc ? -c : c;
      }
      return a.id - b.id;
    });
  }
  const top = parseTop(req.query.get('$top'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const token = req.query.get('$skiptoken');
  let offset = 0;
  if (token) {
    const decoded = decodeSkipToken(token);
    if (order.length === 0) items = items.filter((i) => i.id > decoded.lastId);
    else offset = decoded.offset ?? 0;
  }
  const remaining = items.slice(offset);
  const page = remaining.slice(0, top);
  const expand = parseExpand(req.query.get('$expand'));
  const fieldsTerm = expand.find((e) => e.name === 'fields');
  for (const term of expand) if (term.name !== 'fields') throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.listItem'.`);
  const select = parseSelect(req.query.get('$select'));
  const body: Record<string, unknown> = {
    '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items`,
    value: page.map((item) => applySelect(renderItem(env, list, item, { fields: fieldsTerm ? fieldsTerm.select : false }), select, ['fields'])),
  };
  if (remaining.length > top) {
    const last = page[page.length - 1]!;
    // Keep the request's query options as sent (Graph leaves "$" unencoded), swapping in the new $skiptoken.
    const q = req.requestUrl.indexOf('?');
    const base = q === -1 ? req.requestUrl : req.requestUrl.slice(0, q);
    const parts = (q === -1 ? '' : req.requestUrl.slice(q + 1)).split('&').filter((p) => p !== '' && !/^(\$|%24)skiptoken=/i.test(p));
    if (!req.query.has('$top')) parts.push(`$top=${top}`);
    parts.push(`$skiptoken=${encodeSkipToken(last.id, order.length === 0 ? null : offset + page.length)}`);
    body['@odata.nextLink'] = `${base}?${parts.join('&')}`;
  }
  return json(200, body);
}

function itemKey(key: string): number {
  if (!/^[1-9]\d{0,9}$/.test(key)) throw badRequest(`The list item id '${key}' is not valid: list item ids are positive whole numbers.`);
  return Number(key);
}

function findItem(env: Env, list: ListRecord, key: string): ItemRecord {
  const item = env.store.item(list.id, itemKey(key));
  if (!item) throw notFound('Item not found');
  return item;
}

/** If-Match: "*" always matches; otherwise the eTag (quotes and W/ optional) must be the item's current one. */
export function checkIfMatch(req: StoreRequest, current: string): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const norm = (s: string) => s.trim().replace(/^W\//i, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
  if (norm(header) !== norm(current)) {
    throw new GraphError(412, 'preconditionFailed', `The request ETag value '${header}' does not match the object's ETag value '${current}'.`);
  }
}

function enforceUnique(env: Env, list: ListRecord, columns: readonly ColumnDefinition[], fields: Record<string, unknown>, exceptId: number | null): void {
  const unique = columns.filter((c) => c.enforceUniqueValues === true);
  if (unique.length === 0) return;
  const others = env.store.items(list.id).filter((i) => i.id !== exceptId);
  for (const column of unique) {
    const value = fields[column.name];
    if (value === undefined || value === null) continue;
    if (others.some((o) => comparable(o.fields[column.name]) === comparable(value))) {
      throw new GraphError(409, 'nameAlreadyExists', `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`);
    }
  }
}

function merge(current: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

const LIST_ITEM_PROPERTIES = new Set(['id', 'eTag', 'createdDateTime', 'lastModifiedDateTime', 'webUrl', 'createdBy', 'lastModifiedBy', 'parentReference', 'contentType', 'fields', 'sharepointIds', 'name', 'description']);

function itemBodyFields(body: unknown): unknown {
  if (body === undefined) return {};
  if (!isRecord(body)) throw invalidRequest('The request body must be a listItem object.');
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.') || LIST_ITEM_PROPERTIES.has(key)) continue;
    throw badRequest(
      `The property '${key}' does not exist on type 'microsoft.graph.listItem'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    );
  }
  return body.fields ?? {};
}

function createItem(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  const columns = env.store.columns(list.id);
  const { values } = normalizeFieldWrite(columns, itemBodyFields(jsonBody(req)));
  const fields = merge({}, values);
  enforceUnique(env, list, columns, fields, null);
  const item = env.store.insertItem(list.id, fields);
  return json(201, {
    '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items/$entity`,
    ...renderItem(env, list, item, { fields: null }),
  });
}

function updateFields(env: Env, req: StoreRequest, list: ListRecord, item: ItemRecord, input: unknown): ItemRecord {
  checkIfMatch(req, itemETag(item));
  const columns = env.store.columns(list.id);
  const { values } = normalizeFieldWrite(columns, input);
  const fields = merge(item.fields, values);
  enforceUnique(env, list, columns, fields, item.id);
  return env.store.updateItem(list.id, item.id, fields);
}

function itemRoute(env: Env, req: StoreRequest, list: ListRecord, key: string): StoreResponse {
  const item = findItem(env, list, key);
  if (req.method === 'GET') {
    const expand = parseExpand(req.query.get('$expand'));
    const fieldsTerm = expand.find((e) => e.name === 'fields');
    for (const term of expand) if (term.name !== 'fields') throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.listItem'.`);
    const rendered = renderItem(env, list, item, { fields: fieldsTerm ? fieldsTerm.select : false });
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items/$entity`,
      ...applySelect(rendered, parseSelect(req.query.get('$select')), ['fields']),
    });
  }
  if (req.method === 'PATCH') {
    const updated = updateFields(env, req, list, item, itemBodyFields(jsonBody(req)));
    return json(200, renderItem(env, list, updated, { fields: null }));
  }
  if (req.method === 'DELETE') {
    checkIfMatch(req, itemETag(item));
    env.store.deleteItem(list.id, item.id);
    return noContent();
  }
  throw methodNotAllowed();
}

function fieldsRoute(env: Env, req: StoreRequest, list: ListRecord, key: string): StoreResponse {
  const item = findItem(env, list, key);
  const context = `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items('${item.id}')/fields/$entity`;
  if (req.method === 'GET') {
    return json(200, { '@odata.context': context, ...fieldValueSet(env.store.columns(list.id), item, parseSelect(req.query.get('$select'))) });
  }
  if (req.method === 'PATCH') {
    const body = jsonBody(req);
    const updated = updateFields(env, req, list, item, body ?? {});
    return json(200, { '@odata.context': context, ...fieldValueSet(env.store.columns(list.id), updated, null) });
  }
  throw methodNotAllowed();
}

/** Admin bypass: writes fields (hyperlink columns included) as a SharePoint user would through the UI. */
export function adminWriteFields(env: Env, listKey: string, itemKeyText: string, input: unknown): Record<string, unknown> {
  const list = findList(env, listKey);
  const item = findItem(env, list, itemKeyText);
  const columns = env.store.columns(list.id);
  const { values } = normalizeAdminFieldWrite(columns, input);
  const updated = env.store.updateItem(list.id, item.id, merge(item.fields, values));
  return fieldValueSet(columns, updated, null);
}
