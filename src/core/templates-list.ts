// The "Form Templates" list: the templates hub managers save to the site, so that every hub
// manager's checks and filing use them. One item per template id; the template itself is its JSON
// in a multi-line text column. Pure: the Graph adapter reads and writes the items.
import type { Template } from './catalogue/schema';
import { type ColumnSpec, TEXT_MAX } from './record';

export const TEMPLATES_LIST = 'Form Templates';

/** The longest value SharePoint keeps in a multi-line text column. */
export const NOTE_MAX = 63_999;

const column = (
  name: string,
  displayName: string,
  kind: ColumnSpec['kind'],
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  displayName,
  kind,
  owner: 'template',
  description,
  ...extra,
});

/** The list's columns besides SharePoint's Title (which holds the template's title). */
export const TEMPLATE_COLUMNS: readonly ColumnSpec[] = [
  column('TemplateId', 'Template id', 'text', "The template's id: one item per template.", { indexed: true, unique: true }),
  column('Programme', 'Programme', 'text', 'The programme the form is for.'),
  column('Template', 'Template', 'note', 'The template as JSON, as `hub-intake template` writes it.'),
  column('SavedBy', 'Saved by', 'text', 'Who saved the template last.'),
];

/** The template as the Template column stores it: compact JSON. */
export function templateJson(template: Template): string {
  return JSON.stringify(template);
}

const clip = (value: string) => (value.length <= TEXT_MAX ? value : `${value.slice(0, TEXT_MAX - 1)}…`);

/** The item's fields for a template saved by someone. */
export function templateFields(template: Template, savedBy: string): Record<string, string> {
  return {
    Title: clip(template.title),
    TemplateId: template.id,
    Programme: clip(template.programme),
    Template: templateJson(template),
    SavedBy: clip(savedBy),
  };
}
