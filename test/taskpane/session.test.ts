// The task pane's session without React, as a hub manager uses it: Outlook showing one email after
// another (the sample .eml files), the real checker, and filing through the pane's Graph port to
// the local list store. Opening an email, checking, filing once, resuming a filing cut short (only
// for that very email), asking for what's missing, deciding, and making a template.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listApplications, noToken, resolveTarget } from '../../src/adapters/graph';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import type { OutlookMailbox } from '../../src/adapters/office/outlook';
import { intake } from '../../src/core/intake';
import type { Message } from '../../src/core/message';
import { createGraphSite } from '../../src/taskpane/services/graph-filing';
import { storagePending } from '../../src/taskpane/services/pending';
import type { PaneServices } from '../../src/taskpane/services/services';
import { templateSync } from '../../src/taskpane/services/templates';
import { PaneSession, type PaneState } from '../../src/taskpane/session';
import { proposeFromForm, setHubTemplates } from '../../src/taskpane/worker/check';
import { inlineChecker } from '../../src/taskpane/worker/checker';
import { catalogue, type Harness, provisioned, startHarness } from '../adapters/graph/helpers';
import { unseenFormEmail } from '../support/unseen-email';

const samples = join(__dirname, '..', '..', 'samples', 'emails');
const sampleBytes = (name: string) => new Uint8Array(readFileSync(join(samples, name)));
const signIn = { provider: () => noToken, token: async () => '', person: () => null };

interface Shown {
  readonly bytes: Uint8Array;
  readonly message: Message;
}

/** Outlook's reading pane as the session sees it: one email shown at a time, its categories, the reply form. */
function outlook() {
  let shown: Shown | null = null;
  let failNextRead: Error | null = null;
  const categories = new Map<string, string[]>();
  const replies: string[] = [];
  const watchers = new Set<() => void>();
  // Outlook's key for an item is its own id: two emails with one Message-ID are two items.
  const ids = new WeakMap<Shown, string>();
  const key = () =>
    shown ? (ids.get(shown) ?? (ids.set(shown, `AAMk-item-${Math.random().toString(36).slice(2)}`), ids.get(shown)!)) : null;
  const mailbox = {
    itemKey: key,
    envelope: () => ({ ...shown!.message, itemId: key() }),
    attachments: () => [],
    readMessage: async () => {
      if (failNextRead) {
        const error = failNextRead;
        failNextRead = null;
        throw error;
      }
      return shown!.message;
    },
    emailFile: async () => shown!.bytes,
    categories: async () => [...(categories.get(key()!) ?? [])],
    addCategories: async (names: readonly string[]) => void categories.set(key()!, [...(categories.get(key()!) ?? []), ...names]),
    removeCategories: async (names: readonly string[]) =>
      void categories.set(
        key()!,
        (categories.get(key()!) ?? []).filter((c) => !names.includes(c)),
      ),
    ensureMasterCategories: async () => ({ missing: [] as string[] }),
    sharedMailbox: async () => null,
    reply: (html: string) => void replies.push(html),
    user: () => ({ name: 'Hub Manager', address: 'manager@hub.example' }),
    watchItem: async (onChange: () => void) => {
      watchers.add(onChange);
      return async () => void watchers.delete(onChange);
    },
  } satisfies OutlookMailbox;
  return {
    mailbox,
    categories,
    replies,
    /** Outlook shows this email (or none), and tells the pane its item changed. */
    show(email: Shown | null) {
      shown = email;
      watchers.forEach((w) => w());
    },
    failNextRead(error: Error) {
      failNextRead = error;
    },
  };
}

async function sample(name: string): Promise<Shown> {
  const bytes = sampleBytes(name);
  return { bytes, message: await readEml(bytes) };
}

/** Waits until the session's state satisfies `done` (every change is a new state object). */
function until(session: PaneSession, done: (s: PaneState) => boolean, seen: PaneState[] = []): Promise<PaneState> {
  return new Promise((resolve, reject) => {
    if (done(session.getState())) return resolve(session.getState());
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(`state never came; last: ${JSON.stringify({ load: session.getState().load.kind, filing: session.getState().filing })}`),
      );
    }, 20_000);
    const stop = session.subscribe(() => {
      seen.push(session.getState());
      if (!done(session.getState())) return;
      clearTimeout(timer);
      stop();
      resolve(session.getState());
    });
  });
}

const ready = (s: PaneState) => s.load.kind === 'ready' && !['looking', 'filing'].includes(s.filing.kind);
/** Settled on this very email: read, checked, and looked up in the list. */
const readyWith = (email: Shown) => (s: PaneState) => ready(s) && s.load.kind === 'ready' && s.load.message === email.message;

