// End to end in the hub's shared mailbox, as a delegate works there: the harness in shared-mailbox
// mode (the Office shim reports every item as shared by mathshubs@… with delegate permissions,
// refuses changes to the owner's master categories, and offers no Mailbox 1.14, so the whole email
// comes from the owner's mailbox on Graph). Verdict → filing (the email read from
// /users/{owner}/messages/{id}/$value) → a decision whose category the owner's list lacks (said in
// plain words, decision still saved, decided by the person, not the mailbox) → a decision whose
// category is there (the email tagged). All under the pages' Content-Security-Policy, served as
// it is deployed; no policy violation. Screenshots in test-output/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ensureBuilt } from '../../src/harness/build';
import { startHarness, type Harness } from '../../src/harness/serve';
import { launchChromium, type Browser } from './support/browser';

jest.setTimeout(180_000);

const OUT = join(__dirname, '..', '..', 'test-output');
const PANE = 'iframe[title="Hub Intake task pane"]';
const OWNER = 'mathshubs@ncetm.org.uk'; // the hub's address the sample applications are sent to
const CATEGORIES = ['Hub Intake: Accepted', 'Hub Intake: Declined', 'Hub Intake: Waitlisted', 'Hub Intake: Needs info'];

let harness: Harness;
let browser: Browser;
let page: Page;
let dataDir: string;
const violations: string[] = [];
const ownerReads: string[] = [];
const pane = (): FrameLocator => page.frameLocator(PANE);

async function openSample(file: string) {
  const button = page.locator(`button[data-sample="${file}"]:not([disabled])`);
  const listed = await button.innerText();
  await button.click();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const subject = (
      await pane()
        .locator('h1')
        .first()
        .innerText()
        .catch(() => '')
    )
      .replace('Application check:', '')
      .trim();
    if (subject && listed.includes(subject) && (await pane().getByTestId('verdict').count())) break;
    if (Date.now() > deadline) throw new Error(`the pane did not show ${file}`);
    await page.waitForTimeout(50);
  }
}

async function fileIt() {
  await pane().getByRole('button', { name: 'File to SharePoint' }).click();
  await pane().getByText('Filed', { exact: true }).waitFor();
}

async function item(titlePart: string): Promise<Record<string, unknown>> {
  const items = (await (await fetch(`${harness.storeUrl}/sites/root/lists/Applications/items?$expand=fields`)).json()) as {
    value: { fields: Record<string, unknown> }[];
  };
  return items.value.find((i) => String(i.fields.Title).includes(titlePart))!.fields;
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'hub-intake-e2e-shared-'));
  harness = await startHarness({ port: 0, dataDir });
  browser = await launchChromium();
  // Every CSP violation in every frame, from before the page's own scripts run (an init script
  // comes through the debugging protocol, so the policy does not apply to it).
  await browser.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url().includes(`/users/${encodeURIComponent(OWNER)}/messages/`)) ownerReads.push(new URL(r.url()).pathname);
  });
  await page.goto(`${harness.url}?shared=${encodeURIComponent(OWNER)}`);
  await page.locator('button[data-sample]:not([disabled])').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the task pane in the hub’s shared mailbox', () => {
  it('serves the pane with the deployed security headers: a strict CSP, no inline script', async () => {
    const response = await fetch(`${harness.url}taskpane.html`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('shows the verdict of an email in the shared mailbox', async () => {
    await expect(page.getByTestId('shared-mailbox').innerText()).resolves.toContain(OWNER);
    await openSample('04-sms-signatory-not-copied.eml');
    expect(await pane().getByTestId('verdict').innerText()).toMatch(/Needs attention\s*1 problem to put right/);
  });

  it('files it, reading the whole email from the owner’s mailbox through Graph', async () => {
    await openSample('01-sms-complete.eml');
    await fileIt();
    expect(ownerReads).toEqual([
      `/v1.0/users/${encodeURIComponent(OWNER)}/messages/${encodeURIComponent('sample:01-sms-complete.eml')}/$value`,
    ]);
    const fields = await item('Hollinswood');
    expect(fields.InternetMessageId).toBeTruthy();
    await page.screenshot({ path: join(OUT, 'shared-filed.png') });
  });

  it('saves a decision whose category the owner’s list lacks, says so once in plain words, and records the person who decided', async () => {
    await pane().getByRole('radio', { name: 'Accept' }).check();
    await pane().getByRole('button', { name: 'Save decision' }).click();
    const result = pane().getByTestId('decision-result');
    await result.getByText(/Decision saved\./).waitFor();
    expect(await result.innerText()).toMatch(
      new RegExp(
        `not tagged: the category “Hub Intake: Accepted” is not in ${OWNER.replace(/\./g, '\\.')}’s category list.*hub-intake provision --mailbox ${OWNER.replace(/\./g, '\\.')}`,
        's',
      ),
    );
    const fields = await item('Hollinswood');
    expect(fields).toMatchObject({ Decision: 'Accepted', Status: 'Accepted', DecidedBy: 'Hub Manager (harness)' });
    expect(
      await page
        .getByTestId('categories-sample:01-sms-complete.eml')
        .getByText(/Hub Intake/)
        .count(),
    ).toBe(0);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'shared-category-missing.png') });
    // Said once: the next decision gets a short reminder, not the whole explanation again.
    await pane().getByRole('radio', { name: 'Waitlist' }).check();
    await pane().getByRole('button', { name: 'Save decision' }).click();
    await result.getByText(/as said before/).waitFor();
    expect(await result.innerText()).not.toMatch(/provision/);
  });

  it('tags the email when the owner’s list has the category (after hub-intake provision --mailbox)', async () => {
    // What provision --mailbox leaves in the owner's master list.
    await page.evaluate(
      ([key, names]) =>
        localStorage.setItem(key as string, JSON.stringify(names.map((displayName, i) => ({ displayName, color: `Preset${i}` })))),
      [`hub-harness.master-categories:${OWNER}`, CATEGORIES] as const,
    );
    await openSample('02-tfm-complete.eml');
    await fileIt();
    await pane().getByRole('radio', { name: 'Decline' }).check();
    await pane().getByRole('button', { name: 'Save decision' }).click();
    await pane()
      .getByTestId('decision-result')
      .getByText(/Decision saved: Decline\. The email is tagged in Outlook\./)
      .waitFor();
    await page.getByTestId('categories-sample:02-tfm-complete.eml').first().getByText('Hub Intake: Declined').waitFor();
    // The owner's list was read, never written by the delegate.
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `hub-harness.master-categories:${OWNER}`))!)).toHaveLength(
      4,
    );
    await page.screenshot({ path: join(OUT, 'shared-category-present.png') });
  });

  it('met no Content-Security-Policy violation on the way', () => {
    expect(violations).toEqual([]);
  });
});
