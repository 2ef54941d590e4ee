// A second harness (or the demo while one runs) takes a free port and says which, or fails
// cleanly with nothing left listening; never a hang with its store still up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../src/harness/serve';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Whether something listens on this port (the harness's store, say). */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('two harnesses', () => {
  let dir: string;
  const open: Harness[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-intake-harness-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'taskpane.html'), '<!doctype html><title>pane</title>');
    writeFileSync(join(dir, 'dist', 'harness.html'), '<!doctype html><title>harness</title>');
  });
  afterAll(async () => {
    for (const h of open) await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const options = (name: string) => ({ distDir: join(dir, 'dist'), samplesDir: join(dir, 'none'), dataDir: join(dir, name) });

  it('the second takes a free port, and its store another, and says which was taken', async () => {
    const first = await startHarness({ ...options('a'), port: 0, storePort: await freePort() });
    open.push(first);
    const port = Number(new URL(first.url).port);
    const storePort = Number(new URL(first.storeUrl).port);
    const second = await startHarness({ ...options('b'), port, anyPortIfTaken: true, storePort });
    open.push(second);
    expect(second.portTaken).toBe(port);
    expect(new URL(second.url).port).not.toBe(String(port));
    expect(new URL(second.storeUrl).port).not.toBe(String(storePort));
    expect((await fetch(second.url)).status).toBe(200);
  }, 30_000);

  it('with its port chosen, fails saying so, and leaves its store stopped', async () => {
    const first = open[0]!;
    const port = Number(new URL(first.url).port);
    const storePort = await freePort();
    await expect(startHarness({ ...options('c'), port, storePort })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is taken (another harness, perhaps): stop it, or choose a free port with HUB_INTAKE_HARNESS_PORT.`,
    );
    expect(await listening(storePort)).toBe(false);
  }, 30_000);
});
