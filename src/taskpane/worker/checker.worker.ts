// The checker's web worker: reading a Word form never freezes the pane.
import { checkForPane } from './check';
import type { CheckRequest, CheckResponse } from './protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(message: CheckResponse): void };

scope.onmessage = (event) => {
  const { id, message, source, signOff } = event.data;
  try {
    const { report, view } = checkForPane(message, source, signOff);
    scope.postMessage({ id, ok: true, report, view });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : 'The email could not be checked.' });
  }
};
