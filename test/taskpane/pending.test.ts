// The pane's marker for a filing that did not finish: kept per email, by its Message-ID and its
// fingerprint, so that a forged email reusing a genuine one's Message-ID is never filed by being opened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../src/core/catalogue';
import { intake } from '../../src/core/intake';
import { storagePending, type PendingEmail } from '../../src/taskpane/services/pending';

const catalogue = loadCatalogue();
const sample = (name: string) => readEml(new Uint8Array(readFileSync(join(__dirname, '..', '..', 'samples', 'emails', name))));

/** A Storage as the browser's localStorage behaves (strings in, strings out, null when absent). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

async function genuineAndForged(): Promise<{ genuine: PendingEmail; forged: PendingEmail }> {
  const message = await sample('01-sms-complete.eml');
  // Another sender's email carrying the very Message-ID (and the very form) of the genuine one.
  const forgedMessage = { ...message, from: { name: 'Forger', address: 'forger@elsewhere.example' } };
  const of = (m: typeof message): PendingEmail => ({
    internetMessageId: m.internetMessageId!,
    fingerprint: intake(m, { catalogue, source: 'x' }).fingerprint,
  });
  return { genuine: of(message), forged: of(forgedMessage) };
}

describe('pending filings', () => {
  it('resume only for the email that was being filed, not a forged one sharing its Message-ID', async () => {
    const { genuine, forged } = await genuineAndForged();
    expect(forged.internetMessageId).toBe(genuine.internetMessageId);
    expect(forged.fingerprint).not.toBe(genuine.fingerprint);
    const storage = memoryStorage();
    const pending = storagePending(storage);
    pending.mark(genuine);
    expect(pending.has(forged)).toBe(false);
    expect(pending.has(genuine)).toBe(true);
    // Filing the forged one (a person pressed File) leaves the genuine one's marker alone.
    pending.mark(forged);
    pending.clear(forged);
    expect(pending.has(genuine)).toBe(true);
    pending.clear(genuine);
    expect(pending.has(genuine)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('keep nothing of the email but its Message-ID and fingerprint, and forget a marker after 14 days', async () => {
    const { genuine } = await genuineAndForged();
    const storage = memoryStorage();
    let now = Date.UTC(2026, 0, 1);
    const pending = storagePending(storage, () => now);
    pending.mark(genuine);
    expect([...storage.items.keys()]).toEqual([`hub-intake.pending:${genuine.fingerprint}:${genuine.internetMessageId}`]);
    now += 14 * 24 * 3600_000;
    expect(pending.has(genuine)).toBe(true);
    now += 1;
    expect(pending.has(genuine)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('are kept in memory when the browser gives no storage, or its storage refuses', async () => {
    const { genuine, forged } = await genuineAndForged();
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    for (const pending of [storagePending(null), storagePending(refusing)]) {
      pending.mark(genuine);
      expect(pending.has(genuine)).toBe(true);
      expect(pending.has(forged)).toBe(false);
      pending.clear(genuine);
      expect(pending.has(genuine)).toBe(false);
    }
  });
});
