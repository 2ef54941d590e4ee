// Builds dist/ with webpack when any source is newer than the last build, so the harness, the
// end-to-end tests and the bench always serve the code as it is (a fresh clone builds once, ~45 s).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** Builds when needed; says so first through `onBuild`. Returns whether it built. */
export function ensureBuilt(onBuild?: () => void): boolean {
  const sources = Math.max(
    newest(join(ROOT, 'src')),
    newest(join(ROOT, 'webpack.config.js')),
    newest(join(ROOT, 'manifest.xml')),
    newest(join(ROOT, 'package-lock.json')),
  );
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return false;
  onBuild?.();
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  writeFileSync(STAMP, new Date().toISOString());
  return true;
}
