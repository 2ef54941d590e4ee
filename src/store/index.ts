// The local store: a server speaking the subset of Microsoft Graph v1.0 Hub Intake uses, kept in SQLite.
export { startLocalStore, DEFAULT_SIMPLE_UPLOAD_LIMIT, DEFAULT_REQUEST_BODY_LIMIT, ADMIN_SECRET_HEADER } from './server';
export type { LocalStore, LocalStoreOptions, LocalStoreStats } from './server';
export { faultSettingsSchema, parseFaultSettings } from './faults';
export type { FaultSettings, FaultCounts } from './faults';
export { SITE_ID, SITE_PATH, SITE_DISPLAY_NAME, DATABASE_FILE } from './db';
export { nonIndexedMessage } from './routes/items';
export { HYPERLINK_REFUSAL, NOTE_MAX_LENGTH } from './values';
export { quickXorHash } from './quickxor';
export { MailStore, MAIL_DATABASE_FILE } from './mail';
export { SMALL_TENANT, throttleSettingsSchema, resourceUnits } from './throttle';
export type { ThrottleSettings, ThrottleStats } from './throttle';
