// The catalogue's schemas: the single source of the template and hub types.
// A hub's own templates are JSON files validated by the same schemas. What each property means is
// said in a comment beside it (nothing reads a .describe() text at run time).
import { z } from 'zod';

export const Hub = z.object({
  /** Canonical name, as the programme appendix prints it. */
  name: z.string().min(1),
  region: z.string().min(1),
  leadSchool: z.string().min(1),
  /** Other ways schools write the hub. */
  aliases: z.array(z.string()).default([]),
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
  /** The label printed on the form, beside or above the answer. */
  label: z.string().min(1),
  /** Other wordings of the label in other versions of the form. */
  aliases: z.array(z.string()).default([]),
  type: FieldType,
  required: z.boolean().default(false),
  requiredWhen: z.object({ field: key, equals: z.union([z.boolean(), z.string()]) }).optional(),
  /** The heading or row header the label stands under. */
  section: z.string().optional(),
  /** A field whose label stands before this one: the first matching label after it. */
  after: key.optional(),
  wordLimit: z.object({ words: z.number().int().positive(), kind: z.enum(['maximum', 'approx']) }).optional(),
  /** The form's own text in the answer box, which is not an answer. */
  prompts: z.array(z.string()).default([]),
  /** For rows: the table header cells. */
  columns: z.array(Column).optional(),
  /** An answer other than this makes the applicant ineligible. */
  essential: z.object({ equals: z.boolean(), criterion: z.string() }).optional(),
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
  /** Without a time: the end of that day. */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  timeZone: z.string().default('Europe/London'),
  /** The deadline as the form words it. */
  wording: z.string().optional(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Template = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    programme: z.string().min(1),
    /** Phrases of the form's own title. */
    identify: z.array(z.string()).default([]),
    returnTo: z.object({ address: z.string().email(), name: z.string().optional() }).optional(),
    deadline: Deadline.optional(),
    hubs: z.union([z.literal('all'), z.array(z.string()).min(1)]).default('all'),
    /** Headings that tell repeated labels apart. */
    sections: z.array(z.string()).default([]),
    /** Headings where a free-text answer ends. */
    endMarkers: z.array(z.string()).default([]),
    /** Empty while the programme has no published form. */
    fields: z.array(Field).default([]),
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
