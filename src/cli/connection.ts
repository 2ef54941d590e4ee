// Where the commands that talk to Graph send their requests, and with what sign-in.
// Target: --graph, else HUB_INTAKE_GRAPH_URL, else the config file, else the local store at its
// default port. Site, list and library likewise (--site, --list, --library / HUB_INTAKE_SITE …).
// Config file: --config, else HUB_INTAKE_CONFIG, else ./hub-intake.config.json when it exists.
// Tokens: HUB_INTAKE_TOKEN (Graph) and HUB_INTAKE_SHAREPOINT_TOKEN (SharePoint REST); else, with
// the config's tenant and client id, the app's own sign-in when HUB_INTAKE_CERTIFICATE names its
// certificate (for unattended runs), or a person's device-code sign-in. The one secret read from a
// file is the app's private key (HUB_INTAKE_PRIVATE_KEY, else the certificate's file).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppSignInError, appSignIn } from '../adapters/auth/app-sign-in';
import { deviceCodeSignIn } from '../adapters/auth/device-code';
import { type AccessTokenProvider, createGraphClient, type GraphClient, noToken, staticToken, TransportError } from '../adapters/graph';
import type { Exchange, Pacer } from '../adapters/wire';
import { createSharePointRest, type SharePointRest } from '../adapters/sharepoint/rest';
import { APPLICATIONS_LIST, FILES_LIBRARY } from '../core/record';
import { ConfigError } from './usage';

export const DEFAULT_PORT = 4000;
export const LOCAL_GRAPH_URL = `http://127.0.0.1:${DEFAULT_PORT}/v1.0`;
export const CONFIG_FILE = 'hub-intake.config.json';

const Scopes = z.array(z.string().min(1)).min(1);

export const HubIntakeConfig = z.strictObject({
  $schema: z.string().optional(),
  tenant: z.string().min(1).optional().describe('Directory (tenant) id or domain, e.g. contoso.onmicrosoft.com'),
  clientId: z.guid().optional().describe("The app registration's Application (client) id"),
  site: z.string().min(1).optional().describe('"root", a site id, or "contoso.sharepoint.com:/sites/maths-hub"'),
  list: z.string().min(1).optional(),
  library: z.string().min(1).optional(),
  graphUrl: z.url().optional().describe('Default https://graph.microsoft.com/v1.0 when a tenant is set'),
  scopes: z
    .strictObject({
      list: Scopes.optional(),
      file: Scopes.optional(),
      provision: Scopes.optional(),
      mailbox: Scopes.optional(),
      sharePoint: Scopes.optional(),
    })
    .optional()
    .describe('Delegated scopes per command, to use Sites.Selected instead of the defaults'),
  templates: z
    .string()
    .min(1)
    .optional()
    .describe("A folder of the hub's own form templates (JSON), relative to this file; --templates wins"),
  trustedSenders: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'The hub\'s own addresses and domains ("office@hub.org.uk", "hub.org.uk"): only an application they forward as an attachment is judged on the attached original\'s headers',
    ),
});
export type HubIntakeConfig = z.infer<typeof HubIntakeConfig>;

/** What a command's connection is for (the configuration's `scopes` keys): each asks for its own scopes. */
export type ConnectionUse = 'list' | 'file' | 'provision' | 'mailbox';

const DEFAULT_SCOPES: Record<ConnectionUse, string[]> = {
  list: ['https://graph.microsoft.com/Sites.Read.All'],
  file: ['https://graph.microsoft.com/Sites.ReadWrite.All'],
  provision: ['https://graph.microsoft.com/Sites.Manage.All'],
  // provision --mailbox: another mailbox's master categories. Delegated, this works only signed in
  // as that mailbox; for a shared mailbox give an app-only token (application permission) instead.
  mailbox: ['https://graph.microsoft.com/MailboxSettings.ReadWrite'],
};

export { ConfigError };

