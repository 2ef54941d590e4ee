// Pacing by the budgets' headers: one gate per budget, shared by every request of the client.
import { createGraphClient, graphRequest, staticToken } from '../../../src/adapters/graph';
import { budgetOf, Pacer } from '../../../src/adapters/wire/pacing';

function respond(status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(status < 400 ? { ok: true } : { error: { code: 'activityLimitReached', message: 'throttled' } }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('Pacer', () => {
  it('tells SharePoint from each mailbox', () => {
    expect(budgetOf('https://graph.microsoft.com/v1.0/sites/root/lists')).toBe('sharepoint');
    expect(budgetOf('https://graph.microsoft.com/v1.0/users/Hub%40School.example/messages')).toBe('mailbox:hub@school.example');
  });

  it('waits for the reset when RateLimit-Remaining runs below the reserve, and after a 429 for its Retry-After, for every request of that budget only', async () => {
    let now = 1_000_000;
    const waits: [string, number][] = [];
    const pacer = new Pacer({ reserveUnits: 50, now: () => now });
    const replies = [
      respond(200, { 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '300', 'RateLimit-Reset': '20' }),
      respond(200, { 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '30', 'RateLimit-Reset': '7' }),
      respond(200),
      respond(200),
      respond(429, { 'Retry-After': '3' }),
      respond(200),
    ];
    const fetch = (async () => replies.shift()!) as typeof globalThis.fetch;
    let current = '';
    const client = createGraphClient({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      auth: staticToken('t'),
      fetch,
      pacer,
      sleep: async (ms) => {
        waits.push([current, ms]);
        now += ms;
      },
    });
    const get = async (path: string) => {
      current = path;
      await graphRequest(client, 'GET', path);
    };
    await get('/sites/root/lists'); // 300 left: no wait
    await get('/sites/root/lists'); // 30 left: the gate closes for 7 s
    await get('/users/hub@x.example/messages'); // another budget: no wait
    await get('/sites/root'); // waits the 7 s
    expect(waits).toEqual([['/sites/root', 7000]]);
    await get('/users/hub@x.example/messages'); // 429, Retry-After 3: retried after 3 s, once
    expect(waits.slice(1)).toEqual([['/users/hub@x.example/messages', 3000]]);
    expect(pacer.stats).toMatchObject({ waits: 1, throttled: 1 });
  });
});
