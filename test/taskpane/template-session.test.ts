// The template editor's session without React: proposed from the unseen programme's blank form,
// edited, tried on an application on that form, saved; a template already saved with its id is a
// conflict the manager resolves by replacing it; a file that is no Word form says why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import type { Template } from '../../src/core/catalogue/schema';
import type { Message } from '../../src/core/message';
import { TemplateAlreadySaved } from '../../src/taskpane/services/templates';
import { type SessionDeps, TemplateSession } from '../../src/taskpane/template-editor/session';
import { inlineChecker } from '../../src/taskpane/worker/checker';
import { setHubTemplates } from '../../src/taskpane/worker/check';

const ROOT = join(__dirname, '..', '..');
const blank = {
  name: 'blank.docx',
  bytes: new Uint8Array(readFileSync(join(ROOT, 'samples', 'unseen', 'blank', 'primary-mastery-specialist-2024.docx'))),
};
const filled = new Uint8Array(readFileSync(join(ROOT, 'samples', 'unseen', 'forms', 'pms-01-typed.docx')));

async function application(): Promise<Message> {
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

function deps(
  message: Message,
  save: (t: Template, by: string, eTag?: string) => Promise<{ columnsNote: string | null }>,
  saved: Template[],
): () => SessionDeps {
  const d: SessionDeps = {
    checker: inlineChecker(),
    library: async () => ({ save }),
    message,
    source: 'test',
    signOff: 'Central Maths Hub',
    savedBy: 'Ann Manager',
    describeError: (error, doing) => `Something went wrong ${doing}: ${error instanceof Error ? error.message : String(error)}`,
    onSaved: async (t) => void saved.push(t),
  };
  return () => d;
}

describe('the template editor’s session', () => {
  it('proposes, takes edits, tries the draft on the email, and saves it', async () => {
    const saved: Template[] = [];
    const calls: (string | undefined)[] = [];
    let first = true;
    const session = new TemplateSession(
      blank,
      deps(
        await application(),
        async (t, by, eTag) => {
          calls.push(eTag);
          if (first) {
            first = false;
            throw new TemplateAlreadySaved('"etag-1"', 'Bo Other', '2024-03-01T10:00:00Z');
          }
          return { columnsNote: null };
        },
        saved,
      ),
    );
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().stage));
    expect(session.getState().stage).toBe('proposing');
    await session.propose();
    const proposed = session.getState();
    expect(proposed.stage).toBe('editing');
    expect(proposed.draft!.fields.length).toBeGreaterThan(10);
    expect(session.problems()).toEqual([]);

    await session.tryIt();
    const trial = session.getState().trial;
    expect(trial).toMatchObject({ kind: 'tried', view: { form: { found: true, templateId: proposed.draft!.id } } });

    session.edit((d) => ({ ...d, title: `${d.title} (checked)` }));
    expect(session.getState().trial).toBeNull(); // a trial of the previous draft no longer holds
    expect(session.getState().draft!.title).toMatch(/\(checked\)$/);

    await session.save();
    expect(session.getState().conflict).toMatchObject({ savedBy: 'Bo Other', eTag: '"etag-1"' });
    expect(saved).toEqual([]);
    await session.save(session.getState().conflict!.eTag);
    expect(calls).toEqual([undefined, '"etag-1"']);
    expect(saved.map((t) => t.title)).toEqual([session.getState().draft!.title]);
    expect(session.getState()).toMatchObject({ saving: false, conflict: null, saveError: null });
    expect(seen[0]).toBe('editing');
  });

  it('does not save a draft with problems, and shows them', async () => {
    const saved: Template[] = [];
    const session = new TemplateSession(
      blank,
      deps(await application(), async () => ({ columnsNote: null }), saved),
    );
    await session.propose();
    session.edit((d) => ({ ...d, id: 'Not An Id' }));
    expect(session.problems().length).toBeGreaterThan(0);
    await session.save();
    expect(session.getState().showProblems).toBe(true);
    expect(saved).toEqual([]);
  });

  it('says why no template can be made from a file that is not a Word form, and ignores answers once closed', async () => {
    const session = new TemplateSession(
      { name: 'notes.docx', bytes: new TextEncoder().encode('not a zip') },
      deps(await application(), async () => ({ columnsNote: null }), []),
    );
    await session.propose();
    expect(session.getState()).toMatchObject({
      stage: 'failed',
      failure: expect.stringMatching(/^Something went wrong reading the form: notes\.docx: /),
    });
    const closed = new TemplateSession(
      blank,
      deps(await application(), async () => ({ columnsNote: null }), []),
    );
    const proposing = closed.propose();
    closed.dispose();
    await proposing;
    expect(closed.getState().stage).toBe('proposing');
  });
});
