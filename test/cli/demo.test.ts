// `hub-intake demo` read as a person reads it: each email's verdict in words, a line of totals,
// and only instructions that work when they are printed (followed here, to the letter).
import { execFile, spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');
const exec = promisify(execFile);
const cli = (...args: string[]) =>
  exec(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
    cwd: root,
    env: { ...process.env, HUB_INTAKE_GRAPH_URL: '', npm_lifecycle_event: '' },
  });

describe('hub-intake demo', () => {
  let holder: net.Server | null = null;
  beforeAll(async () => {
    // Port 4000 taken, as while a harness runs (by us, or by whatever already holds it).
    holder = await new Promise<net.Server | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(4000, '127.0.0.1', () => resolve(server));
    });
  });
  afterAll(() => new Promise<void>((resolve) => (holder ? holder.close(() => resolve()) : resolve())));

  it('says what each email came to, totals it, and prints instructions that work with port 4000 taken', async () => {
    const { stdout } = await cli('demo');
    expect(stdout).toMatch(
      /^! 05-sms-copied-other-address\.eml: (created|updated|unchanged) item \d+\n {4}Needs attention: the Nominating Head Teacher\/Senior Leader is copied in from another address than the one on the form: confirm it is them$/m,
    );
    expect(stdout).toMatch(
      /^✓ 09-tfm-warnings\.eml: (created|updated|unchanged) item \d+\n {4}Complete, 2 warnings to read, none of which stops it being complete$/m,
    );
    expect(stdout).toMatch(
      /^✗ 06-sms-late\.eml: (created|updated|unchanged) item \d+\n {4}Needs attention: Received Thursday 7 June 2018 at 17:30 \(UK time\), after /m,
    );
    expect(stdout).not.toMatch(/\b1 warnings\b|\b0 errors\b/);
    expect(stdout).toMatch(
      /^Totals for 15 files: \d+ created, \d+ updated, \d+ unchanged, 0 failed; 6 complete, 8 need attention \(1 late\), 0 unreadable, 1 not an application\.$/m,
    );
    expect(stdout).toContain('Port 4000 is taken (by a harness or a local store already running). To browse this data:');

    // Follow them: serve the demo's data on a free port, then list it at the address printed.
    const serve = /npm run --silent hub-intake -- graph-emulator --data (\S+) --port 0/.exec(stdout)!;
    const store = spawn(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), 'graph-emulator', '--data', serve[1]!, '--port', '0'], {
      cwd: root,
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        store.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /at (http:\/\/\S+)/.exec(out);
          if (url) resolve(url[1]!);
        });
        store.once('exit', () => reject(new Error(`the store stopped: ${out}`)));
      });
      const listed = await cli('list', '--graph', address);
      // .data/demo keeps what earlier runs filed (an email filed again under a new fingerprint is an item of its own).
      expect(Number(/^(\d+) applications in /m.exec(listed.stdout)?.[1])).toBeGreaterThanOrEqual(15);
      expect(listed.stdout).toMatch(/^6 +Needs info +07 Jun 2018 17:30 +yes /m);
    } finally {
      store.kill('SIGTERM');
    }
  }, 90_000);
});
