// Hostile and broken attachments: each is reported with a specific error, within the named limits.
import { readDocx } from '../../../src/core/docx/read-docx';
import { DOCX_LIMITS, type DocxLimits } from '../../../src/core/docx/limits';
import { HOSTILE_FILES } from '../../support/hostile-files';
import { minimalDocx, p, r, tbl, tc, tr } from '../../support/minimal-docx';

function errorOf(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS) {
  const result = readDocx(bytes, limits);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

describe('hostile and broken attachments', () => {
  it.each(HOSTILE_FILES.map((f) => [f.name, f] as const))('refuses %s with its own error', (_name, file) => {
    expect(file.codes).toContain(errorOf(file.build(), file.limits).code);
  });

  it('never quotes the document or a local file in its message', () => {
    for (const file of HOSTILE_FILES) {
      const message = errorOf(file.build(), file.limits).message;
      expect(message).not.toMatch(/Jane|root:|passwd|lol/);
    }
  });

  it('says what to do about an encrypted or old-format document', () => {
    expect(errorOf(HOSTILE_FILES.find((f) => f.codes.includes('encrypted-document'))!.build()).message).toMatch(/password/);
    expect(errorOf(HOSTILE_FILES.find((f) => f.codes.includes('legacy-word-document'))!.build()).message).toMatch(/\.docx/);
  });

  it('still reads a large but reasonable table', () => {
    const rows = tr(tc(p(r('2015-2018'))), tc(p(r('Ashfield Academy'))), tc(p(r('Teacher')))).repeat(1000);
    expect(readDocx(minimalDocx(tbl(rows))).ok).toBe(true);
  });
});
