/**
 * Builds the dense QP of a mean-variance problem from a PreparedProblem:
 *   min ½ wᵀ(aΣ + 2γI)w + cᵀw [+ k·1ᵀ(b + s)]  s.t. budget, bounds, groups, extra rows,
 *   and, with current weights, w − b + s = w₀, b, s ≥ 0, 1ᵀ(b + s) ≤ turnover cap.
 * The whole objective is scaled so the largest Hessian diagonal is 1 (the solution is unchanged).
 */
import { factorRows } from '../factors/constraints.js';
import { fail, ok, type CoreResult } from '../result.js';
import type { PreparedProblem } from './problem.js';
import type { LinearRow, QpInput } from './qp-dual.js';

export interface QpSpec {
  /** Multiple a of Σ in the Hessian (2 for variance, δ for utility). */
  sigmaFactor: number;
  /** Linear term over the weights. */
  linear: Float64Array;
  /** Extra rows over the weights (length n), meaning a·w ≥ b. */
  extraIneq?: LinearRow[];
  /** Adds ν(w − w_b)ᵀΣ(w − w_b) (tracking-error penalty, see tracking-error.ts). */
  tracking?: { nu: number; benchmark: Float64Array };
  /** Extra diagonal ridge on the weights (max-return's regularisation). */
  ridge?: number;
  /** n×n Hessian over the weights replacing sigmaFactor·Σ (min-semivariance). */
  hessian?: Float64Array;
}

export interface BuiltQp {
  qp: QpInput;
  /** Number of weight variables (the first n variables). */
  n: number;
  /** Objective scale applied (multipliers are in scaled units). */
  scale: number;
  /** Index of the first trade variable, −1 without trades. */
  tradeFirst: number;
  /** Scores (higher = more likely held) seeding the screened solver's working set, e.g. μ. */
  seedScores?: Float64Array[];
  /** Variables likely held (e.g. the previous frontier point's support), for the screened solver. */
  warmSupport?: number[];
  warnings: string[];
}

export function groupMembers(p: PreparedProblem): CoreResult<{ name: string; members: number[]; min?: number; max?: number }[]> {
  const index = new Map(p.tickers.map((t, i) => [t, i]));
  const out: { name: string; members: number[]; min?: number; max?: number }[] = [];
  for (const g of p.options.constraints.groups) {
    const unknown = g.tickers.filter((t) => !index.has(t));
    if (unknown.length > 0) return fail('invalid-input', `group ${g.name} names tickers not in the universe: ${unknown.join(', ')}`, { group: g.name, tickers: unknown });
    out.push({ name: g.name, members: g.tickers.map((t) => index.get(t)!), ...(g.min === undefined ? {} : { min: g.min }), ...(g.max === undefined ? {} : { max: g.max }) });
  }
  return ok(out);
}

/** Weights from a ticker record (missing tickers = 0); unknown tickers are an error. */
export function weightVector(p: PreparedProblem, rec: Record<string, number> | undefined, what: string): CoreResult<Float64Array> {
  const w = new Float64Array(p.n);
  if (!rec) return ok(w);
  const index = new Map(p.tickers.map((t, i) => [t, i]));
  const unknown = Object.keys(rec).filter((t) => !index.has(t));
  if (unknown.length > 0) return fail('invalid-input', `${what} name tickers not in the universe: ${unknown.join(', ')}`, { tickers: unknown });
  for (const [t, v] of Object.entries(rec)) w[index.get(t)!] = v;
  return ok(w);
}

