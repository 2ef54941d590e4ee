// Everything the pane needs from outside, as plain functions (the composition root wires them).
import type { OutlookMailbox } from '../../adapters/office/outlook';
import type { ApplicationReport } from '../../core/check';
import type { Message } from '../../core/message';
import type { PaneView } from '../view/pane-view';
import type { Checker } from '../worker/checker';
import type { PaneFiling } from '../worker/protocol';
import type { FilingService } from './filing';
import type { PendingFilings } from './pending';
import type { TemplateLibrary, TemplateSync } from './templates';

export interface PaneServices {
  readonly mailbox: OutlookMailbox;
  readonly checker: Checker;
  /** The filing port, loaded on first use. */
  readonly filing: () => Promise<FilingService>;
  /** The site's Form Templates list, loaded on first use. */
  readonly templateLibrary: () => Promise<TemplateLibrary>;
  /** Keeps the checker's hub templates in step with the site's. */
  readonly templates: TemplateSync;
  readonly pending: PendingFilings;
  readonly signOff: string;
  /** The hub's own senders, whose forwarded originals are believed (the pane configuration's trustedSenders). */
  readonly trustedSenders?: readonly string[];
  /**
   * Who is recording a decision: the signed-in person, never the shared mailbox the email is in
   * (in a shared mailbox opened as an account of its own, Outlook's profile is the mailbox).
   */
  readonly decider?: () => Promise<string>;
  /**
   * The check of the first email, started before the pane first rendered: taken once, for that
   * email's key; undefined otherwise.
   */
  readonly takeEarlyCheck?: (key: string) => Promise<CheckedEmail> | undefined;
}

export interface CheckedEmail {
  readonly message: Message;
  readonly report: ApplicationReport;
  readonly view: PaneView;
  readonly filing: PaneFiling;
}
