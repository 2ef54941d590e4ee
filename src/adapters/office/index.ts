export { createOutlookMailbox, type OutlookMailbox, type Envelope, type AttachmentInfo, type MailFallback, type CategoryColor } from './outlook';
export { officeAsync, officeSync } from './call';
export { OfficeCallError, NoItemError, UnsupportedError } from './errors';
export { base64ToBytes, bytesToBase64 } from './base64';
