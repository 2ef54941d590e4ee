import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useSectionStyles } from '../components/styles';

/** A message with a list of lines: what to check, what stops a save. */
export function ListMessage({
  intent,
  title,
  label = title,
  lines,
}: {
  intent: 'warning' | 'error';
  title: string;
  label?: string;
  lines: readonly string[];
}) {
  const s = useSectionStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={s.list} aria-label={label}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
