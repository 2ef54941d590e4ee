// Deterministic fault injection: counters, never randomness, so a test can say "the 3rd request is throttled".
import { z } from 'zod';

const every = z.number().int().positive();

export const faultSettingsSchema = z.strictObject({
  /** Every Nth counted request gets 429 Too Many Requests with Retry-After. */
  throttleEvery: every.optional(),
  /** Retry-After seconds on 429 and 503 responses (default 1). */
  retryAfterSeconds: z.number().int().nonnegative().max(3600).optional(),
  /** Every Nth counted request gets 503 Service Unavailable with Retry-After. */
  unavailableEvery: every.optional(),
  /** Every Nth write is committed, then its connection is destroyed without an answer. */
  dropAfterCommitEvery: every.optional(),
  /** Delay every counted response by this many milliseconds. */
  stallMs: z.number().int().nonnegative().max(120_000).optional(),
  /** Which requests the faults apply to (default 'all'). */
  only: z.enum(['writes', 'all']).optional(),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export function parseFaultSettings(input: unknown): FaultSettings {
  const parsed = faultSettingsSchema.safeParse(input);
  if (!parsed.success) throw new FaultSettingsError(z.prettifyError(parsed.error));
  return parsed.data;
}

export class FaultSettingsError extends Error {
  override name = 'FaultSettingsError';
}

export interface FaultCounts {
  throttled: number;
  unavailable: number;
  dropped: number;
  stalled: number;
}

export type FaultDecision = { kind: 'none' } | { kind: 'throttle' | 'unavailable'; retryAfterSeconds: number };

export class FaultInjector {
  private settings: FaultSettings = {};
  private requestCounter = 0;
  private writeCounter = 0;
  readonly injected: FaultCounts = { throttled: 0, unavailable: 0, dropped: 0, stalled: 0 };

  constructor(settings?: FaultSettings) {
    if (settings) this.set(settings);
  }

  /** Replaces the settings and restarts the counters, so counting is relative to this moment. */
  set(settings: FaultSettings): void {
    this.settings = parseFaultSettings(settings);
    this.requestCounter = 0;
    this.writeCounter = 0;
  }

  get current(): FaultSettings {
    return { ...this.settings };
  }

  private applies(isWrite: boolean): boolean {
    return this.settings.only === 'writes' ? isWrite : true;
  }

  /** Called once per counted request (each batch sub-request included) before it runs. */
  before(isWrite: boolean): FaultDecision {
    if (!this.applies(isWrite)) return { kind: 'none' };
    const n = ++this.requestCounter;
    const retryAfterSeconds = this.settings.retryAfterSeconds ?? 1;
    if (this.settings.throttleEvery && n % this.settings.throttleEvery === 0) {
      this.injected.throttled++;
      return { kind: 'throttle', retryAfterSeconds };
    }
    if (this.settings.unavailableEvery && n % this.settings.unavailableEvery === 0) {
      this.injected.unavailable++;
      return { kind: 'unavailable', retryAfterSeconds };
    }
    return { kind: 'none' };
  }

  /** Called for each write that was executed; true when its connection should be dropped after commit. */
  dropAfterCommit(): boolean {
    const n = ++this.writeCounter;
    if (this.settings.dropAfterCommitEvery && n % this.settings.dropAfterCommitEvery === 0) {
      this.injected.dropped++;
      return true;
    }
    return false;
  }

  /** Milliseconds to hold a response back (0 for none). */
  stallFor(isWrite: boolean): number {
    const ms = this.settings.stallMs ?? 0;
    if (ms <= 0 || !this.applies(isWrite)) return 0;
    this.injected.stalled++;
    return ms;
  }
}
