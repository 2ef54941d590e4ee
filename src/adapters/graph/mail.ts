// Mail through Graph, for what Outlook does not hand the pane, and a mailbox's Outlook categories.
// Every call names its mailbox: /me for the signed-in user's own, /users/{owner} for a shared
// mailbox or a folder shared by delegation (Mail.Read.Shared), where the item's REST id belongs.
// All of it goes through the Graph client's chain (auth, retry, typed errors).
import type { Context } from '@microsoft/microsoft-graph-client';
import { type GraphClient, graphRequest, toTypedError } from './client';
import { GraphRequestError, pathOf } from '../wire/errors';
import { retryAfterSeconds } from '../wire/middleware';

/** The mailbox's Graph path: the user's own, or the owner's of a shared mailbox or folder. */
export function mailboxPath(owner: string | null): string {
  return owner ? `/users/${encodeURIComponent(owner)}` : '/me';
}

/** A response's body as bytes, through the client's chain (the SDK would parse it). */
async function bytes(client: GraphClient, path: string): Promise<Uint8Array> {
  const url = `${client.graphUrl}${path}`;
  const context: Context = { request: url, options: { method: 'GET', headers: {} } };
  try {
    await client.chain.execute(context);
  } catch (error) {
    throw toTypedError(error, 'GET', url);
  }
  const response = context.response!;
  if (!response.ok) {
    let code = String(response.status);
    try {
      code = ((await response.json()) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON
    }
    throw new GraphRequestError({
      status: response.status,
      code,
      requestId: response.headers.get('request-id'),
      clientRequestId: response.headers.get('client-request-id'),
      method: 'GET',
      path: pathOf(url),
      retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')),
    });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** The email as received (MIME), by its REST id, from its mailbox. */
export function messageMime(client: GraphClient, restId: string, owner: string | null): Promise<Uint8Array> {
  return bytes(client, `${mailboxPath(owner)}/messages/${encodeURIComponent(restId)}/$value`);
}

/** An attached email's MIME, by the message's and the attachment's REST ids. */
export async function attachedItemMime(
  client: GraphClient,
  restId: string,
  attachmentRestId: string,
  owner: string | null,
): Promise<string> {
  return new TextDecoder().decode(
    await bytes(
      client,
      `${mailboxPath(owner)}/messages/${encodeURIComponent(restId)}/attachments/${encodeURIComponent(attachmentRestId)}/$value`,
    ),
  );
}

export interface OutlookCategory {
  readonly displayName: string;
  /** preset0 … preset24, or none. */
  readonly color: string;
}

/** A mailbox's master list of categories (MailboxSettings.Read; another's: MailboxSettings.Read on it, or an app role). */
export async function masterCategories(client: GraphClient, mailbox: string | null): Promise<OutlookCategory[]> {
  const page = await graphRequest<{ value: OutlookCategory[] }>(client, 'GET', `${mailboxPath(mailbox)}/outlook/masterCategories`);
  return page.value;
}

/**
 * Adds the categories missing from a mailbox's master list (names compared without case) and
 * returns which were created and which were there already. Creating them in another's mailbox
 * needs MailboxSettings.ReadWrite (application permission, or delegated as that mailbox's owner).
 */
export async function ensureMasterCategories(
  client: GraphClient,
  mailbox: string | null,
  wanted: readonly { name: string; color: string }[],
): Promise<{ created: string[]; existing: string[] }> {
  const have = new Set((await masterCategories(client, mailbox)).map((c) => c.displayName.toLowerCase()));
  const created: string[] = [];
  const existing: string[] = [];
  for (const category of wanted) {
    if (have.has(category.name.toLowerCase())) {
      existing.push(category.name);
      continue;
    }
    await graphRequest(client, 'POST', `${mailboxPath(mailbox)}/outlook/masterCategories`, {
      body: { displayName: category.name, color: category.color.toLowerCase() },
    });
    created.push(category.name);
  }
  return { created, existing };
}
