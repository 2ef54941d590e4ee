// Checks one file from disk: an email, or a form on its own. Never throws: whatever goes wrong
// is reported on that file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readEml } from '../adapters/mail-files/read-eml';
import type { Catalogue } from '../core/catalogue';
import { checkDocument, type ApplicationReport } from '../core/check';
import { intake } from '../core/intake';

function failed(source: string, code: string, message: string): ApplicationReport {
  return { source, message: null, forms: [], issues: [{ severity: 'error', code, message }], complete: false };
}

export async function checkFile(path: string, catalogue: Catalogue, trustedSenders: readonly string[] = []): Promise<ApplicationReport> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return failed(path, 'unreadable-file', 'The file could not be read.');
  }
  if (/\.eml$/i.test(path)) {
    try {
      return intake(await readEml(bytes), { catalogue, source: path, trustedSenders }).report;
    } catch (e) {
      return failed(path, 'unreadable-email', e instanceof Error && e.name === 'EmlError' ? e.message : 'The email could not be read.');
    }
  }
  if (/\.(docx|docm|doc)$/i.test(path)) return checkDocument(bytes, basename(path), catalogue, path);
  return failed(path, 'unsupported-file', 'Only .eml emails and .docx forms can be checked.');
}
