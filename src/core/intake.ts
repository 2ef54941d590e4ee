// The one path from a message to what is filed, for every entry (the CLI's check and file, the
// task pane's worker): the report, the list record built with the very catalogue that made the
// check, and the exact bytes of the form that was checked, found by identity (the attachment the
// form was read from), never again by name. Pure: attached emails come already read by whichever
// adapter read the message (the mail-files reader, or Outlook's), as message.attachedMessages.
import type { Catalogue } from './catalogue';
import { checkEmail, type ApplicationReport, type CheckOptions } from './check';
import { emailFingerprint } from './identity';
import type { Message } from './message';
import { applicationRecord, type ApplicationRecord, EMAIL_FILE_NAME, RecordError, safeFileName } from './record';

export interface IntakeOptions extends CheckOptions {
  readonly catalogue: Catalogue;
  /** How the report names the email (its path, or its Message-ID in the pane). */
  readonly source: string;
}

/** A file to upload beside the item: its name in the library, and the bytes. */
export interface LibraryFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Intake {
  readonly report: ApplicationReport;
  /** What the item holds; null when the email cannot be filed (then `unfileable` says why). */
  readonly record: ApplicationRecord | null;
  readonly unfileable: string | null;
  /**
   * The attachment the record's form was read from, as it goes to the library: the very bytes
   * that were checked; null when none.
   */
  readonly formAttachment: LibraryFile | null;
  /** The email's fingerprint (emailFingerprint over the forms read). */
  readonly fingerprint: string;
  /** The receipt time the deadline was judged on (the email's, or a trusted forward's original's). */
  readonly judgedReceivedAt: string | null;
}

/** Checks an email and says what filing it means. Never throws for what a sender can put in an email. */
export function intake(message: Message, options: IntakeOptions): Intake {
  const checked = checkEmail(message, options.catalogue, options.source, options);
  const { report } = checked;
  const fingerprint = emailFingerprint(message, checked.wordAttachments);
  let record: ApplicationRecord | null = null;
  let unfileable: string | null = null;
  try {
    record = applicationRecord(report, options.catalogue.templates, {
      fingerprint,
      originalMessageId: checked.original?.internetMessageId ?? null,
    });
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    unfileable = error.message;
  }
  let formAttachment: LibraryFile | null = null;
  if (record?.form) {
    const attachment = checked.formAttachments[report.forms.indexOf(record.form)];
    if (attachment) formAttachment = { name: libraryFileName(attachment.name), bytes: attachment.bytes };
  }
  return { report, record, unfileable, formAttachment, fingerprint, judgedReceivedAt: checked.judgedReceivedAt };
}

/** The attachment's name in the library: one SharePoint accepts, and never the email's own. */
export function libraryFileName(attachmentName: string): string {
  const name = safeFileName(attachmentName);
  return name.toLowerCase() === EMAIL_FILE_NAME ? `form-${name}` : name;
}
