// The catalogue's schemas: the single source of the template and hub types.
// A hub's own templates are JSON files validated by the same schemas.
import { z } from 'zod';

export const Hub = z.object({
  name: z.string().min(1).describe('Canonical name, as the programme appendix prints it'),
  region: z.string().min(1),
  leadSchool: z.string().min(1),
  aliases: z.array(z.string()).default([]).describe('Other ways schools write the hub'),
});
export type Hub = z.infer<typeof Hub>;

export const FieldType = z.enum([
  'text', // one line: white space folded
  'multiline', // lines kept as \n (an address)
  'name', // a person's name; an email in the same cell is left out
  'email',
  'urn',
  'trn',
  'phone',
  'yesNo',
  'number',
  'date', // read as yyyy-mm-dd
  'hub',
  'statement', // paragraphs joined by \n\n, with an optional word limit
  'rows', // a table the applicant adds rows to
]);
export type FieldType = z.infer<typeof FieldType>;

const key = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a camelCase key');

export const Column = z.object({ key, label: z.string().min(1), aliases: z.array(z.string()).default([]) });
export type Column = z.infer<typeof Column>;

export const Field = z.object({
  key,
  label: z.string().min(1).describe('The label printed on the form, beside or above the answer'),
  aliases: z.array(z.string()).default([]).describe('Other wordings of the label in other versions of the form'),
  type: FieldType,
  required: z.boolean().default(false),
  requiredWhen: z.object({ field: key, equals: z.union([z.boolean(), z.string()]) }).optional(),
  section: z.string().optional().describe('The heading or row header the label stands under'),
  after: key.optional().describe('A field whose label stands before this one: the first matching label after it'),
  wordLimit: z.object({ words: z.number().int().positive(), kind: z.enum(['maximum', 'approx']) }).optional(),
  prompts: z.array(z.string()).default([]).describe("The form's own text in the answer box, which is not an answer"),
  columns: z.array(Column).optional().describe('For rows: the table header cells'),
  essential: z
    .object({ equals: z.boolean(), criterion: z.string() })
    .optional()
    .describe('An answer other than this makes the applicant ineligible'),
});
export type Field = z.infer<typeof Field>;

export const Signatory = z.object({
  role: key,
  label: z.string().min(1),
  emailField: key,
  nameField: key.optional(),
});
export type Signatory = z.infer<typeof Signatory>;

export const Criterion = z.object({
  id: key,
  kind: z.enum(['essential', 'desirable']),
  text: z.string().min(1),
  settledBy: z.object({ field: key, equals: z.union([z.boolean(), z.string()]) }).optional(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Deadline = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional()
    .describe('Without a time: the end of that day'),
  timeZone: z.string().default('Europe/London'),
  wording: z.string().optional().describe('The deadline as the form words it'),
});
export type Deadline = z.infer<typeof Deadline>;

export const Template = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    programme: z.string().min(1),
    identify: z.array(z.string()).default([]).describe("Phrases of the form's own title"),
    returnTo: z.object({ address: z.string().email(), name: z.string().optional() }).optional(),
    deadline: Deadline.optional(),
    hubs: z.union([z.literal('all'), z.array(z.string()).min(1)]).default('all'),
    sections: z.array(z.string()).default([]).describe('Headings that tell repeated labels apart'),
    endMarkers: z.array(z.string()).default([]).describe('Headings where a free-text answer ends'),
    fields: z.array(Field).default([]).describe('Empty while the programme has no published form'),
    signatories: z.array(Signatory).default([]),
    criteria: z.array(Criterion).default([]),
  })
  .superRefine((template, ctx) => {
    const keys = new Set<string>();
    for (const field of template.fields) {
      if (keys.has(field.key)) ctx.addIssue({ code: 'custom', message: `Field key ${field.key} is used twice`, path: ['fields'] });
      keys.add(field.key);
    }
    const refs = [
      ...template.fields.flatMap((f) => [f.after, f.requiredWhen?.field]),
      ...template.signatories.flatMap((s) => [s.emailField, s.nameField]),
      ...template.criteria.map((c) => c.settledBy?.field),
    ];
    for (const ref of refs) {
      if (ref && !keys.has(ref)) ctx.addIssue({ code: 'custom', message: `Unknown field ${ref}`, path: ['fields'] });
    }
    for (const field of template.fields) {
      if (field.type === 'rows' && !field.columns?.length)
        ctx.addIssue({ code: 'custom', message: `Field ${field.key} has no columns`, path: ['fields'] });
      if (field.section && !template.sections.includes(field.section)) {
        ctx.addIssue({
          code: 'custom',
          message: `Field ${field.key} names section "${field.section}", which is not in sections`,
          path: ['fields'],
        });
      }
    }
  });
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;
