// OpenDocument text (.odt: LibreOffice, Google Docs' export): content.xml's paragraphs, spans and
// tables, through the same zip and XML layers as .docx (limits, no entities, bounded nesting).
import { DocxError } from '../docx/errors';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import type { WordDocument } from '../docx/model';
import { openPackage } from '../docx/package';
import { parseXml, type Attributes } from '../docx/xml';
import { DocumentBuilder, type TextStyle } from './builder';

interface Style {
  bold?: boolean;
  strike?: boolean;
  highlight?: boolean;
  parent?: string;
}

/** Text properties of the automatic and common styles, by name. */
function readStyles(xml: string | undefined, part: string, limits: DocxLimits, into: Map<string, Style>): void {
  if (!xml) return;
  let current: Style | null = null;
  parseXml(xml, part, limits.xmlDepth, {
    open(name, a) {
      if (name === 'style:style') {
        current = { parent: a.get('style:parent-style-name') };
        into.set(a.get('style:name') ?? '', current);
      } else if (name === 'style:text-properties' && current) {
        const weight = a.get('fo:font-weight');
        if (weight !== undefined) current.bold = weight === 'bold' || Number(weight) >= 600;
        const strike = a.get('style:text-line-through-style');
        if (strike !== undefined) current.strike = strike !== 'none';
        const background = a.get('fo:background-color');
        if (background !== undefined) current.highlight = !['transparent', '#ffffff', 'none'].includes(background.toLowerCase());
      }
    },
    close(name) {
      if (name === 'style:style') current = null;
    },
    text() {},
  });
}

function resolve(styles: ReadonlyMap<string, Style>, name: string | undefined): Style {
  const out: Style = {};
  for (let depth = 0; name && depth < 20; depth++) {
    const style = styles.get(name);
    if (!style) break;
    out.bold ??= style.bold;
    out.strike ??= style.strike;
    out.highlight ??= style.highlight;
    name = style.parent;
  }
  return out;
}

const CHECKBOX = /FORMCHECKBOX$/;

export function readOdt(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): WordDocument {
  const pkg = openPackage(bytes, (name) => name === 'content.xml' || name === 'styles.xml' || name === 'mimetype', limits);
  const mimetype = pkg.part('mimetype');
  if (mimetype && !/opendocument\.text/.test(mimetype))
    throw new DocxError('not-a-word-document', 'The file is an OpenDocument file but not a text document.');
  const content = pkg.part('content.xml');
  if (content === undefined)
    throw new DocxError('missing-part', 'The document has no content part (content.xml); it is not a complete OpenDocument text.');
  const styles = new Map<string, Style>();
  readStyles(pkg.part('styles.xml'), 'styles.xml', limits, styles);
  readStyles(content, 'content.xml', limits, styles);

  const builder = new DocumentBuilder(limits);
  const spans: Style[] = [];
  const links: string[] = [];
  let paragraphs = 0; // open paragraphs: one in a text box sits inside another
  /** Per table: columns covered by cells spanning rows above, and the current row's walk. */
  const tables: { column: number; horizontal: number; vertical: Map<number, { span: number; rows: number }> }[] = [];
  let inBody = false;
  let checkbox: { checked: boolean } | null = null;
  const style = (): TextStyle => {
    const s: TextStyle = {};
    for (const span of spans)
      Object.assign(s, Object.fromEntries(Object.entries(span).filter(([k, v]) => k !== 'parent' && v !== undefined)));
    const link = links[links.length - 1];
    return link ? { ...s, link } : s;
  };
  const count = (a: Attributes, name: string) => Math.max(1, Math.min(Number(a.get(name) ?? 1) || 1, 1000));

  parseXml(content, 'content.xml', limits.xmlDepth, {
    open(name, a) {
      if (name === 'office:body') inBody = true;
      if (!inBody) return;
      switch (name) {
        case 'text:p':
        case 'text:h':
          // A paragraph inside a text box inside a paragraph: its own block, after the outer one.
          if (paragraphs) builder.flushParagraph();
          paragraphs++;
          spans.push(resolve(styles, a.get('text:style-name')));
          return;
        case 'text:span':
          spans.push(resolve(styles, a.get('text:style-name')));
          return;
        case 'text:a':
          links.push(a.get('xlink:href') ?? '');
          return;
        case 'text:s':
          builder.text(' '.repeat(Math.min(Number(a.get('text:c') ?? 1) || 1, 1000)), style());
          return;
        case 'text:tab':
          builder.text('\t', style());
          return;
        case 'text:line-break':
          builder.text('\n', style());
          return;
        case 'field:fieldmark':
        case 'field:fieldmark-start':
          if (CHECKBOX.test(a.get('field:type') ?? '')) checkbox = { checked: false };
          return;
        case 'field:param':
          if (checkbox && a.get('field:name') === 'Checkbox_Checked') checkbox.checked = a.get('field:value') === 'true';
          return;
        case 'text:note':
        case 'text:tracked-changes':
        case 'office:annotation':
        case 'text:sequence-decls':
        case 'table:table-columns':
        case 'table:table-column':
          return 'skip';
        case 'table:table':
          builder.startTable();
          tables.push({ column: 0, horizontal: 0, vertical: new Map() });
          return;
        case 'table:table-row': {
          builder.startRow();
          const t = tables[tables.length - 1];
          if (t) {
            t.column = 0;
            t.horizontal = 0;
          }
          return;
        }
        case 'table:table-cell': {
          const t = tables[tables.length - 1];
          const span = count(a, 'table:number-columns-spanned');
          const rows = count(a, 'table:number-rows-spanned');
          if (t) {
            if (rows > 1) t.vertical.set(t.column, { span, rows: rows - 1 });
            t.horizontal = span - 1;
            t.column += span;
          }
          builder.startCell({ span, ...(rows > 1 ? { vMerge: 'restart' as const } : {}) });
          return;
        }
        case 'table:covered-table-cell': {
          const t = tables[tables.length - 1];
          if (!t) return 'skip';
          // Covered by the cell to its left, whose span the column count already holds.
          if (t.horizontal > 0) {
            t.horizontal--;
            return 'skip';
          }
          const origin = t.vertical.get(t.column);
          if (origin && origin.rows > 0) {
            origin.rows--;
            builder.startCell({ span: origin.span, vMerge: 'continue' });
            builder.endCell();
            t.horizontal = origin.span - 1;
            t.column += origin.span;
          } else {
            builder.startCell();
            builder.endCell();
            t.column++;
          }
          return 'skip';
        }
      }
    },
    close(name) {
      if (!inBody) return;
      switch (name) {
        case 'office:body':
          inBody = false;
          return;
        case 'text:p':
        case 'text:h':
          spans.pop();
          paragraphs--;
          builder.endParagraph();
          return;
        case 'text:span':
          spans.pop();
          return;
        case 'text:a':
          links.pop();
          return;
        case 'field:fieldmark':
        case 'field:fieldmark-start':
          if (checkbox) builder.checkbox(checkbox.checked);
          checkbox = null;
          return;
        case 'table:table-cell':
          builder.endCell();
          return;
        case 'table:table-row':
          builder.endRow();
          return;
        case 'table:table':
          tables.pop();
          builder.endTable();
          return;
      }
    },
    text(text) {
      if (inBody && paragraphs) builder.text(text, style());
    },
  });
  return builder.finish();
}
