import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useSectionStyles } from '../components/styles';
import type { PaneView } from '../view/pane-view';
import type { Trial } from './session';
import { useEditorStyles } from './styles';

/** The draft tried on the email in the reading pane, before it is saved. */
export function TrySection({
  trial,
  draftId,
  canTry,
  onTry,
}: {
  trial: Trial | null;
  draftId: string;
  canTry: boolean;
  onTry: () => void;
}) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  return (
    <section className={s.section} aria-labelledby="try-heading">
      <h2 id="try-heading" className={s.heading}>
        Try it on this email
      </h2>
      <div className={styles.row}>
        <Button onClick={onTry} disabled={!canTry || trial?.kind === 'trying'}>
          Read this email with the template
        </Button>
      </div>
      <div aria-live="polite" data-testid="template-trial">
        {trial?.kind === 'trying' && <Spinner size="tiny" label="Reading…" />}
        {trial?.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{trial.message}</MessageBarBody>
          </MessageBar>
        )}
        {trial?.kind === 'tried' && <TrialResult view={trial.view} draftId={draftId} />}
      </div>
    </section>
  );
}

/** What the draft read from the email: the form found or not, and each field's value. */
function TrialResult({ view, draftId }: { view: PaneView; draftId: string }) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  if (!view.form.found || view.form.templateId !== draftId) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          The template does not take this email’s form for its own: {view.form.found ? `it reads as ${view.form.title}.` : view.form.reason}{' '}
          Check the form title and the labels.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const found = view.fields.filter((f) => f.display !== null).length;
  return (
    <>
      <Text weight="semibold">
        Read {found} of {view.fields.length} fields
        {view.signatories.length
          ? `; ${view.signatories.filter((x) => x.status === 'copied').length} of ${view.signatories.length} signatories copied in`
          : ''}
        .
      </Text>
      <ul className={s.list} aria-label="What the template read">
        {view.fields.map((f) => (
          <li key={f.key} className={s.wrap}>
            <Text size={200} weight="semibold">
              {f.title}:
            </Text>{' '}
            {f.display === null ? (
              <Text size={200} className={styles.missing}>
                not found
              </Text>
            ) : (
              <Text size={200}>{f.display.length > 80 ? `${f.display.slice(0, 80)}…` : f.display}</Text>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
