import { describe, expect, it } from 'vitest';
import { calendarRebalanceRows, periodKey } from '../../../src-main/core/backtest/index.js';

describe('calendar periods', () => {
  it('keys dates by month, quarter and year', () => {
    expect(periodKey('2020-03-31', 'monthly')).toBe('2020-03');
    expect(periodKey('2020-03-31', 'quarterly')).toBe('2020-Q1');
    expect(periodKey('2020-04-01', 'quarterly')).toBe('2020-Q2');
    expect(periodKey('2020-12-31', 'quarterly')).toBe('2020-Q4');
    expect(periodKey('2020-12-31', 'annually')).toBe('2020');
  });

  it('rebalances on the first trading day of each new period after the start', () => {
    const dates = ['2019-12-30', '2019-12-31', '2020-01-02', '2020-01-31', '2020-02-03', '2020-03-31', '2020-04-01', '2021-01-04'];
    expect(calendarRebalanceRows(dates, 'monthly').map((t) => dates[t])).toEqual([
      '2020-01-02',
      '2020-02-03',
      '2020-03-31',
      '2020-04-01',
      '2021-01-04',
    ]);
    expect(calendarRebalanceRows(dates, 'quarterly').map((t) => dates[t])).toEqual(['2020-01-02', '2020-04-01', '2021-01-04']);
    expect(calendarRebalanceRows(dates, 'annually').map((t) => dates[t])).toEqual(['2020-01-02', '2021-01-04']);
    // Starting later skips boundaries at or before the start row.
    expect(calendarRebalanceRows(dates, 'monthly', 4).map((t) => dates[t])).toEqual(['2020-03-31', '2020-04-01', '2021-01-04']);
  });
});
