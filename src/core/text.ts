// Text normalisation shared by every stage, as forms.md fixes it.

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Straight quotes, plain spaces, no invisible characters; line breaks kept. */
export function normalizeCharacters(text: string): string {
  if (!/[^\x20-\x7e\n]/.test(text)) return text;
  return text
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\r\n?/g, '\n');
}

/** Trimmed, every run of white space (line breaks included) folded to one space. */
export function foldWhitespace(text: string): string {
  return normalizeCharacters(text).replace(/\s+/g, ' ').trim();
}

/** Lines kept as `\n`, each folded, empty lines dropped (addresses). */
export function foldLines(text: string): string {
  return normalizeCharacters(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The form of a label used to compare it: lower case, letters and digits only, single spaces. */
export function labelKey(text: string): string {
  return normalizeCharacters(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/e-mail/g, 'email')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words as a reader counts them: runs of non-space holding a letter or a digit. */
export function countWords(text: string): number {
  // One pass, no array of tokens: a long answer costs its length, not a copy of every word.
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(text[i]!))) {
      counted = false;
    } else if (
      !counted &&
      ((code >= 48 && code <= 57) ||
        ((code | 32) >= 97 && (code | 32) <= 122) ||
        (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!))))
    ) {
      count++;
      counted = true;
    }
  }
  return count;
}

const fixedKeys = new Map<string, string>();

/** labelKey of a template's own text (labels, prompts, titles), computed once per string. */
export function templateKey(text: string): string {
  let key = fixedKeys.get(text);
  if (key === undefined) {
    key = labelKey(text);
    fixedKeys.set(text, key);
  }
  return key;
}

// ---- Work in proportion to the text ----
// A sender controls every text below. Each function here looks at each character a bounded number
// of times; test/core/bounded proves every regular expression in src/ free of super-linear backtracking.

/** The text without the characters `strip` accepts at its start and at its end. */
export function trimWhere(text: string, strip: (char: string) => boolean, ends: 'both' | 'start' | 'end' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (ends !== 'end') while (start < end && strip(text[start]!)) start++;
  if (ends !== 'start') while (end > start && strip(text[end - 1]!)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]$/;
/** A domain after the @: labels of letters, digits and inner hyphens, at least two of them. Anchored (sticky). */
const DOMAIN = /[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/y;

export interface FoundEmail {
  readonly address: string;
  readonly index: number;
}

/**
 * The first e-mail address in the text at or after `from`, as the pattern
 * `[local]+@label(.label)+` finds it, but found from each @ outwards, so that a long run of
 * letters with no @ (or no domain) costs its length once, not its square.
 */
export function findEmail(text: string, from = 0): FoundEmail | undefined {
  let localStart = from;
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
    // The local part runs back from the @ to the first character that cannot be in one (or an earlier @).
    let start = at;
    while (start > localStart && LOCAL_PART.test(text[start - 1]!)) start--;
    localStart = at + 1;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain) return { address: text.slice(start, at + 1 + domain[0].length), index: start };
  }
  return undefined;
}

/** Every e-mail address in the text replaced (as findEmail finds them, left to right). */
export function replaceEmails(text: string, by: string): string {
  let out = '';
  let at = 0;
  for (let found = findEmail(text); found; found = findEmail(text, at)) {
    out += text.slice(at, found.index) + by;
    at = found.index + found.address.length;
  }
  return at === 0 ? text : out + text.slice(at);
}
