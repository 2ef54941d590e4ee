// The checker's web worker: reading a Word form never freezes the pane.
import '../no-eval';
import { answerRequest, paneCatalogue } from './check';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { warmUpInBackground } from './warm-up';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

// While the pane is still starting and reading the email's attachments, the worker reads the
// catalogue and warms the checker up (warm-up.ts), stopping as soon as the first email comes.
let requested = false;
warmUpInBackground(paneCatalogue(), () => requested);

scope.onmessage = (event) => {
  requested = true;
  const request = event.data;
  const failed = (error: unknown) =>
    scope.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : 'The checker could not do that.' });
  try {
    Promise.resolve(answerRequest(request)).then((answer) => scope.postMessage({ id: request.id, ok: true, answer }), failed);
  } catch (error) {
    failed(error);
  }
};
