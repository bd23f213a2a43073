/**
 * The backtest engine: simulates holdings day by day over a PriceMatrix. Trades happen at the close of
 * a rebalance day, using only prices up to that close. Missing prices are never invented: a held asset
 * without a price keeps its last observed value and cannot be traded that day; its move is booked when
 * the next price appears.
 */
import type { PriceMatrix } from '../price-matrix.js';
import { Cancelled } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { calendarRebalanceRows } from './calendar.js';
import type { BacktestHooks, BacktestRun, BacktestSettings, Fallback, RebalanceRecord } from './types.js';
import { warningCollector } from './warning-groups.js';
import { windowEstimator } from './window-estimates.js';

/** Widest universe whose covariance sums are carried between rebalances (4·1500² doubles ≈ 70 MB). */
const MAX_CARRIED_ASSETS = 1500;

interface Resolved {
  costRate: number;
  fixedCost: number;
  cashGrowth: number;
  initialValue: number;
  minHistory: number;
}

function resolve(prices: PriceMatrix, s: BacktestSettings): CoreResult<Resolved> {
  const ppy = s.periodsPerYear ?? 252;
  const costBps = s.costBps ?? 0;
  const fixedCost = s.fixedCost ?? 0;
  const rf = s.rf ?? 0;
  const initialValue = s.initialValue ?? 10_000;
  if (!(ppy > 0) || !(costBps >= 0) || !(fixedCost >= 0) || !(initialValue > 0) || !(rf > -1)) {
    return fail('invalid-input', 'costs must be ≥ 0, the initial value and periods per year > 0, rf > −100 %');
  }
  if (s.rebalance.kind === 'band' && !(s.rebalance.band > 0)) return fail('invalid-input', 'the drift band must be > 0');
  const wf = s.walkForward;
  if (wf === undefined) {
    if (s.weights === undefined) return fail('invalid-input', 'give target weights or a walk-forward re-optimisation');
    const unknown = Object.keys(s.weights).filter((t) => !prices.tickers.includes(t));
    if (unknown.length > 0) return fail('invalid-input', `weights name tickers without prices: ${unknown.join(', ')}`, { unknown });
  } else if (wf.window.kind === 'rolling' && !(Number.isInteger(wf.window.days) && wf.window.days >= 2)) {
    return fail('invalid-input', 'a rolling window needs at least 2 rows');
  }
  const defaultHistory = wf === undefined ? 1 : Math.min(252, wf.window.kind === 'rolling' ? wf.window.days : 252);
  const minHistory = s.minHistory ?? defaultHistory;
  if (!(Number.isInteger(minHistory) && minHistory >= 1)) return fail('invalid-input', 'minHistory must be an integer ≥ 1');
  return ok({ costRate: costBps / 10_000, fixedCost, cashGrowth: (1 + rf) ** (1 / ppy), initialValue, minHistory });
}

/** Cumulative count of observed prices: cum[(t + 1)·m + j] = prices of column j in rows 0..t. */
function observedCounts(prices: PriceMatrix): Int32Array {
  const m = prices.tickers.length;
  const n = prices.dates.length;
  const cum = new Int32Array((n + 1) * m);
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < m; j++) {
      cum[(t + 1) * m + j] = cum[t * m + j]! + (Number.isNaN(prices.values[t * m + j]!) ? 0 : 1);
    }
  }
  return cum;
}

/** Copies rows lo..t of the eligible columns: the only prices a re-optimisation sees. */
function windowMatrix(prices: PriceMatrix, lo: number, t: number, cols: number[]): PriceMatrix {
  const m = prices.tickers.length;
  const k = cols.length;
  const values = new Float64Array((t - lo + 1) * k);
  for (let r = lo; r <= t; r++) {
    for (let c = 0; c < k; c++) values[(r - lo) * k + c] = prices.values[r * m + cols[c]!]!;
  }
  return { dates: prices.dates.slice(lo, t + 1), tickers: cols.map((j) => prices.tickers[j]!), values };
}

