// The task pane: read the email in the reading pane, check it (in the worker), show the verdict,
// find it in the list, file it, ask for what's missing, decide. Re-reads when the item changes.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationReport } from '../core/check';
import type { Template } from '../core/catalogue/schema';
import type { Attachment, Message } from '../core/message';
import { Deadline } from './components/Deadline';
import { Fields } from './components/Fields';
import { Attachments, NewForm } from './components/NewForm';
import { FilingPanel, type FilingState } from './components/FilingPanel';
import { Signatories } from './components/Signatories';
import { PaneSkeleton } from './components/Skeleton';
import { Summary } from './components/Summary';
import { DECISION_CATEGORIES, type DecisionSave, type FiledItem } from './services/filing';
import { plainError } from './services/plain-error';
import type { CheckedEmail, PaneServices } from './services/services';
import type { PaneView } from './view/pane-view';
import type { PaneFiling } from './worker/protocol';

const DecisionPanel = lazy(() => import(/* webpackChunkName: "decision" */ './components/DecisionPanel'));
const TemplateEditor = lazy(() => import(/* webpackChunkName: "template-editor" */ './template-editor/TemplateEditor'));

const useStyles = makeStyles({
  root: { paddingInline: tokens.spacingHorizontalM, paddingBlockEnd: tokens.spacingVerticalXXL, maxWidth: '720px', minWidth: 0 },
  subject: { display: 'block', margin: 0, overflowWrap: 'anywhere', paddingBlockStart: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
});

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'noItem' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly key: string; readonly view: PaneView; readonly report: ApplicationReport; readonly filing: PaneFiling; readonly message: Message };

/** An unknown form's bytes, for making its template: the attachment the report names, wherever it is in the email. */
function attachmentBytes(message: Message): (name: string) => Uint8Array | null {
  const all: Attachment[] = [];
  const collect = (m: Message) => {
    all.push(...m.attachments);
    m.attachedMessages?.forEach(collect);
  };
  collect(message);
  return (name) => all.find((a) => a.name === name)?.bytes ?? null;
}

