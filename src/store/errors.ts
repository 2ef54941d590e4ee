// Errors in Microsoft Graph's shape: { error: { code, message, innerError: { date, request-id, client-request-id } } }.

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A more specific code, reported as innerError.code (Graph's "detailed error codes"). */
    readonly innerCode?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, innerCode?: string) => new GraphError(400, 'BadRequest', message, innerCode);
export const invalidRequest = (message: string, innerCode?: string) => new GraphError(400, 'invalidRequest', message, innerCode);
export const notFound = (message = 'The resource could not be found.', innerCode?: string) =>
  new GraphError(404, 'itemNotFound', message, innerCode);
export const nameAlreadyExists = (message = 'The specified item name already exists.') => new GraphError(409, 'nameAlreadyExists', message);
export const methodNotAllowed = () => new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
export const unknownSegment = (segment: string) => badRequest(`Resource not found for the segment '${segment}'.`);

/** Graph writes innerError.date without a zone or fraction, e.g. "2024-05-01T09:30:12". */
export function graphErrorDate(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export function errorBody(
  error: { code: string; message: string; innerCode?: string | undefined },
  requestId: string,
  clientRequestId: string,
): { error: { code: string; message: string; innerError: Record<string, string> } } {
  const innerError: Record<string, string> = {};
  if (error.innerCode) innerError.code = error.innerCode;
  innerError.date = graphErrorDate();
  innerError['request-id'] = requestId;
  innerError['client-request-id'] = clientRequestId;
  return { error: { code: error.code, message: error.message, innerError } };
}
