export {
  createOutlookMailbox,
  type OutlookMailbox,
  type Envelope,
  type AttachmentInfo,
  type MailFallback,
  type CategoryColor,
  type SharedMailbox,
  type ReadAttachedEmail,
} from './outlook';
export { officeAsync, officeSync } from './call';
export { OfficeCallError, NoItemError, UnsupportedError } from './errors';
export { base64ToBytes, bytesToBase64 } from './base64';
export {
  officeGlobal,
  whenOfficeReady,
  officeBackground,
  supportsNestedAppAuth,
  dialogMessage,
  messageParent,
  OfficeDialogClosed,
} from './host';
