// Reading an answer as the field's type says (forms.md): the value, and what is wrong with it.
import type { Inline, Paragraph } from '../docx/model';
import { paragraphText } from '../docx/model';
import { findHub } from '../catalogue/hubs';
import type { Field, Hub } from '../catalogue/schema';
import type { Issue } from '../issues';
import { readWrittenDate } from '../dates';
import { countWords, findEmail, foldLines, foldWhitespace, normalizeCharacters, replaceEmails, trimWhere } from '../text';
import type { Answer } from './locate';
import { isPrompt } from './prompts';

export type FieldValue = string | number | boolean | readonly Record<string, string | null>[] | null;

export interface FieldReading {
  readonly value: FieldValue;
  readonly issues: readonly Issue[];
}

export interface ReadContext {
  readonly hubs: readonly Hub[];
  /** Canonical names of the hubs that run the programme, or 'all'. */
  readonly programmeHubs: readonly string[] | 'all';
  /** A hub manager's name for the field in messages, e.g. "Teacher 1 – Email". */
  readonly title: string;
  /** The answer box holds a name too ("name and e-mail"): a name alone there means no address was given. */
  readonly besideName?: boolean;
}

const EDGE_PUNCTUATION = /^[\s,;:\-–—/|]$/;
const isEdgePunctuation = (char: string) => EDGE_PUNCTUATION.test(char);

/** The answer's paragraphs as text lines; the text typed beside the label when the answer box is empty. */
function answerLines(answer: Answer, prompts: readonly string[]): string[] {
  const lines = answer.paragraphs.map((p) => normalizeCharacters(paragraphText(p)));
  const meaningful = lines.filter((line) => !isPrompt(line, prompts));
  if (meaningful.length === 0 && answer.besideLabel && !isPrompt(answer.besideLabel, prompts)) return [answer.besideLabel];
  return meaningful;
}

function answerInlines(answer: Answer): Inline[] {
  return answer.paragraphs.flatMap((p) => p.inlines);
}

const ok = (value: FieldValue): FieldReading => ({ value, issues: [] });

function issue(ctx: ReadContext, field: Field, severity: Issue['severity'], code: string, message: string): Issue {
  return { severity, code, field: field.key, message };
}

/**
 * The most characters of one answer that are read. A statement of 300 words is about 2,000; a
 * longer answer is cut here, with an issue, so that what one answer costs is bounded, whatever
 * the sender typed (a 31 MB answer would otherwise be copied and split several times over).
 */
export const MAX_ANSWER_CHARACTERS = 100_000;

/** The answer cut to MAX_ANSWER_CHARACTERS (paragraph by paragraph, inline by inline), and its length when it was cut. */
function bounded(answer: Answer): { answer: Answer; length?: number } {
  let length = answer.besideLabel.length;
  for (const paragraph of answer.paragraphs)
    for (const inline of paragraph.inlines) length += inline.kind === 'text' ? inline.text.length : 1;
  if (length <= MAX_ANSWER_CHARACTERS) return { answer };
  let room = MAX_ANSWER_CHARACTERS;
  const paragraphs: Paragraph[] = [];
  for (const paragraph of answer.paragraphs) {
    if (room <= 0) break;
    const inlines: Inline[] = [];
    for (const inline of paragraph.inlines) {
      if (room <= 0) break;
      const size = inline.kind === 'text' ? inline.text.length : 1;
      inlines.push(inline.kind === 'text' && size > room ? { ...inline, text: inline.text.slice(0, room) } : inline);
      room -= size;
    }
    paragraphs.push({ ...paragraph, inlines });
  }
  return { answer: { paragraphs, besideLabel: answer.besideLabel.slice(0, MAX_ANSWER_CHARACTERS) }, length };
}

export function readValue(field: Field, answer: Answer | undefined, ctx: ReadContext): FieldReading {
  if (!answer) return ok(null);
  const cut = bounded(answer);
  const reading = readBoundedValue(field, cut.answer, ctx);
  if (cut.length === undefined) return reading;
  const tooLong = issue(
    ctx,
    field,
    'warning',
    'answer-too-long',
    `${ctx.title} is ${cut.length.toLocaleString('en-GB')} characters long; only its first ${MAX_ANSWER_CHARACTERS.toLocaleString('en-GB')} were read.`,
  );
  return { value: reading.value, issues: [...reading.issues, tooLong] };
}

