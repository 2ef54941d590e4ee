// The task pane's composition root: nothing renders before Office is ready; then a skeleton at
// once, the configuration, and the app wired to the Office adapter, the checker's worker, the
// filing port (loaded on demand) and sign-in. Office.js itself is only the Office adapter's.
import './no-eval';
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { tokenFromDialogMessage } from '../adapters/auth/dialog-fallback';
import { createPaneSignIn } from '../adapters/auth/naa';
import { loadPaneConfig, type PaneConfig } from '../adapters/auth/pane-config';
import { dialogMessage, officeBackground, officeGlobal, supportsNestedAppAuth, whenOfficeReady } from '../adapters/office/host';
import { createOutlookMailbox, type MailFallback } from '../adapters/office/outlook';
import { App, readAndCheck } from './App';
import { PaneSkeleton } from './components/Skeleton';
import { storagePending } from './services/pending';
import { templateSync } from './services/templates';
import { plainError } from './services/plain-error';
import { defaultChecker } from './worker/checker';

/** Office's theme when the host gives one (dark when its body background is dark), else the system's. */
function paneTheme(): Theme {
  const background = officeBackground();
  if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
    const hex = background.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? webDarkTheme : webLightTheme;
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? webDarkTheme : webLightTheme;
}

function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function mailFallback(config: PaneConfig, signIn: ReturnType<typeof createPaneSignIn>): MailFallback {
  const load = () => import(/* webpackChunkName: "filing" */ './services/graph-filing').then((m) => m.createMailFallback(config, signIn));
  return {
    attachedItemMime: async (message, attachment, owner) => (await load()).attachedItemMime(message, attachment, owner),
    messageMime: async (message, owner) => (await load()).messageMime(message, owner),
  };
}

// Started before Office is ready, in parallel with it: the checker's worker and the settings
// (taskpane.html starts both before this script is parsed, where it can).
declare global {
  interface Window {
    hubIntakeEarly?: { worker?: Worker; config?: Promise<Response> };
  }
}
const early = window.hubIntakeEarly;
const checker = defaultChecker(new URL('checker.worker.js', location.href).href, early?.worker ?? null);
checker.warm();
const configLoad = loadPaneConfig(new URL('hub-intake.pane.json', location.href).href, fetch, early?.config);
configLoad.catch(() => undefined);

// An attached email (message/rfc822) is read by the mail-files adapter, loaded when one comes.
const readAttachedEmail = async (eml: string) =>
  (await import(/* webpackChunkName: "eml" */ '../adapters/mail-files/read-eml')).readEml(eml);

void whenOfficeReady().then(async () => {
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  const theme = paneTheme();
  document.body.style.background = theme.colorNeutralBackground1;
  const render = (node: React.ReactNode) =>
    root.render(
      <FluentProvider theme={theme} style={{ minHeight: '100vh', background: theme.colorNeutralBackground1 }}>
        {node}
      </FluentProvider>,
    );
  render(<PaneSkeleton />);
  let config: PaneConfig;
  try {
    config = await configLoad;
  } catch (error) {
    render(
      <p role="alert" style={{ padding: 12 }}>
        {plainError(error, 'loading the pane’s settings')}
      </p>,
    );
    return;
  }
  const dialogUrl = new URL('auth-dialog.html', location.href).href;
  const signIn = createPaneSignIn(config, {
    nestedAppAuth: () => supportsNestedAppAuth(),
    dialog: async (scopes, claims) =>
      tokenFromDialogMessage(
        await dialogMessage(
          `${dialogUrl}?scopes=${encodeURIComponent(scopes.join(' '))}${claims ? `&claims=${encodeURIComponent(claims)}` : ''}`,
        ),
      ),
  });
  const mailbox = createOutlookMailbox(officeGlobal(), mailFallback(config, signIn), readAttachedEmail);
  let site: Promise<import('./services/graph-filing').GraphSite> | null = null;
  const graphSite = () =>
    (site ??= import(/* webpackChunkName: "filing" */ './services/graph-filing').then((m) => m.createGraphSite(config, signIn)));
  // The hub's own templates from last time go to the checker before the first email does.
  const templates = templateSync(checker, localStorageOrNull());
  templates.useCached();
  // The first email is read and sent to the checker now, while React renders the pane.
  const firstKey = mailbox.itemKey();
  let early = firstKey ? readAndCheck(mailbox, checker, config.signOff, config.trustedSenders) : undefined;
  early?.catch(() => undefined);
  const services = {
    takeEarlyCheck: (key: string) => {
      const taken = key === firstKey ? early : undefined;
      early = undefined;
      return taken;
    },
    mailbox,
    checker,
    pending: storagePending(localStorageOrNull()),
    signOff: config.signOff,
    trustedSenders: config.trustedSenders,
    decider: async () => {
      const person = signIn.person();
      if (person) return person.name || person.address;
      const profile = mailbox.user();
      const shared = await mailbox.sharedMailbox().catch(() => null);
      // Outlook's profile is the person, unless it is the shared mailbox itself.
      return shared && profile.address === shared.owner ? '' : profile.name || profile.address;
    },
    filing: async () => (await graphSite()).filing,
    templateLibrary: async () => (await graphSite()).templates,
    templates,
  };
  render(<App services={services} />);
});
