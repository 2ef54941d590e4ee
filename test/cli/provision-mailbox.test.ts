// `hub-intake provision --mailbox <address>`: the four decision categories created in that
// mailbox's master list through Graph, once; running it again creates nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { provision } from '../../src/cli/filing-commands';

describe('provision --mailbox', () => {
  it("creates the decision categories missing from the mailbox's master list, and nothing the second time", async () => {
    const master: { displayName: string; color: string }[] = [{ displayName: 'Hub Intake: Accepted', color: 'preset4' }];
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url !== '/v1.0/users/mathshubs%40hub.example.org/outlook/masterCategories') return void res.writeHead(404).end();
        if (req.method === 'POST') master.push(JSON.parse(body));
        res
          .writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(req.method === 'POST' ? JSON.parse(body) : { value: master }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const graph = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((t) => (written.push(String(t)), true));
    try {
      expect(await provision(['--mailbox', 'MathsHubs@hub.example.org', '--graph', graph])).toBe(0);
      expect(await provision(['--mailbox', 'mathshubs@hub.example.org', '--graph', graph])).toBe(0);
      await expect(provision(['--mailbox', 'not an address', '--graph', graph])).rejects.toThrow(/--mailbox needs the mailbox's address/);
    } finally {
      spy.mockRestore();
      server.close();
    }
    expect(master.map((c) => `${c.displayName} ${c.color}`)).toEqual([
      'Hub Intake: Accepted preset4',
      'Hub Intake: Declined preset0',
      'Hub Intake: Waitlisted preset1',
      'Hub Intake: Needs info preset7',
    ]);
    expect(written).toEqual([
      'Mailbox mathshubs@hub.example.org: created Hub Intake: Declined, Hub Intake: Waitlisted, Hub Intake: Needs info\n',
      'Mailbox mathshubs@hub.example.org: all four categories there\n',
    ]);
    expect(seen.filter((s) => s.startsWith('POST'))).toHaveLength(3);
  });
});