describe('the pane session', () => {
  let h: Harness;
  let pane: ReturnType<typeof outlook>;
  let storage: Map<string, string>;
  let services: PaneServices;
  let session: PaneSession;
  let stop: () => void;

  const items = async () => listApplications(h.client, await resolveTarget(h.client, { site: 'root' }));

  beforeEach(async () => {
    h = await startHarness();
    await provisioned(h);
    pane = outlook();
    storage = new Map();
    const checker = inlineChecker();
    const site = createGraphSite({ graphUrl: h.store.url, site: 'root', signOff: 'Central Maths Hub', trustedSenders: [] }, signIn);
    services = {
      mailbox: pane.mailbox,
      checker,
      filing: async () => site.filing,
      templateLibrary: async () => site.templates,
      templates: templateSync(checker, null),
      pending: storagePending({
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => void storage.set(k, v),
        removeItem: (k) => void storage.delete(k),
      }),
      signOff: 'Central Maths Hub',
    };
    session = new PaneSession(services);
  });

  afterEach(async () => {
    stop?.();
    setHubTemplates([]); // the checker's hub templates are the worker's, kept between emails
    await h.dispose();
  });

  it('reads the email shown, files it once, and knows it filed when the email is opened again', async () => {
    pane.show(null);
    stop = session.start();
    expect((await until(session, (s) => s.load.kind === 'noItem')).load.kind).toBe('noItem');

    const first = await sample('01-sms-complete.eml');
    pane.show(first);
    let state = await until(session, readyWith(first));
    if (state.load.kind !== 'ready') throw new Error('not ready');
    expect(state.load.view.form).toMatchObject({ found: true, programme: expect.stringMatching(/Specialist/) });
    expect(state.load.view.complete).toBe(true);
    expect(state.filing).toEqual({ kind: 'notFiled' });

    const seen: PaneState[] = [];
    session.file();
    state = await until(session, (s) => s.filing.kind === 'filed' || s.filing.kind === 'failed', seen);
    expect(seen.filter((s) => s.filing.kind === 'filing').map((s) => s.filing.kind === 'filing' && s.filing.step)).toEqual(
      expect.arrayContaining(['connecting', 'uploading']),
    );
    expect(state.filing).toMatchObject({ kind: 'filed', now: true });
    expect(await items()).toHaveLength(1);
    expect(storage.size).toBe(0);

    // Another email, then back: the first is found filed, and not filed again.
    const second = await sample('02-tfm-complete.eml');
    pane.show(second);
    state = await until(session, readyWith(second));
    expect(state.filing).toEqual({ kind: 'notFiled' });
    pane.show(first);
    state = await until(session, readyWith(first));
    expect(state.filing).toMatchObject({ kind: 'filed', now: false });
    expect(await items()).toHaveLength(1);
  });

  it('finishes a filing cut short when its email is opened again, but never files a forged email reusing its Message-ID', async () => {
    const genuine = await sample('03-readiness-complete.eml');
    const forged: Shown = {
      bytes: genuine.bytes,
      message: { ...genuine.message, from: { name: 'Forger', address: 'forger@elsewhere.example' } },
    };
    // The pane was closed while filing the genuine email: its marker is in storage, no item in the list.
    services.pending.mark({
      internetMessageId: genuine.message.internetMessageId!,
      fingerprint: intake(genuine.message, { catalogue, source: 'x' }).fingerprint,
    });

    pane.show(forged);
    stop = session.start();
    let state = await until(session, readyWith(forged));
    expect(state.filing).toEqual({ kind: 'notFiled' });
    expect(await items()).toHaveLength(0);
    expect(storage.size).toBe(1);

    const seen: PaneState[] = [];
    pane.show(genuine);
    state = await until(session, (s) => s.filing.kind === 'filed' && s.load.kind === 'ready' && s.load.message === genuine.message, seen);
    expect(seen.some((s) => s.filing.kind === 'filing' && s.filing.resuming)).toBe(true);
    expect(state.filing).toMatchObject({ kind: 'filed', now: true });
    const [item] = await items();
    expect(item!.fields).toMatchObject({ EmailFingerprint: intake(genuine.message, { catalogue, source: 'x' }).fingerprint });
    expect(storage.size).toBe(0);
  });

  it('says what went wrong reading an email in plain words, and reads it when asked to try again', async () => {
    pane.failNextRead(Object.assign(new Error('Outlook gave no attachment content'), { name: 'OfficeCallError' }));
    const late = await sample('06-sms-late.eml');
    pane.show(late);
    stop = session.start();
    const failed = await until(session, (s) => s.load.kind === 'error');
    expect(failed.load).toEqual({ kind: 'error', message: expect.stringMatching(/reading this email/) });
    session.reread();
    const state = await until(session, readyWith(late));
    expect(state.load.kind === 'ready' && state.load.view.messageIssues.map((i) => i.code)).toContain('late');
  });

  it("opens a reply asking for what's missing, and says so", async () => {
    const incomplete = await sample('15-sms-incomplete.eml');
    pane.show(incomplete);
    stop = session.start();
    const state = await until(session, readyWith(incomplete));
    if (state.load.kind !== 'ready') throw new Error('not ready');
    expect(state.load.view.reply.points.length).toBeGreaterThan(0);
    session.askForMissing();
    expect(pane.replies).toEqual([state.load.view.reply.html]);
    expect(session.getState().replyMessage).toMatch(/reply listing what is missing is open/);
    // Another email clears it.
    const other = await sample('01-sms-complete.eml');
    pane.show(other);
    expect((await until(session, readyWith(other))).replyMessage).toBeNull();
  });

  it('records a decision on the item and shows it as the one Outlook category', async () => {
    const email = await sample('01-sms-complete.eml');
    pane.show(email);
    stop = session.start();
    await until(session, readyWith(email));
    session.file();
    let state = await until(session, (s) => s.filing.kind === 'filed');
    if (state.filing.kind !== 'filed') throw new Error('not filed');
    const first = await session.saveDecision(state.filing.item, {
      decision: 'Accepted',
      notes: 'Strong',
      criteria: {},
      decidedBy: 'Hub Manager',
    });
    expect(first).toMatchObject({ item: { decision: 'Accepted', reviewNotes: 'Strong', decidedBy: 'Hub Manager' }, note: null });
    expect(pane.categories.get(pane.mailbox.itemKey()!)).toEqual(['Hub Intake: Accepted']);
    const second = await session.saveDecision(first.item, { decision: 'Waitlisted', notes: '', criteria: {}, decidedBy: 'Hub Manager' });
    expect(second.item.decision).toBe('Waitlisted');
    expect(pane.categories.get(pane.mailbox.itemKey()!)).toEqual(['Hub Intake: Waitlisted']);
    state = session.getState();
    expect(state.filing).toMatchObject({ kind: 'filed', item: { decision: 'Waitlisted' } });
    const [item] = await items();
    expect(item!.fields).toMatchObject({ Decision: 'Waitlisted', Status: 'Waitlisted' });
  });

  it('shows the email Outlook shows now, not one whose check finished late', async () => {
    const slow = await sample('06-sms-late.eml');
    const fast = await sample('02-tfm-complete.eml');
    // The first check is held until the second email has been read and shown.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const check = services.checker.check.bind(services.checker);
    services = {
      ...services,
      checker: {
        ...services.checker,
        check: async (message, ...rest) => (message === slow.message ? held.then(() => check(message, ...rest)) : check(message, ...rest)),
      },
    };
    session = new PaneSession(services);
    pane.show(slow);
    stop = session.start();
    await until(session, (s) => s.load.kind === 'loading');
    pane.show(fast);
    await until(session, readyWith(fast));
    const seen: PaneState[] = [];
    session.subscribe(() => seen.push(session.getState()));
    release();
    await held;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.filter((s) => s.load.kind === 'ready' && s.load.message === slow.message)).toEqual([]);
    expect(session.getState().load).toMatchObject({ kind: 'ready', message: fast.message });
  });

  it('says a template was saved and reads the email again with it', async () => {
    const bytes = new Uint8Array(await unseenFormEmail());
    const email = { bytes, message: await readEml(bytes) };
    pane.show(email);
    stop = session.start();
    await until(session, readyWith(email));
    const { template } = proposeFromForm(email.message.attachments[0]!.bytes, 'PMS application.docx');
    session.makeTemplate('PMS application.docx');
    const seen: PaneState[] = [];
    await session.templateSaved(template, null);
    const state = await until(session, (s) => ready(s) && s.load.kind === 'ready' && s.load.view.form.found, seen);
    expect(state.notice).toEqual({ title: 'Template saved', text: expect.stringContaining(template.title) });
    expect(state.templateFrom).toBeNull();
    expect(state.load.kind === 'ready' && state.load.view.form).toMatchObject({ found: true, templateId: template.id });
  });

  it('makes a template from the very bytes of the attachment that matched no form', async () => {
    const bytes = new Uint8Array(await unseenFormEmail());
    const email = { bytes, message: await readEml(bytes) };
    pane.show(email);
    stop = session.start();
    const state = await until(session, readyWith(email));
    if (state.load.kind !== 'ready') throw new Error('not ready');
    expect(state.load.view.unrecognisedAttachments).toEqual(['PMS application.docx']);
    session.makeTemplate('PMS application.docx');
    expect(session.getState().templateFrom).toEqual({
      name: 'PMS application.docx',
      bytes: email.message.attachments.find((a) => a.name === 'PMS application.docx')!.bytes,
    });
    session.closeTemplate();
    expect(session.getState().templateFrom).toBeNull();
    expect(session.source()).toBe(email.message.internetMessageId);
  });
});
