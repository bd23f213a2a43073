/**
 * Block-bootstrap Monte Carlo of a daily return series: paths are glued from blocks of consecutive
 * historical days (circular), which keeps short-range autocorrelation and volatility clustering that
 * an i.i.d. bootstrap would destroy. Seeded, so a run is reproducible.
 */
import type { FanPointOut, HorizonSummaryOut } from '../../../shared/api/backtest.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { mulberry32 } from './prng.js';
import { sortedQuantile } from './series.js';

export const FAN_PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface MonteCarloSettings {
  /** Number of simulated paths (default 10 000). */
  paths?: number;
  /** Horizons in years to report (default [1, 5]); the simulation runs to the longest. */
  horizons?: number[];
  /** Block length in days (default 21). */
  blockLength?: number;
  seed?: number;
  /** Days between fan-chart points (default 21). */
  step?: number;
  /** Loss thresholds X (positive fractions) for P(return < −X) (default [0.1, 0.2, 0.3]). */
  lossThresholds?: number[];
  periodsPerYear?: number;
}

export type FanPoint = FanPointOut;

export type HorizonSummary = HorizonSummaryOut;

export interface MonteCarloResult {
  paths: number;
  blockLength: number;
  seed: number;
  /** Growth of 1 over time, to the longest horizon. */
  fan: FanPoint[];
  horizons: HorizonSummary[];
}

/** Progress in paths; a cancel seen every 256 paths throws `Cancelled`. */
export type MonteCarloHooks = Partial<CoreHooks>;

function percentilesOf(sorted: Float64Array): Omit<FanPoint, 'day'> {
  const q = FAN_PERCENTILES.map((p) => sortedQuantile(sorted, p / 100));
  return { p5: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p95: q[4]! };
}

/** Bootstraps growth paths from daily returns (fractions); fan values are growth of 1. */
export function blockBootstrap(
  returns: ArrayLike<number>,
  settings: MonteCarloSettings = {},
  hooks: MonteCarloHooks = {},
): CoreResult<MonteCarloResult> {
  const paths = settings.paths ?? 10_000;
  const horizons = settings.horizons ?? [1, 5];
  const block = settings.blockLength ?? 21;
  const seed = settings.seed ?? 1;
  const step = settings.step ?? 21;
  const ppy = settings.periodsPerYear ?? 252;
  const thresholds = settings.lossThresholds ?? [0.1, 0.2, 0.3];
  const n = returns.length;
  if (n < 2) return fail('insufficient-data', 'the bootstrap needs at least two daily returns');
  if (!(Number.isInteger(paths) && paths >= 1 && Number.isInteger(block) && block >= 1 && Number.isInteger(step) && step >= 1)) {
    return fail('invalid-input', 'paths, block length and step must be positive integers');
  }
  if (horizons.length === 0 || horizons.some((h) => !(h > 0))) return fail('invalid-input', 'horizons must be positive years');
  const horizonDays = horizons.map((h) => Math.round(h * ppy));
  const maxDays = Math.max(...horizonDays);
  // Checkpoints: every `step` days plus each horizon, so the fan and the horizon rows come from one run.
  const dayset = new Set<number>([0, ...horizonDays]);
  for (let d = step; d <= maxDays; d += step) dayset.add(d);
  const checkpoints = [...dayset].sort((a, b) => a - b);
  const slot = new Int32Array(maxDays + 1).fill(-1);
  checkpoints.forEach((d, k) => (slot[d] = k));
  const k = checkpoints.length;
  const values = new Float64Array(k * paths); // checkpoint-major, so each checkpoint sorts in place
  const r = Float64Array.from(returns);
  const rand = mulberry32(seed);
  for (let p = 0; p < paths; p++) {
    if ((p & 255) === 0) {
      if (hooks.isCancelled?.() === true) throw new Cancelled();
      hooks.progress?.(p, paths, 'Monte Carlo paths');
    }
    let v = 1;
    let at = 0;
    values[p] = 1;
    for (let d = 1; d <= maxDays; d++) {
      if ((d - 1) % block === 0) at = Math.floor(rand() * n);
      else at = at + 1 === n ? 0 : at + 1;
      v *= 1 + r[at]!;
      const s = slot[d]!;
      if (s >= 0) values[s * paths + p] = v;
    }
  }
  hooks.progress?.(paths, paths, 'Monte Carlo paths');
  const fan: FanPoint[] = [];
  const byDay = new Map<number, Float64Array>();
  checkpoints.forEach((day, s) => {
    const col = values.subarray(s * paths, (s + 1) * paths).sort();
    byDay.set(day, col);
    fan.push({ day, ...percentilesOf(col) });
  });
  const summaries: HorizonSummary[] = horizons.map((years, i) => {
    const days = horizonDays[i]!;
    const col = byDay.get(days)!;
    const q = percentilesOf(col);
    return {
      years,
      days,
      p5: q.p5 - 1,
      p25: q.p25 - 1,
      p50: q.p50 - 1,
      p75: q.p75 - 1,
      p95: q.p95 - 1,
      lossProbabilities: thresholds.map((threshold) => ({ threshold, probability: countBelow(col, 1 - threshold) / paths })),
    };
  });
  return ok({ paths, blockLength: block, seed, fan, horizons: summaries });
}

/** Number of entries of an ascending array strictly below x (binary search). */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
