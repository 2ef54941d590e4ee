// Sign-in in the task pane, all in one place, with an explicit ladder:
//   nested app authentication (the host signs in for us): silent → popup;
//   without it (older Outlook): a standard public client: silent → popup → the Office dialog.
// Each call asks only for the scopes its purpose needs. Tokens stay in memory (MSAL's memory cache
// and the host's broker): nothing is written to localStorage. msal-browser is loaded on first use,
// so the first screen does not carry it.
/// <reference types="office-js" />
import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { AccessTokenProvider } from '../wire';
import { tokenViaOfficeDialog, type DialogToken } from './dialog-fallback';
import { type PaneConfig, type Purpose, scopesFor } from './pane-config';

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

type MsalModule = Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication' | 'createStandardPublicClientApplication'>;

export interface SignInDeps {
  readonly office: typeof Office;
  /** Loads msal-browser (a dynamic import in the pane; a fake in tests). */
  readonly loadMsal?: () => Promise<MsalModule>;
  /** The Office dialog fallback (replaceable in tests). */
  readonly dialog?: (scopes: readonly string[]) => Promise<DialogToken>;
  /** The page the Office dialog opens, e.g. https://host/auth-dialog.html. */
  readonly dialogUrl?: string;
}

export interface PaneSignIn {
  /** A token provider for one purpose's scopes, for the Graph client. */
  provider(purpose: Purpose): AccessTokenProvider;
  token(purpose: Purpose): Promise<string>;
}

interface Cached {
  token: string;
  expiresOn: number;
}

export function nestedAppAuthAvailable(office: typeof Office): boolean {
  try {
    return office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}

export function createPaneSignIn(config: PaneConfig, deps: SignInDeps): PaneSignIn {
  const auth = config.auth;
  const loadMsal = deps.loadMsal ?? (() => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'));
  const cache = new Map<string, Cached>();
  let client: Promise<{ pca: IPublicClientApplication; nested: boolean }> | null = null;
  let account: AccountInfo | null = null;

  function msalConfig(): Configuration {
    return {
      auth: { clientId: auth!.clientId, authority: `https://login.microsoftonline.com/${auth!.tenant}` },
      cache: { cacheLocation: 'memoryStorage' },
    };
  }

  function publicClient() {
    client ??= (async () => {
      const msal = await loadMsal();
      const nested = nestedAppAuthAvailable(deps.office);
      // Without NAA, a standard client (a nestable one in a host without the bridge is the
      // known cause of a dialog stuck on a blank page).
      const pca = nested ? await msal.createNestablePublicClientApplication(msalConfig()) : await msal.createStandardPublicClientApplication(msalConfig());
      return { pca, nested };
    })();
    return client;
  }

  const remember = (key: string, result: { accessToken: string; expiresOn: Date | number | null }) => {
    const expiresOn = result.expiresOn instanceof Date ? result.expiresOn.getTime() : typeof result.expiresOn === 'number' ? result.expiresOn : Date.now() + 50 * 60_000;
    cache.set(key, { token: result.accessToken, expiresOn });
    return result.accessToken;
  };

  async function token(purpose: Purpose): Promise<string> {
    if (!auth) throw new SignInError('No sign-in is configured for this task pane.', []);
    const scopes = [...scopesFor(config, purpose)];
    const key = scopes.join(' ');
    const cached = cache.get(key);
    if (cached && cached.expiresOn - Date.now() > 60_000) return cached.token;

    const tried: string[] = [];
    const { pca, nested } = await publicClient();
    const request = { scopes, ...(account ? { account } : {}) };
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
      if (nested) throw new SignInError('Signing in through Outlook did not work. Try again, or ask your administrator to check the app registration.', tried);
    }
    tried.push('office-dialog');
    const dialog = deps.dialog ?? ((s: readonly string[]) => tokenViaOfficeDialog(deps.office, `${deps.dialogUrl ?? `${location.origin}/auth-dialog.html`}?scopes=${encodeURIComponent(s.join(' '))}`));
    try {
      const result = await dialog(scopes);
      return remember(key, { accessToken: result.accessToken, expiresOn: result.expiresOn });
    } catch (error) {
      throw new SignInError(`Sign-in did not finish: ${error instanceof Error ? error.message : String(error)}`, tried);
    }
  }

  return {
    token,
    provider: (purpose) => ({ getAccessToken: () => (auth ? token(purpose) : Promise.resolve(null)) }),
  };
}
