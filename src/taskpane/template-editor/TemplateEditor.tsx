// "Make a template from this form": the template proposed from a Word form that matched no known
// form, for the hub manager to check and correct (labels, keys, types, required, word limits,
// signatories, deadline), try on the email in front of them, and save to the site's Form Templates
// list, where every hub manager's pane finds it. Loaded on demand (React.lazy). What it does is
// the session (session.ts, no React); each section of the page is a component of its own.
import { Button, MessageBar, MessageBarBody, Spinner, Text, mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Template } from '../../core/catalogue/schema';
import type { Message } from '../../core/message';
import { useSectionStyles } from '../components/styles';
import type { TemplateLibrary } from '../services/templates';
import type { Checker } from '../worker/checker';
import { FieldsSection } from './FieldsSection';
import { ListMessage } from './ListMessage';
import { ProgrammeSection } from './ProgrammeSection';
import { SaveFooter } from './SaveFooter';
import { SignatoriesSection } from './SignatoriesSection';
import { useEditorStyles } from './styles';
import { TemplateSession } from './session';
import { TrySection } from './TrySection';

export interface TemplateEditorProps {
  /** The Word file the template is made from: the attachment, or the blank form the manager chose. */
  readonly file: { readonly name: string; readonly bytes: Uint8Array };
  /** The email in the reading pane, to try the template on before saving. */
  readonly message: Message;
  readonly source: string;
  readonly checker: Checker;
  readonly library: () => Promise<TemplateLibrary>;
  readonly savedBy: string;
  readonly signOff: string;
  /** After a save: the pane takes the template into use and checks the email again. */
  readonly onSaved: (template: Template, note: string | null) => Promise<void>;
  readonly onCancel: () => void;
  readonly describeError: (error: unknown, doing: string) => string;
}

export default function TemplateEditor(props: TemplateEditorProps) {
  const { file } = props;
  const s = useSectionStyles();
  const styles = useEditorStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  // The session reads the pane's props when it uses them, so it lives as long as the file.
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  // The getter reads the ref only when the session acts (after a click or a worker's answer), never
  // while rendering; the rule cannot see through the constructor.
  // eslint-disable-next-line react-hooks/refs
  const session = useMemo(() => new TemplateSession(file, () => propsRef.current), [file]);
  const { stage, failure, draft, unsure, trial, saving, saveError, conflict, showProblems } = useSyncExternalStore(
    session.subscribe,
    session.getState,
  );

  useEffect(() => {
    void session.propose();
    return () => session.dispose();
  }, [session]);
  useEffect(() => heading.current?.focus(), []);

  const problems = session.problems();

  const back = (
    <Button appearance="subtle" className={styles.back} onClick={props.onCancel}>
      ← Back to the email
    </Button>
  );
  if (stage === 'proposing' || !draft) {
    return (
      <div className={styles.root}>
        {back}
        {stage === 'failed' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner label={`Reading ${file.name}…`} />
        )}
      </div>
    );
  }

  return (
    <div className={styles.root} aria-label="New form template">
      {back}
      <section className={s.section} aria-labelledby="template-heading">
        <h1 id="template-heading" ref={heading} tabIndex={-1} className={s.heading}>
          New form template
        </h1>
        <Text size={200} className={mergeClasses(s.muted, s.wrap)}>
          Made from {file.name}. Check each field against the form, then save: every hub manager’s pane reads this form from then on.
        </Text>
        {unsure.length > 0 && <ListMessage intent="warning" title="Check before saving" lines={unsure} />}
      </section>
      <ProgrammeSection draft={draft} edit={session.edit} />
      <FieldsSection draft={draft} edit={session.edit} />
      <SignatoriesSection draft={draft} edit={session.edit} />
      <TrySection trial={trial} draftId={draft.id} canTry={problems.length === 0} onTry={() => void session.tryIt()} />
      <SaveFooter
        draftId={draft.id}
        problems={showProblems ? problems : null}
        conflict={conflict}
        saveError={saveError}
        saving={saving}
        onSave={(replaceETag) => void session.save(replaceETag)}
        onCancel={props.onCancel}
      />
    </div>
  );
}
