// A template may be proposed from a filled-in copy of a form, so the form's own text (labels,
// roles, instructions) has to be told apart from what the applicant wrote. These are the tests.
import { findEmail, foldWhitespace, labelKey } from '../text';

const MONTH_OR_TERM = '(?:spring|summer|autumn|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+';
/** "2023-24", "Spring 2021", "Sept 2019 - July 2021", "01/09/2019": how a row of a history table starts. */
const DATED = new RegExp(`^(?:${MONTH_OR_TERM})?(?:\\d{4}|\\d{1,2}[/.-]\\d{1,2})\\b`, 'i');

/** Text no label reads like: a date or period, an address, a number. */
export function looksLikeValue(text: string): boolean {
  const folded = foldWhitespace(text);
  return DATED.test(folded) || findEmail(folded) !== undefined || /^[\d\s+()/.-]{4,}$/.test(folded);
}

/** Nothing yet, or more than a label holds: several lines, a long text, a value. */
export function looksLikeAnswer(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed || trimmed.includes('\n') || foldWhitespace(trimmed).length > 100 || looksLikeValue(trimmed);
}

/** An answer that is a Yes or a No ("Yes", "no", "yes - since 2005"): the question is a Yes/No one. */
export function isYesNoAnswer(text: string): boolean {
  return /^(yes|no)\s*(?:$|[-–—,;:(])/i.test(foldWhitespace(text));
}

/** A ticked box is the applicant's answer; the form's prompt is the box unticked. */
export function untick(text: string): string {
  return text.replace(/☒/g, '☐');
}

/** The last line of a letter-like statement: "Mrs Ann Lee", "Kind regards". Short, but no heading. */
export function looksLikeSignOff(text: string): boolean {
  return /^((mr|mrs|ms|miss|mx|dr|prof)\.?\s|(yours|kind regards|best wishes|regards|thank you|many thanks)\b)/i.test(foldWhitespace(text));
}

// A form's instructions speak to the reader: "Please give …", "Explain briefly …", "(maximum 300 words)".
const IMPERATIVE =
  /^(?:please\s+)?(give|explain|describe|outline|tell|state|list|include|provide|write|set out|summari[sz]e|detail|identify|indicate|note|use|continue|complete|attach|add|say|show)\b/i;
const LIMIT = /\b(maximum|max\.?|no more than|up to|approx\.?|approximately|about|around)\s*\d+\s*words?\b/i;

/** A line of the form's instructions, not of an answer. */
export function looksLikeInstruction(text: string): boolean {
  const folded = foldWhitespace(text);
  return IMPERATIVE.test(folded) || /^\(/.test(folded) || LIMIT.test(folded);
}

// Cells of a signature block that name a detail rather than a person.
const DETAIL = /^(name|print name|date|signed|signature|position|role|job title|title|e ?mail|telephone|phone)\b/;

/** A signatory's role: "Headteacher", "Mastery Advocate Teacher 1"; not "Date", not an answer. */
export function looksLikeRole(text: string): boolean {
  const folded = foldWhitespace(text);
  return (
    folded.length > 0 &&
    folded.length <= 60 &&
    !/[@:]/.test(folded) &&
    !/\d/.test(folded.replace(/\s\d+$/, '')) &&
    !DETAIL.test(labelKey(folded))
  );
}
