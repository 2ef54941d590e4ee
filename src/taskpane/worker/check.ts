// The checking the worker does, as a plain function (the worker and tests call it alike).
import { loadCatalogue, type Catalogue } from '../../core/catalogue';
import { checkMessage } from '../../core/check';
import type { Message } from '../../core/message';
import { paneView } from '../view/pane-view';
import type { Checked } from './protocol';

let catalogue: Catalogue | null = null;

export function checkForPane(message: Message, source: string, signOff?: string): Checked {
  catalogue ??= loadCatalogue();
  const report = checkMessage(message, catalogue, source);
  return { report, view: paneView(report, catalogue, signOff) };
}

export function paneCatalogue(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}