export function buildQp(p: PreparedProblem, spec: QpSpec): CoreResult<BuiltQp> {
  const { n, cov } = p;
  const c = p.options.constraints;
  const warnings: string[] = [];
  const trades = c.txCost > 0 || c.maxTurnover !== undefined;
  if (trades && !c.currentWeights) warnings.push('transaction costs / turnover measured against current weights of 0 (none given)');
  const w0r = weightVector(p, c.currentWeights, 'current weights');
  if (!w0r.ok) return w0r;
  const groups = groupMembers(p);
  if (!groups.ok) return groups;
  const N = trades ? 3 * n : n;
  const P = new Float64Array(N * N);
  const a = spec.sigmaFactor + (spec.tracking ? 2 * spec.tracking.nu : 0);
  const H = spec.hessian;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) P[i * N + j] = H ? H[i * n + j]! + (a - spec.sigmaFactor) * cov[i * n + j]! : a * cov[i * n + j]!;
  for (let i = 0; i < n; i++) P[i * N + i] = P[i * N + i]! + 2 * c.l2 + (spec.ridge ?? 0);
  const q = new Float64Array(N);
  q.set(spec.linear);
  if (spec.tracking) {
    const { nu, benchmark } = spec.tracking;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += cov[i * n + j]! * benchmark[j]!;
      q[i] = q[i]! - 2 * nu * s;
    }
  }
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, P[i * N + i]!);
  const scale = maxDiag > 0 ? 1 / maxDiag : 1;
  for (let k = 0; k < P.length; k++) P[k] = P[k]! * scale;
  for (let k = 0; k < N; k++) q[k] = q[k]! * scale;
  if (trades) {
    // Trade variables have no curvature (HiGHS solves these QPs; the dual fallback adds its own ridge).
    for (let i = n; i < N; i++) q[i] = c.txCost * scale;
  }
  const row = (name: string, coef: (a: Float64Array) => void, b: number): LinearRow => {
    const r = new Float64Array(N);
    coef(r);
    return { name, a: r, b };
  };
  const eq: LinearRow[] = [
    row(c.marketNeutral ? 'market-neutral' : 'budget', (r) => r.fill(1, 0, n), c.marketNeutral ? 0 : 1),
  ];
  const ineq: LinearRow[] = [];
  for (const g of groups.value) {
    if (g.min !== undefined) ineq.push(row(`group ${g.name} min`, (r) => g.members.forEach((i) => (r[i] = 1)), g.min));
    if (g.max !== undefined) ineq.push(row(`group ${g.name} max`, (r) => g.members.forEach((i) => (r[i] = -1)), -g.max));
  }
  const factors = factorRows(p);
  if (!factors.ok) return factors;
  for (const f of factors.value) {
    if (f.lo === f.hi) eq.push(row(f.name, (r) => r.set(f.coef), f.lo));
    else {
      if (Number.isFinite(f.lo)) ineq.push(row(`${f.name} min`, (r) => r.set(f.coef), f.lo));
      if (Number.isFinite(f.hi)) ineq.push(row(`${f.name} max`, (r) => f.coef.forEach((v, i) => (r[i] = -v)), -f.hi));
    }
  }
  for (const e of spec.extraIneq ?? []) ineq.push(row(e.name, (r) => r.set(e.a), e.b));
  const lower = new Float64Array(N);
  const upper = new Float64Array(N).fill(Infinity);
  lower.set(p.lower);
  upper.set(p.upper);
  const varNames = p.tickers.slice();
  if (trades) {
    const w0 = w0r.value;
    for (let i = 0; i < n; i++) {
      eq.push(row(`trade ${p.tickers[i]}`, (r) => ((r[i] = 1), (r[n + i] = -1), (r[2 * n + i] = 1)), w0[i]!));
      varNames.push(`buy ${p.tickers[i]}`);
    }
    for (let i = 0; i < n; i++) varNames.push(`sell ${p.tickers[i]}`);
    if (c.maxTurnover !== undefined) ineq.push(row('max-turnover', (r) => r.fill(-1, n, N), -c.maxTurnover));
  }
  const seedScores = (spec.extraIneq ?? []).map((r) => r.a);
  return ok({ qp: { n: N, P, q, eq, ineq, lower, upper, varNames }, n, scale, tradeFirst: trades ? n : -1, warnings, seedScores });
}
