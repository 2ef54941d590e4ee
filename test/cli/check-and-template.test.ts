// The hub-intake command as other tools run it: JSON alone on stdout, exit statuses as cli.md says.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from '../../src/core/catalogue';

const root = join(__dirname, '..', '..');
const runIn = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], { cwd, encoding: 'utf8' });
const run = (...args: string[]) => runIn(root, ...args);

describe('hub-intake check', () => {
  it('prints one JSON array, one element per input file in the order read, and nothing else', () => {
    const result = run('check', 'samples/emails/01-sms-complete.eml', 'samples/forms', '--json');
    expect(result.status).toBe(0);
    const reports = JSON.parse(result.stdout) as {
      source: string;
      message: unknown;
      forms: { formId: string; signatories: { status: unknown }[] }[];
      complete: boolean;
    }[];
    expect(reports.map((r) => r.source)).toEqual([
      'samples/emails/01-sms-complete.eml',
      'samples/forms/readiness-one-lead.docx',
      'samples/forms/sms-bold-answer.docx',
      'samples/forms/tfm-legacy-fields.docx',
    ]);
    expect(reports[0]).toMatchObject({ complete: true, forms: [{ formId: 'secondary-mastery-specialist-2018' }] });
    expect(reports[1]!.message).toBeNull();
    expect(reports[1]!.forms[0]!.signatories.every((s) => s.status === null)).toBe(true);
  });

  it('goes on past an unreadable input and a missing path, and exits 2 for the missing path', () => {
    const result = run('check', 'samples/emails/14-tfm-good-and-corrupt.eml', 'no/such/file.eml', '--json');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no such file or folder: no\/such\/file\.eml/);
    const [report] = JSON.parse(result.stdout) as { issues: { code: string }[]; forms: unknown[] }[];
    expect(report!.issues.map((i) => i.code)).toContain('unreadable-attachment');
    expect(report!.forms).toHaveLength(1);
  });

  it('exits 2 on a usage error', () => {
    expect(run('check').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
  });

  it('prints a short human report without --json', () => {
    const result = run('check', 'samples/emails/06-sms-late.eml');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Verdict: NEEDS ATTENTION/);
    expect(result.stdout).toMatch(/after the .* deadline of Thursday 7 June 2018 at 17:00/);
  });
});

describe('hub-intake template', () => {
  it('prints a template that validates against the schema and says what it is unsure of', () => {
    const result = run('template', 'samples/blank/primary-mastery-readiness-2018.docx');
    expect(result.status).toBe(0);
    const parsed = Template.safeParse(JSON.parse(result.stdout));
    expect(parsed.success).toBe(true);
    expect(result.stderr).toMatch(/Check before saving/);
  });
});

describe('a saved template', () => {
  it('is used by check, from --templates or from the configuration file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-intake-templates-'));
    try {
      mkdirSync(join(dir, 'my-templates'));
      const proposed = run(
        'template',
        'samples/unseen/blank/primary-mastery-specialist-2024.docx',
        '--out',
        join(dir, 'my-templates', 'pms.json'),
      );
      expect(proposed.status).toBe(0);
      const form = join(root, 'samples/unseen/forms/pms-01-typed.docx');
      const formIdOf = (result: ReturnType<typeof run>) =>
        (JSON.parse(result.stdout) as { forms: { formId: string | null }[] }[])[0]!.forms[0]!.formId;

      expect(formIdOf(runIn(dir, 'check', form, '--json'))).toBeNull();
      expect(formIdOf(runIn(dir, 'check', form, '--json', '--templates', 'my-templates'))).toMatch(/^primary-mastery-specialist/);
      writeFileSync(join(dir, 'hub-intake.config.json'), JSON.stringify({ templates: 'my-templates' }));
      expect(formIdOf(runIn(dir, 'check', form, '--json'))).toMatch(/^primary-mastery-specialist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
