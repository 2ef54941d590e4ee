import { Field, Input } from '@fluentui/react-components';
import { useSectionStyles } from '../components/styles';
import { type Draft, setDeadline, setReturnAddress } from './draft';
import { type Edit, useEditorStyles } from './styles';

/** The programme the form is for: title, programme, id, deadline and where the form says to send it. */
export function ProgrammeSection({ draft, edit }: { draft: Draft; edit: Edit<Draft> }) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  return (
    <section className={s.section} aria-labelledby="programme-heading">
      <h2 id="programme-heading" className={s.heading}>
        Programme
      </h2>
      <Field label="Form title">
        <Input value={draft.title} onChange={(_, d) => edit((t) => ({ ...t, title: d.value }))} />
      </Field>
      <Field label="Programme">
        <Input value={draft.programme} onChange={(_, d) => edit((t) => ({ ...t, programme: d.value }))} />
      </Field>
      <Field label="Template id" hint="Stays the same for every copy of this form: the list’s records name it.">
        <Input value={draft.id} onChange={(_, d) => edit((t) => ({ ...t, id: d.value }))} />
      </Field>
      <div className={styles.pair}>
        <Field label="Deadline (UK time)">
          <Input
            type="date"
            value={draft.deadline?.date ?? ''}
            onChange={(_, d) => edit((t) => setDeadline(t, d.value, t.deadline?.time ?? ''))}
          />
        </Field>
        <Field label="Time (empty: end of day)">
          <Input
            type="time"
            value={draft.deadline?.time ?? ''}
            disabled={!draft.deadline}
            onChange={(_, d) => edit((t) => setDeadline(t, t.deadline?.date ?? '', d.value))}
          />
        </Field>
      </div>
      <Field label="Return address" hint="Where the form says to send it.">
        <Input type="email" value={draft.returnTo?.address ?? ''} onChange={(_, d) => edit((t) => setReturnAddress(t, d.value))} />
      </Field>
    </section>
  );
}
