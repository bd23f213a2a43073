/**
 * Synthetic, seeded report inputs: a scenario with weights, a frontier, risk contributions, optional
 * Black-Litterman views, backtest and stress results. Numbers are plausible, not optimal: the report
 * only prints what it is given.
 */
import { scenarioFileSchema, type ScenarioResults } from '../../shared/domain/scenario.js';
import { estimatorSchema, type FrontierResult, type OptimizeResult } from '../../shared/domain/optimize.js';
import type { BacktestReport, StressReport } from '../../shared/api/backtest.js';
import type { ReportScenario } from '../../src-main/report/report-input.js';
import { mulberry32 } from '../../src-main/core/backtest/prng.js';

/** Seeded so fixtures are the same on every run. */
export const rng = mulberry32;

export function tickersOf(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (n <= 26 ? `T${String.fromCharCode(65 + i)}X` : `A${String(i + 1).padStart(3, '0')}`));
}

/** Weights summing to 1 with a few large ones, rounded to 1e-6 so printed percentages are exact. */
export function randomWeights(tickers: readonly string[], random: () => number): Record<string, number> {
  const raw = tickers.map(() => random() ** 3);
  const sum = raw.reduce((s, x) => s + x, 0);
  const w = raw.map((x) => Math.round((x / sum) * 1e6) / 1e6);
  w[0]! += 1 - w.reduce((s, x) => s + x, 0); // make the sum exactly 1 after rounding
  return Object.fromEntries(tickers.map((t, i) => [t, w[i]!]));
}

export interface FixtureOptions {
  n: number;
  seed?: number;
  name?: string;
  holdings?: boolean;
  views?: boolean;
  backtest?: boolean;
  stress?: boolean;
  frontierPoints?: number;
  /** Years of daily backtest. */
  years?: number;
}

export function fixtureScenario(opts: FixtureOptions): ReportScenario {
  const random = rng(opts.seed ?? 42);
  const tickers = tickersOf(opts.n);
  const weights = randomWeights(tickers, random);
  const vols = tickers.map(() => 0.12 + 0.3 * random());
  const rets = tickers.map(() => 0.02 + 0.15 * random());
  const performance = { expectedReturn: 0.0812, volatility: 0.1345, sharpe: 0.0812 / 0.1345 };
  const rcRaw = tickers.map((t) => weights[t]! * (0.5 + random()));
  const rcSum = rcRaw.reduce((s, x) => s + x, 0);
  const optimize: OptimizeResult = {
    weights,
    performance,
    status: 'optimal',
    diagnostics: {
      solver: 'active-set',
      iterations: 12,
      solveTimeMs: 3,
      activeConstraints: [],
      riskContributions: Object.fromEntries(tickers.map((t, i) => [t, rcRaw[i]! / rcSum])),
      estimators: estimatorSchema.parse({}),
      warnings: [],
    },
  };
  if (opts.views) {
    optimize.prior = Object.fromEntries(tickers.map((t, i) => [t, rets[i]!]));
    optimize.posterior = Object.fromEntries(tickers.map((t, i) => [t, rets[i]! + (random() - 0.5) * 0.04]));
  }
  const points = opts.frontierPoints ?? 20;
  const frontier: FrontierResult = {
    points: Array.from({ length: points }, (_, k) => {
      const volatility = 0.1 + (0.2 * k) / (points - 1);
      const expectedReturn = 0.03 + 0.12 * Math.sqrt((volatility - 0.1) / 0.2);
      return { volatility, expectedReturn, sharpe: expectedReturn / volatility, weights };
    }),
    assets: tickers.map((t, i) => ({ ticker: t, expectedReturn: rets[i]!, volatility: vols[i]! })),
  };
  const results: ScenarioResults = { optimize, frontier };
  if (opts.backtest) results.backtest = syntheticBacktest(random, opts.years ?? 5);
  if (opts.stress) results.stress = syntheticStress();
  const file = scenarioFileSchema.parse({
    name: opts.name ?? `Synthetic ${opts.n}-asset scenario`,
    tickers,
    window: { start: '2015-01-02', end: '2024-12-31' },
    options: {
      objective: 'min-volatility',
      targets: { rf: 0.02 },
      ...(opts.views
        ? {
            blackLitterman: {
              prior: 'market',
              views: [
                { asset: tickers[0]!, return: 0.1, confidence: 0.6 },
                { long: [tickers[1]!], short: [tickers[2] ?? tickers[0]!], return: 0.02, confidence: 0.3 },
              ],
            },
          }
        : {}),
    },
    ...(opts.holdings ? { holdings: Object.fromEntries(tickers.map((t) => [t, 1 / tickers.length])) } : {}),
  });
  return { ...file, results };
}

