// A list's items: /sites/{site}/lists/{list}/items (GET with $filter, $orderby, $expand, paging; POST),
// …/items/{id} (GET, PATCH, DELETE) and …/items/{id}/fields (GET, PATCH).
import { facetOf, isRecord, type ColumnDefinition } from '../columns';
import { graphBase, json, jsonBody, LOCAL_USER, noContent, type Env, type StoreRequest, type StoreResponse } from '../context';
import { SITE_ID, type ItemRecord, type ListRecord } from '../db';
import { badRequest, GraphError, invalidRequest, methodNotAllowed, notFound, unknownSegment } from '../errors';
import { contentTypeId, findList, listWebUrl } from '../lists';
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
} from '../odata';
import { comparable, normalizeAdminFieldWrite, normalizeFieldWrite } from '../values';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export function nonIndexedMessage(field: string): string {
  return `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the '${'Prefer: ' + PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`;
}

/** `key` is the item id (undefined or '' for the collection), `sub` what follows it ('fields' or nothing); percent-decoded. */
export function handleItems(
  env: Env,
  req: StoreRequest,
  list: ListRecord,
  key: string | undefined,
  sub: string | undefined,
): StoreResponse {
  if (key === undefined || key === '') return itemsRoute(env, req, list);
  if (sub === undefined || sub === '') return itemRoute(env, req, list, key);
  if (sub === 'fields') return fieldsRoute(env, req, list, key);
  throw unknownSegment(sub);
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

export function renderItem(
  env: Env,
  list: ListRecord,
  item: ItemRecord,
  options: { fields: string[] | null | false },
): Record<string, unknown> {
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
  if (options.fields !== false) out.fields = fieldValueSet(env.db.columns(list.id), item, options.fields);
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
  else
    throw invalidRequest(
      `The property '${path}' cannot be used in $filter or $orderby on list items; refer to columns as 'fields/<internal name>'.`,
    );
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
  const columns = env.db.columns(list.id);
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
  let items = env.db.items(list.id);
  if (filter) {
    items = items.filter((item) =>
      evaluateFilter(filter, {
        value: (path) => resolved.get(path)!.value(item),
        kind: (path) => resolved.get(path)!.kind,
      }),
    );
  }
  if (order.length > 0) {
    const coerce = (r: ResolvedPath, v: unknown) =>
      r.kind === 'dateTime' && typeof v === 'string' ? Date.parse(v) : typeof v === 'string' ? v.toLowerCase() : v;
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
  for (const term of expand)
    if (term.name !== 'fields') throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.listItem'.`);
  const select = parseSelect(req.query.get('$select'));
  const body: Record<string, unknown> = {
    '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items`,
    value: page.map((item) =>
      applySelect(renderItem(env, list, item, { fields: fieldsTerm ? fieldsTerm.select : false }), select, ['fields']),
    ),
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
  const item = env.db.item(list.id, itemKey(key));
  if (!item) throw notFound('Item not found');
  return item;
}

/** If-Match: "*" always matches; otherwise the eTag (quotes and W/ optional) must be the item's current one. */
export function checkIfMatch(req: StoreRequest, current: string): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const norm = (s: string) => s.trim().replace(/^W\//i, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
  if (norm(header) !== norm(current)) {
    throw new GraphError(
      412,
      'preconditionFailed',
      `The request ETag value '${header}' does not match the object's ETag value '${current}'.`,
    );
  }
}

function enforceUnique(
  env: Env,
  list: ListRecord,
  columns: readonly ColumnDefinition[],
  fields: Record<string, unknown>,
  exceptId: number | null,
): void {
  const unique = columns.filter((c) => c.enforceUniqueValues === true);
  if (unique.length === 0) return;
  const others = env.db.items(list.id).filter((i) => i.id !== exceptId);
  for (const column of unique) {
    const value = fields[column.name];
    if (value === undefined || value === null) continue;
    if (others.some((o) => comparable(o.fields[column.name]) === comparable(value))) {
      throw new GraphError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
      );
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

const LIST_ITEM_PROPERTIES = new Set([
  'id',
  'eTag',
  'createdDateTime',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'fields',
  'sharepointIds',
  'name',
  'description',
]);

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
  const columns = env.db.columns(list.id);
  const { values } = normalizeFieldWrite(columns, itemBodyFields(jsonBody(req)));
  const fields = merge({}, values);
  enforceUnique(env, list, columns, fields, null);
  const item = env.db.insertItem(list.id, fields);
  return json(201, {
    '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items/$entity`,
    ...renderItem(env, list, item, { fields: null }),
  });
}

function updateFields(env: Env, req: StoreRequest, list: ListRecord, item: ItemRecord, input: unknown): ItemRecord {
  checkIfMatch(req, itemETag(item));
  const columns = env.db.columns(list.id);
  const { values } = normalizeFieldWrite(columns, input);
  const fields = merge(item.fields, values);
  enforceUnique(env, list, columns, fields, item.id);
  return env.db.updateItem(list.id, item.id, fields);
}

function itemRoute(env: Env, req: StoreRequest, list: ListRecord, key: string): StoreResponse {
  const item = findItem(env, list, key);
  if (req.method === 'GET') {
    const expand = parseExpand(req.query.get('$expand'));
    const fieldsTerm = expand.find((e) => e.name === 'fields');
    for (const term of expand)
      if (term.name !== 'fields') throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.listItem'.`);
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
    env.db.deleteItem(list.id, item.id);
    return noContent();
  }
  throw methodNotAllowed();
}

function fieldsRoute(env: Env, req: StoreRequest, list: ListRecord, key: string): StoreResponse {
  const item = findItem(env, list, key);
  const context = `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/items('${item.id}')/fields/$entity`;
  if (req.method === 'GET') {
    return json(200, { '@odata.context': context, ...fieldValueSet(env.db.columns(list.id), item, parseSelect(req.query.get('$select'))) });
  }
  if (req.method === 'PATCH') {
    const body = jsonBody(req);
    const updated = updateFields(env, req, list, item, body ?? {});
    return json(200, { '@odata.context': context, ...fieldValueSet(env.db.columns(list.id), updated, null) });
  }
  throw methodNotAllowed();
}

/** Admin bypass: writes fields (hyperlink columns included) as a SharePoint user would through the UI. */
export function adminWriteFields(env: Env, listKey: string, itemKeyText: string, input: unknown): Record<string, unknown> {
  const list = findList(env, listKey);
  const item = findItem(env, list, itemKeyText);
  const columns = env.db.columns(list.id);
  const { values } = normalizeAdminFieldWrite(columns, input);
  const updated = env.db.updateItem(list.id, item.id, merge(item.fields, values));
  return fieldValueSet(columns, updated, null);
}
