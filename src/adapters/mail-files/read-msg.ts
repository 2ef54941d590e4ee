// Reads an Outlook .msg (an OLE compound file of MAPI properties) into the core's Message with
// @kenjiuno/msgreader. Addresses are the SMTP ones: an Exchange sender or recipient is stored with
// an X.500 address ("/O=EXCHANGELABS/…") beside its SMTP address properties, which are used.
import MsgReader, { type FieldsData } from '@kenjiuno/msgreader';
import type { Attachment, Mailbox, Message } from '../../core/message';
import { findEmail } from '../../core/text';
import { containsUtf16 } from '../../core/bytes';

export class MsgError extends Error {
  override name = 'MsgError';
}

const MAX_MSG_BYTES = 60 * 1024 * 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes are an OLE compound file (what an Outlook .msg is). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** An Outlook item: a compound file with the MAPI property stream at its root. */
export function isOutlookItem(bytes: Uint8Array): boolean {
  return isCompoundFile(bytes) && containsUtf16(bytes, '__properties_version1.0');
}

/** One address and nothing around it, with a dot inside its domain: checked by hand, as a pattern for it backtracks. */
function isSmtpAddress(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@') || /[\s<>]/.test(text) || text.slice(0, at).includes('/')) return false;
  return text.slice(at + 2, -1).includes('.');
}

function smtp(...candidates: (string | undefined)[]): string | null {
  for (const candidate of candidates) {
    const address = candidate?.trim().replace(/^smtp:/i, '');
    if (address && isSmtpAddress(address)) return address.toLowerCase();
  }
  return null;
}

function sender(fields: FieldsData): Mailbox | null {
  // An Exchange sender stored only by its X.500 address may also be a recipient (copied in, or
  // writing to themselves): that recipient's entry carries the SMTP address.
  const x500 = fields.senderEmail?.toLowerCase();
  const asRecipient = x500?.startsWith('/') ? fields.recipients?.find((r) => r.email?.toLowerCase() === x500)?.smtpAddress : undefined;
  const address = smtp(
    fields.senderSmtpAddress,
    fields.sentRepresentingSmtpAddress,
    fields.senderEmail,
    fields.creatorSMTPAddress,
    fromHeader(fields.headers),
    asRecipient,
    fields.inetAcctName,
  );
  return address ? { name: fields.senderName ?? '', address } : null;
}

/** The address in the From header of the transport headers, when Outlook kept them. */
function fromHeader(headers: string | undefined): string | undefined {
  return findEmail(header(headers, 'From') ?? '')?.address;
}

/** The first header of that name in the transport headers, its folded lines joined: one pass over the lines. */
function header(headers: string | undefined, name: string): string | undefined {
  const lines = headers?.split('\n') ?? [];
  const prefix = `${name.toLowerCase()}:`;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.slice(0, prefix.length).toLowerCase().startsWith(prefix)) continue;
    let value = lines[i]!.slice(prefix.length);
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]!)) value += ` ${lines[++i]!.trim()}`;
    return value.trim();
  }
  return undefined;
}

function recipients(fields: FieldsData, kind: 'to' | 'cc'): Mailbox[] {
  const out: Mailbox[] = [];
  for (const r of fields.recipients ?? []) {
    if ((r.recipType ?? 'to') !== kind) continue;
    const address = smtp(r.smtpAddress, r.email, r.name);
    if (address) out.push({ name: r.name && r.name !== address ? r.name : '', address });
  }
  return out;
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** When the hub's server took it: the delivery time, else the top Received header, else when it was sent. */
function receivedAt(fields: FieldsData): string | null {
  const delivered = toIso(fields.messageDeliveryTime);
  if (delivered) return delivered;
  const received = fields.headers?.match(/^Received:((?:.|\r?\n[ \t])*)/im)?.[1];
  const stamp = received
    ? toIso(
        received
          .slice(received.lastIndexOf(';') + 1)
          .replace(/\s+/g, ' ')
          .trim(),
      )
    : null;
  return stamp ?? toIso(fields.clientSubmitTime);
}

function messageId(fields: FieldsData): string | null {
  const kept = header(fields.headers, 'Message-ID');
  const end = kept?.startsWith('<') ? kept.indexOf('>') : -1;
  const id = fields.messageId?.trim() || (end > 1 ? kept!.slice(0, end + 1) : undefined);
  return id || null;
}

export interface MsgParts {
  readonly message: Omit<Message, 'attachedMessages'>;
  /** Emails embedded in this one (Outlook's "attach item"), not yet read into Messages. */
  readonly embedded: readonly FieldsData[];
}

function readFields(reader: MsgReader, fields: FieldsData): MsgParts {
  const attachments: Attachment[] = [];
  const embedded: FieldsData[] = [];
  (fields.attachments ?? []).forEach((attachment, i) => {
    if (attachment.innerMsgContent && attachment.innerMsgContentFields) {
      embedded.push(attachment.innerMsgContentFields);
      return;
    }
    // Pictures inline in the body are attachments too; they are kept, as any other file.
    let content: Uint8Array;
    try {
      content = reader.getAttachment(attachment).content;
    } catch {
      return;
    }
    const name = attachment.fileName || attachment.fileNameShort || attachment.name || `attachment-${i + 1}`;
    attachments.push({ name, contentType: attachment.attachMimeTag ?? 'application/octet-stream', bytes: content });
  });
  return {
    message: {
      subject: fields.subject ?? '',
      from: sender(fields),
      to: recipients(fields, 'to'),
      cc: recipients(fields, 'cc'),
      receivedAt: receivedAt(fields),
      internetMessageId: messageId(fields),
      attachments,
    },
    embedded,
  };
}

/** Reads a .msg and the emails embedded in it, to the depth given. */
export function readMsgParts(bytes: Uint8Array): { reader: MsgReader; fields: FieldsData } {
  if (bytes.byteLength > MAX_MSG_BYTES) throw new MsgError(`The email is larger than ${MAX_MSG_BYTES / 1048576} MB.`);
  if (!isCompoundFile(bytes)) throw new MsgError('The file is not an Outlook .msg email.');
  if (!isOutlookItem(bytes))
    throw new MsgError('The file is an OLE compound file (an old Office document?) but not an Outlook .msg email.');
  let reader: MsgReader;
  let fields: FieldsData;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    fields = reader.getFileData();
  } catch {
    throw new MsgError('The Outlook .msg email could not be read.');
  }
  if (fields.error || fields.dataType !== 'msg') throw new MsgError('The file is an OLE compound file but not an Outlook .msg email.');
  return { reader, fields };
}

export function readMsgFields(reader: MsgReader, fields: FieldsData): MsgParts {
  return readFields(reader, fields);
}
