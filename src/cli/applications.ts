// Reads emails from disk into what filing needs: the core's intake (report, record, the form's
// bytes) and the email's own bytes (.eml, or Outlook's .msg).
import { readFile } from 'node:fs/promises';
import { isMailError, isOutlookItem, readMail } from '../adapters/mail-files';
import type { Application } from '../adapters/graph';
import type { Catalogue } from '../core/catalogue';
import { readAttachments } from '../core/documents';
import { intake } from '../core/intake';

export type ReadApplication = { ok: true; application: Application } | { ok: false; source: string; error: string };

export async function readApplication(
  path: string,
  catalogue: Catalogue,
  trustedSenders: readonly string[] = [],
): Promise<ReadApplication> {
  if (!/\.(eml|msg)$/i.test(path))
    return {
      ok: false,
      source: path,
      error: 'Only emails (.eml, .msg) are filed: a form on its own has no Message-ID, sender or recipients.',
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return { ok: false, source: path, error: 'The file could not be read.' };
  }
  return applicationFromEmail(bytes, path, catalogue, trustedSenders);
}

/** An email's bytes (an .eml or .msg on disk, or a message's MIME from a mailbox) as an application to file: the one path for all. */
export async function applicationFromEmail(
  bytes: Uint8Array,
  path: string,
  catalogue: Catalogue,
  trustedSenders: readonly string[] = [],
): Promise<ReadApplication> {
  try {
    // Forms in any format, zips opened, before the (synchronous) intake.
    const message = await readAttachments(await readMail(bytes));
    const emailName = isOutlookItem(bytes) ? 'email.msg' : undefined;
    return { ok: true, application: { intake: intake(message, { catalogue, source: path, trustedSenders }), email: bytes, emailName } };
  } catch (e) {
    return { ok: false, source: path, error: isMailError(e) ? e.message : 'The email could not be read.' };
  }
}
