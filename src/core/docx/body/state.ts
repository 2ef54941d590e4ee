// The one state every handler of the body reader works on: the stacks of what is open (paragraphs,
// tables, fields, content controls …), the current run's formatting, and how text is emitted.
import type { DocxLimits } from '../limits';
import type { Block, CheckboxInline, Inline, TextInline } from '../model';
import type { Attributes } from '../xml';

export interface RunState {
  bold: boolean;
  strike: boolean;
  highlight: boolean;
  hidden: boolean;
}

export interface FieldState {
  instruction: string;
  inResult: boolean;
  checkbox?: { default: boolean; checked?: boolean };
  /** A legacy FORMDROPDOWN: its entries and the chosen one (w:result, else w:default, else the first). */
  dropdown?: { entries: string[]; result?: number; default?: number; emitted: boolean; suppressing: boolean };
  link?: string;
  checkboxEmitted: boolean;
}

export interface ContentControlState {
  placeholder: boolean;
  checkbox?: boolean;
  suppressing: boolean;
}

export interface CellBuilder {
  blocks: Block[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

export interface RowBuilder {
  cells: CellBuilder[];
  gridBefore: number;
  deleted: boolean;
}

export interface TableBuilder {
  rows: RowBuilder[];
}

/** What an element's start does: nothing more, or 'skip' to pass over its whole content. */
export type OpenHandler = (s: ReaderState, attributes: Attributes) => void | 'skip';
export type CloseHandler = (s: ReaderState) => void;

/** A module of handlers: by canonical element name, for its start and its end. */
export interface Handlers {
  readonly open: Readonly<Record<string, OpenHandler>>;
  readonly close: Readonly<Record<string, CloseHandler>>;
}

/** A Word on/off property: present means on unless w:val says 0, false, off or none. */
export function toggle(attributes: Attributes): boolean {
  const value = attributes.get('w:val') ?? attributes.get('w14:val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

export class ReaderState {
  readonly body: Block[] = [];
  readonly containers: Block[][] = [this.body];
  readonly paragraphs: { inlines: Inline[]; pendingBlocks: Block[] }[] = [];
  readonly tables: TableBuilder[] = [];
  readonly hyperlinks: (string | undefined)[] = [];
  readonly fields: FieldState[] = [];
  readonly contentControls: ContentControlState[] = [];
  readonly alternates: { taken: boolean }[] = [];
  /** Names of the open elements, innermost last. */
  readonly names: string[] = [];
  cellCount = 0;
  run: RunState = { bold: false, strike: false, highlight: false, hidden: false };
  inRunProperties = false;
  inText = false;
  inInstruction = false;
  /** Inside deleted text or a content control still showing its placeholder. */
  suppressed = 0;
  pendingCheckbox: CheckboxInline | undefined;

  constructor(
    readonly limits: DocxLimits,
    /** Relationship id → target, for hyperlinks. */
    readonly links: ReadonlyMap<string, string>,
  ) {}

  currentParagraph() {
    return this.paragraphs[this.paragraphs.length - 1];
  }
  currentTable() {
    return this.tables[this.tables.length - 1];
  }
  currentRow() {
    const table = this.currentTable();
    return table?.rows[table.rows.length - 1];
  }
  currentCell() {
    const row = this.currentRow();
    return row?.cells[row.cells.length - 1];
  }
  currentLink() {
    for (let i = this.fields.length - 1; i >= 0; i--) if (this.fields[i]!.link && this.fields[i]!.inResult) return this.fields[i]!.link;
    return this.hyperlinks[this.hyperlinks.length - 1];
  }
  inFieldInstruction() {
    return this.fields.some((f) => !f.inResult);
  }

  emit(inline: Inline): void {
    const paragraph = this.currentParagraph();
    if (paragraph) paragraph.inlines.push(inline);
  }
  emitText(text: string): void {
    const run = this.run;
    if (this.suppressed > 0 || run.hidden || this.inFieldInstruction() || text === '') return;
    const link = this.currentLink();
    const inline: TextInline = link
      ? { kind: 'text', text, bold: run.bold, strike: run.strike, highlight: run.highlight, link }
      : { kind: 'text', text, bold: run.bold, strike: run.strike, highlight: run.highlight };
    this.emit(inline);
  }
  emitFieldCheckbox(field: FieldState): void {
    if (!field.checkbox || field.checkboxEmitted) return;
    field.checkboxEmitted = true;
    this.emit({ kind: 'checkbox', checked: field.checkbox.checked ?? field.checkbox.default });
  }
  /** The chosen entry is the answer, shown as text; any result text Word cached after it is not read twice. */
  emitDropdown(field: FieldState, ending: boolean): void {
    const dropdown = field.dropdown;
    if (!dropdown) return;
    if (!dropdown.emitted) {
      dropdown.emitted = true;
      const chosen = dropdown.entries[dropdown.result ?? dropdown.default ?? 0];
      if (chosen) this.emitText(chosen);
    }
    if (!ending && !dropdown.suppressing) {
      dropdown.suppressing = true;
      this.suppressed++;
    } else if (ending && dropdown.suppressing) {
      dropdown.suppressing = false;
      this.suppressed--;
    }
  }
}