/** Simulates the portfolio; values in currency, returns daily fractions. Async because re-optimisation is. */
export async function runBacktest(
  prices: PriceMatrix,
  settings: BacktestSettings,
  hooks: BacktestHooks = {},
): Promise<CoreResult<BacktestRun>> {
  const r = resolve(prices, settings);
  if (!r.ok) return r;
  const { costRate, fixedCost, cashGrowth, initialValue, minHistory } = r.value;
  const { dates, tickers, values } = prices;
  const m = tickers.length;
  const n = dates.length;
  if (n < 2 || m === 0) return fail('insufficient-data', 'a backtest needs at least two dates and one asset');
  const cum = observedCounts(prices);
  const price = (t: number, j: number): number => values[t * m + j]!;
  const history = (lo: number, t: number, j: number): number => cum[(t + 1) * m + j]! - cum[lo * m + j]!;
  const wf = settings.walkForward;
  const rolling = wf?.window.kind === 'rolling' ? wf.window.days : 0;
  const windowStart = (t: number): number => (rolling > 0 ? t - rolling + 1 : 0);
  const eligible = (t: number, j: number): boolean =>
    !Number.isNaN(price(t, j)) && history(Math.max(0, windowStart(t)), t, j) >= minHistory;

  const target = new Float64Array(m);
  if (settings.weights !== undefined && wf === undefined) {
    for (const [ticker, w] of Object.entries(settings.weights)) target[tickers.indexOf(ticker)] = w;
  }

  // First row that can be allocated: a full estimation window (walk-forward) or an eligible target asset.
  let start = -1;
  for (let t = 0; t < n && start < 0; t++) {
    if (wf !== undefined) {
      if (windowStart(t) < 0 || t + 1 < minHistory) continue;
      for (let j = 0; j < m; j++) if (eligible(t, j)) start = t;
    } else {
      for (let j = 0; j < m; j++) if (target[j] !== 0 && eligible(t, j)) start = t;
    }
  }
  if (start < 0 || start >= n - 1) {
    return fail('insufficient-data', 'no day has enough price history to start the backtest', { minHistory, rolling });
  }

  const onFail = settings.onFail ?? 'stop';
  const fallbacks: Fallback[] = [];
  // Notes and fallbacks, grouped by text with the rebalance dates each was said on.
  const said = warningCollector();
  const say = said.say;
  let reoptimisations = 0;
  // Sums carried between rebalances; rebuilt at least once per window length to bound rounding drift.
  // They take ~4 m² numbers: beyond MAX_CARRIED_ASSETS columns each window is estimated from scratch.
  const estimates = m <= MAX_CARRIED_ASSETS ? windowEstimator(prices, Math.max(1024, rolling)) : undefined;
  const reoptimize = async (t: number): Promise<CoreResult<null>> => {
    if (wf === undefined) return ok(null);
    reoptimisations++;
    const lo = windowStart(t);
    const cols: number[] = [];
    for (let j = 0; j < m; j++) if (eligible(t, j)) cols.push(j);
    const res = await wf.reoptimize(windowMatrix(prices, lo, t, cols), estimates?.(lo, t, cols), (text) => say(dates[t]!, text));
    if (!res.ok) return res;
    const next = new Float64Array(m);
    for (const [ticker, w] of Object.entries(res.value)) {
      const j = tickers.indexOf(ticker);
      if (j < 0 || !cols.includes(j)) return fail('invalid-input', `re-optimisation returned a weight for ${ticker}, which was not in its window`);
      if (!Number.isFinite(w)) return fail('invalid-input', `re-optimisation returned a non-finite weight for ${ticker}`);
      next[j] = w;
    }
    target.set(next);
    return ok(null);
  };

  const calendarRows = new Set(
    settings.rebalance.kind === 'calendar' ? calendarRebalanceRows(dates, settings.rebalance.every, start) : [],
  );
  const held = new Float64Array(m); // currency value of each position at its last observed price
  const last = new Float64Array(m).fill(Number.NaN);
  const effective = new Float64Array(m);
  let cash = initialValue;
  let totalCosts = 0;
  const equity = new Float64Array(n - start);
  const rebalances: RebalanceRecord[] = [];

  /** Targets renormalised over the assets that can be held today (late joiners get their share later). */
  const effectiveTargets = (t: number): void => {
    let all = 0;
    let avail = 0;
    for (let j = 0; j < m; j++) {
      all += target[j]!;
      if (eligible(t, j)) avail += target[j]!;
    }
    const factor = Math.abs(all) > 1e-12 && Math.abs(avail) > 1e-12 ? all / avail : 1;
    for (let j = 0; j < m; j++) effective[j] = eligible(t, j) ? target[j]! * factor : 0;
  };

  const trade = (t: number, value: number): CoreResult<number> => {
    let frozen = 0;
    for (let j = 0; j < m; j++) if (Number.isNaN(price(t, j))) frozen += held[j]!;
    const tol = 1e-9 * Math.abs(value);
    // Costs come out of the portfolio, so the value to invest depends on the costs: a fixed point.
    let after = value;
    for (let iter = 0; iter < 100; iter++) {
      let cost = 0;
      for (let j = 0; j < m; j++) {
        if (Number.isNaN(price(t, j))) continue;
        const d = Math.abs(effective[j]! * (after - frozen) - held[j]!);
        if (d > tol) cost += costRate * d + fixedCost;
      }
      const next = value - cost;
      const done = Math.abs(next - after) <= 1e-13 * Math.abs(value);
      after = next;
      if (done) break;
    }
    if (!(after > frozen)) return fail('invalid-input', `costs on ${dates[t]} exceed the portfolio value`);
    let traded = 0;
    let net = 0;
    let trades = 0;
    for (let j = 0; j < m; j++) {
      if (Number.isNaN(price(t, j))) continue;
      const d = effective[j]! * (after - frozen) - held[j]!;
      if (Math.abs(d) <= tol) continue;
      held[j] = held[j]! + d;
      traded += Math.abs(d);
      net += d;
      trades++;
    }
    let invested = 0;
    for (let j = 0; j < m; j++) invested += held[j]!;
    cash = after - invested;
    const cost = value - after;
    totalCosts += cost;
    const weights: Record<string, number> = {};
    for (let j = 0; j < m; j++) if (held[j] !== 0) weights[tickers[j]!] = held[j]! / after;
    rebalances.push({ date: dates[t]!, weights, turnover: (traded + Math.abs(net)) / (2 * value), cost, trades });
    return ok(after);
  };

  const total = n - start;
  let solved = wf === undefined;
  let firstFailure: CoreResult<BacktestRun> | undefined;
  for (let t = 0; t < n; t++) {
    if (t > start) {
      for (let j = 0; j < m; j++) {
        const p = price(t, j);
        if (held[j] !== 0 && !Number.isNaN(p)) held[j] = (held[j]! * p) / last[j]!;
      }
      cash *= cashGrowth;
    }
    for (let j = 0; j < m; j++) if (!Number.isNaN(price(t, j))) last[j] = price(t, j);
    if (t < start) continue;
    if (hooks.isCancelled?.() === true) throw new Cancelled();

    let value = cash;
    for (let j = 0; j < m; j++) value += held[j]!;
    let rebalance = t === start || calendarRows.has(t);
    if (settings.rebalance.kind === 'band' && t > start) {
      effectiveTargets(t);
      for (let j = 0; j < m && !rebalance; j++) {
        if (!Number.isNaN(price(t, j)) && Math.abs(held[j]! / value - effective[j]!) > settings.rebalance.band) rebalance = true;
      }
    }
    if (rebalance) {
      const re = await reoptimize(t);
      if (!re.ok) {
        if (re.error.code === 'cancelled') throw new Cancelled();
        if (onFail === 'stop') {
          return fail(re.error.code, `the rebalance on ${dates[t]} could not be solved: ${re.error.message} (choose hold or cash on failure to continue past it)`, {
            date: dates[t],
            onFail,
            ...(re.error.details === undefined ? {} : { cause: re.error.details }),
          });
        }
        firstFailure ??= re;
        // Before any success the targets are all zero, so holding means waiting in cash for a solvable window.
        const action: Fallback['action'] = onFail === 'cash' || !solved ? 'cash' : 'held';
        if (onFail === 'cash') target.fill(0);
        fallbacks.push({ date: dates[t]!, reason: re.error.message, action });
        const what = onFail === 'cash' ? 'went to cash' : solved ? 'kept the previous weights' : 'stayed in cash (no previous weights yet)';
        say(dates[t]!, `re-optimisation failed (${re.error.message}); ${what}`);
      } else {
        solved = true;
      }
      effectiveTargets(t);
      const traded = trade(t, value);
      if (!traded.ok) return traded;
      value = traded.value;
    }
    equity[t - start] = value;
    if (hooks.progress !== undefined && (rebalance || (t - start) % 256 === 0 || t === n - 1)) {
      hooks.progress(t - start + 1, total, 'simulating');
    }
  }

  if (!solved && firstFailure !== undefined) return firstFailure; // every window failed: say why, not "all cash"
  const returns = new Float64Array(equity.length);
  for (let i = 1; i < equity.length; i++) returns[i] = equity[i]! / equity[i - 1]! - 1;
  const groups = said.groups();
  return ok({
    dates: dates.slice(start),
    equity,
    returns,
    rebalances,
    totalCosts,
    initialValue,
    warnings: groups.map((g) => g.line),
    warningGroups: groups.map(({ line: _line, ...group }) => group),
    fallbacks,
    reoptimisations,
  });
}
