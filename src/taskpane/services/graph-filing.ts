// The pane's ports on Microsoft Graph (or the local store, which speaks the same): the graph
// adapter's filing and decisions, a look-up of the item by the email's Message-ID, and the site's
// Form Templates list.
// Loaded on demand: the first screen does not carry the Graph client or the catalogue.
import {
  addFormColumns,
  attachedItemMime,
  ConflictError,
  createGraphClient,
  displayUrl,
  type FiledApplication,
  fileApplication,
  findByMessageId,
  type FilingTarget,
  getApplication,
  loadSiteTemplates,
  messageMime,
  resolveTarget,
  saveSiteTemplate,
  TemplateExists,
  TemplatesListMissing,
  updateDecision,
} from '../../adapters/graph/pane';
import type { PaneSignIn } from '../../adapters/auth/naa';
import type { PaneConfig } from '../../adapters/auth/pane-config';
import type { MailFallback } from '../../adapters/office/outlook';
import { TemplateAlreadySaved, type TemplateLibrary } from './templates';
import {
  answersFromScores,
  DecisionConflict,
  type FiledItem,
  FilingFailed,
  type FilingService,
  listDecision,
  paneDecisionOf,
  SCORE,
} from './filing';

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function filedItem(target: FilingTarget, item: FiledApplication): FiledItem {
  const f = item.fields;
  return {
    id: item.id,
    eTag: item.eTag,
    url: displayUrl(target, item.id),
    status: text(f.Status),
    decision: paneDecisionOf(f.Decision, f.Status, f.DecidedAt),
    reviewNotes: text(f.ReviewNotes),
    criteria: answersFromScores(f.CriteriaScores),
    decidedBy: text(f.DecidedBy),
    decidedAt: text(f.DecidedAt),
  };
}

/** The pane's ports on one SharePoint site: filing and the Form Templates list, sharing the target. */
export interface GraphSite {
  readonly filing: FilingService;
  readonly templates: TemplateLibrary;
}

export function createGraphSite(config: PaneConfig, signIn: PaneSignIn): GraphSite {
  const read = createGraphClient({ graphUrl: config.graphUrl, auth: signIn.provider('read') });
  const write = createGraphClient({ graphUrl: config.graphUrl, auth: signIn.provider('write') });
  // Adding a new form's columns to the list needs more than writing items: asked for only then.
  const manage = createGraphClient({ graphUrl: config.graphUrl, auth: signIn.provider('manage') });
  let target: Promise<FilingTarget> | null = null;
  const resolve = () => {
    target ??= resolveTarget(read, {
      site: config.site,
      ...(config.list ? { list: config.list } : {}),
      ...(config.library ? { library: config.library } : {}),
    }).catch((error: unknown) => {
      target = null;
      throw error;
    });
    return target;
  };
  const templates: TemplateLibrary = {
    async load() {
      const t = await resolve();
      try {
        const saved = await loadSiteTemplates(read, t.siteId);
        const loaded = saved.map((s) => ({ data: s.data, source: s.source }));
        return { templates: loaded, missing: false };
      } catch (error) {
        if (!(error instanceof TemplatesListMissing)) throw error;
        return { templates: [], missing: true };
      }
    },
    async save(template, savedBy, replaceETag) {
      const t = await resolve();
      try {
        await saveSiteTemplate(write, t.siteId, template, { savedBy, ...(replaceETag ? { replace: { eTag: replaceETag } } : {}) });
      } catch (error) {
        if (error instanceof TemplateExists)
          throw new TemplateAlreadySaved(error.current.eTag, error.current.savedBy, error.current.savedAt);
        throw error;
      }
      let columnsNote: string | null = null;
      try {
        const { clashes } = await addFormColumns(manage, t.siteId, t.listId, [template]);
        if (clashes.length) columnsNote = `Some of the form's columns clash with columns already in the list: ${clashes.join(' ')}`;
      } catch {
        columnsNote =
          "The form's columns could not be added to the Applications list (your account may not be allowed to change the list): its applications are filed without them until someone runs `hub-intake provision`.";
      }
      target = null; // the list's columns changed
      return { columnsNote };
    },
  };
  const filing: FilingService = {
    async findFiled(internetMessageId, fingerprint) {
      const t = await resolve();
      const found = await findByMessageId(read, t, internetMessageId, fingerprint);
      return found ? filedItem(t, found) : null;
    },

    async file({ report, filing: checked }, email, onStep) {
      onStep?.('connecting');
      const t = await resolve();
      onStep?.('uploading');
      // The record the checker made, with the catalogue that checked the email: never rebuilt here.
      const outcome = await fileApplication(write, t, { intake: { report, ...checked }, email });
      if (outcome.status === 'failed' || !outcome.itemId) throw new FilingFailed(outcome.error ?? 'The list did not take the application.');
      onStep?.('confirming');
      return filedItem(t, await getApplication(write, t, outcome.itemId));
    },

    async saveDecision(item, save) {
      const t = await resolve();
      const { decision, status } = listDecision(save.decision);
      const criteriaScores = Object.fromEntries(Object.entries(save.criteria).map(([id, answer]) => [id, SCORE[answer]]));
      try {
        const updated = await updateDecision(write, t, item.id, item.eTag, {
          decision,
          status,
          decidedBy: save.decidedBy,
          reviewNotes: save.notes.trim() || null,
          criteriaScores,
        });
        return filedItem(t, updated);
      } catch (error) {
        if (error instanceof ConflictError) throw new DecisionConflict(filedItem(t, error.current as FiledApplication));
        throw error;
      }
    },
  };
  return { filing, templates };
}

/**
 * Graph for what Outlook does not hand over: an email's MIME, an attached email's MIME, from the
 * mailbox the email is in (the user's own with Mail.Read, a shared one's owner with
 * Mail.Read.Shared), through the Graph client (retries, typed errors).
 */
export function createMailFallback(config: PaneConfig, signIn: PaneSignIn): MailFallback {
  const own = createGraphClient({ graphUrl: config.graphUrl, auth: signIn.provider('mail') });
  const shared = createGraphClient({ graphUrl: config.graphUrl, auth: signIn.provider('mailShared') });
  const clientFor = (owner: string | null) => (owner ? shared : own);
  return {
    attachedItemMime: (messageId, attachmentId, owner) => attachedItemMime(clientFor(owner), messageId, attachmentId, owner),
    messageMime: (messageId, owner) => messageMime(clientFor(owner), messageId, owner),
  };
}
