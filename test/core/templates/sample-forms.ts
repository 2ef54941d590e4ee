// The sample forms the template tests read: blank forms, and filled copies bare or attached to emails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../../../src/adapters/mail-files/read-eml';
import type { WordDocument } from '../../../src/core/docx/model';
import { readDocx } from '../../../src/core/docx/read-docx';

export const samples = join(__dirname, '..', '..', '..', 'samples');

export function documentOf(bytes: Uint8Array): WordDocument {
  const read = readDocx(bytes);
  if (!read.ok) throw new Error(read.error.code);
  return read.document;
}

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Filled forms of one programme: bare forms and the forms attached to sample emails. */
export async function filledForms(formId: string): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const file of readdirSync(join(samples, 'expected')).sort()) {
    const expected = JSON.parse(readFileSync(join(samples, 'expected', file), 'utf8')) as {
      source: string;
      forms: { attachment: string; formId: string }[];
    };
    const bytes = readFileSync(join(samples, '..', expected.source));
    if (expected.source.endsWith('.docx')) {
      if (expected.forms[0]?.formId === formId) out.push([expected.source, new Uint8Array(bytes)]);
      continue;
    }
    const message = await readEml(new Uint8Array(bytes));
    for (const form of expected.forms.filter((f) => f.formId === formId)) {
      const attachment = message.attachments.find((a) => a.name === form.attachment);
      if (attachment) out.push([`${expected.source} / ${form.attachment}`, attachment.bytes]);
    }
  }
  return out;
}
