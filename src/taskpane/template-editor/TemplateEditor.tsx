// "Make a template from this form": the template proposed from a Word form that matched no known
// form, for the hub manager to check and correct (labels, keys, types, required, word limits,
// signatories, deadline), try on the email in front of them, and save to the site's Form Templates
// list, where every hub manager's pane finds it. Loaded on demand (React.lazy). This file holds
// the editor's state and what it does; each section of the page is a component of its own.
import { Button, MessageBar, MessageBarBody, Spinner, Text, mergeClasses } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Template } from '../../core/catalogue/schema';
import type { Message } from '../../core/message';
import { useSectionStyles } from '../components/styles';
import { TemplateAlreadySaved, type TemplateLibrary } from '../services/templates';
import type { Checker } from '../worker/checker';
import { type Draft, draftProblems } from './draft';
import { FieldsSection } from './FieldsSection';
import { ListMessage } from './ListMessage';
import { ProgrammeSection } from './ProgrammeSection';
import { SaveFooter } from './SaveFooter';
import { SignatoriesSection } from './SignatoriesSection';
import { useEditorStyles } from './styles';
import { type Trial, TrySection } from './TrySection';

export interface TemplateEditorProps {
  /** The Word form the template is made from: the attachment, or the blank form the manager chose. */
  readonly form: { readonly name: string; readonly bytes: Uint8Array };
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

type Stage =
  | { readonly kind: 'proposing' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'editing' };

export default function TemplateEditor(props: TemplateEditorProps) {
  const { form, checker } = props;
  const s = useSectionStyles();
  const styles = useEditorStyles();
  const [stage, setStage] = useState<Stage>({ kind: 'proposing' });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [unsure, setUnsure] = useState<readonly string[]>([]);
  const [trial, setTrial] = useState<Trial | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<TemplateAlreadySaved | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    checker.propose(form.bytes, form.name).then(
      (proposal) => {
        if (!live) return;
        setDraft(proposal.template);
        setUnsure(proposal.unsure);
        setStage({ kind: 'editing' });
      },
      (error: unknown) => live && setStage({ kind: 'failed', message: props.describeError(error, 'reading the form') }),
    );
    return () => {
      live = false;
    };
    // Proposed once per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checker, form]);
  useEffect(() => heading.current?.focus(), []);

  const edit = useCallback((change: (d: Draft) => Draft) => {
    setDraft((d) => (d ? change(d) : d));
    setTrial(null);
    setConflict(null);
    setSaveError(null);
  }, []);

  const problems = draft ? draftProblems(draft) : [];

  const tryIt = useCallback(async () => {
    if (!draft) return;
    setTrial({ kind: 'trying' });
    try {
      const { view } = await checker.tryTemplate(props.message, props.source, draft, props.signOff);
      setTrial({ kind: 'tried', view });
    } catch (error) {
      setTrial({ kind: 'failed', message: props.describeError(error, 'trying the template') });
    }
  }, [checker, draft, props]);

  const save = useCallback(
    async (replaceETag?: string) => {
      if (!draft) return;
      if (draftProblems(draft).length) {
        setShowProblems(true);
        return;
      }
      setSaving(true);
      setSaveError(null);
      try {
        const library = await props.library();
        const { columnsNote } = await library.save(draft, props.savedBy, replaceETag);
        setConflict(null);
        await props.onSaved(draft, columnsNote);
      } catch (error) {
        if (error instanceof TemplateAlreadySaved) setConflict(error);
        else setSaveError(props.describeError(error, 'saving the template'));
      } finally {
        setSaving(false);
      }
    },
    [draft, props],
  );

  const back = (
    <Button appearance="subtle" className={styles.back} onClick={props.onCancel}>
      ← Back to the email
    </Button>
  );
  if (stage.kind === 'proposing' || !draft) {
    return (
      <div className={styles.root}>
        {back}
        {stage.kind === 'failed' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{stage.message}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner label={`Reading ${form.name}…`} />
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
          Made from {form.name}. Check each field against the form, then save: every hub manager’s pane reads this form from then on.
        </Text>
        {unsure.length > 0 && <ListMessage intent="warning" title="Check before saving" lines={unsure} />}
      </section>
      <ProgrammeSection draft={draft} edit={edit} />
      <FieldsSection draft={draft} edit={edit} />
      <SignatoriesSection draft={draft} edit={edit} />
      <TrySection trial={trial} draftId={draft.id} canTry={problems.length === 0} onTry={() => void tryIt()} />
      <SaveFooter
        draftId={draft.id}
        problems={showProblems ? problems : null}
        conflict={conflict}
        saveError={saveError}
        saving={saving}
        onSave={(replaceETag) => void save(replaceETag)}
        onCancel={props.onCancel}
      />
    </div>
  );
}
