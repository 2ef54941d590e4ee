// A hub's own templates: every .json file in a folder, checked against the template schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, type Catalogue } from '../core/catalogue';
import { UsageError } from './usage';

export function catalogueWith(templatesDir: string | undefined): Catalogue {
  if (!templatesDir) return loadCatalogue();
  let names: string[];
  try {
    names = readdirSync(templatesDir);
  } catch {
    throw new UsageError(`no such templates folder: ${templatesDir}`);
  }
  const extra = names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const source = join(templatesDir, name);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(source, 'utf8'));
      } catch {
        throw new Error(`Template ${source} is not valid JSON.`);
      }
      return { data, source };
    });
  return loadCatalogue(extra);
}
