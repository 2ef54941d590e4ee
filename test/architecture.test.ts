// The house rules for the Office and sign-in adapters, checked on the source: Office.js is touched
// only by the Office adapter (and the harness's shim of it), and neither the Office nor the auth
// adapter imports another adapter (the entries wire them together).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const sources = files(SRC).map((file) => ({ file: relative(SRC, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
const importsOf = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

describe('adapter boundaries', () => {
  it('touches Office.js only in the Office adapter and the harness shim', () => {
    const offenders = sources
      .filter((s) => !s.file.startsWith('adapters/office/') && !s.file.startsWith('harness/'))
      .filter((s) => /\bOffice\s*\.|reference types="office-js"/.test(code(s.text)))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it("lets the pane reach Graph only through the adapter's pane module (its ports are built on it)", () => {
    const offenders = sources
      .filter((s) => s.file.startsWith('taskpane/'))
      .flatMap((s) =>
        importsOf(s.text)
          .filter((i) => /adapters\/(graph|wire)\//.test(i) && !/adapters\/graph\/pane$/.test(i))
          .map((i) => `${s.file} → ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the Office and auth adapters from importing any other adapter', () => {
    const offenders = sources
      .filter((s) => s.file.startsWith('adapters/office/') || s.file.startsWith('adapters/auth/'))
      .flatMap((s) =>
        importsOf(s.text)
          .filter((i) => /^\.\.\/(?!\.\.)/.test(i))
          .map((i) => `${s.file} → ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});