function readBoundedValue(field: Field, answer: Answer, ctx: ReadContext): FieldReading {
  const lines = answerLines(answer, field.prompts);
  const text = foldWhitespace(lines.join(' '));
  switch (field.type) {
    case 'text':
      return ok(text || null);
    case 'multiline':
      return ok(foldLines(lines.join('\n')) || null);
    case 'statement':
      return readStatement(field, answer, ctx);
    case 'name':
      return ok(nameOf(lines) || null);
    case 'email':
      return readEmail(field, text, answerInlines(answer), ctx);
    case 'urn':
      return readUrn(field, text, ctx);
    case 'trn':
      return readTrn(field, text, ctx);
    case 'phone':
      return readPhone(field, text, ctx);
    case 'number':
      return readNumber(field, text, ctx);
    case 'hub':
      return readHub(field, text, ctx);
    case 'date': {
      if (!text) return ok(null);
      const written = readWrittenDate(text);
      if (written) return ok(written.date);
      return { value: text, issues: [issue(ctx, field, 'warning', 'invalid-date', `${ctx.title} is not a date that can be read.`)] };
    }
    case 'yesNo':
      return readYesNo(field, answer, ctx);
    case 'rows':
      return ok(null); // read from the table by readRows
  }
}

/** The name in a cell that may also hold an email: `Mrs Jane Smith, J.Smith@x.org.uk`, `Jane Smith (jsmith@x)`. */
function nameOf(lines: readonly string[]): string {
  const named = lines
    .map((line) =>
      trimWhere(
        foldWhitespace(
          replaceEmails(line.replace(/mailto:\S*/gi, ' '), ' ')
            .replace(/\b(e-?mail|email address)\s*:?/gi, ' ')
            .replace(/\(\s*\)|<\s*>|\[\s*\]/g, ' '),
        ),
        isEdgePunctuation,
      ),
    )
    .filter(Boolean);
  return named.join(' ');
}

function readEmail(field: Field, text: string, inlines: readonly Inline[], ctx: ReadContext): FieldReading {
  const typed = findEmail(text)?.address;
  if (typed) return ok(typed.toLowerCase());
  for (const inline of inlines) {
    if (inline.kind === 'text' && inline.link?.toLowerCase().startsWith('mailto:')) {
      const address = findEmail(decodeLink(inline.link.slice(7)))?.address;
      if (address) return ok(address.toLowerCase());
    }
  }
  if (!text || (ctx.besideName && !text.includes('@'))) return ok(null);
  return { value: text, issues: [issue(ctx, field, 'error', 'invalid-email', `${ctx.title} is not an email address.`)] };
}

/** A link's percent-escapes decoded; a malformed one (`%E0%A4%A`, a lone `%`) is read as written, never thrown. */
function decodeLink(link: string): string {
  try {
    return decodeURIComponent(link);
  } catch {
    return link;
  }
}

function readUrn(field: Field, text: string, ctx: ReadContext): FieldReading {
  if (!text) return ok(null);
  // "137 425", "URN: 137425": one six-digit number, spaces inside tolerated.
  const numbers = text.replace(/(\d)\s+(?=\d)/g, '$1').match(/\d+/g) ?? [];
  const urns = numbers.filter((n) => /^\d{6}$/.test(n) && Number(n) >= 100000);
  if (urns.length === 1 && (numbers.length === 1 || /\burn\b/i.test(text))) return ok(urns[0]!);
  return { value: text, issues: [issue(ctx, field, 'error', 'invalid-urn', `${ctx.title} should be a school URN of 6 digits.`)] };
}

function readTrn(field: Field, text: string, ctx: ReadContext): FieldReading {
  if (!text) return ok(null);
  const digits = text.replace(/\D/g, '');
  if (/^\d{7}$/.test(text.replace(/\s+/g, ''))) return ok(digits);
  if (digits.length === 7) {
    return {
      value: digits,
      issues: [issue(ctx, field, 'warning', 'old-style-trn', `${ctx.title} is written in the old style; its digits have been kept.`)],
    };
  }
  return { value: text, issues: [issue(ctx, field, 'error', 'invalid-trn', `${ctx.title} should be a 7-digit Teacher Reference Number.`)] };
}

