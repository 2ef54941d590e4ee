// Every generated sample against what scripts/make-samples.ts says a correct checker reports.
// The expected values are written from the values put into each form, by forms.md's rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../src/cli/check-file';
import { loadCatalogue } from '../src/core/catalogue';

interface Expected {
  source: string;
  forms: {
    attachment: string;
    formId: string | null;
    fields: Record<string, unknown>;
    signatories: { role: string; email: string | null; status: string | null }[];
    issues: { code: string; field?: string; severity?: string; role?: string }[];
  }[];
  messageIssues: { code: string; severity?: string; attachment?: string }[];
  complete: boolean;
}

/** Issues as the expected files give them (no message wording), in a fixed order. */
function comparable(issues: readonly object[]): string[] {
  const pick = ({
    severity,
    code,
    field,
    role,
    attachment,
  }: {
    severity?: string;
    code?: string;
    field?: string;
    role?: string;
    attachment?: string;
  }) => JSON.stringify({ severity, code, field, role, attachment });
  return issues.map(pick).sort();
}

const root = join(__dirname, '..');
const expectedDir = join(root, 'samples', 'expected');
const cases = readdirSync(expectedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as Expected);
const catalogue = loadCatalogue();

describe.each(cases.map((c) => [c.source, c] as const))('%s', (source, expected) => {
  let report: Awaited<ReturnType<typeof checkFile>>;
  beforeAll(async () => {
    report = await checkFile(join(root, source), catalogue);
  });

  it('finds the expected forms', () => {
    expect(report.forms.map((f) => [f.attachment, f.formId])).toEqual(expected.forms.map((f) => [f.attachment, f.formId]));
  });

  it('reads every field exactly', () => {
    expected.forms.forEach((form, i) => expect(report.forms[i]?.fields).toEqual(form.fields));
  });

  it('checks every signatory', () => {
    expected.forms.forEach((form, i) => {
      expect(report.forms[i]?.signatories.map(({ role, email, status }) => ({ role, email, status }))).toEqual(form.signatories);
    });
  });

  it('reports exactly the issues the sample was built to show, no more', () => {
    expected.forms.forEach((form, i) => expect(comparable(report.forms[i]?.issues ?? [])).toEqual(comparable(form.issues)));
    expect(comparable(report.issues)).toEqual(comparable(expected.messageIssues));
  });

  it('gives the verdict', () => {
    expect(report.complete).toBe(expected.complete);
  });
});
