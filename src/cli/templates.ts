// The catalogue a command works with: the built-in templates, then the site's Form Templates list,
// then a hub's own folder of templates (later wins on the same id).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadSiteTemplates, TemplatesListMissing } from '../adapters/graph';
import { loadCatalogue, type Catalogue, type HubTemplate } from '../core/catalogue';
import { UsageError } from './usage';
import { type Connection, loadConfig } from './connection';

const warn = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The built-in catalogue with the site's templates and a hub's own folder: from --templates, else
 * from the configuration file's `templates` folder (relative to the file), else none. A site
 * template that is not valid is reported on stderr and left out; a file in the folder that is not
 * valid stops the command (the hub manager named that folder, so it must be right).
 */
export function catalogueWith(templatesFlag: string | undefined, configPath?: string, site: readonly HubTemplate[] = []): Catalogue {
  const templatesDir = templatesFlag ?? configuredTemplates(configPath);
  const folder = templatesDir ? folderTemplates(templatesDir) : [];
  const usable: HubTemplate[] = [];
  for (const template of site) {
    if (template.data === undefined) warn(`hub-intake: warning: ${template.source} is not valid JSON; it is left out.`);
    else usable.push(template);
  }
  const fromSite = new Set(usable.map((t) => t.source));
  return loadCatalogue([...usable, ...folder], {
    onInvalid: (error) => {
      if (!fromSite.has(error.source)) throw error;
      warn(
        `hub-intake: warning: ${error.message}\n  It is left out; correct it and save it again with \`hub-intake template <file.json> --save --replace\`.`,
      );
    },
  });
}

function folderTemplates(templatesDir: string): HubTemplate[] {
  let names: string[];
  try {
    names = readdirSync(templatesDir);
  } catch {
    throw new UsageError(`no such templates folder: ${templatesDir}`);
  }
  return names
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
}

function configuredTemplates(configPath: string | undefined): string | undefined {
  const { config, source } = loadConfig(configPath);
  return config.templates && source ? resolve(dirname(source), config.templates) : undefined;
}

/**
 * The templates saved in the site's Form Templates list. A site without that list yet is a
 * one-line note (unless `quiet`: provision is about to create it) and no templates.
 */
export async function siteTemplates(connection: Connection, options: { quiet?: boolean } = {}): Promise<HubTemplate[]> {
  try {
    return await loadSiteTemplates(connection.client, connection.site);
  } catch (error) {
    if (!(error instanceof TemplatesListMissing)) throw error;
    if (!options.quiet) warn(`hub-intake: note: ${error.message}`);
    return [];
  }
}
