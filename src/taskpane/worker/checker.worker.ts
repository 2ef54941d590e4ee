// The checker's web worker: reading a Word form never freezes the pane.
import { checkForPane, paneCatalogue } from './check';
import type { CheckRequest, CheckResponse } from './protocol';
import { warmUpInBackground } from './warm-up';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(message: CheckResponse): void };

// While the pane is still starting and reading the email's attachments, the worker reads the
// catalogue and warms the checker up (warm-up.ts), stopping as soon as the first email comes.
let requested = false;
warmUpInBackground(paneCatalogue(), () => requested);

scope.onmessage = (event) => {
  requested = true;
  const { id, message, source, signOff } = event.data;
  try {
    const { report, view } = checkForPane(message, source, signOff);
    scope.postMessage({ id, ok: true, report, view });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : 'The email could not be checked.' });
  }
};
