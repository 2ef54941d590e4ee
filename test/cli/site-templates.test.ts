// A hub manager saves a new form's template to the site once; then every hub manager's check and
// filing know the form. The hub-intake command as run from a terminal, against a local store.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startLocalStore, type LocalStore } from '../../src/store';
import { unseenFormEmail } from '../support/unseen-email';

const root = join(__dirname, '..', '..');
const exec = promisify(execFile);
const SAVED_BY = 'Pat Example-Manager';

async function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
      cwd: root,
      env: { ...process.env, HUB_INTAKE_GRAPH_URL: '', HUB_INTAKE_CONFIG: '', HUB_INTAKE_USER: SAVED_BY, ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

const formIdOf = (stdout: string) => (JSON.parse(stdout) as { forms: { formId: string | null }[] }[])[0]!.forms[0]!.formId;

describe('templates saved to the site', () => {
  let store: LocalStore;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(join(os.tmpdir(), 'hub-intake-site-templates-'));
    store = await startLocalStore({ port: 0, dataDir: join(dir, 'store') });
    fs.writeFileSync(join(dir, 'pms.eml'), await unseenFormEmail());
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are proposed, saved once, found by check --site-templates, and filed with their columns', async () => {
    const provisioned = await run(['provision', '--graph', store.url]);
    expect(provisioned.stdout).toMatch(/^List "Form Templates": created, 4 columns added$/m);

    const proposed = await run(['template', 'samples/unseen/blank/primary-mastery-specialist-2024.docx', '--out', join(dir, 't.json')]);
    expect(proposed.status).toBe(0);
    const id = JSON.parse(fs.readFileSync(join(dir, 't.json'), 'utf8')).id as string;

    const checked = await run(['template', join(dir, 't.json')]);
    expect(checked).toMatchObject({ status: 0, stdout: expect.stringContaining(`a valid template, ${id}`) });

    const saved = await run(['template', join(dir, 't.json'), '--save', '--graph', store.url]);
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toMatch(new RegExp(`^Saved template ${id} in the "Form Templates" list \\(item 1\\)\\.$`, 'm'));
    expect(saved.stdout).toMatch(/^List "Applications": 10 columns added \(nameSchool, address, .*\)$/m);

    const again = await run(['template', join(dir, 't.json'), '--save', '--graph', store.url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(
        `a template with the id ${id} is already saved \\(Form Templates item 1, saved .* UTC\\)\\. Review it against yours, then run this again with --replace`,
      ),
    );
    expect(again.stderr + again.stdout).not.toContain(SAVED_BY);

    const replaced = await run(['template', join(dir, 't.json'), '--save', '--replace', '--graph', store.url]);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/^Replaced template .* \(item 1\)\.\nList "Applications": has a column for every field of the form$/m);

    const form = 'samples/unseen/forms/pms-01-typed.docx';
    const found = await run(['check', '--site-templates', form, '--json', '--graph', store.url]);
    expect(found.status).toBe(0);
    expect(found.stderr).toBe('');
    expect(formIdOf(found.stdout)).toBe(id);
    // Without --site-templates check stays offline: a Graph URL nobody answers changes nothing.
    const offline = await run(['check', form, '--json'], { HUB_INTAKE_GRAPH_URL: 'http://127.0.0.1:1/v1.0' });
    expect(offline.status).toBe(0);
    expect(formIdOf(offline.stdout)).toBeNull();

    const filed = await run(['file', join(dir, 'pms.eml'), '--json', '--graph', store.url]);
    expect(filed.status).toBe(0);
    expect(JSON.parse(filed.stdout)).toEqual([expect.objectContaining({ status: 'created', itemId: '1' })]);
    const listed = await run(['list', '--json', '--graph', store.url]);
    const [item] = JSON.parse(listed.stdout) as { fields: Record<string, unknown> }[];
    expect(item!.fields).toMatchObject({
      FormId: id,
      nameSchool: 'Kingsbury Green Primary School',
      schoolUrn: '103412',
      teacherReferenceNumber: '1734592',
      qualifiedTeacherStatus: true,
    });
    expect(item!.fields.IssuesSummary ?? '').not.toContain('missing-column');
  }, 90_000);

  it('goes on past a saved template that is not valid, naming the item', async () => {
    const items = `${store.url}/sites/root/lists/Form%20Templates/items`;
    const post = (fields: Record<string, string>) =>
      fetch(items, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields }) }).then((r) =>
        r.json(),
      );
    const notJson = await post({ Title: 'Broken', TemplateId: 'broken-2026', Template: '{"id": ' });
    const invalid = await post({
      Title: 'Invalid',
      TemplateId: 'invalid-2026',
      Template: JSON.stringify({ id: 'invalid-2026', title: 'x', programme: 'x', fields: [{ key: 'a', label: 'A', type: 'colour' }] }),
    });
    const filed = await run(['file', join(dir, 'pms.eml'), '--graph', store.url]);
    expect(filed.status).toBe(0);
    expect(filed.stdout).toMatch(/^unchanged\s+item 1 /);
    expect(filed.stderr).toContain(`hub-intake: warning: Form Templates item ${notJson.id} is not valid JSON; it is left out.`);
    expect(filed.stderr).toContain(`hub-intake: warning: Template Form Templates item ${invalid.id} is not valid`);
    expect(filed.stderr).toMatch(/--save --replace/);
    for (const id of [notJson.id, invalid.id]) await fetch(`${items}/${id}`, { method: 'DELETE' });
  }, 30_000);

  it('say so in one line when the site has no Form Templates list, and go on', async () => {
    const bare = await startLocalStore({ port: 0, dataDir: join(dir, 'bare') });
    try {
      const result = await run(['check', '--site-templates', 'samples/emails/01-sms-complete.eml', '--json', '--graph', bare.url]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('hub-intake: note: The site has no "Form Templates" list yet: run `hub-intake provision`.\n');
      expect(formIdOf(result.stdout)).toBe('secondary-mastery-specialist-2018');
    } finally {
      await bare.close();
    }
  }, 30_000);

  it('refuses a template file that is not valid, saying what is wrong, and a proposal saved unreviewed', async () => {
    fs.writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        id: 'our-form-2026',
        title: 'Our form',
        programme: 'Ours',
        fields: [
          { key: 'urn', label: 'URN', type: 'urn' },
          { key: 'when', label: 'When', type: 'date', after: 'nowhere' },
        ],
      }),
    );
    const bad = await run(['template', join(dir, 'bad.json'), '--save', '--graph', store.url]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json is not valid:[\s\S]*Unknown field nowhere/);
    fs.writeFileSync(
      join(dir, 'reserved.json'),
      JSON.stringify({ id: 'our-form-2026', title: 'Our form', programme: 'Ours', fields: [{ key: 'urn', label: 'URN', type: 'urn' }] }),
    );
    const reserved = await run(['template', join(dir, 'reserved.json')]);
    expect(reserved.status).toBe(1);
    expect(reserved.stderr).toMatch(/the field key "urn" is taken by a list column of its own/);
    fs.writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    expect((await run(['template', join(dir, 'broken.json')])).stderr).toMatch(/broken\.json is not valid JSON/);

    const unreviewed = await run(['template', 'samples/unseen/blank/primary-mastery-specialist-2024.docx', '--save']);
    expect(unreviewed.status).toBe(2);
    expect(unreviewed.stderr).toMatch(/saved after review/);
    expect((await run(['template', join(dir, 'reserved.json'), '--replace'])).status).toBe(2);
  }, 30_000);
});
