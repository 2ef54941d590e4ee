// Messages between the pane and the checker's web worker.
import type { ApplicationReport } from '../../core/check';
import type { Message } from '../../core/message';
import type { PaneView } from '../view/pane-view';

export interface CheckRequest {
  readonly id: number;
  readonly message: Message;
  readonly source: string;
  readonly signOff?: string;
}

export type CheckResponse =
  | { readonly id: number; readonly ok: true; readonly report: ApplicationReport; readonly view: PaneView }
  | { readonly id: number; readonly ok: false; readonly error: string };

export interface Checked {
  readonly report: ApplicationReport;
  readonly view: PaneView;
}
