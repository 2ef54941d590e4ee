// hub-intake provision / file / list / graph-emulator as other tools run them, against a local
// local store started here; and where the commands take their target from.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocalStore, type LocalStore } from '../../src/store';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ConfigError, connect, LOCAL_GRAPH_URL, loadConfig } from '../../src/cli/connection';

const root = join(__dirname, '..', '..');
const exec = promisify(execFile);

async function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, HUB_INTAKE_GRAPH_URL: '', ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

describe('hub-intake provision, file and list against the local store', () => {
  let store: LocalStore;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-cli-'));
    store = await startLocalStore({ port: 0, dataDir });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('provisions, files each email once, and lists them', async () => {
    const provision = await run(['provision', '--graph', store.url]);
    expect(provision.status).toBe(0);
    expect(provision.stdout).toMatch(/^List "Applications": created, \d+ columns added$/m);
    expect(provision.stdout).toMatch(/^Views: created By status, Needs info, By hub, By programme/m);

    const filed = await run(['file', 'samples/emails', '--json', '--graph', store.url]);
    expect(filed.status).toBe(0);
    const outcomes = JSON.parse(filed.stdout) as { source: string; status: string; itemId: string; itemUrl: string }[];
    expect(outcomes).toHaveLength(15);
    expect(outcomes[0]).toMatchObject({
      source: 'samples/emails/01-sms-complete.eml',
      status: 'created',
      itemId: '1',
      itemUrl: expect.stringMatching(/\/Lists\/Applications\/DispForm\.aspx\?ID=1$/),
    });
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['created']));

    const again = await run(['file', 'samples/emails/01-sms-complete.eml', 'samples/emails/02-tfm-complete.eml'], {
      HUB_INTAKE_GRAPH_URL: store.url,
    });
    expect(again.status).toBe(0);
    const lines = again.stdout.split('\n').filter(Boolean);
    expect(lines.slice(0, -1).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['unchanged item 1', 'unchanged item 2']);
    expect(lines.at(-1)).toBe(
      'Totals for 2 files: 0 created, 0 updated, 2 unchanged, 0 failed; 2 complete, 0 need attention (0 late), 0 unreadable, 0 not an application.',
    );

    const listed = await run(['list', '--json', '--graph', store.url]);
    const items = JSON.parse(listed.stdout) as { id: string; eTag: string; fields: Record<string, unknown> }[];
    expect(items).toHaveLength(15);
    expect(items[0]!.fields).toMatchObject({ FormId: 'secondary-mastery-specialist-2018', Status: 'New', Complete: true });
    expect(items[0]!.eTag).toMatch(/^"/);

    const table = await run(['list', '--graph', store.url]);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ID\s+Status\s+Received \(UK time\)\s+Late\s+Programme\s+School\s+URN\s+Hub\s+Complete\s+Errors$/,
    );
    expect(table.stdout).toMatch(/^15 applications in http:\/\/127\.0\.0\.1:\d+\/sites\/hub-intake\/Lists\/Applications$/m);
    // 06 arrived at 17:30 UK time (16:30 UTC, British Summer Time), after a 17:00 deadline: late, and it says so.
    expect(table.stdout).toMatch(/^6 +Needs info +07 Jun 2018 17:30 +yes +Secondary Mastery Specialist … Ravensworth/m);
    expect(table.stdout).toMatch(/^7 +New +07 Jun 2018 16:59 +no /m);

    const csv = await run(['list', '--csv', '--graph', store.url]);
    expect(csv.status).toBe(0);
    const rows = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(1 + 15 + 1);
    expect(rows[0]).toBe(
      'ID,Status,Decision,Received (UK time),Late,Programme,School,URN,Hub,Head teacher,Applicants,Complete,Errors,Warnings,Missing signatories,Link',
    );
    expect(rows[6]).toMatch(
      /^6,Needs info,,07\/06\/2018 17:30,Yes,Secondary Mastery Specialist Programme 2018\/19 \(Cohort 3\),Ravensworth [^,]*,130971,/,
    );
    expect(rows[4]).toContain(',Head of department (not copied in),http://');
  }, 60_000);

  it('reports what it cannot file and exits 1; a missing path exits 2', async () => {
    const bare = await run(['file', 'samples/forms/sms-bold-answer.docx', '--graph', store.url]);
    expect(bare.status).toBe(1);
    expect(bare.stdout).toMatch(/^failed\s+samples\/forms\/sms-bold-answer\.docx\n\s+Only emails \(\.eml, \.msg\) are filed/m);
    const missing = await run(['file', 'no/such.eml', '--graph', store.url]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  }, 30_000);
});

