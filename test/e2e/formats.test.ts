// End to end: an application whose form is a PDF, and one whose form is a Word 97-2003 .doc,
// opened in the task pane in the harness (headless Chromium): the worker reads them (PDF's
// reader loaded only then) and the pane shows the programme and the verdict, as for a .docx.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../src/harness/serve';
import { launchChromium, type Browser } from './support/browser';
import { ensureBuilt } from '../../src/harness/build';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output');
const PANE = 'iframe[title="Hub Intake task pane"]';
const FORMS = join(ROOT, 'test', 'fixtures', 'formats', 'forms');

let harness: Harness;
let browser: Browser;
let page: Page;
let dir: string;
const pane = (): FrameLocator => page.frameLocator(PANE);

/** The sample email with its .docx part replaced by the same form in another format. */
function withForm(format: 'pdf' | 'doc', type: string): string {
  const eml = readFileSync(join(ROOT, 'samples', 'emails', '01-sms-complete.eml'), 'latin1');
  const part = eml.match(/--([^\r\n]+)\r?\n(Content-Type:\s+application\/vnd\.openxmlformats[^]*?)(?=\r?\n--\1)/)![2]!;
  const base64 = readFileSync(join(FORMS, `01-sms-complete.${format}`))
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  const replaced = [
    `Content-Type: ${type}; name="Application.${format}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="Application.${format}"`,
    '',
    base64,
  ].join('\r\n');
  return eml.replace(part, replaced).replace(/^Subject: .*$/m, `Subject: Application as ${format.toUpperCase()}`);
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'hub-intake-e2e-formats-'));
  mkdirSync(join(dir, 'emails'));
  writeFileSync(join(dir, 'emails', 'pdf-form.eml'), withForm('pdf', 'application/pdf'), 'latin1');
  writeFileSync(join(dir, 'emails', 'doc-form.eml'), withForm('doc', 'application/msword'), 'latin1');
  harness = await startHarness({ port: 0, dataDir: join(dir, 'data'), samplesDir: join(dir, 'emails') });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(harness.url);
  await page.locator('button[data-sample]:not([disabled])').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, subject: string) {
  await page.locator(`button[data-sample="${file}"]:not([disabled])`).click();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const shown = await pane()
      .locator('h1')
      .first()
      .innerText()
      .catch(() => '');
    if (shown.includes(subject) && (await pane().getByTestId('verdict').count())) return;
    if (Date.now() > deadline) throw new Error(`the pane did not show ${file}`);
    await page.waitForTimeout(100);
  }
}

describe('forms in other formats in the task pane', () => {
  it.each([
    ['pdf-form.eml', 'Application as PDF'],
    ['doc-form.eml', 'Application as DOC'],
  ])('reads the form in %s as the .docx', async (file, subject) => {
    await open(file, subject);
    expect(await pane().getByRole('heading', { level: 2, name: 'Secondary Mastery Specialist Programme 2018/19 (Cohort 3)' }).count()).toBe(
      1,
    );
    expect(await pane().getByTestId('verdict').innerText()).toMatch(/^Complete/);
    await page.screenshot({ path: join(OUT, `formats-${file.replace(/\.eml$/, '')}.png`) });
  });
});
