/** The engine's CLI commands (estimate, optimize, frontier) and flag parsing, on real CSV files in a temp dir. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { optimizeOptionsFromFlags } from '../../../src-main/cli/optimize-flags.js';
import { main } from '../../../src-main/cli/main.js';
import { syntheticPrices } from './synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'frontier-e1-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const prices = syntheticPrices(5, 400);
const csv = join(dir, 'prices.csv');
{
  const n = prices.tickers.length;
  const lines = [`date,${prices.tickers.join(',')}`];
  prices.dates.forEach((d, t) => {
    // S04 starts later: its first 50 prices are empty (missing data as the wide CSV writes it)
    const cells = prices.tickers.map((_, j) => (j === 4 && t < 50 ? '' : String(prices.values[t * n + j])));
    lines.push(`${d},${cells.join(',')}`);
  });
  writeFileSync(csv, `${lines.join('\n')}\n`);
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s: string) => (out += `${s}\n`), stderr: (s: string) => (err += `${s}\n`), cwd: dir, env: process.env });
  return { code, out, err };
}

describe('flag parsing', () => {
  const parse = (values: Record<string, string | boolean | string[]>) => optimizeOptionsFromFlags({ values, positionals: [] });

  it('maps estimators, targets and constraints', () => {
    const o = parse({
      returns: 'ema',
      span: '250',
      risk: 'ledoit-wolf',
      objective: 'efficient-risk',
      'target-volatility': '0.12',
      rf: '0.01',
      bounds: '-0.1:0.4',
      bound: ['S00=0:0.2'],
      group: ['tech=S01,S02::0.3', 'value=S03:0.05:'],
      l2: '0.5',
    });
    expect(o.estimators).toMatchObject({ returns: 'ema', span: 250, risk: 'ledoit-wolf' });
    expect(o.targets).toMatchObject({ targetVolatility: 0.12, rf: 0.01 });
    expect(o.constraints.bounds).toEqual([-0.1, 0.4]);
    expect(o.constraints.assetBounds).toEqual({ S00: [0, 0.2] });
    expect(o.constraints.groups).toEqual([
      { name: 'tech', tickers: ['S01', 'S02'], max: 0.3 },
      { name: 'value', tickers: ['S03'], min: 0.05 },
    ]);
    expect(o.constraints.l2).toBe(0.5);
  });

  it('names the flag in errors', () => {
    expect(() => parse({ bounds: '0-1' })).toThrow(/--bounds/);
    expect(() => parse({ group: ['tech=S01'] })).toThrow(/--group/);
    expect(() => parse({ risk: 'magic' })).toThrow(/--risk: "magic" is not one of/);
    expect(() => parse({ rf: 'abc' })).toThrow(/--rf/);
  });
});

describe('frontier estimate | optimize | frontier --json', () => {
  it('estimate prints tickers, expected returns and the covariance matrix', async () => {
    const r = await cli('estimate', '--prices', csv, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { tickers: string[]; expectedReturns: Record<string, number>; covariance: number[][]; covarianceKernel: string };
    expect(j.tickers).toEqual(prices.tickers);
    expect(Object.keys(j.expectedReturns)).toEqual(prices.tickers);
    expect(j.covariance).toHaveLength(5);
    expect(j.covariance[1]![2]).toBe(j.covariance[2]![1]);
    expect(j.covarianceKernel).toMatch(/^(js|native-(avx512f|avx2\+fma|generic))$/);
  });

  it('optimize prints weights, performance, status and diagnostics; views add prior/posterior', async () => {
    const views = join(dir, 'views.json');
    writeFileSync(views, JSON.stringify({ prior: 'equal', views: [{ asset: 'S01', return: 0.3 }] }));
    const r = await cli('optimize', '--prices', csv, '--objective', 'max-sharpe', '--bounds', '0:0.5', '--views', views, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { weights: Record<string, number>; performance: { sharpe: number }; status: string; diagnostics: { kkt: { stationarity: number } }; prior: Record<string, number>; posterior: Record<string, number> };
    expect(Object.values(j.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...Object.values(j.weights))).toBeLessThanOrEqual(0.5 + 1e-12);
    expect(j.status).toBe('optimal');
    expect(j.diagnostics.kkt.stationarity).toBeLessThan(1e-8);
    expect(j.prior.S01).toBeCloseTo(0.2, 12);
    expect(j.posterior.S01).toBeGreaterThan(j.prior.S01!);
  });

  it('frontier prints N points and the turning points', async () => {
    const r = await cli('frontier', '--prices', csv, '--points', '7', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { points: { expectedReturn: number; volatility: number; sharpe: number; weights: Record<string, number> }[]; turningPoints?: unknown[] };
    expect(j.points).toHaveLength(7);
    expect(j.turningPoints!.length).toBeGreaterThan(1);
  });

  it('infeasible constraints exit 1 with the constraints named', async () => {
    const r = await cli('optimize', '--prices', csv, '--bounds', '0:0.1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/budget/);
  });
});
