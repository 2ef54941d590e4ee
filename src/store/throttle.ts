// The tenant's budgets, modelled: SharePoint's resource units per app per minute, and Exchange's
// requests per app per mailbox (10,000 in 10 minutes, 4 at once). Over budget a request gets 429
// with Retry-After; SharePoint's preview RateLimit-Limit / -Remaining / -Reset headers (IETF
// draft-03: resource units in the window, units left, seconds until the window resets) are sent
// once an app has used 80 % of its window, as SharePoint Online does for apps. Fixed windows, so
// Reset and Retry-After are exact. Off unless settings are given.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const throttleSettingsSchema = z.strictObject({
  /** SharePoint resource units per app per window (a small tenant: about 1,200 a minute). */
  ruPerWindow: z.number().int().positive().optional(),
  ruWindowSeconds: z.number().int().positive().max(3600).optional(),
  /** Requests per app per mailbox per window (Exchange: 10,000 per 10 minutes). */
  mailboxRequestsPerWindow: z.number().int().positive().optional(),
  mailboxWindowSeconds: z.number().int().positive().max(3600).optional(),
  /** Requests to one mailbox in progress at once (Exchange: 4). */
  mailboxConcurrency: z.number().int().positive().optional(),
  /** The share of the window after which RateLimit headers are sent (default 0.8). */
  rateLimitHeadersAt: z.number().min(0).max(1).optional(),
});
export type ThrottleSettings = z.infer<typeof throttleSettingsSchema>;

/** The budgets of a small tenant, as Microsoft documents them. */
export const SMALL_TENANT: Required<Omit<ThrottleSettings, 'rateLimitHeadersAt'>> = {
  ruPerWindow: 1200,
  ruWindowSeconds: 60,
  mailboxRequestsPerWindow: 10_000,
  mailboxWindowSeconds: 600,
  mailboxConcurrency: 4,
};

export interface ThrottleStats {
  /** Resource units charged (admitted SharePoint requests only). */
  resourceUnits: number;
  sharePointRequests: number;
  sharePointThrottled: number;
  mailboxRequests: number;
  mailboxThrottled: number;
  concurrencyThrottled: number;
}

export type Admission =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; retryAfterSeconds: number; code: string; message: string; headers: Record<string, string> };

interface Window {
  start: number;
  used: number;
}

/** The mailbox a Graph path addresses (/users/{address}/…), lower-cased, or null. */
export function mailboxOf(path: string): string | null {
  const match = /^\/users\/([^/?]+)/i.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!).toLowerCase();
  } catch {
    return null;
  }
}

/**
 * What a Graph request costs SharePoint, in resource units (Microsoft's table for Graph: 1 for a
 * single item, a delta with a token or a download; 2 for a multi-item query and for create,
 * update, delete and upload; 5 for permissions). Mail requests cost none: Exchange counts them.
 */
export function resourceUnits(method: string, path: string, query: URLSearchParams | null, kind: 'graph' | 'upload' | 'download'): number {
  if (kind === 'download') return 1;
  if (kind === 'upload') return 2;
  if (mailboxOf(path) !== null || path === '/$batch') return 0;
  if (/\/permissions(\/|$)/i.test(path)) return 5;
  if (method !== 'GET' && method !== 'HEAD') return 2;
  if (/\/delta$/i.test(path)) return query?.has('token') || query?.has('$deltatoken') ? 1 : 2;
  if (query?.has('$filter') || /\/(items|children|lists|columns|drives|sites)\/?$/i.test(path)) return 2;
  return 1;
}

/** Requests are told apart by app through their bearer token (locally: one anonymous app). */
export function appOf(authorization: string | undefined): string {
  if (!authorization) return 'anonymous';
  return createHash('sha256').update(authorization).digest('hex').slice(0, 16);
}

export class Throttle {
  private settings: ThrottleSettings | null = null;
  private readonly ru = new Map<string, Window>();
  private readonly mailbox = new Map<string, Window>();
  private readonly inFlight = new Map<string, number>();
  /** Windows are counted from when the settings were set, so a short run never straddles two by chance. */
  private origin = 0;
  counts: ThrottleStats = Throttle.zero();

  constructor(
    settings: ThrottleSettings | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.set(settings);
  }

  static zero(): ThrottleStats {
    return {
      resourceUnits: 0,
      sharePointRequests: 0,
      sharePointThrottled: 0,
      mailboxRequests: 0,
      mailboxThrottled: 0,
      concurrencyThrottled: 0,
    };
  }

