// The mail-files adapter: emails saved as files, .eml (MIME) or Outlook's .msg, told apart by
// their bytes rather than their names.
import type { Message } from '../../core/message';
import { readEml } from './read-eml';
import { isOutlookItem } from './read-msg';
import { readMsg } from './unwrap';

export { EmlError, readEml } from './read-eml';
export { MsgError, isCompoundFile, isOutlookItem } from './read-msg';
export { readMsg } from './unwrap';

/** Reads an email file: a compound file holding MAPI properties is an Outlook .msg, anything else is read as MIME. */
export function readMail(bytes: Uint8Array): Promise<Message> {
  return isOutlookItem(bytes) ? readMsg(bytes) : readEml(bytes);
}

/** Whether an error is one of this adapter's own, whose message can be shown as it is. */
export const isMailError = (e: unknown): e is Error => e instanceof Error && (e.name === 'EmlError' || e.name === 'MsgError');
