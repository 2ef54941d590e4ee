import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

export interface NewFormProps {
  /** The attachments read as Word documents that match no known form. */
  readonly attachments: readonly string[];
  readonly onMake: (attachment: string) => void;
  /** The blank form the hub sends out, chosen from the computer: a surer template. */
  readonly onMakeFromFile: (file: File) => void;
}

/** An attachment that matches no known form may be a new programme's: offer to make its template. */
export function NewForm({ attachments, onMake, onMakeFromFile }: NewFormProps) {
  const s = useSectionStyles();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <section className={s.section} aria-labelledby="new-form-heading">
      <h2 id="new-form-heading" className={s.heading}>
        A new form?
      </h2>
      <Text className={s.wrap}>
        {attachments.length === 1 ? `${attachments[0]} is` : `${attachments.join(', ')} are`} not a form Hub Intake knows. If it is a new programme’s form, make a template from it: this email and every later one are then read with it.
      </Text>
      <div className={styles.actions}>
        {attachments.map((name) => (
          <Button key={name} appearance="primary" onClick={() => onMake(name)}>
            {attachments.length === 1 ? 'Make a template from this form' : `Make a template from ${name}`}
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
