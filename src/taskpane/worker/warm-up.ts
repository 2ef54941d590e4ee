// Warming the checker up as soon as its worker starts. The first form read in a fresh JavaScript
// engine is many times slower than the next (the Word reader not yet compiled, and each template
// label's Unicode pattern compiled on its first use), so the worker reads, while the pane is still
// starting, a small form it makes from the catalogue's own labels. When the email's form arrives,
// it is read at full speed.
import { strToU8, zipSync } from 'fflate';
import type { Catalogue } from '../../core/catalogue';
import { checkDocument } from '../../core/check';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;

/** A form with every label of a template in a two-column table, answers beside them. */
export function warmUpForm(template: Catalogue['templates'][number]): Uint8Array {
  const labels = new Set<string>();
  for (const field of template.fields) {
    labels.add(field.label);
    field.aliases.forEach((a) => labels.add(a));
    field.columns?.forEach((c) => labels.add(c.label));
  }
  const rows = [...template.sections, ...labels].map((label) => `<w:tr>${cell(label)}${cell('Yes 123456 a@b.uk')}</w:tr>`).join('');
  const body = `${template.identify.map(p).join('')}${p(template.title)}<w:tbl><w:tblPr/><w:tblGrid/>${rows}</w:tbl>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

/** Reads one template's warm-up form. Errors are ignored: this is only warming. */
export function warmUpTemplate(catalogue: Catalogue, template: Catalogue['templates'][number]): void {
  try {
    checkDocument(warmUpForm(template), 'warm-up.docx', catalogue, 'warm-up');
  } catch {
    // nothing to warm
  }
}

/**
 * Warms up one template per task, so that a real request waits for one at most, and stops as soon
 * as `stopped()` says a request came. Returns at once; the work runs in later tasks.
 */
export function warmUpInBackground(
  catalogue: Catalogue,
  stopped: () => boolean,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
): void {
  const queue = catalogue.templates.filter((t) => t.fields.length > 0);
  const next = () => {
    const template = queue.shift();
    if (!template || stopped()) return;
    warmUpTemplate(catalogue, template);
    schedule(next);
  };
  schedule(next);
}
