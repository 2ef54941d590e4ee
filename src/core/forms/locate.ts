// Where each field's answer stands in a filled form: found by its label, told apart from
// other fields with the same label by its section or by the field it follows.
import type { Paragraph } from '../docx/model';
import { blocksInlines, cellBlocks, paragraphText } from '../docx/model';
import type { Field, Template } from '../catalogue/schema';
import { answerCellOf, type CellSlot, type Layout, type Slot } from './layout';
import { findLabels, firstLabel, matchLabel } from './labels';
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
  const sections = sectionPlaces(template, layout);
  const stops = stopSlots(template, layout);
  for (const field of template.fields) {
    if (field.type === 'rows') continue;
    let from = 0;
    let to = layout.slots.length;
    if (field.section) {
      const place = sections.get(field.section);
      if (!place) continue;
      if (place.column) {
        const found = locateInColumn(field, place.column, layout, stops);
        if (found) located.set(field.key, found);
        continue;
      }
      [from, to] = place.range;
    }
    if (field.after) {
      const anchor = located.get(field.after);
      if (anchor) from = Math.max(from, anchor.label.index + 1);
    }
    const found = firstLabel(layout, labelsOf(field), from, to);
    if (found) located.set(field.key, { label: found.slot, answer: answerFor(field, found.slot, found.match.rest, layout, stops) });
  }
  return located;
}

/** A label in the first column of a table whose columns are sections: the answer is in the section's column. */
function locateInColumn(field: Field, heading: CellSlot, layout: Layout, stops: ReadonlySet<number>): Located | undefined {
  for (let row = heading.row + 1; row < heading.table.rows.length; row++) {
    const cells = heading.table.rows[row]!.cells;
    for (let cell = 0; cell < cells.length; cell++) {
      const label = layout.cellSlot(heading.table, row, cell)!;
      const match = matchLabel(label, labelsOf(field));
      if (!match) continue;
      const at = cells.findIndex((c) => c.column <= heading.column && heading.column < c.column + c.span);
      const answer = at > cell ? layout.cellSlot(heading.table, row, at) : undefined;
      const paragraphs = answer && !stops.has(answer.index) ? paragraphsOf(answer.blocks) : [];
      return { label, answer: { paragraphs, besideLabel: '' } };
    }
  }
  return undefined;
}

function answerFor(field: Field, label: Slot, besideLabel: string, layout: Layout, stops: ReadonlySet<number>): Answer {
  if (label.kind === 'cell') {
    const cell = answerCellOf(layout, label);
    // A label cell with no answer cell beside or below it: the answer can only be typed in the label cell.
    if (!cell || stops.has(cell.index)) return { paragraphs: [], besideLabel };
    const paragraphs = paragraphsOf(cell.blocks);
    // "☐ Yes | ☒ No": a Yes/No answer may spread over the cells to the right of its label.
    if (field.type === 'yesNo' && cell.row === label.row) {
      for (
        let next = layout.cellSlot(cell.table, cell.row, cell.cell + 1);
        next && !stops.has(next.index);
        next = layout.cellSlot(next.table, next.row, next.cell + 1)
      ) {
        paragraphs.push(...paragraphsOf(next.blocks));
      }
    }
    return { paragraphs, besideLabel };
  }
  // "Name of school: Ashfield Academy" as a paragraph: the answer is the rest of the line.
  if (field.type !== 'statement' && besideLabel && !isPrompt(besideLabel, field.prompts)) return { paragraphs: [], besideLabel };
  // A heading: the answer is the box (a table) after it, or the paragraphs up to the next heading.
  const paragraphs: Paragraph[] = [];
  const answered = () => paragraphs.some((p) => !isPrompt(paragraphText(p), field.prompts));
  for (let i = label.blockIndex + 1; i < label.container.length; i++) {
    const block = label.container[i]!;
    if (block.kind === 'table') {
      // Paragraphs typed under the heading are the answer; a box after them is not.
      if (answered()) break;
      const first = layout.cellSlot(block, 0, 0);
      if (first && stops.has(first.index)) break;
      const box = paragraphsOf([block]);
      // An empty box: the answer may have been typed below it instead.
      if (box.some((p) => !isPrompt(paragraphText(p), field.prompts))) return { paragraphs: box, besideLabel };
      continue;
    }
    const slot = layout.slotOfParagraph(block);
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
  for (const { slot } of findLabels(layout, labels)) stops.add(slot.index);
  return stops;
}

/** Each section's slots: from its heading to the next heading of another section. */
interface SectionPlace {
  /** Slots from the section's heading to the next section's heading. */
  readonly range: [number, number];
  /** Set when the sections head the columns of one table ("| Teacher 1 | Teacher 2"): the heading cell. */
  readonly column?: CellSlot;
}

/** Where each section stands: below its heading, or in its column when sections stand side by side. */
function sectionPlaces(template: Template, layout: Layout): Map<string, SectionPlace> {
  const starts: { section: string; slot: Slot }[] = [];
  for (const section of template.sections) {
    const slot = firstLabel(layout, [section])?.slot;
    if (slot) starts.push({ section, slot });
  }
  starts.sort((a, b) => a.slot.index - b.slot.index);
  const places = new Map<string, SectionPlace>();
  starts.forEach((start, i) => {
    const { slot } = start;
    const sideBySide =
      slot.kind === 'cell' &&
      starts.some(
        (other) => other !== start && other.slot.kind === 'cell' && other.slot.table === slot.table && other.slot.row === slot.row,
      );
    const end = sideBySide ? layout.slots.length : (starts[i + 1]?.slot.index ?? layout.slots.length);
    places.set(start.section, { range: [slot.index + 1, end], column: sideBySide ? slot : undefined });
  });
  return places;
}

/** A table the applicant adds rows to: found by its header row, each later row an object. */
export function locateRows(field: Field, layout: Layout): RowsAnswer | undefined {
  const columns = field.columns ?? [];
  for (const { slot } of findLabels(layout, labelsOf(columns[0]!))) {
    if (slot.kind !== 'cell') continue;
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
    .map((p) =>
      blocksInlines([p])
        .map((i) => (i.kind === 'text' ? i.text : i.checked ? '☒' : '☐'))
        .join(''),
    )
    .join('\n');
}
