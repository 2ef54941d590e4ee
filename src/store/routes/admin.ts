// The admin endpoints (outside /v1.0) tests and demos use to steer and observe the store:
// /_admin/faults, /_admin/stats, /_admin/reset and /_admin/lists/{list}/items/{id}/fields.
import { isRecord } from '../columns';
import { decodeSegment, json, noContent, type Env, type StoreResponse } from '../context';
import { invalidRequest, methodNotAllowed, notFound } from '../errors';
import { FaultSettingsError, parseFaultSettings, type FaultInjector } from '../faults';
import { adminWriteFields } from './items';

export interface AdminControls {
  env: Env;
  faults: FaultInjector;
  stats(): unknown;
  /** Deletes all data, zeroes the stats and restarts the fault counters. */
  reset(): void;
}

/** `path` is what follows /_admin; `body` the parsed JSON body (undefined when empty). Throws GraphError. */
export function handleAdmin(controls: AdminControls, method: string, path: string, body: unknown): StoreResponse {
  const { env, faults } = controls;
  if (path === '/faults') {
    if (method === 'GET') return json(200, faults.current);
    if (method === 'POST' || method === 'PUT') {
      try {
        faults.set(parseFaultSettings(body ?? {}));
      } catch (error) {
        if (error instanceof FaultSettingsError) throw invalidRequest(`Invalid fault settings: ${error.message}`);
        throw error;
      }
      return json(200, faults.current);
    }
    if (method === 'DELETE') {
      faults.set({});
      return noContent();
    }
    throw methodNotAllowed();
  }
  if (path === '/stats') {
    if (method !== 'GET') throw methodNotAllowed();
    return json(200, controls.stats());
  }
  if (path === '/reset') {
    if (method !== 'POST') throw methodNotAllowed();
    controls.reset();
    return noContent();
  }
  const fields = /^\/lists\/([^/]+)\/items\/([^/]+)\/fields$/.exec(path);
  if (fields) {
    if (method !== 'PATCH') throw methodNotAllowed();
    if (!isRecord(body)) throw invalidRequest('The body must be a fieldValueSet object.');
    return env.db.transaction(() => json(200, adminWriteFields(env, decodeSegment(fields[1]!), decodeSegment(fields[2]!), body)));
  }
  throw notFound(`No admin endpoint at '/_admin${path}'.`);
}
