// The store reports file hashes the way SharePoint does; the one implementation lives in the core.
export { quickXorHash, QuickXorHasher } from '../core/quickxor';
