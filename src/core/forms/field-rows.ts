// The rows a person sees for a template's fields: a name and an e-mail box under one label
// ("Head teacher (name and e-mail)") are one row, as on the form, not two.
import type { Field, Template } from '../catalogue/schema';

export interface FieldRow {
  /** The fields shown in this row, in the template's order (one, or a name and its e-mail). */
  readonly fields: readonly Field[];
}

export function fieldRows(template: Pick<Template, 'fields'>): FieldRow[] {
  const rows: FieldRow[] = [];
  const paired = new Set<string>();
  for (const field of template.fields) {
    if (paired.has(field.key)) continue;
    const partner =
      field.type === 'name' || field.type === 'email'
        ? template.fields.find(
            (f) =>
              f.label === field.label &&
              f.section === field.section &&
              f.type === (field.type === 'name' ? 'email' : 'name') &&
              !paired.has(f.key),
          )
        : undefined;
    if (partner) {
      // Both, so that a third field under the label is not paired with either again.
      paired.add(field.key).add(partner.key);
      rows.push({ fields: [field, partner] });
    } else rows.push({ fields: [field] });
  }
  return rows;
}
