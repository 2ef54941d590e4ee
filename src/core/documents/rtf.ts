// Rich Text Format (.rtf, as Word and LibreOffice write it): paragraphs (\par), character
// formatting (\b, \strike, \highlight), fields (hyperlinks, legacy form fields), and tables
// (\trowd … \cellx … \cell … \row, nested with \itap / \nestcell / \nestrow), into the document
// model. One pass over the bytes, no regular expressions over the whole text.
import { DocxError } from '../docx/errors';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import type { WordDocument } from '../docx/model';
import { DocumentBuilder } from './builder';
import { decodeWindows1252 } from '../bytes';

/** Destinations whose text is not the document's body. */
const SKIP = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'pgdsctbl',
  'listtext',
  'pntext',
  'pntxta',
  'pntxtb',
  'bkmkstart',
  'bkmkend',
  'revtbl',
  'filetbl',
  'shppict',
  'nonshppict',
  'sp',
  'mmathPr',
  'userprops',
  'docvar',
  'fldtype',
  'wgrffmtfilter',
  'template',
  'ffname',
  'ffdeftext',
  'ffformat',
  'ffhelptext',
  'ffstattext',
  'ffentrymcr',
  'ffexitmcr',
  'ffl',
  'atnid',
  'atnauthor',
  'atrfstart',
  'atrfend',
  'nonesttables', // the text a reader without nested tables shows instead: {\nonesttables\par}
]);

interface GroupState {
  bold: boolean;
  strike: boolean;
  highlight: boolean;
  skip: boolean;
  /** Inside \nesttableprops: a nested row's properties, ended by its \nestrow, the one word read there. */
  nestedRow: boolean;
  /** Inside \fldinst: the text is the field's instruction. */
  instruction: boolean;
  uc: number;
  field: FieldState | null;
}

interface FieldState {
  instruction: string;
  checkbox?: { type: boolean; result?: number; defaultResult?: number };
  link?: string;
}

interface CellDef {
  right: number;
  /** Continues a horizontal merge (\clmrg); the cell that starts it (\clmgf) is an ordinary cell. */
  hmerge?: 'continue';
  vmerge?: 'restart' | 'continue';
}

/** Code pages besides 1252 (the default, decoded by decodeWindows1252). */
const CODEPAGES: Record<number, string> = {
  1250: 'windows-1250',
  1251: 'windows-1251',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1257: 'windows-1257',
  65001: 'utf-8',
};

