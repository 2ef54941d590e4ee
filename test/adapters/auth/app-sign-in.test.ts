// The app's own sign-in for unattended runs, checked at the wire: the token request MSAL sends to
// Entra ID (client credentials, the `.default` scope of the API asked for) and the certificate
// assertion in it, verified against the test certificate, as Entra ID would verify it.
import { createPublicKey, createVerify, constants, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { AppSignInError, appSignIn } from '../../../src/adapters/auth/app-sign-in';

// A self-signed certificate made for these tests only (openssl req -x509): no tenant knows it.
const FIXTURES = join(__dirname, '../../fixtures/app-certificate');
const certificate = readFileSync(join(FIXTURES, 'certificate.pem'), 'utf8');
const privateKey = readFileSync(join(FIXTURES, 'key.pem'), 'utf8');
const TENANT = 'contoso.onmicrosoft.com';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

interface Sent {
  url: URL;
  form: URLSearchParams;
}

function entra(expiresIn = 3599): { network: INetworkModule; sent: Sent[] } {
  const sent: Sent[] = [];
  let n = 0;
  const network: INetworkModule = {
    sendGetRequestAsync: () => Promise.reject(new Error('no GET expected')),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => {
      sent.push({ url: new URL(url), form: new URLSearchParams(options?.body ?? '') });
      n++;
      return Promise.resolve({
        status: 200,
        headers: {},
        body: { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: `token-${n}` } as T,
      });
    },
  };
  return { network, sent };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the app signing in with its certificate', () => {
  it("asks Entra ID for a token for Graph's .default scope with a client assertion signed by the certificate's key", async () => {
    const { network, sent } = entra();
    const signIn = appSignIn({ tenant: TENANT, clientId: CLIENT_ID, certificate, privateKey, networkClient: network });
    await expect(signIn.provider(['https://graph.microsoft.com/Mail.ReadWrite']).getAccessToken()).resolves.toBe('token-1');

    expect(sent).toHaveLength(1);
    const { url, form } = sent[0]!;
    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(CLIENT_ID);
    expect(form.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form.has('client_secret')).toBe(false);

    const [header, payload, signature] = form.get('client_assertion')!.split('.');
    const head = decode(header!);
    const claims = decode(payload!);
    // The certificate is named by its SHA-256 thumbprint, as the app registration lists it.
    const thumbprint = Buffer.from(new X509Certificate(certificate).fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
    expect(head['x5t#S256']).toBe(thumbprint);
    expect(head.alg).toBe('PS256');
    expect(claims).toMatchObject({ aud: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`, iss: CLIENT_ID, sub: CLIENT_ID });
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
    const verified = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(
        { key: createPublicKey(certificate), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        Buffer.from(signature!, 'base64url'),
      );
    expect(verified).toBe(true);
  });

  it('keeps the token for the next request, and asks again for another API', async () => {
    const { network, sent } = entra();
    const signIn = appSignIn({ tenant: TENANT, clientId: CLIENT_ID, certificate, privateKey, networkClient: network });
    const graph = signIn.provider(['https://graph.microsoft.com/Sites.Selected']);
    expect(await graph.getAccessToken()).toBe('token-1');
    expect(await graph.getAccessToken()).toBe('token-1');
    expect(sent).toHaveLength(1);
    expect(await signIn.provider(['https://contoso.sharepoint.com/AllSites.Manage']).getAccessToken()).toBe('token-2');
    expect(sent.map((s) => s.form.get('scope'))).toEqual([
      'https://graph.microsoft.com/.default',
      'https://contoso.sharepoint.com/.default',
    ]);
  });

  it('takes a new token when the one it has is about to expire, so a long watch never stops', async () => {
    const { network, sent } = entra(60); // MSAL refreshes tokens within five minutes of expiry
    const signIn = appSignIn({ tenant: TENANT, clientId: CLIENT_ID, certificate, privateKey, networkClient: network });
    const graph = signIn.provider(['https://graph.microsoft.com/Mail.Read']);
    expect(await graph.getAccessToken()).toBe('token-1');
    expect(await graph.getAccessToken()).toBe('token-2');
    expect(sent).toHaveLength(2);
  });

  it('says plainly when the certificate is not one, without quoting it', () => {
    expect(() => appSignIn({ tenant: TENANT, clientId: CLIENT_ID, certificate: privateKey, privateKey })).toThrow(
      new AppSignInError('The app certificate is not a PEM X.509 certificate.'),
    );
  });
});
