// What the template editor does, without React: propose a template from the Word form, take the
// hub manager's edits, try the draft on the email, save it (and say why not). TemplateEditor
// renders this session's state; tests drive it directly.
import type { Template } from '../../core/catalogue/schema';
import type { Message } from '../../core/message';
import { TemplateAlreadySaved, type TemplateLibrary } from '../services/templates';
import type { PaneView } from '../view/pane-view';
import type { Checker } from '../worker/checker';
import { type Draft, draftProblems } from './draft';

export type Trial =
  { readonly kind: 'trying' } | { readonly kind: 'tried'; readonly view: PaneView } | { readonly kind: 'failed'; readonly message: string };

export interface EditorState {
  readonly stage: 'proposing' | 'failed' | 'editing';
  /** Why no template could be proposed (stage `failed`). */
  readonly failure: string | null;
  readonly draft: Draft | null;
  /** What the proposal was unsure of, for the manager to check. */
  readonly unsure: readonly string[];
  readonly trial: Trial | null;
  readonly saving: boolean;
  readonly saveError: string | null;
  readonly conflict: TemplateAlreadySaved | null;
  /** Set once a save was tried with problems: they are shown from then on. */
  readonly showProblems: boolean;
}

/** What the session needs from the pane, read when used (the pane's props can change). */
export interface SessionDeps {
  readonly checker: Pick<Checker, 'propose' | 'tryTemplate'>;
  readonly library: () => Promise<Pick<TemplateLibrary, 'save'>>;
  readonly message: Message;
  readonly source: string;
  readonly signOff: string;
  readonly savedBy: string;
  readonly describeError: (error: unknown, doing: string) => string;
  /** After a save: the pane takes the template into use and checks the email again. */
  readonly onSaved: (template: Template, note: string | null) => Promise<void>;
}

const START: EditorState = {
  stage: 'proposing',
  failure: null,
  draft: null,
  unsure: [],
  trial: null,
  saving: false,
  saveError: null,
  conflict: null,
  showProblems: false,
};

export class TemplateSession {
  private state: EditorState = START;
  private readonly listeners = new Set<() => void>();
  private live = true;

  constructor(
    private readonly file: { readonly name: string; readonly bytes: Uint8Array },
    private readonly deps: () => SessionDeps,
  ) {}

  readonly getState = (): EditorState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<EditorState>): void {
    if (!this.live) return;
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  /** The template proposed from the form; the stage says whether it could be. */
  async propose(): Promise<void> {
    const { checker, describeError } = this.deps();
    try {
      const proposal = await checker.propose(this.file.bytes, this.file.name);
      this.set({ stage: 'editing', draft: proposal.template, unsure: proposal.unsure });
    } catch (error) {
      this.set({ stage: 'failed', failure: describeError(error, 'reading the form') });
    }
  }

  /** A change to the draft: a trial, a conflict or an error about the previous draft no longer holds. */
  readonly edit = (change: (draft: Draft) => Draft): void => {
    if (!this.state.draft) return;
    this.set({ draft: change(this.state.draft), trial: null, conflict: null, saveError: null });
  };

  /** What stops the draft being saved, in the manager's words. */
  problems(): string[] {
    return this.state.draft ? draftProblems(this.state.draft) : [];
  }

  /** Reads the email as if the draft were saved. */
  async tryIt(): Promise<void> {
    const draft = this.state.draft;
    if (!draft) return;
    const { checker, message, source, signOff, describeError } = this.deps();
    this.set({ trial: { kind: 'trying' } });
    try {
      const { view } = await checker.tryTemplate(message, source, draft, signOff);
      this.set({ trial: { kind: 'tried', view } });
    } catch (error) {
      this.set({ trial: { kind: 'failed', message: describeError(error, 'trying the template') } });
    }
  }

  /** Saves the draft to the site's Form Templates list; over the one saved with `replaceETag` when given. */
  async save(replaceETag?: string): Promise<void> {
    const draft = this.state.draft;
    if (!draft) return;
    if (draftProblems(draft).length) {
      this.set({ showProblems: true });
      return;
    }
    const { library, savedBy, onSaved, describeError } = this.deps();
    this.set({ saving: true, saveError: null });
    try {
      const { columnsNote } = await (await library()).save(draft, savedBy, replaceETag);
      this.set({ conflict: null });
      await onSaved(draft, columnsNote);
    } catch (error) {
      if (error instanceof TemplateAlreadySaved) this.set({ conflict: error });
      else this.set({ saveError: describeError(error, 'saving the template') });
    } finally {
      this.set({ saving: false });
    }
  }

  /** The editor closed: answers that come later change nothing. */
  dispose(): void {
    this.live = false;
    this.listeners.clear();
  }
}
