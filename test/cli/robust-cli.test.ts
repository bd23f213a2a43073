/** The robustness CLI contract: resample, frontier --risk-measure, and the robust estimators/objectives of optimize. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FrontierResult, OptimizeResult } from '../../shared/domain/optimize.js';
import type { ResampleResult } from '../../shared/domain/robust.js';
import { frontier } from '../support/cli.js';
import { syntheticPrices, toWideCsv } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();
const csv = join(dir, 'prices.csv');
const weights = join(dir, 'current.json');

beforeAll(() => {
  writeFileSync(csv, toWideCsv(syntheticPrices({ tickers: ['A', 'B', 'C', 'D', 'E'], days: 700, seed: 8 })));
  writeFileSync(weights, JSON.stringify({ A: 0.6, B: 0.4 }));
});

describe('frontier resample', () => {
  it('prints the contract keys, is deterministic for a seed and tests the current weights', () => {
    const args = ['resample', '--prices', csv, '--points', '8', '--draws', '20', '--seed', '5', '--current-weights', weights, '--json'];
    const a = frontier(args);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const r = a.json<ResampleResult>();
    for (const key of ['weights', 'bands', 'frontier', 'classicalFrontier', 'draws', 'seed']) expect(r).toHaveProperty(key);
    expect(r.bands.A).toHaveProperty('p5');
    expect(r.bands.A).toHaveProperty('p50');
    expect(r.bands.A).toHaveProperty('p95');
    expect(r.frontier[0]).toHaveProperty('expectedReturn');
    expect(r.frontier[0]).toHaveProperty('volatility');
    expect(r.frontier[0]).toHaveProperty('weights');
    expect(typeof r.current?.withinNoise).toBe('boolean');
    expect(typeof r.current?.share).toBe('number');
    expect(r.draws).toBe(20);
    expect(r.seed).toBe(5);
    expect(frontier(args).json<ResampleResult>().weights).toEqual(r.weights);
  });

  it('resamples one objective with the bootstrap; bad values are one-line user errors', () => {
    const r = frontier(['resample', '--prices', csv, '--objective', 'max-sharpe', '--draws', '10', '--method', 'bootstrap', '--block-days', '10', '--json']);
    expect(r.code).toBe(0);
    expect(r.json<ResampleResult>().objective).toBe('max-sharpe');
    const bad = frontier(['resample', '--prices', csv, '--method', 'jackknife']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--method/);
    expect(frontier(['resample', '--prices', csv, '--objective', 'max-sharpe', '--points', '5']).code).toBe(1);
  });
});

describe('robust optimisation flags', () => {
  it('frontier --risk-measure cvar adds cvar to every point', () => {
    const r = frontier(['frontier', '--prices', csv, '--risk-measure', 'cvar', '--points', '5', '--json']);
    expect(r.code).toBe(0);
    for (const p of r.json<FrontierResult>().points) expect(p.cvar).toBeGreaterThan(0);
    expect(frontier(['frontier', '--prices', csv, '--risk-measure', 'var']).code).toBe(1);
  });

  for (const extra of [
    ['--objective', 'worst-case-mv', '--uncertainty', 'box', '--confidence', '0.9', '--risk-aversion', '3'],
    ['--objective', 'worst-case-mv', '--uncertainty', 'ellipsoid'],
    ['--objective', 'crisis-robust', '--turbulent-share', '0.15'],
    ['--risk', 'turbulence-blend', '--turbulent-share', '0.1', '--blend', '0.5'],
    ['--returns', 'bayes-stein', '--shrink-target', 'min-variance', '--objective', 'max-sharpe'],
  ]) {
    it(`optimize ${extra.join(' ')}`, () => {
      const r = frontier(['optimize', '--prices', csv, ...extra, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const res = r.json<OptimizeResult>();
      expect(Object.values(res.weights).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 8);
    });
  }

  it('names the flag of a bad robust value', () => {
    const r = frontier(['optimize', '--prices', csv, '--objective', 'worst-case-mv', '--uncertainty', 'sphere']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--uncertainty/);
  });
});
