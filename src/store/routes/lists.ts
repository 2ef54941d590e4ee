// Lists: /sites/{site}/lists (GET, POST) and /sites/{site}/lists/{list} (GET, PATCH, DELETE); a list's
// columns and items are routed on to their own routers.
import { builtinColumns, isRecord, newColumn, type ColumnDefinition } from '../columns';
import { graphBase, json, jsonBody, LOCAL_USER, noContent, type Env, type StoreRequest, type StoreResponse } from '../context';
import { SITE_ID, type ListRecord } from '../db';
import { renderDrive } from '../drive-items';
import { badRequest, GraphError, invalidRequest, methodNotAllowed, nameAlreadyExists, unknownSegment } from '../errors';
import { contentTypeId, findList, listWebUrl } from '../lists';
import { applySelect, filterResources, parseExpand, parseSelect } from '../odata';
import { handleColumns } from './columns';
import { DEFAULT_PAGE_SIZE, handleItems, renderItem } from './items';

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
  const out = applySelect(
    renderList(env, list),
    select,
    expand.map((e) => e.name),
  );
  for (const term of expand) {
    if (term.name === 'columns') out.columns = env.db.columns(list.id).map((c) => applySelect(c, term.select));
    else if (term.name === 'drive') {
      if (list.driveId) out.drive = applySelect(renderDrive(env, list), term.select);
    } else if (term.name === 'items') {
      out.items = env.db
        .items(list.id)
        .slice(0, DEFAULT_PAGE_SIZE)
        .map((i) => renderItem(env, list, i, { fields: null }));
    } else throw badRequest(`Could not find a property named '${term.name}' on type 'microsoft.graph.list'.`);
  }
  return out;
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
    if (!LIST_CREATE_KEYS.has(key) && !key.startsWith('@odata.'))
      throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.list'.`);
  }
  if ('name' in body)
    throw invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest("A list must have a 'displayName'.");
  if (displayName.length > 255) throw invalidRequest('The list displayName is longer than 255 characters.');
  if (body.description !== undefined && typeof body.description !== 'string')
    throw invalidRequest("The list 'description' must be a string.");
  const info = body.list === undefined ? {} : body.list;
  if (!isRecord(info)) throw invalidRequest("The 'list' property must be an object.");
  const template = (info.template ?? 'genericList') as unknown;
  if (template !== 'genericList' && template !== 'documentLibrary') {
    throw invalidRequest(
      `The list template '${String(template)}' is not supported by the local store (use 'genericList' or 'documentLibrary').`,
    );
  }
  if (env.db.lists().some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) {
    throw nameAlreadyExists(
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site. Please choose another title.`,
    );
  }
  if (body.columns !== undefined && !Array.isArray(body.columns))
    throw invalidRequest("The 'columns' property must be an array of columnDefinition.");
  const columns: ColumnDefinition[] = [];
  const known = builtinColumns(template);
  for (const input of (body.columns ?? []) as unknown[]) columns.push(newColumn(input, [...known, ...columns]));
  const list = env.db.createList({
    displayName,
    name: urlName(displayName, (n) => env.db.isNameTaken(n)),
    description: typeof body.description === 'string' ? body.description : '',
    template,
    columns,
  });
  return json(201, { '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists/$entity`, ...renderList(env, list) });
}

/** /sites/{site}/lists and below: the segments after "lists", percent-decoded. */
export function handleLists(env: Env, req: StoreRequest, segments: string[]): StoreResponse {
  const [listKey, collection, key, sub, ...extra] = segments;
  if (listKey === undefined || listKey === '') {
    if (req.method === 'POST') return createList(env, req);
    if (req.method !== 'GET') throw methodNotAllowed();
    const lists = env.db.lists();
    const keep = new Set(
      filterResources(
        lists.map((l) => renderList(env, l)),
        req.query.get('$filter'),
      ).map((l) => l.id),
    );
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists`,
      value: lists.filter((l) => keep.has(l.id)).map((l) => expandList(env, req, l)),
    });
  }
  const list = findList(env, listKey);
  if (collection === undefined || collection === '') return listRoute(env, req, list);
  if (collection === 'columns') {
    if (sub !== undefined) throw unknownSegment(sub);
    return handleColumns(env, req, list, key);
  }
  if (collection === 'items') {
    if (extra.length > 0) throw unknownSegment(extra[0]!);
    return handleItems(env, req, list, key, sub);
  }
  if (collection === 'contentTypes' && req.method === 'GET' && key === undefined) {
    return json(200, {
      value: [
        {
          id: contentTypeId(list),
          name: list.template === 'documentLibrary' ? 'Document' : 'Item',
          hidden: false,
          readOnly: false,
          sealed: false,
        },
      ],
    });
  }
  throw unknownSegment(collection);
}

function listRoute(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  if (req.method === 'GET')
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists/$entity`, ...expandList(env, req, list) });
  if (req.method === 'PATCH') {
    const body = jsonBody(req);
    if (!isRecord(body)) throw invalidRequest('The request body must be a list object.');
    const changes: { displayName?: string; description?: string } = {};
    if (body.displayName !== undefined) {
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '')
        throw invalidRequest("'displayName' must be a non-empty string.");
      const clash = env.db.lists().find((l) => l.id !== list.id && l.displayName.toLowerCase() === String(body.displayName).toLowerCase());
      if (clash) throw nameAlreadyExists('A list with the specified title already exists in this site.');
      changes.displayName = body.displayName;
    }
    if (body.description !== undefined) {
      if (typeof body.description !== 'string') throw invalidRequest("'description' must be a string.");
      changes.description = body.description;
    }
    env.db.updateList(list.id, changes);
    return json(200, renderList(env, env.db.list(list.id)!));
  }
  if (req.method === 'DELETE') {
    if (list.isDefaultLibrary) throw new GraphError(403, 'accessDenied', 'The default document library of the site cannot be deleted.');
    env.db.deleteList(list.id);
    return noContent();
  }
  throw methodNotAllowed();
}
