/**
 * Mean-variance objectives on the dual active-set QP (HiGHS as fallback / LP):
 * min-volatility, efficient-return, max-utility, max-return, max-sharpe, efficient-risk; the tracking-error
 * cap is handled by a Lagrangian penalty ν(w − w_b)ᵀΣ(w − w_b) with ν found by bisection.
 */
import { factorRows, hasFactorLimits } from '../factors/constraints.js';
import { solveWithFactorStructure } from '../factors/factor-qp.js';
import { fail, ok, type CoreResult } from '../result.js';
import { dot, quadForm } from '../stats/linalg.js';
import { solveQpHighs } from './highs-qp.js';
import type { ObjectiveSolver, PreparedProblem, Solution } from './problem.js';
import { buildQp, weightVector, type QpSpec } from './qp-build.js';
import { qpKkt, type LinearRow, type QpFactorCache, type QpInput } from './qp-dual.js';
import { runQp } from './solve-qp.js';

type Result = CoreResult<Solution>;

const zeros = (n: number) => new Float64Array(n);

/**
 * The problem without objective terms (L2 γ‖w‖², transaction costs k‖w − w₀‖₁): regularisation shapes
 * the objective and never restricts what is reachable, so feasibility pre-checks (lowest volatility,
 * highest return) run on this copy. Constraints (bounds, groups, turnover, tracking error) are kept.
 */
export function withoutObjectiveTerms(p: PreparedProblem): PreparedProblem {
  const c = p.options.constraints;
  if (c.l2 === 0 && c.txCost === 0) return p;
  return { ...p, options: { ...p.options, constraints: { ...c, l2: 0, txCost: 0 } } };
}

/** Solves one QpSpec, applying the tracking-error cap when set. */
export async function solveSpec(p: PreparedProblem, spec: QpSpec, label: string): Promise<Result> {
  const cap = p.options.constraints.trackingError;
  if (cap === undefined) return solvePlain(p, spec, label);
  const bw = weightVector(p, p.options.constraints.benchmarkWeights, 'benchmark weights');
  if (!bw.ok) return bw;
  if (!p.options.constraints.benchmarkWeights) {
    return fail('invalid-input', 'a tracking-error cap needs benchmark weights', { constraints: ['tracking-error'] });
  }
  const b = bw.value;
  const te = (w: Float64Array): number => {
    const d = w.map((x, i) => x - b[i]!);
    return Math.sqrt(Math.max(0, quadForm(p.cov, p.n, d)));
  };
  const at = (nu: number) => solvePlain(p, { ...spec, tracking: { nu, benchmark: b } }, label);
  const first = await at(0);
  if (!first.ok || te(first.value.weights) <= cap * (1 + 1e-10)) return first;
  // TE(ν) decreases in ν: bracket, then bisect on log ν until TE is within 1e-9 (relative) of the cap.
  let lo = 0;
  let hi = 1;
  let best: Result = first;
  for (let k = 0; ; k++) {
    const r = await at(hi);
    if (!r.ok) return r;
    if (te(r.value.weights) <= cap) {
      best = r;
      break;
    }
    lo = hi;
    hi *= 10;
    if (k > 14) {
      return fail('infeasible', `tracking-error cap ${cap} is below the smallest tracking error reachable under the other constraints (${te(r.value.weights).toPrecision(6)})`, {
        constraints: ['tracking-error'],
      });
    }
  }
  for (let k = 0; k < 200; k++) {
    const mid = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    const r = await at(mid);
    if (!r.ok) return r;
    const t = te(r.value.weights);
    if (t <= cap) {
      best = r;
      hi = mid;
    } else lo = mid;
    if (Math.abs(t - cap) <= 1e-9 * cap && t <= cap * (1 + 1e-9)) {
      best = r;
      break;
    }
    if (hi - lo <= 1e-14 * hi) break;
  }
  if (!best.ok) return best;
  const s = best.value;
  const teFinal = te(s.weights);
  return ok({
    ...s,
    activeConstraints: Math.abs(teFinal - cap) <= 1e-8 * cap ? [...s.activeConstraints, 'tracking-error'] : s.activeConstraints,
    extras: { ...s.extras, trackingError: teFinal, trackingPenalty: hi },
    warnings: [...(s.warnings ?? []), 'tracking-error cap solved as a penalty ν(w−b)ᵀΣ(w−b) with ν found by bisection'],
  });
}

