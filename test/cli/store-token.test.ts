// hub-intake graph-emulator --token: the store wants that bearer token, prints its admin secret, and
// the hub-intake commands send HUB_INTAKE_TOKEN to it (Graph and SharePoint REST alike).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');
const exec = promisify(execFile);
const TOKEN = 'a-local-store-token-0123456789';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, HUB_INTAKE_GRAPH_URL: '', HUB_INTAKE_TOKEN: '', ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

test('graph-emulator --token serves only requests with the token, and hub-intake sends HUB_INTAKE_TOKEN', async () => {
  const dataDir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-token-'));
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'hub-intake.cjs'), 'graph-emulator', '--port', '0', '--data', dataDir, '--token', TOKEN],
    { cwd: root },
  );
  try {
    let output = '';
    const { url, secret } = await new Promise<{ url: string; secret: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/v1\.0)[\s\S]*X-Admin-Secret: (\S+)/.exec(output);
        if (m) resolve({ url: m[1]!, secret: m[2]! });
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    expect((await fetch(`${url}/sites/root`)).status).toBe(401);
    expect((await fetch(`${url}/sites/root`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const origin = url.replace(/\/v1\.0$/, '');
    expect((await fetch(`${origin}/_admin/stats`)).status).toBe(401);
    expect((await fetch(`${origin}/_admin/stats`, { headers: { 'X-Admin-Secret': secret } })).status).toBe(200);

    expect((await run(['list', '--graph', url])).status).toBe(1);
    const provision = await run(['provision', '--graph', url], { HUB_INTAKE_TOKEN: TOKEN });
    expect(provision.status).toBe(0);
    expect(provision.stdout).toMatch(/^Views: created/m); // SharePoint REST got the token too
    const listed = await run(['list', '--json', '--graph', url], { HUB_INTAKE_TOKEN: TOKEN });
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
