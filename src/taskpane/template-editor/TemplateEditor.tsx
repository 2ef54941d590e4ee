// "Make a template from this form": the template proposed from a Word form that matched no known
// form, for the hub manager to check and correct (labels, keys, types, required, word limits,
// signatories, deadline), try on the email in front of them, and save to the site's Form Templates
// list, where every hub manager's pane finds it. Loaded on demand (React.lazy).
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Template } from '../../core/catalogue/schema';
import type { Message } from '../../core/message';
import { useSectionStyles } from '../components/styles';
import { TemplateAlreadySaved, type TemplateLibrary } from '../services/templates';
import type { PaneView } from '../view/pane-view';
import type { Checker } from '../worker/checker';
import {
  addField,
  addSignatory,
  type Draft,
  draftProblems,
  FIELD_TYPES,
  removeField,
  removeSignatory,
  setDeadline,
  setFieldKey,
  setFieldLabel,
  setReturnAddress,
  setWordLimit,
  updateField,
  updateSignatory,
} from './draft';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Two controls side by side where the pane is wide enough; a control never pushes past the card.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS, '& > *': { minWidth: 0 } },
  back: { alignSelf: 'flex-start' },
  // A select is as wide as its longest option unless told otherwise.
  select: { minWidth: 0, maxWidth: '100%' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  footer: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    background: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

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

type Trial = { readonly kind: 'trying' } | { readonly kind: 'tried'; readonly view: PaneView } | { readonly kind: 'failed'; readonly message: string };

export default function TemplateEditor(props: TemplateEditorProps) {
  const { form, checker } = props;
  const s = useSectionStyles();
  const styles = useStyles();
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

  const emailFields = draft.fields.filter((f) => f.type === 'email');
  const nameFields = draft.fields.filter((f) => f.type === 'name');
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
            <Input type="date" value={draft.deadline?.date ?? ''} onChange={(_, d) => edit((t) => setDeadline(t, d.value, t.deadline?.time ?? ''))} />
          </Field>
          <Field label="Time (empty: end of day)">
            <Input type="time" value={draft.deadline?.time ?? ''} disabled={!draft.deadline} onChange={(_, d) => edit((t) => setDeadline(t, t.deadline?.date ?? '', d.value))} />
          </Field>
        </div>
        <Field label="Return address" hint="Where the form says to send it.">
          <Input type="email" value={draft.returnTo?.address ?? ''} onChange={(_, d) => edit((t) => setReturnAddress(t, d.value))} />
        </Field>
      </section>

      <section className={s.section} aria-labelledby="fields-heading">
        <h2 id="fields-heading" className={s.heading}>
          Fields ({draft.fields.length})
        </h2>
        <ol className={s.list} aria-label="Fields">
          {draft.fields.map((field, i) => (
            <li key={i} className={styles.card} aria-label={`Field ${i + 1}: ${field.label}`}>
              <Field label="Label on the form">
                <Input value={field.label} onChange={(_, d) => edit((t) => setFieldLabel(t, i, d.value))} />
              </Field>
              <div className={styles.pair}>
                <Field label="Key">
                  <Input value={field.key} onChange={(_, d) => edit((t) => setFieldKey(t, i, d.value))} />
                </Field>
                <Field label="Type">
                  <Select className={styles.select} value={field.type} onChange={(_, d) => edit((t) => updateField(t, i, { type: d.value as Draft['fields'][number]['type'] }))}>
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
              {field.type === 'statement' && (
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
                      onChange={(_, d) => field.wordLimit && edit((t) => setWordLimit(t, i, { words: field.wordLimit!.words, kind: d.value as 'maximum' | 'approx' }))}
                    >
                      <option value="maximum">a maximum</option>
                      <option value="approx">approximate</option>
                    </Select>
                  </Field>
                </div>
              )}
              <div className={styles.row}>
                <Checkbox label="Required" checked={field.required} onChange={(_, d) => edit((t) => updateField(t, i, { required: d.checked === true }))} />
                <Button size="small" appearance="subtle" aria-label={`Remove the field “${field.label}”`} onClick={() => edit((t) => removeField(t, i))}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div className={styles.row}>
          <Button onClick={() => edit((t) => addField(t, 'New field'))}>Add a field</Button>
        </div>
      </section>

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
                  <Select className={styles.select} value={signatory.emailField} onChange={(_, d) => edit((t) => updateSignatory(t, i, { emailField: d.value }))}>
                    <option value="">(choose a field)</option>
                    <FieldOptions fields={emailFields} />
                  </Select>
                </Field>
                <Field label="Name from">
                  <Select className={styles.select} value={signatory.nameField ?? ''} onChange={(_, d) => edit((t) => updateSignatory(t, i, { nameField: d.value }))}>
                    <option value="">(none)</option>
                    <FieldOptions fields={nameFields} />
                  </Select>
                </Field>
              </div>
              <div className={styles.row}>
                <Button size="small" appearance="subtle" aria-label={`Remove the signatory “${signatory.label}”`} onClick={() => edit((t) => removeSignatory(t, i))}>
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

      <section className={s.section} aria-labelledby="try-heading">
        <h2 id="try-heading" className={s.heading}>
          Try it on this email
        </h2>
        <div className={styles.row}>
          <Button onClick={() => void tryIt()} disabled={problems.length > 0 || trial?.kind === 'trying'}>
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
          {trial?.kind === 'tried' && <TrialResult view={trial.view} draftId={draft.id} />}
        </div>
      </section>

      <div className={styles.footer}>
        {showProblems && problems.length > 0 && <ListMessage intent="error" title="Put these right to save" label="Problems with the template" lines={problems} />}
        {conflict && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Already on the site</MessageBarTitle>
              A template with the id “{draft.id}” was saved
              {conflict.savedBy ? ` by ${conflict.savedBy}` : ''}
              {conflict.savedAt ? ` on ${new Date(conflict.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}` : ''}. Replace it with this one, or give this one another id.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void save(conflict.eTag)} disabled={saving}>
                Replace it
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {saveError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{saveError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void save()} disabled={saving}>
            {saving ? 'Saving…' : 'Save to SharePoint'}
          </Button>
          <Button onClick={props.onCancel} disabled={saving}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}

/** A message with a list of lines: what to check, what stops a save. */
function ListMessage({ intent, title, label = title, lines }: { intent: 'warning' | 'error'; title: string; label?: string; lines: readonly string[] }) {
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

/** What the draft read from the email: the form found or not, and each field's value. */
function TrialResult({ view, draftId }: { view: PaneView; draftId: string }) {
  const s = useSectionStyles();
  const styles = useStyles();
  if (!view.form.found || view.form.formId !== draftId) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>The template does not take this email’s form for its own: {view.form.found ? `it reads as ${view.form.title}.` : view.form.reason} Check the form title and the labels.</MessageBarBody>
      </MessageBar>
    );
  }
  const found = view.fields.filter((f) => f.display !== null).length;
  return (
    <>
      <Text weight="semibold">
        Read {found} of {view.fields.length} fields{view.signatories.length ? `; ${view.signatories.filter((x) => x.status === 'copied').length} of ${view.signatories.length} signatories copied in` : ''}.
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