export function loadConfig(
  path: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { config: HubIntakeConfig; source: string | null } {
  const explicit = path ?? env.HUB_INTAKE_CONFIG;
  const file = explicit ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (!file) return { config: {}, source: null };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${e instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'}.`);
  }
  const parsed = HubIntakeConfig.safeParse(data);
  if (!parsed.success) throw new ConfigError(`${file} is not a valid configuration:\n${z.prettifyError(parsed.error)}`);
  return { config: parsed.data, source: resolve(file) };
}

/** The hub's own senders, from the configuration file (see HubIntakeConfig.trustedSenders). */
export function trustedSenders(configPath: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  return loadConfig(configPath, env).config.trustedSenders ?? [];
}

export interface ConnectionFlags {
  graph?: string | undefined;
  site?: string | undefined;
  list?: string | undefined;
  library?: string | undefined;
  config?: string | undefined;
}

export interface Connection {
  readonly graphUrl: string;
  readonly site: string;
  readonly list: string;
  readonly library: string;
  readonly local: boolean;
  readonly client: GraphClient;
  /** SharePoint REST for the site (views, column formatting), given its web URL. */
  sharePoint(siteUrl: string): SharePointRest;
}

export function isLocal(graphUrl: string): boolean {
  const host = new URL(graphUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Where the last connection pointed, so a failure to reach it can say where and what to do. */
let lastTarget: { graphUrl: string; site: string; local: boolean; configSource: string | null } | null = null;

/**
 * A request that got no answer (TransportError), as one line a hub manager can act on: the store
 * or tenant it tried and what to do. Null for any other error.
 */
export function explainNoAnswer(error: unknown): string | null {
  if (!(error instanceof TransportError) || !lastTarget) return null;
  const { graphUrl, site, local, configSource } = lastTarget;
  if (local) {
    const port = new URL(graphUrl).port;
    const start = `npm run --silent hub-intake -- graph-emulator${port && port !== String(DEFAULT_PORT) ? ` --port ${port}` : ''}`;
    return `no answer from the local store at ${graphUrl} (${error.reason}). Start it in another terminal with \`${start}\`, or give --graph <url> for the store you meant.`;
  }
  const where = configSource
    ? `--graph, HUB_INTAKE_GRAPH_URL, or "graphUrl" and "site" in ${configSource}`
    : '--graph and --site, or HUB_INTAKE_GRAPH_URL and HUB_INTAKE_SITE';
  return `no answer from ${graphUrl} for site "${site}" (${error.reason}). Check the network connection, and the tenant's Graph URL and site (${where}).`;
}

export function connect(
  flags: ConnectionFlags,
  purpose: ConnectionUse,
  options: {
    env?: NodeJS.ProcessEnv;
    prompt?: (message: string) => void;
    observe?: (e: Exchange) => void;
    pacer?: Pacer;
    scopes?: readonly string[];
  } = {},
): Connection {
  const env = options.env ?? process.env;
  const { config, source: configSource } = loadConfig(flags.config, env);
  const graphUrl =
    flags.graph ?? env.HUB_INTAKE_GRAPH_URL ?? config.graphUrl ?? (config.tenant ? 'https://graph.microsoft.com/v1.0' : LOCAL_GRAPH_URL);
  try {
    new URL(graphUrl);
  } catch {
    throw new ConfigError(`The Graph URL "${graphUrl}" is not a URL.`);
  }
  const local = isLocal(graphUrl);
  const site = flags.site ?? env.HUB_INTAKE_SITE ?? config.site ?? 'root';
  const list = flags.list ?? env.HUB_INTAKE_LIST ?? config.list ?? APPLICATIONS_LIST;
  const library = flags.library ?? env.HUB_INTAKE_LIBRARY ?? config.library ?? FILES_LIBRARY;
  const prompt = options.prompt ?? ((message: string) => process.stderr.write(`${message}\n`));

  let signIn: { provider(scopes: readonly string[]): AccessTokenProvider } | null = null;
  const signedIn = () => {
    if (!config.tenant || !config.clientId) {
      throw new ConfigError(
        `${graphUrl} needs a token: set HUB_INTAKE_TOKEN, or put "tenant" and "clientId" in ${CONFIG_FILE} to sign in with a device code (or as the app, with HUB_INTAKE_CERTIFICATE).`,
      );
    }
    if (signIn) return signIn;
    const certificateFile = env.HUB_INTAKE_CERTIFICATE;
    if (!certificateFile) return (signIn = deviceCodeSignIn({ tenant: config.tenant, clientId: config.clientId, prompt }));
    const pem = (file: string, variable: string) => {
      try {
        return readFileSync(resolve(file), 'utf8');
      } catch {
        throw new ConfigError(`${variable} names a file that cannot be read.`);
      }
    };
    const certificate = pem(certificateFile, 'HUB_INTAKE_CERTIFICATE');
    const privateKey = env.HUB_INTAKE_PRIVATE_KEY ? pem(env.HUB_INTAKE_PRIVATE_KEY, 'HUB_INTAKE_PRIVATE_KEY') : certificate;
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(privateKey)) {
      throw new ConfigError('The app sign-in needs the private key: set HUB_INTAKE_PRIVATE_KEY to its PEM file.');
    }
    try {
      return (signIn = appSignIn({ tenant: config.tenant, clientId: config.clientId, certificate, privateKey }));
    } catch (error) {
      throw error instanceof AppSignInError ? new ConfigError(`HUB_INTAKE_CERTIFICATE: ${error.message}`) : error;
    }
  };
  const provider = (token: string | undefined, scopes: readonly string[]): AccessTokenProvider => {
    if (token) return staticToken(token); // a local store started with --token needs one too
    if (local) return noToken;
    return { getAccessToken: () => signedIn().provider(scopes).getAccessToken() };
  };
  lastTarget = { graphUrl, site, local, configSource };
  // A tenant with no token given needs a sign-in: check its settings now, so that a missing client
  // id or an unreadable certificate is said as it is, not as a request that got no answer.
  if (!local && !env.HUB_INTAKE_TOKEN) signedIn();
  const graphScopes = [...(config.scopes?.[purpose] ?? DEFAULT_SCOPES[purpose]), ...(options.scopes ?? [])];
  const client = createGraphClient({
    graphUrl,
    auth: provider(env.HUB_INTAKE_TOKEN, graphScopes),
    observe: options.observe,
    pacer: options.pacer,
  });
  return {
    graphUrl,
    site,
    list,
    library,
    local,
    client,
    sharePoint: (siteUrl) => {
      const origin = new URL(siteUrl).origin;
      const scopes = config.scopes?.sharePoint ?? [`${origin}/AllSites.Manage`];
      return createSharePointRest({
        siteUrl,
        auth: provider(env.HUB_INTAKE_SHAREPOINT_TOKEN ?? (local ? env.HUB_INTAKE_TOKEN : undefined), scopes),
        observe: options.observe,
      });
    },
  };
}
