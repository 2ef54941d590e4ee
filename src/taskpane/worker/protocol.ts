// Messages between the pane and the checker's web worker. One request, one response, matched by
// id. Besides checking an email, the worker holds the hub's own templates (from the site's Form
// Templates list), proposes a template from a Word form, and tries a draft template on an email.
import type { HubTemplate } from '../../core/catalogue';
import type { ApplicationReport } from '../../core/check';
import type { Intake } from '../../core/intake';
import type { Message } from '../../core/message';
import type { Proposal } from '../../core/templates/propose';
import type { PaneView } from '../view/pane-view';

/** A hub template as the worker is given it (the core's one type for it). */
export type { HubTemplate };

/** What filing the email means, made by the core's intake with the catalogue that checked it. */
export type PaneFiling = Omit<Intake, 'report'>;

export interface Checked {
  readonly report: ApplicationReport;
  readonly view: PaneView;
  readonly filing: PaneFiling;
}

export interface TemplatesSet {
  /** Why each template left out was left out (about the template, never an applicant). */
  readonly invalid: readonly string[];
  /** The ids of the hub templates now in use. */
  readonly ids: readonly string[];
}

/** The requests, each with the answer it gets. */
export interface Requests {
  check: {
    request: { readonly message: Message; readonly source: string; readonly signOff?: string; readonly trustedSenders?: readonly string[] };
    answer: Checked;
  };
  setTemplates: { request: { readonly templates: readonly HubTemplate[] }; answer: TemplatesSet };
  propose: { request: { readonly bytes: Uint8Array; readonly name: string }; answer: Proposal };
  /** Checks an email as if the draft template were in the catalogue (it wins on its id). */
  tryTemplate: {
    request: { readonly message: Message; readonly source: string; readonly template: unknown; readonly signOff?: string };
    answer: Checked;
  };
}

export type RequestKind = keyof Requests;

export type WorkerRequest = { [K in RequestKind]: { readonly id: number; readonly kind: K } & Requests[K]['request'] }[RequestKind];

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly answer: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };
