// What the list, column, item and drive routes share about a list: finding it by id or title, and its URLs.
import { siteUrl, type Env } from './context';
import type { ListRecord } from './db';
import { notFound } from './errors';

/** A list by id, display name or URL name; 404 as SharePoint words it otherwise. */
export function findList(env: Env, idOrTitle: string): ListRecord {
  const list = env.db.findList(idOrTitle);
  if (!list) throw notFound(`List '${idOrTitle}' does not exist at site with URL '${siteUrl(env)}'.`);
  return list;
}

export function listWebUrl(env: Env, list: ListRecord): string {
  const name = encodeURIComponent(list.name);
  return list.template === 'documentLibrary' ? `${siteUrl(env)}/${name}` : `${siteUrl(env)}/Lists/${name}`;
}

/** The id of the list's one content type (Item or Document). */
export function contentTypeId(list: ListRecord): string {
  return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
}
