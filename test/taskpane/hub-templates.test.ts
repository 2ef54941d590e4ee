// The checker's hub templates in the pane: set from the site (an invalid one left out and named),
// a template proposed from an attachment (a broken one said so), a draft tried on an email; and the
// sync that caches the site's templates for the next pane and reads again only when they changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import type { Message } from '../../src/core/message';
import { templateSync, type TemplateLibrary } from '../../src/taskpane/services/templates';
import { answerRequest, checkForPane, proposeFromForm, setHubTemplates, tryTemplate } from '../../src/taskpane/worker/check';
import { inlineChecker } from '../../src/taskpane/worker/checker';

const ROOT = join(__dirname, '..', '..');
const blank = new Uint8Array(readFileSync(join(ROOT, 'samples', 'unseen', 'blank', 'primary-mastery-specialist-2024.docx')));
const filled = new Uint8Array(readFileSync(join(ROOT, 'samples', 'unseen', 'forms', 'pms-01-typed.docx')));

/** The unseen programme's filled form, attached to an email from the applicant, the head copied in. */
async function newFormEmail(): Promise<Message> {
  const sample = await readEml(readFileSync(join(ROOT, 'samples', 'emails', '01-sms-complete.eml')));
  return {
    ...sample,
    attachments: [
      {
        name: 'PMS application.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: filled,
      },
    ],
  };
}

afterEach(() => setHubTemplates([]));

describe('the checker’s hub templates', () => {
  it('reads a new programme’s form once its template is set, and leaves an invalid one out by name', async () => {
    const message = await newFormEmail();
    expect(checkForPane(message, 'x').view.unrecognisedAttachments).toEqual(['PMS application.docx']);
    const { template } = proposeFromForm(blank, 'blank.docx');
    const set = setHubTemplates([
      { data: template, source: 'Form Templates item 1' },
      { data: { id: 'Bad Id' }, source: 'Form Templates item 2' },
    ]);
    expect(set.ids).toEqual([template.id]);
    expect(set.invalid).toHaveLength(1);
    expect(set.invalid[0]).toMatch(/^Template Form Templates item 2 is not valid/);
    const { view } = checkForPane(message, 'x');
    expect(view.form).toMatchObject({ found: true, templateId: template.id });
    expect(view.unrecognisedAttachments).toEqual([]);
    expect(view.fields.find((f) => f.title.includes('Name of school'))?.display).toBe('Kingsbury Green Primary School');
  });

  it('says why a template cannot be proposed from a file that is not a Word form', () => {
    expect(() => proposeFromForm(new TextEncoder().encode('not a zip'), 'notes.docx')).toThrow(/^notes\.docx: /);
  });

  it('tries a draft on the email without keeping it, and names what is wrong with an invalid draft', async () => {
    const message = await newFormEmail();
    const { template } = proposeFromForm(filled, 'PMS application.docx');
    expect(tryTemplate(message, 'x', template).view.form).toMatchObject({ found: true, templateId: template.id });
    expect(checkForPane(message, 'x').view.form.found).toBe(false);
    expect(() => tryTemplate(message, 'x', { ...template, fields: [...template.fields, template.fields[0]] })).toThrow(/is used twice/);
  });

  it('answers the same requests in the page as in the worker', async () => {
    const checker = inlineChecker();
    const proposal = await checker.propose(blank, 'blank.docx');
    expect(proposal.template.fields.length).toBeGreaterThan(10);
    await expect(checker.propose(new Uint8Array([1, 2, 3]), 'x.docx')).rejects.toThrow(/^x\.docx: /);
    expect(answerRequest({ id: 1, kind: 'setTemplates', templates: [] })).toEqual({ invalid: [], ids: [] });
  });
});

describe('keeping the pane’s templates in step with the site', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };

  it('caches what the site holds, gives it to the next pane before the site answers, and reads again only on a change', async () => {
    const { template } = proposeFromForm(blank, 'blank.docx');
    const siteHolds = [{ data: template, source: 'Form Templates item 1' }];
    const library: TemplateLibrary = {
      load: async () => ({ templates: siteHolds, missing: false }),
      save: async () => ({ columnsNote: null }),
    };
    const store = storage();
    const given: unknown[] = [];
    const checker = { ...inlineChecker(), setTemplates: async (t: readonly unknown[]) => (given.push(t), { invalid: [], ids: [] }) };

    const first = templateSync(checker, store);
    first.useCached();
    expect(given).toEqual([]);
    expect(await first.refresh(library)).toBe(true);
    expect(await first.refresh(library)).toBe(false);

    const next = templateSync(checker, store);
    next.useCached();
    expect(given.at(-1)).toEqual(siteHolds);
    expect(await next.refresh(library)).toBe(false);
    await next.added({ ...template, title: 'Edited' });
    expect((given.at(-1) as { data: { title: string } }[]).map((t) => t.data.title)).toEqual(['Edited']);
  });
});

describe('an email whose attachments are not a form', () => {
  it('offers no template from meeting minutes, and says what each attachment is', async () => {
    const { minutesEmail } = await import('../e2e/support/minutes-email');
    const { view } = checkForPane(await readEml(await minutesEmail()), 'x');
    expect(view.form).toMatchObject({ found: false });
    expect(view.unrecognisedAttachments).toEqual(['Maths leads minutes 12 March.docx']);
    expect(view.formLike).toEqual([]);
    expect(view.attachments).toEqual([
      {
        name: 'Maths leads minutes 12 March.docx',
        outcome: 'notAForm',
        text: 'A Word document that is not laid out as a form (no labels with answers beside them): nothing was read from it.',
      },
      {
        name: 'Spring timetable.pdf',
        outcome: 'notRead',
        text: 'A PDF that is none of the known application forms. Open it to see what it is.',
      },
    ]);
  });

  it('still offers one from a new programme’s form, filled in or blank', async () => {
    const message = await newFormEmail();
    expect(checkForPane(message, 'x').view.formLike).toEqual(['PMS application.docx']);
    expect(checkForPane({ ...message, attachments: [{ ...message.attachments[0]!, bytes: blank }] }, 'x').view.formLike).toEqual([
      'PMS application.docx',
    ]);
  });
});

it('says of an email with no form that there is nothing to check, not a count of problems it does not show', async () => {
  const { minutesEmail } = await import('../e2e/support/minutes-email');
  const { view } = checkForPane(await readEml(await minutesEmail()), 'x');
  expect(view.form).toEqual({ found: false, reason: 'The attached Word document is not an application form: it is not laid out as one.' });
  expect(view.verdictText).toBe('There is no application form to check: below is what each attachment is.');
});
