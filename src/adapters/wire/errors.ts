// Typed errors for what Graph (or the wire) answered. They carry what support needs (status,
// code, request id, the request's method and path) and never a request body, a query string or
// a field value: those can hold personal data.

export interface GraphErrorInfo {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly clientRequestId: string | null;
  readonly method: string;
  /** The request path without its query string. */
  readonly path: string;
  readonly retryAfterSeconds: number | null;
}

/** Keeps a Graph error message's quoted identifiers (column names, codes) and hides other quoted values. */
export function scrubMessage(message: string): string {
  return message
    .replace(/'([^']*)'/g, (_, inner: string) => (/^[A-Za-z_][A-Za-z0-9_.]{0,63}$/.test(inner) ? `'${inner}'` : "'…'"))
    .slice(0, 300);
}

/** Graph answered with an error status. */
export class GraphRequestError extends Error implements GraphErrorInfo {
  override name = 'GraphRequestError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  readonly clientRequestId: string | null;
  readonly method: string;
  readonly path: string;
  readonly retryAfterSeconds: number | null;

  constructor(info: GraphErrorInfo, graphMessage = '') {
    const detail = graphMessage ? `: ${scrubMessage(graphMessage)}` : '';
    super(`${info.method} ${info.path} → ${info.status} ${info.code}${detail}${info.requestId ? ` (request-id ${info.requestId})` : ''}`);
    this.status = info.status;
    this.code = info.code;
    this.requestId = info.requestId;
    this.clientRequestId = info.clientRequestId;
    this.method = info.method;
    this.path = info.path;
    this.retryAfterSeconds = info.retryAfterSeconds;
  }
}

/**
 * No answer: the connection failed or was cut. For a write, whether it happened is unknown, so
 * the transport never retries it; filing re-reads the list and decides.
 */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${method} ${path}: no answer (${reason})`);
  }
}

/** An update lost a race: the item changed since it was read. `current` is the item as it is now. */
export class ConflictError<T = unknown> extends Error {
  override name = 'ConflictError';
  constructor(
    readonly itemId: string,
    readonly current: T,
  ) {
    super(`Item ${itemId} was changed by someone else since it was read; read it again and retry.`);
  }
}

/** The path of a URL without its query, for error messages. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

export function isStatus(error: unknown, ...statuses: number[]): error is GraphRequestError {
  return error instanceof GraphRequestError && statuses.includes(error.status);
}
