// The sign-in ladder: NAA silent → NAA popup; without NAA, standard silent → popup → Office dialog.
// Each purpose asks for its own scopes; a token is reused from memory until it nears expiry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaneSignIn, SignInError } from '../../../src/adapters/auth/naa';
import { parsePaneConfig, PaneConfigError } from '../../../src/adapters/auth/pane-config';

const config = parsePaneConfig(
  {
    site: 'contoso.sharepoint.com:/sites/maths-hub',
    auth: { tenant: 'contoso.onmicrosoft.com', clientId: '2a0bdc00-7caf-4f1d-a0a0-c7f48f3ddf2b' },
  },
  'test',
);

type Step = 'ok' | 'fail';
function fakeMsal(plan: { silent: Step; popup: Step }) {
  const calls: string[] = [];
  const result = (scopes: string[]) => ({
    accessToken: `token for ${scopes.join(' ')}`,
    expiresOn: new Date(Date.now() + 3_600_000),
    account: { homeAccountId: 'a' },
  });
  const pca = (kind: string) => ({
    ssoSilent: async (r: { scopes: string[]; claims?: string }) => {
      calls.push(`${kind}:silent:${r.scopes.join(' ')}${r.claims ? ` claims=${r.claims}` : ''}`);
      if (plan.silent === 'fail') throw Object.assign(new Error('interaction required'), { errorCode: 'interaction_required' });
      return result(r.scopes);
    },
    acquireTokenSilent: async (r: { scopes: string[]; claims?: string }) => {
      calls.push(`${kind}:silent-account:${r.scopes.join(' ')}${r.claims ? ` claims=${r.claims}` : ''}`);
      return result(r.scopes);
    },
    acquireTokenPopup: async (r: { scopes: string[] }) => {
      calls.push(`${kind}:popup`);
      if (plan.popup === 'fail') throw Object.assign(new Error('popup blocked'), { errorCode: 'popup_window_error' });
      return result(r.scopes);
    },
  });
  const configs: unknown[] = [];
  const msal = {
    createNestablePublicClientApplication: async (c: unknown) => (configs.push(c), pca('naa') as never),
    createStandardPublicClientApplication: async (c: unknown) => (configs.push(c), pca('standard') as never),
  };
  return { msal, calls, configs };
}

describe('task pane sign-in', () => {
  it('uses nested app authentication silently when the host offers it, with only the scopes of the purpose', async () => {
    const { msal, calls } = fakeMsal({ silent: 'ok', popup: 'ok' });
    const signIn = createPaneSignIn(config, { nestedAppAuth: () => true, loadMsal: async () => msal });
    expect(await signIn.token('read')).toBe('token for https://graph.microsoft.com/Sites.Read.All');
    expect(await signIn.token('read')).toBe('token for https://graph.microsoft.com/Sites.Read.All');
    expect(await signIn.provider('write').getAccessToken()).toBe('token for https://graph.microsoft.com/Sites.ReadWrite.All');
    expect(calls).toEqual([
      'naa:silent:https://graph.microsoft.com/Sites.Read.All',
      'naa:silent-account:https://graph.microsoft.com/Sites.ReadWrite.All',
    ]);
  });

  it('falls back to a popup when silent sign-in needs interaction', async () => {
    const { msal, calls } = fakeMsal({ silent: 'fail', popup: 'ok' });
    const signIn = createPaneSignIn(config, { nestedAppAuth: () => true, loadMsal: async () => msal });
    await signIn.token('write');
    expect(calls).toEqual(['naa:silent:https://graph.microsoft.com/Sites.ReadWrite.All', 'naa:popup']);
  });

  it('without NAA uses a standard client, and the Office dialog when the popup is blocked', async () => {
    const { msal, calls } = fakeMsal({ silent: 'fail', popup: 'fail' });
    const dialogs: string[][] = [];
    const signIn = createPaneSignIn(config, {
      nestedAppAuth: () => false,
      loadMsal: async () => msal,
      dialog: async (scopes, _claims) => {
        dialogs.push([...scopes]);
        return { accessToken: 'from the dialog', expiresOn: Date.now() + 3_600_000 };
      },
    });
    expect(await signIn.token('mail')).toBe('from the dialog');
    expect(calls).toEqual(['standard:silent:https://graph.microsoft.com/Mail.Read', 'standard:popup']);
    expect(dialogs).toEqual([['https://graph.microsoft.com/Mail.Read']]);
  });

  it('says which rungs it tried when every one fails', async () => {
    const { msal } = fakeMsal({ silent: 'fail', popup: 'fail' });
    const signIn = createPaneSignIn(config, {
      nestedAppAuth: () => false,
      loadMsal: async () => msal,
      dialog: async () => Promise.reject(new Error('The sign-in window was closed before sign-in finished.')),
    });
    const error = await signIn.token('read').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).tried).toEqual(['silent', 'popup', 'office-dialog']);
    expect((error as Error).message).toMatch(/closed before sign-in finished/);
  });

  it('declares the CP1 capability and answers a claims challenge with a fresh token for those claims', async () => {
    const { msal, calls, configs } = fakeMsal({ silent: 'ok', popup: 'ok' });
    const signIn = createPaneSignIn(config, { nestedAppAuth: () => true, loadMsal: async () => msal });
    const provider = signIn.provider('write');
    await provider.getAccessToken();
    expect(await provider.getAccessToken()).toBe('token for https://graph.microsoft.com/Sites.ReadWrite.All');
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    await provider.getAccessToken({ claims });
    expect(configs[0]).toMatchObject({ auth: { clientCapabilities: ['CP1'] } });
    // The cached token is not reused for a challenge: silent again, now with the claims.
    expect(calls).toEqual([
      'naa:silent:https://graph.microsoft.com/Sites.ReadWrite.All',
      `naa:silent-account:https://graph.microsoft.com/Sites.ReadWrite.All claims=${claims}`,
    ]);
  });

  it('passes the claims to the Office dialog when it comes to that rung', async () => {
    const { msal } = fakeMsal({ silent: 'fail', popup: 'fail' });
    const seen: (string | null)[] = [];
    const signIn = createPaneSignIn(config, {
      nestedAppAuth: () => false,
      loadMsal: async () => msal,
      dialog: async (_s, claims) => (seen.push(claims), { accessToken: 'dialog', expiresOn: Date.now() + 3_600_000 }),
    });
    await signIn.token('read', { claims: '{"x":1}' });
    expect(seen).toEqual(['{"x":1}']);
  });

  it('sends no token at all to the local list store, which needs none', async () => {
    const local = parsePaneConfig({ site: 'root', graphUrl: 'http://127.0.0.1:4000/v1.0' }, 'test');
    expect(
      await createPaneSignIn(local, { nestedAppAuth: () => true })
        .provider('write')
        .getAccessToken(),
    ).toBeNull();
  });

  it('refuses a configuration that would reach real Graph with no sign-in, or has a malformed client id', () => {
    expect(() => parsePaneConfig({ site: 'root' }, 'hub-intake.pane.json')).toThrow(PaneConfigError);
    expect(() => parsePaneConfig({ site: 'root', auth: { tenant: 'x', clientId: 'not-a-guid' } }, 'hub-intake.pane.json')).toThrow(
      /clientId/,
    );
  });
});

describe('the example pane configuration', () => {
  it('is valid', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'hub-intake.pane.example.json'), 'utf8'));
    expect(parsePaneConfig(example, 'hub-intake.pane.example.json').auth?.scopes?.write).toEqual([
      'https://graph.microsoft.com/Sites.Selected',
    ]);
  });
});
