// The files a command works on: paths as given, folders read recursively in name order. Every
// file is taken, whatever its name: each gets a report saying what it is (nothing skipped in silence).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Inputs {
  readonly files: string[];
  readonly missing: string[];
}

export function collectInputs(paths: readonly string[]): Inputs {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files, missing };
}
