// The commands that file to SharePoint: provision, file, list, and graph-emulator (serves the local store). Thin: arguments in,
// the Graph adapter called, results printed.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import {
  type Application,
  failedOutcome,
  fileApplications,
  type FilingOutcome,
  type FilingTarget,
  listApplications,
  type ListChanges,
  provisionApplications,
  resolveTarget,
  siteWebUrl,
  TEMPLATES_LIST,
} from '../adapters/graph';
import { ensureMasterCategories } from '../adapters/graph/mail';
import { SMALL_TENANT, startLocalStore } from '../store';
import { ensurePresentation } from '../adapters/sharepoint/rest';
import { readApplication } from './applications';
import { ConfigError, connect, type Connection, DEFAULT_PORT, type ConnectionFlags, trustedSenders } from './connection';
import type { Catalogue } from '../core/catalogue';
import { collectInputs } from './inputs';
import { catalogueWith, siteTemplates } from './templates';
import { UsageError } from './usage';
import { formatCsv, formatTable } from './list-text';
import { CheckTally, plural, printable } from './words';
import { PROJECT_DIR, TARGET_OPTIONS } from './options';
import { createProgress, type Progress } from './progress';

/** The project folder, where the local store keeps its data by default. */
export { PROJECT_DIR, TARGET_OPTIONS };
export const DEFAULT_DATA_DIR = resolve(PROJECT_DIR, '.data', 'graph');

const out = (text: string) => process.stdout.write(text);

/** The Outlook categories that show a decision in the message list (as the task pane names them). */
export const DECISION_CATEGORIES = [
  { name: 'Hub Intake: Accepted', color: 'Preset4' },
  { name: 'Hub Intake: Declined', color: 'Preset0' },
  { name: 'Hub Intake: Waitlisted', color: 'Preset1' },
  { name: 'Hub Intake: Needs info', color: 'Preset7' },
] as const;

export async function provision(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...TARGET_OPTIONS, templates: { type: 'string' }, mailbox: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (values.mailbox !== undefined) return provisionMailbox(values.mailbox, values, values.json ?? false);
  const connection = connect(values, 'provision');
  // The site's saved templates need their columns too; a first provision creates their list.
  const catalogue = catalogueWith(values.templates, values.config, await siteTemplates(connection, { quiet: true }));
  const siteUrl = await siteWebUrl(connection.client, connection.site);
  const result = await provisionApplications(connection.client, connection.site, {
    templates: catalogue.templates,
    list: connection.list,
    library: connection.library,
    presentation: (title) => ensurePresentation(connection.sharePoint(siteUrl), title),
  });
  if (values.json) {
    out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  out(`${listLine(connection.list, { status: result.list, columnsAdded: result.columnsAdded, columnsUpdated: result.columnsUpdated })}\n`);
  out(`Library "${connection.library}": ${result.library}\n`);
  out(`${listLine(TEMPLATES_LIST, result.templatesList)}\n`);
  if (result.presentation) {
    const { viewsCreated, formattersSet } = result.presentation;
    out(
      `Views: ${viewsCreated.length ? `created ${viewsCreated.join(', ')}` : 'all there'}; column formatting: ${formattersSet.length ? `set on ${formattersSet.join(', ')}` : 'up to date'}\n`,
    );
  }
  for (const warning of result.warnings) out(`! ${warning}\n`);
  out(`Site: ${siteUrl}\n`);
  return 0;
}

/**
 * `provision --mailbox <address>`: the four decision categories in that mailbox's master list
 * (POST /users/{address}/outlook/masterCategories, MailboxSettings.ReadWrite), so that delegates,
 * who may not add them, find them there. Running it again creates nothing.
 */
async function provisionMailbox(address: string, flags: ConnectionFlags, json: boolean): Promise<number> {
  if (!/^[^\s@]+@[^\s@]+$/.test(address))
    throw new UsageError(`--mailbox needs the mailbox's address, e.g. --mailbox mathshubs@contoso.org (got "${address}").`);
  const connection = connect(flags, 'mailbox');
  const result = await ensureMasterCategories(connection.client, address.toLowerCase(), DECISION_CATEGORIES);
  if (json) out(`${JSON.stringify({ mailbox: address.toLowerCase(), ...result }, null, 2)}\n`);
  else
    out(
      `Mailbox ${address.toLowerCase()}: ${result.created.length ? `created ${result.created.join(', ')}` : 'all four categories there'}\n`,
    );
  return 0;
}

function listLine(title: string, changes: ListChanges): string {
  const added = changes.columnsAdded.length ? `, ${changes.columnsAdded.length} columns added` : '';
  const updated = changes.columnsUpdated.length
    ? `, ${changes.columnsUpdated.length} columns updated (${changes.columnsUpdated.join(', ')})`
    : '';
  return `List "${title}": ${changes.status}${added}${updated}`;
}

export function formatOutcome(o: FilingOutcome): string {
  if (o.status === 'failed') return `failed     ${printable(o.source)}\n           ${printable(o.error ?? 'not filed')}`;
  const extra = o.resubmissionOf ? `\n           possible resubmission of ${o.resubmissionOf}` : '';
  return `${o.status.padEnd(10)} item ${String(o.itemId).padEnd(4)} ${o.itemUrl}  ${printable(o.source)}${extra}`;
}

/** The totals of a `file` run: what filing did, then what the checks found. */
export function fileTotals(outcomes: readonly FilingOutcome[], tally: CheckTally): string {
  const n = (status: string) => outcomes.filter((o) => o.status === status).length;
  return `Totals for ${plural(outcomes.length, 'file')}: ${n('created')} created, ${n('updated')} updated, ${n('unchanged')} unchanged, ${n('failed')} failed; ${tally.parts()}.`;
}

/** Checks and files emails; exit 0 when each was filed (created, updated or unchanged), 1 when one failed, 2 for a missing path. */
export async function file(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...TARGET_OPTIONS, templates: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!positionals.length) throw new UsageError('file needs at least one path.');
  const { files, missing } = collectInputs(positionals);
  for (const path of missing) process.stderr.write(`hub-intake: no such file or folder: ${path}\n`);
  const connection = connect(values, 'file');
  const tally = new CheckTally();
  // On stderr, only when it is a terminal, never with --json.
  const progress = createProgress(files.length, { enabled: !values.json, verb: 'filed' });
  let results: FilingOutcome[];
  try {
    const catalogue = catalogueWith(values.templates, values.config, await siteTemplates(connection));
    results = await fileEmails(connection, files, catalogue, trustedSenders(values.config), tally, progress);
  } catch (error) {
    // The site could not be read (its templates): nothing is filed, and each email says why.
    if (error instanceof ConfigError || error instanceof UsageError) throw error;
    const why = error instanceof Error ? error.message : 'The site could not be reached.';
    results = files.map((source) => failed(source, why));
  }
  progress.clear();
  if (values.json) out(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const o of results) out(`${formatOutcome(o)}\n`);
    out(`${fileTotals(results, tally)}\n`);
  }
  if (missing.length) return 2;
  return results.some((o) => o.status === 'failed') ? 1 : 0;
}

