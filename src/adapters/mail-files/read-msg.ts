// Reads an Outlook .msg (an OLE compound file of MAPI properties) into the core's Message with
// @kenjiuno/msgreader. Addresses are the SMTP ones: an Exchange sender or recipient is stored with
// an X.500 address ("/O=EXCHANGELABS/…") beside its SMTP address properties, which are used.
import MsgReader, { type FieldsData } from '@kenjiuno/msgreader';
import type { Attachment, Mailbox, Message } from '../../core/message';

export class MsgError extends Error {
  override name = 'MsgError';
}

const MAX_MSG_BYTES = 60 * 1024 * 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when the bytes are an OLE compound file (what an Outlook .msg is). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** True when the UTF-16LE name occurs in the bytes (a stream name in a compound file's directory). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < name.length; j++) {
      if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** An Outlook item: a compound file with the MAPI property stream at its root. */
export function isOutlookItem(bytes: Uint8Array): boolean {
  return isCompoundFile(bytes) && containsUtf16(bytes, '__properties_version1.0');
}

const SMTP = /^[^\s@<>/]+@[^\s@<>]+\.[^\s@<>]+$/;

function smtp(...candidates: (string | undefined)[]): string | null {
  for (const candidate of candidates) {
    const address = candidate?.trim().replace(/^smtp:/i, '');
    if (address && SMTP.test(address)) return address.toLowerCase();
  }
  return null;
}

function sender(fields: FieldsData): Mailbox | null {
  // An Exchange sender stored only by its X.500 address may also be a recipient (copied in, or
  // writing to themselves): that recipient's entry carries the SMTP address.
  const x500 = fields.senderEmail?.toLowerCase();
  const asRecipient = x500?.startsWith('/') ? fields.recipients?.find((r) => r.email?.toLowerCase() === x500)?.smtpAddress : undefined;
  const address = smtp(fields.senderSmtpAddress, fields.sentRepresentingSmtpAddress, fields.senderEmail, fields.creatorSMTPAddress, fromHeader(fields.headers), asRecipient, fields.inetAcctName);
  return address ? { name: fields.senderName ?? '', address } : null;
}

/** The address in the From header of the transport headers, when Outlook kept them. */
function fromHeader(headers: string | undefined): string | undefined {
  const from = headers?.match(/^From:[^\n]*?([^\s<>"]+@[^\s<>"]+)/im);
  return from?.[1];
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
  const stamp = received ? toIso(received.slice(received.lastIndexOf(';') + 1).replace(/\s+/g, ' ').trim()) : null;
  return stamp ?? toIso(fields.clientSubmitTime);
}

function messageId(fields: FieldsData): string | null {
  const id = fields.messageId?.trim() || fields.headers?.match(/^Message-ID:\s*(<[^>\r\n]+>)/im)?.[1];
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
  if (!isOutlookItem(bytes)) throw new MsgError('The file is an OLE compound file (an old Office document?) but not an Outlook .msg email.');
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
