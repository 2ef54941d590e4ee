import { Button, Checkbox, Field, Input, Select, Text, mergeClasses } from '@fluentui/react-components';
import { useSectionStyles } from '../components/styles';
import { addField, type Draft, FIELD_TYPES, removeField, setFieldKey, setFieldLabel, setWordLimit, updateField } from './draft';
import { type Edit, useEditorStyles } from './styles';

type DraftField = Draft['fields'][number];

/** Every field the template reads, each a card to correct; and a field to add. */
export function FieldsSection({ draft, edit }: { draft: Draft; edit: Edit<Draft> }) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  return (
    <section className={s.section} aria-labelledby="fields-heading">
      <h2 id="fields-heading" className={s.heading}>
        Fields ({draft.fields.length})
      </h2>
      <ol className={s.list} aria-label="Fields">
        {draft.fields.map((field, i) => (
          <FieldCard key={i} field={field} index={i} edit={edit} />
        ))}
      </ol>
      <div className={styles.row}>
        <Button onClick={() => edit((t) => addField(t, 'New field'))}>Add a field</Button>
      </div>
    </section>
  );
}

function FieldCard({ field, index: i, edit }: { field: DraftField; index: number; edit: Edit<Draft> }) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  return (
    <li className={styles.card} aria-label={`Field ${i + 1}: ${field.label}`}>
      <Field label="Label on the form">
        <Input value={field.label} onChange={(_, d) => edit((t) => setFieldLabel(t, i, d.value))} />
      </Field>
      <div className={styles.pair}>
        <Field label="Key">
          <Input value={field.key} onChange={(_, d) => edit((t) => setFieldKey(t, i, d.value))} />
        </Field>
        <Field label="Type">
          <Select
            className={styles.select}
            value={field.type}
            onChange={(_, d) => edit((t) => updateField(t, i, { type: d.value as DraftField['type'] }))}
          >
            {FIELD_TYPES.filter((o) => o.type !== 'rows' || field.type === 'rows').map((o) => (
              <option key={o.type} value={o.type}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {field.section && (
        <Text size={200} className={s.muted}>
          Under “{field.section}”
        </Text>
      )}
      {field.columns && (
        <Text size={200} className={mergeClasses(s.muted, s.wrap)}>
          Columns: {field.columns.map((c) => c.label).join(' · ')}
        </Text>
      )}
      {field.type === 'statement' && <WordLimit field={field} index={i} edit={edit} />}
      <div className={styles.row}>
        <Checkbox
          label="Required"
          checked={field.required}
          onChange={(_, d) => edit((t) => updateField(t, i, { required: d.checked === true }))}
        />
        <Button
          size="small"
          appearance="subtle"
          aria-label={`Remove the field “${field.label}”`}
          onClick={() => edit((t) => removeField(t, i))}
        >
          Remove
        </Button>
      </div>
    </li>
  );
}

/** A statement's word limit, and whether it is a maximum or approximate. */
function WordLimit({ field, index: i, edit }: { field: DraftField; index: number; edit: Edit<Draft> }) {
  const styles = useEditorStyles();
  return (
    <div className={styles.pair}>
      <Field label="Word limit">
        <Input
          type="number"
          min={1}
          value={field.wordLimit ? String(field.wordLimit.words) : ''}
          onChange={(_, d) => {
            const words = Number.parseInt(d.value, 10);
            edit((t) => setWordLimit(t, i, words > 0 ? { words, kind: field.wordLimit?.kind ?? 'maximum' } : null));
          }}
        />
      </Field>
      <Field label="Limit is">
        <Select
          className={styles.select}
          value={field.wordLimit?.kind ?? 'maximum'}
          disabled={!field.wordLimit}
          onChange={(_, d) =>
            field.wordLimit && edit((t) => setWordLimit(t, i, { words: field.wordLimit!.words, kind: d.value as 'maximum' | 'approx' }))
          }
        >
          <option value="maximum">a maximum</option>
          <option value="approx">approximate</option>
        </Select>
      </Field>
    </div>
  );
}
