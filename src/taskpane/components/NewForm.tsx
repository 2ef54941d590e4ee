import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { AttachmentView } from '../view/pane-view';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  item: { display: 'flex', flexDirection: 'column' },
});

/** Every attachment of the email, and what was made of it: read as a form, not a form, not read. */
export function Attachments({ attachments }: { attachments: readonly AttachmentView[] }) {
  const s = useSectionStyles();
  const styles = useStyles();
  if (!attachments.length) return null;
  return (
    <section className={s.section} aria-labelledby="attachments-heading">
      <h2 id="attachments-heading" className={s.heading}>
        Attachments
      </h2>
      <ul className={s.list}>
        {attachments.map((a, i) => (
          <li key={`${a.name}-${i}`} className={styles.item} data-outcome={a.outcome}>
            <Text weight="semibold" className={s.wrap}>
              {a.name}
            </Text>
            <Text size={200} className={mergeClasses(s.muted, s.wrap)}>
              {a.text}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface NewFormProps {
  /** The Word attachments that match no known form and are laid out as forms: worth a template. */
  readonly formLike: readonly string[];
  /** The Word attachments that match no known form and are not laid out as forms (minutes, letters). */
  readonly others: readonly string[];
  readonly onMake: (attachment: string) => void;
  /** The blank form the hub sends out, chosen from the computer: a surer template. */
  readonly onMakeFromFile: (file: File) => void;
}

/**
 * An attachment laid out as a form but matching no known form may be a new programme's: making
 * its template is then the main action. A Word document that is not laid out as a form (meeting
 * minutes, a letter) is not offered as one; the blank form still can be.
 */
export function NewForm({ formLike, others, onMake, onMakeFromFile }: NewFormProps) {
  const s = useSectionStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  if (!formLike.length && !others.length) return null;
  return (
    <section className={s.section} aria-labelledby="new-form-heading">
      <h2 id="new-form-heading" className={s.heading}>
        A new form?
      </h2>
      <Text className={s.wrap}>
        {formLike.length
          ? `${formLike.length === 1 ? `${formLike[0]} is` : `${formLike.join(', ')} are`} not a form Hub Intake knows. If it is a new programme’s form, make a template from it: this email and every later one are then read with it.`
          : 'No attachment is laid out as a form. If a new programme’s form came as another document, make its template from the blank form the hub sends out.'}
      </Text>
      <div className={styles.actions}>
        {formLike.map((name) => (
          <Button key={name} appearance="primary" onClick={() => onMake(name)}>
            {formLike.length === 1 ? 'Make a template from this form' : `Make a template from ${name}`}
          </Button>
        ))}
        <Button onClick={() => input.current?.click()}>From the blank form…</Button>
        <label htmlFor={inputId} className={styles.hidden}>
          The blank form (.docx)
        </label>
        <input
          id={inputId}
          ref={input}
          className={mergeClasses(styles.hidden)}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onMakeFromFile(file);
          }}
        />
      </div>
    </section>
  );
}
