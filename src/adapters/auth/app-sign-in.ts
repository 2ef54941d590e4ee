// Sign-in as the app itself, for running unattended (`watch`, a scheduled `file --mailbox`): MSAL's
// client-credential flow with a certificate (never a client secret), asking each API for its
// `.default` scope, which is what an administrator granted the app: mail through Exchange RBAC for
// Applications, the site through Sites.Selected. MSAL keeps the token and takes a new one before
// it expires, so a long `watch` never stops for a sign-in.
import { X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import type { TokenProvider as AccessTokenProvider } from './token-provider';

export interface AppSignInOptions {
  readonly tenant: string;
  readonly clientId: string;
  /** The certificate uploaded to the app registration, PEM. */
  readonly certificate: string;
  /** Its private key, PEM (PKCS#8 or PKCS#1). */
  readonly privateKey: string;
  /** MSAL's HTTP client, replaced only in tests. */
  readonly networkClient?: INetworkModule;
}

export interface AppSignIn {
  /** A token provider for one API, named by any of its scopes (e.g. https://graph.microsoft.com/Mail.Read). */
  provider(scopes: readonly string[]): AccessTokenProvider;
}

export class AppSignInError extends Error {
  override name = 'AppSignInError';
}

/** The API a scope belongs to: https://graph.microsoft.com/Mail.Read → https://graph.microsoft.com. */
function resourceOf(scopes: readonly string[]): string {
  const scope = scopes.find((s) => /^https:\/\//i.test(s));
  return scope ? new URL(scope).origin : 'https://graph.microsoft.com';
}

export function appSignIn(options: AppSignInOptions): AppSignIn {
  let thumbprintSha256: string;
  try {
    thumbprintSha256 = new X509Certificate(options.certificate).fingerprint256.replace(/:/g, '');
  } catch {
    throw new AppSignInError('The app certificate is not a PEM X.509 certificate.');
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenant}`,
      clientCertificate: { thumbprintSha256, privateKey: options.privateKey },
    },
    ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
  });
  return {
    provider: (scopes) => ({
      getAccessToken: async () => {
        const result = await app.acquireTokenByClientCredential({ scopes: [`${resourceOf(scopes)}/.default`] });
        if (!result?.accessToken) throw new AppSignInError('The sign-in service gave the app no token.');
        return result.accessToken;
      },
    }),
  };
}
