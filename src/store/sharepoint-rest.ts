// The slice of SharePoint's REST API (under <site>/_api/) that Graph v1.0 lacks and Hub Intake's
// provisioning uses: a list's views (GET, POST views/add) and its fields' column formatting
// (GET fields, POST fields/getbyinternalnameortitle('…') with X-HTTP-Method: MERGE). Answers in
// the odata=nometadata JSON shape; errors as SharePoint's {"odata.error": …}. Kept in the same
// SQLite file, in two tables of its own that go with their list.
import { randomUUID } from 'node:crypto';
import { isRecord } from './columns';
import { json, noContent, siteUrl, type Env, type StoreRequest, type StoreResponse } from './context';
import { SITE_PATH, type ListRecord } from './db';
import { isJsonContentType } from './guard';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sp_views (
  id TEXT PRIMARY KEY,
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  definition TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS sp_views_title ON sp_views(list_id, title COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS sp_field_formatters (
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  field_name TEXT NOT NULL,
  formatter TEXT NOT NULL,
  PRIMARY KEY (list_id, field_name)
);`;

export const SHAREPOINT_REST_PREFIX = `${SITE_PATH}/_api/`;

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function restError(error: RestError): StoreResponse {
  return json(error.status, { 'odata.error': { code: error.code, message: { lang: 'en-US', value: error.message } } });
}

const prepared = new WeakSet<object>();
function ensureSchema(env: Env): void {
  if (prepared.has(env.db)) return;
  env.db.sqlite.exec(SCHEMA);
  prepared.add(env.db);
}

interface ViewRow {
  id: string;
  title: string;
  definition: string;
}

function listBy(env: Env, title: string): ListRecord {
  const list = env.db.lists().find((l) => l.displayName.toLowerCase() === title.toLowerCase());
  if (!list) throw new RestError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL '${siteUrl(env)}'.`);
  return list;
}

function renderView(
  env: Env,
  list: ListRecord,
  id: string,
  definition: Record<string, unknown>,
  isDefault: boolean,
): Record<string, unknown> {
  const base = list.template === 'documentLibrary' ? `${SITE_PATH}/${list.name}/Forms` : `${SITE_PATH}/Lists/${list.name}`;
  return {
    Id: id,
    Title: definition.Title,
    ViewQuery: definition.Query ?? '',
    ViewFields: definition.ViewFields ?? [],
    RowLimit: definition.RowLimit ?? 30,
    Paged: definition.Paged ?? true,
    PersonalView: definition.PersonalView ?? false,
    DefaultView: isDefault,
    Hidden: false,
    ServerRelativeUrl: `${base}/${encodeURIComponent(String(definition.Title).replace(/\s+/g, ''))}.aspx`,
  };
}

function views(env: Env, list: ListRecord): Record<string, unknown>[] {
  const rows = env.db.sqlite.prepare('SELECT id, title, definition FROM sp_views WHERE list_id = ? ORDER BY seq').all(list.id) as ViewRow[];
  const allItems = list.template === 'documentLibrary' ? 'All Documents' : 'All Items';
  const builtIn = renderView(
    env,
    list,
    `${list.id.slice(0, 8)}-0000-0000-0000-000000000001`,
    { Title: allItems, ViewFields: ['LinkTitle'] },
    true,
  );
  return [builtIn, ...rows.map((r) => renderView(env, list, r.id, JSON.parse(r.definition) as Record<string, unknown>, false))];
}

/** A verbose-JSON collection ({ results: [...] }) or a plain array, as strings. */
function stringList(value: unknown): string[] | null {
  const items = isRecord(value) && Array.isArray(value.results) ? value.results : value;
  return Array.isArray(items) && items.every((v) => typeof v === 'string') ? items : null;
}

function addView(env: Env, list: ListRecord, body: unknown): StoreResponse {
  const parameters = isRecord(body) ? body.parameters : undefined;
  if (!isRecord(parameters))
    throw new RestError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      "The body must hold 'parameters' (SP.ViewCreationInformation).",
    );
  const title = parameters.Title;
  if (typeof title !== 'string' || title.trim() === '')
    throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'A view needs a Title.');
  const fields = parameters.ViewFields === undefined ? [] : stringList(parameters.ViewFields);
  if (fields === null)
    throw new RestError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      'ViewFields must be a collection of field internal names.',
    );
  const known = new Set(env.db.columns(list.id).map((c) => c.name));
  const unknown = fields.find((f) => !known.has(f));
  if (unknown)
    throw new RestError(
      400,
      '-2147024809, System.ArgumentException',
      `Column '${unknown}' does not exist. It may have been deleted by another user.`,
    );
  if (parameters.Query !== undefined && typeof parameters.Query !== 'string')
    throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'Query must be a string of CAML.');
  if (views(env, list).some((v) => String(v.Title).toLowerCase() === title.toLowerCase())) {
    throw new RestError(500, '-2130575214, Microsoft.SharePoint.SPException', `A view named '${title}' already exists in this list.`);
  }
  const id = randomUUID();
  const definition = {
    Title: title,
    ViewFields: fields,
    Query: parameters.Query ?? '',
    RowLimit: parameters.RowLimit ?? 30,
    Paged: parameters.Paged ?? true,
    PersonalView: parameters.PersonalView ?? false,
  };
  const seq = (env.db.sqlite.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM sp_views').get() as { n: number }).n;
  env.db.sqlite
    .prepare('INSERT INTO sp_views (id, list_id, title, definition, seq) VALUES (?, ?, ?, ?, ?)')
    .run(id, list.id, title, JSON.stringify(definition), seq);
  return json(200, renderView(env, list, id, definition, false));
}

