// What the task pane does, without React: read the email in the reading pane, check it (in the
// worker), find it in the list, file it, ask for what's missing, decide, make a template from an
// unknown form. Re-reads when the item changes. The pane (App.tsx) shows its state and calls its
// actions; tests drive it directly.
import type { ApplicationReport } from '../core/check';
import type { Template } from '../core/catalogue/schema';
import type { Attachment, Message } from '../core/message';
import type { FilingState } from './components/FilingPanel';
import { DECISION_CATEGORIES, type DecisionSave, type FiledItem } from './services/filing';
import { plainError } from './services/plain-error';
import type { CheckedEmail, PaneServices } from './services/services';
import type { PaneView } from './view/pane-view';
import type { PaneFiling } from './worker/protocol';

export type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'noItem' }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly key: string;
      readonly view: PaneView;
      readonly report: ApplicationReport;
      readonly filing: PaneFiling;
      readonly message: Message;
    };

export type Ready = Extract<Load, { kind: 'ready' }>;

/** A Word file to make a template from: an attachment that matched no form, or a blank form picked by hand. */
export interface TemplateSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Notice {
  readonly title: string;
  readonly text: string;
}

export interface PaneState {
  readonly load: Load;
  readonly filing: FilingState;
  /** What became of "ask for what's missing": the reply is open, or why it is not. */
  readonly replyMessage: string | null;
  /** The file a template is being made from; the template editor shows while it is set. */
  readonly templateFrom: TemplateSource | null;
  readonly notice: Notice | null;
}

/** An unknown form's bytes, for making its template: the attachment the report names, wherever it is in the email. */
function attachmentBytes(message: Message): (name: string) => Uint8Array | null {
  const all: Attachment[] = [];
  const collect = (m: Message) => {
    all.push(...m.attachments);
    m.attachedMessages?.forEach(collect);
  };
  collect(message);
  return (name) => all.find((a) => a.name === name)?.bytes ?? null;
}

export class PaneSession {
  private state: PaneState = {
    load: { kind: 'loading' },
    filing: { kind: 'looking' },
    replyMessage: null,
    templateFrom: null,
    notice: null,
  };
  private readonly listeners = new Set<() => void>();
  private currentKey: string | null = null;
  private shownKey: string | null = null;
  private generation = 0;

  constructor(private readonly services: PaneServices) {}

  /** The state now; a new object after every change (React's useSyncExternalStore compares them). */
  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<PaneState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private setLoad = (load: Load) => this.set({ load });
  private setFiling = (filing: FilingState) => this.set({ filing });

  /**
   * Reads the email now and whenever Outlook shows another, and loads the hub's own templates
   * (reading the email again when they bring new ones). Returns what stops it.
   */
  start(): () => void {
    void this.read();
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    this.services.mailbox
      .watchItem(() => void this.read())
      .then((s) => {
        if (cancelled) void s();
        else stop = s;
      })
      .catch(() => undefined);
    // The hub's own templates: the site's Form Templates list, loaded once the pane is up. When it
    // holds templates the checker did not have, the email is read again with them.
    this.services
      .templateLibrary()
      .then((library) => this.services.templates.refresh(library))
      .then((changed) => {
        if (!cancelled && changed) this.reread();
      })
      .catch(() => undefined); // the built-in and cached templates still read; filing says what is wrong with the site
    return () => {
      cancelled = true;
      void stop?.();
    };
  }

  private async fileNow(ready: Ready, resuming: boolean, gen: number): Promise<void> {
    const { services } = this;
    const { mailbox, pending } = services;
    const id = ready.view.internetMessageId;
    if (!id) return;
    const marker = { internetMessageId: id, fingerprint: ready.filing.fingerprint };
    pending.mark(marker);
    this.setFiling({ kind: 'filing', step: 'connecting', resuming });
    try {
      const email = await mailbox.emailFile();
      const service = await services.filing();
      const item = await service.file(ready, email, (step) => {
        if (this.generation === gen) this.setFiling({ kind: 'filing', step, resuming });
      });
      pending.clear(marker);
      if (this.generation === gen) this.setFiling({ kind: 'filed', item, now: true });
    } catch (error) {
      if (this.generation === gen) this.setFiling({ kind: 'failed', message: plainError(error, 'filing the application') });
    }
  }

  private async lookUp(ready: Ready, gen: number): Promise<void> {
    const { services } = this;
    const { pending } = services;
    const id = ready.view.internetMessageId;
    if (!id) {
      this.setFiling({ kind: 'unavailable', message: 'This email has no Message-ID, so it cannot be filed.' });
      return;
    }
    this.setFiling({ kind: 'looking' });
    try {
      const service = await services.filing();
      const item = await service.findFiled(id, ready.filing.fingerprint);
      if (this.generation !== gen) return;
      if (pending.has({ internetMessageId: id, fingerprint: ready.filing.fingerprint })) {
        // A filing that did not finish: filing is idempotent, so finishing it is filing again.
        await this.fileNow(ready, true, gen);
      } else this.setFiling(item ? { kind: 'filed', item, now: false } : { kind: 'notFiled' });
    } catch (error) {
      if (this.generation === gen)
        this.setFiling({ kind: 'unavailable', message: plainError(error, 'looking for this email in the list') });
    }
  }

