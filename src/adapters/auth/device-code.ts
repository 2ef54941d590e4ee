// Sign-in for a real tenant from the command line: MSAL's device-code flow (a public client, no
// secret), asking each API only for the scopes the command needs. Tokens stay in memory.
import { type AccountInfo, PublicClientApplication } from '@azure/msal-node';
import type { TokenProvider as AccessTokenProvider } from './token-provider';

export interface DeviceCodeOptions {
  readonly tenant: string;
  readonly clientId: string;
  /** Where the "go to https://microsoft.com/devicelogin and enter the code …" message goes. */
  readonly prompt: (message: string) => void;
}

export interface DeviceCodeSignIn {
  /** A token provider for one API's scopes, e.g. ["https://graph.microsoft.com/Sites.ReadWrite.All"]. */
  provider(scopes: readonly string[]): AccessTokenProvider;
}

export function deviceCodeSignIn(options: DeviceCodeOptions): DeviceCodeSignIn {
  const app = new PublicClientApplication({
    auth: { clientId: options.clientId, authority: `https://login.microsoftonline.com/${options.tenant}` },
  });
  let account: AccountInfo | null = null;
  let signingIn: Promise<void> | null = null;

  async function token(scopes: readonly string[]): Promise<string> {
    if (account) {
      try {
        // One sign-in serves every API: the refresh token gets tokens for the others silently.
        const silent = await app.acquireTokenSilent({ account, scopes: [...scopes] });
        if (silent?.accessToken) return silent.accessToken;
      } catch {
        // consent or a new sign-in is needed: fall through to the device code
      }
    }
    if (!signingIn) {
      signingIn = (async () => {
        const result = await app.acquireTokenByDeviceCode({
          scopes: [...scopes],
          deviceCodeCallback: (response) => options.prompt(response.message),
        });
        account = result?.account ?? null;
      })().finally(() => (signingIn = null));
    }
    await signingIn;
    const result = await app.acquireTokenSilent({ account: account!, scopes: [...scopes] });
    return result.accessToken;
  }

  return { provider: (scopes) => ({ getAccessToken: () => token(scopes) }) };
}
