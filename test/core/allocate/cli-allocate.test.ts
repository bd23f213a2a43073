import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontier } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'frontier-allocate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the latest price of B is on the second-to-last row (its last cell is empty)
const csv = ['date,A,B,C', '2024-01-02,100,50,20', '2024-01-03,110,,21', '2024-01-04,120,70,', '2024-01-05,120,,45', ''].join('\n');
const prices = join(dir, 'prices.csv');
writeFileSync(prices, csv);
const weights = join(dir, 'weights.json');
writeFileSync(weights, JSON.stringify({ A: 0.5, B: 0.3, C: 0.2 }));
const optimizeOut = join(dir, 'optimize.json');
writeFileSync(optimizeOut, JSON.stringify({ weights: { A: 0.5, B: 0.3, C: 0.2 }, performance: {}, status: 'optimal' }));

describe('frontier allocate', () => {
  it('greedy --json prints shares and leftover at the latest prices', () => {
    const r = frontier(['allocate', '--prices', prices, '--weights', weights, '--cash', '1000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json<{ shares: Record<string, number>; leftover: number; prices: Record<string, number> }>();
    expect(out.prices).toEqual({ A: 120, B: 70, C: 45 });
    // by hand (see discrete.test.ts): 4, 4, 5 shares, 15 left
    expect(out.shares).toEqual({ A: 4, B: 4, C: 5 });
    expect(out.leftover).toBeCloseTo(15, 9);
  });

  it('--method lp reads the JSON printed by optimize and spends no more than the cash', () => {
    const r = frontier(['allocate', '--prices', prices, '--weights', optimizeOut, '--cash', '1000', '--method', 'lp', '--json']);
    expect(r.code).toBe(0);
    const out = r.json<{ shares: Record<string, number>; leftover: number; method: string }>();
    expect(out.method).toBe('lp');
    const spent = (out.shares.A ?? 0) * 120 + (out.shares.B ?? 0) * 70 + (out.shares.C ?? 0) * 45;
    expect(spent + out.leftover).toBeCloseTo(1000, 9);
    expect(out.leftover).toBeGreaterThanOrEqual(0);
  });

  it('user errors exit 1 with a message naming the problem', () => {
    const missing = join(dir, 'bad.json');
    writeFileSync(missing, JSON.stringify({ A: 0.5, ZZZ: 0.5 }));
    const r = frontier(['allocate', '--prices', prices, '--weights', missing, '--cash', '1000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ZZZ/);
    const noCash = frontier(['allocate', '--prices', prices, '--weights', weights]);
    expect(noCash.code).toBe(1);
    expect(noCash.stderr).toMatch(/--cash/);
  });
});