function readPhone(field: Field, text: string, ctx: ReadContext): FieldReading {
  if (!text) return ok(null);
  // The number itself, before any "ext. 204" or "(school office)".
  const number = /\+?\(?\d[\d\s().-]{7,}\d/.exec(text)?.[0] ?? '';
  const digits = number.replace(/\(0\)/g, '').replace(/(?!^\+)\D/g, '');
  const valid = /^0\d{9,10}$/.test(digits) || /^\+44\d{9,10}$/.test(digits) || /^0044\d{9,10}$/.test(digits);
  if (valid) return ok(text);
  return { value: text, issues: [issue(ctx, field, 'error', 'invalid-phone', `${ctx.title} is not a UK telephone number.`)] };
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
};

function readNumber(field: Field, text: string, ctx: ReadContext): FieldReading {
  if (!text) return ok(null);
  const digits = /\d+(?:\.\d+)?/.exec(text);
  // "Since 2012" gives a year, not a number of years.
  if (digits && !/^(19|20)\d\d$/.test(digits[0])) return ok(Math.floor(Number(digits[0])));
  if (digits)
    return { value: null, issues: [issue(ctx, field, 'warning', 'invalid-number', `${ctx.title} gives a year, not a number of years.`)] };
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  let total: number | undefined;
  for (const word of words) {
    const n = NUMBER_WORDS[word];
    if (n !== undefined) total = (total ?? 0) + n;
    else if (total !== undefined) break;
  }
  if (total !== undefined) return ok(total);
  return { value: null, issues: [issue(ctx, field, 'warning', 'invalid-number', `${ctx.title} should be a number.`)] };
}

function readHub(field: Field, text: string, ctx: ReadContext): FieldReading {
  if (!text) return ok(null);
  const hub = findHub(text, ctx.hubs);
  if (!hub)
    return { value: text, issues: [issue(ctx, field, 'error', 'unknown-hub', `${ctx.title} does not name one of the Maths Hubs.`)] };
  if (ctx.programmeHubs !== 'all' && !ctx.programmeHubs.includes(hub.name)) {
    return {
      value: hub.name,
      issues: [issue(ctx, field, 'error', 'hub-not-running-programme', `${hub.name} does not run this programme.`)],
    };
  }
  return ok(hub.name);
}

function readStatement(field: Field, answer: Answer, ctx: ReadContext): FieldReading {
  const paragraphs: string[] = [];
  for (const paragraph of answer.paragraphs) {
    // A blank line made with soft line breaks separates paragraphs too.
    for (const part of normalizeCharacters(paragraphText(paragraph)).split(/\n\s*\n/)) {
      const folded = foldWhitespace(part);
      if (folded && !isPrompt(folded, field.prompts)) paragraphs.push(folded);
    }
  }
  if (!paragraphs.length && answer.besideLabel && !isPrompt(answer.besideLabel, field.prompts))
    paragraphs.push(foldWhitespace(answer.besideLabel));
  const value = paragraphs.join('\n\n') || null;
  const limit = field.wordLimit;
  if (!value || !limit) return ok(value);
  const words = countWords(value);
  if (limit.kind === 'maximum' && words > limit.words) {
    return { value, issues: [issue(ctx, field, 'error', 'word-limit', `${ctx.title} has ${words} words; the limit is ${limit.words}.`)] };
  }
  if (limit.kind === 'approx' && words > limit.words * 1.2) {
    return {
      value,
      issues: [
        issue(ctx, field, 'warning', 'word-limit', `${ctx.title} has ${words} words, more than 20% over the suggested ${limit.words}.`),
      ],
    };
  }
  return ok(value);
}

// ---- Yes/No ----

interface Token {
  /** A Yes/No word, a ticked box or tick mark, or an empty box. */
  readonly answer: boolean | 'box' | 'tick' | 'unchecked';
  readonly strike: boolean;
  readonly highlight: boolean;
  readonly bold: boolean;
}

const BOX_GLYPHS = '☒☑■⊠🗹';
const TICK_GLYPHS = '✓✔✅';
const UNCHECKED_GLYPHS = '☐□◻❑';

/** The words and tick boxes of an answer, with the formatting that can mark one as chosen. */
function yesNoTokens(inlines: readonly Inline[]): Token[] {
  const tokens: Token[] = [];
  const plain = { strike: false, highlight: false, bold: false };
  for (const inline of inlines) {
    if (inline.kind === 'checkbox') {
      tokens.push({ answer: inline.checked ? 'box' : 'unchecked', ...plain });
      continue;
    }
    const format = { strike: inline.strike, highlight: inline.highlight, bold: inline.bold };
    // "[X] Yes [ ] No": a box typed with brackets.
    const text = inline.text.replace(/\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)/g, ' ☒ ').replace(/\[\s*\]|\(\s*\)/g, ' ☐ ');
    for (const match of text.matchAll(/[\p{L}]+|[☒☑■⊠🗹✓✔✅☐□◻❑]/gu)) {
      const word = match[0].toLowerCase();
      if (word === 'yes' || word === 'y') tokens.push({ answer: true, ...format });
      else if (word === 'no' || word === 'n') tokens.push({ answer: false, ...format });
      else if (BOX_GLYPHS.includes(word)) tokens.push({ answer: 'box', ...format });
      else if (TICK_GLYPHS.includes(word)) tokens.push({ answer: 'tick', ...format });
      else if (UNCHECKED_GLYPHS.includes(word)) tokens.push({ answer: 'unchecked', ...format });
    }
  }
  return tokens;
}

