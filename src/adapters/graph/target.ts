// Where applications are filed: a site, the Applications list and the library for the files,
// resolved once to ids and web URLs (one batched round trip).
import { APPLICATIONS_LIST, FILES_LIBRARY } from '../../core/record';
import { batchError, runBatch } from './batch';
import type { GraphClient } from './client';

export interface SiteRef {
  /** "root", a site id ("host,guid,guid"), or "host:/sites/path". */
  readonly site: string;
  readonly list?: string;
  readonly library?: string;
}

export interface FilingTarget {
  readonly siteId: string;
  readonly siteUrl: string;
  readonly listId: string;
  readonly listTitle: string;
  readonly listUrl: string;
  /** The list's column names (internal): filing writes only the form fields that have one. */
  readonly columns: readonly string[];
  readonly driveId: string;
  readonly libraryUrl: string;
}

/** The Graph path of a site: /sites/root, /sites/{id}, or /sites/{host}:/{path}: (closed so that segments can follow). */
export function sitePath(site: string): string {
  const trimmed = site.trim().replace(/^\/?sites\//, '');
  if (trimmed.includes(':/')) {
    const [host, path] = trimmed.split(':/', 2) as [string, string];
    const segments = path.replace(/:$/, '').split('/').filter(Boolean).map(encodeURIComponent);
    return `/sites/${encodeURIComponent(host)}:/${segments.join('/')}:`;
  }
  return `/sites/${encodeURIComponent(trimmed)}`;
}

export const listSegment = (title: string) => encodeURIComponent(title);

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * Resolves the site, list (with its column names) and library, in one batch; a missing list or
 * library says to run `hub-intake provision`.
 */
export async function resolveTarget(client: GraphClient, ref: SiteRef): Promise<FilingTarget> {
  const site = sitePath(ref.site);
  const listTitle = ref.list ?? APPLICATIONS_LIST;
  const libraryTitle = ref.library ?? FILES_LIBRARY;
  const requests = [
    { id: 'site', method: 'GET' as const, url: `${site}?$select=id,webUrl` },
    {
      id: 'list',
      method: 'GET' as const,
      url: `${site}/lists/${listSegment(listTitle)}?$select=id,webUrl,displayName&$expand=columns($select=name)`,
    },
    {
      id: 'library',
      method: 'GET' as const,
      url: `${site}/lists/${listSegment(libraryTitle)}?$select=id,webUrl&$expand=drive($select=id,webUrl)`,
    },
  ];
  const responses = await runBatch(client, requests);
  for (const request of requests) {
    const response = responses.get(request.id)!;
    if (response.status === 404 && request.id !== 'site') {
      throw new TargetError(
        `The ${request.id === 'list' ? `list "${listTitle}"` : `library "${libraryTitle}"`} is not on the site yet: run \`hub-intake provision\` first.`,
      );
    }
    if (response.status >= 400) throw batchError(request, response);
  }
  const siteBody = responses.get('site')!.body as { id: string; webUrl: string };
  const list = responses.get('list')!.body as { id: string; webUrl: string; columns?: { name: string }[] };
  const library = responses.get('library')!.body as { drive?: { id: string; webUrl: string }; webUrl: string };
  if (!library.drive) throw new TargetError(`"${libraryTitle}" is a list, not a document library.`);
  return {
    siteId: siteBody.id,
    siteUrl: siteBody.webUrl,
    listId: list.id,
    listTitle,
    listUrl: list.webUrl,
    columns: (list.columns ?? []).map((c) => c.name),
    driveId: library.drive.id,
    libraryUrl: library.drive.webUrl ?? library.webUrl,
  };
}
