// The task pane's configuration: where applications are filed and, for a real tenant, the app
// registration to sign in with. Served as JSON beside taskpane.html (hub-intake.pane.json) and
// validated here, so a wrong file says what is wrong instead of failing later. zod/mini: the
// same schemas and errors as zod, in a fraction of the first screen's JavaScript.
import * as z from 'zod/mini';

const text = () => z.string().check(z.minLength(1));
const Scopes = z.array(text()).check(z.minLength(1));

export const GRAPH = 'https://graph.microsoft.com';

export const PaneConfig = z.strictObject({
  $schema: z.optional(z.string()),
  /** Graph's base URL with its version. The harness points it at the local store. */
  graphUrl: z._default(z.url(), `${GRAPH}/v1.0`),
  /** "root", a site id, or "contoso.sharepoint.com:/sites/maths-hub". */
  site: text(),
  list: z.optional(text()),
  library: z.optional(text()),
  /** Sign-in for a real tenant. Absent: no token is sent (only for the local store). */
  auth: z.optional(
    z.strictObject({
      /** Directory (tenant) id or domain, e.g. contoso.onmicrosoft.com. */
      tenant: text(),
      /** The app registration's Application (client) id. */
      clientId: z.uuid(),
      /** Delegated scopes per purpose; the defaults are the fewest Graph permissions each needs. */
      scopes: z.optional(
        z.strictObject({
          read: z.optional(Scopes),
          write: z.optional(Scopes),
          manage: z.optional(Scopes),
          mail: z.optional(Scopes),
          mailShared: z.optional(Scopes),
        }),
      ),
    }),
  ),
  /**
   * The hub's own addresses and domains ("office@hub.org.uk", "hub.org.uk"). Only an application
   * one of them forwards as an attachment is judged on the attached original's headers; from
   * anyone else, the original is reported as unverified and the email that arrived is judged.
   */
  trustedSenders: z._default(z.array(text()), []),
  /** Signature under a reply asking for what is missing. */
  signOff: z._default(text(), 'Maths Hub'),
});
export type PaneConfig = z.infer<typeof PaneConfig>;

/** The access a pane's token is asked for (the configuration's `auth.scopes` keys). */
export type Access = 'read' | 'write' | 'manage' | 'mail' | 'mailShared';

/**
 * The fewest scopes each kind of call needs: reading the list, writing to it, adding a new form's
 * columns to it (asked for only when a template is saved), reading an email's MIME (in one's own
 * mailbox, or in a shared one).
 */
export const DEFAULT_SCOPES: Readonly<Record<Access, readonly string[]>> = {
  read: [`${GRAPH}/Sites.Read.All`],
  write: [`${GRAPH}/Sites.ReadWrite.All`],
  manage: [`${GRAPH}/Sites.Manage.All`],
  mail: [`${GRAPH}/Mail.Read`],
  // An email in a shared mailbox or a folder shared by delegation, read from its owner's mailbox.
  mailShared: [`${GRAPH}/Mail.Read.Shared`],
};

export function scopesFor(config: PaneConfig, purpose: Access): readonly string[] {
  return config.auth?.scopes?.[purpose] ?? DEFAULT_SCOPES[purpose];
}

export class PaneConfigError extends Error {
  override name = 'PaneConfigError';
}

export function parsePaneConfig(data: unknown, source: string): PaneConfig {
  const parsed = PaneConfig.safeParse(data);
  if (!parsed.success) throw new PaneConfigError(`${source} is not a valid task pane configuration:\n${z.prettifyError(parsed.error)}`);
  if (!parsed.data.auth && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(parsed.data.graphUrl)) {
    throw new PaneConfigError(`${source}: "auth" (tenant and client id) is needed to reach ${parsed.data.graphUrl}.`);
  }
  return parsed.data;
}

/** Fetches (or takes a fetch already under way) and validates the configuration served beside the page. */
export async function loadPaneConfig(url: string, fetchImpl: typeof fetch = fetch, started?: Promise<Response>): Promise<PaneConfig> {
  let response: Response;
  try {
    response = await (started ?? fetchImpl(url, { cache: 'no-cache' }));
  } catch {
    throw new PaneConfigError(`The task pane's configuration (${url}) could not be fetched.`);
  }
  if (!response.ok) throw new PaneConfigError(`The task pane's configuration (${url}) is missing (${response.status}).`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new PaneConfigError(`${url} is not valid JSON.`);
  }
  return parsePaneConfig(data, url);
}
