// What the pane shows for the sample emails, computed as the checker's worker computes it.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import { checkForPane } from '../../src/taskpane/worker/check';

const sample = async (name: string) =>
  checkForPane(await readEml(readFileSync(join(__dirname, '..', '..', 'samples', 'emails', name))), name);

describe('the pane view', () => {
  it('names the programme, calls a complete application complete, and pre-fills QTS from the form', async () => {
    const { view } = await sample('01-sms-complete.eml');
    expect(view.form).toMatchObject({
      found: true,
      templateId: 'secondary-mastery-specialist-2018',
      programme: expect.stringMatching(/Secondary Mastery Specialist/),
    });
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
    expect(view.fields[0]).toMatchObject({
      keys: ['headOfDepartmentName', 'headOfDepartmentEmail'],
      issues: [expect.objectContaining({ code: 'signatory-not-copied' })],
    });
    expect(view.verdictText).toBe('1 problem to put right. The Head of department is not copied in: their signature is not confirmed.');
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

  it('shows a name and e-mail box as one row that says which half is missing', async () => {
    const { view } = await sample('15-sms-incomplete.eml');
    expect(view.verdictText).toBe('4 problems to put right. The first: School URN is missing.');
    const rows = view.fields.filter((f) => f.title.startsWith('Nominating head teacher/senior leader (name and e-mail)'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      keys: ['headteacherName', 'headteacherEmail'],
      display: 'Mr Robert Ashworth',
      missingPart: 'e-mail address',
    });
    expect(rows[0]!.issues.map((i) => i.message)).toEqual([
      'Nominating head teacher/senior leader (name and e-mail): the e-mail address is missing.',
      'The form gives no email address for the Nominating Head Teacher/Senior Leader, so their signature cannot be confirmed.',
    ]);
    expect(view.fields.find((f) => f.keys.includes('headOfDepartmentEmail'))).toMatchObject({
      display: 'Mr Joseph Evans · j.evans@oakfield.bristol.sch.uk',
    });
    expect(view.fields.find((f) => f.keys.includes('headOfDepartmentEmail'))!.missingPart).toBeUndefined();
  });

  it('explains a verdict that has no error: a signatory copied in from another address', async () => {
    expect((await sample('05-sms-copied-other-address.eml')).view.verdictText).toBe(
      'The Nominating Head Teacher/Senior Leader is copied in from another address than the one on the form: confirm it is them.',
    );
    expect((await sample('09-tfm-warnings.eml')).view.verdictText).toBe(
      'Every signatory is copied in and nothing is missing; 2 things worth a look below.',
    );
  });

  it('lists every attachment and what was made of it', async () => {
    expect((await sample('12-no-form-attached.eml')).view.attachments).toEqual([
      {
        name: expect.stringMatching(/\.pdf$/i),
        outcome: 'notRead',
        text: 'A PDF that is none of the known application forms. Open it to see what it is.',
      },
    ]);
    expect((await sample('14-tfm-good-and-corrupt.eml')).view.attachments).toEqual([
      {
        name: 'EoI - Stroudwater High School.docx',
        outcome: 'form',
        text: 'Read as the Secondary Teaching for Mastery Work Groups 2021/22 form.',
      },
      {
        name: 'EoI - Stroudwater High School (2).docx',
        outcome: 'unreadable',
        text: 'The document is damaged or incomplete (its zip structure cannot be read).',
      },
    ]);
  });
});
