// hub-intake file --mailbox and watch, run as a hub runs them, against a local store whose mailbox
// is seeded from the sample emails (and copies of them with fresh Message-IDs), with the tenant's
// budgets scaled down so that pacing and throttling happen within seconds.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createGraphClient, listApplications, noToken, provisionApplications, resolveTarget } from '../../src/adapters/graph';
import { loadCatalogue } from '../../src/core/catalogue';
import { startLocalStore, type LocalStore } from '../../src/store';
import { multiplyEmails } from '../support/multiply-emails';

const root = join(__dirname, '..', '..');
const exec = promisify(execFile);
const SAMPLES = join(root, 'samples', 'emails');
const HUB = 'hub@mathshub.example';
const CLI = join(root, 'bin', 'hub-intake.cjs');

interface Setup {
  store: LocalStore;
  dir: string;
  state: string;
}

const setups: Setup[] = [];

async function setup(emails: number): Promise<Setup> {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-mailbox-'));
  const store = await startLocalStore({ port: 0, dataDir: join(dir, 'data') });
  const client = createGraphClient({ graphUrl: store.url, auth: noToken });
  await provisionApplications(client, 'root', { templates: loadCatalogue().templates });
  const mail = join(dir, 'mail');
  multiplyEmails(SAMPLES, mail, emails);
  expect(await store.seedMailbox(HUB, mail)).toBe(emails);
  const s = { store, dir, state: join(dir, 'state') };
  setups.push(s);
  return s;
}

