// End to end, as a hub manager meets a new programme's form: an application whose form matches
// no known form → "Make a template from this form" (or from the blank form) → the proposal, checked and corrected in the
// pane → tried on the email → saved to the site's Form Templates list (and the form's columns
// added to the Applications list) → the email read with it and filed with its fields. Another hub
// manager's pane (another browser profile) then reads the same form at once; saving the same id
// again is a conflict that can be resolved by replacing. Screenshots in test-output/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ensureBuilt } from '../../src/harness/build';
import { startHarness, type Harness } from '../../src/harness/serve';
import { launchChromium, type Browser } from './support/browser';
import { newFormEmail } from './support/new-form-email';

const UNSEEN_BLANK = join(__dirname, '..', '..', 'samples', 'unseen', 'blank', 'primary-mastery-specialist-2024.docx');

jest.setTimeout(180_000);

const OUT = join(__dirname, '..', '..', 'test-output');
const PANE = 'iframe[title="Hub Intake task pane"]';
const MESSAGE_ID = '<pms-kingsbury-green@kingsburygreen.bham.sch.uk>';

let harness: Harness;
let dataDir: string;
const browsers: Browser[] = [];

async function openPage(): Promise<{ page: Page; pane: FrameLocator }> {
  const browser = await launchChromium({ width: 1280, height: 1000 });
  browsers.push(browser);
  const page = await browser.context.newPage();
  await page.goto(harness.url);
  await page.locator('button[data-sample]:not([disabled])').first().waitFor();
  return { page, pane: page.frameLocator(PANE) };
}

async function openNewFormEmail(page: Page, pane: FrameLocator) {
  await page
    .getByLabel('Open email')
    .setInputFiles({ name: 'kingsbury-green.eml', mimeType: 'message/rfc822', buffer: await newFormEmail(MESSAGE_ID) });
  await pane.getByText('Primary Mastery Specialist application - Kingsbury Green').waitFor();
  await pane.getByTestId('verdict').waitFor();
}

