// Whether a Word document that matches no known form is laid out as a form (worth making a
// template from) or is some other document (minutes, a letter, a timetable). A form asks: label
// cells with answer cells beside or below them, boxes to tick, blanks to fill in. Linear in the
// document's size.
import type { Layout } from './layout';

export interface FormLikeness {
  /** Label cells with an answer cell to their right (in rows of label/answer pairs). */
  readonly labelAnswerCells: number;
  /** Answer cells left blank, or boxes and lines to fill in (☐, ____, ……). */
  readonly blanks: number;
  readonly looksLikeForm: boolean;
}

// A line to write on, a box to tick, or Word's placeholder in an empty content control.
const BLANK_LINE = /_{4,}|\.{6,}|…{3,}|[☐☑☒]|click or tap here to enter|click here to enter/iu;

/** A label: a short text that names something, not a sentence or a number. */
function isLabel(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  return words <= 14 && /\p{L}/u.test(text) && !/[.!]$/.test(text.trim());
}

export function formLikeness(layout: Layout): FormLikeness {
  let labelAnswerCells = 0;
  let blanks = 0;
  for (const slot of layout.slots) {
    if (BLANK_LINE.test(slot.text)) blanks++;
    if (slot.kind !== 'cell' || slot.continuesMerge) continue;
    const cells = slot.table.rows[slot.row]!.cells.length;
    // Rows of label/answer pairs: two cells, or four (two pairs); a label sits in an even place.
    if ((cells !== 2 && cells !== 4) || slot.cell % 2 !== 0) continue;
    const answer = layout.cellSlot(slot.table, slot.row, slot.cell + 1);
    if (!answer || !isLabel(slot.text)) continue;
    labelAnswerCells++;
    if (!answer.text.trim()) blanks++;
  }
  // The header table of minutes or a letter has a few such rows (Date, Present, Apologies): a
  // form has many, or several with blanks left to fill in, or (laid out in paragraphs) many
  // lines and boxes to fill in.
  const looksLikeForm = labelAnswerCells >= 8 || blanks >= 6 || (labelAnswerCells >= 4 && blanks >= 3);
  return { labelAnswerCells, blanks, looksLikeForm };
}
