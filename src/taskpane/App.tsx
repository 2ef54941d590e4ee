// The task pane: shows what its session (session.ts) does with the email in the reading pane: the
// verdict, the list item, filing, asking for what's missing, deciding, making a template.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Deadline } from './components/Deadline';
import { Fields } from './components/Fields';
import { Attachments, NewForm } from './components/NewForm';
import { FilingPanel } from './components/FilingPanel';
import { Signatories } from './components/Signatories';
import { PaneSkeleton } from './components/Skeleton';
import { Summary } from './components/Summary';
import type { PaneServices } from './services/services';
import { DecisionSection } from './sections/DecisionSection';
import { TemplateSection } from './sections/TemplateSection';
import { PaneSession } from './session';

export { readAndCheck } from './session';

const useStyles = makeStyles({
  root: { paddingInline: tokens.spacingHorizontalM, paddingBlockEnd: tokens.spacingVerticalXXL, maxWidth: '720px', minWidth: 0 },
  subject: {
    display: 'block',
    margin: 0,
    overflowWrap: 'anywhere',
    paddingBlockStart: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
  },
});

export function App({ services }: { services: PaneServices }) {
  const styles = useStyles();
  const { mailbox } = services;
  const [session] = useState(() => new PaneSession(services));
  const { load, filing, replyMessage, templateFrom, notice } = useSyncExternalStore(session.subscribe, session.getState);
  useEffect(() => session.start(), [session]);
  const { reread, askForMissing, saveDecision } = session;

  if (load.kind === 'loading')
    return (
      <div className={styles.root}>
        <PaneSkeleton />
      </div>
    );
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
        <Button onClick={reread}>Try again</Button>
      </div>
    );
  }
  const { view } = load;
  if (templateFrom)
    return <TemplateSection from={templateFrom} message={load.message} services={services} session={session} className={styles.root} />;
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
      {view.unrecognisedAttachments.length > 0 && (
        <NewForm
          formLike={view.formLike}
          others={view.unrecognisedAttachments.filter((name) => !view.formLike.includes(name))}
          onMake={session.makeTemplate}
          onMakeFromFile={(file) =>
            void file.arrayBuffer().then((buffer) => session.makeTemplateFromFile({ name: file.name, bytes: new Uint8Array(buffer) }))
          }
        />
      )}
      <FilingPanel
        state={filing}
        canFile={Boolean(view.internetMessageId)}
        missingCount={view.reply.points.length}
        onFile={session.file}
        onAskForMissing={askForMissing}
        replyMessage={replyMessage}
      />
      <Signatories signatories={view.signatories} />
      <Deadline deadline={view.deadline} />
      {view.form.found && <Attachments attachments={view.attachments} />}
      <Fields fields={view.fields} />
      <DecisionSection
        emailKey={load.key}
        criteria={view.criteria}
        filing={filing}
        decidedBy={mailbox.user().name || mailbox.user().address}
        onSave={saveDecision}
      />
    </main>
  );
}
