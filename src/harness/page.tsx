// The harness: a page shaped like Outlook's reading view — a message list of the sample emails and
// an "Open email" file input for any .eml — with the real task pane beside it, in a frame, on the
// Office.js shim (office-shim.ts) and filing to the local store through this origin.
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readEml } from '../adapters/mail-files/read-eml';
import type { Message } from '../core/message';
import type { HarnessReply } from './office-shim';

interface Sample {
  readonly file: string;
  readonly subject: string;
  readonly from: string;
  readonly receivedAt: string | null;
}

interface Opened {
  readonly itemId: string;
  readonly name: string;
  readonly message: Message;
}

const useStyles = makeStyles({
  app: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) minmax(0, 1fr) auto',
    height: '100vh',
    background: tokens.colorNeutralBackground2,
  },
  list: { overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, background: tokens.colorNeutralBackground1 },
  listHead: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  items: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    border: 'none',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: 'transparent',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
  },
  selected: { background: tokens.colorBrandBackground2, ':hover': { background: tokens.colorBrandBackground2Hover } },
  reading: { overflowY: 'auto', padding: tokens.spacingHorizontalXL, minWidth: 0 },
  card: {
    background: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  pane: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
  },
  paneHead: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  frame: { border: 'none', flexGrow: 1 },
  sharedNote: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  reply: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
});

const categoriesOf = (itemId: string): string[] => {
  try {
    return JSON.parse(localStorage.getItem(`hub-harness.categories:${itemId}`) ?? '[]') as string[];
  } catch {
    return [];
  }
};

const CATEGORY_COLOR: Record<string, 'success' | 'danger' | 'warning' | 'informative'> = {
  'Hub Intake: Accepted': 'success',
  'Hub Intake: Declined': 'danger',
  'Hub Intake: Waitlisted': 'warning',
  'Hub Intake: Needs info': 'informative',
};

function Categories({ itemId, version }: { itemId: string; version: number }) {
  const styles = useStyles();
  void version;
  const names = categoriesOf(itemId);
  if (!names.length) return null;
  return (
    <span className={styles.chips} data-testid={`categories-${itemId}`}>
      {names.map((n) => (
        <Badge key={n} appearance="filled" color={CATEGORY_COLOR[n] ?? 'informative'} size="small">
          {n}
        </Badge>
      ))}
    </span>
  );
}

function formatDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '';
}

