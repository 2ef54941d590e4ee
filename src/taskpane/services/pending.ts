// A filing that did not finish is resumed the next time the pane opens on that email: a small
// marker per email (its Message-ID and fingerprint, nothing else) is kept in the browser's storage
// while filing runs and removed once the item is confirmed. Filing is idempotent, so resuming is
// filing again. The fingerprint is in the key because anyone can send another school's Message-ID:
// a forged email reusing it must not be filed just by being opened.

/** Which email a marker is for: its Message-ID and its fingerprint (core/identity). */
export interface PendingEmail {
  readonly internetMessageId: string;
  readonly fingerprint: string;
}

export interface PendingFilings {
  mark(email: PendingEmail): void;
  clear(email: PendingEmail): void;
  has(email: PendingEmail): boolean;
}

const PREFIX = 'hub-intake.pending:';
const MAX_AGE_MS = 14 * 24 * 3600_000;

// The fingerprint is 64 hex digits, so it and the Message-ID after it never run into each other.
const keyOf = (email: PendingEmail) => `${PREFIX}${email.fingerprint}:${email.internetMessageId}`;

export function storagePending(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  now = () => Date.now(),
): PendingFilings {
  const memory = new Map<string, string>();
  const get = (k: string) => {
    try {
      return storage ? storage.getItem(k) : (memory.get(k) ?? null);
    } catch {
      return memory.get(k) ?? null;
    }
  };
  const set = (k: string, v: string) => {
    try {
      if (storage) storage.setItem(k, v);
      else memory.set(k, v);
    } catch {
      memory.set(k, v);
    }
  };
  const remove = (k: string) => {
    memory.delete(k);
    try {
      storage?.removeItem(k);
    } catch {
      // storage unavailable: the memory copy is gone
    }
  };
  return {
    mark: (email) => set(keyOf(email), String(now())),
    clear: (email) => remove(keyOf(email)),
    has: (email) => {
      const key = keyOf(email);
      const since = Number(get(key));
      if (!since) return false;
      if (now() - since > MAX_AGE_MS) {
        remove(key);
        return false;
      }
      return true;
    },
  };
}
