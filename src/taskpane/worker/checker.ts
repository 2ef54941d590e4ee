// The pane's side of the checker: a web worker where there is one, else the same code loaded
// on demand in the page.
import type { Message } from '../../core/message';
import type { Checked, CheckRequest, CheckResponse } from './protocol';

export interface Checker {
  check(message: Message, source: string, signOff?: string): Promise<Checked>;
}

export class CheckError extends Error {
  override name = 'CheckError';
}

export function workerChecker(url: string): Checker {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (c: Checked) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = new Worker(url);
    w.onmessage = (event: MessageEvent<CheckResponse>) => {
      const entry = waiting.get(event.data.id);
      if (!entry) return;
      waiting.delete(event.data.id);
      if (event.data.ok) entry.resolve({ report: event.data.report, view: event.data.view });
      else entry.reject(new CheckError(event.data.error));
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      for (const entry of waiting.values()) entry.reject(new CheckError('The checker stopped unexpectedly.'));
      waiting.clear();
      worker = null;
      w.terminate();
    };
    return w;
  };
  return {
    check(message, source, signOff) {
      worker ??= start();
      const id = next++;
      const request: CheckRequest = { id, message, source, ...(signOff ? { signOff } : {}) };
      return new Promise<Checked>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker!.postMessage(request);
      });
    },
  };
}

export function inlineChecker(): Checker {
  return {
    async check(message, source, signOff) {
      const { checkForPane } = await import(/* webpackChunkName: "checker" */ './check');
      return checkForPane(message, source, signOff);
    },
  };
}

export function defaultChecker(workerUrl: string): Checker {
  return typeof Worker === 'function' ? workerChecker(workerUrl) : inlineChecker();
}
