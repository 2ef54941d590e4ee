// Dates and times as English forms write them: "5pm Thursday 7th June 2018", "Friday 27 May 2021",
// "1700 on 29 March 2024", "07/06/2018". Pure text work; time zones are deadline.ts's business.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface WrittenDate {
  /** yyyy-mm-dd */
  readonly date: string;
  /** hh:mm, when the text gives an hour */
  readonly time?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | undefined {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTH_WORDS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** "7th June 2018", "7 jun. 2018": the first day, month word and year; the month word checked against the list, not in the pattern (whose many alternatives make it too big to prove linear). */
function namedDate(lower: string): RegExpExecArray | undefined {
  const candidate = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b/g;
  for (let found = candidate.exec(lower); found; found = candidate.exec(lower)) {
    if (MONTH_WORDS.has(found[2]!)) return found;
    candidate.lastIndex = found.index + 1;
  }
  return undefined;
}

/** The first date in the text, with the hour if one is written next to it. */
export function readWrittenDate(text: string): WrittenDate | undefined {
  const lower = text.toLowerCase();
  let date: string | undefined;
  let at = -1;
  let end = -1;
  const named = namedDate(lower);
  if (named) {
    const month = MONTHS.findIndex((m) => m.startsWith(named[2]!.slice(0, 3))) + 1;
    date = validDate(Number(named[3]), month, Number(named[1]));
    at = named.index;
    end = named.index + named[0].length;
  } else {
    const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(lower);
    if (numeric) {
      const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
      date = validDate(year, Number(numeric[2]), Number(numeric[1]));
      at = numeric.index;
      end = numeric.index + numeric[0].length;
    }
  }
  if (!date) return undefined;
  // An hour written just before or just after the date: "5pm Thursday 7th June", "29 March 2024 at 17:00".
  const near = lower.slice(Math.max(0, at - 40), Math.min(lower.length, end + 25));
  const time = readTime(near);
  return time ? { date, time } : { date };
}

function readTime(text: string): string | undefined {
  const twelve = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)/.exec(text);
  if (twelve) {
    let hour = Number(twelve[1]) % 12;
    if (twelve[3]!.startsWith('p')) hour += 12;
    return `${pad(hour)}:${twelve[2] ?? '00'}`;
  }
  if (/\b(noon|midday)\b/.test(text)) return '12:00';
  const clock = /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(text);
  if (clock) return `${pad(Number(clock[1]))}:${clock[2]}`;
  // "1700" is an hour; "2018" is a year.
  for (const match of text.matchAll(/\b([01]\d|2[0-3])([0-5]\d)\b/g)) {
    if (!/^(19|20)\d\d$/.test(match[0])) return `${match[1]}:${match[2]}`;
  }
  return undefined;
}
