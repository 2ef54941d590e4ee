// The pane's side of the checker: a web worker where there is one, else the same code loaded
// on demand in the page.
import type { Message } from '../../core/message';
import type { Checked, CheckRequest, CheckResponse } from './protocol';

export interface Checker {
  check(message: Message, source: string, signOff?: string): Promise<Checked>;
  /** Starts the worker now (download, parse, catalogue), so it is ready when the email is. */
  warm(): void;
}

export class CheckError extends Error {
  override name = 'CheckError';
}

export function workerChecker(url: string, started: Worker | null = null): Checker {
  let worker: Worker | null = null;
  let early = started;
  let next = 1;
  const waiting = new Map<number, { resolve: (c: Checked) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = early ?? new Worker(url);
    early = null;
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
    warm() {
      worker ??= start();
    },
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
    warm() {
      void import(/* webpackChunkName: "checker" */ './check');
    },
    async check(message, source, signOff) {
      const { checkForPane } = await import(/* webpackChunkName: "checker" */ './check');
      return checkForPane(message, source, signOff);
    },
  };
}

/** A worker checker (adopting a worker the page already started, if any), else the inline one. */
export function defaultChecker(workerUrl: string, started: Worker | null = null): Checker {
  return typeof Worker === 'function' ? workerChecker(workerUrl, started) : inlineChecker();
}
