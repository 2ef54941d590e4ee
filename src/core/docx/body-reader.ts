// Reads WordprocessingML (word/document.xml) into the document model.
// Elements are handled through one table keyed by name; elements not listed pass through,
// so their children are still read (w:ins, w:smartTag, w:customXml, w:hyperlink …).
import { DocxError } from './errors';
import type { DocxLimits } from './limits';
import type { Block, Cell, CheckboxInline, Inline, Paragraph, Row, Table, TextInline } from './model';
import { parseXml, type Attributes } from './xml';


/** A Word on/off property: present means on unless w:val says 0, false, off or none. */
function toggle(attributes: Attributes): boolean {
  const value = attributes.get('w:val') ?? attributes.get('w14:val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

// Wingdings/Symbol code points that forms use for ticks and boxes.
const SYMBOLS: Record<string, string> = {
  F0FC: '✓', F0FB: '✗', F0FD: '☒', F0FE: '☑', F0A8: '☐', F06F: '☐', F078: '☒', F0A2: '☐', F0D6: '✓', F0D5: '✗',
  '00FC': '✓', '00FB': '✗', '00FD': '☒', '00FE': '☑', '00A8': '☐',
};

interface RunState {
  bold: boolean;
  strike: boolean;
  highlight: boolean;
  hidden: boolean;
}

interface FieldState {
  instruction: string;
  inResult: boolean;
  checkbox?: { default: boolean; checked?: boolean };
  /** A legacy FORMDROPDOWN: its entries and the chosen one (w:result, else w:default, else the first). */
  dropdown?: { entries: string[]; result?: number; default?: number; emitted: boolean; suppressing: boolean };
  link?: string;
  checkboxEmitted: boolean;
}

interface ContentControlState {
  placeholder: boolean;
  checkbox?: boolean;
  suppressing: boolean;
}

interface CellBuilder {
  blocks: Block[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

interface RowBuilder {
  cells: CellBuilder[];
  gridBefore: number;
  deleted: boolean;
}

interface TableBuilder {
  rows: RowBuilder[];
}

export interface BodyReadOptions {
  readonly limits: DocxLimits;
  /** Relationship id → target, for hyperlinks. */
  readonly links: ReadonlyMap<string, string>;
  readonly part: string;
}

export function readBody(xml: string, options: BodyReadOptions): Block[] {
  const { limits, links } = options;
  const body: Block[] = [];
  const containers: Block[][] = [body];
  const paragraphs: { inlines: Inline[]; pendingBlocks: Block[] }[] = [];
  const tables: TableBuilder[] = [];
  const hyperlinks: (string | undefined)[] = [];
  const fields: FieldState[] = [];
  const contentControls: ContentControlState[] = [];
  const alternates: { taken: boolean }[] = [];
  const names: string[] = [];
  let cellCount = 0;
  let run: RunState = { bold: false, strike: false, highlight: false, hidden: false };
  let inRunProperties = false;
  let inText = false;
  let inInstruction = false;
  let suppressed = 0; // inside deleted text or a content control still showing its placeholder
  let pendingCheckbox: CheckboxInline | undefined;

  const currentParagraph = () => paragraphs[paragraphs.length - 1];
  const currentTable = () => tables[tables.length - 1];
  const currentRow = () => {
    const table = currentTable();
    return table?.rows[table.rows.length - 1];
  };
  const currentCell = () => {
    const row = currentRow();
    return row?.cells[row.cells.length - 1];
  };
  const currentLink = () => {
    for (let i = fields.length - 1; i >= 0; i--) if (fields[i]!.link && fields[i]!.inResult) return fields[i]!.link;
    return hyperlinks[hyperlinks.length - 1];
  };
  const inFieldInstruction = () => fields.some((f) => !f.inResult);

  const emit = (inline: Inline) => {
    const paragraph = currentParagraph();
    if (paragraph) paragraph.inlines.push(inline);
  };
  const emitText = (text: string) => {
    if (suppressed > 0 || run.hidden || inFieldInstruction() || text === '') return;
    const link = currentLink();
    const inline: TextInline = link
      ? { kind: 'text', text, bold: run.bold, strike: run.strike, highlight: run.highlight, link }
      : { kind: 'text', text, bold: run.bold, strike: run.strike, highlight: run.highlight };
    emit(inline);
  };
  const emitFieldCheckbox = (field: FieldState) => {
    if (!field.checkbox || field.checkboxEmitted) return;
    field.checkboxEmitted = true;
    emit({ kind: 'checkbox', checked: field.checkbox.checked ?? field.checkbox.default });
  };
  // The chosen entry is the answer, shown as text; any result text Word cached after it is not read twice.
  const emitDropdown = (field: FieldState, ending: boolean) => {
    const dropdown = field.dropdown;
    if (!dropdown) return;
    if (!dropdown.emitted) {
      dropdown.emitted = true;
      const chosen = dropdown.entries[dropdown.result ?? dropdown.default ?? 0];
      if (chosen) emitText(chosen);
    }
    if (!ending && !dropdown.suppressing) {
      dropdown.suppressing = true;
      suppressed++;
    } else if (ending && dropdown.suppressing) {
      dropdown.suppressing = false;
      suppressed--;
    }
  };

  const open: Record<string, (attributes: Attributes) => void | 'skip'> = {
    'w:p': () => {
      paragraphs.push({ inlines: pendingCheckbox ? [pendingCheckbox] : [], pendingBlocks: [] });
      pendingCheckbox = undefined;
    },
    'w:pPr': () => 'skip',
    'w:r': () => {
      run = { bold: false, strike: false, highlight: false, hidden: false };
    },
    'w:rPr': () => {
      if (names[names.length - 2] !== 'w:r') return 'skip';
      inRunProperties = true;
    },
    'w:rPrChange': () => 'skip',
    'w:b': (a) => {
      if (inRunProperties) run.bold = toggle(a);
    },
    'w:strike': (a) => {
      if (inRunProperties) run.strike = toggle(a);
    },
    'w:dstrike': (a) => {
      if (inRunProperties) run.strike = toggle(a);
    },
    'w:highlight': (a) => {
      if (inRunProperties) run.highlight = toggle(a);
    },
    'w:shd': (a) => {
      const fill = (a.get('w:fill') ?? 'auto').toLowerCase();
      if (inRunProperties) run.highlight = !['auto', 'ffffff', 'none', ''].includes(fill);
    },
    'w:vanish': (a) => {
      if (inRunProperties) run.hidden = toggle(a);
    },
    'w:t': () => {
      inText = true;
    },
    'w:delText': () => 'skip',
    'w:instrText': () => {
      inInstruction = true;
    },
    'w:tab': () => emitText('\t'),
    'w:ptab': () => emitText('\t'),
    'w:br': () => emitText('\n'),
    'w:cr': () => emitText('\n'),
    'w:noBreakHyphen': () => emitText('-'),
    'w:sym': (a) => {
      const code = (a.get('w:char') ?? '').toUpperCase();
      emitText(SYMBOLS[code] ?? (/^[0-9A-F]{4}$/.test(code) && !code.startsWith('F0') ? String.fromCharCode(parseInt(code, 16)) : ''));
    },
    'w:fldChar': (a) => {
      const type = a.get('w:fldCharType');
      if (type === 'begin') fields.push({ instruction: '', inResult: false, checkboxEmitted: false });
      else if (type === 'separate') {
        const field = fields[fields.length - 1];
        if (field) {
          field.inResult = true;
          field.link = hyperlinkTarget(field.instruction);
          emitFieldCheckbox(field);
          emitDropdown(field, false);
        }
      } else if (type === 'end') {
        const field = fields[fields.length - 1];
        if (field) {
          field.inResult = true;
          emitFieldCheckbox(field);
          emitDropdown(field, true);
          fields.pop();
        }
      }
    },
    'w:checkBox': () => {
      const field = fields[fields.length - 1];
      if (field) field.checkbox = { default: false };
    },
    'w:default': (a) => {
      const field = fields[fields.length - 1];
      if (field?.checkbox && names[names.length - 2] === 'w:checkBox') field.checkbox.default = toggle(a);
      if (field?.dropdown && names[names.length - 2] === 'w:ddList') field.dropdown.default = entryIndex(a);
    },
    'w:ddList': () => {
      const field = fields[fields.length - 1];
      if (field) field.dropdown = { entries: [], emitted: false, suppressing: false };
    },
    'w:result': (a) => {
      const field = fields[fields.length - 1];
      if (field?.dropdown && names[names.length - 2] === 'w:ddList') field.dropdown.result = entryIndex(a);
    },
    'w:listEntry': (a) => {
      const field = fields[fields.length - 1];
      if (field?.dropdown && names[names.length - 2] === 'w:ddList') field.dropdown.entries.push(a.get('w:val') ?? '');
    },
    'w:checked': (a) => {
      const field = fields[fields.length - 1];
      if (field?.checkbox && names[names.length - 2] === 'w:checkBox') field.checkbox.checked = toggle(a);
    },
    'w:fldSimple': (a) => {
      fields.push({ instruction: a.get('w:instr') ?? '', inResult: true, link: hyperlinkTarget(a.get('w:instr') ?? ''), checkboxEmitted: false });
    },
    'w:hyperlink': (a) => {
      const id = a.get('r:id');
      hyperlinks.push(id ? links.get(id) : undefined);
    },
    'w:del': () => {
      suppressed++;
    },
    'w:moveFrom': () => {
      suppressed++;
    },
    'w:sdt': () => {
      contentControls.push({ placeholder: false, suppressing: false });
    },
    'w:showingPlcHdr': (a) => {
      const control = contentControls[contentControls.length - 1];
      if (control) control.placeholder = toggle(a);
    },
    'w14:checkbox': () => {
      const control = contentControls[contentControls.length - 1];
      if (control) control.checkbox = false;
    },
    'w14:checked': (a) => {
      const control = contentControls[contentControls.length - 1];
      if (control && control.checkbox !== undefined) control.checkbox = toggle(a);
    },
    'w:sdtEndPr': () => 'skip',
    'w:sdtContent': () => {
      const control = contentControls[contentControls.length - 1];
      if (!control) return;
      if (control.checkbox !== undefined) {
        // The glyph inside (☒/☐) is replaced by the checkbox's own state.
        const box: CheckboxInline = { kind: 'checkbox', checked: control.checkbox };
        if (currentParagraph() && names[names.length - 3] !== 'w:body' && !isBlockLevel(names)) emit(box);
        else pendingCheckbox = box;
        control.suppressing = true;
      } else if (control.placeholder) {
        control.suppressing = true;
      }
      if (control.suppressing) suppressed++;
    },
    'w:tbl': () => {
      if (tables.length >= limits.tableNesting) {
        throw new DocxError('table-too-large', `The document nests tables more than ${limits.tableNesting} deep.`);
      }
      tables.push({ rows: [] });
    },
    'w:tblPr': () => 'skip',
    'w:tblGrid': () => 'skip',
    'w:tblPrEx': () => 'skip',
    'w:tr': () => {
      const table = currentTable();
      if (!table) return;
      if (table.rows.length >= limits.tableRows) {
        throw new DocxError('table-too-large', `A table in the document has more than ${limits.tableRows} rows.`);
      }
      table.rows.push({ cells: [], gridBefore: 0, deleted: false });
    },
    'w:gridBefore': (a) => {
      const row = currentRow();
      if (row && names[names.length - 2] === 'w:trPr') row.gridBefore = Number(a.get('w:val') ?? 0) || 0;
    },
    'w:tc': () => {
      const row = currentRow();
      if (!row) return;
      if (++cellCount > limits.tableCells) {
        throw new DocxError('table-too-large', `The document's tables have more than ${limits.tableCells} cells.`);
      }
      const cell: CellBuilder = { blocks: [], span: 1 };
      row.cells.push(cell);
      containers.push(cell.blocks);
    },
    'w:tcPrChange': () => 'skip',
    'w:gridSpan': (a) => {
      const cell = currentCell();
      if (cell) cell.span = Math.max(1, Math.min(64, Number(a.get('w:val') ?? 1) || 1));
    },
    'w:vMerge': (a) => {
      const cell = currentCell();
      if (cell) cell.vMerge = a.get('w:val') === 'restart' ? 'restart' : 'continue';
    },
    'w:txbxContent': () => {
      containers.push([]);
    },
    'mc:AlternateContent': () => {
      alternates.push({ taken: false });
    },
    'mc:Choice': () => {
      const alternate = alternates[alternates.length - 1];
      if (!alternate || alternate.taken) return 'skip';
      alternate.taken = true;
    },
    'mc:Fallback': () => {
      const alternate = alternates[alternates.length - 1];
      if (!alternate || alternate.taken) return 'skip';
      alternate.taken = true;
    },
    // Ignored subtrees: section layout, maths, embedded objects, comments' own content.
    'w:sectPr': () => 'skip',
    'w:object': () => 'skip',
    'm:oMath': () => 'skip',
    'm:oMathPara': () => 'skip',
    'w:fldData': () => 'skip',
  };

  const close: Record<string, () => void> = {
    'w:p': () => {
      const built = paragraphs.pop();
      if (!built) return;
      const paragraph: Paragraph = { kind: 'paragraph', inlines: mergeInlines(built.inlines) };
      const container = containers[containers.length - 1]!;
      container.push(paragraph, ...built.pendingBlocks);
    },
    'w:rPr': () => {
      inRunProperties = false;
    },
    'w:t': () => {
      inText = false;
    },
    'w:instrText': () => {
      inInstruction = false;
    },
    'w:fldSimple': () => {
      fields.pop();
    },
    'w:hyperlink': () => {
      hyperlinks.pop();
    },
    'w:del': () => {
      suppressed--;
    },
    'w:moveFrom': () => {
      suppressed--;
    },
    'w:sdtContent': () => {
      const control = contentControls[contentControls.length - 1];
      if (control?.suppressing) {
        suppressed--;
        control.suppressing = false;
      }
    },
    'w:sdt': () => {
      contentControls.pop();
    },
    'w:tc': () => {
      containers.pop();
    },
    'w:tr': () => {
      const table = currentTable();
      const row = currentRow();
      if (table && row?.deleted) table.rows.pop();
    },
    'w:tbl': () => {
      const built = tables.pop();
      if (built) containers[containers.length - 1]!.push(finishTable(built));
    },
    'w:txbxContent': () => {
      const blocks = containers.pop() ?? [];
      // A text box's paragraphs follow the paragraph that anchors it.
      const anchor = currentParagraph();
      if (anchor) anchor.pendingBlocks.push(...blocks);
      else containers[containers.length - 1]!.push(...blocks);
    },
    'mc:AlternateContent': () => {
      alternates.pop();
    },
  };

  parseXml(xml, options.part, limits.xmlDepth, {
    open(name, attributes) {
      if (name === 'w:del' && names[names.length - 1] === 'w:trPr') {
        const row = currentRow();
        if (row) row.deleted = true;
        return 'skip';
      }
      names.push(name);
      const handler = open[name];
      if (handler && handler(attributes) === 'skip') {
        names.pop();
        return 'skip';
      }
    },
    close(name) {
      names.pop();
      close[name]?.();
    },
    text(text) {
      if (inText) emitText(text);
      else if (inInstruction) {
        const field = fields[fields.length - 1];
        if (field && !field.inResult) field.instruction += text;
      }
    },
  });
  return body;
}

function entryIndex(attributes: Attributes): number | undefined {
  const index = Number(attributes.get('w:val'));
  return Number.isInteger(index) && index >= 0 ? index : undefined;
}

function isBlockLevel(names: readonly string[]): boolean {
  // An sdt directly in the body, a cell or a text box wraps paragraphs; one inside w:p wraps runs.
  const parent = names[names.length - 3];
  return parent === 'w:body' || parent === 'w:tc' || parent === 'w:txbxContent' || parent === 'w:tr' || parent === 'w:tbl';
}

function hyperlinkTarget(instruction: string): string | undefined {
  const match = /^\s*HYPERLINK\s+"([^"]*)"/i.exec(instruction);
  return match?.[1];
}

/** Joins neighbouring text inlines that look the same, so that Word's rsid run splits disappear. */
function mergeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let pending: TextInline | undefined;
  let text = '';
  const flush = () => {
    if (pending) out.push(pending.text === text ? pending : { ...pending, text });
    pending = undefined;
  };
  for (const inline of inlines) {
    if (
      inline.kind === 'text' && pending &&
      pending.bold === inline.bold && pending.strike === inline.strike && pending.highlight === inline.highlight && pending.link === inline.link
    ) {
      text += inline.text;
      continue;
    }
    flush();
    if (inline.kind === 'text') {
      pending = inline;
      text = inline.text;
    } else out.push(inline);
  }
  flush();
  return out;
}

/** Places every cell on the table grid and links cells that continue a vertical merge to where it starts. */
function finishTable(built: TableBuilder): Table {
  const rows: Row[] = [];
  built.rows.forEach((rowBuilder, rowIndex) => {
    let column = rowBuilder.gridBefore;
    const cells: Cell[] = rowBuilder.cells.map((cellBuilder) => {
      const cell: Cell = { blocks: cellBuilder.blocks, column, span: cellBuilder.span, mergeStart: cellBuilder.vMerge === 'restart' };
      column += cellBuilder.span;
      if (cellBuilder.vMerge !== 'continue' || rowIndex === 0) return cell;
      const above = rows[rowIndex - 1]?.cells.find((c) => c.column === cell.column);
      if (!above || (!above.mergeStart && above.mergedFromRow === undefined)) return cell;
      return { ...cell, mergedFromRow: above.mergedFromRow ?? rowIndex - 1 };
    });
    rows.push({ cells });
  });
  return { kind: 'table', rows };
}
