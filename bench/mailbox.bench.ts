// npm run bench (mailbox part): `hub-intake file --mailbox` on a seeded mailbox of the sample
// emails multiplied with fresh Message-IDs, against the local store with the tenant's budgets
// modelled, killed part-way (SIGKILL) and started again. Reports applications filed per minute
// against the modelled resource-unit budget, the share of requests throttled, the CLI's peak RSS
// (sampled from /proc) and checks that every email is exactly one item.
//
// Wall clock: the client files far faster than a small tenant's 1,200 RU a minute allows, so the
// bench models a LARGER budget (BENCH_MAILBOX_RU_PER_MINUTE, default 4,800: four small tenants) in
// real minutes, and also says what the same pace means at 1,200. BENCH_MAILBOX_EMAILS (default
// 600) sets the size; the figure is 10,000.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphClient, listApplications, noToken, provisionApplications, resolveTarget } from '../src/adapters/graph';
import { loadCatalogue } from '../src/core/catalogue';
import { startLocalStore } from '../src/store';
import { multiplyEmails } from '../test/support/multiply-emails';

const EMAILS = Number(process.env.BENCH_MAILBOX_EMAILS ?? 600);
const RU_PER_MINUTE = Number(process.env.BENCH_MAILBOX_RU_PER_MINUTE ?? 4800);
const KILL_AT = Number(process.env.BENCH_MAILBOX_KILL_AT ?? 0.4);
const SMALL_TENANT_RU = 1200;
const HUB = 'hub@mathshub.example';
const root = join(__dirname, '..');

function rssOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

interface RunResult {
  filed: number;
  exit: number | null;
  peakKb: number;
  samples: number[];
}

function runCli(args: string[], killAfter: number | null): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HUB_INTAKE_GRAPH_URL: '' },
    });
    let filed = 0;
    let buffer = '';
    let peakKb = 0;
    const samples: number[] = [];
    const timer = setInterval(() => {
      const m = rssOf(child.pid!);
      if (m) {
        peakKb = Math.max(peakKb, m.hwm);
        samples.push(m.rss);
      }
    }, 250);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      filed += lines.filter((l) => /^(created|updated|unchanged)\b/.test(l)).length;
      if (killAfter !== null && filed >= killAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ filed, exit: code, peakKb, samples });
    });
  });
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hub-intake-mailbox-bench-'));
  try {
    const store = await startLocalStore({ port: 0, dataDir: join(dir, 'data') });
    const client = createGraphClient({ graphUrl: store.url, auth: noToken });
    await provisionApplications(client, 'root', { templates: loadCatalogue().templates });
    const ids = multiplyEmails(join(root, 'samples', 'emails'), join(dir, 'mail'), EMAILS, 'bench');
    let t = Date.now();
    await store.seedMailbox(HUB, join(dir, 'mail'));
    console.log(`Seeded ${EMAILS} emails (the ${15} samples with fresh Message-IDs) in ${((Date.now() - t) / 1000).toFixed(0)} s.`);
    console.log(
      `Budget modelled: ${RU_PER_MINUTE} RU a minute per app (${(RU_PER_MINUTE / SMALL_TENANT_RU).toFixed(1)}× a small tenant's ${SMALL_TENANT_RU}); 10,000 requests per 10 minutes and 4 at once per mailbox.`,
    );
    store.setThrottle({
      ruPerWindow: RU_PER_MINUTE,
      ruWindowSeconds: 60,
      mailboxRequestsPerWindow: 10_000,
      mailboxWindowSeconds: 600,
      mailboxConcurrency: 4,
    });
    const before = store.stats();

    const args = ['file', '--mailbox', HUB, '--graph', store.url, '--state', join(dir, 'state'), '--mark-category', 'Hub Intake: filed'];
    t = Date.now();
    const first = await runCli(args, Math.floor(EMAILS * KILL_AT));
    const second = await runCli(args, null);
    const seconds = (Date.now() - t) / 1000;
    const after = store.stats();
    store.setThrottle(undefined);

    const items = await listApplications(client, await resolveTarget(client, { site: 'root' }));
    const filedIds = items.map((i) => String(i.fields.InternetMessageId).toLowerCase());
    const distinct = new Set(filedIds);
    const missing = ids.filter((id) => !distinct.has(id.toLowerCase())).length;

    const th = after.throttling;
    const b = before.throttling;
    const ru = th.resourceUnits - b.resourceUnits;
    const spRequests = th.sharePointRequests - b.sharePointRequests;
    const spThrottled = th.sharePointThrottled - b.sharePointThrottled;
    const mbRequests = th.mailboxRequests - b.mailboxRequests;
    const mbThrottled = th.mailboxThrottled - b.mailboxThrottled;
    const minutes = seconds / 60;
    const perMinute = EMAILS / minutes;
    console.log(
      `Killed (SIGKILL) after ${first.filed} filed lines, started again: the second run printed ${second.filed} lines and exited ${second.exit}.`,
    );
    console.log(
      `Items: ${items.length} for ${EMAILS} emails; ${distinct.size} distinct Message-IDs; ${missing} missing; ${items.length - distinct.size} duplicates.`,
    );
    console.log(`Time: ${seconds.toFixed(0)} s, ${perMinute.toFixed(0)} applications filed a minute.`);
    console.log(
      `Resource units: ${ru} (${(ru / EMAILS).toFixed(1)} per application), ${(ru / minutes).toFixed(0)} a minute = ${((100 * ru) / minutes / RU_PER_MINUTE).toFixed(1)} % of the modelled budget.`,
    );
    // Fixed one-minute windows: a run that ends early in a window has that window's budget to itself,
    // so also the share of the budget of every window the run touched (a lower bound).
    const windows = Math.ceil(seconds / 60);
    console.log(
      `Of the budget of the ${windows} one-minute windows the run touched: ${((100 * ru) / (windows * RU_PER_MINUTE)).toFixed(1)} %.`,
    );
    console.log(
      `Throttled: SharePoint ${spThrottled} of ${spRequests} requests (${((100 * spThrottled) / Math.max(1, spRequests)).toFixed(2)} %); mailbox ${mbThrottled} of ${mbRequests} (${((100 * mbThrottled) / Math.max(1, mbRequests)).toFixed(2)} %).`,
    );
    console.log(
      `At a small tenant's ${SMALL_TENANT_RU} RU a minute the same cost per application gives ${((SMALL_TENANT_RU / ru) * EMAILS).toFixed(0)} applications a minute.`,
    );
    const quarter = (s: number[]) =>
      [0.25, 0.5, 0.75, 1].map((q) => mb(s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? 0)).join(' / ');
    console.log(
      `Peak RSS of the CLI: ${mb(first.peakKb)} (first run), ${mb(second.peakKb)} (second run); RSS at 1/4, 1/2, 3/4 and the end of the second run: ${quarter(second.samples)}.`,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
