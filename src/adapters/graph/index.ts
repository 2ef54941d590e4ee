// Hub Intake's Microsoft Graph adapter: the only code that talks to Graph.
export { createGraphClient, graphRequest, type GraphClient, type GraphClientOptions } from './client';
export {
  type AccessTokenProvider,
  noToken,
  staticToken,
  DEFAULT_RETRY,
  type RetryPolicy,
  type Exchange,
  type Sleep,
  type WireOptions,
} from '../wire';
export { GraphRequestError, TransportError, ConflictError } from '../wire/errors';
export { runBatch, MAX_BATCH, type BatchRequest, type BatchResponse } from './batch';
export { resolveTarget, sitePath, TargetError, type FilingTarget, type SiteRef } from './target';
export {
  provisionApplications,
  columnDefinition,
  siteWebUrl,
  type ProvisionResult,
  type ProvisionOptions,
  type ListChanges,
} from './provision';
export {
  TEMPLATES_LIST,
  loadSiteTemplates,
  saveSiteTemplate,
  addFormColumns,
  TemplatesListMissing,
  TemplateExists,
  TemplateTooLarge,
  type SiteTemplate,
  type SaveOptions,
} from './templates';
export {
  fileApplication,
  fileApplications,
  failedOutcome,
  displayUrl,
  type Application,
  type FilingOutcome,
  type FilingStatus,
  type FilingOptions,
} from './filing';
export {
  listApplications,
  getApplication,
  updateDecision,
  findByMessageId,
  itemsByMessageIdUrl,
  type FiledApplication,
  type DecisionInput,
} from './items';
export { uploadFile, quickXorHash, DEFAULT_SIMPLE_UPLOAD_LIMIT } from './uploads';
export { mailboxPath, messageMime, attachedItemMime, masterCategories, ensureMasterCategories, type OutlookCategory } from './mail';
