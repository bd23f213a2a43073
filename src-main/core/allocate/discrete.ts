/**
 * Discrete allocation: target weights + cash + latest prices → whole share counts and leftover cash,
 * following PyPortfolioOpt's DiscreteAllocation (long-only): `greedy` (two rounds: floor of each
 * target, then one share at a time to the most under-weight affordable asset) and `lp` (integer
 * program min Σ|w_i·V − n_i·p_i| + leftover, s.t. Σ n_i p_i ≤ V, solved by HiGHS MIP: exactly, or
 * within a time limit, taking the best solution found, or greedy when none was found in time).
 */
import { loadHighs, runModel } from '../optimize/lp/highs-runtime.js';
import { addCols, addRow, newLp, toModelData } from '../optimize/lp/lp-builder.js';
import type { AllocationSolve } from '../../../shared/api/market-data.js';
import { fail, ok, type CoreResult } from '../result.js';

export interface AllocationInput {
  tickers: string[];
  /** Target weights (fractions, ≥ 0, summing to at most 1). */
  weights: ArrayLike<number>;
  /** Latest price per share (currency units, > 0). */
  prices: ArrayLike<number>;
  /** Total portfolio value to invest (currency units). */
  cash: number;
}

export interface Allocation {
  /** Whole shares per ticker; tickers with no shares are left out. */
  shares: Record<string, number>;
  /** Cash not invested (currency units). */
  leftover: number;
  /** Root-mean-square difference between target and achieved weights (fractions, as PyPortfolioOpt). */
  rmse: number;
  method: 'greedy' | 'lp';
  /** Integer allocation only: how the solver ended (optimal, best found at the limit, or greedy fallback). */
  solve?: AllocationSolve;
}

export interface IntegerLimits {
  /** Wall-clock seconds HiGHS may search (default: no limit). */
  timeLimit?: number;
  /** Relative MIP gap at which the search stops as good enough (fraction; default 1e-9, i.e. exact). */
  relGap?: number;
}

