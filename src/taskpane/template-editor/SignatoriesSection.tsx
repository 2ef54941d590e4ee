import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useSectionStyles } from '../components/styles';
import { addSignatory, type Draft, removeSignatory, updateSignatory } from './draft';
import { type Edit, useEditorStyles } from './styles';

/** Who signs the form, and which fields hold each one's e-mail address and name. */
export function SignatoriesSection({ draft, edit }: { draft: Draft; edit: Edit<Draft> }) {
  const s = useSectionStyles();
  const styles = useEditorStyles();
  const emailFields = draft.fields.filter((f) => f.type === 'email');
  const nameFields = draft.fields.filter((f) => f.type === 'name');
  return (
    <section className={s.section} aria-labelledby="signatories-heading">
      <h2 id="signatories-heading" className={s.heading}>
        Signatories ({draft.signatories.length})
      </h2>
      <Text size={200} className={s.muted}>
        Each must be copied in on the email: their address is read from the field chosen here.
      </Text>
      <ol className={s.list} aria-label="Signatories">
        {draft.signatories.map((signatory, i) => (
          <li key={i} className={styles.card} aria-label={`Signatory ${i + 1}: ${signatory.label}`}>
            <Field label="Who signs">
              <Input value={signatory.label} onChange={(_, d) => edit((t) => updateSignatory(t, i, { label: d.value }))} />
            </Field>
            <div className={styles.pair}>
              <Field label="Email from">
                <Select
                  className={styles.select}
                  value={signatory.emailField}
                  onChange={(_, d) => edit((t) => updateSignatory(t, i, { emailField: d.value }))}
                >
                  <option value="">(choose a field)</option>
                  <FieldOptions fields={emailFields} />
                </Select>
              </Field>
              <Field label="Name from">
                <Select
                  className={styles.select}
                  value={signatory.nameField ?? ''}
                  onChange={(_, d) => edit((t) => updateSignatory(t, i, { nameField: d.value }))}
                >
                  <option value="">(none)</option>
                  <FieldOptions fields={nameFields} />
                </Select>
              </Field>
            </div>
            <div className={styles.row}>
              <Button
                size="small"
                appearance="subtle"
                aria-label={`Remove the signatory “${signatory.label}”`}
                onClick={() => edit((t) => removeSignatory(t, i))}
              >
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div className={styles.row}>
        <Button onClick={() => edit(addSignatory)}>Add a signatory</Button>
      </div>
    </section>
  );
}

/** A signatory's choice of field: the label, its section where labels repeat, and the key. */
function FieldOptions({ fields }: { fields: readonly Draft['fields'][number][] }) {
  return (
    <>
      {fields.map((f) => (
        <option key={f.key} value={f.key}>
          {f.section ? `${f.label} (${f.section})` : f.label} · {f.key}
        </option>
      ))}
    </>
  );
}
