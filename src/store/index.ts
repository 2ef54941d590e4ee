// The local list store: a server speaking the subset of Microsoft Graph v1.0 Hub Intake uses, kept in SQLite.
export { startGraphEmulator, DEFAULT_SIMPLE_UPLOAD_LIMIT } from './server';
export type { GraphEmulator, GraphEmulatorOptions, EmulatorStats } from './server';
export { faultSettingsSchema, parseFaultSettings } from './faults';
export type { FaultSettings, FaultCounts } from './faults';
export { SITE_ID, SITE_PATH, SITE_DISPLAY_NAME, DATABASE_FILE } from './db';
export { nonIndexedMessage } from './graph';
export { HYPERLINK_REFUSAL } from './columns';
export { quickXorHash } from './quickxor';