  set(settings: ThrottleSettings | undefined): void {
    this.settings = settings && Object.keys(settings).length ? throttleSettingsSchema.parse(settings) : null;
    this.origin = this.now();
    this.ru.clear();
    this.mailbox.clear();
  }

  get current(): ThrottleSettings {
    return this.settings ?? {};
  }

  reset(): void {
    this.counts = Throttle.zero();
    this.origin = this.now();
    this.ru.clear();
    this.mailbox.clear();
  }

  /** Marks a top-level request to a mailbox as in progress until the returned function is called. */
  enter(path: string, app: string): () => void {
    const mailbox = mailboxOf(path);
    if (mailbox === null) return () => undefined;
    const key = `${app}|${mailbox}`;
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }

  private window(map: Map<string, Window>, key: string, seconds: number): Window {
    const length = seconds * 1000;
    const start = this.origin + Math.floor((this.now() - this.origin) / length) * length;
    let w = map.get(key);
    if (!w || w.start !== start) map.set(key, (w = { start, used: 0 }));
    return w;
  }

  private secondsLeft(w: Window, seconds: number): number {
    return Math.max(1, Math.ceil((w.start + seconds * 1000 - this.now()) / 1000));
  }

  /** The RateLimit headers for an app's SharePoint window, when it has used enough of it. */
  rateLimitHeaders(app: string): Record<string, string> {
    const s = this.settings;
    if (!s?.ruPerWindow) return {};
    const seconds = s.ruWindowSeconds ?? 60;
    const w = this.window(this.ru, app, seconds);
    if (w.used < s.ruPerWindow * (s.rateLimitHeadersAt ?? 0.8)) return {};
    return {
      'RateLimit-Limit': String(s.ruPerWindow),
      'RateLimit-Remaining': String(Math.max(0, s.ruPerWindow - w.used)),
      'RateLimit-Reset': String(this.secondsLeft(w, seconds)),
    };
  }

  /** Charges one request (top-level or inside a batch) to its budget, or refuses it. */
  admit(request: {
    method: string;
    path: string;
    query: URLSearchParams | null;
    kind: 'graph' | 'upload' | 'download';
    app: string;
    topLevel: boolean;
  }): Admission {
    const s = this.settings;
    const mailbox = request.kind === 'graph' ? mailboxOf(request.path) : null;
    if (mailbox !== null) {
      this.counts.mailboxRequests++;
      if (!s) return { ok: true, headers: {} };
      const key = `${request.app}|${mailbox}`;
      const concurrency = s.mailboxConcurrency;
      if (request.topLevel && concurrency && (this.inFlight.get(key) ?? 0) > concurrency) {
        this.counts.mailboxThrottled++;
        this.counts.concurrencyThrottled++;
        return {
          ok: false,
          retryAfterSeconds: 1,
          code: 'ApplicationThrottled',
          message: 'Application is over its MailboxConcurrency limit.',
          headers: { 'Retry-After': '1' },
        };
      }
      if (s.mailboxRequestsPerWindow) {
        const seconds = s.mailboxWindowSeconds ?? 600;
        const w = this.window(this.mailbox, key, seconds);
        if (w.used + 1 > s.mailboxRequestsPerWindow) {
          this.counts.mailboxThrottled++;
          const wait = this.secondsLeft(w, seconds);
          return {
            ok: false,
            retryAfterSeconds: wait,
            code: 'ApplicationThrottled',
            message: 'Application is over its MailboxRequests limit.',
            headers: { 'Retry-After': String(wait) },
          };
        }
        w.used++;
      }
      return { ok: true, headers: {} };
    }
    const cost = resourceUnits(request.method, request.path, request.query, request.kind);
    if (cost === 0) return { ok: true, headers: {} };
    this.counts.sharePointRequests++;
    if (s?.ruPerWindow) {
      const seconds = s.ruWindowSeconds ?? 60;
      const w = this.window(this.ru, request.app, seconds);
      if (w.used + cost > s.ruPerWindow) {
        this.counts.sharePointThrottled++;
        const wait = this.secondsLeft(w, seconds);
        return {
          ok: false,
          retryAfterSeconds: wait,
          code: 'activityLimitReached',
          message:
            'The request has been throttled: the app has used its resource units for this minute. Retry after the number of seconds in the Retry-After header.',
          headers: {
            'Retry-After': String(wait),
            'RateLimit-Limit': String(s.ruPerWindow),
            'RateLimit-Remaining': String(Math.max(0, s.ruPerWindow - w.used)),
            'RateLimit-Reset': String(wait),
          },
        };
      }
      w.used += cost;
    }
    this.counts.resourceUnits += cost;
    return { ok: true, headers: this.rateLimitHeaders(request.app) };
  }
}
