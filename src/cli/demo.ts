// `npm run demo`: the whole path with nothing but Node. Starts the local store in-process (port
// 4000, or any free port), provisions the list, checks and files every sample email, prints what
// it did and the list, and stops. Its data stays in .data/demo, so running it again files nothing
// new: every email comes back "unchanged".
import { basename, relative, resolve } from 'node:path';
import { fileApplications, listApplications, provisionApplications, resolveTarget, siteWebUrl, type Application } from '../adapters/graph';
import { startLocalStore, type LocalStore } from '../store';
import { ensurePresentation } from '../adapters/sharepoint/rest';
import { readApplication } from './applications';
import { connect, DEFAULT_PORT } from './connection';
import { fileTotals, PROJECT_DIR } from './filing-commands';
import { CheckTally, printable, verdictShort } from './words';
import { formatTable } from './list-text';
import { collectInputs } from './inputs';
import { loadCatalogue } from '../core/catalogue';

const out = (text: string) => process.stdout.write(text);

async function startStore(dataDir: string): Promise<LocalStore> {
  try {
    return await startLocalStore({ port: DEFAULT_PORT, dataDir });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startLocalStore({ port: 0, dataDir });
  }
}

export async function demo(args: string[]): Promise<number> {
  const emails = args[0] ?? (relative(process.cwd(), resolve(PROJECT_DIR, 'samples', 'emails')) || '.');
  const dataDir = resolve(PROJECT_DIR, '.data', 'demo');
  const started = Date.now();
  const store = await startStore(dataDir);
  try {
    let requests = 0;
    const connection = connect({ graph: store.url, site: 'root' }, 'file', { env: {}, observe: () => requests++ });
    const catalogue = loadCatalogue();
    out(`The demo's own local store, for this run: ${store.url} (data in ${dataDir})\n\n`);

    const siteUrl = await siteWebUrl(connection.client, 'root');
    const provisioned = await provisionApplications(connection.client, 'root', {
      templates: catalogue.templates,
      presentation: (title) => ensurePresentation(connection.sharePoint(siteUrl), title),
    });
    out(
      `Provision: list ${provisioned.list}, library ${provisioned.library}, ${provisioned.presentation?.viewsCreated.length ?? 0} views created\n\n`,
    );

    const { files } = collectInputs([emails]);
    const applications: Application[] = [];
    for (const path of files) {
      const read = await readApplication(path, catalogue);
      if (!read.ok) {
        out(`${path}: ${read.error}\n`);
        continue;
      }
      applications.push(read.application);
    }
    requests = 0;
    const filingStarted = Date.now();
    const target = await resolveTarget(connection.client, { site: 'root' });
    const outcomes = await fileApplications(connection.client, target, applications);
    const filingMs = Date.now() - filingStarted;
    const tally = new CheckTally();
    outcomes.forEach((o, i) => {
      const report = applications[i]!.intake.report;
      tally.add(report);
      const { mark, text } = verdictShort(report, catalogue);
      const filed = o.status === 'failed' ? `failed: ${printable(o.error ?? 'not filed')}` : `${o.status} item ${o.itemId}`;
      out(`${mark} ${basename(printable(report.source))}: ${filed}\n    ${text}\n`);
    });
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    out(`\nFiled in ${filingMs} ms with ${requests} HTTP requests.\n${fileTotals(outcomes, tally)}\n\n`);

    const items = await listApplications(connection.client, target);
    out(`${formatTable(items)}\n\n`);
    // Only what works once this store has stopped (a moment from now): its data stays on disk.
    const data = relative(process.cwd(), dataDir) || dataDir;
    out(`The demo's data is in ${data}.\n`);
    if (process.env.npm_lifecycle_event === 'demo') {
      out('Next, `npm run demo` starts the harness on this list; it says where, and how to list it while it runs.\n');
    } else if (new URL(store.url).port === String(DEFAULT_PORT)) {
      out(`To browse it:  npm run --silent hub-intake -- graph-emulator --data ${data}\n`);
      out(`  then, in another terminal:  npm run --silent hub-intake -- list\n`);
      // The local store serves Graph, not SharePoint's pages: an item is read through Graph.
      out(`  or one item:  curl 'http://127.0.0.1:${DEFAULT_PORT}/v1.0/sites/root/lists/Applications/items/<id>?$expand=fields'\n`);
    } else {
      // Port 4000 is taken (a harness or a store already running): the default would reach that one.
      out(`Port ${DEFAULT_PORT} is taken (by a harness or a local store already running). To browse this data:\n`);
      out(`  npm run --silent hub-intake -- graph-emulator --data ${data} --port 0   (it prints its address)\n`);
      out(`  then, in another terminal:  npm run --silent hub-intake -- list --graph <that address>\n`);
    }
    out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return count('failed') ? 1 : 0;
  } finally {
    await store.close();
  }
}
