// Checks one file from disk, whatever it is: an email (.eml or Outlook .msg), a form on its own
// (any format core/documents reads), a zip of forms, or anything else, which is reported as what
// it is. Never throws: whatever goes wrong is reported on that file.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isMailError, readMail } from '../adapters/mail-files';
import { isTnef, readTnef } from '../adapters/mail-files/tnef';
import type { Catalogue } from '../core/catalogue';
import { checkDocument, type ApplicationReport } from '../core/check';
import { describeKind, isFormAttachment, readAttachmentList, readAttachments, sniffKind } from '../core/documents';
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
  const kind = sniffKind(bytes, path);
  if (kind === 'email' || kind === 'outlook-item' || (/\.eml$/i.test(path) && kind === 'text')) {
    try {
      return intake(await readAttachments(await readMail(bytes)), { catalogue, source: path, trustedSenders }).report;
    } catch (e) {
      return failed(path, 'unreadable-email', isMailError(e) ? e.message : 'The email could not be read.');
    }
  }
  const name = basename(path);
  if (name.startsWith('~$'))
    return failed(
      path,
      'not-an-application',
      `${name} is the owner file Word leaves beside a document while it is open: it holds no application.`,
    );
  // A winmail.dat saved on its own (Outlook's rich-text attachments): its files, as a zip's.
  const tnef = kind === 'unknown' && isTnef(bytes) ? tnefFiles(bytes, name) : null;
  const attachments = await readAttachmentList(tnef ?? [{ name, contentType: '', bytes }]);
  const forms = attachments.filter(isFormAttachment);
  if (kind !== 'zip' && !tnef && forms.length === 1) return checkDocument(forms[0]!, name, catalogue, path);
  if (kind === 'zip' || tnef) {
    const problem = tnef ? null : attachments[0]?.reading?.problem;
    if (problem) return failed(path, problem.code, `${name} (${describeKind(kind)}): ${problem.message}`);
    // The forms inside, reported together under the zip's name.
    const reports = forms.map((form) => checkDocument(form, form.name, catalogue, path));
    const inside = tnef ? attachments.length : attachments.length - 1;
    const what = tnef ? "Outlook's winmail.dat" : 'a zip archive';
    if (!reports.length)
      return failed(
        path,
        'no-form-in-zip',
        `${name} is ${what} with ${inside} file${inside === 1 ? '' : 's'} and no application form in it.`,
      );
    return {
      source: path,
      message: null,
      forms: reports.flatMap((r) => r.forms),
      issues: reports.flatMap((r) => r.issues),
      complete: reports.every((r) => r.complete),
    };
  }
  return failed(path, 'not-an-application', `${name} is ${describeKind(kind)}: it cannot hold an application (emails and forms can).`);
}

function tnefFiles(bytes: Uint8Array, name: string) {
  try {
    return readTnef(bytes).map((file) => ({ ...file, name: `${name}/${file.name}` }));
  } catch {
    return null;
  }
}
