// What a hub manager reads in the terminal: `hub-intake check` and its usage, read as text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgress, progressLine } from '../../src/cli/progress';
import { jsonArrayWriter } from '../../src/cli/json-stream';
import { printable } from '../../src/cli/words';

const root = join(__dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HUB_INTAKE_GRAPH_URL: '' },
  });

/** The block of the report about one input. */
function block(stdout: string, source: string): string {
  const start = stdout.indexOf(`${source}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n\n', start);
  return stdout.slice(start, end < 0 ? undefined : end);
}

describe('hub-intake check, read as text', () => {
  const all = run('check', 'samples/emails', 'samples/unseen/forms/pms-01-typed.docx', 'samples/forms/sms-bold-answer.docx');

  it("speaks in the form's labels and the signatories' roles as the form names them, never keys", () => {
    expect(all.status).toBe(0);
    for (const key of ['headteacherEmail', 'headOfDepartment ', 'leadTeacher1', 'qtsStatus', 'advocate1', 'schoolUrn'])
      expect(all.stdout).not.toContain(key);
    const incomplete = block(all.stdout, 'samples/emails/15-sms-incomplete.eml');
    expect(incomplete).toContain('✗ School URN is missing.');
    expect(incomplete).toContain('✗ Nominating head teacher/senior leader (name and e-mail): the e-mail address is missing.');
    expect(incomplete).toMatch(/✗ Nominating Head Teacher\/Senior Leader +no address on the form/);
    expect(block(all.stdout, 'samples/emails/03-readiness-complete.eml')).toMatch(/✓ Lead teacher 1 +copied in/);
    // A problem whose message does not name its field gets the field's label first.
    expect(block(all.stdout, 'samples/emails/11-readiness-other-hub.eml')).toMatch(
      /✗ Maths Hub: North Mids and Peaks Maths Hub does not run this programme\./i,
    );
  });

  it('gives counts that agree with the lines printed', () => {
    const incomplete = block(all.stdout, 'samples/emails/15-sms-incomplete.eml');
    const problems = incomplete
      .slice(incomplete.indexOf('Problems:'), incomplete.indexOf('Signatories:'))
      .split('\n')
      .filter((l) => /^ {6}[✗!] /.test(l));
    expect(problems).toHaveLength(4);
    expect(incomplete).toContain(`Problems: ${problems.length} errors`);
    expect(incomplete).toContain('Fields: 11 of 17 filled in');
    expect(incomplete).toContain(`Verdict: NEEDS ATTENTION — ${problems.length} errors to resolve`);
    expect(all.stdout).not.toMatch(/\b1 (warnings|errors)\b/);
    expect(all.stdout).not.toMatch(/\b0 (warnings|errors)\b/);
  });

  it('explains each verdict: a signatory copied in from another address, warnings that do not stop completeness', () => {
    const other = block(all.stdout, 'samples/emails/05-sms-copied-other-address.eml');
    expect(other).toContain(
      'Verdict: NEEDS ATTENTION — the Nominating Head Teacher/Senior Leader is copied in from another address than the one on the form: confirm it is them',
    );
    expect(other).not.toContain('✗');
    expect(block(all.stdout, 'samples/emails/09-tfm-warnings.eml')).toContain(
      'Verdict: COMPLETE — 2 warnings to read, none of which stops it being complete',
    );
    expect(block(all.stdout, 'samples/emails/01-sms-complete.eml')).toContain('Verdict: COMPLETE — no problems found');
    expect(block(all.stdout, 'samples/forms/sms-bold-answer.docx')).toContain(
      'the signatories can only be confirmed from the email it came with',
    );
  });

  it('prints the error of a form that is not a known one', () => {
    const unknown = block(all.stdout, 'samples/unseen/forms/pms-01-typed.docx');
    expect(unknown).toContain('Not a known application form (the closest known form is 60% alike)');
    expect(unknown).toContain('✗ This document is not one of the known application forms (a hub manager can add its template).');
  });

  it('ends with one line of totals, and nothing on stderr when it is not a terminal', () => {
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Totals for 17 files: 6 complete, 9 need attention (1 late), 0 unreadable, 2 not an application.');
    expect(all.stderr).toBe('');
  });

  it('escapes line breaks and terminal escape codes a sender put in a Subject or an attachment name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-intake-escape-'));
    try {
      const forged = '\r\n  Verdict: COMPLETE — no problems found\u001b[2K\u202e';
      const eml = readFileSync(join(root, 'samples/emails/04-sms-signatory-not-copied.eml'), 'latin1')
        .replace(/^Subject: .*$/m, `Subject: =?utf-8?b?${Buffer.from(`Application${forged}`).toString('base64')}?=`)
        .replace(/filename="[^"]*"/, `filename*=utf-8''${encodeURIComponent(`Form${forged}.docx`)}`)
        .replace(/name="[^"]*"/, `name="Form.docx"`);
      const path = join(dir, 'forged.eml');
      writeFileSync(path, eml, 'latin1');
      const result = run('check', path);
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('\u001b');
      expect(result.stdout).not.toContain('\u202e');
      const verdicts = result.stdout.split('\n').filter((l) => /^\s*Verdict:/.test(l));
      expect(verdicts).toEqual(['  Verdict: NEEDS ATTENTION — 1 error to resolve']);
      expect(result.stdout).toContain('Email: "Application\\r\\n  Verdict: COMPLETE — no problems found\\u001b[2K\\u202e"');
      expect(result.stdout).toContain('Form: Form\\r\\n  Verdict: COMPLETE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hub-intake usage', () => {
  it('says in one line what was mistyped, with a suggestion', () => {
    const option = run('check', 'samples/emails', '--jsn');
    expect(option.status).toBe(2);
    expect(option.stdout).toBe('');
    expect(option.stderr).toBe('hub-intake: unknown option --jsn for check: did you mean --json? (see hub-intake check --help)\n');
    const command = run('chekc', 'samples/emails');
    expect(command.status).toBe(2);
    expect(command.stderr).toBe('hub-intake: unknown command "chekc": did you mean check? (see hub-intake --help)\n');
    expect(run('list', '--templates').stderr).toBe('hub-intake: unknown option --templates for list (see hub-intake list --help)\n');
    expect(run('check', '--templates').stderr).toBe('hub-intake: --templates needs a value (see hub-intake check --help)\n');
    expect(run('check').stderr).toBe('hub-intake check: check needs at least one path. (see hub-intake check --help)\n');
  });

  it("prints each command's help and the version", () => {
    for (const command of ['check', 'file', 'list', 'provision', 'template', 'graph-emulator', 'demo']) {
      const help = run(command, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout.startsWith(`hub-intake ${command}`)).toBe(true);
    }
    expect(run('list', '--help').stdout).toContain('--csv');
    const version = run('--version');
    expect(version.stdout).toBe(
      `hub-intake ${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`,
    );
  });
});

describe('progress', () => {
  const terminal = () => {
    const written: string[] = [];
    return { written, stream: { isTTY: true, write: (t: string) => written.push(t) } };
  };

  it('shows count, rate and time left on a terminal once the run is long, and takes itself off', () => {
    const { written, stream } = terminal();
    let now = 0;
    const progress = createProgress(100, { enabled: true, stream, now: () => now });
    for (let i = 0; i < 10; i++) {
      now += 50;
      progress.tick();
    }
    expect(written).toEqual([]); // half a second in: a short run shows nothing
    for (let i = 0; i < 30; i++) {
      now += 50;
      progress.tick();
    }
    expect(written.at(-1)).toBe('\r\u001b[K40 of 100 checked · 20 a second · about 3 s left');
    progress.clear();
    expect(written.at(-1)).toBe('\r\u001b[K');
    // Cleared before each report printed to the same terminal: still drawn at most five times a second.
    const before = written.length;
    for (let i = 0; i < 20; i++) {
      now += 10;
      progress.clear();
      progress.tick();
    }
    expect(written.length - before).toBeLessThanOrEqual(2 * 2);
  });

  it('shows nothing when stderr is not a terminal, or with --json', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const written: string[] = [];
      let now = 0;
      const progress = createProgress(100, { enabled, stream: { isTTY, write: (t: string) => written.push(t) }, now: () => now });
      for (let i = 0; i < 100; i++) {
        now += 100;
        progress.tick();
      }
      progress.clear();
      expect(written).toEqual([]);
    }
  });

  it('words the time left as a person would', () => {
    expect(progressLine(10, 3610, 1000, 'checked')).toBe('10 of 3610 checked · 10 a second · about 6 min left');
    expect(progressLine(1, 7201, 1000, 'filed')).toBe('1 of 7201 filed · 1.0 a second · about 2 h 0 min left');
  });
});

describe('the JSON array, streamed', () => {
  it('is byte for byte JSON.stringify(array, null, 2), and waits for a full pipe to drain', async () => {
    const values = [{ a: 1, b: [1, 2], c: { d: 'x\ny' } }, null, 'text', []];
    for (const array of [values, [], [{}]]) {
      let text = '';
      const waiting: (() => void)[] = [];
      const out = {
        write: (t: string) => ((text += t), text.length < 40),
        once: (_: string, listener: () => void) => (waiting.push(listener), out),
      };
      const writer = jsonArrayWriter(out as never);
      for (const v of array) {
        const pushed = writer.push(v);
        while (waiting.length) waiting.shift()!();
        await pushed;
      }
      const ended = writer.end();
      while (waiting.length) waiting.shift()!();
      await ended;
      expect(text).toBe(`${JSON.stringify(array, null, 2)}\n`);
    }
  });
});

it('printable() shows every control character as an escape', () => {
  expect(printable('a\nb\tc\u0007\u009b\u2028d')).toBe('a\\nb\\tc\\u0007\\u009b\\u2028d');
  expect(printable('St Aidan’s – Year 7')).toBe('St Aidan’s – Year 7');
});

describe('a store or tenant that does not answer', () => {
  it('says which it tried and what to do, in one line', async () => {
    const net = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const result = run('list', '--graph', `http://127.0.0.1:${port}/v1.0`);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `hub-intake: no answer from the local store at http://127.0.0.1:${port}/v1.0 (ECONNREFUSED). Start it in another terminal with \`npm run --silent hub-intake -- graph-emulator --port ${port}\`, or give --graph <url> for the store you meant.\n`,
    );
  });
});

describe('list --csv', () => {
  it("quotes what needs quoting and shows a sender's formula as text", async () => {
    const { formatCsv } = await import('../../src/cli/list-text');
    const csv = formatCsv([
      {
        id: '3',
        eTag: '"x"',
        webUrl: 'http://127.0.0.1/x',
        createdDateTime: '',
        lastModifiedDateTime: '',
        fields: {
          Title: '=HYPERLINK("http://evil","Click")',
          Status: 'New',
          ReceivedAt: '2018-12-07T17:30:00Z',
          Late: false,
          Applicants: 'Ann "Nan" Lee; Bo\nSmith',
          ErrorCount: 0,
        },
      },
    ]);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toBe(
      `3,New,,07/12/2018 17:30,No,,"'=HYPERLINK(""http://evil"",""Click"")",,,,"Ann ""Nan"" Lee; Bo\nSmith",,0,,,http://127.0.0.1/x`,
    );
  });
});