async function solvePlain(p: PreparedProblem, spec: QpSpec, label: string): Promise<Result> {
  const fast = solveWithFactorStructure(p, spec, label);
  if (fast) return ok(fast);
  const built = buildQp(p, spec);
  if (!built.ok) return built;
  const r = await runQp(built.value, label);
  if (!r.ok) return r;
  return ok(r.value.solution);
}

export const minVolatility: ObjectiveSolver = (p) => solveSpec(p, { sigmaFactor: 2, linear: zeros(p.n) }, 'min-volatility');

export const efficientReturn: ObjectiveSolver = async (p) => {
  const target = p.options.targets.targetReturn;
  if (target === undefined) return fail('invalid-input', 'efficient-return needs a target return (targets.targetReturn)');
  const row: LinearRow = { name: 'target-return', a: p.mu, b: target };
  const r = await solveSpec(p, { sigmaFactor: 2, linear: zeros(p.n), extraIneq: [row] }, 'efficient-return');
  if (!r.ok && r.error.code === 'infeasible') {
    const mr = await maxReturn(withoutObjectiveTerms(p));
    if (mr.ok) {
      const best = dot(p.mu, mr.value.weights);
      if (best < target) return fail('infeasible', `target return ${target} is above the highest return reachable under the constraints (${best.toPrecision(6)})`, { constraints: ['target-return'], maxReturn: best });
    }
  }
  return r;
};

export const maxUtility: ObjectiveSolver = (p) => {
  const delta = p.options.targets.riskAversion;
  return solveSpec(p, { sigmaFactor: delta, linear: p.mu.map((x) => -x) }, 'max-utility');
};

/** Max μᵀw: an LP (a QP when L2 is set), solved by HiGHS; KKT checked on its duals. */
export const maxReturn: ObjectiveSolver = async (p) => {
  if (p.options.constraints.trackingError !== undefined) return fail('unsupported', 'max-return with a tracking-error cap is not supported; use efficient-risk or max-utility');
  const built = buildQp(p, { sigmaFactor: 0, linear: p.mu.map((x) => -x) });
  if (!built.ok) return built;
  const t0 = performance.now();
  const c = p.options.constraints;
  if (!c.marketNeutral && c.groups.length === 0 && c.l2 === 0 && built.value.tradeFirst < 0 && !hasFactorLimits(p)) {
    const g = greedyMaxReturn(p, built.value.qp);
    if (g) return ok({ ...g, extras: { solveTimeMs: performance.now() - t0 } });
  }
  const h = await solveQpHighs(built.value.qp);
  if (!h.ok) {
    if (h.status === 'unbounded') return fail('unbounded', 'max-return is unbounded: give finite bounds');
    return fail(h.status === 'infeasible' ? 'infeasible' : 'solver-failed', `max-return: HiGHS stopped with status ${h.status}`, { constraints: [] });
  }
  const kkt = qpKkt(built.value.qp, h.value);
  const weights = Float64Array.from(h.value.x.subarray(0, p.n));
  const worst = Math.max(kkt.stationarity, kkt.feasibility, kkt.complementarity);
  return ok({
    weights,
    solver: 'highs-lp',
    iterations: h.value.iterations,
    status: worst <= 1e-8 ? 'optimal' : 'optimal-inaccurate',
    kkt,
    activeConstraints: [],
    extras: { solveTimeMs: performance.now() - t0 },
    warnings: built.value.warnings,
  });
};

/**
 * Max Sharpe by the Cornuejols–Tütüncü change of variables y = κw: min yᵀΣy s.t. (μ − rf)ᵀy = 1,
 * 1ᵀy = κ, l·κ ≤ y ≤ u·κ, group limits scaled by κ, κ ≥ 0.
 */
