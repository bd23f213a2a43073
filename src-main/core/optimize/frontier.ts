/**
 * N-point efficient frontiers under general constraints (min variance at evenly spaced target returns,
 * the factorisation of Σ shared between points), plus the critical-line turning points when the
 * problem is long-only with bounds only.
 */
import type { FrontierPoint, FrontierResult } from '../../../shared/domain/optimize.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { dot } from '../stats/linalg.js';
import { criticalLine, claApplies, interpolateFrontier } from './cla.js';
import { maxReturn, minVolatility, solveSpec } from './mean-variance.js';
import type { PreparedProblem } from './problem.js';
import { buildQp } from './qp-build.js';
import type { QpFactorCache } from './qp-dual.js';
import { toFrontierPoint } from './results.js';
import { runQp } from './solve-qp.js';

export interface FrontierDiagnostics {
  failedPoints: number;
  fallbackPoints: number;
  solveTimeMs: number;
}

/** Evenly spaced targets from the min-volatility return to the max return (both under the constraints). */
export async function frontierOf(p: PreparedProblem, points: number, ctx?: CoreHooks): Promise<CoreResult<FrontierResult & { diagnostics: FrontierDiagnostics }>> {
  const t0 = performance.now();
  const check = () => {
    if (ctx?.isCancelled()) throw new Cancelled();
  };
  const total = points + 2;
  if (claApplies(p)) {
    ctx?.progress(0, total, 'critical line method');
    const cla = criticalLine(p);
    if (cla.ok) {
      check();
      const exact = claFrontier(p, cla.value.turningPoints, points);
      if (exact) {
        ctx?.progress(total, total);
        return ok({ ...exact, diagnostics: { failedPoints: 0, fallbackPoints: 0, solveTimeMs: performance.now() - t0 } });
      }
    }
  }
  ctx?.progress(0, total, 'min-volatility and max-return ends');
  const mv = await minVolatility(p);
  if (!mv.ok) return mv;
  const mr = await maxReturn(p);
  if (!mr.ok) return mr;
  check();
  const rMin = dot(p.mu, mv.value.weights);
  const rMax = dot(p.mu, mr.value.weights);
  const out: FrontierPoint[] = [toFrontierPoint(p, mv.value.weights)];
  let failed = 0;
  let fallback = 0;
  const cache: QpFactorCache = {};
  const useCache = p.options.constraints.trackingError === undefined;
  let support: number[] = [];
  for (let k = 1; k < points; k++) {
    check();
    ctx?.progress(k + 1, total, `frontier point ${k + 1} of ${points}`);
    // The last point sits a hair inside the max-return face so rounding cannot make it infeasible.
    const target = k === points - 1 ? rMax - 1e-9 * Math.max(1e-12, rMax - rMin) - 1e-12 * Math.abs(rMax) : rMin + ((rMax - rMin) * k) / (points - 1);
    if (!(rMax > rMin)) break;
    const row = { name: 'target-return', a: p.mu, b: target };
    let weights: Float64Array | undefined;
    if (useCache) {
      const built = buildQp(p, { sigmaFactor: 2, linear: new Float64Array(p.n), extraIneq: [row] });
      if (!built.ok) return built;
      built.value.qp.cache = cache;
      built.value.warmSupport = support;
      const r = await runQp(built.value, 'frontier');
      if (r.ok) {
        weights = r.value.solution.weights;
        support = [];
        weights.forEach((x, i) => {
          if (x > p.lower[i]!) support.push(i);
        });
        if (r.value.solution.solver !== 'dual-active-set') fallback++;
      }
    } else {
      const r = await solveSpec(p, { sigmaFactor: 2, linear: new Float64Array(p.n), extraIneq: [row] }, 'frontier');
      if (r.ok) weights = r.value.weights;
    }
    if (!weights) {
      failed++;
      continue;
    }
    out.push(toFrontierPoint(p, weights));
  }
  if (out.length < Math.min(2, points)) return fail('solver-failed', 'the frontier could not be traced');
  const result: FrontierResult & { diagnostics: FrontierDiagnostics } = {
    points: out,
    assets: p.tickers.map((t, i) => ({ ticker: t, expectedReturn: p.mu[i]!, volatility: Math.sqrt(p.cov[i * p.n + i]!) })),
    diagnostics: { failedPoints: failed, fallbackPoints: fallback, solveTimeMs: 0 },
  };
  if (claApplies(p)) {
    check();
    const cla = criticalLine(p);
    if (cla.ok) result.turningPoints = cla.value.turningPoints.map((w) => toFrontierPoint(p, w));
  }
  ctx?.progress(total, total);
  result.diagnostics.solveTimeMs = performance.now() - t0;
  return ok(result);
}

/**
 * The N-point frontier read off the critical line: weights are linear in the target return between
 * adjacent turning points, so each point is an exact interpolation (no QP solves).
 */
function claFrontier(p: PreparedProblem, turning: Float64Array[], points: number): FrontierResult | null {
  const ret = (w: Float64Array) => dot(p.mu, w);
  const rMax = ret(turning[0]!);
  const rMin = ret(turning[turning.length - 1]!);
  const out: FrontierPoint[] = [];
  for (let k = 0; k < points; k++) {
    const target = points === 1 || !(rMax > rMin) ? rMin : rMin + ((rMax - rMin) * k) / (points - 1);
    const w = k === 0 ? turning[turning.length - 1]! : k === points - 1 ? turning[0]! : interpolateFrontier(turning, p.mu, target);
    if (!w) return null;
    out.push(toFrontierPoint(p, w));
    if (!(rMax > rMin)) break;
  }
  return {
    points: out,
    turningPoints: turning.map((w) => toFrontierPoint(p, w)),
    assets: p.tickers.map((t, i) => ({ ticker: t, expectedReturn: p.mu[i]!, volatility: Math.sqrt(p.cov[i * p.n + i]!) })),
  };
}
