// Reads emails from disk into what filing needs: the core's intake (report, record, the form's
// bytes) and the raw .eml.
import { readFile } from 'node:fs/promises';
import { readEml } from '../adapters/mail-files/read-eml';
import type { Application } from '../adapters/graph';
import type { Catalogue } from '../core/catalogue';
import { readAttachments } from '../core/documents';
import { intake } from '../core/intake';

export type ReadApplication = { ok: true; application: Application } | { ok: false; source: string; error: string };

export async function readApplication(path: string, catalogue: Catalogue, trustedSenders: readonly string[] = []): Promise<ReadApplication> {
  if (!/\.eml$/i.test(path)) return { ok: false, source: path, error: 'Only emails (.eml) are filed: a form on its own has no Message-ID, sender or recipients.' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return { ok: false, source: path, error: 'The file could not be read.' };
  }
  return applicationFromEml(bytes, path, catalogue, trustedSenders);
}

/** An email's bytes (an .eml on disk, or a message's MIME from a mailbox) as an application to file: the one path for both. */
export async function applicationFromEml(bytes: Uint8Array, path: string, catalogue: Catalogue, trustedSenders: readonly string[] = []): Promise<ReadApplication> {
  try {
    // Forms in any format, zips opened, before the (synchronous) intake.
    const message = await readAttachments(await readEml(bytes));
    return { ok: true, application: { intake: intake(message, { catalogue, source: path, trustedSenders }), email: bytes } };
  } catch (e) {
    return { ok: false, source: path, error: e instanceof Error && e.name === 'EmlError' ? e.message : 'The email could not be read.' };
  }
}
