// Pacing: staying inside the tenant's budgets instead of running into them. One Pacer is shared
// by every request of a client, so that when one answer says "wait" (a 429's Retry-After, or
// SharePoint's RateLimit-Remaining running low before its RateLimit-Reset) every request waits
// together, rather than the others carrying on into more 429s (a storm). SharePoint and each
// mailbox have their own budget, so each has its own gate.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { effectiveUrl, retryAfterSeconds, type Sleep } from './middleware';

export interface PacerOptions {
  /** Resource units kept in hand: below this many remaining, wait for the window to reset (default 2 % of the limit, at least 40: a batch of 20 writes). */
  readonly reserveUnits?: number;
  readonly now?: () => number;
}

export interface PacerStats {
  /** Times a request waited at a gate, and for how long in all. */
  waits: number;
  waitedMs: number;
  throttled: number;
}

/** Which budget a request is charged to: a mailbox (Exchange) or SharePoint. */
export function budgetOf(url: string): string {
  const mailbox = /\/users\/([^/?]+)/i.exec(url);
  return mailbox ? `mailbox:${decodeURIComponent(mailbox[1]!).toLowerCase()}` : 'sharepoint';
}

export class Pacer {
  private readonly gates = new Map<string, number>();
  readonly stats: PacerStats = { waits: 0, waitedMs: 0, throttled: 0 };
  private readonly now: () => number;

  constructor(private readonly options: PacerOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** How long a request to this URL should wait now (0 when its budget allows it). */
  delayFor(url: string): number {
    return Math.max(0, (this.gates.get(budgetOf(url)) ?? 0) - this.now());
  }

  private close(budget: string, until: number): void {
    if (until > (this.gates.get(budget) ?? 0)) this.gates.set(budget, until);
  }

  /** Learns from an answer's headers: Retry-After on a refusal, RateLimit-* on SharePoint's answers. */
  observe(url: string, status: number, header: (name: string) => string | null): void {
    const budget = budgetOf(url);
    if (status === 429 || status === 503) {
      this.stats.throttled++;
      const wait = retryAfterSeconds(header('Retry-After'));
      this.close(budget, this.now() + (wait ?? 1) * 1000);
    }
    const limit = Number(header('RateLimit-Limit'));
    const remaining = Number(header('RateLimit-Remaining'));
    const reset = Number(header('RateLimit-Reset'));
    if (header('RateLimit-Remaining') !== null && Number.isFinite(remaining) && Number.isFinite(reset)) {
      const reserve = this.options.reserveUnits ?? Math.max(40, Math.ceil((Number.isFinite(limit) ? limit : 0) * 0.02));
      if (remaining < reserve) this.close(budget, this.now() + reset * 1000);
    }
  }

  async wait(url: string, sleep: Sleep): Promise<void> {
    const delay = this.delayFor(url);
    if (delay <= 0) return;
    this.stats.waits++;
    this.stats.waitedMs += delay;
    await sleep(delay);
  }
}

/** Waits at the request's gate before it goes, and reads the answer's budget headers. Sits after retry, so each attempt is paced. */
export class PacingMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly pacer: Pacer,
    private readonly sleep: Sleep,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const url = effectiveUrl(context.request);
    await this.pacer.wait(url, this.sleep);
    await this.next!.execute(context);
    const response = context.response;
    if (response) this.pacer.observe(url, response.status, (name) => response.headers.get(name));
  }
}
