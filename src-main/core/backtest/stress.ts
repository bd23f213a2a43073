/**
 * Stress tests of a weighted portfolio: historical crisis windows (buy-and-hold from the window's
 * start) and user shocks by asset or group. The correlation shock lives in correlation-shock.ts.
 */
import type { StressWindowOut } from '../../../shared/api/backtest.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { underwater } from './drawdown.js';
import { markToLast } from './series.js';
import { weightedColumns } from './portfolio-returns.js';

export interface StressWindow {
  name: string;
  /** Inclusive ISO dates. */
  start: string;
  end: string;
}

/** Well-known crises; windows without data in the source are reported as not covered. */
export const DEFAULT_STRESS_WINDOWS: readonly StressWindow[] = [
  { name: 'Dot-com crash', start: '2000-03-24', end: '2002-10-09' },
  { name: 'Global financial crisis', start: '2008-09-01', end: '2009-03-31' },
  { name: 'Euro debt crisis', start: '2011-07-01', end: '2011-10-03' },
  { name: 'COVID-19 crash', start: '2020-02-01', end: '2020-03-31' },
  { name: '2022 rates shock', start: '2022-01-01', end: '2022-12-31' },
];

/** One crisis window's outcome (the API's shape). */
export type WindowOutcome = StressWindowOut;

/** Rows [lo, hi] for a window: lo = last row before its start (the close you hold from), hi = last row ≤ end. */
function windowRows(dates: readonly string[], w: StressWindow): [number, number] | null {
  let lo = -1;
  let hi = -1;
  for (let t = 0; t < dates.length; t++) {
    if (dates[t]! < w.start) lo = t;
    if (dates[t]! <= w.end) hi = t;
  }
  if (lo < 0) lo = dates.findIndex((d) => d >= w.start);
  if (lo < 0 || hi <= lo) return null;
  return [lo, hi];
}

function pathStats(values: Float64Array): { ret: number; dd: number } {
  const dd = underwater(values).reduce((m, x) => Math.min(m, x), 0);
  return { ret: values[values.length - 1]! / values[0]! - 1, dd };
}

/**
 * Buy-and-hold value path (growth of 1) of the weights over rows lo..hi; assets without a price on row
 * lo are left out and the rest scaled up to the same total weight; missing later prices keep the last one.
 */
function buyAndHoldPath(prices: PriceMatrix, cols: number[], w: number[], lo: number, hi: number): Float64Array | null {
  const m = prices.tickers.length;
  const total = w.reduce((s, x) => s + x, 0);
  const live = cols.map((j, k) => ({ j, w: w[k]! })).filter((c) => !Number.isNaN(prices.values[lo * m + c.j]!));
  if (live.length === 0) return null;
  const liveTotal = live.reduce((s, c) => s + c.w, 0);
  const scale = Math.abs(liveTotal) > 1e-12 && Math.abs(total) > 1e-12 ? total / liveTotal : 1;
  const out = new Float64Array(hi - lo + 1).fill(1 - total);
  for (const c of live) {
    const series = new Float64Array(hi - lo + 1);
    for (let t = lo; t <= hi; t++) series[t - lo] = prices.values[t * m + c.j]!;
    const marked = markToLast(series);
    for (let i = 0; i < marked.length; i++) out[i] = out[i]! + (c.w * scale * marked[i]!) / marked[0]!;
  }
  return out;
}

/** Return and max drawdown (fractions) of the weights held through each window, next to the benchmark. */
export function historicalStress(
  prices: PriceMatrix,
  weights: Record<string, number>,
  windows: readonly StressWindow[] = DEFAULT_STRESS_WINDOWS,
  benchmark?: ArrayLike<number>,
): CoreResult<WindowOutcome[]> {
  const wc = weightedColumns(prices, weights);
  if (!wc.ok) return wc;
  const { dates } = prices;
  // Marked over the whole series, so a benchmark gap on a window's first day still has a base price.
  const bench = benchmark === undefined ? undefined : markToLast(benchmark);
  return ok(
    windows.map((win) => {
      const rows = windowRows(dates, win);
      const empty: WindowOutcome = {
        ...win,
        from: null,
        to: null,
        covered: false,
        portfolioReturn: null,
        portfolioMaxDrawdown: null,
        benchmarkReturn: null,
        benchmarkMaxDrawdown: null,
      };
      if (rows === null) return empty;
      const [lo, hi] = rows;
      const path = buyAndHoldPath(prices, wc.value.cols, wc.value.w, lo, hi);
      if (path === null) return empty;
      const p = pathStats(path);
      const out: WindowOutcome = {
        ...empty,
        from: dates[lo]!,
        to: dates[hi]!,
        covered: dates[lo]! < win.start && dates[dates.length - 1]! >= win.end,
        portfolioReturn: p.ret,
        portfolioMaxDrawdown: p.dd,
      };
      if (bench !== undefined) {
        const b = bench.slice(lo, hi + 1);
        if (!Number.isNaN(b[0]!)) {
          const s = pathStats(b);
          out.benchmarkReturn = s.ret;
          out.benchmarkMaxDrawdown = s.dd;
        }
      }
      return out;
    }),
  );
}

export interface ShockSpec {
  /** Instant price move by ticker (fraction, −0.2 = −20 %); overrides group shocks. */
  assets?: Record<string, number>;
  groups?: { name: string; tickers: string[]; shock: number }[];
}

export interface ShockOutcome {
  /** Instant P&L as a fraction of the portfolio value. */
  pnl: number;
  contributions: { ticker: string; weight: number; shock: number; pnl: number; source: string }[];
}

/** Instant P&L (fraction of portfolio value) of price shocks applied to the weights. */
export function userShocks(weights: Record<string, number>, spec: ShockSpec): CoreResult<ShockOutcome> {
  const known = new Set(Object.keys(weights));
  const unknown = [
    ...Object.keys(spec.assets ?? {}),
    ...(spec.groups ?? []).flatMap((g) => g.tickers),
  ].filter((t) => !known.has(t));
  if (unknown.length > 0) return fail('invalid-input', `shocks name tickers not in the portfolio: ${[...new Set(unknown)].join(', ')}`);
  let pnl = 0;
  const contributions = Object.entries(weights).map(([ticker, weight]) => {
    let shock = 0;
    let source = 'none';
    for (const g of spec.groups ?? []) {
      if (g.tickers.includes(ticker)) {
        shock = g.shock;
        source = `group:${g.name}`;
      }
    }
    const own = spec.assets?.[ticker];
    if (own !== undefined) {
      shock = own;
      source = 'asset';
    }
    pnl += weight * shock;
    return { ticker, weight, shock, pnl: weight * shock, source };
  });
  return ok({ pnl, contributions });
}
