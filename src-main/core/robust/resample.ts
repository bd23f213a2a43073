/**
 * Resampled efficiency (Michaud): redraw the estimation window many times, re-estimate, re-solve the
 * frontier (or one objective) under every constraint of the scenario, and average the weights rank
 * by rank. The averages are evaluated with the original estimates. From the same draws: per-asset
 * weight bands, a confidence region around the frontier, and whether the current portfolio lies
 * inside it (within the estimation noise).
 */
import type { FrontierPoint, OptimizeOptions } from '../../../shared/domain/optimize.js';
import type { ResampleBandPoint, ResampleResult, ResampleSettings, WeightBand } from '../../../shared/domain/robust.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import type { PriceMatrix } from '../price-matrix.js';
import { frontierOf } from '../optimize/frontier.js';
import { prepareProblem } from '../optimize/index.js';
import { objectives } from '../optimize/objectives.js';
import { prepareFromMoments } from '../optimize/prepare.js';
import type { PreparedProblem } from '../optimize/problem.js';
import { toFrontierPoint, toRecord } from '../optimize/results.js';
import { dot, quadForm } from '../stats/linalg.js';
import { completeReturnRows } from '../stats/returns.js';
import { drawNormalMoments, sampler, stationaryBootstrap, type Sampler } from './sampling.js';

/** Return and volatility of weights under the original estimates. */
function evaluate(p: PreparedProblem, w: Float64Array): { r: number; v: number } {
  return { r: dot(p.mu, w), v: Math.sqrt(Math.max(0, quadForm(p.cov, p.n, w))) };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const x = q * (sorted.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (x - lo) * (sorted[hi]! - sorted[lo]!);
}

function bandsOf(samples: Float64Array[], tickers: string[]): Record<string, WeightBand> {
  const out: Record<string, WeightBand> = {};
  tickers.forEach((t, i) => {
    const col = Float64Array.from(samples, (w) => w[i]!).sort();
    out[t] = { p5: percentile(col, 0.05), p50: percentile(col, 0.5), p95: percentile(col, 0.95) };
  });
  return out;
}

function average(samples: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const w of samples) for (let i = 0; i < n; i++) out[i] = out[i]! + w[i]! / samples.length;
  return out;
}

/** Prices rebuilt from return rows (cumulated from 1), so the chosen estimators run on the draw unchanged. */
function pricesFromRows(values: Float64Array, rows: Int32Array, n: number, tickers: string[]): PriceMatrix {
  const T = rows.length;
  const out = new Float64Array((T + 1) * n).fill(1);
  for (let k = 0; k < T; k++) {
    const src = rows[k]! * n;
    for (let j = 0; j < n; j++) out[(k + 1) * n + j] = out[k * n + j]! * (1 + values[src + j]!);
  }
  // Dates only need to be ordered and distinct for the estimators.
  const dates = Array.from({ length: T + 1 }, (_, t) => `d${String(t).padStart(6, '0')}`);
  return { dates, tickers, values: out };
}

/** One resampled problem: normal moments or a bootstrap of the complete return rows. */
function drawProblem(
  base: PreparedProblem,
  options: OptimizeOptions,
  settings: ResampleSettings,
  s: Sampler,
  rows: { values: Float64Array; T: number },
): CoreResult<PreparedProblem> | null {
  const n = base.n;
  if (settings.method === 'normal') {
    // Annualised: the mean's standard error is σ·√(f/T); the scatter has T − 1 degrees of freedom.
    const meanScale = settings.noiseScale * Math.sqrt(options.estimators.frequency / rows.T);
    const m = drawNormalMoments(s, base.mu, base.cov, n, meanScale, rows.T - 1, settings.noiseScale);
    if (!m) return null;
    return prepareFromMoments(
      { tickers: base.tickers, expectedReturns: m.mu, covariance: m.cov, warnings: [], returns: { dates: [], tickers: base.tickers, values: rows.values, T: rows.T, n } },
      options,
    );
  }
  const idx = stationaryBootstrap(s, rows.T, settings.blockDays);
  const prices = pricesFromRows(rows.values, idx, n, base.tickers);
  const p = prepareProblem(prices, options);
  return p.ok ? ok(p.value.problem) : p;
}

/**
 * V(r): the least volatility at which the draw's curve (evaluated with the original estimates, linear
 * between its points) reaches a return of at least r; Infinity when it never does. A point (r, v) is
 * dominated by the draw exactly when v ≥ V(r).
 */
export function leastVolatilityReaching(curve: { r: number; v: number }[], r: number): number {
  let best = Infinity;
  for (const c of curve) if (c.r >= r && c.v < best) best = c.v;
  for (let k = 1; k < curve.length; k++) {
    const a = curve[k - 1]!;
    const b = curve[k]!;
    const lo = Math.min(a.r, b.r);
    const hi = Math.max(a.r, b.r);
    if (r < lo || r > hi || hi === lo) continue;
    const v = a.v + ((r - a.r) / (b.r - a.r)) * (b.v - a.v);
    if (v < best) best = v;
  }
  return best;
}

/**
 * Resamples the scenario `draws` times (deterministic for the seed). Frontier mode (settings.points)
 * averages rank by rank; objective mode averages the objective's weights. `current` weights are tested
 * for being within the noise (frontier mode).
 */