/** How many emails are read and filed together: memory stays bounded, and progress moves after each group. */
const GROUP = 24;

/**
 * Reads, checks and files the emails at these paths, a group at a time; one outcome per path, in
 * order. A run that cannot reach the list still answers for every email (each failed, saying why).
 * `tally` counts what the checks found, for the line of totals; `progress` ticks once per email.
 */
export async function fileEmails(
  connection: Connection,
  paths: readonly string[],
  catalogue: Catalogue,
  trusted: readonly string[] = [],
  tally?: CheckTally,
  progress?: Progress,
): Promise<FilingOutcome[]> {
  const outcomes: FilingOutcome[] = [];
  let target: FilingTarget | undefined;
  let unreachable: string | undefined;
  for (let start = 0; start < paths.length; start += GROUP) {
    const read = await Promise.all(paths.slice(start, start + GROUP).map((p) => readApplication(p, catalogue, trusted)));
    for (const r of read) {
      if (r.ok) tally?.add(r.application.intake.report);
      else tally?.addUnfiled(r.source);
    }
    const applications: Application[] = [];
    for (const r of read) if (r.ok) applications.push(r.application);
    let filed: FilingOutcome[] = [];
    if (applications.length) {
      try {
        if (unreachable) throw new Error(unreachable);
        target ??= await resolveTarget(connection.client, { site: connection.site, list: connection.list, library: connection.library });
        filed = await fileApplications(connection.client, target, applications);
      } catch (error) {
        const why = error instanceof Error ? error.message : 'The list could not be reached.';
        // The list was never reached: the next groups are not tried again (each try waits out its retries).
        if (!target) unreachable = why;
        filed = applications.map((a) => failed(a.intake.report.source, why));
      }
    }
    const bySource = new Map(filed.map((o) => [o.source, o] as const));
    for (const r of read) {
      outcomes.push(r.ok ? bySource.get(r.application.intake.report.source)! : failed(r.source, r.error));
      progress?.tick();
    }
  }
  return outcomes;
}

const failed = failedOutcome;

export async function list(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...TARGET_OPTIONS, json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false } },
  });
  if (values.json && values.csv) throw new UsageError('--json and --csv: choose one.');
  const connection = connect(values, 'list');
  const target = await resolveTarget(connection.client, { site: connection.site, list: connection.list, library: connection.library });
  const items = await listApplications(connection.client, target);
  if (values.json)
    out(
      `${JSON.stringify(
        items.map((i) => ({
          id: i.id,
          eTag: i.eTag,
          webUrl: i.webUrl,
          createdDateTime: i.createdDateTime,
          lastModifiedDateTime: i.lastModifiedDateTime,
          fields: i.fields,
        })),
        null,
        2,
      )}\n`,
    );
  else if (values.csv) out(formatCsv(items));
  else out(`${formatTable(items)}\n\n${plural(items.length, 'application')} in ${target.listUrl}\n`);
  return 0;
}

export async function serveStore(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      data: { type: 'string' },
      token: { type: 'string' },
      mailbox: { type: 'string' },
      seed: { type: 'string' },
      throttle: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number.`);
  if (values.seed !== undefined && values.mailbox === undefined) throw new UsageError('--seed goes with --mailbox <address>.');
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  if (values.token !== undefined && !/^[\x21-\x7e]{16,}$/.test(values.token))
    throw new UsageError('--token needs at least 16 printable characters without spaces.');
  const store = await startLocalStore({
    port,
    dataDir,
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(values.throttle ? { throttle: SMALL_TENANT } : {}),
  });
  out(`Local store (a Microsoft Graph subset) at ${store.url}\nData: ${dataDir}\n`);
  if (values.token !== undefined) out('Requests need "Authorization: Bearer <the --token given>" (hub-intake sends HUB_INTAKE_TOKEN).\n');
  if (values.mailbox !== undefined) {
    const added = await store.seedMailbox(values.mailbox, values.seed === undefined ? undefined : resolve(values.seed));
    out(`Mailbox ${values.mailbox}: ${added} email${added === 1 ? '' : 's'} added to the inbox.\n`);
  }
  if (values.throttle) out('Budgets: 1,200 resource units a minute per app; 10,000 requests per 10 minutes and 4 at once per mailbox.\n');
  out(`Admin endpoints (/_admin/…) need the header X-Admin-Secret: ${store.adminSecret}\nStop with Ctrl+C.\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void store.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