async function graph<T>(path: string): Promise<T> {
  const response = await fetch(`${harness.storeUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'hub-intake-e2e-template-'));
  harness = await startHarness({ port: 0, dataDir });
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await harness?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a new programme’s form, made into a template in the task pane', () => {
  let page: Page;
  let pane: FrameLocator;
  // A second hub manager, on the same email at the same time.
  let other: { page: Page; pane: FrameLocator };

  it('offers to make a template from an attachment that matches no known form', async () => {
    ({ page, pane } = await openPage());
    other = await openPage();
    await openNewFormEmail(other.page, other.pane);
    // This one starts from the blank form the hub sends out, chosen from the computer.
    await other.pane.locator('input[type="file"]').setInputFiles(UNSEEN_BLANK);
    await other.pane.getByText('Made from primary-mastery-specialist-2024.docx.', { exact: false }).waitFor();
    await openNewFormEmail(page, pane);
    expect(await pane.getByRole('heading', { level: 2, name: 'No application form found' }).count()).toBe(1);
    const offer = pane.getByRole('region', { name: 'A new form?' });
    expect(await offer.innerText()).toMatch(/PMS application - Kingsbury Green\.docx is not a form Hub Intake knows/);
    await offer.getByRole('button', { name: 'Make a template from this form' }).click();
    await pane.getByRole('heading', { level: 1, name: 'New form template' }).waitFor();
  });

  it('proposes the fields, the signatories and the deadline, with nothing the applicant wrote in them', async () => {
    const fields = pane.getByRole('list', { name: 'Fields' });
    await fields.waitFor();
    const labels = await fields
      .getByRole('textbox', { name: 'Label on the form' })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(labels).toEqual(
      expect.arrayContaining([
        'Name of school',
        'School URN',
        'Teacher reference number (TRN)',
        'Applicant statement',
        'Headteacher statement',
      ]),
    );
    const signatories = pane.getByRole('list', { name: 'Signatories' });
    expect(
      await signatories
        .getByRole('textbox', { name: 'Who signs' })
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['Headteacher', 'Applicant']);
    // What Kingsbury Green wrote on its form is nowhere in the template.
    const everything = await pane.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join('\n'));
    for (const written of ['Kingsbury', 'Osei', 'Barnes', '103412', '1734592', '2023-24']) expect(everything).not.toContain(written);
    expect(await pane.getByRole('list', { name: 'Check before saving' }).innerText()).toMatch(/filled-in/i);
    await pane.getByRole('heading', { level: 1, name: 'New form template' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'template-editor.png') });
    // Usable in the narrowest pane Outlook gives.
    await page.getByLabel('Task pane width').selectOption('320');
    const frame = page.frame({ url: /taskpane\.html/ })!;
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await pane.getByRole('list', { name: 'Signatories' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'template-editor-320px.png') });
    await page.getByLabel('Task pane width').selectOption('360');
  });

  it('is corrected in the pane: a key renamed, a field made required, a word limit set', async () => {
    const school = pane.getByRole('listitem', { name: /^Field \d+: Name of school$/ });
    await school.getByRole('textbox', { name: 'Key' }).fill('schoolName');
    const role = pane.getByRole('listitem', { name: /^Field \d+: Current role and year group taught$/ });
    await role.getByRole('checkbox', { name: 'Required' }).check();
    const statement = pane.getByRole('listitem', { name: /^Field \d+: Applicant statement$/ });
    await statement.getByRole('spinbutton', { name: 'Word limit' }).fill('500');
    // A key that is not a key is caught before anything is saved.
    await school.getByRole('textbox', { name: 'Key' }).fill('School name');
    await pane.getByRole('button', { name: 'Save to SharePoint' }).click();
    expect(await pane.getByRole('list', { name: 'Problems with the template' }).innerText()).toMatch(
      /Field “Name of school” \(key\): must be a camelCase key/,
    );
    await school.getByRole('textbox', { name: 'Key' }).fill('schoolName');
    expect(await pane.getByRole('list', { name: 'Problems with the template' }).count()).toBe(0);
  });

  it('reads this email with the template before it is saved', async () => {
    await pane.getByRole('button', { name: 'Read this email with the template' }).click();
    const trial = pane.getByTestId('template-trial');
    await trial.getByText(/^Read \d+ of \d+ fields/).waitFor();
    const text = await trial.innerText();
    const [, read, all] = /Read (\d+) of (\d+) fields; 2 of 2 signatories copied in/.exec(text) ?? [];
    expect(Number(read)).toBe(Number(all));
    expect(text).toMatch(/Name of school:\s*Kingsbury Green Primary School/);
    await trial.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'template-trial.png') });
  });

  it('saves it to the site, adds its columns to the list, and reads the email with it', async () => {
    await pane.getByRole('button', { name: 'Save to SharePoint' }).click();
    const notice = pane.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Template saved[\s\S]*Form Templates list; this email has been read with it\./);
    expect(await pane.getByRole('heading', { level: 2, name: /Primary Mastery Specialist Programme 2024\/25/ }).count()).toBe(1);
    expect(await pane.getByTestId('verdict').innerText()).toMatch(/^Complete/);
    expect(await pane.getByRole('region', { name: 'Signatories' }).innerText()).not.toMatch(/Not copied in/);
    await page.screenshot({ path: join(OUT, 'template-saved.png') });

    const saved = await graph<{ value: { fields: { TemplateId: string; Template: string; SavedBy?: string } }[] }>(
      '/sites/root/lists/Form%20Templates/items?$expand=fields',
    );
    expect(saved.value).toHaveLength(1);
    const template = JSON.parse(saved.value[0]!.fields.Template) as {
      id: string;
      fields: { key: string; required: boolean; wordLimit?: { words: number } }[];
    };
    expect(saved.value[0]!.fields.TemplateId).toBe(template.id);
    expect(template.fields.find((f) => f.key === 'schoolName')).toBeDefined();
    expect(template.fields.find((f) => f.key === 'applicantStatement')?.wordLimit?.words).toBe(500);
    const columns = await graph<{ value: { name: string }[] }>('/sites/root/lists/Applications/columns');
    expect(columns.value.map((c) => c.name)).toContain('schoolName');
  });

  it('files the application with the new form’s fields in their columns', async () => {
    await pane.getByRole('button', { name: 'File to SharePoint' }).click();
    await pane.getByText('Filed', { exact: true }).waitFor();
    const items = await graph<{ value: { fields: Record<string, unknown> }[] }>('/sites/root/lists/Applications/items?$expand=fields');
    const item = items.value.find((i) => i.fields.InternetMessageId === MESSAGE_ID)!;
    expect(item.fields).toMatchObject({
      schoolName: 'Kingsbury Green Primary School',
      Programme: expect.stringMatching(/Primary Mastery Specialist/),
    });
  });

  it('tells a second manager saving the same form at the same time, and replaces only when asked', async () => {
    await other.pane.getByRole('button', { name: 'Save to SharePoint' }).click();
    const conflict = other.pane.getByText('Already on the site');
    await conflict.waitFor();
    expect(await other.pane.getByText(/A template with the id “[a-z0-9-]+” was saved by [^.]+ on /).count()).toBe(1);
    await other.page.screenshot({ path: join(OUT, 'template-conflict.png') });
    await other.pane.getByRole('button', { name: 'Replace it' }).click();
    await other.pane.getByTestId('notice').waitFor();
    const saved = await graph<{ value: { fields: { Template: string } }[] }>('/sites/root/lists/Form%20Templates/items?$expand=fields');
    expect(saved.value).toHaveLength(1); // replaced, not saved twice
    expect(JSON.parse(saved.value[0]!.fields.Template).fields.some((f: { key: string }) => f.key === 'schoolName')).toBe(false); // theirs, unedited
  });

  it('is used at once by any other hub manager’s pane, which offers no template for a form it knows', async () => {
    const third = await openPage();
    await openNewFormEmail(third.page, third.pane);
    await third.pane.getByRole('heading', { level: 2, name: /Primary Mastery Specialist Programme 2024\/25/ }).waitFor();
    await third.pane.getByText('Already filed', { exact: true }).waitFor();
    expect(await third.pane.getByRole('button', { name: 'Make a template from this form' }).count()).toBe(0);
  });
});