export async function resampleFrontier(
  prices: PriceMatrix,
  options: OptimizeOptions,
  settings: ResampleSettings,
  current: Record<string, number> | undefined,
  hooks?: CoreHooks,
): Promise<CoreResult<ResampleResult>> {
  if (settings.method === 'normal' && options.blackLitterman) {
    return fail('unsupported', 'the normal resampling method draws sample moments and cannot re-apply Black–Litterman views; use method bootstrap');
  }
  const prep = prepareProblem(prices, options);
  if (!prep.ok) return prep;
  const base = prep.value.problem;
  const n = base.n;
  const rows = completeReturnRows({ dates: [], tickers: base.tickers, values: base.returns, T: base.T, n });
  if (rows.T < n + 2) return fail('insufficient-data', `resampling needs more complete return rows (${rows.T}) than assets + 1 (${n + 1})`);
  const warnings: string[] = [...prep.value.warnings];
  const s = sampler(settings.seed);
  const frontierMode = settings.points !== undefined;
  const points = settings.points ?? 0;
  const total = settings.draws + 1;
  const solveObjective = objectives[options.objective];

  // Classical answer under the original estimates.
  let classical: FrontierPoint[];
  if (frontierMode) {
    const f = await frontierOf(base, points, undefined);
    if (!f.ok) return f;
    classical = f.value.points;
  } else {
    const c = await solveObjective(base, undefined);
    if (!c.ok) return c;
    classical = [toFrontierPoint(base, c.value.weights)];
  }
  hooks?.progress(1, total, 'classical solution');

  const byRank: Float64Array[][] = Array.from({ length: frontierMode ? points : 1 }, () => []);
  const curves: { r: number; v: number }[][] = [];
  let failed = 0;
  for (let d = 0; d < settings.draws; d++) {
    if (hooks?.isCancelled()) throw new Cancelled();
    const drawn = drawProblem(base, options, settings, s, rows);
    if (!drawn || !drawn.ok) {
      failed++;
      continue;
    }
    const p = drawn.value;
    if (frontierMode) {
      const f = await frontierOf(p, points, undefined);
      if (!f.ok || f.value.points.length !== points) {
        failed++;
        continue;
      }
      const ws = f.value.points.map((pt) => Float64Array.from(base.tickers, (t) => pt.weights[t] ?? 0));
      ws.forEach((w, k) => byRank[k]!.push(w));
      curves.push(ws.map((w) => evaluate(base, w)));
    } else {
      const r = await solveObjective(p, undefined);
      if (!r.ok) {
        failed++;
        continue;
      }
      byRank[0]!.push(r.value.weights);
    }
    if (d % 5 === 4 || d === settings.draws - 1) hooks?.progress(d + 2, total, `draw ${d + 1} of ${settings.draws}`);
  }
  const good = settings.draws - failed;
  if (good === 0) return fail('solver-failed', `none of the ${settings.draws} resampled problems could be solved`);
  if (failed > 0) warnings.push(`${failed} of ${settings.draws} draws could not be solved and are left out of the averages`);
  if (options.constraints.maxHoldings !== undefined) warnings.push('averaged weights may hold more assets than the maximum number of holdings (each draw respects it; their average need not)');

  const averaged = byRank.map((samples) => average(samples, n));
  const frontier = averaged.map((w) => toFrontierPoint(base, w));
  let pick = 0;
  if (frontierMode) frontier.forEach((pt, k) => (pt.sharpe > frontier[pick]!.sharpe ? (pick = k) : undefined));
  const result: ResampleResult = {
    weights: toRecord(base.tickers, averaged[pick]!),
    bands: bandsOf(byRank[pick]!, base.tickers),
    frontier: frontierMode ? frontier : [],
    classicalFrontier: classical,
    band: [],
    draws: settings.draws,
    failedDraws: failed,
    seed: settings.seed,
    method: settings.method,
    objective: frontierMode ? null : options.objective,
    warnings,
  };
  if (settings.keepDraws && !frontierMode) result.drawWeights = byRank[0]!.map((w) => toRecord(base.tickers, w));
  if (frontierMode) {
    result.pointBands = byRank.map((samples) => bandsOf(samples, base.tickers));
    // Upper edge: the 95th percentile of V_d(r) over the draws, drawn at the widest volatility any draw
    // reaches where more than 5 % of the draws never reach that return.
    let widest = 0;
    for (const cv of curves) for (const c of cv) widest = Math.max(widest, c.v);
    for (const c of classical) widest = Math.max(widest, c.volatility);
    const band: ResampleBandPoint[] = [];
    for (const c of classical) {
      const vols = Float64Array.from(curves, (cv) => leastVolatilityReaching(cv, c.expectedReturn)).sort();
      const upper = percentile(vols, 0.95);
      band.push({ expectedReturn: c.expectedReturn, lower: c.volatility, upper: Math.max(c.volatility, Number.isFinite(upper) ? upper : widest) });
    }
    result.band = band;
    if (current) {
      const w = Float64Array.from(base.tickers, (t) => current[t] ?? 0);
      const { r, v } = evaluate(base, w);
      const notDominated = curves.filter((cv) => v < leastVolatilityReaching(cv, r)).length;
      const share = notDominated / curves.length;
      const withinNoise = share >= 0.05;
      result.current = {
        withinNoise,
        share,
        expectedReturn: r,
        volatility: v,
        verdict: withinNoise
          ? `current portfolio is within the estimation noise of the frontier (not dominated on ${(share * 100).toFixed(1)} % of the resampled frontiers): rebalancing is not supported by the data`
          : `current portfolio is outside the estimation noise (dominated on ${((1 - share) * 100).toFixed(1)} % of the resampled frontiers): the data support rebalancing towards the frontier`,
      };
    }
  }
  hooks?.progress(total, total);
  return ok(result);
}
