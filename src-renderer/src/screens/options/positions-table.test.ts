import { describe, expect, it } from 'vitest';
import type { OptionPositionOut } from '../../../../shared/api/options.js';
import { groupedRows } from './positions-table.js';

const row = (underlying: string, strike: number, delta: number): OptionPositionOut =>
  ({ underlying, strike, delta, expiry: '2025-01-17', quantity: 1 }) as unknown as OptionPositionOut;

describe('options positions table', () => {
  it('groups by underlying and sorts within each group', () => {
    const g = groupedRows([row('MSFT', 300, 5), row('AAPL', 150, -20), row('AAPL', 140, 30)], 'delta', -1);
    expect(g.map((x) => x.underlying)).toEqual(['AAPL', 'MSFT']);
    expect(g[0]!.rows.map((r) => r.strike)).toEqual([140, 150]);
    expect(groupedRows(g.flatMap((x) => x.rows), 'strike', 1)[0]!.rows.map((r) => r.strike)).toEqual([140, 150]);
  });
});
