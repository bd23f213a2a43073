import { describe, expect, it } from 'vitest';
import { ariaSort, cellNumber, filters, instrumentLabel, lastPageOffset, nextSort, pageLabel } from './browse.js';

describe('browser helpers', () => {
  it('sorting: the same column flips, another starts ascending; aria-sort follows', () => {
    const s = nextSort({ sort: 'date', dir: 'asc' }, 'date');
    expect(s).toEqual({ sort: 'date', dir: 'desc' });
    expect(nextSort(s, 'amount')).toEqual({ sort: 'amount', dir: 'asc' });
    expect(ariaSort(s, 'date')).toBe('descending');
    expect(ariaSort(s, 'amount')).toBe('none');
  });

  it('paging labels and the last page', () => {
    expect(pageLabel(100, 100, 1234)).toBe('Rows 101–200 of 1,234');
    expect(pageLabel(0, 0, 0)).toBe('No rows match');
    expect(lastPageOffset(1234)).toBe(1200);
    expect(lastPageOffset(1200)).toBe(1100);
    expect(lastPageOffset(0)).toBe(0);
  });

  it('filters leave blanks out and trim the ticker; numbers print blank for null', () => {
    expect(filters({ account: 'dg', ticker: '  aapl ', from: '', to: '2024-12-31' })).toEqual({ account: 'dg', ticker: 'aapl', to: '2024-12-31' });
    expect(cellNumber(null)).toBe('');
    expect(cellNumber(-3420.5)).toBe('-3,420.5');
  });

  it('instruments without a ticker of their own show ISIN and name', () => {
    expect(instrumentLabel('AAPL', 'US0378331005', 'APPLE INC')).toBe('AAPL');
    expect(instrumentLabel('US0378331005', 'US0378331005', 'APPLE INC')).toBe('US0378331005 · APPLE INC');
    expect(instrumentLabel(null, 'NL0010273215', null)).toBe('NL0010273215');
    expect(instrumentLabel(null, null, null)).toBe('');
  });
});