function Harness() {
  const styles = useStyles();
  const frame = useRef<HTMLIFrameElement>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [paneWidth, setPaneWidth] = useState(Number(new URLSearchParams(location.search).get('paneWidth')) || 360);
  const [reply, setReply] = useState<HarnessReply | null>(null);
  const [version, setVersion] = useState(0);
  const [frameReady, setFrameReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';
  // Shared-mailbox mode: the inbox is the hub's shared mailbox, opened as a delegate (office-shim.ts).
  const shared = new URLSearchParams(location.search).get('shared');
  const paneQuery = new URLSearchParams({ ...(theme === 'dark' ? { theme: 'dark' } : {}), ...(shared ? { shared } : {}) }).toString();

  useEffect(() => {
    fetch('harness/samples.json')
      .then((r) => r.json() as Promise<Sample[]>)
      .then(setSamples)
      .catch(() => setError('The sample emails could not be listed.'));
    window.hubHarnessHost = {
      showReply: (r) => setReply(r),
      categoriesChanged: () => setVersion((v) => v + 1),
    };
    const onStorage = () => setVersion((v) => v + 1);
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const open = useCallback(async (bytes: Uint8Array, itemId: string, name: string) => {
    setError(null);
    let message: Message;
    try {
      message = await readEml(bytes);
    } catch {
      setError(`${name} could not be read as an email.`);
      return;
    }
    setOpened({ itemId, name, message });
    const shim = frame.current?.contentWindow?.hubHarnessShim;
    if (shim) await shim.open(bytes, itemId);
  }, []);

  const openSample = useCallback(
    async (sample: Sample) => {
      const bytes = new Uint8Array(await (await fetch(`samples/emails/${encodeURIComponent(sample.file)}`)).arrayBuffer());
      await open(bytes, `sample:${sample.file}`, sample.file);
    },
    [open],
  );

  return (
    <div className={styles.app}>
      <nav className={styles.list} aria-label="Inbox">
        <div className={styles.listHead}>
          <Text as="h1" weight="semibold" size={500} style={{ margin: 0 }}>
            Inbox
          </Text>
          <label>
            <Text weight="semibold">Open email</Text>
            <br />
            <input
              type="file"
              accept=".eml,message/rfc822"
              aria-label="Open email"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                void file.arrayBuffer().then((buffer) => open(new Uint8Array(buffer), `file:${file.name}:${file.size}`, file.name));
              }}
            />
          </label>
          {!frameReady && (
            <Text size={200} className={styles.muted}>
              Loading the task pane…
            </Text>
          )}
        </div>
        <ul className={styles.items}>
          {samples.map((sample) => {
            const itemId = `sample:${sample.file}`;
            const selected = opened?.itemId === itemId;
            return (
              <li key={sample.file}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, selected && styles.selected)}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => void openSample(sample)}
                  disabled={!frameReady}
                  data-sample={sample.file}
                >
                  <Text weight="semibold" block truncate wrap={false}>
                    {sample.from}
                  </Text>
                  <Text block size={200}>
                    {sample.subject}
                  </Text>
                  <Text block size={100} className={styles.muted}>
                    {formatDate(sample.receivedAt)}
                  </Text>
                  <Categories itemId={itemId} version={version} />
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className={styles.reading} aria-label="Reading pane">
        {error && (
          <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {error}
          </Text>
        )}
        {opened ? (
          <article className={styles.card}>
            <Text as="h2" size={600} weight="semibold" style={{ margin: 0 }}>
              {opened.message.subject || '(no subject)'}
            </Text>
            <Categories itemId={opened.itemId} version={version} />
            <Text>
              <strong>From</strong> {opened.message.from ? `${opened.message.from.name} <${opened.message.from.address}>` : '(unknown)'}
            </Text>
            <Text>
              <strong>To</strong> {opened.message.to.map((m) => m.address).join('; ')}
            </Text>
            {opened.message.cc.length > 0 && (
              <Text>
                <strong>Cc</strong> {opened.message.cc.map((m) => m.address).join('; ')}
              </Text>
            )}
            <Text className={styles.muted}>{formatDate(opened.message.receivedAt)}</Text>
            <Text>
              <strong>Attachments</strong> {opened.message.attachments.map((a) => a.name).join(', ') || 'none'}
            </Text>
          </article>
        ) : (
          <Text>Choose an email from the inbox, or open one of your own.</Text>
        )}
      </main>
      <aside className={styles.pane} style={{ width: paneWidth }} aria-label="Task pane">
        <div className={styles.paneHead}>
          <Text weight="semibold">Hub Intake</Text>
          <label>
            <Text size={200}>Width </Text>
            <select value={paneWidth} onChange={(e) => setPaneWidth(Number(e.target.value))} aria-label="Task pane width">
              {[320, 360, 450].map((w) => (
                <option key={w} value={w}>
                  {w} px
                </option>
              ))}
            </select>
          </label>
        </div>
        {shared && (
          <Text size={200} className={styles.sharedNote} data-testid="shared-mailbox">
            In the shared mailbox {shared}, as a delegate
          </Text>
        )}
        <iframe
          ref={frame}
          className={styles.frame}
          title="Hub Intake task pane"
          src={`taskpane.html${paneQuery ? `?${paneQuery}` : ''}`}
          onLoad={() => setFrameReady(true)}
        />
      </aside>
      <Dialog open={reply !== null} onOpenChange={(_, data) => !data.open && setReply(null)}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>Reply draft</DialogTitle>
            <DialogContent>
              <Text block>
                <strong>To</strong> {reply?.to}
              </Text>
              <Text block>
                <strong>Subject</strong> {reply?.subject}
              </Text>
              <div className={styles.reply} data-testid="reply-draft" dangerouslySetInnerHTML={{ __html: reply?.html ?? '' }} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setReply(null)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Harness />
  </FluentProvider>,
);
