// What the pane shows for the sample emails, computed as the checker's worker computes it.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import { checkForPane } from '../../src/taskpane/worker/check';

const sample = async (name: string) => checkForPane(await readEml(readFileSync(join(__dirname, '..', '..', 'samples', 'emails', name))), name);

describe('the pane view', () => {
  it('names the programme, calls a complete application complete, and pre-fills QTS from the form', async () => {
    const { view } = await sample('01-sms-complete.eml');
    expect(view.form).toMatchObject({ found: true, formId: 'secondary-mastery-specialist-2018', programme: expect.stringMatching(/Secondary Mastery Specialist/) });
    expect(view.complete).toBe(true);
    expect(view.errorCount).toBe(0);
    expect(view.criteria.find((c) => c.id === 'qts')?.settled).toBe('met');
    expect(view.criteria.filter((c) => c.settled === null).length).toBeGreaterThan(0);
    expect(view.reply.points).toEqual([]);
  });

  it('counts the problems, shows the signatory not copied in, and puts the field with an error first', async () => {
    const { view } = await sample('04-sms-signatory-not-copied.eml');
    expect(view.complete).toBe(false);
    expect(view.errorCount).toBe(1);
    expect(view.signatories.find((s) => s.role === 'headOfDepartment')?.status).toBe('notCopied');
    expect(view.fields[0]).toMatchObject({ key: 'headOfDepartmentEmail', issues: [expect.objectContaining({ code: 'signatory-not-copied' })] });
    expect(view.reply.points).toHaveLength(1);
  });

  it('gives statements their word count against the limit, errors before warnings', async () => {
    const { view } = await sample('08-sms-word-limit.eml');
    const statement = view.fields.find((f) => f.key === 'applicantStatement')!;
    expect(statement.words).toEqual({ count: expect.any(Number), limit: 300, kind: 'maximum' });
    expect(statement.words!.count).toBeGreaterThan(300);
    const ranks = view.fields.map((f) => (f.issues.some((i) => i.severity === 'error') ? 0 : f.issues.length ? 1 : 2));
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('says the deadline and whether the email came in after it, in UK time', async () => {
    const late = (await sample('06-sms-late.eml')).view.deadline!;
    expect(late).toMatchObject({ deadline: 'Thursday 7 June 2018 at 17:00', late: true });
    expect((await sample('07-sms-on-time.eml')).view.deadline!.late).toBe(false);
  });

  it('says why no form was found', async () => {
    const { view } = await sample('12-no-form-attached.eml');
    expect(view.form).toEqual({ found: false, reason: expect.stringMatching(/No application form is attached/) });
    expect(view.criteria).toEqual([]);
    expect(view.fields).toEqual([]);
  });

  it('shows rows one per line and Yes/No as words', async () => {
    const { view } = await sample('01-sms-complete.eml');
    expect(view.fields.find((f) => f.key === 'qtsStatus')?.display).toBe('Yes');
    expect(view.fields.find((f) => f.key === 'teachingHistory')?.display).toMatch(/ · /);
  });
});