export function App({ services }: { services: PaneServices }) {
  const styles = useStyles();
  const { mailbox, checker, pending } = services;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [filing, setFiling] = useState<FilingState>({ kind: 'looking' });
  const [replyMessage, setReplyMessage] = useState<string | null>(null);
  const [templateFrom, setTemplateFrom] = useState<{ readonly name: string; readonly bytes: Uint8Array } | null>(null);
  const [notice, setNotice] = useState<{ readonly title: string; readonly text: string } | null>(null);
  const currentKey = useRef<string | null>(null);
  const shownKey = useRef<string | null>(null);
  const generation = useRef(0);

  const fileNow = useCallback(
    async (ready: Extract<Load, { kind: 'ready' }>, resuming: boolean, gen: number) => {
      const id = ready.view.internetMessageId;
      if (!id) return;
      const marker = { internetMessageId: id, fingerprint: ready.filing.fingerprint };
      pending.mark(marker);
      setFiling({ kind: 'filing', step: 'connecting', resuming });
      try {
        const email = await mailbox.emailFile();
        const service = await services.filing();
        const item = await service.file(ready, email, (step) => {
          if (generation.current === gen) setFiling({ kind: 'filing', step, resuming });
        });
        pending.clear(marker);
        if (generation.current === gen) setFiling({ kind: 'filed', item, now: true });
      } catch (error) {
        if (generation.current === gen) setFiling({ kind: 'failed', message: plainError(error, 'filing the application') });
      }
    },
    [mailbox, pending, services],
  );

  const lookUp = useCallback(
    async (ready: Extract<Load, { kind: 'ready' }>, gen: number) => {
      const id = ready.view.internetMessageId;
      if (!id) {
        setFiling({ kind: 'unavailable', message: 'This email has no Message-ID, so it cannot be filed.' });
        return;
      }
      setFiling({ kind: 'looking' });
      try {
        const service = await services.filing();
        const item = await service.findFiled(id, ready.filing.fingerprint);
        if (generation.current !== gen) return;
        if (pending.has({ internetMessageId: id, fingerprint: ready.filing.fingerprint })) {
          // A filing that did not finish: filing is idempotent, so finishing it is filing again.
          await fileNow(ready, true, gen);
        } else setFiling(item ? { kind: 'filed', item, now: false } : { kind: 'notFiled' });
      } catch (error) {
        if (generation.current === gen) setFiling({ kind: 'unavailable', message: plainError(error, 'looking for this email in the list') });
      }
    },
    [fileNow, pending, services],
  );

  const read = useCallback(async () => {
    const key = mailbox.itemKey();
    if (key === currentKey.current && key !== null) return;
    if (key !== shownKey.current) setNotice(null); // a notice stays while its email is read again
    currentKey.current = key;
    shownKey.current = key;
    const gen = ++generation.current;
    setReplyMessage(null);
    setTemplateFrom(null);
    if (!key) {
      setLoad({ kind: 'noItem' });
      return;
    }
    setLoad({ kind: 'loading' });
    setFiling({ kind: 'looking' });
    try {
      const { message, report, view, filing } = await (services.takeEarlyCheck?.(key) ?? readAndCheck(mailbox, checker, services.signOff, services.trustedSenders));
      if (generation.current !== gen) return;
      const ready = { kind: 'ready', key, view, report, filing, message } as const;
      setLoad(ready);
      void lookUp(ready, gen);
    } catch (error) {
      if (generation.current === gen) setLoad({ kind: 'error', message: plainError(error, 'reading this email') });
    }
  }, [checker, lookUp, mailbox, services]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reading the item Outlook shows is syncing with an outside system, what effects are for
    void read();
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    mailbox
      .watchItem(() => void read())
      .then((s) => {
        if (cancelled) void s();
        else stop = s;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, [mailbox, read]);

  const reread = useCallback(() => {
    currentKey.current = null;
    void read();
  }, [read]);

  // The hub's own templates: the site's Form Templates list, loaded once the pane is up. When it
  // holds templates the checker did not have, the email is read again with them.
  useEffect(() => {
    let live = true;
    services
      .templateLibrary()
      .then((library) => services.templates.refresh(library))
      .then((changed) => {
        if (live && changed) reread();
      })
      .catch(() => undefined); // the built-in and cached templates still read; filing says what is wrong with the site
    return () => {
      live = false;
    };
    // Once per pane.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const templateSaved = useCallback(
    async (template: Template, columnsNote: string | null) => {
      await services.templates.added(template);
      setNotice({
        title: 'Template saved',
        text: `“${template.title}” is in the site’s Form Templates list; this email has been read with it.${columnsNote ? ` ${columnsNote}` : ''}`,
      });
      reread();
    },
    [reread, services.templates],
  );

  const askForMissing = useCallback(() => {
    if (load.kind !== 'ready') return;
    try {
      mailbox.reply(load.view.reply.html);
      setReplyMessage('A reply listing what is missing is open: check it and send it.');
    } catch (error) {
      setReplyMessage(plainError(error, 'opening the reply'));
    }
  }, [load, mailbox]);

  // Said once per pane: the hub's shared mailbox lacks the decision categories and this person may
  // not add them (only its owner or an administrator can: hub-intake provision --mailbox).
  const categoriesNoted = useRef(false);
  const saveDecision = useCallback(
    async (item: FiledItem, save: DecisionSave) => {
      const service = await services.filing();
      const decidedBy = (await services.decider?.()) || save.decidedBy;
      const updated = await service.saveDecision(item, { ...save, decidedBy });
      setFiling({ kind: 'filed', item: updated, now: false });
      let note: string | null = null;
      try {
        const all = Object.values(DECISION_CATEGORIES);
        const { missing } = await mailbox.ensureMasterCategories(all);
        const wanted = DECISION_CATEGORIES[save.decision].name;
        const have = await mailbox.categories();
        await mailbox.removeCategories(have.filter((c) => c !== wanted && all.some((d) => d.name === c)));
        if (missing.includes(wanted)) {
          if (!categoriesNoted.current) {
            categoriesNoted.current = true;
            const owner = (await mailbox.sharedMailbox().catch(() => null))?.owner;
            note = `The email is not tagged: the category “${wanted}” is not in ${owner ? `${owner}’s` : 'this mailbox’s'} category list, and only the mailbox’s owner or an administrator can add it. Ask them to run: hub-intake provision --mailbox ${owner ?? '<address>'}`;
          } else note = 'The email is not tagged (its category is missing from the shared mailbox, as said before).';
        } else if (!have.includes(wanted)) await mailbox.addCategories([wanted]);
      } catch (error) {
        note = `The Outlook category could not be set: ${plainError(error, 'tagging the email')}`;
      }
      return { item: updated, note };
    },
    [mailbox, services],
  );

  if (load.kind === 'loading') return <div className={styles.root}><PaneSkeleton /></div>;
  if (load.kind === 'noItem') {
    return (
      <div className={styles.root}>
        <Text as="p">Select an email to check its application.</Text>
      </div>
    );
  }
  if (load.kind === 'error') {
    return (
      <div className={styles.root}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{load.message}</MessageBarBody>
        </MessageBar>
        <Button
          onClick={() => {
            currentKey.current = null;
            void read();
          }}
        >
          Try again
        </Button>
      </div>
    );
  }
  const { view } = load;
  if (templateFrom) {
    return (
      <main className={styles.root} aria-label="New form template">
        <Suspense fallback={<Spinner size="tiny" label="Loading the template editor…" />}>
          <TemplateEditor
            form={templateFrom}
            message={load.message}
            source={sourceOf(mailbox)}
            checker={checker}
            library={services.templateLibrary}
            savedBy={mailbox.user().name || mailbox.user().address}
            signOff={services.signOff}
            onSaved={templateSaved}
            onCancel={() => setTemplateFrom(null)}
            describeError={plainError}
          />
        </Suspense>
      </main>
    );
  }
  return (
    <main className={styles.root} aria-label="Application check">
      <Text as="h1" size={200} weight="regular" className={styles.subject}>
        <span className="visually-hidden">Application check: </span>
        {view.subject || '(no subject)'}
      </Text>
      {notice && (
        <MessageBar intent="success" layout="multiline" data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <Summary view={view} />
      {/* With no form found, what each attachment is comes first; otherwise after the deadline. */}
      {!view.form.found && <Attachments attachments={view.attachments} />}
      {view.unknownForms.length > 0 && (
        <NewForm
          formLike={view.formLike}
          others={view.unknownForms.filter((name) => !view.formLike.includes(name))}
          onMake={(name) => {
            const bytes = attachmentBytes(load.message)(name);
            if (bytes) setTemplateFrom({ name, bytes });
          }}
          onMakeFromFile={(file) => void file.arrayBuffer().then((buffer) => setTemplateFrom({ name: file.name, bytes: new Uint8Array(buffer) }))}
        />
      )}
      <FilingPanel
        state={filing}
        canFile={Boolean(view.internetMessageId)}
        missingCount={view.reply.points.length}
        onFile={() => void fileNow(load, false, generation.current)}
        onAskForMissing={askForMissing}
        replyMessage={replyMessage}
      />
      <Signatories signatories={view.signatories} />
      <Deadline deadline={view.deadline} />
      {view.form.found && <Attachments attachments={view.attachments} />}
      <Fields fields={view.fields} />
      {view.criteria.length > 0 && filing.kind === 'filed' && (
        <Suspense fallback={<Spinner size="tiny" label="Loading the decision panel…" />}>
          <DecisionPanel key={`${load.key}:${filing.item.id}`} criteria={view.criteria} item={filing.item} decidedBy={mailbox.user().name || mailbox.user().address} onSave={saveDecision} describeError={(e) => plainError(e, 'saving the decision')} />
        </Suspense>
      )}
      {view.criteria.length > 0 && filing.kind !== 'filed' && (
        <Text as="p" size={200}>
          File the application to record a decision on it.
        </Text>
      )}
    </main>
  );
}

/** Reads the email in the reading pane and checks it (in the worker). */
export async function readAndCheck(mailbox: PaneServices['mailbox'], checker: PaneServices['checker'], signOff: string, trustedSenders?: readonly string[]): Promise<CheckedEmail> {
  performance.mark?.('hub-intake:read-start');
  const message = await mailbox.readMessage();
  performance.mark?.('hub-intake:read-end');
  const { report, view, filing } = await checker.check(message, sourceOf(mailbox), signOff, trustedSenders);
  performance.mark?.('hub-intake:checked');
  return { message, report, view, filing };
}

function sourceOf(mailbox: PaneServices['mailbox']): string {
  try {
    const env = mailbox.envelope();
    return env.internetMessageId ?? env.itemId ?? 'outlook';
  } catch {
    return 'outlook';
  }
}
