// The facts both add-in manifests are made of, in one place: manifest.xml (the XML add-in manifest,
// written by hand, development values) and manifest.json (the unified manifest for Microsoft 365,
// made from these facts by unifiedManifest). `npm run build` writes production copies of both into
// dist/ (productionXml, unifiedManifest with the production target); test/manifest.test.ts checks
// manifest.xml says the same as these facts.
const DEV_URL = 'https://localhost:3000/';

const TARGETS = {
  // `npm start` sideloads this one: its own id and name, so it never replaces the hub's real add-in.
  development: { id: '7c1d3b2e-5f4a-4c8e-9b0d-2a6e1f3c8d47', name: 'Hub Intake (development)' },
  production: { id: 'b3f9a6d2-41c7-4e0a-9d58-6c2e7f1a0b93', name: 'Hub Intake' },
};

const FACTS = {
  version: '1.0.0',
  provider: 'Maths Hubs',
  description:
    "Checks Maths Hub application emails (the form, its signatories and the deadline), files them to a SharePoint list and records reviewers' decisions.",
  shortDescription: 'Check, file and decide Maths Hub applications from Outlook.',
  groupLabel: 'Hub Intake',
  buttonLabel: 'Check application',
  buttonTooltip:
    'Check this Maths Hub application: the form, its signatories and the deadline; file it to SharePoint and record a decision.',
  // Attachment content and categories need Mailbox 1.8 (pinning 1.5, shared mailboxes 1.13).
  mailbox: '1.8',
  // Sign-in pages the pane may show (MSAL popup, the Office dialog's redirect).
  appDomains: ['https://login.microsoftonline.com'],
  accentColor: '#1B5E8C',
};

const base = (url) => (url ? url.replace(/\/?$/, '/') : DEV_URL);

/** The unified manifest (schema 1.24) for the given target and hosting address. */
function unifiedManifest(target = 'production', url = DEV_URL) {
  const at = base(url);
  const { id, name } = TARGETS[target];
  const icon = (size) => ({ size, url: `${at}assets/icon-${size}.png` });
  const icons = [icon(16), icon(32), icon(80)];
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    manifestVersion: '1.24',
    version: FACTS.version,
    id,
    localizationInfo: { defaultLanguageTag: 'en-GB' },
    developer: {
      name: FACTS.provider,
      websiteUrl: `${at}support.html`,
      privacyUrl: `${at}privacy.html`,
      termsOfUseUrl: `${at}support.html`,
    },
    name: { short: name, full: name },
    description: { short: FACTS.shortDescription, full: FACTS.description },
    // Paths inside the app package (appPackage): the icons sit beside manifest.json.
    icons: { outline: 'outline.png', color: 'color.png' },
    accentColor: FACTS.accentColor,
    validDomains: [new URL(at).host, ...FACTS.appDomains.map((d) => new URL(d).host)],
    authorization: { permissions: { resourceSpecific: [{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: FACTS.mailbox }] },
        runtimes: [
          {
            requirements: { capabilities: [{ name: 'Mailbox', minVersion: FACTS.mailbox }] },
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: `${at}taskpane.html` },
            lifetime: 'short',
            actions: [{ id: 'CheckApplication', type: 'openPage', pinnable: true }],
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'HubIntakeGroup',
                    label: FACTS.groupLabel,
                    icons,
                    controls: [
                      {
                        id: 'CheckApplicationButton',
                        type: 'button',
                        label: FACTS.buttonLabel,
                        icons,
                        supertip: { title: FACTS.buttonLabel, description: FACTS.buttonTooltip },
                        actionId: 'CheckApplication',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * The app package the admin centre takes for the unified manifest: a zip of manifest.json and its
 * two icons (assets/icon-color.png, 192 px; assets/icon-outline.png, 32 px).
 */
function appPackage(manifest, readAsset) {
  const { zipSync, strToU8 } = require('fflate');
  return Buffer.from(
    zipSync(
      {
        'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
        'color.png': readAsset('icon-color.png'),
        'outline.png': readAsset('icon-outline.png'),
      },
      { mtime: new Date('2024-01-01T00:00:00Z') },
    ),
  );
}

/** manifest.xml (development) made into the production one: its id, its name, its address. */
function productionXml(xml, url) {
  const { development, production } = TARGETS;
  return xml
    .split(DEV_URL)
    .join(base(url))
    .split(DEV_URL.slice(0, -1))
    .join(new URL(base(url)).origin)
    .replace(`<Id>${development.id}</Id>`, `<Id>${production.id}</Id>`)
    .split(`"${development.name}"`)
    .join(`"${production.name}"`);
}

module.exports = { DEV_URL, TARGETS, FACTS, unifiedManifest, productionXml, appPackage };
