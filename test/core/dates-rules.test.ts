// Dates and hours as forms write them, case by case (dates.test.ts has the forms' own wordings).
import { readWrittenDate } from '../../src/core/dates';

describe('a written date', () => {
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

  it('reads every month by its name and by its short name, with or without a full stop', () => {
    months.forEach((month, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect([month, readWrittenDate(`Deadline: 3 ${month[0]!.toUpperCase()}${month.slice(1)} 2024`)]).toEqual([
        month,
        { date: `2024-${mm}-03` },
      ]);
      expect([month, readWrittenDate(`3 ${month.slice(0, 3)}. 2024`)]).toEqual([month, { date: `2024-${mm}-03` }]);
    });
    expect(readWrittenDate('21st Sept 2018')).toEqual({ date: '2018-09-21' });
    expect(readWrittenDate('Friday 2nd, July, 2021')).toBeUndefined(); // a comma between day and month is not a date
    expect(readWrittenDate('Friday 2nd July, 2021')).toEqual({ date: '2021-07-02' });
  });

  it('passes over numbers followed by words that are not months', () => {
    expect(readWrittenDate('We have 3 cohorts 2019 and apply by 7 June 2019')).toEqual({ date: '2019-06-07' });
    expect(readWrittenDate('12 pupils 2018')).toBeUndefined();
    expect(readWrittenDate('5 Juneteenth 2020')).toBeUndefined();
  });

  it('refuses days a month does not have', () => {
    expect(readWrittenDate('31 June 2024')).toBeUndefined();
    expect(readWrittenDate('29 February 2023')).toBeUndefined();
    expect(readWrittenDate('29 February 2024')).toEqual({ date: '2024-02-29' });
    expect(readWrittenDate('0 May 2024')).toBeUndefined();
    expect(readWrittenDate('31/04/2024')).toBeUndefined();
    expect(readWrittenDate('01/13/2024')).toBeUndefined();
  });

  it('reads day/month/year in figures, British order, with two-digit years in this century', () => {
    expect(readWrittenDate('07/06/2018')).toEqual({ date: '2018-06-07' });
    expect(readWrittenDate('7.6.18')).toEqual({ date: '2018-06-07' });
    expect(readWrittenDate('07-06-2018')).toEqual({ date: '2018-06-07' });
    expect(readWrittenDate('07/06/2')).toBeUndefined();
    expect(readWrittenDate('no date here')).toBeUndefined();
  });
});

describe('the hour written next to a date', () => {
  const at = (text: string) => readWrittenDate(text)?.time;

  it('reads 12-hour times, with or without minutes and full stops', () => {
    expect(at('5pm Thursday 7th June 2018')).toBe('17:00');
    expect(at('by 5.30 pm on 7 June 2018')).toBe('17:30');
    expect(at('7 June 2018 at 9:05 a.m.')).toBe('09:05');
    expect(at('7 June 2018, 11 p.m.')).toBe('23:00');
    expect(at('12pm on 7 June 2018')).toBe('12:00');
    expect(at('12am on 7 June 2018')).toBe('00:00');
    expect(at('10am on 7 June 2018')).toBe('10:00');
  });

  it('reads noon, the 24-hour clock and "1700", but never takes a year for an hour', () => {
    expect(at('noon on 7 June 2018')).toBe('12:00');
    expect(at('7 June 2018 at midday')).toBe('12:00');
    expect(at('7 June 2018 at 17:00')).toBe('17:00');
    expect(at('7 June 2018 at 9:45')).toBe('09:45');
    expect(at('1700 on 29 March 2024')).toBe('17:00');
    expect(at('0930 on 29 March 2024')).toBe('09:30');
    expect(at('29 March 2024')).toBeUndefined();
    expect(at('29 March 2024 2019')).toBeUndefined();
    expect(at('7 June 2018 at 25:00')).toBeUndefined();
  });

  it('looks only close to the date: up to 40 characters before it and 25 after', () => {
    const before = (gap: number) => at(`5pm${' '.repeat(gap)}7 June 2018`);
    expect(before(37)).toBe('17:00');
    expect(before(38)).toBeUndefined();
    const after = (gap: number) => at(`7 June 2018${' '.repeat(gap)}5pm`);
    expect(after(22)).toBe('17:00');
    expect(after(23)).toBeUndefined();
    expect(at(`${'x'.repeat(100)} 7/6/2018 at 17:00`)).toBe('17:00');
  });
});
