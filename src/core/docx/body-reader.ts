// Reads WordprocessingML (word/document.xml) into the document model.
// Each kind of structure has its handler module over one reader state (body/state.ts): runs,
// fields, content controls and revisions, tables, blocks. Elements no module lists pass through,
// so their children are still read (w:ins, w:smartTag, w:customXml, w:hyperlink …).
import type { DocxLimits } from './limits';
import type { Block } from './model';
import { parseXml } from './xml';
import { blocks } from './body/blocks';
import { controls } from './body/controls';
import { fields } from './body/fields';
import { runs } from './body/runs';
import { ReaderState, type CloseHandler, type Handlers, type OpenHandler } from './body/state';
import { tables } from './body/tables';

export interface BodyReadOptions {
  readonly limits: DocxLimits;
  /** Relationship id → target, for hyperlinks. */
  readonly links: ReadonlyMap<string, string>;
  readonly part: string;
}

const MODULES: readonly Handlers[] = [blocks, runs, fields, controls, tables];

/** One table of handlers by element name; a name handled by two modules is a mistake caught here. */
function merge(kind: 'open' | 'close'): Record<string, OpenHandler | CloseHandler> {
  const out: Record<string, OpenHandler | CloseHandler> = {};
  for (const module of MODULES) {
    for (const [name, handler] of Object.entries(module[kind])) {
      if (name in out) throw new Error(`Two body-reader modules handle the ${kind} of ${name}.`);
      out[name] = handler;
    }
  }
  return out;
}
const OPEN = merge('open') as Record<string, OpenHandler>;
const CLOSE = merge('close') as Record<string, CloseHandler>;

export function readBody(xml: string, options: BodyReadOptions): Block[] {
  const s = new ReaderState(options.limits, options.links);
  const { names } = s;
  parseXml(xml, options.part, options.limits.xmlDepth, {
    open(name, attributes) {
      // A deleted table row: w:del inside the row's properties.
      if (name === 'w:del' && names[names.length - 1] === 'w:trPr') {
        const row = s.currentRow();
        if (row) row.deleted = true;
        return 'skip';
      }
      names.push(name);
      const handler = OPEN[name];
      if (handler && handler(s, attributes) === 'skip') {
        names.pop();
        return 'skip';
      }
    },
    close(name) {
      names.pop();
      CLOSE[name]?.(s);
    },
    text(text) {
      if (s.inText) s.emitText(text);
      else if (s.inInstruction) {
        const field = s.fields[s.fields.length - 1];
        if (field && !field.inResult) field.instruction += text;
      }
    },
  });
  return s.body;
}