describe('hub-intake file with an Outlook .msg, and a run longer than one group', () => {
  let store: LocalStore;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-cli-msg-'));
    store = await startLocalStore({ port: 0, dataDir: join(dir, 'data') });
    expect((await run(['provision', '--graph', store.url])).status).toBe(0);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('files a .msg as its .eml twin would be filed: one item, the .msg kept as the email', async () => {
    const msg = await run(['file', 'test/fixtures/formats/msg/05-sms-copied-other-address.msg', '--json', '--graph', store.url]);
    expect(msg.status).toBe(0);
    const [first] = JSON.parse(msg.stdout);
    expect(first).toMatchObject({ status: 'created', error: null });
    expect(first.uploaded).toEqual([expect.stringMatching(/\/email\.msg$/), expect.stringMatching(/\.docx$/)]);
    // The same email saved as .eml: the same fingerprint, so the same item, and nothing of the checker's changed.
    const eml = await run(['file', 'samples/emails/05-sms-copied-other-address.eml', '--json', '--graph', store.url]);
    const [second] = JSON.parse(eml.stdout);
    expect(second.itemId).toBe(first.itemId);
    expect(second.status).not.toBe('created');
    const items = JSON.parse((await run(['list', '--json', '--graph', store.url])).stdout);
    expect(items).toHaveLength(1);
  }, 60_000);

  it('files emails a group at a time, ticking once per email, in the order given', async () => {
    const { fileEmails } = await import('../../src/cli/filing-commands');
    const { loadCatalogue } = await import('../../src/core/catalogue');
    const emails = fs
      .readdirSync(join(root, 'samples', 'emails'))
      .filter((f) => f.endsWith('.eml'))
      .map((f) => join(root, 'samples', 'emails', f));
    // Twice over and a bare form: more than one group of 24, and one that cannot be filed.
    const paths = [...emails, ...emails, join(root, 'samples', 'forms', 'sms-bold-answer.docx')];
    let ticks = 0;
    const outcomes = await fileEmails(connect({ graph: store.url }, 'file'), paths, loadCatalogue(), [], undefined, {
      tick: () => void ticks++,
      clear: () => undefined,
    });
    expect(ticks).toBe(paths.length);
    expect(outcomes.map((o) => o.source)).toEqual(paths);
    expect(outcomes.at(-1)!.status).toBe('failed');
    expect(outcomes.filter((o) => o.status === 'failed')).toHaveLength(1);
  }, 60_000);
});

