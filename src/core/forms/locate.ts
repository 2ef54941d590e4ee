// Where each field's answer stands in a filled form: found by its label, told apart from
// other fields with the same label by its section or by the field it follows.
import type { Paragraph } from '../docx/model';
import { blocksInlines, cellBlocks, paragraphText } from '../docx/model';
import type { Field, Template } from '../catalogue/schema';
import { answerCellOf, type CellSlot, type Layout, type Slot } from './layout';
import { matchLabel } from './labels';
import { isPrompt } from './prompts';

/** An answer as the paragraphs that hold it. */
export interface Answer {
  readonly paragraphs: readonly Paragraph[];
  /** Text typed after the label in the label's own cell, used when the answer cell is empty. */
  readonly besideLabel: string;
}

export interface Located {
  readonly label: Slot;
  readonly answer: Answer;
}

export interface RowsAnswer {
  readonly rows: readonly Record<string, string>[];
}

const labelsOf = (field: { label: string; aliases: readonly string[] }) => [field.label, ...field.aliases];

function paragraphsOf(blocks: CellSlot['blocks']): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(block);
    else for (const row of block.rows) for (const cell of row.cells) out.push(...paragraphsOf(cell.blocks));
  }
  return out;
}

/** Finds every field of the template, in template order so that `after` can refer back. */
export function locateFields(template: Template, layout: Layout): Map<string, Located> {
  const located = new Map<string, Located>();
  const sections = sectionRanges(template, layout);
  const stops = stopSlots(template, layout);
  for (const field of template.fields) {
    if (field.type === 'rows') continue;
    let from = 0;
    let to = layout.slots.length;
    if (field.section) {
      const range = sections.get(field.section);
      if (!range) continue;
      [from, to] = range;
    }
    if (field.after) {
      const anchor = located.get(field.after);
      if (anchor) from = Math.max(from, anchor.label.index + 1);
    }
    for (let i = from; i < to; i++) {
      const slot = layout.slots[i]!;
      const match = matchLabel(slot, labelsOf(field));
      if (!match) continue;
      const answer = answerFor(slot, match.rest, layout, stops, field.prompts);
      if (answer) {
        located.set(field.key, { label: slot, answer });
        break;
      }
    }
  }
  return located;
}

function answerFor(label: Slot, besideLabel: string, layout: Layout, stops: ReadonlySet<number>, prompts: readonly string[]): Answer | undefined {
  if (label.kind === 'cell') {
    const cell = answerCellOf(layout, label);
    // A label cell with no answer cell beside or below it: the answer can only be typed in the label cell.
    if (!cell || stops.has(cell.index)) return { paragraphs: [], besideLabel };
    return { paragraphs: paragraphsOf(cell.blocks), besideLabel };
  }
  // A heading paragraph: the answer is the box (a table) after it, or the paragraphs up to the next heading.
  const paragraphs: Paragraph[] = [];
  for (let i = label.blockIndex + 1; i < label.container.length; i++) {
    const block = label.container[i]!;
    if (block.kind === 'table') {
      // Paragraphs typed under the heading are the answer; an empty box after them is not.
      if (paragraphs.some((p) => !isPrompt(paragraphText(p), prompts))) break;
      const first = layout.cellSlot(block, 0, 0);
      if (first && stops.has(first.index)) break;
      return { paragraphs: paragraphsOf([block]), besideLabel };
    }
    const slot = layout.slots.find((s) => s.kind === 'paragraph' && s.paragraph === block);
    if (slot && stops.has(slot.index)) break;
    paragraphs.push(block);
  }
  return { paragraphs, besideLabel };
}

/** Slots that begin something else: any field's label, a section heading, an end marker. */
function stopSlots(template: Template, layout: Layout): Set<number> {
  const labels = [
    ...template.fields.flatMap(labelsOf),
    ...template.fields.flatMap((f) => f.columns?.flatMap(labelsOf) ?? []),
    ...template.sections,
    ...template.endMarkers,
  ];
  const stops = new Set<number>();
  for (const slot of layout.slots) if (matchLabel(slot, labels)) stops.add(slot.index);
  return stops;
}

/** Each section's slots: from its heading to the next heading of another section. */
function sectionRanges(template: Template, layout: Layout): Map<string, [number, number]> {
  const starts: { section: string; index: number }[] = [];
  for (const section of template.sections) {
    const slot = layout.slots.find((s) => matchLabel(s, [section]));
    if (slot) starts.push({ section, index: slot.index });
  }
  starts.sort((a, b) => a.index - b.index);
  const ranges = new Map<string, [number, number]>();
  starts.forEach((start, i) => ranges.set(start.section, [start.index + 1, starts[i + 1]?.index ?? layout.slots.length]));
  return ranges;
}

/** A table the applicant adds rows to: found by its header row, each later row an object. */
export function locateRows(field: Field, layout: Layout): RowsAnswer | undefined {
  const columns = field.columns ?? [];
  for (const slot of layout.slots) {
    if (slot.kind !== 'cell' || !matchLabel(slot, labelsOf(columns[0]!))) continue;
    const headerRow = slot.table.rows[slot.row]!;
    const headerSlots = headerRow.cells.map((_, i) => layout.cellSlot(slot.table, slot.row, i)!);
    const columnAt = columns.map((column) => headerSlots.find((h) => matchLabel(h, labelsOf(column)))?.column);
    if (columnAt.filter((c) => c !== undefined).length < Math.min(2, columns.length)) continue;
    const rows: Record<string, string>[] = [];
    for (let r = slot.row + 1; r < slot.table.rows.length; r++) {
      const row = slot.table.rows[r]!;
      const values: Record<string, string> = {};
      columns.forEach((column, i) => {
        const at = columnAt[i];
        const cell = at === undefined ? undefined : row.cells.find((c) => c.column <= at && at < c.column + c.span);
        values[column.key] = cell ? textOfBlocks(cellBlocks(slot.table, r, cell)) : '';
      });
      rows.push(values);
    }
    return { rows };
  }
  return undefined;
}

function textOfBlocks(blocks: CellSlot['blocks']): string {
  return paragraphsOf(blocks)
    .map((p) => blocksInlines([p]).map((i) => (i.kind === 'text' ? i.text : i.checked ? '☒' : '☐')).join(''))
    .join('\n');
}
