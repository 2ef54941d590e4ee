// A hub's own templates: every .json file in a folder, checked against the template schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, type Catalogue } from '../core/catalogue';

export function catalogueWith(templatesDir: string | undefined): Catalogue {
  if (!templatesDir) return loadCatalogue();
  const extra = readdirSync(templatesDir)
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
