// A filing that did not finish is resumed the next time the pane opens on that email: a small
// marker per email (its Message-ID, nothing else) is kept in the browser's storage while filing
// runs and removed once the item is confirmed. Filing is idempotent, so resuming is filing again.

export interface PendingFilings {
  mark(internetMessageId: string): void;
  clear(internetMessageId: string): void;
  has(internetMessageId: string): boolean;
}

const PREFIX = 'hub-intake.pending:';
const MAX_AGE_MS = 14 * 24 * 3600_000;

export function storagePending(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null, now = () => Date.now()): PendingFilings {
  const memory = new Map<string, string>();
  const get = (k: string) => {
    try {
      return storage ? storage.getItem(k) : memory.get(k) ?? null;
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
    mark: (id) => set(PREFIX + id, String(now())),
    clear: (id) => remove(PREFIX + id),
    has: (id) => {
      const since = Number(get(PREFIX + id));
      if (!since) return false;
      if (now() - since > MAX_AGE_MS) {
        remove(PREFIX + id);
        return false;
      }
      return true;
    },
  };
}