export const maxSharpe: ObjectiveSolver = async (p) => {
  const { n } = p;
  const c = p.options.constraints;
  const rf = p.options.targets.rf;
  if (c.marketNeutral) return fail('unsupported', 'max-sharpe is undefined for a market-neutral portfolio (Σw = 0)');
  if (c.txCost > 0 || c.maxTurnover !== undefined || c.trackingError !== undefined) {
    return fail('unsupported', 'max-sharpe supports bounds, groups and L2 only (transaction costs, turnover and tracking error break its change of variables)');
  }
  let best = -Infinity;
  for (let i = 0; i < n; i++) if (p.upper[i]! > 0) best = Math.max(best, p.mu[i]!);
  if (best <= rf && p.lower.every((l) => l >= 0)) {
    return fail('infeasible', `max-sharpe: every expected return is at or below the risk-free rate ${rf} (highest ${best.toPrecision(6)}); no portfolio has a positive Sharpe ratio`, {
      constraints: ['risk-free rate'],
    });
  }
  const N = n + 1;
  const K = n; // index of κ
  const P = new Float64Array(N * N);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, 2 * p.cov[i * n + i]! + 2 * c.l2);
  const scale = 1 / (maxDiag || 1);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) P[i * N + j] = 2 * p.cov[i * n + j]! * scale;
  for (let i = 0; i < n; i++) P[i * N + i] = P[i * N + i]! + 2 * c.l2 * scale;
  P[K * N + K] = 1e-12; // κ has no curvature of its own
  const row = (name: string, fill: (a: Float64Array) => void, b: number): LinearRow => {
    const a = new Float64Array(N);
    fill(a);
    return { name, a, b };
  };
  const eq: LinearRow[] = [
    row('excess-return normalisation', (a) => p.mu.forEach((m, i) => (a[i] = m - rf)), 1),
    row('budget', (a) => ((a.fill(1, 0, n)), (a[K] = -1)), 0),
  ];
  const ineq: LinearRow[] = [];
  const lower = new Float64Array(N).fill(-Infinity);
  const upper = new Float64Array(N).fill(Infinity);
  lower[K] = 0;
  const longOnly = p.lower.every((l) => l >= 0);
  for (let i = 0; i < n; i++) {
    const t = p.tickers[i]!;
    if (p.lower[i] === 0) lower[i] = 0;
    else if (Number.isFinite(p.lower[i]!)) ineq.push(row(`lower bound ${t}`, (a) => ((a[i] = 1), (a[K] = -p.lower[i]!)), 0));
    if (longOnly && p.upper[i]! >= 1) continue;
    if (p.upper[i] === 0) upper[i] = 0;
    else if (Number.isFinite(p.upper[i]!)) ineq.push(row(`upper bound ${t}`, (a) => ((a[i] = -1), (a[K] = p.upper[i]!)), 0));
  }
  const index = new Map(p.tickers.map((t, i) => [t, i]));
  for (const g of c.groups) {
    const members = g.tickers.map((t) => index.get(t));
    if (members.some((m) => m === undefined)) return fail('invalid-input', `group ${g.name} names tickers not in the universe`);
    if (g.min !== undefined) ineq.push(row(`group ${g.name} min`, (a) => (members.forEach((m) => (a[m!] = 1)), (a[K] = -g.min!)), 0));
    if (g.max !== undefined) ineq.push(row(`group ${g.name} max`, (a) => (members.forEach((m) => (a[m!] = -1)), (a[K] = g.max!)), 0));
  }
  // Factor limits scale with κ like the groups: lo·κ ≤ Bᵀy ≤ hi·κ.
  const factors = factorRows(p);
  if (!factors.ok) return factors;
  for (const f of factors.value) {
    if (f.lo === f.hi) eq.push(row(f.name, (a) => (a.set(f.coef), (a[K] = -f.lo)), 0));
    else {
      if (Number.isFinite(f.lo)) ineq.push(row(`${f.name} min`, (a) => (a.set(f.coef), (a[K] = -f.lo)), 0));
      if (Number.isFinite(f.hi)) ineq.push(row(`${f.name} max`, (a) => (f.coef.forEach((v, i) => (a[i] = -v)), (a[K] = f.hi)), 0));
    }
  }
  const built = { qp: { n: N, P, q: new Float64Array(N), eq, ineq, lower, upper, varNames: [...p.tickers, 'kappa'] }, n: N, scale, tradeFirst: -1, warnings: [] as string[] };
  const r = await runQp(built, 'max-sharpe');
  if (!r.ok) {
    if (r.error.code === 'infeasible' && JSON.stringify(r.error.details ?? '').includes('excess-return')) {
      return fail('infeasible', `max-sharpe: no portfolio allowed by the constraints has an expected return above the risk-free rate ${rf}`, r.error.details);
    }
    return r;
  }
  const y = r.value.raw.x;
  const kappa = y[K]!;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = y[i]! / kappa;
  const s = r.value.solution;
  return ok({
    ...s,
    weights,
    activeConstraints: s.activeConstraints.filter((a) => a !== 'excess-return normalisation' && a !== 'budget').concat('budget'),
    extras: { ...s.extras, kappa },
  });
};

