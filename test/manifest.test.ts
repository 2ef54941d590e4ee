// manifest.xml, checked offline. The add-in manifest XSDs are not published in any package (the
// office-addin-manifest validator sends the file to a Microsoft service, so `npm run validate`
// needs the network); this test parses the manifest with a strict XML parser (saxes) and checks
// what the XSDs and Outlook require of it: element order, the requirement sets, permissions,
// the button and its pinning, every resource reference, string lengths, HTTPS URLs and icons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const facts = require('../manifest.facts.cjs') as {
  TARGETS: Record<'development' | 'production', { id: string; name: string }>;
  FACTS: Record<string, string>;
  unifiedManifest(target: string, url?: string): Record<string, unknown>;
  productionXml(xml: string, url: string): string;
};

interface El {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

const ROOT = join(__dirname, '..');
const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | null = null;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attrs[key] = (attr as { value: string }).value;
    const el: El = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(el);
    stack.push(el);
    root ??= el;
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

const manifest = parse(source);
const child = (el: El, name: string) => el.children.find((c) => c.name === name);
const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  v10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  v11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
};

/** What the schema requires of OfficeApp's own children that a reader can check: order, presence, forms. */
function structureProblems(app: El): string[] {
  const order = [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'FormSettings',
    'Permissions',
    'Rule',
    'DisableEntityHighlighting',
    'Dictionary',
    'VersionOverrides',
  ];
  const names = app.children.map((c) => c.name);
  const problems: string[] = [];
  const unknown = names.filter((n) => !order.includes(n));
  if (unknown.length) problems.push(`unknown: ${unknown.join(', ')}`);
  names.forEach((n, i) => {
    if (i > 0 && order.indexOf(n) < order.indexOf(names[i - 1]!)) problems.push(`out of order: ${names[i - 1]}, ${n}`);
  });
  for (const required of [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'FormSettings',
    'Permissions',
    'Rule',
  ])
    if (!names.includes(required)) problems.push(`missing ${required}`);
  const id = child(app, 'Id')?.text ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) problems.push(`Id is not a GUID: ${id}`);
  if (!/^\d+(\.\d+){0,3}$/.test(child(app, 'Version')?.text ?? '')) problems.push('Version is not a version number');
  return problems;
}

const v10 = child(manifest, 'VersionOverrides')!;
const v11 = child(v10, 'VersionOverrides')!;

