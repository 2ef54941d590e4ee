// The pane's template section: the template editor (loaded on demand) on the file a template is
// being made from, in place of the application check.
import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { Message } from '../../core/message';
import { plainError } from '../services/plain-error';
import type { PaneServices } from '../services/services';
import type { PaneSession, TemplateSource } from '../session';

const TemplateEditor = lazy(() => import(/* webpackChunkName: "template-editor" */ '../template-editor/TemplateEditor'));

export interface TemplateSectionProps {
  readonly from: TemplateSource;
  /** The email shown, to try the draft template on. */
  readonly message: Message;
  readonly services: PaneServices;
  readonly session: PaneSession;
  readonly className: string;
}

export function TemplateSection({ from, message, services, session, className }: TemplateSectionProps) {
  const user = services.mailbox.user();
  return (
    <main className={className} aria-label="New form template">
      <Suspense fallback={<Spinner size="tiny" label="Loading the template editor…" />}>
        <TemplateEditor
          file={from}
          message={message}
          source={session.source()}
          checker={services.checker}
          library={services.templateLibrary}
          savedBy={user.name || user.address}
          signOff={services.signOff}
          onSaved={session.templateSaved}
          onCancel={session.closeTemplate}
          describeError={plainError}
        />
      </Suspense>
    </main>
  );
}
