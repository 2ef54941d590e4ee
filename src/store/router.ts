// What a Graph resource's router is: the first segment of the paths it serves under /v1.0, and a
// handler for the rest. The routers themselves are listed in routes/index.ts.
import type { Env, StoreRequest, StoreResponse } from './context';

export interface GraphRouter {
  /** The first path segment under /v1.0 this router serves, e.g. 'sites' for /v1.0/sites/…. */
  readonly segment: string;
  /**
   * Handles a request whose path starts with /{segment}. `rest` is what follows the segment
   * ('' or starting with '/' or ':'), still percent-encoded, with %3A already turned into ':'.
   * Runs inside the request's transaction; throws GraphError for Graph's error answers.
   */
  handle(env: Env, req: StoreRequest, rest: string): StoreResponse;
}
