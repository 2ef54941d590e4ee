// file --mailbox and watch: their options, and the progress line a person sees on a terminal.
import { mailboxRun, parseInterval, progress } from '../../src/cli/mailbox-commands';
import { UsageError } from '../../src/cli/usage';

const target = { graphUrl: 'http://127.0.0.1:4000/v1.0', site: 'root', list: 'Applications' };

describe('mailbox options', () => {
  it('reads intervals and refuses what is not one', () => {
    expect(parseInterval('5m')).toBe(300_000);
    expect(parseInterval('30s')).toBe(30_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('90')).toBe(90_000);
    expect(() => parseInterval('soon')).toThrow(UsageError);
    expect(() => parseInterval('10ms')).toThrow(/at least/);
  });

  it('keeps one state file per mailbox folder, date range and target, in the state folder', () => {
    const env = { HUB_INTAKE_STATE: '/srv/intake/state' };
    const a = mailboxRun({ mailbox: 'Hub@School.example', folder: 'inbox' }, target, env);
    expect(a).toMatchObject({
      mailbox: 'Hub@School.example',
      folder: 'inbox',
      since: null,
      until: null,
      pageSize: 50,
      markCategory: null,
      moveTo: null,
    });
    expect(a.stateFile).toMatch(/^\/srv\/intake\/state\/mailbox-[0-9a-f]{16}\.json$/);
    expect(mailboxRun({ mailbox: 'hub@school.example', folder: 'INBOX' }, target, env).stateFile).toBe(a.stateFile);
    expect(mailboxRun({ mailbox: 'hub@school.example', folder: 'inbox', since: '2025-01-06' }, target, env).stateFile).not.toBe(
      a.stateFile,
    );
    expect(mailboxRun({ mailbox: 'hub@school.example', folder: 'inbox' }, { ...target, list: 'Other' }, env).stateFile).not.toBe(
      a.stateFile,
    );
    expect(mailboxRun({ mailbox: 'hub@school.example', state: 'here' }, target, env).stateFile).toMatch(/\/here\/mailbox-/);
  });

  it('refuses a missing mailbox, bad dates, both markings and a bad page size', () => {
    expect(() => mailboxRun({}, target)).toThrow(/--mailbox needs/);
    expect(() => mailboxRun({ mailbox: 'hub' }, target)).toThrow(UsageError);
    expect(() => mailboxRun({ mailbox: 'h@s.example', since: 'last week' }, target)).toThrow(/--since last week is not a date/);
    expect(() => mailboxRun({ mailbox: 'h@s.example', since: '2025-02-01', until: '2025-01-01' }, target)).toThrow(/before --until/);
    expect(() => mailboxRun({ mailbox: 'h@s.example', 'mark-category': 'Filed', 'move-to': 'Done' }, target)).toThrow(/not both/);
    expect(() => mailboxRun({ mailbox: 'h@s.example', 'page-size': '0' }, target)).toThrow(/--page-size/);
  });
});

describe('progress', () => {
  it('writes filed / to do, the rate and the time left on one line of a terminal, and clears it at the end', () => {
    const written: string[] = [];
    let now = 0;
    const bar = progress(100, { isTTY: true, write: (t: string) => written.push(t) }, () => now);
    now = 30_000;
    for (let i = 0; i < 10; i++) bar.tick();
    expect(written.at(-1)).toBe('\r\x1b[Kfiled 10 / 100, 20 a minute, about 5 min left');
    bar.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const bar = progress(100, { isTTY: false, write: (t: string) => written.push(t) });
    bar.tick();
    bar.done();
    expect(written).toEqual([]);
  });
});
