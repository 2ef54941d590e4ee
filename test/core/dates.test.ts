import { readWrittenDate } from '../../src/core/dates';

describe('reading dates as forms write them', () => {
  it.each([
    ['5pm Thursday 7th June 2018', { date: '2018-06-07', time: '17:00' }],
    ['by 5pm on Monday 19th February 2018.', { date: '2018-02-19', time: '17:00' }],
    ['Friday 27 May 2021)', { date: '2021-05-27' }],
    ['Declaration of Commitment by 25th May 2018', { date: '2018-05-25' }],
    ['by 1700 on 29 March 2024', { date: '2024-03-29', time: '17:00' }],
    ['1700 on Friday 29 March 2024', { date: '2024-03-29', time: '17:00' }],
    ['closing 12 noon, 3 Sept 2019', { date: '2019-09-03', time: '12:00' }],
    ['07/06/2018 at 16:30', { date: '2018-06-07', time: '16:30' }],
  ])('reads "%s"', (text, expected) => {
    expect(readWrittenDate(text)).toEqual(expected);
  });

  it('finds no date where there is none, or an impossible one', () => {
    expect(readWrittenDate('as soon as possible')).toBeUndefined();
    expect(readWrittenDate('31 February 2020')).toBeUndefined();
  });
});
