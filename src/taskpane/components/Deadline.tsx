import { Badge, Text } from '@fluentui/react-components';
import type { DeadlineView } from '../view/pane-view';
import { useSectionStyles } from './styles';

export function Deadline({ deadline }: { deadline: DeadlineView | null }) {
  const s = useSectionStyles();
  if (!deadline) return null;
  return (
    <section className={s.section} aria-labelledby="deadline-heading">
      <h2 id="deadline-heading" className={s.heading}>
        Deadline{' '}
        {deadline.late !== null && (
          <Badge appearance="tint" color={deadline.late ? 'danger' : 'success'} size="small">
            {deadline.late ? 'Late' : 'On time'}
          </Badge>
        )}
      </h2>
      <Text>Closes {deadline.deadline} (UK time).</Text>
      <Text className={s.muted}>
        {deadline.received ? `Received ${deadline.received} (UK time).` : 'The time it was received is not known.'}
      </Text>
    </section>
  );
}
