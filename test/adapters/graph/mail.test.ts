// Mail through Graph for the pane: the item's own mailbox (/me) or a shared mailbox's owner
// (/users/{owner}), through the client's chain; Conditional Access claims challenges answered once
// with a token for the claims; a mailbox's master categories created once.
import { createGraphClient, GraphRequestError } from '../../../src/adapters/graph';
import { attachedItemMime, ensureMasterCategories, messageMime } from '../../../src/adapters/graph/mail';

type Seen = { url: string; method: string; auth: string | null; body: string | null };

function scriptedFetch(answers: Response[]): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    seen.push({
      url,
      method: String(init.method ?? 'GET'),
      auth: headers.Authorization ?? null,
      body: typeof init.body === 'string' ? init.body : init.body ? await new Response(init.body).text() : null,
    });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, seen };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const mime = 'From: school@example.org\r\nSubject: Application\r\n\r\nHello';

describe('mail through Graph', () => {
  it("reads a shared mailbox item from its owner's mailbox, and one's own from /me", async () => {
    const { fetch, seen } = scriptedFetch([
      new Response(mime, { headers: { 'Content-Type': 'message/rfc822' } }),
      new Response(mime),
      new Response(mime),
    ]);
    const client = createGraphClient({ graphUrl: 'https://graph.microsoft.com/v1.0', auth: { getAccessToken: async () => 'tok' }, fetch });
    expect(new TextDecoder().decode(await messageMime(client, 'AAMk/1=', 'mathshubs@hub.example.org'))).toBe(mime);
    expect(await attachedItemMime(client, 'AAMk/1=', 'att 2', 'mathshubs@hub.example.org')).toBe(mime);
    await messageMime(client, 'AAMk1', null);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://graph.microsoft.com/v1.0/users/mathshubs%40hub.example.org/messages/AAMk%2F1%3D/$value',
      'GET https://graph.microsoft.com/v1.0/users/mathshubs%40hub.example.org/messages/AAMk%2F1%3D/attachments/att%202/$value',
      'GET https://graph.microsoft.com/v1.0/me/messages/AAMk1/$value',
    ]);
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
  });

  it('throws a typed error (status, code) when the mailbox refuses, and retries a 503', async () => {
    const { fetch, seen } = scriptedFetch([
      json(503, { error: { code: 'serviceNotAvailable' } }, { 'Retry-After': '0' }),
      json(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } }),
    ]);
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: { getAccessToken: async () => 'tok' },
      fetch,
      sleep: async () => undefined,
    });
    const error = await messageMime(client, 'AAMk1', 'mathshubs@hub.example.org').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({
      status: 403,
      code: 'ErrorAccessDenied',
      path: '/v1.0/users/mathshubs%40hub.example.org/messages/AAMk1/$value',
    });
    expect(seen).toHaveLength(2);
  });

  it('answers a Conditional Access claims challenge once, with a token asked for those claims', async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    const challenge = new Response('', {
      status: 401,
      headers: {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"`,
      },
    });
    const { fetch, seen } = scriptedFetch([challenge, new Response(mime)]);
    const asked: (string | null)[] = [];
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: { getAccessToken: async (r) => (asked.push(r?.claims ?? null), r?.claims ? 'fresh' : 'stale') },
      fetch,
    });
    await messageMime(client, 'AAMk1', null);
    expect(asked).toEqual([null, claims]);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it("creates only the master categories a mailbox lacks, in Graph's colour names", async () => {
    const { fetch, seen } = scriptedFetch([
      json(200, { value: [{ displayName: 'hub intake: accepted', color: 'preset4' }] }),
      json(201, {}),
      json(201, {}),
    ]);
    const client = createGraphClient({ graphUrl: 'https://graph.microsoft.com/v1.0', auth: { getAccessToken: async () => 'tok' }, fetch });
    const result = await ensureMasterCategories(client, 'mathshubs@hub.example.org', [
      { name: 'Hub Intake: Accepted', color: 'Preset4' },
      { name: 'Hub Intake: Declined', color: 'Preset0' },
      { name: 'Hub Intake: Needs info', color: 'Preset7' },
    ]);
    expect(result).toEqual({ created: ['Hub Intake: Declined', 'Hub Intake: Needs info'], existing: ['Hub Intake: Accepted'] });
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body ?? ''}`.trim())).toEqual([
      'GET https://graph.microsoft.com/v1.0/users/mathshubs%40hub.example.org/outlook/masterCategories',
      'POST https://graph.microsoft.com/v1.0/users/mathshubs%40hub.example.org/outlook/masterCategories {"displayName":"Hub Intake: Declined","color":"preset0"}',
      'POST https://graph.microsoft.com/v1.0/users/mathshubs%40hub.example.org/outlook/masterCategories {"displayName":"Hub Intake: Needs info","color":"preset7"}',
    ]);
  });
});
