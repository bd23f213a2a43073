/** The replay's figures per rule, Leland and Whalley–Wilmott estimates, and cost vs hedging frequency. */
import type { OptionsReplayOut, ReplayRuleOut } from '../../../shared/api/options.js';
import { DAYS_PER_YEAR } from '../../../shared/domain/options.js';
import type { CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { bsmGreeks } from './bsm.js';
import { lelandVol, parseRule, quantileSorted, replayBook, whalleyWilmottHalfWidth, type BookPath, type HedgeRule, type ReplayPosition, type ReplaySeries } from './replay.js';

const TRADING_DAYS = 252;
/** Re-hedge intervals of the cost-vs-frequency curve, trading days. */
export const COST_CURVE_INTERVALS = [1, 2, 3, 5, 10, 21];

export interface ReplayInput {
  positions: ReplayPosition[];
  series: Record<string, ReplaySeries>;
  rules: string[];
  costBps: number;
  stepDays: number;
  riskAversion: number;
  /** Compute the cost-vs-frequency curve too (6 more replays). */
  costCurve: boolean;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}
function std(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function histogram(xs: readonly number[], bins = 20): { from: number; to: number; count: number }[] {
  if (xs.length === 0) return [];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const w = hi > lo ? (hi - lo) / bins : 1;
  const out = Array.from({ length: bins }, (_, i) => ({ from: lo + i * w, to: lo + (i + 1) * w, count: 0 }));
  for (const x of xs) out[Math.min(bins - 1, Math.floor((x - lo) / w))]!.count++;
  return out;
}

/** The book's vega-weighted vol (annual fraction), the vol Leland's estimate adjusts. */
function bookVol(positions: readonly ReplayPosition[]): number {
  let w = 0;
  let s = 0;
  for (const p of positions) {
    const vega = Math.abs(bsmGreeks({ type: p.type, spot: 1, strike: p.moneyness, years: p.tenorDays / DAYS_PER_YEAR, vol: p.vol, rate: p.rate, dividendYield: p.dividendYield }).vega * p.shares);
    w += vega;
    s += vega * p.vol;
  }
  return w > 0 ? s / w : mean(positions.map((p) => p.vol));
}

function summarise(rule: string, paths: readonly BookPath[], vol: number, k: number): ReplayRuleOut {
  const errors = paths.map((p) => p.hedgeError);
  const net = paths.map((p) => p.hedgeError - p.cost).sort((a, b) => a - b);
  const rebalances = mean(paths.map((p) => p.rebalances));
  const days = mean(paths.map((p) => p.days));
  const dt = days / Math.max(rebalances + 1, 1) / TRADING_DAYS;
  return {
    rule,
    meanCost: mean(paths.map((p) => p.cost)),
    stdHedgeError: std(errors),
    meanHedgeError: mean(errors),
    p5: quantileSorted(net, 0.05),
    p95: quantileSorted(net, 0.95),
    rebalances,
    replays: paths.length,
    lelandAdjustedVol: lelandVol(vol, k, dt),
    histogram: histogram(net),
  };
}

/** Runs every rule (and the frequency curve) over the book; error when no start date has a full path. */
export function replayReport(input: ReplayInput, hooks?: CoreHooks): CoreResult<Omit<OptionsReplayOut, 'underlyings' | 'warnings'>> {
  const rules: { text: string; rule: HedgeRule }[] = [];
  for (const text of input.rules) {
    const rule = parseRule(text);
    if (!rule) return fail('invalid-input', `rule "${text}" is not daily, weekly or band:X`);
    rules.push({ text, rule });
  }
  const curve = input.costCurve ? COST_CURVE_INTERVALS : [];
  const total = rules.length + curve.length;
  const vol = bookVol(input.positions);
  const k = (2 * input.costBps) / 10_000;
  const run = (rule: HedgeRule, done: number, label: string): BookPath[] => {
    hooks?.progress(done, total, label);
    return replayBook(input.positions, input.series, rule, input.costBps, input.stepDays, hooks);
  };
  const out: ReplayRuleOut[] = [];
  for (const [i, r] of rules.entries()) {
    const paths = run(r.rule, i, `rule ${r.text}`);
    if (paths.length === 0) return fail('insufficient-data', 'no start date has prices up to expiry for every position: the stored history is shorter than the options’ tenor');
    out.push(summarise(r.text, paths, vol, k));
  }
  const costCurve = curve.map((days, i) => {
    const s = summarise(`every ${days}`, run({ kind: 'interval', days }, rules.length + i, `every ${days} days`), vol, k);
    return { intervalDays: days, hedgesPerYear: TRADING_DAYS / days, meanCost: s.meanCost, stdHedgeError: s.stdHedgeError, lelandAdjustedVol: lelandVol(vol, k, days / TRADING_DAYS) };
  });
  hooks?.progress(total, total, 'done');
  // Whalley–Wilmott at the largest position's terms today (latest close), delta per share.
  const big = [...input.positions].sort((a, b) => Math.abs(b.shares * b.vol) - Math.abs(a.shares * a.vol))[0]!;
  const lastSpot = (() => {
    const s = input.series[big.underlying];
    return s && s.closes.length > 0 ? s.closes[s.closes.length - 1]! : 1;
  })();
  const g = bsmGreeks({ type: big.type, spot: lastSpot, strike: big.moneyness * lastSpot, years: big.tenorDays / DAYS_PER_YEAR, vol: big.vol, rate: big.rate, dividendYield: big.dividendYield });
  const firstTime = rules.find((r) => r.rule.kind === 'interval');
  const dt = (firstTime && firstTime.rule.kind === 'interval' ? firstTime.rule.days : 1) / TRADING_DAYS;
  return ok({
    rules: out,
    leland: { vol, adjustedVol: lelandVol(vol, k, dt), roundTripCost: k, dt },
    whalleyWilmott: { halfWidth: whalleyWilmottHalfWidth(k, lastSpot, g.gamma, big.rate, big.tenorDays / DAYS_PER_YEAR, input.riskAversion), riskAversion: input.riskAversion },
    costCurve,
    positions: input.positions.length,
  });
}
