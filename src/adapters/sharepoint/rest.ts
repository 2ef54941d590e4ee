// The small part of SharePoint's REST API that Graph v1.0 lacks: list views and column formatting
// (Field.CustomFormatter). Its own token (scope https://<tenant>.sharepoint.com/.default), sent only
// to <site>/_api/; the same middleware chain as Graph's (auth → retry → HTTP).
import type { Context } from '@microsoft/microsoft-graph-client';
import {
  DEFAULT_RETRY,
  GraphRequestError,
  middlewareChain,
  odataString,
  pathOf,
  realSleep,
  retryAfterSeconds,
  TransportError,
  type WireOptions,
} from '../wire';
import { APPLICATION_VIEWS, COLUMN_FORMATTERS, type ViewSpec } from './presentation';

export interface SharePointRestOptions extends WireOptions {
  /** The site's web URL, as Graph gives it (site.webUrl). */
  readonly siteUrl: string;
}

export interface SharePointRest {
  readonly siteUrl: string;
  request<T = unknown>(method: 'GET' | 'POST', apiPath: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<T>;
}

const NOMETADATA = 'application/json;odata=nometadata';
const VERBOSE = 'application/json;odata=verbose';

export function createSharePointRest(options: SharePointRestOptions): SharePointRest {
  let given = options.siteUrl;
  while (given.endsWith('/')) given = given.slice(0, -1);
  const site = new URL(given);
  const chain = middlewareChain({
    auth: options.auth,
    authorize: { origin: site.origin, pathPrefixes: [`${site.pathname}/_api/`] },
    retry: { ...DEFAULT_RETRY, ...options.retry },
    sleep: options.sleep ?? realSleep,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    observe: options.observe,
  });
  for (let i = 0; i < chain.length - 1; i++) chain[i]!.setNext!(chain[i + 1]!);
  const siteUrl = `${site.origin}${site.pathname}`;
  return {
    siteUrl,
    async request<T>(
      method: 'GET' | 'POST',
      apiPath: string,
      request: { body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<T> {
      const url = `${siteUrl}/_api/${apiPath.replace(/^\/+/, '')}`;
      const headers: Record<string, string> = { Accept: NOMETADATA, ...request.headers };
      if (request.body !== undefined) headers['Content-Type'] = VERBOSE;
      const context: Context = {
        request: url,
        options: { method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) },
      };
      try {
        await chain[0]!.execute(context);
      } catch (error) {
        throw new TransportError(method, pathOf(url), error instanceof Error ? error.message : String(error));
      }
      const response = context.response!;
      const text = await response.text();
      if (!response.ok) {
        let code = String(response.status);
        let message = '';
        try {
          const body = JSON.parse(text) as {
            'odata.error'?: { code?: string; message?: { value?: string } };
            error?: { code?: string; message?: { value?: string } | string };
          };
          const error = body['odata.error'] ?? body.error;
          code = error?.code ?? code;
          message = typeof error?.message === 'string' ? error.message : (error?.message?.value ?? '');
        } catch {
          // not JSON: keep the status
        }
        throw new GraphRequestError(
          {
            status: response.status,
            code,
            requestId: response.headers.get('request-id') ?? response.headers.get('SPRequestGuid'),
            clientRequestId: null,
            method,
            path: pathOf(url),
            retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')),
          },
          message,
        );
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

const listPath = (listTitle: string) => `web/lists/getbytitle(${encodeURIComponent(odataString(listTitle))})`;

export interface PresentationResult {
  readonly viewsCreated: string[];
  readonly formattersSet: string[];
}

/**
 * Creates the views that are missing (a view someone has since changed is left as it is) and sets
 * the column formatting where it differs. Running it again changes nothing.
 */
export async function ensurePresentation(
  rest: SharePointRest,
  listTitle: string,
  views: readonly ViewSpec[] = APPLICATION_VIEWS,
  formatters: Readonly<Record<string, string>> = COLUMN_FORMATTERS,
): Promise<PresentationResult> {
  const list = listPath(listTitle);
  const existing = await rest.request<{ value: { Title: string }[] }>('GET', `${list}/views?$select=Id,Title`);
  const titles = new Set(existing.value.map((v) => v.Title.toLowerCase()));
  const viewsCreated: string[] = [];
  for (const view of views) {
    if (titles.has(view.title.toLowerCase())) continue;
    await rest.request('POST', `${list}/views/add`, {
      body: {
        parameters: {
          __metadata: { type: 'SP.ViewCreationInformation' },
          Title: view.title,
          ViewFields: { __metadata: { type: 'Collection(Edm.String)' }, results: [...view.fields] },
          Query: view.query,
          RowLimit: view.rowLimit,
          Paged: true,
          PersonalView: false,
          SetAsDefaultView: false,
        },
      },
    });
    viewsCreated.push(view.title);
  }
  const fields = await rest.request<{ value: { InternalName: string; CustomFormatter: string | null }[] }>(
    'GET',
    `${list}/fields?$select=InternalName,CustomFormatter`,
  );
  const formattersSet: string[] = [];
  for (const [name, formatter] of Object.entries(formatters)) {
    const field = fields.value.find((f) => f.InternalName === name);
    if (!field || field.CustomFormatter === formatter) continue;
    await rest.request('POST', `${list}/fields/getbyinternalnameortitle(${encodeURIComponent(odataString(name))})`, {
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: { __metadata: { type: 'SP.Field' }, CustomFormatter: formatter },
    });
    formattersSet.push(name);
  }
  return { viewsCreated, formattersSet };
}