  /** Reads the email in the reading pane, unless it is the one already read. */
  readonly read = async (): Promise<void> => {
    const { services } = this;
    const { mailbox, checker } = services;
    const key = mailbox.itemKey();
    if (key === this.currentKey && key !== null) return;
    if (key !== this.shownKey) this.set({ notice: null }); // a notice stays while its email is read again
    this.currentKey = key;
    this.shownKey = key;
    const gen = ++this.generation;
    this.set({ replyMessage: null, templateFrom: null });
    if (!key) {
      this.setLoad({ kind: 'noItem' });
      return;
    }
    this.set({ load: { kind: 'loading' }, filing: { kind: 'looking' } });
    try {
      const { message, report, view, filing } = await (services.takeEarlyCheck?.(key) ??
        readAndCheck(mailbox, checker, services.signOff, services.trustedSenders));
      if (this.generation !== gen) return;
      const ready = { kind: 'ready', key, view, report, filing, message } as const;
      this.setLoad(ready);
      void this.lookUp(ready, gen);
    } catch (error) {
      if (this.generation === gen) this.setLoad({ kind: 'error', message: plainError(error, 'reading this email') });
    }
  };

  /** Reads the email again, though it is the one already read (new templates, or "Try again"). */
  readonly reread = (): void => {
    this.currentKey = null;
    void this.read();
  };

  /** Files the email shown (the File button). */
  readonly file = (): void => {
    const { load } = this.state;
    if (load.kind === 'ready') void this.fileNow(load, false, this.generation);
  };

  readonly templateSaved = async (template: Template, columnsNote: string | null): Promise<void> => {
    await this.services.templates.added(template);
    this.set({
      notice: {
        title: 'Template saved',
        text: `“${template.title}” is in the site’s Form Templates list; this email has been read with it.${columnsNote ? ` ${columnsNote}` : ''}`,
      },
    });
    this.reread();
  };

  readonly askForMissing = (): void => {
    const { load } = this.state;
    if (load.kind !== 'ready') return;
    try {
      this.services.mailbox.reply(load.view.reply.html);
      this.set({ replyMessage: 'A reply listing what is missing is open: check it and send it.' });
    } catch (error) {
      this.set({ replyMessage: plainError(error, 'opening the reply') });
    }
  };

  // Said once per pane: the hub's shared mailbox lacks the decision categories and this person may
  // not add them (only its owner or an administrator can: hub-intake provision --mailbox).
  private categoriesNoted = false;

  readonly saveDecision = async (item: FiledItem, save: DecisionSave): Promise<{ item: FiledItem; note: string | null }> => {
    const { services } = this;
    const { mailbox } = services;
    const service = await services.filing();
    const decidedBy = (await services.decider?.()) || save.decidedBy;
    const updated = await service.saveDecision(item, { ...save, decidedBy });
    this.setFiling({ kind: 'filed', item: updated, now: false });
    let note: string | null = null;
    try {
      const all = Object.values(DECISION_CATEGORIES);
      const { missing } = await mailbox.ensureMasterCategories(all);
      const wanted = DECISION_CATEGORIES[save.decision].name;
      const have = await mailbox.categories();
      await mailbox.removeCategories(have.filter((c) => c !== wanted && all.some((d) => d.name === c)));
      if (missing.includes(wanted)) {
        if (!this.categoriesNoted) {
          this.categoriesNoted = true;
          const owner = (await mailbox.sharedMailbox().catch(() => null))?.owner;
          note = `The email is not tagged: the category “${wanted}” is not in ${owner ? `${owner}’s` : 'this mailbox’s'} category list, and only the mailbox’s owner or an administrator can add it. Ask them to run: hub-intake provision --mailbox ${owner ?? '<address>'}`;
        } else note = 'The email is not tagged (its category is missing from the shared mailbox, as said before).';
      } else if (!have.includes(wanted)) await mailbox.addCategories([wanted]);
    } catch (error) {
      note = `The Outlook category could not be set: ${plainError(error, 'tagging the email')}`;
    }
    return { item: updated, note };
  };

  /** Opens the template editor on an attachment the report names as matching no form. */
  readonly makeTemplate = (name: string): void => {
    const { load } = this.state;
    if (load.kind !== 'ready') return;
    const bytes = attachmentBytes(load.message)(name);
    if (bytes) this.set({ templateFrom: { name, bytes } });
  };

  /** Opens the template editor on a file picked by hand (a blank form). */
  readonly makeTemplateFromFile = (from: TemplateSource): void => this.set({ templateFrom: from });

  readonly closeTemplate = (): void => this.set({ templateFrom: null });

  /** How the report names the email: its Message-ID, else its item id. */
  readonly source = (): string => sourceOf(this.services.mailbox);
}

/** Reads the email in the reading pane and checks it (in the worker). */
export async function readAndCheck(
  mailbox: PaneServices['mailbox'],
  checker: PaneServices['checker'],
  signOff: string,
  trustedSenders?: readonly string[],
): Promise<CheckedEmail> {
  performance.mark?.('hub-intake:read-start');
  const message = await mailbox.readMessage();
  performance.mark?.('hub-intake:read-end');
  const { report, view, filing } = await checker.check(message, sourceOf(mailbox), signOff, trustedSenders);
  performance.mark?.('hub-intake:checked');
  return { message, report, view, filing };
}

function sourceOf(mailbox: PaneServices['mailbox']): string {
  try {
    const env = mailbox.envelope();
    return env.internetMessageId ?? env.itemId ?? 'outlook';
  } catch {
    return 'outlook';
  }
}
