// Reads an .eml (RFC 5322) into the core's Message with postal-mime, which runs in Node and in
// the browser alike. The only code that knows about MIME.
import PostalMime from 'postal-mime';
import type { Attachment, Mailbox, Message } from '../../core/message';
import { finishMail } from './unwrap';

export class EmlError extends Error {
  override name = 'EmlError';
}

const MAX_EML_BYTES = 60 * 1024 * 1024;

function mailboxes(addresses: readonly PostalMime.Address[] | undefined): Mailbox[] {
  const out: Mailbox[] = [];
  for (const address of addresses ?? []) {
    if (address.group) out.push(...address.group.map((m) => ({ name: m.name, address: m.address.toLowerCase() })));
    else if (address.address) out.push({ name: address.name, address: address.address.toLowerCase() });
  }
  return out;
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** When the hub's own server took the message: the topmost Received header, else the Date header. */
function receivedAt(email: PostalMime.Email): string | null {
  const received = email.headers.find((h) => h.key === 'received');
  if (received) {
    const stamp = toIso(received.value.slice(received.value.lastIndexOf(';') + 1).trim());
    if (stamp) return stamp;
  }
  const dateHeader = email.headers.find((h) => h.key === 'date')?.value;
  return toIso(dateHeader) ?? toIso(email.date);
}

function bytesOf(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export async function readEml(raw: Uint8Array | string, depth = 0): Promise<Message> {
  return finishMail(await parseEml(raw), depth);
}

/** The email itself, its attachments as they are (emails and winmail.dat inside not yet read). */
export async function parseEml(raw: Uint8Array | string): Promise<Omit<Message, 'attachedMessages'>> {
  const size = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (size > MAX_EML_BYTES) throw new EmlError(`The email is larger than ${MAX_EML_BYTES / 1048576} MB.`);
  let email: PostalMime.Email;
  try {
    // Attached emails stay attachments, so that each keeps its own headers.
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50, forceRfc822Attachments: true });
  } catch {
    throw new EmlError('The email could not be read as a MIME message.');
  }
  const from = mailboxes(email.from ? [email.from] : [])[0] ?? null;
  const attachments: Attachment[] = email.attachments.map((a, i) => ({
    name: a.filename ?? `attachment-${i + 1}`,
    contentType: a.mimeType,
    bytes: bytesOf(a.content),
  }));
  return {
    subject: email.subject ?? '',
    from,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    receivedAt: receivedAt(email),
    internetMessageId: email.messageId ?? null,
    attachments,
  };
}
