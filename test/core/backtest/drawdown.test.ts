import { describe, expect, it } from 'vitest';
import { drawdownEpisodes, underwater, worstDrawdowns } from '../../../src-main/core/backtest/index.js';

const dates = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'];
//              peak   dd1 ↓  trough  recov  new pk  dd2 ↓  ↓      trough up    (not recovered)
const values = [100, 90, 80, 100, 120, 110, 90, 60, 100, 110];

describe('drawdowns', () => {
  it('gives the underwater series against the running peak', () => {
    const u = Array.from(underwater(values));
    const expected = [0, -0.1, -0.2, 0, 0, 110 / 120 - 1, 90 / 120 - 1, -0.5, 100 / 120 - 1, 110 / 120 - 1];
    u.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
  });

  it('lists episodes deepest first, with a drawdown that never recovers', () => {
    const eps = drawdownEpisodes(dates, values);
    expect(eps).toHaveLength(2);
    expect(eps[0]).toEqual({ start: 'd4', trough: 'd7', end: null, depth: -0.5, length: 5, toTrough: 3 });
    expect(eps[1]!.start).toBe('d0');
    expect(eps[1]!.trough).toBe('d2');
    expect(eps[1]!.end).toBe('d3');
    expect(eps[1]!.depth).toBeCloseTo(-0.2, 12);
    expect(eps[1]!.length).toBe(3);
    expect(eps[1]!.toTrough).toBe(2);
  });

  it('keeps the five worst and counts a flat return to the peak as recovery', () => {
    const v: number[] = [];
    const d: string[] = [];
    // Seven dips of depth 1..7 %, each back to 100.
    for (let k = 1; k <= 7; k++) v.push(100, 100 - k);
    v.push(100);
    v.forEach((_, i) => d.push(`t${i}`));
    const worst = worstDrawdowns(d, v);
    expect(worst.map((x) => Math.round(-x.depth * 100))).toEqual([7, 6, 5, 4, 3]);
    expect(worst.every((x) => x.end !== null && x.length === 2)).toBe(true);
  });

  it('has no episodes for a rising series', () => {
    expect(drawdownEpisodes(['a', 'b', 'c'], [1, 2, 3])).toEqual([]);
  });
});
