// A list's columns: /sites/{site}/lists/{list}/columns (GET, POST) and …/columns/{id or name} (GET, PATCH, DELETE).
import { newColumn, patchColumn, type ColumnDefinition } from '../columns';
import { graphBase, json, jsonBody, noContent, type Env, type StoreRequest, type StoreResponse } from '../context';
import { SITE_ID, type ListRecord } from '../db';
import { GraphError, invalidRequest, methodNotAllowed, notFound } from '../errors';
import { applySelect, filterResources, parseSelect } from '../odata';
import { comparable } from '../values';

/** `key` is the column's id or name, undefined (or '') for the collection; percent-decoded. */
export function handleColumns(env: Env, req: StoreRequest, list: ListRecord, key: string | undefined): StoreResponse {
  return key === undefined || key === '' ? columnsRoute(env, req, list) : columnRoute(env, req, list, key);
}

function columnsRoute(env: Env, req: StoreRequest, list: ListRecord): StoreResponse {
  if (req.method === 'GET') {
    const select = parseSelect(req.query.get('$select'));
    const columns = filterResources(env.db.columns(list.id), req.query.get('$filter'));
    return json(200, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/columns`,
      value: columns.map((c) => applySelect(c, select)),
    });
  }
  if (req.method === 'POST') {
    const column = newColumn(jsonBody(req), env.db.columns(list.id));
    env.db.insertColumn(list.id, column);
    env.db.touchList(list.id);
    return json(201, {
      '@odata.context': `${graphBase(env)}/$metadata#sites('${SITE_ID}')/lists('${list.id}')/columns/$entity`,
      ...column,
    });
  }
  throw methodNotAllowed();
}

function findColumn(env: Env, list: ListRecord, key: string): ColumnDefinition {
  const columns = env.db.columns(list.id);
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
      for (const item of env.db.items(list.id)) {
        const v = item.fields[column.name];
        if (v === undefined || v === null) continue;
        if (seen.has(comparable(v)))
          throw invalidRequest(`Column '${column.name}' cannot enforce unique values: the list already holds duplicate values.`);
        seen.add(comparable(v));
      }
    }
    env.db.updateColumn(list.id, next);
    env.db.touchList(list.id);
    return json(200, next);
  }
  if (req.method === 'DELETE') {
    if (column.isDeletable === false || column.isSealed === true || column.name === 'Title') {
      throw new GraphError(403, 'accessDenied', `The column '${column.name}' is a system column and cannot be deleted.`);
    }
    env.db.deleteColumn(list.id, column.id);
    for (const item of env.db.items(list.id)) {
      const fields = { ...item.fields };
      delete fields[column.name];
      delete fields[`${column.name}LookupId`];
      env.db.rewriteItemFields(list.id, item.id, fields);
    }
    env.db.touchList(list.id);
    return noContent();
  }
  throw methodNotAllowed();
}
