// npm run bench: how long reading and checking one form takes, against mammoth's raw-text
// extraction of the same files in the same run (mammoth is a dev dependency, for comparison only).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { readEml } from '../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../src/core/catalogue';
import { checkDocument } from '../src/core/check';
import { readDocx } from '../src/core/docx/read-docx';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 30;
const samples = join(__dirname, '..', 'samples');

/** Every sample form: on its own, attached to the sample emails, and the unseen programme's. */
async function sampleForms(): Promise<[string, Uint8Array][]> {
  const forms: [string, Uint8Array][] = [];
  for (const dir of ['forms', join('unseen', 'forms')]) {
    for (const file of readdirSync(join(samples, dir))
      .filter((f) => f.endsWith('.docx'))
      .sort())
      forms.push([file, new Uint8Array(readFileSync(join(samples, dir, file)))]);
  }
  for (const file of readdirSync(join(samples, 'emails'))
    .filter((f) => f.endsWith('.eml'))
    .sort()) {
    const message = await readEml(new Uint8Array(readFileSync(join(samples, 'emails', file))));
    for (const a of message.attachments)
      if (a.name.endsWith('.docx') && readDocx(a.bytes).ok) forms.push([`${file.replace(/\.eml$/, '')}: ${a.name}`.slice(0, 46), a.bytes]);
  }
  return forms;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const catalogue = loadCatalogue();
  const files = await sampleForms();
  if (!files.length) throw new Error('No sample forms: run `npm run samples` first.');
  const ours: number[] = [];
  const theirs: number[] = [];
  console.log(`Checking ${files.length} sample forms, ${ITERATIONS} times each (after ${WARMUP} warm-up runs).\n`);
  console.log(
    'form'.padEnd(48),
    'bytes'.padStart(7),
    'check p50'.padStart(10),
    'p95'.padStart(7),
    'mammoth p50'.padStart(12),
    'ratio'.padStart(7),
  );
  for (const [file, bytes] of files) {
    const buffer = Buffer.from(bytes);
    const check = await time(() => checkDocument(bytes, file, catalogue, file));
    const raw = await time(() => mammoth.extractRawText({ buffer }));
    ours.push(...check);
    theirs.push(...raw);
    const ratio = percentile(raw, 50) / percentile(check, 50);
    console.log(
      file.padEnd(48),
      String(bytes.length).padStart(7),
      `${percentile(check, 50).toFixed(2)} ms`.padStart(10),
      percentile(check, 95).toFixed(2).padStart(7),
      `${percentile(raw, 50).toFixed(2)} ms`.padStart(12),
      `${ratio.toFixed(1)}x`.padStart(7),
    );
  }
  ours.sort((a, b) => a - b);
  theirs.sort((a, b) => a - b);
  const ratio = percentile(theirs, 50) / percentile(ours, 50);
  console.log(`\nAll forms: check p50 ${percentile(ours, 50).toFixed(2)} ms, p95 ${percentile(ours, 95).toFixed(2)} ms per form;`);
  console.log(
    `mammoth extractRawText p50 ${percentile(theirs, 50).toFixed(2)} ms, p95 ${percentile(theirs, 95).toFixed(2)} ms; check is ${ratio.toFixed(1)}x faster.`,
  );
  console.log(
    `Goals: p50 under 5 ms (${percentile(ours, 50) < 5 ? 'met' : 'NOT met'}), at least 3x faster than mammoth (${ratio >= 3 ? 'met' : 'NOT met'}).`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
