// `npm run demo`: the whole path with nothing but Node. Starts the local list store in-process (port
// 4000, or any free port), provisions the list, checks and files every sample email, prints what
// it did and the list, and stops. Its data stays in .data/demo, so running it again files nothing
// new: every email comes back "unchanged".
import { relative, resolve } from 'node:path';
import { fileApplications, listApplications, provisionApplications, resolveTarget, siteWebUrl, type Application } from '../adapters/graph';
import { startLocalStore, type LocalStore } from '../store';
import { ensurePresentation } from '../adapters/sharepoint/rest';
import { readApplication } from './applications';
import { connect, DEFAULT_PORT } from './connection';
import { formatOutcome, formatTable, PROJECT_DIR } from './filing-commands';
import { collectInputs } from './inputs';
import { loadCatalogue } from '../core/catalogue';
import { issueCounts } from '../core/check';

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
    out(`Local list store: ${store.url} (data in ${dataDir})\n\n`);

    const siteUrl = await siteWebUrl(connection.client, 'root');
    const provisioned = await provisionApplications(connection.client, 'root', { templates: catalogue.templates, presentation: (title) => ensurePresentation(connection.sharePoint(siteUrl), title) });
    out(`Provision: list ${provisioned.list}, library ${provisioned.library}, ${provisioned.presentation?.viewsCreated.length ?? 0} views created\n\n`);

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
    outcomes.forEach((o, i) => {
      const report = applications[i]!.intake.report;
      const { errors, warnings } = issueCounts(report);
      const form = report.forms.find((f) => f.formId)?.formId ?? 'no known form';
      out(`${report.complete ? '✓' : '✗'} ${form.padEnd(34)} ${String(errors).padStart(2)} errors, ${String(warnings).padStart(2)} warnings\n  ${formatOutcome(o)}\n`);
    });
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    out(`\nFiled ${outcomes.length} emails in ${filingMs} ms and ${requests} HTTP requests: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed.\n\n`);

    const items = await listApplications(connection.client, target);
    out(`${formatTable(items)}\n\n`);
    out(`The list: ${target.listUrl}  (items at ${target.listUrl}/DispForm.aspx?ID=<id>; files in ${target.libraryUrl})\n`);
    out(`To browse it, keep the store running:  npm run --silent hub-intake -- graph-emulator --data .data/demo\n`);
    out(`  then:  npm run --silent hub-intake -- list   (or GET ${store.url.replace(/:\d+\//, `:${DEFAULT_PORT}/`)}/sites/root/lists/Applications/items?$expand=fields)\n`);
    out(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return count('failed') ? 1 : 0;
  } finally {
    await store.close();
  }
}