function validate(input: AllocationInput): CoreResult<true> {
  const n = input.tickers.length;
  if (input.weights.length !== n || input.prices.length !== n) return fail('invalid-input', 'weights, prices and tickers must have the same length');
  if (!(Number.isFinite(input.cash) && input.cash > 0)) return fail('invalid-input', `cash must be a positive amount, got ${input.cash}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = input.weights[i]!;
    const p = input.prices[i]!;
    if (!Number.isFinite(w) || w < 0) return fail('invalid-input', `weight of ${input.tickers[i]} must be ≥ 0 (long-only allocation), got ${w}`);
    if (w > 0 && !(Number.isFinite(p) && p > 0)) return fail('invalid-input', `no usable latest price for ${input.tickers[i]} (got ${p})`);
    sum += w;
  }
  if (sum > 1 + 1e-9) return fail('invalid-input', `weights sum to ${sum}; discrete allocation needs a sum of at most 1`);
  return ok(true);
}

function finish(input: AllocationInput, counts: number[], leftover: number, method: Allocation['method']): Allocation {
  const shares: Record<string, number> = {};
  input.tickers.forEach((t, i) => {
    if (counts[i]! > 0) shares[t] = counts[i]!;
  });
  let se = 0;
  for (let i = 0; i < counts.length; i++) {
    const achieved = counts[i]! > 0 ? (counts[i]! * input.prices[i]!) / input.cash : 0;
    se += (input.weights[i]! - achieved) ** 2;
  }
  return { shares, leftover, rmse: Math.sqrt(se / Math.max(1, counts.length)), method };
}

/** PyPortfolioOpt's greedy algorithm (assets visited by descending weight, stable). */
export function greedyAllocation(input: AllocationInput): CoreResult<Allocation> {
  const v = validate(input);
  if (!v.ok) return v;
  const n = input.tickers.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => input.weights[b]! - input.weights[a]!);
  const w = order.map((i) => input.weights[i]!);
  const price = order.map((i) => (input.weights[i]! > 0 ? input.prices[i]! : Infinity));
  const bought = new Array<number>(n).fill(0);
  let funds = input.cash;
  // round 1: floor of each target position
  for (let k = 0; k < n; k++) {
    if (w[k] === 0) continue;
    const count = Math.floor((w[k]! * input.cash) / price[k]!);
    bought[k] = count;
    funds -= count * price[k]!;
  }
  // round 2: one share at a time to the largest weight deficit that is still affordable
  for (let guard = 0; funds > 0 && guard < 10_000_000; guard++) {
    let total = 0;
    for (let k = 0; k < n; k++) if (bought[k]! > 0) total += bought[k]! * price[k]!;
    const deficit = w.map((wk, k) => wk - (total > 0 && bought[k]! > 0 ? (bought[k]! * price[k]!) / total : 0));
    let idx = argmax(deficit);
    let counter = 0;
    // skip assets we cannot afford (up to 10 tries, as the reference implementation)
    while (price[idx]! > funds) {
      deficit[idx] = 0;
      idx = argmax(deficit);
      if (deficit[idx]! < 0 || counter === 10) break;
      counter++;
    }
    if (deficit[idx]! <= 0 || counter === 10 || price[idx]! > funds) break;
    bought[idx] = bought[idx]! + 1;
    funds -= price[idx]!;
  }
  const counts = new Array<number>(n).fill(0);
  order.forEach((i, k) => (counts[i] = bought[k]!));
  return ok(finish(input, counts, funds, 'greedy'));
}

function argmax(xs: number[]): number {
  let best = 0;
  for (let k = 1; k < xs.length; k++) if (xs[k]! > xs[best]!) best = k;
  return best;
}

/**
 * Integer allocation: min Σ_i u_i + r with u_i ≥ |w_i V − n_i p_i|, r = V − Σ n_i p_i ≥ 0,
 * n_i ∈ ℤ≥0 (PyPortfolioOpt's lp_portfolio), solved by HiGHS branch-and-bound to `relGap` (default 1e-9).
 * At `timeLimit` (seconds) the best whole-share solution found is used and its gap reported (currency);
 * with none found yet, the greedy allocation is returned instead (solve.status 'fallback').
 */
export async function integerAllocation(input: AllocationInput, limits: IntegerLimits = {}): Promise<CoreResult<Allocation>> {
  const v = validate(input);
  if (!v.ok) return v;
  const n = input.tickers.length;
  const V = input.cash;
  const lp = newLp(6 * n + 8);
  const caps: number[] = [];
  // n_i columns (integer); assets without a target weight are fixed at 0
  for (let i = 0; i < n; i++) {
    const p = input.prices[i]!;
    // Above its target a share adds p_i to u_i and removes p_i from the leftover: never strictly better,
    // so some optimum has n_i ≤ ⌈w_i V / p_i⌉. The tighter bound keeps the optimal value and prunes ties.
    const cap = input.weights[i]! > 0 ? Math.min(Math.floor(V / p), Math.ceil((input.weights[i]! * V) / p - 1e-12)) : 0;
    // objective Σu + V − pᵀn: the −p_i cost on n_i rewards investing
    addCols(lp, 1, input.weights[i]! > 0 ? -p : 0, 0, cap, `n:${input.tickers[i]}`, true);
    caps.push(cap);
  }
  const u = addCols(lp, n, 1, 0, Infinity, 'u');
  for (let i = 0; i < n; i++) {
    const p = input.weights[i]! > 0 ? input.prices[i]! : 0;
    const target = input.weights[i]! * V;
    // u_i + p_i n_i ≥ w_i V  and  u_i − p_i n_i ≥ −w_i V
    addRow(lp, target, Infinity, [u + i, i], [1, p], `dev+:${input.tickers[i]}`);
    addRow(lp, -target, Infinity, [u + i, i], [1, -p], `dev-:${input.tickers[i]}`);
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  addRow(lp, -Infinity, V, idx, Float64Array.from(idx, (i) => (input.weights[i]! > 0 ? input.prices[i]! : 0)), 'cash');
  const highs = await loadHighs();
  const options: Record<string, number> = { mip_rel_gap: limits.relGap ?? 1e-9, mip_abs_gap: 1e-9 };
  if (limits.timeLimit !== undefined) options.time_limit = limits.timeLimit;
  const out = runModel(highs, toModelData(lp), { options, start: greedyStart(input, caps) });
  const timeLimit = limits.timeLimit !== undefined ? { timeLimit: limits.timeLimit } : {};
  // 'optimal' also covers stopping at a looser relGap the caller asked for.
  const stoppedEarly = out.status === 'time-limit' || out.status === 'interrupted';
  if (!out.optimal && !(stoppedEarly && out.mipFeasible)) {
    if (!stoppedEarly) return fail('solver-failed', `integer allocation stopped with status ${out.status}`);
    const g = greedyAllocation(input);
    return g.ok ? ok({ ...g.value, solve: { status: 'fallback', solveMs: out.solveMs, ...timeLimit } }) : g;
  }
  const counts = Array.from({ length: n }, (_, i) => Math.round(out.colValue[i]!));
  let spent = 0;
  for (let i = 0; i < n; i++) if (counts[i]! > 0) spent += counts[i]! * input.prices[i]!;
  // The model leaves out the constant V, which cancels in objective − bound.
  const gap = out.objective - (out.mipDualBound ?? NaN);
  const solve: AllocationSolve = out.optimal
    ? { status: 'optimal', solveMs: out.solveMs, ...timeLimit }
    : { status: 'best-found', solveMs: out.solveMs, ...timeLimit, ...(Number.isFinite(gap) ? { gap: Math.max(0, gap) } : {}) };
  return ok({ ...finish(input, counts, V - spent, 'lp'), solve });
}

/** The greedy allocation as a MIP start (columns n then u), capped like the model, or none if greedy fails. */
function greedyStart(input: AllocationInput, caps: readonly number[]): Float64Array | undefined {
  const g = greedyAllocation(input);
  if (!g.ok) return undefined;
  const n = input.tickers.length;
  const start = new Float64Array(2 * n);
  input.tickers.forEach((t, i) => {
    // Capping only lowers spending, so the start stays within the cash row.
    const count = Math.min(g.value.shares[t] ?? 0, caps[i]!);
    start[i] = count;
    start[n + i] = Math.abs(input.weights[i]! * input.cash - count * (input.weights[i]! > 0 ? input.prices[i]! : 0));
  });
  return start;
}

