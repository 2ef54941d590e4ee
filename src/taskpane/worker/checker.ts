// The pane's side of the checker: a web worker where there is one, else the same code loaded
// on demand in the page.
import type { Message } from '../../core/message';
import type { Proposal } from '../../core/templates/propose';
import type { Checked, HubTemplate, RequestKind, Requests, TemplatesSet, WorkerRequest, WorkerResponse } from './protocol';

export interface Checker {
  /** Checks an email; `trustedSenders` are the hub's own (see the pane configuration). */
  check(message: Message, source: string, signOff?: string, trustedSenders?: readonly string[]): Promise<Checked>;
  /** The hub's own templates, used from the next check on (they replace the previous set). */
  setTemplates(templates: readonly HubTemplate[]): Promise<TemplatesSet>;
  /** A template proposed from a Word form (the attachment that matched no form, or its blank). */
  propose(bytes: Uint8Array, name: string): Promise<Proposal>;
  /** The email checked as if the draft template were saved. */
  tryTemplate(message: Message, source: string, template: unknown, signOff?: string): Promise<Checked>;
  /** Starts the worker now (download, parse, catalogue), so it is ready when the email is. */
  warm(): void;
}

export class CheckError extends Error {
  override name = 'CheckError';
}

type Ask = <K extends RequestKind>(kind: K, request: Requests[K]['request']) => Promise<Requests[K]['answer']>;

function checkerOver(ask: Ask, warm: () => void): Checker {
  const optional = (signOff?: string) => (signOff ? { signOff } : {});
  return {
    warm,
    check: (message, source, signOff, trustedSenders) =>
      ask('check', { message, source, ...optional(signOff), ...(trustedSenders?.length ? { trustedSenders } : {}) }),
    setTemplates: (templates) => ask('setTemplates', { templates }),
    propose: (bytes, name) => ask('propose', { bytes, name }),
    tryTemplate: (message, source, template, signOff) => ask('tryTemplate', { message, source, template, ...optional(signOff) }),
  };
}

export function workerChecker(url: string, started: Worker | null = null): Checker {
  let worker: Worker | null = null;
  let early = started;
  let next = 1;
  const waiting = new Map<number, { resolve: (answer: unknown) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = early ?? new Worker(url);
    early = null;
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const entry = waiting.get(event.data.id);
      if (!entry) return;
      waiting.delete(event.data.id);
      if (event.data.ok) entry.resolve(event.data.answer);
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
  const ask: Ask = (kind, request) => {
    worker ??= start();
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      worker!.postMessage({ id, kind, ...request });
    });
  };
  return checkerOver(ask, () => {
    worker ??= start();
  });
}

export function inlineChecker(): Checker {
  const load = () => import(/* webpackChunkName: "checker" */ './check');
  let next = 1;
  const ask: Ask = async (kind, request) => {
    const { answerRequest } = await load();
    try {
      return (await answerRequest({ id: next++, kind, ...request } as WorkerRequest)) as never;
    } catch (error) {
      throw new CheckError(error instanceof Error ? error.message : 'The checker could not do that.');
    }
  };
  return checkerOver(ask, () => void load());
}

/** A worker checker (adopting a worker the page already started, if any), else the inline one. */
export function defaultChecker(workerUrl: string, started: Worker | null = null): Checker {
  return typeof Worker === 'function' ? workerChecker(workerUrl, started) : inlineChecker();
}
