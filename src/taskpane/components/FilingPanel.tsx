import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FiledItem, FilingStep } from '../services/filing';
import { useSectionStyles } from './styles';

export type FilingState =
  | { readonly kind: 'looking' }
  | { readonly kind: 'notFiled' }
  | { readonly kind: 'filing'; readonly step: FilingStep; readonly resuming: boolean }
  | { readonly kind: 'filed'; readonly item: FiledItem; readonly now: boolean }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'unavailable'; readonly message: string };

const STEP_TEXT: Record<FilingStep, string> = {
  connecting: 'Connecting to SharePoint…',
  uploading: 'Saving the email and the form, and creating the list item…',
  confirming: 'Confirming…',
};
const STEP_VALUE: Record<FilingStep, number> = { connecting: 0.15, uploading: 0.55, confirming: 0.9 };

/**
 * The filed box's tone follows the item's Status, as the list's status pills do: filed is not
 * good news when the item needs information from the school or was declined.
 */
export function statusIntent(status: string | null | undefined): 'success' | 'warning' | 'error' | 'info' {
  switch (status ?? 'New') {
    case 'New': // filed complete (an incomplete one is filed as Needs info)
    case 'Accepted':
      return 'success';
    case 'Needs info':
    case 'Waitlisted':
      return 'warning';
    case 'Declined':
      return 'error';
    default: // Under review, Withdrawn
      return 'info';
  }
}

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface FilingPanelProps {
  readonly state: FilingState;
  readonly canFile: boolean;
  readonly missingCount: number;
  readonly onFile: () => void;
  readonly onAskForMissing: () => void;
  readonly replyMessage: string | null;
}

export function FilingPanel({ state, canFile, missingCount, onFile, onAskForMissing, replyMessage }: FilingPanelProps) {
  const s = useSectionStyles();
  const styles = useStyles();
  const busy = state.kind === 'filing' || state.kind === 'looking';
  return (
    <section className={s.section} aria-labelledby="filing-heading">
      <h2 id="filing-heading" className={s.heading}>
        SharePoint
      </h2>
      <div aria-live="polite" data-testid="filing-status">
        {state.kind === 'looking' && <Text className={s.muted}>Looking for this email in the Applications list…</Text>}
        {state.kind === 'notFiled' && <Text>Not filed yet.</Text>}
        {state.kind === 'filing' && (
          <>
            <Text>
              {state.resuming ? 'Finishing a filing that did not complete last time. ' : ''}
              {STEP_TEXT[state.step]}
            </Text>
            <ProgressBar value={STEP_VALUE[state.step]} thickness="large" aria-label="Filing progress" />
          </>
        )}
        {state.kind === 'filed' && (
          <MessageBar intent={statusIntent(state.item.status)} layout="multiline" data-status={state.item.status ?? 'New'}>
            <MessageBarBody>
              <MessageBarTitle>{state.now ? 'Filed' : 'Already filed'}</MessageBarTitle>
              Item {state.item.id} · Status: {state.item.status ?? 'New'}
              {state.item.decision ? ` · Decision: ${state.item.decision}` : ''}.{' '}
              <Link href={state.item.url} target="_blank" rel="noreferrer">
                Open the list item
              </Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Not filed</MessageBarTitle>
              {state.message} The pane will finish it the next time it opens on this email.
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === 'unavailable' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        {state.kind !== 'filed' && (
          <Button appearance="primary" onClick={onFile} disabled={busy || !canFile}>
            {state.kind === 'failed' ? 'Try filing again' : 'File to SharePoint'}
          </Button>
        )}
        <Button onClick={onAskForMissing} disabled={missingCount === 0}>
          Ask for what’s missing{missingCount ? ` (${missingCount})` : ''}
        </Button>
      </div>
      {replyMessage && (
        <Text size={200} role="status" className={s.muted}>
          {replyMessage}
        </Text>
      )}
    </section>
  );
}
