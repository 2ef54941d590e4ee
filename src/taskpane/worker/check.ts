// What the worker does, as plain functions (the worker and tests call them alike): check an email
// against the catalogue (the built-in templates and the hub's own), take a new set of hub
// templates, propose a template from a Word form, try a draft template on an email.
import { CatalogueError, loadCatalogue, withHubTemplates, type Catalogue } from '../../core/catalogue';
import { readAttachments } from '../../core/documents';
import { intake } from '../../core/intake';
import type { ApplicationReport } from '../../core/check';
import { readDocx } from '../../core/docx/read-docx';
import type { Message } from '../../core/message';
import { proposeTemplate, type Proposal } from '../../core/templates/propose';
import { paneView, type AttachmentFacts } from '../view/pane-view';
import { layoutOf } from '../../core/forms/layout';
import { formLikeness } from '../../core/forms/looks-like-form';
import type { Checked, HubTemplate, TemplatesSet, WorkerRequest } from './protocol';

let catalogue: Catalogue | null = null;

export function paneCatalogue(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** The email through the core's one intake path, with the catalogue in use: report, view, and what filing it means. */
export function checkForPane(
  message: Message,
  source: string,
  signOff?: string,
  using: Catalogue = paneCatalogue(),
  trustedSenders: readonly string[] = [],
): Checked {
  const { report, ...filing } = intake(message, { catalogue: using, source, trustedSenders });
  return { report, view: paneView(report, using, signOff, filing.judgedReceivedAt, attachmentFacts(message, report)), filing };
}

/** Every attachment of the email (and of an email attached to it), and for a Word document that matches no form, whether it is laid out as one. */
function attachmentFacts(message: Message, report: ApplicationReport): AttachmentFacts[] {
  const unknown = new Set(report.forms.filter((f) => f.formId === null).map((f) => f.attachment));
  const facts: AttachmentFacts[] = [];
  const visit = (m: Message) => {
    for (const a of m.attachments) {
      if (!unknown.has(a.name)) {
        facts.push({ name: a.name, contentType: a.contentType });
        continue;
      }
      const read = readDocx(a.bytes);
      facts.push({
        name: a.name,
        contentType: a.contentType,
        looksLikeForm: read.ok && formLikeness(layoutOf(read.document)).looksLikeForm,
      });
    }
    m.attachedMessages?.forEach(visit);
  };
  visit(message);
  return facts;
}

/** The hub's own templates replace the previous set; an invalid one is left out and said why. */
export function setHubTemplates(templates: readonly HubTemplate[]): TemplatesSet {
  const invalid: string[] = [];
  const builtIn = loadCatalogue();
  catalogue = withHubTemplates(builtIn, templates, { onInvalid: (e) => invalid.push(e.message) });
  return { invalid, ids: catalogue.templates.filter((t) => !builtIn.templates.includes(t)).map((t) => t.id) };
}

export class ProposeError extends Error {
  override name = 'ProposeError';
}

/** A template proposed from a Word form; a file that is not a readable .docx says why. */
export function proposeFromForm(bytes: Uint8Array, name: string): Proposal {
  const read = readDocx(bytes);
  if (!read.ok) throw new ProposeError(`${name}: ${read.error.message}`);
  return proposeTemplate(read.document, paneCatalogue().hubs);
}

/** Checks an email with a draft template in the catalogue, to see what it reads before saving. */
export function tryTemplate(message: Message, source: string, draft: unknown, signOff?: string): Checked {
  let withDraft: Catalogue;
  try {
    withDraft = withHubTemplates(paneCatalogue(), [{ data: draft, source: 'being edited' }]);
  } catch (error) {
    if (error instanceof CatalogueError) throw new ProposeError(error.message);
    throw error;
  }
  return checkForPane(message, source, signOff, withDraft);
}

/**
 * Any request to the checker, answered (the worker and the in-page checker share this). An email
 * is checked once its attachments are read (core/documents: every format, zips opened), which is
 * asynchronous for PDF.
 */
export function answerRequest(request: WorkerRequest): unknown {
  switch (request.kind) {
    case 'check':
      return readAttachments(request.message).then((message) =>
        checkForPane(message, request.source, request.signOff, paneCatalogue(), request.trustedSenders),
      );
    case 'setTemplates':
      return setHubTemplates(request.templates);
    case 'propose':
      return proposeFromForm(request.bytes, request.name);
    case 'tryTemplate':
      return readAttachments(request.message).then((message) => tryTemplate(message, request.source, request.template, request.signOff));
  }
}