export function readRtf(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): WordDocument {
  if (bytes.length > limits.attachmentBytes)
    throw new DocxError('attachment-too-large', `The attachment is larger than ${Math.round(limits.attachmentBytes / 1048576)} MB.`);
  const src = bytes;
  if (!(src[0] === 0x7b && src[1] === 0x5c && src[2] === 0x72 && src[3] === 0x74 && src[4] === 0x66))
    throw new DocxError('not-a-word-document', 'The file is not a rich-text (.rtf) document.');
  const builder = new DocumentBuilder(limits);
  let decode = decodeWindows1252;
  let state: GroupState = {
    bold: false,
    strike: false,
    highlight: false,
    skip: false,
    nestedRow: false,
    instruction: false,
    uc: 1,
    field: null,
  };
  const stack: GroupState[] = [];
  let pendingBytes: number[] = [];
  let skipChars = 0; // fallback characters after \u still to skip
  let starred = false; // the group began with \*
  let groupStart = false;

  // Paragraph and table state.
  let inTable = 0; // the nesting level (\itap) of the current paragraph; \intbl makes it at least 1
  let rowDefs: CellDef[] = [];
  let rowLeft = 0;
  let nextDefs: CellDef[] = []; // being defined by \cellx
  let cellDef: Partial<CellDef> = {};
  const cellIndex: number[] = []; // per open table level: index of the next cell in its row
  const cellOpen: boolean[] = []; // per open table level: whether a cell is open

  const flushBytes = () => {
    if (!pendingBytes.length) return;
    emit(decode(new Uint8Array(pendingBytes)));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    if (state.skip) return;
    if (state.instruction) {
      if (state.field) state.field.instruction += text;
      return;
    }
    ensureTables();
    builder.text(text, {
      bold: state.bold,
      strike: state.strike,
      highlight: state.highlight,
      ...(state.field?.link ? { link: state.field.link } : {}),
    });
  };
  /** Opens or closes tables so that the builder is as deep as the current paragraph, and opens its cell. */
  const ensureTables = () => {
    while (builder.tableDepth > inTable) {
      cellIndex.pop();
      cellOpen.pop();
      builder.endTable();
    }
    while (builder.tableDepth < inTable) {
      // A nested table that begins its cell: the cell holding it is opened first.
      if (builder.tableDepth && !cellOpen[cellOpen.length - 1]) openCell();
      builder.startTable();
      cellIndex.push(0);
      cellOpen.push(false);
    }
    if (inTable && !cellOpen[cellOpen.length - 1]) openCell();
  };
  const openCell = () => {
    const level = cellIndex.length - 1;
    const index = cellIndex[level]!;
    if (index === 0) builder.startRow(rowLeft);
    // Horizontally merged cells (\clmgf … \clmrg) are one cell spanning to the last one's edge.
    let def = rowDefs[index];
    let last = index;
    while (rowDefs[last + 1]?.hmerge === 'continue') last++;
    if (def && last > index) def = { ...def, right: rowDefs[last]!.right };
    builder.startCell(def ? { right: def.right, ...(def.vmerge ? { vMerge: def.vmerge } : {}) } : {});
    cellIndex[level] = last + 1;
    cellOpen[level] = true;
    mergedTail = last - index;
  };
  const endCell = () => {
    ensureTables();
    if (!inTable) return;
    builder.endCell();
    cellOpen[cellOpen.length - 1] = false;
    // The cells merged on to this one keep their own \cell marks: those are passed over.
    swallow = mergedTail;
    mergedTail = 0;
  };
  let mergedTail = 0;
  let swallow = 0;
  const endRow = () => {
    if (!inTable || builder.tableDepth < inTable) return;
    builder.endRow();
    cellIndex[cellIndex.length - 1] = 0;
    cellOpen[cellOpen.length - 1] = false;
  };

  const control = (word: string, param: number | null) => {
    if (groupStart && word !== '*' && (starred || SKIP.has(word))) {
      if (word === 'fldinst') state.instruction = true;
      // Word ends each row of a nested table inside its properties: {\*\nesttableprops … \nestrow}.
      else if (word === 'nesttableprops') state.nestedRow = true;
      else if (word === 'formfield') {
        // the legacy form field's properties: read for checkboxes, its text is not the body
        state.instruction = true;
        state.field ??= { instruction: '' };
      } else if (word !== 'fldrslt') state.skip = true;
    }
    groupStart = false;
    // The nested row's own definition is not read: its cells were opened before it, on the outer row's.
    if (state.nestedRow && word !== 'nestrow') return;
    switch (word) {
      case 'ansicpg':
        if (param === 1252) decode = decodeWindows1252;
        else if (param && CODEPAGES[param]) {
          const decoder = new TextDecoder(CODEPAGES[param]);
          decode = (bytes) => decoder.decode(bytes);
        }
        return;
      case 'uc':
        state.uc = Math.max(0, Math.min(param ?? 1, 10));
        return;
      case 'u': {
        flushBytes();
        // A negative value is the code minus 65536, which fromCharCode's wrapping to 16 bits undoes.
        emit(String.fromCharCode(param ?? 0xfffd));
        skipChars = state.uc;
        return;
      }
      case 'par':
      case 'sect':
        flushBytes();
        if (state.skip || state.instruction) return;
        ensureTables();
        builder.endParagraph();
        return;
      case 'line':
        emit('\n');
        return;
      case 'tab':
        emit('\t');
        return;
      case 'emdash':
        return emit('—');
      case 'endash':
        return emit('–');
      case 'lquote':
        return emit('‘');
      case 'rquote':
        return emit('’');
      case 'ldblquote':
        return emit('“');
      case 'rdblquote':
        return emit('”');
      case 'bullet':
        return emit('•');
      case 'b':
        state.bold = param !== 0;
        return;
      case 'strike':
      case 'striked':
        state.strike = param !== 0;
        return;
      case 'highlight':
        state.highlight = (param ?? 0) > 0;
        return;
      case 'plain':
        state.bold = state.strike = state.highlight = false;
        return;
      case 'pard':
        inTable = 0;
        return;
      case 'intbl':
        inTable = Math.max(inTable, 1);
        return;
      case 'itap':
        inTable = Math.max(0, Math.min(param ?? 1, limits.tableNesting));
        return;
      case 'trowd':
        nextDefs = [];
        cellDef = {};
        rowLeft = 0;
        return;
      case 'trleft':
        rowLeft = param ?? 0;
        return;
      case 'clmrg':
        cellDef.hmerge = 'continue';
        return;
      case 'clvmgf':
        cellDef.vmerge = 'restart';
        return;
      case 'clvmrg':
        cellDef.vmerge = 'continue';
        return;
      case 'cellx':
        if (nextDefs.length < 1000) nextDefs.push({ ...cellDef, right: param ?? 0 });
        cellDef = {};
        // Word writes a row's definition before its cells (and again at \row): the latest one is the row's.
        rowDefs = nextDefs;
        return;
      case 'cell':
      case 'nestcell':
        flushBytes();
        if (state.skip) return;
        if (swallow > 0) {
          swallow--;
          return;
        }
        endCell();
        return;
      case 'row':
      case 'nestrow':
        flushBytes();
        if (state.skip) return;
        swallow = mergedTail = 0;
        endRow();
        return;
      case 'fftype':
        if (state.field) state.field.checkbox = { ...state.field.checkbox, type: param === 1 };
        return;
      case 'ffres':
        if (state.field?.checkbox) state.field.checkbox.result = param ?? 0;
        return;
      case 'ffdefres':
        if (state.field?.checkbox) state.field.checkbox.defaultResult = param ?? 0;
        return;
      case 'field':
        state.field = { instruction: '' };
        return;
      case 'fldrslt': {
        state.instruction = false;
        const field = state.field;
        const link = field?.instruction.match(/HYPERLINK\s+"([^"]*)"/)?.[1];
        if (field && link) field.link = link;
        // LibreOffice writes a legacy checkbox with no \formfield, so with no state: an unticked box.
        if (field && !field.checkbox && /^\s*FORMCHECKBOX\b/.test(field.instruction)) field.checkbox = { type: true };
        if (field?.checkbox?.type) {
          // The result of a checkbox is its box: its state, not the glyph the writer put there.
          state.skip = true;
          const checked = (field.checkbox.result ?? 25) === 25 ? field.checkbox.defaultResult === 1 : field.checkbox.result === 1;
          inlineCheckbox(checked);
          field.checkbox = undefined;
        }
        return;
      }
    }
  };
  const inlineCheckbox = (checked: boolean) => {
    ensureTables();
    builder.checkbox(checked);
  };

  // The outer loop: groups, control words and symbols, text.
  const n = src.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (c === 0x7b) {
      flushBytes();
      if (++depth > limits.xmlDepth) throw new DocxError('xml-too-deep', `The document nests groups more than ${limits.xmlDepth} deep.`);
      stack.push(state);
      state = { ...state, field: state.field };
      groupStart = true;
      starred = false;
      i++;
      continue;
    }
    if (c === 0x7d) {
      flushBytes();
      const closing = state;
      state = stack.pop() ?? state;
      depth = Math.max(0, depth - 1);
      // A \field group that closes without a result (a checkbox has none in some writers).
      if (closing.field && closing.field !== state.field && closing.field.checkbox?.type) {
        const box = closing.field.checkbox;
        inlineCheckbox((box.result ?? 25) === 25 ? box.defaultResult === 1 : box.result === 1);
      }
      groupStart = false;
      i++;
      continue;
    }
    if (c === 0x5c) {
      const next = src[i + 1] ?? 0; // past the end: no letter, no symbol, nothing emitted
      if ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a)) {
        let j = i + 1;
        while (j < n && j - i < 34 && ((src[j]! >= 0x61 && src[j]! <= 0x7a) || (src[j]! >= 0x41 && src[j]! <= 0x5a))) j++;
        const word = String.fromCharCode(...src.subarray(i + 1, j));
        let param: number | null = null;
        let k = j;
        if (src[k] === 0x2d || (src[k]! >= 0x30 && src[k]! <= 0x39)) {
          const start = k;
          k++;
          while (k < n && k - start < 11 && src[k]! >= 0x30 && src[k]! <= 0x39) k++;
          param = Number(String.fromCharCode(...src.subarray(start, k)));
          if (!Number.isFinite(param)) param = 0;
        }
        if (src[k] === 0x20) k++;
        i = k;
        if (word !== 'u') flushBytes();
        if (skipChars > 0 && word !== 'u') {
          // a control word counts as one fallback character after \u
          skipChars--;
          continue;
        }
        control(word, param);
        continue;
      }
      i += 2;
      if (next === 0x27) {
        // \'hh: a byte in the document's code page
        const hex = String.fromCharCode(src[i] ?? 0, src[i + 1] ?? 0);
        i += 2;
        if (skipChars > 0) {
          skipChars--;
          continue;
        }
        const byte = parseInt(hex, 16);
        if (!Number.isNaN(byte) && !state.skip) pendingBytes.push(byte);
        continue;
      }
      flushBytes();
      groupStart = groupStart && next === 0x2a;
      if (next === 0x2a) {
        starred = true;
        continue;
      }
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (next === 0x5c || next === 0x7b || next === 0x7d) emit(String.fromCharCode(next));
      else if (next === 0x7e) emit('\u00a0');
      else if (next === 0x5f) emit('\u2011');
      else if (next === 0x0a || next === 0x0d) control('par', null);
      else if (next === 0x09) emit('\t');
      continue;
    }
    groupStart = false;
    if (c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    if (skipChars > 0) {
      skipChars--;
      i++;
      continue;
    }
    if (!state.skip) pendingBytes.push(c);
    i++;
    if (pendingBytes.length > 4096) flushBytes();
  }
  flushBytes();
  while (builder.tableDepth) builder.endTable();
  return builder.finish();
}