function fields(env: Env, list: ListRecord): Record<string, unknown>[] {
  const formatters = new Map(
    (
      env.db.sqlite.prepare('SELECT field_name, formatter FROM sp_field_formatters WHERE list_id = ?').all(list.id) as {
        field_name: string;
        formatter: string;
      }[]
    ).map((r) => [r.field_name, r.formatter] as const),
  );
  return env.db.columns(list.id).map((c) => ({
    Id: c.id,
    InternalName: c.name,
    StaticName: c.name,
    Title: c.displayName ?? c.name,
    Indexed: c.indexed === true,
    EnforceUniqueValues: c.enforceUniqueValues === true,
    ReadOnlyField: c.readOnly === true,
    CustomFormatter: formatters.get(c.name) ?? null,
  }));
}

function mergeField(env: Env, list: ListRecord, name: string, req: StoreRequest, body: unknown): StoreResponse {
  const method = (req.headers['x-http-method'] ?? '').toUpperCase();
  if (method !== 'MERGE')
    throw new RestError(
      405,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      "Updating a field needs POST with 'X-HTTP-Method: MERGE'.",
    );
  const column =
    env.db.columns(list.id).find((c) => c.name === name) ??
    env.db.columns(list.id).find((c) => String(c.displayName).toLowerCase() === name.toLowerCase());
  if (!column)
    throw new RestError(
      404,
      '-2147024809, System.ArgumentException',
      `Column '${name}' does not exist. It may have been deleted by another user.`,
    );
  if (!isRecord(body))
    throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The body must be an SP.Field object.');
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || key === 'CustomFormatter') continue;
    throw new RestError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The local store only updates CustomFormatter on a field, not '${key}'.`,
    );
  }
  const formatter = body.CustomFormatter;
  if (formatter === null || formatter === '') {
    env.db.sqlite.prepare('DELETE FROM sp_field_formatters WHERE list_id = ? AND field_name = ?').run(list.id, column.name);
    return noContent();
  }
  if (typeof formatter !== 'string')
    throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'CustomFormatter must be a string of JSON.');
  try {
    JSON.parse(formatter);
  } catch {
    throw new RestError(400, '-2147024809, System.ArgumentException', 'CustomFormatter is not valid JSON.');
  }
  env.db.sqlite
    .prepare(
      'INSERT INTO sp_field_formatters (list_id, field_name, formatter) VALUES (?, ?, ?) ON CONFLICT (list_id, field_name) DO UPDATE SET formatter = excluded.formatter',
    )
    .run(list.id, column.name, formatter);
  return noContent();
}

function unquote(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw new RestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The URL is not correctly percent-encoded.');
  }
  return decoded.replace(/^'|'$/g, '').replace(/''/g, "'");
}

/** Serves <site>/_api/… ; `path` is the part after "_api/". */
export function handleSharePointRest(env: Env, req: StoreRequest, path: string): StoreResponse {
  ensureSchema(env);
  try {
    let body: unknown;
    if (req.body.length) {
      if (!isJsonContentType(req.headers['content-type'])) {
        throw new RestError(
          415,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'The request body must be JSON (Content-Type: application/json).',
        );
      }
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        throw new RestError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'Invalid JSON. A token was not recognized in the JSON content.',
        );
      }
    }
    const m = /^web\/lists\/getbytitle\(([^)]*)\)\/(views|fields)(?:\/(add|getbyinternalnameortitle\(([^)]*)\)))?$/i.exec(path);
    if (!m)
      throw new RestError(
        404,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        `The local store does not serve '_api/${path}'.`,
      );
    const list = listBy(env, unquote(m[1]!));
    const collection = m[2]!.toLowerCase();
    const action = m[3]?.toLowerCase();
    if (collection === 'views' && action === undefined && req.method === 'GET') return json(200, { value: views(env, list) });
    if (collection === 'views' && action === 'add' && req.method === 'POST') return addView(env, list, body);
    if (collection === 'fields' && action === undefined && req.method === 'GET') return json(200, { value: fields(env, list) });
    if (collection === 'fields' && action?.startsWith('getbyinternalnameortitle')) {
      const name = unquote(m[4]!);
      if (req.method === 'GET') {
        const field = fields(env, list).find((f) => f.InternalName === name || String(f.Title).toLowerCase() === name.toLowerCase());
        if (!field)
          throw new RestError(
            404,
            '-2147024809, System.ArgumentException',
            `Column '${name}' does not exist. It may have been deleted by another user.`,
          );
        return json(200, field);
      }
      if (req.method === 'POST') return mergeField(env, list, name, req, body);
    }
    throw new RestError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The HTTP method is not supported here.');
  } catch (error) {
    if (error instanceof RestError) return restError(error);
    throw error;
  }
}
