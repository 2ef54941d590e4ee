// End to end, as a hub manager and a reviewer use it: the harness in headless Chromium with the
// real task pane on the Office.js shim, filing to a fresh local list store.
// Open an email → the verdict; ask for what's missing → the reply draft; file → the link;
// reopen → already filed; decide → the Outlook category; a conflicting change → resolved;
// any .eml through "Open email"; a filing cut short → finished when the email is opened again;
// axe-core finds no serious or critical violation; screenshots in test-output/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../src/core/catalogue';
import { intake } from '../../src/core/intake';
import { startHarness, type Harness } from '../../src/harness/serve';
import { launchChromium, type Browser } from './support/browser';
import { ensureBuilt } from '../../src/harness/build';
import { minutesEmail } from './support/minutes-email';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output');
const PANE = 'iframe[title="Hub Intake task pane"]';

let harness: Harness;
let browser: Browser;
let page: Page;
let dataDir: string;
const violations: string[] = [];

const pane = (): FrameLocator => page.frameLocator(PANE);

/** axe-core's serious and critical violations on a frame, as readable lines. */
async function axeProblems(frame: Frame): Promise<string[]> {
  // Evaluated through the browser's debugging protocol: the pane's Content-Security-Policy rightly
  // refuses an injected inline script.
  await frame.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = (await frame.evaluate(async () =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }),
  )) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openSample(file: string) {
  const button = page.locator(`button[data-sample="${file}"]:not([disabled])`);
  const listed = await button.innerText();
  await button.click();
  // The previous email's verdict is still on screen for a moment: wait until the pane shows this
  // email's subject (the list shows it too) and a verdict.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const subject = await pane()
      .locator('h1')
      .first()
      .innerText()
      .catch(() => '');
    const shown = subject.replace('Application check:', '').trim();
    if (shown && listed.includes(shown) && (await pane().getByTestId('verdict').count())) break;
    if (Date.now() > deadline) throw new Error(`the pane did not show ${file}`);
    await page.waitForTimeout(50);
  }
}

async function verdict(): Promise<string> {
  return pane().getByTestId('verdict').innerText();
}

