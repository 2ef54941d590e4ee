// What every email read from a file goes through, .eml or .msg alike: the files inside a
// winmail.dat become attachments, and emails attached as files (.eml, .msg) or embedded by
// Outlook are read into attachedMessages, each with its own headers.
import type { FieldsData } from '@kenjiuno/msgreader';
import type MsgReader from '@kenjiuno/msgreader';
import type { Attachment, Message } from '../../core/message';
import { parseEml } from './read-eml';
import { isOutlookItem, readMsgFields, readMsgParts } from './read-msg';
import { isTnef, readTnef } from './tnef';

/** How deep emails attached to emails are read. */
export const MAX_ATTACHED_DEPTH = 3;

const isTnefAttachment = (a: Attachment) => (/^winmail\.dat$/i.test(a.name) || /ms-tnef/i.test(a.contentType)) && isTnef(a.bytes);
const isEmlAttachment = (a: Attachment) => a.contentType === 'message/rfc822' || /\.eml$/i.test(a.name);
const isMsgAttachment = (a: Attachment) => (/\.msg$/i.test(a.name) || /ms-outlook/i.test(a.contentType)) && isOutlookItem(a.bytes);

function withoutTnef(attachments: readonly Attachment[]): Attachment[] {
  const out: Attachment[] = [];
  for (const attachment of attachments) {
    if (!isTnefAttachment(attachment)) {
      out.push(attachment);
      continue;
    }
    try {
      // The files inside take winmail.dat's place; an empty one (rich text only) leaves nothing.
      out.push(...readTnef(attachment.bytes));
    } catch {
      out.push(attachment); // damaged: kept, so that the report names it
    }
  }
  return out;
}

export async function finishMail(
  parsed: Omit<Message, 'attachedMessages'>,
  depth: number,
  embedded: readonly Message[] = [],
): Promise<Message> {
  const attachments = withoutTnef(parsed.attachments);
  const attachedMessages: Message[] = [...embedded];
  if (depth < MAX_ATTACHED_DEPTH) {
    for (const attachment of attachments) {
      try {
        if (isEmlAttachment(attachment)) attachedMessages.push(await finishMail(await parseEml(attachment.bytes), depth + 1));
        else if (isMsgAttachment(attachment)) attachedMessages.push(await readMsg(attachment.bytes, depth + 1));
      } catch {
        // An attached email that cannot be read is left as a plain attachment.
      }
    }
  }
  return { ...parsed, attachments, attachedMessages };
}

async function finishMsg(reader: MsgReader, fields: FieldsData, depth: number): Promise<Message> {
  const { message, embedded } = readMsgFields(reader, fields);
  const inner: Message[] = [];
  if (depth < MAX_ATTACHED_DEPTH) {
    for (const item of embedded) {
      try {
        inner.push(await finishMsg(reader, item, depth + 1));
      } catch {
        // An embedded item that cannot be read is left out; the email itself still is read.
      }
    }
  }
  return finishMail(message, depth, inner);
}

/** Reads an Outlook .msg email, with the emails embedded in or attached to it. */
export async function readMsg(bytes: Uint8Array, depth = 0): Promise<Message> {
  const { reader, fields } = readMsgParts(bytes);
  return finishMsg(reader, fields, depth);
}
