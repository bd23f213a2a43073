/**
 * `portfolio-evaluate`: the figures of given weights. Checked against the engine's own optimisation
 * with every weight pinned to the holding (the way the app scored the current portfolio before), and
 * against w'μ + (1 − Σw)·rf and √(w'Σw) from the same estimators.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../shared/domain/optimize.js';
import { estimateMoments } from '../../src-main/core/optimize/index.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { syntheticPrices, toWideCsv } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';

const tickers = ['AAA', 'BBB', 'CCC', 'DDD'];
const prices = syntheticPrices({ tickers, days: 600, seed: 7 });
let runtime: Runtime;

async function call<T>(method: string, request: unknown): Promise<T> {
  const r = await runtime.call(method, request);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

interface Evaluation {
  weights: Record<string, number>;
  invested: number;
  performance: { expectedReturn: number; volatility: number; sharpe: number };
  riskContributions: Record<string, number>;
}

beforeAll(async () => {
  runtime = createRuntime({ dbPath: join(tempDir('frontier-evaluate-'), 'e.db'), mode: 'web', makePrinter: async () => { throw new Error('no printer'); } });
  await call('import-commit', { files: [{ name: 'p.csv', dataBase64: Buffer.from(toWideCsv(prices)).toString('base64') }] });
});
afterAll(async () => runtime.close());

describe('portfolio-evaluate', () => {
  it('equals the pinned optimisation and w′μ, √(w′Σw) of the same estimators', async () => {
    const holdings = { AAA: 0.1, BBB: 0.5, DDD: 0.4 };
    for (const risk of ['sample', 'ledoit-wolf'] as const) {
      const options = { objective: 'max-sharpe', estimators: { risk }, constraints: { maxHoldings: 1 } } as const;
      const ev = await call<Evaluation>('portfolio-evaluate', { tickers, options, weights: holdings });
      const pinned = await call<{ performance: Evaluation['performance']; diagnostics: { riskContributions: Record<string, number> } }>('optimize-run', {
        tickers,
        options: { objective: 'min-volatility', estimators: { risk }, constraints: { assetBounds: { AAA: [0.1, 0.1], BBB: [0.5, 0.5], CCC: [0, 0], DDD: [0.4, 0.4] } } },
      });
      expect(ev.performance.expectedReturn).toBeCloseTo(pinned.performance.expectedReturn, 8);
      expect(ev.performance.volatility).toBeCloseTo(pinned.performance.volatility, 8);
      for (const t of tickers) expect(ev.riskContributions[t]).toBeCloseTo(pinned.diagnostics.riskContributions[t]!, 6);
      const m = estimateMoments(prices, optimizeOptionsSchema.parse({ estimators: { risk } }).estimators, 0);
      if (!m.ok) throw new Error(m.error.message);
      const w = [0.1, 0.5, 0, 0.4];
      let ret = 0;
      let v = 0;
      for (let i = 0; i < 4; i++) {
        ret += w[i]! * m.value.expectedReturns[i]!;
        for (let j = 0; j < 4; j++) v += w[i]! * w[j]! * m.value.covariance[i * 4 + j]!;
      }
      expect(ev.performance.expectedReturn).toBeCloseTo(ret, 12);
      expect(ev.performance.volatility).toBeCloseTo(Math.sqrt(v), 12);
    }
  });

  it('counts uninvested weight as cash at the risk-free rate', async () => {
    const full = await call<Evaluation>('portfolio-evaluate', { tickers, options: { targets: { rf: 0.02 } }, weights: { AAA: 0.5, CCC: 0.5 } });
    const part = await call<Evaluation>('portfolio-evaluate', { tickers, options: { targets: { rf: 0.02 } }, weights: { AAA: 0.3, CCC: 0.3 } });
    expect(part.invested).toBeCloseTo(0.6, 12);
    expect(part.performance.expectedReturn).toBeCloseTo(0.4 * 0.02 + 0.6 * full.performance.expectedReturn, 12);
    expect(part.performance.volatility).toBeCloseTo(0.6 * full.performance.volatility, 12);
    expect(part.performance.sharpe).toBeCloseTo(full.performance.sharpe, 10);
  });

  it('names a ticker outside the portfolio and refuses weights that hold nothing', async () => {
    const stray = await runtime.call('portfolio-evaluate', { tickers, weights: { ZZZ: 1 } });
    expect(stray).toMatchObject({ ok: false, error: { code: 'user-error' } });
    if (!stray.ok) expect(stray.error.message).toMatch(/ZZZ/);
    const none = await runtime.call('portfolio-evaluate', { tickers, weights: { AAA: 0 } });
    expect(none).toMatchObject({ ok: false, error: { code: 'user-error' } });
  });
});

describe('prices-correlation', () => {
  it('is the correlation of daily returns in the window, with null for undefined pairs', async () => {
    const c = await call<{ tickers: string[]; matrix: (number | null)[][]; dataWindow: { start: string; end: string; returns: number } }>('prices-correlation', {
      tickers: ['AAA', 'BBB'],
      window: { last: 250 },
    });
    expect(c.dataWindow.returns).toBe(250);
    expect(c.dataWindow.end).toBe(prices.dates.at(-1));
    const r = (j: number) => Array.from({ length: 250 }, (_, k) => prices.values[(prices.dates.length - 250 + k) * 4 + j]! / prices.values[(prices.dates.length - 251 + k) * 4 + j]! - 1);
    const a = r(0);
    const b = r(1);
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(a);
    const mb = mean(b);
    const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0);
    const va = a.reduce((s, x) => s + (x - ma) ** 2, 0);
    const vb = b.reduce((s, x) => s + (x - mb) ** 2, 0);
    expect(c.matrix[0]![1]).toBeCloseTo(cov / Math.sqrt(va * vb), 12);
    expect(c.matrix[0]![0]).toBe(1);
  });
});
