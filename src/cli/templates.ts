// A hub's own templates: every .json file in a folder, checked against the template schema.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadCatalogue, type Catalogue } from '../core/catalogue';
import { UsageError } from './usage';
import { loadConfig } from './connection';

/**
 * The built-in catalogue with a hub's own templates: from --templates, else from the
 * configuration file's `templates` folder (relative to the file), else none.
 */
export function catalogueWith(templatesFlag: string | undefined, configPath?: string): Catalogue {
  const templatesDir = templatesFlag ?? configuredTemplates(configPath);
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

function configuredTemplates(configPath: string | undefined): string | undefined {
  const { config, source } = loadConfig(configPath);
  return config.templates && source ? resolve(dirname(source), config.templates) : undefined;
}
