// An application email as the core sees it, whoever read it: the .eml reader or Outlook.

export interface Mailbox {
  readonly name: string;
  readonly address: string;
}

export interface Attachment {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
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
