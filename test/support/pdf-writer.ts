// The smallest PDF that pdf.js reads as Word's "Save as PDF" output is read: pages of drawing
// operators, Helvetica and Helvetica-Bold, link annotations and an image. For tests that place text
// and lines exactly; the forms as LibreOffice saves them are in test/fixtures/formats.

export interface PdfPage {
  /** The page's content stream: text (`text()`), lines and boxes (`box()`, `line()`). */
  readonly content: string;
  readonly links?: readonly { rect: readonly [number, number, number, number]; url: string }[];
  /** Draws a picture over the whole page, as a scanner does. */
  readonly image?: boolean;
  /** Form fields (AcroForm) and their widgets: a text box's value, a checkbox's or radio button's state. */
  readonly fields?: readonly PdfField[];
}

export type PdfField =
  | { kind: 'text'; rect: readonly [number, number, number, number]; value: string }
  | { kind: 'checkbox'; rect: readonly [number, number, number, number]; checked: boolean }
  | { kind: 'radio'; rect: readonly [number, number, number, number]; value: string; chosen: string }
  | { kind: 'list'; rect: readonly [number, number, number, number]; values: readonly string[] };

/** Fonts beyond Helvetica (F1) and Helvetica-Bold (F2), by the name the PDF gives them. */
const FONTS = ['Arial-Black', 'Futura-Heavy', 'AvenirNext-DemiBold', 'Georgia-Italic'] as const;

/**
 * Text at (x, y), in Helvetica (`bold`: Helvetica-Bold, `font`: another by name), size 11 unless
 * said. `flipped`: for a page drawn upside down by its `cm` (as Chrome writes PDFs), the text
 * matrix flips it back.
 */
export const text = (
  x: number,
  y: number,
  s: string,
  options: { bold?: boolean; size?: number; rotate?: boolean; flipped?: boolean; font?: (typeof FONTS)[number] } = {},
) => {
  const font = options.font ? `F${3 + FONTS.indexOf(options.font)}` : options.bold ? 'F2' : 'F1';
  const place = options.rotate ? `0 1 -1 0 ${x} ${y} Tm` : options.flipped ? `1 0 0 -1 ${x} ${y} Tm` : `${x} ${y} Td`;
  return `BT /${font} ${options.size ?? 11} Tf ${place} (${s.replace(/[()\\]/g, '\\$&')}) Tj ET`;
};
/** A stroked rectangle from its lower-left corner. */
export const box = (x: number, y: number, w: number, h: number) => `${x} ${y} ${w} ${h} re S`;
/** A stroked straight line. */
export const line = (x1: number, y1: number, x2: number, y2: number) => `${x1} ${y1} m ${x2} ${y2} l S`;

export function pdfOf(...pages: (PdfPage | string)[]): Uint8Array {
  return pdfDocument({}, ...pages);
}

/**
 * `encrypted`: locked with a password under the standard security handler. No password opens it:
 * the hashes that would check one are made up, which is all a reader without the password sees.
 */
export function pdfDocument(options: { encrypted?: boolean }, ...pages: (PdfPage | string)[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const tree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const others = FONTS.map((name) => add(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`));
  const image = add(
    '<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream',
  );
  const blank = add('<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 0 >>\nstream\n\nendstream');
  const fields: number[] = [];
  const kids: number[] = [];
  for (const spec of pages) {
    const page: PdfPage = typeof spec === 'string' ? { content: spec } : spec;
    const content = page.image ? `q 595 0 0 842 0 0 cm /Im1 Do Q\n${page.content}` : page.content;
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const annots = (page.links ?? []).map((l) =>
      add(`<< /Type /Annot /Subtype /Link /Rect [${l.rect.join(' ')}] /Border [0 0 0] /A << /S /URI /URI (${l.url}) >> >>`),
    );
    for (const f of page.fields ?? []) {
      const common = `/Type /Annot /Subtype /Widget /Rect [${f.rect.join(' ')}] /T (f${fields.length})`;
      const body =
        f.kind === 'text'
          ? `/FT /Tx /V (${f.value})`
          : f.kind === 'checkbox'
            ? `/FT /Btn /V /${f.checked ? 'Yes' : 'Off'} /AS /${f.checked ? 'Yes' : 'Off'} /AP << /N << /Yes ${blank} 0 R /Off ${blank} 0 R >> >>`
            : f.kind === 'radio'
              ? `/FT /Btn /Ff 49152 /V /${f.chosen} /AS /${f.chosen === f.value ? f.value : 'Off'} /AP << /N << /${f.value} ${blank} 0 R /Off ${blank} 0 R >> >>`
              : `/FT /Ch /Ff 2097152 /Opt [${f.values.map((v) => `(${v})`).join(' ')}] /V [${f.values.map((v) => `(${v})`).join(' ')}]`;
      const widget = add(`<< ${common} ${body} >>`);
      fields.push(widget);
      annots.push(widget);
    }
    kids.push(
      add(
        `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R ${others.map((o, i) => `/F${3 + i} ${o} 0 R`).join(' ')} >> /XObject << /Im1 ${image} 0 R >> >> ` +
          `/Contents ${stream} 0 R${annots.length ? ` /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}]` : ''} >>`,
      ),
    );
  }
  const form = fields.length ? ` /AcroForm << /Fields [${fields.map((f) => `${f} 0 R`).join(' ')}] >>` : '';
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R${form} >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const lock = options.encrypted
    ? ` /Encrypt << /Filter /Standard /V 1 /R 2 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> /P -44 >> /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${lock} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