function readYesNo(field: Field, answer: Answer, ctx: ReadContext): FieldReading {
  let inlines = answerInlines(answer);
  const shown = foldWhitespace(inlines.map((i) => (i.kind === 'text' ? i.text : 'x')).join(''));
  if (!shown && answer.besideLabel) inlines = [{ kind: 'text', text: answer.besideLabel, bold: false, strike: false, highlight: false }];
  const text = foldWhitespace(inlines.map((i) => (i.kind === 'text' ? i.text : '')).join(''));
  // Nothing written and no box in it: not answered (missing when required), not an unclear answer.
  if (/^(n\/?a)?$/i.test(text) && !inlines.some((i) => i.kind === 'checkbox')) return ok(null);
  const result = decideYesNo(yesNoTokens(inlines));
  if (result === 'unanswered') return ok(null);
  if (result === 'ambiguous') {
    return {
      value: null,
      issues: [
        issue(
          ctx,
          field,
          field.required ? 'error' : 'warning',
          'ambiguous-answer',
          `${ctx.title}: the answer cannot be read as a clear Yes or No.`,
        ),
      ],
    };
  }
  return ok(result);
}

const marked = (token: Token) => token.strike || token.highlight || token.bold;

function decideYesNo(tokens: readonly Token[]): boolean | 'unanswered' | 'ambiguous' {
  const words = tokens.filter((t): t is Token & { answer: boolean } => typeof t.answer === 'boolean');
  const marks = tokens.filter((t) => typeof t.answer !== 'boolean');
  if (marks.length) {
    // "☒ Yes ☐ No" marks the word after each box; "Yes ☒ No ☐" and "Yes ✓" the word before.
    const marksFirst = typeof tokens[0]!.answer !== 'boolean';
    const chosen = new Set<boolean>();
    tokens.forEach((token, i) => {
      if (token.answer !== 'box' && token.answer !== 'tick') return;
      const [first, second] = marksFirst ? [tokens[i + 1], tokens[i - 1]] : [tokens[i - 1], tokens[i + 1]];
      const word = [first, second].find((t) => typeof t?.answer === 'boolean');
      if (word) chosen.add(word.answer as boolean);
    });
    if (chosen.size === 1) return [...chosen][0]!;
    if (chosen.size > 1) return 'ambiguous';
    return words.length ? 'unanswered' : 'ambiguous';
  }
  // "Yes/No Yes": the printed prompt left in place, the answer typed after it.
  const [first, second] = words;
  if (words.length > 2 && first?.answer === true && second?.answer === false && !marked(first) && !marked(second))
    return decideYesNo(tokens.slice(tokens.indexOf(second) + 1));
  const yes = words.filter((w) => w.answer);
  const no = words.filter((w) => !w.answer);
  if (!yes.length && !no.length) return 'ambiguous';
  if (!no.length) return true;
  if (!yes.length) return false;
  // Both words still there: the one struck through is rejected; the one marked out is chosen.
  for (const mark of ['strike', 'highlight', 'bold'] as const) {
    const yesMarked = yes.some((w) => w[mark]);
    const noMarked = no.some((w) => w[mark]);
    if (yesMarked === noMarked) continue;
    return mark === 'strike' ? !yesMarked : yesMarked;
  }
  // "Yes/No" as printed, untouched: not answered.
  if (yes.length === 1 && no.length === 1 && words.length === 2 && words[0]!.answer === true) return 'unanswered';
  return 'ambiguous';
}
