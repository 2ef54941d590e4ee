// The form's own text left where an answer goes ("Yes/No", "Signature of …", Word's
// placeholder prompts, a statement box's instructions) is not an answer.
import { labelKey, templateKey } from '../text';

const GENERIC = [
  'yes no',
  'click or tap here to enter text',
  'click here to enter text',
  'enter text here',
  'choose an item',
  'click or tap to enter a date',
];

/** True when the text is nothing but prompt text: the field's own prompts or Word's generic ones. */
export function isPrompt(text: string, prompts: readonly string[]): boolean {
  // An answer much longer than every prompt is not one (and a statement need not be keyed to know it).
  const longest = prompts.reduce((max, p) => Math.max(max, p.length), 60);
  if (text.length > longest * 1.5 + 40) return false;
  const key = labelKey(text);
  if (!key) return true;
  if (GENERIC.includes(key) || key.startsWith('signature of ')) return true;
  for (const prompt of prompts) {
    const promptKey = templateKey(prompt);
    if (key === promptKey) return true;
    // A long instruction reworded or cut short after its first 40 characters ("(max. 300 words)") is still the instruction.
    if (promptKey.length >= 40 && key.length >= 40 && key.startsWith(promptKey.slice(0, 40))) return true;
  }
  return false;
}