/**
 * Efficient-risk: max μᵀw s.t. wᵀΣw ≤ σ². Along the max-utility path (max μᵀw − δ/2·wᵀΣw) volatility
 * falls as δ grows, so δ is found by bisection on log δ until the volatility meets the target (1e-10
 * relative); the utility QP at that δ is the Lagrangian of the constrained problem (multiplier δ/2).
 */
export const efficientRisk: ObjectiveSolver = async (p) => {
  const target = p.options.targets.targetVolatility;
  if (target === undefined) return fail('invalid-input', 'efficient-risk needs a target volatility (targets.targetVolatility)');
  const vol = (w: Float64Array) => Math.sqrt(Math.max(0, quadForm(p.cov, p.n, w)));
  // the true minimum volatility: with L2 in the objective min-volatility would stop short of it
  const mv = await minVolatility(withoutObjectiveTerms(p));
  if (!mv.ok) return mv;
  const minVol = vol(mv.value.weights);
  if (minVol > target * (1 + 1e-12)) {
    return fail('infeasible', `target volatility ${target} is below the minimum volatility reachable under the constraints (${minVol.toPrecision(6)})`, {
      constraints: ['target-volatility'],
      minVolatility: minVol,
    });
  }
  const mr = await maxReturn(p);
  if (mr.ok && vol(mr.value.weights) <= target) {
    return ok({ ...mr.value, warnings: [...(mr.value.warnings ?? []), 'the volatility target does not bind: this is the max-return portfolio'] });
  }
  const c = p.options.constraints;
  if (c.l2 === 0 && c.txCost === 0 && c.trackingError === undefined && mr.ok) {
    const r = await efficientRiskOnFrontier(p, target, dot(p.mu, mv.value.weights), dot(p.mu, mr.value.weights));
    if (r) return r;
  }
  const at = (delta: number) => solveSpec(p, { sigmaFactor: delta, linear: p.mu.map((x) => -x) }, 'efficient-risk');
  let lo = 1e-8;
  let hi = 1;
  // Bracket: vol(lo) > target ≥ vol(hi).
  for (let k = 0; k < 40; k++) {
    const r = await at(hi);
    if (!r.ok) return r;
    if (vol(r.value.weights) <= target) break;
    lo = hi;
    hi *= 10;
  }
  let best: Result | undefined;
  let bestGap = Infinity;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    const r = await at(mid);
    if (!r.ok) return r;
    const v = vol(r.value.weights);
    const gap = Math.abs(v - target);
    if (v <= target * (1 + 1e-12) && gap < bestGap) {
      best = r;
      bestGap = gap;
    }
    if (v > target) lo = mid;
    else hi = mid;
    if (gap <= 1e-10 * target || hi / lo - 1 < 1e-15) break;
  }
  if (!best || !best.ok) return fail('solver-failed', 'efficient-risk: the volatility target could not be met by bisection');
  const s = best.value;
  return ok({
    ...s,
    kkt: s.kkt ? { ...s.kkt, feasibility: Math.max(s.kkt.feasibility, vol(s.weights) - target) } : undefined,
    activeConstraints: [...s.activeConstraints, 'target-volatility'],
    extras: { ...s.extras, riskAversion: Math.sqrt(lo * hi) },
  });
};

/**
 * Efficient-risk along the min-variance frontier: σ²(r) of efficient-return is convex and piecewise
 * quadratic in r, so the Illinois variant of regula falsi finds σ(r) = target in a few solves, all
 * sharing one factorisation of Σ. Null when it does not converge (the caller bisects on δ instead).
 */
