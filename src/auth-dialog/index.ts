// auth-dialog.html: the Office dialog's page for hosts without nested app authentication. It signs
// in with a standard MSAL client by redirect (a nestable client here is the known cause of a
// dialog stuck on a blank page) and sends the token to the task pane with messageParent. Its own
// cache is memory only: the token leaves with the message and the dialog closes.
// A claims challenge (Conditional Access) travels in the query as `claims` and goes with the
// redirect; the client declares CP1 as the pane does.
import { CLIENT_CAPABILITIES } from '../adapters/auth/naa';
import { loadPaneConfig, PaneConfigError } from '../adapters/auth/pane-config';
import type { DialogMessage } from '../adapters/auth/dialog-fallback';
import { messageParent, whenOfficeReady } from '../adapters/office/host';

const SCOPES_KEY = 'hub-intake.dialog-scopes';
const CLAIMS_KEY = 'hub-intake.dialog-claims';

function send(message: DialogMessage) {
  messageParent(JSON.stringify(message));
}

async function run() {
  const config = await loadPaneConfig(new URL('hub-intake.pane.json', location.href).href);
  if (!config.auth) throw new PaneConfigError('No sign-in is configured.');
  const fromQuery = new URLSearchParams(location.search).get('scopes');
  if (fromQuery) sessionStorage.setItem(SCOPES_KEY, fromQuery);
  const scopes = (fromQuery ?? sessionStorage.getItem(SCOPES_KEY) ?? '').split(' ').filter(Boolean);
  const claimsQuery = new URLSearchParams(location.search).get('claims');
  if (claimsQuery) sessionStorage.setItem(CLAIMS_KEY, claimsQuery);
  const claims = claimsQuery ?? sessionStorage.getItem(CLAIMS_KEY);
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const pca = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: config.auth.clientId,
      authority: `https://login.microsoftonline.com/${config.auth.tenant}`,
      redirectUri: `${location.origin}${location.pathname}`,
      clientCapabilities: [...CLIENT_CAPABILITIES],
    },
    cache: { cacheLocation: 'memoryStorage' },
  });
  const response = await pca.handleRedirectPromise();
  if (response) {
    sessionStorage.removeItem(SCOPES_KEY);
    sessionStorage.removeItem(CLAIMS_KEY);
    send({
      status: 'success',
      accessToken: response.accessToken,
      expiresOn: response.expiresOn ? response.expiresOn.getTime() : Date.now() + 50 * 60_000,
    });
    return;
  }
  await pca.acquireTokenRedirect({ scopes, ...(claims ? { claims } : {}) });
}

void whenOfficeReady().then(() => {
  run().catch((error: unknown) => send({ status: 'failure', error: error instanceof Error ? error.message : 'Sign-in failed.' }));
});