afterAll(async () => {
  for (const s of setups) {
    await s.store.close();
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
});

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      cwd: root,
      env: { ...process.env, HUB_INTAKE_GRAPH_URL: '' },
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

async function items(store: LocalStore) {
  const client = createGraphClient({ graphUrl: store.url, auth: noToken });
  return listApplications(client, await resolveTarget(client, { site: 'root' }));
}

async function categories(store: LocalStore): Promise<string[][]> {
  const out: string[][] = [];
  let url: string | undefined = `${store.url}/users/${HUB}/mailFolders/inbox/messages?$select=categories&$top=100`;
  while (url) {
    const page = (await (await fetch(url)).json()) as { value: { categories: string[] }[]; '@odata.nextLink'?: string };
    out.push(...page.value.map((m) => m.categories));
    url = page['@odata.nextLink'];
  }
  return out;
}

/** Starts the CLI and resolves lines of its stdout as they come. */
function start(args: string[]): {
  child: ChildProcess;
  lines: string[];
  waitFor(test: (lines: string[]) => boolean, ms?: number): Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: { ...process.env, HUB_INTAKE_GRAPH_URL: '' } });
  const lines: string[] = [];
  let buffer = '';
  const watchers: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    watchers.forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor: (test, ms = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; output so far:\n${lines.join('\n')}`)), ms);
        const check = () => {
          if (test(lines)) {
            clearTimeout(timer);
            resolve();
          }
        };
        watchers.push(check);
        check();
      }),
  };
}

const filedLines = (lines: string[]) => lines.filter((l) => /\b(created|updated|unchanged)\b/.test(l));

describe('hub-intake file --mailbox', () => {
  it('files each email with attachments once, paced within the budget, as filing the .eml from disk does', async () => {
    const { store, state } = await setup(30);
    store.setThrottle({
      ruPerWindow: 160,
      ruWindowSeconds: 2,
      mailboxRequestsPerWindow: 2000,
      mailboxWindowSeconds: 60,
      mailboxConcurrency: 4,
    });
    const filed = await run([
      'file',
      '--mailbox',
      HUB,
      '--graph',
      store.url,
      '--state',
      state,
      '--page-size',
      '8',
      '--mark-category',
      'Hub Intake: filed',
      '--json',
    ]);
    expect(filed.stderr).toBe('');
    expect(filed.status).toBe(0);
    const outcomes = JSON.parse(filed.stdout) as { source: string; status: string }[];
    expect(outcomes).toHaveLength(30);
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['created']));
    expect(outcomes.every((o) => /^message \S+$/.test(o.source))).toBe(true);

    const list = await items(store);
    expect(list).toHaveLength(30);
    expect(new Set(list.map((i) => String(i.fields.InternetMessageId))).size).toBe(30);
    expect((await categories(store)).every((c) => c.includes('Hub Intake: filed'))).toBe(true);
    // Paced: the budget was used up and waited for, with next to no request refused.
    const t = store.stats().throttling;
    expect(t.resourceUnits).toBeGreaterThan(160);
    expect(t.sharePointThrottled / t.sharePointRequests).toBeLessThan(0.02);
    expect(t.mailboxThrottled).toBe(0);

    // Run again: the delta link brings only the category changes, which are already marked.
    const again = await run(['file', '--mailbox', HUB, '--graph', store.url, '--state', state, '--mark-category', 'Hub Intake: filed']);
    expect(again.stdout).toBe('Nothing new to file.\n');
    expect(fs.readdirSync(state)).toEqual([expect.stringMatching(/^mailbox-[0-9a-f]{16}\.json$/)]);
    // A delta link Graph no longer knows (410): the folder is read from the start, and nothing is filed twice.
    const stateFile = join(state, fs.readdirSync(state)[0]!);
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { link: string };
    fs.writeFileSync(stateFile, JSON.stringify({ ...saved, link: saved.link.replace(/\$deltatoken=.*/, '$deltatoken=expired') }));
    const resynced = await run(['file', '--mailbox', HUB, '--graph', store.url, '--state', state, '--mark-category', 'Hub Intake: filed']);
    expect(resynced).toMatchObject({ status: 0, stdout: 'Nothing new to file.\n' });
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).link).toMatch(/\$deltatoken=(?!expired)/);

    // The same emails filed from disk make the same items (but for their links' host and the ids).
    const disk = await setup(0);
    expect((await run(['file', SAMPLES, '--graph', disk.store.url])).status).toBe(0);
    const fromDisk = new Map((await items(disk.store)).map((i) => [String(i.fields.InternetMessageId), i.fields] as const));
    const strip = (fields: Record<string, unknown>): Record<string, unknown> => {
      const {
        id,
        Created,
        Modified,
        _UIVersionString,
        EmailLink,
        FormLink,
        ResubmissionOf,
        ResubmissionOfId,
        InternetMessageId,
        FilingAttempt,
        ['@odata.etag']: etag,
        ...rest
      } = fields;
      void [id, Created, Modified, _UIVersionString, ResubmissionOf, ResubmissionOfId, InternetMessageId, FilingAttempt, etag]; // a filing run's own id is not the email's
      const path = (link: unknown) => (typeof link === 'string' ? new URL(link).pathname.replace(/-[0-9a-f]+\//, '-x/') : link);
      return { ...rest, EmailLink: path(EmailLink), FormLink: path(FormLink) };
    };
    // The first 15 copies in the mailbox are the 15 samples in order, each with a new Message-ID.
    const byReceived = (a: { fields: Record<string, unknown> }, b: { fields: Record<string, unknown> }) =>
      Number(a.fields.id) - Number(b.fields.id);
    const mailboxFirst = [...list].sort(byReceived).slice(0, 15);
    const diskItems = [...fromDisk.values()];
    expect(diskItems).toHaveLength(15);
    expect(Object.keys(strip(diskItems[0]!)).length).toBeGreaterThan(20);
    expect(
      mailboxFirst
        .map((i) => strip(i.fields))
        .sort((a, b) => String(a.Title).localeCompare(String(b.Title)) || String(a.ReceivedAt).localeCompare(String(b.ReceivedAt))),
    ).toEqual(
      diskItems
        .map((f) => strip(f))
        .sort((a, b) => String(a.Title).localeCompare(String(b.Title)) || String(a.ReceivedAt).localeCompare(String(b.ReceivedAt))),
    );
  });

  it('killed part-way and started again, files every email exactly once', async () => {
    const { store, state } = await setup(30);
    const args = ['file', '--mailbox', HUB, '--graph', store.url, '--state', state, '--page-size', '5', '--move-to', 'Inbox/Filed'];
    const first = start(args);
    await first.waitFor((lines) => filedLines(lines).length >= 7);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = (await items(store)).length;
    expect(before).toBeGreaterThanOrEqual(7);
    expect(before).toBeLessThan(30);

    const second = await run(args);
    expect(second.status).toBe(0);
    const list = await items(store);
    expect(list).toHaveLength(30);
    expect(new Set(list.map((i) => String(i.fields.InternetMessageId).toLowerCase())).size).toBe(30);
    // Everything filed was moved; a message filed just before the kill may have been filed again as unchanged, never twice.
    const inbox = (await (await fetch(`${store.url}/users/${HUB}/mailFolders/inbox?$select=totalItemCount`)).json()) as {
      totalItemCount: number;
    };
    expect(inbox.totalItemCount).toBe(0);
    expect(filedLines(second.stdout.split('\n')).every((l) => /^(created|unchanged)\b/.test(l))).toBe(true);
  });
});

describe('hub-intake watch', () => {
  it('files an email that arrives within one interval, stops cleanly on a signal, and files nothing twice after a restart', async () => {
    const { store, state } = await setup(3);
    const args = ['watch', '--mailbox', HUB, '--graph', store.url, '--state', state, '--every', '1s'];
    const first = start(args);
    await first.waitFor((lines) => filedLines(lines).length === 3);
    const extra = join(setups.at(-1)!.dir, 'late');
    multiplyEmails(SAMPLES, extra, 1, 'late');
    const arrived = Date.now();
    await store.addMail(HUB, fs.readFileSync(join(extra, '000000.eml')));
    await first.waitFor((lines) => filedLines(lines).length === 4, 5000);
    expect(Date.now() - arrived).toBeLessThan(2500); // within one interval (1 s) and a round
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.lines.at(-1)).toMatch(/stopped$/);
    // One line per email, with no personal data: a status, an item id and the mailbox's opaque id.
    for (const line of filedLines(first.lines)) expect(line).toMatch(/^\S+Z created\s+item \d+ message [A-Za-z0-9_-]+$/);

    const second = start(args);
    await second.waitFor((lines) => lines.some((l) => /watching/.test(l)));
    await new Promise((r) => setTimeout(r, 2500));
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(filedLines(second.lines)).toEqual([]);
    expect(await items(store)).toHaveLength(4);
  });
});

describe('hub-intake graph-emulator --mailbox --seed --throttle', () => {
  it("serves the seeded mailbox with a small tenant's budgets until stopped", async () => {
    const dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-emulator-'));
    try {
      const child = spawn(
        process.execPath,
        [CLI, 'graph-emulator', '--port', '0', '--data', join(dir, 'data'), '--mailbox', HUB, '--seed', SAMPLES, '--throttle'],
        { cwd: root },
      );
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/v1\.0)[\s\S]*Budgets:[\s\S]*Stop with/.exec(output);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      expect(output).toContain(`Mailbox ${HUB}: 15 emails added to the inbox.`);
      const inbox = (await (await fetch(`${url}/users/${HUB}/mailFolders/inbox`)).json()) as { totalItemCount: number };
      expect(inbox.totalItemCount).toBe(15);
      const secret = /X-Admin-Secret: (\S+)/.exec(output)![1]!;
      const throttle = (await (
        await fetch(url.replace(/\/v1\.0$/, '/_admin/throttle'), { headers: { 'X-Admin-Secret': secret } })
      ).json()) as Record<string, number>;
      expect(throttle).toMatchObject({
        ruPerWindow: 1200,
        ruWindowSeconds: 60,
        mailboxRequestsPerWindow: 10_000,
        mailboxWindowSeconds: 600,
        mailboxConcurrency: 4,
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