describe('hub-intake file and check with an application forwarded as an attachment', () => {
  let store: LocalStore;
  let dir: string;
  let forward: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-cli-fw-'));
    store = await startLocalStore({ port: 0, dataDir: join(dir, 'data') });
    // The hub office forwards sample 01 as an attachment, a week after the deadline.
    const raw = await new MailComposer({
      from: 'Hub Office <office@hub.example>',
      to: 'Maths Hub <mathshubs@ncetm.org.uk>',
      subject: 'FW: application',
      date: new Date('2018-06-12T10:00:00Z'),
      messageId: '<fw-01@hub.example>',
      text: 'Forwarding the application below.',
      attachments: [
        {
          filename: 'application.eml',
          content: fs.readFileSync(join(root, 'samples', 'emails', '01-sms-complete.eml')),
          contentType: 'message/rfc822',
        },
      ],
    })
      .compile()
      .build();
    forward = join(dir, 'forwarded.eml');
    fs.writeFileSync(forward, raw);
    fs.writeFileSync(join(dir, 'trusting.json'), JSON.stringify({ trustedSenders: ['hub.example'] }));
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("checks it on the email that arrived, unless the configuration names the forwarder as one of the hub's own", async () => {
    const untrusted = JSON.parse((await run(['check', forward, '--json'])).stdout);
    expect(untrusted[0].issues.map((i: { code: string }) => i.code).sort()).toEqual(['forwarded-original-unverified', 'late']);
    expect(untrusted[0].complete).toBe(false);
    const trusted = JSON.parse((await run(['check', forward, '--json', '--config', join(dir, 'trusting.json')])).stdout);
    expect(trusted[0].issues.map((i: { code: string }) => i.code)).toEqual(['forwarded-application']);
    expect(trusted[0]).toMatchObject({ complete: true, message: { internetMessageId: '<fw-01@hub.example>' } });
  }, 30_000);

  it('files the form inside the attached email, under the email that arrived', async () => {
    expect((await run(['provision', '--graph', store.url])).status).toBe(0);
    const filed = await run(['file', forward, '--json', '--graph', store.url]);
    expect(filed.status).toBe(0);
    const [outcome] = JSON.parse(filed.stdout);
    expect(outcome).toMatchObject({ status: 'created', error: null });
    expect(outcome.uploaded).toEqual([expect.stringMatching(/\/email\.eml$/), expect.stringMatching(/\.docx$/)]);
    const [item] = JSON.parse((await run(['list', '--json', '--graph', store.url])).stdout);
    expect(item.fields).toMatchObject({
      InternetMessageId: '<fw-01@hub.example>',
      OriginalMessageId: expect.stringMatching(/^<.+@.+>$/),
      FormId: 'secondary-mastery-specialist-2018',
      FormLink: expect.stringMatching(/\.docx$/),
    });
    const drive = await (await fetch(`${store.url}/sites/root/lists/Application%20Files/drive`)).json();
    const form = await fetch(
      `${store.url}/drives/${drive.id}/root:/${outcome.uploaded[1].split('/').map(encodeURIComponent).join('/')}:/content`,
    );
    expect(form.status).toBe(200);
    expect((await form.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  }, 30_000);

  it('still prints its JSON array, one failed outcome per email, when the list cannot be reached', async () => {
    const closed = await startLocalStore({ port: 0, dataDir: join(dir, 'closed') });
    const url = closed.url;
    await closed.close();
    const result = await run([
      'file',
      forward,
      'samples/emails/01-sms-complete.eml',
      'samples/forms/sms-bold-answer.docx',
      '--json',
      '--graph',
      url,
    ]);
    expect(result.status).toBe(1);
    const outcomes = JSON.parse(result.stdout);
    expect(outcomes.map((o: { source: string; status: string }) => [o.source, o.status])).toEqual([
      [forward, 'failed'],
      ['samples/emails/01-sms-complete.eml', 'failed'],
      ['samples/forms/sms-bold-answer.docx', 'failed'],
    ]);
    expect(outcomes[0].error).toMatch(/no answer/);
  }, 60_000);
});

describe('hub-intake graph-emulator', () => {
  it('serves until stopped', async () => {
    const dataDir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-emu-'));
    const child = spawn(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), 'graph-emulator', '--port', '0', '--data', dataDir], {
      cwd: root,
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/v1\.0)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const site = await (await fetch(`${url}/sites/root`)).json();
    expect(site.displayName).toBe('Hub Intake (local)');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(join(dataDir, 'graph-store.sqlite'))).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);
});

describe('where the commands send their requests', () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-config-'));
  const configFile = join(dir, 'hub-intake.config.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes --graph, then HUB_INTAKE_GRAPH_URL, then the config file, then the local store', () => {
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        tenant: 'contoso.onmicrosoft.com',
        clientId: '11111111-2222-3333-4444-555555555555',
        site: 'contoso.sharepoint.com:/sites/maths-hub',
        list: 'Applications 2026',
      }),
    );
    expect(connect({}, 'list', { env: {} })).toMatchObject({
      graphUrl: LOCAL_GRAPH_URL,
      site: 'root',
      list: 'Applications',
      library: 'Application Files',
      local: true,
    });
    expect(connect({ config: configFile }, 'list', { env: {} })).toMatchObject({
      graphUrl: 'https://graph.microsoft.com/v1.0',
      site: 'contoso.sharepoint.com:/sites/maths-hub',
      list: 'Applications 2026',
      local: false,
    });
    expect(
      connect({ config: configFile }, 'list', { env: { HUB_INTAKE_GRAPH_URL: 'http://127.0.0.1:4555/v1.0', HUB_INTAKE_SITE: 'root' } }),
    ).toMatchObject({ graphUrl: 'http://127.0.0.1:4555/v1.0', site: 'root', local: true });
    expect(
      connect({ config: configFile, graph: 'http://127.0.0.1:4666/v1.0', list: 'Other' }, 'list', {
        env: { HUB_INTAKE_GRAPH_URL: 'http://127.0.0.1:4555/v1.0' },
      }),
    ).toMatchObject({ graphUrl: 'http://127.0.0.1:4666/v1.0', list: 'Other' });
    expect(connect({}, 'list', { env: { HUB_INTAKE_CONFIG: configFile } }).site).toBe('contoso.sharepoint.com:/sites/maths-hub');
  });

  it('refuses a configuration that is not valid, saying what is wrong', () => {
    fs.writeFileSync(configFile, JSON.stringify({ tenant: 'contoso', clientId: 'not-a-guid', secret: 'x' }));
    expect(() => loadConfig(configFile)).toThrow(ConfigError);
    expect(() => loadConfig(configFile)).toThrow(/clientId[\s\S]*secret|secret[\s\S]*clientId/);
  });

  it('signs in as the app with its certificate when HUB_INTAKE_CERTIFICATE names one, and says what is wrong with it', async () => {
    fs.writeFileSync(configFile, JSON.stringify({ tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' }));
    const fixtures = join(__dirname, '../fixtures/app-certificate');
    // Said when the command connects, before any request: a setting to fix, not a network to check.
    const start = (env: Record<string, string>) => () => connect({ config: configFile }, 'file', { env });
    expect(start({ HUB_INTAKE_CERTIFICATE: join(fixtures, 'nothing-here.pem') })).toThrow(
      new ConfigError('HUB_INTAKE_CERTIFICATE names a file that cannot be read.'),
    );
    expect(start({ HUB_INTAKE_CERTIFICATE: join(fixtures, 'certificate.pem') })).toThrow(
      new ConfigError('The app sign-in needs the private key: set HUB_INTAKE_PRIVATE_KEY to its PEM file.'),
    );
    expect(start({ HUB_INTAKE_CERTIFICATE: join(fixtures, 'key.pem'), HUB_INTAKE_PRIVATE_KEY: join(fixtures, 'key.pem') })).toThrow(
      new ConfigError('HUB_INTAKE_CERTIFICATE: The app certificate is not a PEM X.509 certificate.'),
    );
    // Certificate and key in one file: signed in as the app, with no request sent yet.
    const both = join(dir, 'app.pem');
    fs.writeFileSync(both, fs.readFileSync(join(fixtures, 'certificate.pem'), 'utf8') + fs.readFileSync(join(fixtures, 'key.pem'), 'utf8'));
    expect(start({ HUB_INTAKE_CERTIFICATE: both })().local).toBe(false);
  });

  it('asks for a token or a sign-in for a real tenant, and sends a token from the environment', async () => {
    expect(() => connect({ graph: 'https://graph.microsoft.com/v1.0' }, 'file', { env: {} })).toThrow(/HUB_INTAKE_TOKEN/);
    let authorization: string | null = null;
    const withToken = connect({ graph: 'https://graph.microsoft.com/v1.0' }, 'file', { env: { HUB_INTAKE_TOKEN: 'from-env' } });
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      authorization = (init.headers as Record<string, string>).Authorization ?? null;
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      const fresh = connect({ graph: 'https://graph.microsoft.com/v1.0' }, 'file', { env: { HUB_INTAKE_TOKEN: 'from-env' } });
      await fresh.client.sdk.api('/sites/root').get();
    } finally {
      globalThis.fetch = original;
    }
    expect(authorization).toBe('Bearer from-env');
    expect(withToken.local).toBe(false);
  });
});
