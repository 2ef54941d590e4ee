// The site: /sites, /sites/{site} and everything under it (its drive, its drives, its lists).
// A site is addressed as /sites/root, /sites/{hostname,siteCollectionId,webId} or /sites/{hostname}:/{path}[:].
import { decodeSegment, graphBase, json, siteUrl, type Env, type StoreRequest, type StoreResponse } from '../context';
import { SITE_DISPLAY_NAME, SITE_HOSTNAME, SITE_ID, SITE_NAME, SITE_PATH } from '../db';
import { renderDrive } from '../drive-items';
import { badRequest, methodNotAllowed, notFound, unknownSegment } from '../errors';
import { findList } from '../lists';
import { applySelect, parseSelect } from '../odata';
import type { GraphRouter } from '../router';
import { handleDrive, handleDrives } from './drives';
import { handleLists } from './lists';

export const sitesRouter: GraphRouter = {
  segment: 'sites',
  handle(env, req, rest) {
    if (rest === '' || rest === '/') {
      if (req.method !== 'GET') throw methodNotAllowed();
      return json(200, { '@odata.context': `${graphBase(env)}/$metadata#sites`, value: [renderSite(env)] });
    }
    if (!rest.startsWith('/')) throw unknownSegment(decodeSegment(`sites${rest}`.split('/')[0]!));
    return siteRoute(env, req, resolveSite(rest.slice(1)));
  },
};

function resolveSite(spec: string): string {
  if (spec === 'root' || spec.startsWith('root/')) return spec.slice('root'.length);
  const hostPath = /^([^/,:]+):(.*)$/.exec(spec);
  if (hostPath) {
    const hostname = decodeSegment(hostPath[1]!).toLowerCase();
    let rest = hostPath[2]!;
    const close = rest.indexOf(':');
    let serverRelative = decodeSegment(close === -1 ? rest : rest.slice(0, close));
    while (serverRelative.endsWith('/')) serverRelative = serverRelative.slice(0, -1);
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
  const created = env.db.siteCreated;
  return {
    createdDateTime: created,
    description: 'The local store for Hub Intake (a Microsoft Graph subset)',
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
    return handleDrive(env, req, env.db.defaultLibrary(), rest.slice('/drive'.length));
  }
  if (rest === '/drives' || rest === '/drives/') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const drives = env.db.lists().filter((l) => l.driveId !== null);
    return json(200, { '@odata.context': `${graphBase(env)}/$metadata#drives`, value: drives.map((l) => renderDrive(env, l)) });
  }
  if (rest.startsWith('/drives/')) return handleDrives(env, req, rest.slice('/drives'.length));
  const listDrive = /^\/lists\/([^/]+)\/drive(.*)$/.exec(rest);
  if (listDrive && (listDrive[2] === '' || listDrive[2]!.startsWith('/') || listDrive[2]!.startsWith(':'))) {
    const list = findList(env, decodeSegment(listDrive[1]!));
    if (!list.driveId) throw notFound(`The list '${list.displayName}' is not a document library and has no drive.`);
    return handleDrive(env, req, list, listDrive[2]!);
  }
  const segments = rest.split('/').slice(1).map(decodeSegment);
  if (segments[0] !== 'lists') throw unknownSegment(segments[0] ?? '');
  return handleLists(env, req, segments.slice(1));
}
