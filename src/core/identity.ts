// Which email this is, and whose word counts. The Message-ID alone is the sender's say-so: anyone
// can send another school's Message-ID. The fingerprint is what the email itself is: the same for
// the same email however it was fetched (Outlook, Graph's MIME, a saved .eml), different for a
// different email. It leaves out what differs between those readers for one email (the Date
// header, which Outlook does not give; the receipt time, which each reads from another place;
// line folding and encodings of the subject, the order of recipients) and keeps what a forger
// must copy exactly: the sender's address, who was copied in, the subject and every form's bytes
// (SHA-256, so no form can be made to match another's hash).
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Attachment, Mailbox, Message } from './message';

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** The email's fingerprint (64 hex digits): sender and recipients' addresses, subject, and the hash of each form read. */
export function emailFingerprint(
  message: Pick<Message, 'from' | 'to' | 'cc' | 'subject'>,
  forms: readonly Pick<Attachment, 'bytes'>[],
): string {
  const address = (m: Mailbox | null | undefined) => (m?.address ?? '').trim().toLowerCase();
  const recipients = [...new Set([...message.to, ...message.cc].map(address).filter(Boolean))].sort();
  const subject = message.subject.replace(/\s+/g, ' ').trim();
  const hashes = forms.map((f) => sha256Hex(f.bytes)).sort();
  return sha256Hex(utf8ToBytes(JSON.stringify(['hub-intake email v1', address(message.from), recipients, subject, hashes])));
}

/**
 * The hub's own senders: addresses ("office@hub.org.uk") and domains ("hub.org.uk" or
 * "@hub.org.uk"). Only an email forwarded by one of them is taken at its word about the original
 * it attaches. (The From address is what the hub's mail server let through; spoofing it is the
 * server's SPF/DKIM/DMARC checks' to stop.)
 */
export function isTrustedSender(from: Mailbox | null, trusted: readonly string[]): boolean {
  const address = from?.address.trim().toLowerCase();
  if (!address || !address.includes('@')) return false;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return trusted.some((entry) => {
    const t = entry.trim().toLowerCase();
    if (!t) return false;
    if (t.startsWith('@')) return t.slice(1) === domain;
    return t.includes('@') ? t === address : t === domain;
  });
}
