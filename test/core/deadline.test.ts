// A programme's deadline as the exact instant it ends, in UK time: British Summer Time in summer,
// Greenwich Mean Time in winter, and the days the clocks change.
import { deadlineInstant, formatLocal, isLate } from '../../src/core/deadline';
import type { Deadline } from '../../src/core/catalogue/schema';

const uk = (date: string, time?: string): Deadline => ({ date, ...(time ? { time } : {}), timeZone: 'Europe/London' });

describe('deadlineInstant', () => {
  it.each([
    // date, time, the instant (UTC)
    ['2018-06-07', '12:00', '2018-06-07T11:00:00.000Z'], // BST: UTC+1
    ['2019-01-31', '17:00', '2019-01-31T17:00:00.000Z'], // GMT
    ['2021-05-28', '23:59', '2021-05-28T22:59:00.000Z'],
    ['2019-03-31', '12:00', '2019-03-31T11:00:00.000Z'], // the day the clocks go forward, after the change
    ['2019-03-31', '00:30', '2019-03-31T00:30:00.000Z'], // … and before it
    ['2018-10-28', '12:00', '2018-10-28T12:00:00.000Z'], // the day the clocks go back, after the change
    ['2018-10-28', '00:30', '2018-10-27T23:30:00.000Z'], // … and before it
  ])('%s at %s UK time is %s', (date, time, instant) => {
    expect(deadlineInstant(uk(date, time)).toISOString()).toBe(instant);
  });

  it.each([
    // "by <date>": the last millisecond of that day in UK time
    ['2018-06-08', '2018-06-08T22:59:59.999Z'], // BST
    ['2019-01-31', '2019-01-31T23:59:59.999Z'], // GMT, and the month turns over
    ['2018-12-31', '2018-12-31T23:59:59.999Z'], // the year turns over
    ['2020-02-29', '2020-02-29T23:59:59.999Z'], // a leap day
    ['2019-03-30', '2019-03-30T23:59:59.999Z'], // the eve of the clocks going forward: still GMT at midnight
    ['2019-03-31', '2019-03-31T22:59:59.999Z'], // the day they go forward: BST at its end
    ['2018-10-27', '2018-10-27T22:59:59.999Z'], // the eve of the clocks going back: BST at midnight
    ['2018-10-28', '2018-10-28T23:59:59.999Z'], // the day they go back: GMT at its end
  ])('by %s ends at %s', (date, instant) => {
    expect(deadlineInstant(uk(date)).toISOString()).toBe(instant);
  });

  it("reads the deadline in the programme's own time zone", () => {
    expect(deadlineInstant({ date: '2019-01-31', time: '17:00', timeZone: 'America/New_York' }).toISOString()).toBe(
      '2019-01-31T22:00:00.000Z',
    );
    expect(deadlineInstant({ date: '2019-01-31', timeZone: 'UTC' }).toISOString()).toBe('2019-01-31T23:59:59.999Z');
  });
});

describe('isLate', () => {
  it('is on time up to and including the deadline, and late a millisecond after', () => {
    const noon = uk('2018-06-07', '12:00');
    expect(isLate('2018-06-07T10:59:59.999Z', noon)).toBe(false);
    expect(isLate('2018-06-07T11:00:00.000Z', noon)).toBe(false);
    expect(isLate('2018-06-07T11:00:00.001Z', noon)).toBe(true);
  });

  it('counts a whole day for a deadline with no time', () => {
    const byFriday = uk('2018-06-08');
    expect(isLate('2018-06-08T22:59:59.999Z', byFriday)).toBe(false);
    expect(isLate('2018-06-08T23:00:00.000Z', byFriday)).toBe(true); // midnight BST
    const winter = uk('2019-01-31');
    expect(isLate('2019-01-31T23:59:59.999Z', winter)).toBe(false);
    expect(isLate('2019-02-01T00:00:00.000Z', winter)).toBe(true);
  });

  it('reads the time the email was received with its own offset', () => {
    const noon = uk('2018-06-07', '12:00');
    expect(isLate('2018-06-07T12:00:00+01:00', noon)).toBe(false);
    expect(isLate('2018-06-07T12:00:00+00:00', noon)).toBe(true);
    expect(isLate('Thu, 07 Jun 2018 12:30:00 +0100', noon)).toBe(true);
  });
});

describe('formatLocal', () => {
  it('gives the day, the date and the time on the 24-hour clock, in the time zone asked for', () => {
    expect(formatLocal(new Date('2018-06-07T16:30:00Z'), 'Europe/London')).toBe('Thursday 7 June 2018 at 17:30');
    expect(formatLocal(new Date('2019-01-31T17:00:00Z'), 'Europe/London')).toBe('Thursday 31 January 2019 at 17:00');
    expect(formatLocal(new Date('2018-06-07T23:05:00Z'), 'Europe/London')).toBe('Friday 8 June 2018 at 00:05');
    expect(formatLocal(new Date('2019-01-31T17:00:00Z'), 'America/New_York')).toBe('Thursday 31 January 2019 at 12:00');
  });

  it('shows the end of a day-only deadline as 23:59 of that day', () => {
    expect(formatLocal(deadlineInstant(uk('2018-06-08')), 'Europe/London')).toBe('Friday 8 June 2018 at 23:59');
    expect(formatLocal(deadlineInstant(uk('2018-10-28')), 'Europe/London')).toBe('Sunday 28 October 2018 at 23:59');
  });
});
