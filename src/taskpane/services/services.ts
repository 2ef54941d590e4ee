// Everything the pane needs from outside, as plain functions (the composition root wires them).
import type { OutlookMailbox } from '../../adapters/office/outlook';
import type { Checker } from '../worker/checker';
import type { FilingService } from './filing';
import type { PendingFilings } from './pending';

export interface PaneServices {
  readonly mailbox: OutlookMailbox;
  readonly checker: Checker;
  /** The filing port, loaded on first use. */
  readonly filing: () => Promise<FilingService>;
  readonly pending: PendingFilings;
  readonly signOff: string;
}
