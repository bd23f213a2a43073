import { describe, expect, it } from 'vitest';
import { allocationNote, sharesByTicker, tradeRequest } from './trades-form.js';

const weights = { AAA: 0.6, BBB: 0.4 };

describe('trade list request', () => {
  it('needs a positive portfolio value unless imported holdings give one', () => {
    expect(tradeRequest({ weights, holdings: {}, valueText: '', method: 'greedy' })).toEqual({ ok: false, message: 'Enter a portfolio value to see trades in shares' });
    expect(tradeRequest({ weights, holdings: {}, valueText: 'abc', method: 'greedy' })).toMatchObject({ ok: false, message: expect.stringContaining('Portfolio value: “abc” is not a number') });
    expect(tradeRequest({ weights, holdings: {}, valueText: '-5', method: 'greedy' })).toMatchObject({ ok: false, message: 'Portfolio value: must be above 0' });
    expect(tradeRequest({ weights, holdings: {}, valueText: '250000', method: 'lp' })).toEqual({ ok: true, request: { weights, value: 250000, method: 'lp' } });
  });

  it('trades from the editor weights when there are holdings', () => {
    const r = tradeRequest({ weights, holdings: { AAA: 1 }, valueText: '1000', method: 'greedy' });
    expect(r).toEqual({ ok: true, request: { weights, value: 1000, method: 'greedy', currentWeights: { AAA: 1 } } });
  });

  it('trades from imported share counts, summed over accounts, and takes their value when none is typed', () => {
    const imported = [
      { account: 'A', ticker: 'AAA', quantity: 10 },
      { account: 'B', ticker: 'AAA', quantity: 5 },
      { account: 'A', ticker: 'ZZZ', quantity: 7 },
    ];
    expect(sharesByTicker(imported, ['AAA', 'BBB'])).toEqual({ AAA: 15 });
    expect(tradeRequest({ weights, holdings: { AAA: 1 }, valueText: '', method: 'greedy', imported })).toEqual({
      ok: true,
      request: { weights, currentShares: { AAA: 15 }, method: 'greedy' },
    });
    expect(tradeRequest({ weights, holdings: {}, valueText: '', method: 'greedy', imported: [] })).toMatchObject({ ok: false, message: expect.stringContaining('No imported holdings') });
    expect(tradeRequest({ weights, holdings: {}, valueText: '', method: 'greedy', imported: [{ account: 'A', ticker: 'BBB', quantity: -3 }] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('BBB is short'),
    });
  });
});

describe('allocation note', () => {
  it('says whether the integer LP is optimal, stopped early with its gap, or fell back to greedy', () => {
    expect(allocationNote({ method: 'greedy', value: 1000 })).toBe('greedy');
    expect(allocationNote({ method: 'lp', value: 1000, solve: { status: 'optimal', timeLimit: 5, solveMs: 10 } })).toBe('integer LP, optimal');
    expect(allocationNote({ method: 'lp', value: 1_000_000, solve: { status: 'best-found', timeLimit: 5, solveMs: 5000, gap: 28.5 } })).toBe(
      'integer LP stopped at the 5 s limit: best found, at most 28.50 (0.0029% of the value) from the optimum',
    );
    expect(allocationNote({ method: 'lp', value: 1000, solve: { status: 'best-found', timeLimit: 0.5, solveMs: 500 } })).toMatch(/0\.5 s limit: best found, gap to the optimum unknown/);
    expect(allocationNote({ method: 'greedy', value: 1000, solve: { status: 'fallback', timeLimit: 1, solveMs: 1000 } })).toMatch(/no whole-share solution within the 1 s limit; greedy used/);
  });
});