async function filingStatus(): Promise<string> {
  return pane().getByTestId('filing-status').innerText();
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'hub-intake-e2e-'));
  harness = await startHarness({ port: 0, dataDir });
  browser = await launchChromium();
  // The pages run under the Content-Security-Policy they are deployed with: any violation, in any
  // frame, from before their scripts run, is collected (the init script itself is not subject to it).
  await browser.context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (/CSP violation|Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(harness.url);
  await page.locator('button[data-sample]:not([disabled])').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the task pane in the harness', () => {
  it('shows which form was found and the verdict, with the problem and the signatory not copied in', async () => {
    await openSample('04-sms-signatory-not-copied.eml');
    expect(await verdict()).toMatch(/Needs attention\s*1 problem to put right/);
    expect(await pane().getByRole('heading', { level: 2, name: 'Secondary Mastery Specialist Programme 2018/19 (Cohort 3)' }).count()).toBe(
      1,
    );
    const signatories = await pane().getByRole('region', { name: 'Signatories' }).innerText();
    expect(signatories).toMatch(/Head of department\s*Not copied in/);
    expect(await filingStatus()).toMatch(/Not filed yet/);
    await page.screenshot({ path: join(OUT, 'harness-needs-attention.png') });
  });

  it('opens a reply draft that asks the school for exactly what is missing', async () => {
    await pane()
      .getByRole('button', { name: /Ask for what’s missing \(1\)/ })
      .click();
    const draft = page.getByTestId('reply-draft');
    await draft.waitFor();
    expect(await draft.innerText()).toMatch(/head of department was not copied in/i);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('files a complete application, with a link to the list item', async () => {
    await openSample('01-sms-complete.eml');
    expect(await verdict()).toMatch(/^Complete/);
    await pane().getByRole('button', { name: 'File to SharePoint' }).click();
    await pane().getByText('Filed', { exact: true }).waitFor();
    const link = pane().getByRole('link', { name: 'Open the list item' });
    expect(await link.getAttribute('href')).toMatch(/\/Lists\/Applications\/DispForm\.aspx\?ID=\d+$/);
    await page.screenshot({ path: join(OUT, 'harness-filed.png') });
  });

  it('shows the existing item when the email is opened again, instead of filing it twice', async () => {
    await openSample('02-tfm-complete.eml');
    await openSample('01-sms-complete.eml');
    await pane().getByText('Already filed', { exact: true }).waitFor();
    expect(await filingStatus()).toMatch(/Status: New/);
    expect(await pane().getByRole('button', { name: 'File to SharePoint' }).count()).toBe(0);
  });

  it('records a decision with criteria pre-filled from the form, and tags the email with its category', async () => {
    const qts = pane().getByRole('radiogroup', { name: 'Qualified Teacher Status' });
    await qts.waitFor();
    expect(await qts.getByRole('radio', { name: 'Met', exact: true }).isChecked()).toBe(true);
    await pane()
      .getByRole('radiogroup', { name: 'Passion and enthusiasm for teaching for mastery' })
      .getByRole('radio', { name: 'Met', exact: true })
      .check();
    await pane().getByRole('radio', { name: 'Accept' }).check();
    await pane().getByRole('textbox', { name: 'Notes' }).fill('Strong statement; good evidence of collaboration.');
    await pane().getByRole('button', { name: 'Save decision' }).click();
    await pane()
      .getByTestId('decision-result')
      .getByText(/Decision saved: Accept/)
      .waitFor();
    const chip = page.getByTestId('categories-sample:01-sms-complete.eml').first();
    await chip.getByText('Hub Intake: Accepted').waitFor();
    expect(await filingStatus()).toMatch(/Status: Accepted · Decision: Accept/);
    await pane().getByTestId('decision-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'harness-decided.png') });
  });

  it('shows a conflicting change by someone else and lets the reviewer save over it', async () => {
    // Another reviewer declines it meanwhile, straight through Graph.
    const graph = harness.storeUrl;
    const items = (await (await fetch(`${graph}/sites/root/lists/Applications/items?$expand=fields`)).json()) as {
      value: { id: string; fields: Record<string, unknown> }[];
    };
    const item = items.value.find((i) => String(i.fields.Title).includes('Hollinswood'))!;
    const patched = await fetch(`${graph}/sites/root/lists/Applications/items/${item.id}/fields`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*' },
      body: JSON.stringify({ Decision: 'Declined', Status: 'Declined', DecidedBy: 'Another Reviewer' }),
    });
    expect(patched.status).toBe(200);
    await pane().getByRole('radio', { name: 'Waitlist' }).check();
    await pane().getByRole('button', { name: 'Save decision' }).click();
    const conflict = pane().getByTestId('decision-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(/changed by Another Reviewer: status Declined, decision Decline/);
    await page.screenshot({ path: join(OUT, 'harness-conflict.png') });
    await conflict.getByRole('button', { name: 'Save mine over it' }).click();
    await pane()
      .getByTestId('decision-result')
      .getByText(/Decision saved: Waitlist/)
      .waitFor();
    await page.getByTestId('categories-sample:01-sms-complete.eml').first().getByText('Hub Intake: Waitlisted').waitFor();
    expect(await page.getByTestId('categories-sample:01-sms-complete.eml').first().innerText()).not.toMatch(/Accepted/);
  });

  it('checks any .eml opened with "Open email"', async () => {
    await page.getByLabel('Open email').setInputFiles(join(ROOT, 'samples', 'emails', '06-sms-late.eml'));
    await pane().getByText('Late', { exact: true }).waitFor();
    expect(await verdict()).toMatch(/Needs attention/);
    // Times a person reads are UK time, and say so.
    expect(
      await pane()
        .getByRole('region', { name: /Deadline/ })
        .innerText(),
    ).toMatch(/Closes Thursday 7 June 2018 at 17:00 \(UK time\)\.\s*Received Thursday 7 June 2018 at 17:30 \(UK time\)\./);
  });

  it('finishes a filing that was cut short, the next time the email is opened', async () => {
    const raw = readFileSync(join(ROOT, 'samples', 'emails', '03-readiness-complete.eml'));
    const message = await readEml(new Uint8Array(raw));
    // The marker is the email's Message-ID and fingerprint (the same however the email is read).
    const key = `hub-intake.pending:${intake(message, { catalogue: loadCatalogue(), source: 'x' }).fingerprint}:${message.internetMessageId!}`;
    // The pane was closed mid-filing: its marker is there, the item is not.
    await page.frame({ url: /taskpane\.html/ })!.evaluate((k) => localStorage.setItem(k, String(Date.now())), key);
    await openSample('03-readiness-complete.eml');
    await pane().getByText('Filed', { exact: true }).waitFor();
    expect(await page.frame({ url: /taskpane\.html/ })!.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
  });

  it('has no serious or critical accessibility violation (axe-core), in the light and the dark theme', async () => {
    // Settled, as a person reads it: no fade-in caught half way.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openSample('08-sms-word-limit.eml');
    await pane().getByText('Not filed yet.').waitFor();
    expect(await axeProblems(page.frame({ url: /taskpane\.html/ })!)).toEqual([]);
    await openSample('01-sms-complete.eml');
    await pane().getByRole('button', { name: 'Save decision' }).waitFor();
    expect(await axeProblems(page.frame({ url: /taskpane\.html/ })!)).toEqual([]);
    // Every kind of status pill (copied in, not copied in, another address, late, on time, word counts, errors, warnings), in both themes.
    for (const theme of ['light', 'dark']) {
      for (const sample of [
        '04-sms-signatory-not-copied.eml',
        '05-sms-copied-other-address.eml',
        '06-sms-late.eml',
        '09-tfm-warnings.eml',
        '14-tfm-good-and-corrupt.eml',
      ]) {
        const themed = await browser.context.newPage();
        await themed.emulateMedia({ reducedMotion: 'reduce' });
        await themed.goto(`${harness.url}taskpane.html?theme=${theme}&eml=${encodeURIComponent(`/samples/emails/${sample}`)}`);
        await themed.getByTestId('verdict').waitFor();
        await themed
          .getByTestId('filing-status')
          .getByText(/Not filed yet|filed/i)
          .first()
          .waitFor();
        expect({ theme, sample, problems: await axeProblems(themed.mainFrame()) }).toEqual({ theme, sample, problems: [] });
        await themed.close();
      }
    }
  });

  it('is readable in a 320 px pane and in the dark theme', async () => {
    await page.getByLabel('Task pane width').selectOption('320');
    await openSample('08-sms-word-limit.eml');
    const frame = page.frame({ url: /taskpane\.html/ })!;
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUT, 'harness-320px.png') });
    const dark = await browser.context.newPage();
    await dark.setViewportSize({ width: 360, height: 900 });
    await dark.goto(`${harness.url}taskpane.html?theme=dark&eml=${encodeURIComponent('/samples/emails/09-tfm-warnings.eml')}`);
    await dark.getByTestId('verdict').waitFor();
    await dark.screenshot({ path: join(OUT, 'taskpane-dark.png'), fullPage: false });
    await dark.close();
  });

  it('shows a name and e-mail box as one row that says which half is missing', async () => {
    await openSample('15-sms-incomplete.eml');
    const rows = pane().locator('[data-field]').filter({ hasText: 'Nominating head teacher/senior leader (name and e-mail)' });
    expect(await rows.count()).toBe(1);
    const row = await rows.innerText();
    expect(row).toMatch(/Mr Robert Ashworth\s*E-mail address missing/);
    expect(row).toContain('the e-mail address is missing.');
    await rows.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'harness-name-and-email.png') });
  });

  it('says once why no form was found, and what each attachment is', async () => {
    await openSample('12-no-form-attached.eml');
    const text = await pane().locator('main').innerText();
    const reason = 'No application form is attached to this email';
    expect(text.split(reason)).toHaveLength(2);
    expect(await pane().getByRole('region', { name: 'Attachments' }).innerText()).toMatch(
      /\.pdf\s*A PDF that is none of the known application forms/,
    );
  });

  it('offers no template from meeting minutes, and lists the minutes and the PDF', async () => {
    await page.getByLabel('Open email').setInputFiles({ name: 'minutes.eml', mimeType: 'message/rfc822', buffer: await minutesEmail() });
    await pane().getByText('Minutes of the maths leads meeting, and the spring timetable').waitFor();
    await pane().getByTestId('verdict').waitFor();
    expect(
      await pane()
        .getByRole('button', { name: /Make a template/ })
        .count(),
    ).toBe(0);
    const attachments = await pane().getByRole('region', { name: 'Attachments' }).innerText();
    expect(attachments).toMatch(/Maths leads minutes 12 March\.docx\s*A Word document that is not laid out as a form/);
    expect(attachments).toMatch(/Spring timetable\.pdf\s*A PDF that is none of the known application forms/);
    expect(await pane().getByRole('region', { name: 'A new form?' }).innerText()).toMatch(/No attachment is laid out as a form/);
    await page.screenshot({ path: join(OUT, 'harness-minutes-and-pdf.png') });
  });

  it('gives the Already filed box the tone of the item’s Status', async () => {
    await openSample('08-sms-word-limit.eml');
    await pane().getByRole('button', { name: 'File to SharePoint' }).click();
    await pane().getByText('Filed', { exact: true }).waitFor();
    await openSample('02-tfm-complete.eml');
    await openSample('08-sms-word-limit.eml');
    await pane().getByText('Already filed', { exact: true }).waitFor();
    const box = pane().getByTestId('filing-status').locator('[data-status]');
    expect(await box.getAttribute('data-status')).toBe('Needs info');
    const needsInfo = await box.evaluate((el) => getComputedStyle(el).backgroundColor);
    await openSample('03-readiness-complete.eml'); // filed complete: New
    await pane().getByText('Already filed', { exact: true }).waitFor();
    const filedNew = await pane()
      .getByTestId('filing-status')
      .locator('[data-status]')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(needsInfo).not.toBe(filedNew);
    await openSample('08-sms-word-limit.eml');
    await pane().getByText('Already filed', { exact: true }).waitFor();
    await page.screenshot({ path: join(OUT, 'harness-already-filed-needs-info.png') });
  });

  it('met no Content-Security-Policy violation in all of the above', () => {
    expect(violations).toEqual([]);
  });
});
