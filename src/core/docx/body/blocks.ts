// Paragraphs, text boxes, alternate content, and the subtrees that are passed over whole.
import type { Inline, Paragraph, TextInline } from '../model';
import type { Handlers } from './state';

export const blocks: Handlers = {
  open: {
    'w:p': (s) => {
      s.paragraphs.push({ inlines: s.pendingCheckbox ? [s.pendingCheckbox] : [], pendingBlocks: [] });
      s.pendingCheckbox = undefined;
    },
    'w:pPr': () => 'skip',
    'w:txbxContent': (s) => {
      s.containers.push([]);
    },
    'mc:AlternateContent': (s) => {
      s.alternates.push({ taken: false });
    },
    'mc:Choice': (s) => {
      const alternate = s.alternates[s.alternates.length - 1];
      if (!alternate || alternate.taken) return 'skip';
      alternate.taken = true;
    },
    'mc:Fallback': (s) => {
      const alternate = s.alternates[s.alternates.length - 1];
      if (!alternate || alternate.taken) return 'skip';
      alternate.taken = true;
    },
    // Ignored subtrees: section layout, maths, embedded objects, comments' own content.
    'w:sectPr': () => 'skip',
    'w:object': () => 'skip',
    'm:oMath': () => 'skip',
    'm:oMathPara': () => 'skip',
    'w:fldData': () => 'skip',
  },
  close: {
    'w:p': (s) => {
      const built = s.paragraphs.pop();
      if (!built) return;
      const paragraph: Paragraph = { kind: 'paragraph', inlines: mergeInlines(built.inlines) };
      const container = s.containers[s.containers.length - 1]!;
      container.push(paragraph, ...built.pendingBlocks);
    },
    'w:txbxContent': (s) => {
      const blocks = s.containers.pop() ?? [];
      // A text box's paragraphs follow the paragraph that anchors it.
      const anchor = s.currentParagraph();
      if (anchor) anchor.pendingBlocks.push(...blocks);
      else s.containers[s.containers.length - 1]!.push(...blocks);
    },
    'mc:AlternateContent': (s) => {
      s.alternates.pop();
    },
  },
};

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
      inline.kind === 'text' &&
      pending &&
      pending.bold === inline.bold &&
      pending.strike === inline.strike &&
      pending.highlight === inline.highlight &&
      pending.link === inline.link
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
