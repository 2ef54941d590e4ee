// What several commands share and main needs before any command's modules are loaded: the
// options that say where SharePoint is, and the project's folder.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the commands that talk to SharePoint send their requests (see connection.ts). */
export const TARGET_OPTIONS = {
  graph: { type: 'string' },
  site: { type: 'string' },
  list: { type: 'string' },
  library: { type: 'string' },
  config: { type: 'string' },
} as const;

/** The nearest folder at or above `from` with a package.json: the project's own, whether this code runs from src/cli or bundled in dist-cli. */
export function projectDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const PROJECT_DIR = projectDir(__dirname);
