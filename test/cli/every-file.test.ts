// `hub-intake check` over a folder: every file gets a report, emails (.eml or Outlook .msg, told by
// their bytes) and forms in any format read, anything else said for what it is.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'formats');

describe('hub-intake check over a folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-intake-every-'));
    copyFileSync(join(fixtures, 'msg', '01-sms-complete.msg'), join(dir, 'a.msg'));
    copyFileSync(join(fixtures, 'forms', 'sms-bold-answer.odt'), join(dir, 'b.odt'));
    copyFileSync(join(fixtures, 'forms', 'sms-bold-answer.doc'), join(dir, 'c.docx')); // a .doc under a .docx name
    copyFileSync(join(fixtures, 'forms', 'forms.zip'), join(dir, 'd.zip'));
    writeFileSync(join(dir, 'e.txt'), 'Notes for the hub.\n');
    writeFileSync(
      join(dir, 'f.png'),
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each file: what it read, or what the file is', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'hub-intake.cjs'), 'check', dir, '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const reports = JSON.parse(result.stdout) as {
      source: string;
      message: unknown;
      forms: { attachment: string; formId: string }[];
      issues: { code: string; message: string }[];
      complete: boolean;
    }[];
    expect(reports.map((r) => [r.source.slice(dir.length + 1), r.forms.map((f) => f.formId), r.issues.map((i) => i.code)])).toEqual([
      ['a.msg', ['secondary-mastery-specialist-2018'], []],
      ['b.odt', ['secondary-mastery-specialist-2018'], []],
      ['c.docx', ['secondary-mastery-specialist-2018'], []],
      ['d.zip', ['secondary-mastery-specialist-2018'], []],
      ['e.txt', [], ['not-an-application']],
      ['f.png', [], ['not-an-application']],
    ]);
    expect(reports[0]!.complete).toBe(true);
    expect(reports[3]!.forms[0]!.attachment).toBe('d.zip/01-sms-complete.docx');
    expect(reports[4]!.issues[0]!.message).toBe('e.txt is a text file: it cannot hold an application (emails and forms can).');
    expect(reports[5]!.issues[0]!.message).toMatch(/^f\.png is an image: a scan cannot be read/);
  });
});