async function efficientRiskOnFrontier(p: PreparedProblem, target: number, rLo0: number, rHi0: number): Promise<Result | null> {
  const cache: QpFactorCache = {};
  const solveAt = async (r: number) => {
    const built = buildQp(p, { sigmaFactor: 2, linear: zeros(p.n), extraIneq: [{ name: 'target-return', a: p.mu, b: r }] });
    if (!built.ok) return null;
    built.value.qp.cache = cache;
    const out = await runQp(built.value, 'efficient-risk');
    return out.ok ? out.value.solution : null;
  };
  const g = (w: Float64Array) => quadForm(p.cov, p.n, w) - target * target;
  let a = rLo0;
  let b = rHi0;
  const sa0 = await solveAt(a);
  const sb0 = await solveAt(b - 1e-12 * Math.max(1, Math.abs(b)));
  if (!sa0 || !sb0) return null;
  let fa = g(sa0.weights);
  let fb = g(sb0.weights);
  if (!(fa <= 0 && fb > 0)) return null;
  let side = 0;
  let best: Solution = sa0;
  for (let k = 0; k < 100; k++) {
    const r = (a * fb - b * fa) / (fb - fa);
    const s = await solveAt(r);
    if (!s) return null;
    const fr = g(s.weights);
    if (fr <= 0) best = s;
    if (Math.abs(Math.sqrt(Math.max(0, fr + target * target)) - target) <= 1e-12 * target && fr <= 0) break;
    if (Math.abs(fr) <= 1e-15 * target * target) break;
    if (fr > 0) {
      b = r;
      fb = fr;
      if (side === 1) fa /= 2;
      side = 1;
    } else {
      a = r;
      fa = fr;
      if (side === -1) fb /= 2;
      side = -1;
    }
    if (b - a <= 1e-15 * Math.max(1, Math.abs(b))) break;
  }
  const vol = Math.sqrt(Math.max(0, quadForm(p.cov, p.n, best.weights)));
  if (Math.abs(vol - target) > 1e-9 * target) return null;
  return ok({
    ...best,
    kkt: best.kkt ? { ...best.kkt, feasibility: Math.max(best.kkt.feasibility, vol - target) } : undefined,
    activeConstraints: [...best.activeConstraints.filter((x) => x !== 'target-return'), 'target-volatility'],
    extras: { ...best.extras, frontierReturn: dot(p.mu, best.weights) },
  });
}

/**
 * Max return under a budget and bounds only: fill the highest-return assets up to their upper bounds
 * (an LP whose optimum is this greedy vertex); multipliers follow from the marginal asset's return.
 */
function greedyMaxReturn(p: PreparedProblem, qp: QpInput): Solution | null {
  const { n, mu, lower, upper } = p;
  if (!lower.every(Number.isFinite) || !upper.every(Number.isFinite)) return null;
  const w = Float64Array.from(lower);
  let rest = 1 - w.reduce((a, b) => a + b, 0);
  if (rest < -1e-12) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => mu[b]! - mu[a]!);
  let marginal = -1;
  for (const i of order) {
    if (rest <= 0) break;
    const room = upper[i]! - lower[i]!;
    if (room >= rest) {
      w[i] = lower[i]! + rest;
      marginal = i;
      rest = 0;
    } else {
      w[i] = upper[i]!;
      rest -= room;
    }
  }
  if (rest > 1e-12) return null;
  // η = −μ of the marginal asset (or of the last asset filled when none is partial).
  const pivot = marginal >= 0 ? marginal : order.find((i) => w[i]! > lower[i]!) ?? order[0]!;
  const eta = -mu[pivot]!;
  const yLower = new Float64Array(n);
  const yUpper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i === marginal) continue;
    const gi = -mu[i]! - eta; // = yL − yU
    if (w[i] === lower[i] && gi >= 0) yLower[i] = gi;
    else if (w[i] === upper[i] && gi <= 0) yUpper[i] = -gi;
  }
  const out = { x: w, yEq: Float64Array.of(eta), yIneq: new Float64Array(0), yLower, yUpper, iterations: n, active: [], ridge: 0 };
  const kkt = qpKkt(qp, out);
  if (Math.max(kkt.stationarity, kkt.feasibility, kkt.complementarity) > 1e-12) return null;
  const active: string[] = ['budget'];
  for (let i = 0; i < n; i++) {
    if (w[i] === lower[i]) active.push(`lower bound ${p.tickers[i]}`);
    else if (w[i] === upper[i]) active.push(`upper bound ${p.tickers[i]}`);
  }
  return { weights: w, solver: 'greedy-lp', iterations: n, status: 'optimal', kkt, activeConstraints: active };
}
