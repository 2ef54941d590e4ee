// An application email as the core sees it, whoever read it: the .eml reader or Outlook.
import type { WordDocument } from './docx/model';

export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

export interface Attachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** What the file really is and, for a document, what it reads to (core/documents readAttachments). */
  readonly reading?: AttachmentReading;
}

export interface AttachmentReading {
  /** The kind the bytes show (core/documents/sniff.ts FileKind). */
  readonly kind: string;
  /** The kind in words, for messages: "a PDF", "an image: a scan cannot be read…". */
  readonly description: string;
  /** A zip whose files follow it in the list. */
  readonly container?: boolean;
  readonly document?: WordDocument;
  readonly problem?: { readonly code: string; readonly message: string };
}

export interface Message {
  readonly subject: string;
  readonly from: Mailbox | null;
  readonly to: readonly Mailbox[];
  readonly cc: readonly Mailbox[];
  /** ISO 8601 instant the hub's server received it, or null when unknown. */
  readonly receivedAt: string | null;
  readonly internetMessageId: string | null;
  readonly attachments: readonly Attachment[];
  /** Emails attached to this one (forwarded "as attachment"), already read. */
  readonly attachedMessages?: readonly Message[];
}