describe('manifest.xml', () => {
  it('is a MailApp whose elements come in the order the schema requires', () => {
    expect(manifest).toMatchObject({ name: 'OfficeApp', ns: NS.app, attrs: expect.objectContaining({ 'xsi:type': 'MailApp' }) });
    expect(structureProblems(manifest)).toEqual([]);
  });

  it('fails a broken copy: elements out of order, a required one missing, a malformed id', () => {
    const broken = source
      .replace(/<Id>[^<]*<\/Id>\s*(<Version>[^<]*<\/Version>)/, '$1<Id>not-a-guid</Id>')
      .replace(/<ProviderName>[^<]*<\/ProviderName>/, '');
    expect(structureProblems(parse(broken))).toEqual(['out of order: Version, Id', 'missing ProviderName', 'Id is not a GUID: not-a-guid']);
  });

  it('asks for Mailbox 1.8 (attachment content, categories) and ReadWriteMailbox (master categories)', () => {
    const set = all(child(manifest, 'Requirements')!, 'Set')[0]!;
    expect(set.attrs).toEqual({ Name: 'Mailbox', MinVersion: '1.8' });
    expect(child(manifest, 'Permissions')!.text).toBe('ReadWriteMailbox');
    const rule = all(child(manifest, 'Rule')!, 'Rule').find((r) => r.attrs['xsi:type'] === 'ItemIs')!;
    expect(rule.attrs).toMatchObject({ ItemType: 'Message', FormType: 'Read' });
  });

  it('has a "Check application" button on the message-read surface that opens the pane, pinnable, in the 1.1 overrides only', () => {
    expect(v10).toMatchObject({ ns: NS.v10, attrs: expect.objectContaining({ 'xsi:type': 'VersionOverridesV1_0' }) });
    expect(v11).toMatchObject({ ns: NS.v11, attrs: expect.objectContaining({ 'xsi:type': 'VersionOverridesV1_1' }) });
    // No dead 1.0 copy: every client with Mailbox 1.8 reads the 1.1 overrides.
    expect(v10.children.map((c) => c.name)).toEqual(['VersionOverrides']);
    expect(all(child(v11, 'Requirements')!, 'Sets')[0]!.attrs.DefaultMinVersion).toBe('1.5');
    const surface = all(v11, 'ExtensionPoint').filter((e) => e.attrs['xsi:type'] === 'MessageReadCommandSurface');
    expect(surface).toHaveLength(1);
    expect(all(surface[0]!, 'Action')[0]!.attrs['xsi:type']).toBe('ShowTaskpane');
    const label = all(surface[0]!, 'Control')[0]!.children.find((c) => c.name === 'Label')!.attrs.resid!;
    expect(all(v11, 'String').find((s) => s.attrs.id === label)?.attrs.DefaultValue).toBe('Check application');
    expect(all(v11, 'SupportsPinning').map((e) => e.text)).toEqual(['true']);
    expect(all(v11, 'FunctionFile')).toHaveLength(1);
  });

  it('is offered in shared folders and shared mailboxes (SupportsSharedFolders, first in DesktopFormFactor)', () => {
    const [desktop, ...others] = all(v11, 'DesktopFormFactor');
    expect(others).toEqual([]);
    expect(desktop!.children[0]).toMatchObject({ name: 'SupportsSharedFolders', text: 'true' });
  });

  it('says what the shared facts say: the development id and name, the labels, the requirement set, support and sign-in hosts', () => {
    expect(child(manifest, 'Id')!.text).toBe(facts.TARGETS.development.id);
    expect(facts.TARGETS.development.id).not.toBe(facts.TARGETS.production.id);
    expect(child(manifest, 'DisplayName')!.attrs.DefaultValue).toBe(facts.TARGETS.development.name);
    expect(child(manifest, 'Description')!.attrs.DefaultValue).toBe(facts.FACTS.description);
    expect(child(manifest, 'ProviderName')!.text).toBe(facts.FACTS.provider);
    expect(all(child(manifest, 'Requirements')!, 'Set')[0]!.attrs.MinVersion).toBe(facts.FACTS.mailbox);
    expect(child(manifest, 'SupportUrl')!.attrs.DefaultValue).toBe('https://localhost:3000/support.html');
    expect(all(child(manifest, 'AppDomains')!, 'AppDomain').map((d) => d.text)).toEqual([
      'https://login.microsoftonline.com',
      'https://localhost:3000',
    ]);
    const strings = Object.fromEntries(all(v11, 'String').map((s) => [s.attrs.id, s.attrs.DefaultValue]));
    expect(strings).toMatchObject({
      GroupLabel: facts.FACTS.groupLabel,
      'CheckButton.Label': facts.FACTS.buttonLabel,
      'CheckButton.Tooltip': facts.FACTS.buttonTooltip,
    });
  });

  it('resolves every resid in its own overrides, within Outlook’s lengths', () => {
    for (const overrides of [v11]) {
      const resources = child(overrides, 'Resources')!;
      const ids = new Map(
        resources.children.flatMap((group) =>
          group.children.map((r) => [r.attrs.id!, { group: group.name, value: r.attrs.DefaultValue! }] as const),
        ),
      );
      const own = (el: El): El[] => [el, ...el.children.filter((c) => c.name !== 'VersionOverrides').flatMap(own)];
      for (const el of own(overrides)) {
        const resid = el.attrs.resid;
        if (resid) expect(ids.has(resid) ? resid : `missing ${resid}`).toBe(resid);
      }
      for (const [id, { group, value }] of ids) {
        expect(id.length).toBeLessThanOrEqual(32);
        if (group === 'ShortStrings') expect(value.length).toBeLessThanOrEqual(125);
        if (group === 'LongStrings') expect(value.length).toBeLessThanOrEqual(250);
        if (group === 'Urls' || group === 'Images') expect(value).toMatch(/^https:\/\//);
      }
    }
  });

  it('points at icons that exist at the sizes it names', () => {
    const images = all(manifest, 'Image').filter((i) => i.attrs.DefaultValue);
    const urls = [
      ...images.map((i) => i.attrs.DefaultValue!),
      child(manifest, 'IconUrl')!.attrs.DefaultValue!,
      child(manifest, 'HighResolutionIconUrl')!.attrs.DefaultValue!,
    ];
    for (const url of urls) {
      const file = join(ROOT, new URL(url).pathname);
      const png = readFileSync(file);
      const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('has its dev URLs rewritten for production by the build', () => {
    process.env.HUB_INTAKE_URL = 'https://hub-intake.example.org/addin';
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's config is a CommonJS file outside the TypeScript project
      const config = require('../webpack.config.js')({}, { mode: 'production' });
      const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
      const pattern = copy.patterns.find((p: { to: string }) => p.to === 'manifest.xml');
      const out = String(pattern.transform(Buffer.from(source)));
      expect(out).not.toContain('https://localhost:3000');
      expect(out).toContain('https://hub-intake.example.org/addin/taskpane.html');
      // Production has its own id and name: a development sideload never replaces it.
      expect(parse(out).children.find((c) => c.name === 'Id')!.text).toBe(facts.TARGETS.production.id);
      expect(parse(out).children.find((c) => c.name === 'DisplayName')!.attrs.DefaultValue).toBe('Hub Intake');
      const unified = JSON.parse(String(copy.patterns.find((p: { to: string }) => p.to === 'manifest.json').transform(Buffer.from(''))));
      expect(unified).toMatchObject({ id: facts.TARGETS.production.id, name: { short: 'Hub Intake' } });
      expect(JSON.stringify(unified)).not.toContain('localhost');
    } finally {
      delete process.env.HUB_INTAKE_URL;
    }
  });
});

describe('manifest.json (the unified manifest), against its published JSON schema', () => {
  // The schema as @microsoft/app-manifest ships it (draft-04), version 1.24.
  const schema = JSON.parse(
    readFileSync(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json'), 'utf8'),
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const errors = (m: unknown) => (validate(m) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

  it('is valid, for development and for production', () => {
    expect(errors(facts.unifiedManifest('development'))).toEqual([]);
    const production = facts.unifiedManifest('production', 'https://hub-intake.example.org/addin');
    expect(errors(production)).toEqual([]);
    expect(production).toMatchObject({
      manifestVersion: '1.24',
      validDomains: ['hub-intake.example.org', 'login.microsoftonline.com'],
      developer: { privacyUrl: 'https://hub-intake.example.org/addin/privacy.html' },
    });
  });

  it('fails a broken copy: a missing id, an unknown property, a bad accent colour', () => {
    const broken = facts.unifiedManifest('development');
    delete broken.id;
    broken.accentColor = 'blue';
    (broken.extensions as Record<string, unknown>[])[0]!.ribbon = [];
    const found = errors(broken).join('\n');
    expect(found).toMatch(/must have required property 'id'/);
    expect(found).toMatch(/\/accentColor/);
    expect(found).toMatch(/must NOT have additional properties/);
  });

  it('asks for the mailbox permission the decision categories need, and names icons that exist at their sizes', () => {
    const unified = facts.unifiedManifest('development') as { authorization: unknown; icons: { outline: string; color: string } };
    expect(unified.authorization).toEqual({ permissions: { resourceSpecific: [{ name: 'Mailbox.ReadWrite.User', type: 'Delegated' }] } });
    expect(unified.icons).toEqual({ outline: 'outline.png', color: 'color.png' });
    // The app package holds the manifest and those icons, at their sizes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by this test
    const { unzipSync } = require('fflate') as typeof import('fflate');
    const zip = unzipSync(
      new Uint8Array(
        (facts as unknown as { appPackage(m: unknown, read: (n: string) => Buffer): Buffer }).appPackage(unified, (name) =>
          readFileSync(join(ROOT, 'assets', name)),
        ),
      ),
    );
    expect(Object.keys(zip).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(zip['manifest.json']))).toEqual(unified);
    const size = (png: Uint8Array) => Buffer.from(png).readUInt32BE(16);
    expect([size(zip['outline.png']!), size(zip['color.png']!)]).toEqual([32, 192]);
  });
});
