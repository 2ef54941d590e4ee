// Sign-in in the task pane, all in one place, with an explicit ladder:
//   nested app authentication (the host signs in for us): silent → popup;
//   without it (older Outlook): a standard public client: silent → popup → the Office dialog.
// Each call asks only for the scopes its purpose needs. Tokens stay in memory (MSAL's memory cache
// and the host's broker): nothing is written to localStorage. msal-browser is loaded on first use,
// so the first screen does not carry it.
// Conditional Access: the client declares the CP1 capability (it can answer claims challenges), so
// Entra issues CAE tokens; when Graph answers 401 with a claims challenge, the wire asks again with
// those claims (token(purpose, { claims })), which skips the cache and goes down the same ladder
// with the claims on every rung, as Microsoft's Outlook NAA sample does.
// Office itself is the Office adapter's: the composition root hands in whether the host offers
// nested app authentication and a function that runs the Office dialog.
import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { DialogToken } from './dialog-fallback';
import { type Access, type PaneConfig, scopesFor } from './pane-config';
import type { TokenProvider } from './token-provider';

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    message: string,
    /** Which rungs were tried, for support (no tokens, no personal data). */
    readonly tried: readonly string[],
  ) {
    super(message);
  }
}

type MsalModule = Pick<
  typeof import('@azure/msal-browser'),
  'createNestablePublicClientApplication' | 'createStandardPublicClientApplication'
>;

export interface SignInDeps {
  /** Whether the host brokers sign-in (NestedAppAuth 1.1): the Office adapter knows. */
  readonly nestedAppAuth: () => boolean;
  /** Loads msal-browser (a dynamic import in the pane; a fake in tests). */
  readonly loadMsal?: () => Promise<MsalModule>;
  /** The Office dialog rung: signs in there with these scopes (and claims) and returns the token. */
  readonly dialog?: (scopes: readonly string[], claims: string | null) => Promise<DialogToken>;
}

export interface TokenOptions {
  /** A Conditional Access claims challenge (the JSON from WWW-Authenticate's claims). */
  readonly claims?: string;
}

export interface PaneSignIn {
  /** A token provider for one purpose's scopes, for the Graph client. */
  provider(purpose: Access): TokenProvider;
  token(purpose: Access, options?: TokenOptions): Promise<string>;
  /** The person signed in (name, address), once a token has been had; null before or without sign-in. */
  person(): { name: string; address: string } | null;
}

/** The client capabilities declared to Entra: CP1, "this client can answer claims challenges". */
export const CLIENT_CAPABILITIES = ['CP1'] as const;

interface Cached {
  token: string;
  expiresOn: number;
}

export function createPaneSignIn(config: PaneConfig, deps: SignInDeps): PaneSignIn {
  const auth = config.auth;
  const loadMsal = deps.loadMsal ?? (() => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'));
  const cache = new Map<string, Cached>();
  let client: Promise<{ pca: IPublicClientApplication; nested: boolean }> | null = null;
  let account: AccountInfo | null = null;

  function msalConfig(): Configuration {
    return {
      auth: {
        clientId: auth!.clientId,
        authority: `https://login.microsoftonline.com/${auth!.tenant}`,
        clientCapabilities: [...CLIENT_CAPABILITIES],
      },
      cache: { cacheLocation: 'memoryStorage' },
    };
  }

  function publicClient() {
    client ??= (async () => {
      const msal = await loadMsal();
      const nested = deps.nestedAppAuth();
      // Without NAA, a standard client (a nestable one in a host without the bridge is the
      // known cause of a dialog stuck on a blank page).
      const pca = nested
        ? await msal.createNestablePublicClientApplication(msalConfig())
        : await msal.createStandardPublicClientApplication(msalConfig());
      return { pca, nested };
    })();
    return client;
  }

  const remember = (key: string, result: { accessToken: string; expiresOn: Date | number | null }) => {
    const expiresOn =
      result.expiresOn instanceof Date
        ? result.expiresOn.getTime()
        : typeof result.expiresOn === 'number'
          ? result.expiresOn
          : Date.now() + 50 * 60_000;
    cache.set(key, { token: result.accessToken, expiresOn });
    return result.accessToken;
  };

  async function token(purpose: Access, options: TokenOptions = {}): Promise<string> {
    if (!auth) throw new SignInError('No sign-in is configured for this task pane.', []);
    const scopes = [...scopesFor(config, purpose)];
    const key = scopes.join(' ');
    const claims = options.claims ?? null;
    const cached = cache.get(key);
    // A claims challenge means the token in hand no longer satisfies Conditional Access.
    if (claims) cache.delete(key);
    else if (cached && cached.expiresOn - Date.now() > 60_000) return cached.token;

    const tried: string[] = [];
    const { pca, nested } = await publicClient();
    const request = { scopes, ...(account ? { account } : {}), ...(claims ? { claims } : {}) };
    tried.push(nested ? 'naa-silent' : 'silent');
    try {
      const result: AuthenticationResult = account ? await pca.acquireTokenSilent({ ...request, account }) : await pca.ssoSilent(request);
      account = result.account;
      return remember(key, result);
    } catch {
      // Interaction required (consent, a new sign-in) is the usual reason; any other silent
      // failure still deserves one interactive try.
    }
    tried.push(nested ? 'naa-popup' : 'popup');
    try {
      const result = await pca.acquireTokenPopup(request);
      account = result.account;
      return remember(key, result);
    } catch {
      // With NAA the host owns the interaction: there is no further rung. Without it, a popup
      // that was blocked or closed leaves the Office dialog, which hosts always allow.
      if (nested)
        throw new SignInError(
          'Signing in through Outlook did not work. Try again, or ask your administrator to check the app registration.',
          tried,
        );
    }
    tried.push('office-dialog');
    if (!deps.dialog) throw new SignInError('Signing in did not work: the sign-in window was blocked or closed. Try again.', tried);
    try {
      const result = await deps.dialog(scopes, claims);
      return remember(key, { accessToken: result.accessToken, expiresOn: result.expiresOn });
    } catch (error) {
      throw new SignInError(`Sign-in did not finish: ${error instanceof Error ? error.message : String(error)}`, tried);
    }
  }

  return {
    token,
    person: () => (account ? { name: account.name ?? '', address: (account.username ?? '').toLowerCase() } : null),
    provider: (purpose) => ({
      getAccessToken: (request) => (auth ? token(purpose, request?.claims ? { claims: request.claims } : {}) : Promise.resolve(null)),
    }),
  };
}
