// Progress of a long run, on stderr and only when stderr is a terminal: how many done, the rate
// and the time left, on one line redrawn in place. Never on stdout, never with --json (the caller
// passes enabled: false), and nothing at all for a short run.

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** One more input done. */
  tick(): void;
  /** Takes the line off the terminal (before printing to stdout, and at the end). */
  clear(): void;
}

const SILENT: Progress = { tick() {}, clear() {} };

/** Shown only after this long, so a short run prints nothing. */
const AFTER_MS = 1000;
const EVERY_MS = 200;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The progress line itself: "120 of 360 checked · 45 a second · about 6 s left". */
export function progressLine(done: number, total: number, elapsedMs: number, verb: string): string {
  const rate = done / Math.max(elapsedMs / 1000, 0.001);
  const left = rate > 0 ? (total - done) / rate : 0;
  const perSecond = rate >= 10 ? Math.round(rate).toString() : rate.toFixed(1);
  return `${done} of ${total} ${verb} · ${perSecond} a second · about ${duration(left)} left`;
}

export function createProgress(
  total: number,
  options: { enabled: boolean; verb?: string; stream?: ProgressStream; now?: () => number },
): Progress {
  const stream = options.stream ?? process.stderr;
  if (!options.enabled || !stream.isTTY || total < 2) return SILENT;
  const now = options.now ?? Date.now;
  const verb = options.verb ?? 'checked';
  const started = now();
  let done = 0;
  let drawnAt = 0;
  let shown = false;
  return {
    tick() {
      done++;
      const t = now();
      if (t - started < AFTER_MS || (t - drawnAt < EVERY_MS && done < total)) return;
      drawnAt = t;
      shown = true;
      stream.write(`\r\x1b[K${progressLine(done, total, t - started, verb)}`);
    },
    clear() {
      // Redrawn by a later tick, at most every EVERY_MS: clearing is no reason to draw more often.
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
