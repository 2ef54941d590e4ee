// npm run bench (second part): filing against the local store. Round trips and time per
// application, for the sample emails filed all at once, one at a time, and filed again.
// Goal: one batched round trip plus the uploads per application.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Application,
  createGraphClient,
  type Exchange,
  fileApplication,
  fileApplications,
  noToken,
  provisionApplications,
  resolveTarget,
} from '../src/adapters/graph';
import { startLocalStore } from '../src/store';
import { readApplication } from '../src/cli/applications';
import { collectInputs } from '../src/cli/inputs';
import { loadCatalogue } from '../src/core/catalogue';

const ROUNDS = Number(process.env.BENCH_FILE_ROUNDS ?? 5);

interface Tally {
  batches: number;
  uploads: number;
  other: number;
}

function classify(tally: Tally, e: Exchange): void {
  if (e.url.endsWith('/$batch')) tally.batches++;
  else if (e.method === 'PUT' || /createUploadSession/.test(e.url)) tally.uploads++;
  else tally.other++;
}

async function main() {
  const catalogue = loadCatalogue();
  const applications: Application[] = [];
  for (const path of collectInputs([join(__dirname, '..', 'samples', 'emails')]).files) {
    const read = await readApplication(path, catalogue);
    if (read.ok) applications.push(read.application);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-intake-bench-'));
  const store = await startLocalStore({ port: 0, dataDir });
  let tally: Tally = { batches: 0, uploads: 0, other: 0 };
  const client = createGraphClient({ graphUrl: store.url, auth: noToken, observe: (e) => classify(tally, e) });
  const origin = store.url.replace(/\/v1\.0$/, '');
  const fresh = async () => {
    await fetch(`${origin}/_admin/reset`, { method: 'POST', headers: { 'X-Admin-Secret': store.adminSecret } });
    await provisionApplications(client, 'root', { templates: catalogue.templates });
    return resolveTarget(client, { site: 'root' });
  };
  const measure = async (label: string, run: () => Promise<void>, before?: () => Promise<void>) => {
    const times: number[] = [];
    let last: Tally = tally;
    for (let i = 0; i < ROUNDS; i++) {
      if (before) await before();
      tally = { batches: 0, uploads: 0, other: 0 };
      const start = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      last = tally;
    }
    times.sort((a, b) => a - b);
    const n = applications.length;
    const per = (x: number) => (x / n).toFixed(2).padStart(6);
    console.log(
      label.padEnd(34),
      per(last.batches),
      per(last.uploads),
      per(last.other),
      per(last.batches + last.uploads + last.other),
      `${(times[Math.floor(times.length / 2)]! / n).toFixed(1)} ms`.padStart(10),
    );
  };

  console.log(
    `Filing ${applications.length} sample emails (${applications.filter((a) => a.intake.report.forms.some((f) => f.formId)).length} with a known form) to the local store, median of ${ROUNDS} runs.`,
  );
  console.log(
    `${'per application'.padEnd(34)} ${'batches'.padStart(6)} ${'upload'.padStart(6)} ${'other'.padStart(6)} ${'total'.padStart(6)} ${'time'.padStart(10)}`,
  );
  let target = await fresh();
  await measure(
    'all at once, new',
    async () => void (await fileApplications(client, target, applications)),
    async () => void (target = await fresh()),
  );
  await measure('all at once, filed again', async () => void (await fileApplications(client, target, applications)));
  await measure(
    'one at a time, new',
    async () => {
      for (const application of applications) await fileApplication(client, target, application);
    },
    async () => void (target = await fresh()),
  );
  await measure('one at a time, filed again', async () => {
    for (const application of applications) await fileApplication(client, target, application);
  });
  console.log('Uploads: the email and its form, each once; "filed again" uploads nothing and writes nothing.');
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
