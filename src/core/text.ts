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
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
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
