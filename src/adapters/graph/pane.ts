// What the task pane uses of Graph, in one place: the client, filing and decisions, the item by
// its Message-ID, the site's Form Templates list, and mail for what Outlook does not hand over.
// The pane's ports (taskpane/services) are built on this module alone, so the pane depends on one
// published surface of the adapter, not on its files; its lazily loaded chunk carries only these.
export { createGraphClient, type GraphClient } from './client';
export { ConflictError } from '../wire/errors';
export { displayUrl, fileApplication } from './filing';
export { type FiledApplication, findByMessageId, getApplication, updateDecision } from './items';
export { resolveTarget, type FilingTarget } from './target';
export { addFormColumns, loadSiteTemplates, saveSiteTemplate, TemplateExists, TemplatesListMissing } from './templates';
export { attachedItemMime, messageMime } from './mail';
