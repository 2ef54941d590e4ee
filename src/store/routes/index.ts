// Every Graph resource the local store serves, by the first segment of its path under /v1.0.
// A new resource is a router module (see ../router.ts) and one line in GRAPH_ROUTERS.
import type { Env, StoreRequest, StoreResponse } from '../context';
import { decodeSegment } from '../context';
import { unknownSegment } from '../errors';
import type { GraphRouter } from '../router';
import { drivesRouter } from './drives';
import { sitesRouter } from './sites';
import { usersRouter } from './users';

export const GRAPH_ROUTERS: readonly GraphRouter[] = [sitesRouter, drivesRouter, usersRouter];

/** Routes a request under /v1.0 (other than /$batch, which runs each of its requests through here). */
export function handleGraph(env: Env, req: StoreRequest): StoreResponse {
  const path = req.path.replace(/%3a/gi, ':');
  const segment = /^\/([^/:]*)/.exec(path)?.[1] ?? '';
  const router = GRAPH_ROUTERS.find((r) => r.segment === segment);
  if (!router) throw unknownSegment(decodeSegment(segment));
  return router.handle(env, req, path.slice(1 + segment.length));
}
