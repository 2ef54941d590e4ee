// npm run bench: the command line as users run it, whole processes timed from outside.
// - `hub-intake --help`: start-up, the median of 20 runs (target: under 150 ms).
// - `hub-intake check <folder of 360 application emails> --json` against mammoth's raw-text
//   extraction of just those emails' forms (bench/support/mammoth-raw-text.cjs), each a whole
//   Node process, alternated on the same machine in one run (target: check at least 3 times faster).
// The emails are the samples, copied to make 360; the data goes to .data/bench-cli/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../src/adapters/mail-files/read-eml';
import { readDocx } from '../src/core/docx/read-docx';

const ROOT = join(__dirname, '..');
const EMAILS = 360;
const HELP_RUNS = Number(process.env.BENCH_HELP_RUNS ?? 20);
const CHECK_RUNS = Number(process.env.BENCH_CHECK_RUNS ?? 3);
const data = join(ROOT, '.data', 'bench-cli');
const bin = join(ROOT, 'bin', 'hub-intake.cjs');

async function makeData(): Promise<{ emails: string; forms: string; formCount: number }> {
  const samples = join(ROOT, 'samples', 'emails');
  const sources = readdirSync(samples)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const emails = join(data, 'emails');
  const forms = join(data, 'forms');
  rmSync(data, { recursive: true, force: true });
  mkdirSync(emails, { recursive: true });
  mkdirSync(forms, { recursive: true });
  let formCount = 0;
  for (let i = 0; i < EMAILS; i++) {
    const source = sources[i % sources.length]!;
    const bytes = readFileSync(join(samples, source));
    const name = `${String(i).padStart(3, '0')}-${source}`;
    writeFileSync(join(emails, name), bytes);
    const message = await readEml(new Uint8Array(bytes));
    for (const [j, a] of message.attachments.entries()) {
      if (!a.name.toLowerCase().endsWith('.docx') || !readDocx(a.bytes).ok) continue;
      writeFileSync(join(forms, `${name}-${j}.docx`), a.bytes);
      formCount++;
    }
  }
  return { emails, forms, formCount };
}

/** Wall-clock milliseconds of one whole process, its output thrown away. */
function timed(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS, outside the TypeScript project
  await (require('../scripts/build-cli.cjs') as () => Promise<void>)();
  const { emails, forms, formCount } = await makeData();

  const bare = Array.from({ length: HELP_RUNS }, () => timed(['-e', '0']));
  const help = Array.from({ length: HELP_RUNS }, () => timed([bin, '--help']));
  console.log(
    `hub-intake --help: median ${ms(median(help))}, fastest ${ms(min(help))} over ${HELP_RUNS} runs (node -e 0: median ${ms(median(bare))}, fastest ${ms(min(bare))})`,
  );

  const check: number[] = [];
  const mammoth: number[] = [];
  for (let i = 0; i < CHECK_RUNS; i++) {
    check.push(timed([bin, 'check', emails, '--json']));
    mammoth.push(timed([join(ROOT, 'bench', 'support', 'mammoth-raw-text.cjs'), forms]));
  }
  console.log(`hub-intake check ${EMAILS} emails --json: median ${ms(median(check))} (runs: ${check.map(ms).join(', ')})`);
  console.log(`mammoth raw text of their ${formCount} forms: median ${ms(median(mammoth))} (runs: ${mammoth.map(ms).join(', ')})`);
  console.log(`check is ${(median(mammoth) / median(check)).toFixed(2)} times as fast as mammoth, whole process against whole process`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
