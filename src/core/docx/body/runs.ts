// Runs and what is in them: text, tabs, breaks, symbols, and the formatting that can carry an answer.
import { toggle, type Handlers } from './state';

// Wingdings/Symbol code points that forms use for ticks and boxes.
const SYMBOLS: Record<string, string> = {
  F0FC: '✓',
  F0FB: '✗',
  F0FD: '☒',
  F0FE: '☑',
  F0A8: '☐',
  F06F: '☐',
  F078: '☒',
  F0A2: '☐',
  F0D6: '✓',
  F0D5: '✗',
  '00FC': '✓',
  '00FB': '✗',
  '00FD': '☒',
  '00FE': '☑',
  '00A8': '☐',
};

export const runs: Handlers = {
  open: {
    'w:r': (s) => {
      s.run = { bold: false, strike: false, highlight: false, hidden: false };
    },
    'w:rPr': (s) => {
      if (s.names[s.names.length - 2] !== 'w:r') return 'skip';
      s.inRunProperties = true;
    },
    'w:rPrChange': () => 'skip',
    'w:b': (s, a) => {
      if (s.inRunProperties) s.run.bold = toggle(a);
    },
    'w:strike': (s, a) => {
      if (s.inRunProperties) s.run.strike = toggle(a);
    },
    'w:dstrike': (s, a) => {
      if (s.inRunProperties) s.run.strike = toggle(a);
    },
    'w:highlight': (s, a) => {
      if (s.inRunProperties) s.run.highlight = toggle(a);
    },
    'w:shd': (s, a) => {
      const fill = (a.get('w:fill') ?? 'auto').toLowerCase();
      if (s.inRunProperties) s.run.highlight = !['auto', 'ffffff', 'none', ''].includes(fill);
    },
    'w:vanish': (s, a) => {
      if (s.inRunProperties) s.run.hidden = toggle(a);
    },
    'w:t': (s) => {
      s.inText = true;
    },
    'w:delText': () => 'skip',
    'w:tab': (s) => s.emitText('\t'),
    'w:ptab': (s) => s.emitText('\t'),
    'w:br': (s) => s.emitText('\n'),
    'w:cr': (s) => s.emitText('\n'),
    'w:noBreakHyphen': (s) => s.emitText('-'),
    'w:sym': (s, a) => {
      const code = (a.get('w:char') ?? '').toUpperCase();
      s.emitText(SYMBOLS[code] ?? (/^[0-9A-F]{4}$/.test(code) && !code.startsWith('F0') ? String.fromCharCode(parseInt(code, 16)) : ''));
    },
  },
  close: {
    'w:rPr': (s) => {
      s.inRunProperties = false;
    },
    'w:t': (s) => {
      s.inText = false;
    },
  },
};
