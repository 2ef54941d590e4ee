// npm run bench (the readers' part): how long reading a form takes in each format the core reads,
// the sample forms as LibreOffice saved them (test/fixtures/formats), and an Outlook .msg email
// against its .eml twin. p50/p95 per format, read only (the check after it is the same for all).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml, readMsg } from '../src/adapters/mail-files';
import { readDocument, sniffKind } from '../src/core/documents';

const ITERATIONS = Number(process.env.BENCH_FORMAT_ITERATIONS ?? 40);
const WARMUP = 5;
const fixtures = join(__dirname, '..', 'test', 'fixtures', 'formats');

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function main() {
  const forms = join(fixtures, 'forms');
  const names = readdirSync(forms).sort();
  console.log(
    `\nReading a form, by format (${names.filter((n) => n.endsWith('.docx')).length} sample forms each, ${ITERATIONS} times after ${WARMUP} warm-up runs)\n`,
  );
  console.log('format'.padEnd(8), 'files'.padStart(6), 'KB avg'.padStart(8), 'p50'.padStart(10), 'p95'.padStart(10));
  for (const format of ['docx', 'doc', 'odt', 'rtf', 'pdf']) {
    const files = names.filter((n) => n.endsWith(`.${format}`)).map((n) => new Uint8Array(readFileSync(join(forms, n))));
    const times: number[] = [];
    for (const bytes of files) {
      const kind = sniffKind(bytes);
      times.push(
        ...(await time(async () => {
          const read = await readDocument(bytes, kind);
          if (!read.ok) throw new Error(read.error.message);
        })),
      );
    }
    times.sort((a, b) => a - b);
    const kb = files.reduce((s, f) => s + f.length, 0) / files.length / 1024;
    console.log(
      format.padEnd(8),
      String(files.length).padStart(6),
      kb.toFixed(0).padStart(8),
      `${percentile(times, 50).toFixed(2)} ms`.padStart(10),
      `${percentile(times, 95).toFixed(2)} ms`.padStart(10),
    );
  }
  const mail = join(fixtures, 'msg');
  const twins = readdirSync(mail)
    .filter((n) => /^\d\d-.*\.msg$/.test(n))
    .sort();
  const emls = twins.map((n) => new Uint8Array(readFileSync(join(__dirname, '..', 'samples', 'emails', n.replace(/\.msg$/, '.eml')))));
  const msgs = twins.map((n) => new Uint8Array(readFileSync(join(mail, n))));
  for (const [label, list, read] of [
    ['.eml', emls, readEml],
    ['.msg', msgs, readMsg],
  ] as const) {
    const times: number[] = [];
    for (const bytes of list) times.push(...(await time(() => read(bytes))));
    times.sort((a, b) => a - b);
    console.log(
      `email ${label}`.padEnd(8),
      String(list.length).padStart(6),
      (list.reduce((s, f) => s + f.length, 0) / list.length / 1024).toFixed(0).padStart(8),
      `${percentile(times, 50).toFixed(2)} ms`.padStart(10),
      `${percentile(times, 95).toFixed(2)} ms`.padStart(10),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
