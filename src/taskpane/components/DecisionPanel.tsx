// The reviewers' panel: the programme's criteria (Met / Not met / Unclear, pre-filled where the
// form settles them), a decision and notes. Saving updates the list item only if nobody changed it
// meanwhile; a conflict shows their version and lets the reviewer keep theirs or save over it.
// Loaded on demand (React.lazy): the first screen does not carry it.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import {
  DECISION_ACTIONS,
  DecisionConflict,
  type DecisionSave,
  type FiledItem,
  PANE_DECISIONS,
  type PaneDecision,
} from '../services/filing';
import type { CriterionAnswer, CriterionView } from '../view/pane-view';
import { useSectionStyles } from './styles';

const ANSWERS: { value: CriterionAnswer; label: string }[] = [
  { value: 'met', label: 'Met' },
  { value: 'notMet', label: 'Not met' },
  { value: 'unclear', label: 'Unclear' },
];

const useStyles = makeStyles({
  criterion: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  group: { display: 'flex', flexWrap: 'wrap' },
  kind: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface DecisionPanelProps {
  readonly criteria: readonly CriterionView[];
  readonly item: FiledItem;
  readonly decidedBy: string;
  /** Saves the decision and tags the email; resolves with the updated item and a note about the category. */
  readonly onSave: (item: FiledItem, save: DecisionSave) => Promise<{ item: FiledItem; note: string | null }>;
  readonly describeError: (error: unknown) => string;
}

function initialAnswers(criteria: readonly CriterionView[], item: FiledItem): Record<string, CriterionAnswer> {
  const out: Record<string, CriterionAnswer> = {};
  for (const c of criteria) {
    const saved = item.criteria[c.id];
    if (saved) out[c.id] = saved;
    else if (c.settled) out[c.id] = c.settled;
  }
  return out;
}

export default function DecisionPanel({ criteria, item: initialItem, decidedBy, onSave, describeError }: DecisionPanelProps) {
  const s = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const [item, setItem] = useState(initialItem);
  const [answers, setAnswers] = useState(() => initialAnswers(criteria, initialItem));
  const [decision, setDecision] = useState<PaneDecision | null>(initialItem.decision);
  const [notes, setNotes] = useState(initialItem.reviewNotes ?? '');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ intent: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [conflict, setConflict] = useState<FiledItem | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict || result) outcome.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflict, result]);

  const groups: { kind: CriterionView['kind']; title: string }[] = [
    { kind: 'essential', title: 'Essential criteria' },
    { kind: 'desirable', title: 'Desirable criteria' },
  ];

  async function save(over: FiledItem = item) {
    if (!decision) {
      setResult({ intent: 'error', text: 'Choose a decision first.' });
      return;
    }
    setSaving(true);
    setResult(null);
    try {
      const saved = await onSave(over, { decision, notes, criteria: answers, decidedBy });
      setItem(saved.item);
      setConflict(null);
      setResult(
        saved.note
          ? { intent: 'warning', text: `Decision saved. ${saved.note}` }
          : { intent: 'success', text: `Decision saved: ${DECISION_ACTIONS[decision]}. The email is tagged in Outlook.` },
      );
    } catch (error) {
      if (error instanceof DecisionConflict) setConflict(error.current);
      else setResult({ intent: 'error', text: describeError(error) });
    } finally {
      setSaving(false);
    }
  }

  function takeTheirs(theirs: FiledItem) {
    setItem(theirs);
    setAnswers(initialAnswers(criteria, theirs));
    setDecision(theirs.decision);
    setNotes(theirs.reviewNotes ?? '');
    setConflict(null);
    setResult({ intent: 'success', text: 'Showing the decision as it is now in the list.' });
  }

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Decision
      </h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {groups.map((group) => {
          const list = criteria.filter((c) => c.kind === group.kind);
          if (!list.length) return null;
          return (
            <fieldset key={group.kind} style={{ border: 'none', margin: 0, padding: 0 }}>
              <legend className={s.heading}>{group.title}</legend>
              {list.map((c) => (
                <div key={c.id} className={styles.criterion}>
                  <RadioGroup
                    layout="horizontal"
                    className={styles.group}
                    aria-label={c.text}
                    value={answers[c.id] ?? ''}
                    onChange={(_, data) => setAnswers((a) => ({ ...a, [c.id]: data.value as CriterionAnswer }))}
                  >
                    <Text as="span" className={s.wrap} style={{ flexBasis: '100%' }}>
                      {c.text}
                      {c.settled && answers[c.id] === c.settled ? <span className={styles.kind}> (from the form)</span> : null}
                    </Text>
                    {ANSWERS.map((a) => (
                      <Radio key={a.value} value={a.value} label={a.label} />
                    ))}
                  </RadioGroup>
                </div>
              ))}
            </fieldset>
          );
        })}
        <Field label="Decision" required>
          <RadioGroup
            value={decision ?? ''}
            onChange={(_, data) => setDecision(data.value as PaneDecision)}
            className={styles.group}
            layout="horizontal"
          >
            {PANE_DECISIONS.map((d) => (
              <Radio key={d} value={d} label={DECISION_ACTIONS[d]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Notes">
          <Textarea value={notes} onChange={(_, data) => setNotes(data.value)} resize="vertical" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save decision'}
          </Button>
        </div>
      </form>
      <div aria-live="polite" ref={outcome}>
        {conflict && (
          <MessageBar intent="warning" layout="multiline" data-testid="decision-conflict">
            <MessageBarBody>
              <MessageBarTitle>Someone else changed this application</MessageBarTitle>
              Since you opened it, it was changed{conflict.decidedBy ? ` by ${conflict.decidedBy}` : ''}: status {conflict.status ?? 'New'}
              {conflict.decision ? `, decision ${DECISION_ACTIONS[conflict.decision]}` : ''}.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => takeTheirs(conflict)}>Use theirs</Button>
              <Button appearance="primary" onClick={() => void save(conflict)}>
                Save mine over it
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {result && (
          <MessageBar intent={result.intent} layout="multiline" data-testid="decision-result">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