function syntheticBacktest(random: () => number, years: number): BacktestReport {
  const days = Math.round(252 * years);
  const equity: { date: string; value: number }[] = [];
  const benchmark: { date: string; value: number }[] = [];
  let v = 10_000;
  let b = 10_000;
  const start = Date.UTC(2015, 0, 2);
  for (let d = 0, k = 0; k < days; d++) {
    const date = new Date(start + d * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const market = (random() - 0.48) * 0.02;
    v *= 1 + market * 0.8 + (random() - 0.5) * 0.004;
    b *= 1 + market;
    const iso = date.toISOString().slice(0, 10);
    equity.push({ date: iso, value: v });
    benchmark.push({ date: iso, value: b });
    k++;
  }
  let peak = -Infinity;
  const drawdown = equity.map((p) => {
    peak = Math.max(peak, p.value);
    return { date: p.date, value: p.value / peak - 1 };
  });
  const first = equity[0]!.date;
  const last = equity[equity.length - 1]!.date;
  return {
    equity,
    benchmark,
    drawdown,
    metrics: {
      start: first,
      end: last,
      days,
      totalReturn: v / 10_000 - 1,
      cagr: 0.0734,
      volatility: 0.1432,
      sharpe: 0.51,
      sortino: 0.72,
      maxDrawdown: -0.2345,
      calmar: 0.31,
      var95: 0.0141,
      cvar95: 0.0213,
      bestYear: { period: '2019', return: 0.2412 },
      worstYear: { period: '2018', return: -0.0871 },
      bestMonth: { period: '2020-04', return: 0.0931 },
      worstMonth: { period: '2020-03', return: -0.1187 },
      turnover: 0.84,
      costs: 0.0012,
      benchmark: { beta: 0.81, alpha: 0.0123, trackingError: 0.0456, informationRatio: 0.27, correlation: 0.93, cagr: 0.061, volatility: 0.171, maxDrawdown: -0.3312 },
    },
    drawdowns: [
      { start: '2018-01-26', trough: '2018-12-24', end: '2019-04-23', depth: -0.2345, length: 312, toTrough: 230 },
      { start: '2022-01-03', trough: '2022-10-12', end: null, depth: -0.1876, length: 700, toTrough: 200 },
      { start: '2020-02-19', trough: '2020-03-23', end: '2020-08-10', depth: -0.1532, length: 173, toTrough: 23 },
    ],
    rebalances: [{ date: first, weights: {}, turnover: 1, cost: 0, trades: 3 }],
    annualReturns: [
      { period: '2015', return: 0.0412 },
      { period: '2016', return: 0.0921 },
    ],
    initialValue: 10_000,
    warnings: [],
  };
}

function syntheticStress(): StressReport {
  const fan = Array.from({ length: 61 }, (_, k) => {
    const day = k * 21;
    const t = day / 252;
    const mid = 1 + 0.07 * t;
    const spread = 0.15 * Math.sqrt(t);
    return { day, p5: mid - 1.6 * spread, p25: mid - 0.7 * spread, p50: mid, p75: mid + 0.7 * spread, p95: mid + 1.6 * spread };
  });
  return {
    windows: [
      { name: 'Global financial crisis', start: '2008-09-01', end: '2009-03-31', from: '2008-09-02', to: '2009-03-31', covered: true, portfolioReturn: -0.2871, portfolioMaxDrawdown: -0.3312, benchmarkReturn: -0.4102, benchmarkMaxDrawdown: -0.4633 },
      { name: 'Covid crash', start: '2020-02-19', end: '2020-03-23', from: '2020-02-19', to: '2020-03-23', covered: true, portfolioReturn: -0.1934, portfolioMaxDrawdown: -0.2111, benchmarkReturn: -0.3392, benchmarkMaxDrawdown: -0.3392 },
      { name: 'Dot-com bust', start: '2000-03-01', end: '2002-10-09', from: null, to: null, covered: false, portfolioReturn: null, portfolioMaxDrawdown: null, benchmarkReturn: null, benchmarkMaxDrawdown: null },
    ],
    correlationShock: {
      level: 0.9,
      mode: 'floor',
      beta: 0.95,
      base: { volatility: 0.1345, cvar: 0.0213, historicalCvar: 0.0236, averageCorrelation: 0.31 },
      shocked: { volatility: 0.2213, cvar: 0.0351, historicalCvar: 0.0388, averageCorrelation: 0.9 },
      repaired: false,
      minEigenvalue: 0.01,
      tickers: [],
      historicalScenarios: 1250,
      historicalNote: null,
    },
    shocks: {
      pnl: -0.1418,
      contributions: [
        { ticker: 'EQ', weight: 0.7, shock: -0.2, pnl: -0.14, source: 'equities' },
        { ticker: 'BD', weight: 0.3, shock: -0.006, pnl: -0.0018, source: 'bonds' },
      ],
    },
    monteCarlo: {
      paths: 10000,
      blockLength: 21,
      seed: 1,
      fan,
      horizons: [
        { years: 1, days: 252, p5: -0.1612, p25: -0.0123, p50: 0.0712, p75: 0.1533, p95: 0.2766, lossProbabilities: [{ threshold: 0.1, probability: 0.081 }, { threshold: 0.2, probability: 0.021 }] },
        { years: 5, days: 1260, p5: -0.1411, p25: 0.1532, p50: 0.4012, p75: 0.6711, p95: 1.1234, lossProbabilities: [{ threshold: 0.1, probability: 0.052 }, { threshold: 0.2, probability: 0.024 }] },
      ],
      historyDays: 2520,
    },
  };
}
