// A programme's deadline as an instant, read in the programme's time zone (UK time, with
// British Summer Time) by @date-fns/tz, which asks Intl: no hand-written DST rules.
import { TZDate } from '@date-fns/tz';
import type { Deadline } from './catalogue/schema';

/** The last instant at which an application is on time. "By <date>" with no hour: the end of that day. */
export function deadlineInstant(deadline: Deadline): Date {
  const [year, month, day] = deadline.date.split('-').map(Number) as [number, number, number];
  if (deadline.time) {
    const [hour, minute] = deadline.time.split(':').map(Number) as [number, number];
    return new Date(new TZDate(year, month - 1, day, hour, minute, 0, 0, deadline.timeZone).getTime());
  }
  return new Date(new TZDate(year, month - 1, day + 1, 0, 0, 0, 0, deadline.timeZone).getTime() - 1);
}

export function isLate(receivedAt: string, deadline: Deadline): boolean {
  return Date.parse(receivedAt) > deadlineInstant(deadline).getTime();
}

/** "Thursday 7 June 2018 at 17:30", in the deadline's time zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}`;
}
