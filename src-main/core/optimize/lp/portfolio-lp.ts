/**
 * The portfolio part shared by every LP/MIP objective: weight columns 0..n−1 with bounds, the budget
 * (Σw = 1, or 0 when market-neutral), group limits, a return floor, turnover / transaction costs
 * against current weights, L2 regularisation and a maximum number of holdings (binary z_i).
 */
import { addCols, addRow, type LpBuilder } from './lp-builder.js';

export interface GroupSpec {
  name: string;
  members: number[];
  min?: number;
  max?: number;
}

export interface PortfolioSpec {
  tickers: string[];
  /** Per-asset bounds (fractions). */
  lower: Float64Array;
  upper: Float64Array;
  /** Σw: 1 normally, 0 for market-neutral. */
  budget: number;
  groups: GroupSpec[];
  /** mu·w ≥ value (annualised expected returns, fraction). */
  returnFloor?: { mu: Float64Array; value: number };
  /** Current weights w₀ for turnover and transaction costs. */
  current?: Float64Array;
  /** k in k‖w − w₀‖₁ added to the objective. */
  txCost?: number;
  /** ‖w − w₀‖₁ ≤ maxTurnover. */
  maxTurnover?: number;
  /** γ in γ‖w‖² added to the objective (makes the model a QP). */
  l2?: number;
  /** At most this many non-zero weights (adds binaries: the model becomes a MIP). */
  maxHoldings?: number;
  /** Dense rows lo ≤ coefᵀw ≤ hi (factor exposure limits). */
  linear?: { name: string; coef: Float64Array; lo: number; hi: number }[];
}

export interface PortfolioCols {
  n: number;
  /** First column of the |w − w₀| split (d⁺ then d⁻), −1 when absent. */
  tradeFirst: number;
  /** First binary holding indicator, −1 when absent. */
  holdFirst: number;
}

/** Adds the weight columns (must be the first columns of `lp`) and all portfolio constraints. */
export function addPortfolio(lp: LpBuilder, spec: PortfolioSpec): PortfolioCols {
  const n = spec.tickers.length;
  const card = spec.maxHoldings !== undefined && spec.maxHoldings < n;
  for (let i = 0; i < n; i++) {
    // with cardinality a positive lower bound applies only when the asset is held (w_i ≥ l_i z_i)
    const lo = card ? Math.min(0, spec.lower[i]!) : spec.lower[i]!;
    const hi = card ? Math.max(0, spec.upper[i]!) : spec.upper[i]!;
    addCols(lp, 1, 0, lo, hi, `w:${spec.tickers[i]}`);
  }
  const all = Array.from({ length: n }, (_, i) => i);
  addRow(lp, spec.budget, spec.budget, all, new Float64Array(n).fill(1), spec.budget === 0 ? 'market-neutral' : 'budget');
  for (const g of spec.groups) {
    addRow(
      lp,
      g.min ?? -Infinity,
      g.max ?? Infinity,
      g.members,
      new Float64Array(g.members.length).fill(1),
      `group:${g.name}`,
    );
  }
  for (const r of spec.linear ?? []) addRow(lp, r.lo, r.hi, all, r.coef, r.name);
  if (spec.returnFloor) addRow(lp, spec.returnFloor.value, Infinity, all, spec.returnFloor.mu, 'target-return');
  if (spec.l2 && spec.l2 > 0) for (let i = 0; i < n; i++) lp.diagQ.set(i, 2 * spec.l2);

  let tradeFirst = -1;
  const needTrades = (spec.txCost ?? 0) > 0 || spec.maxTurnover !== undefined;
  if (needTrades) {
    const w0 = spec.current ?? new Float64Array(n);
    const k = spec.txCost ?? 0;
    const plus = addCols(lp, n, k, 0, Infinity, 'buy');
    const minus = addCols(lp, n, k, 0, Infinity, 'sell');
    tradeFirst = plus;
    for (let i = 0; i < n; i++) {
      // w_i − d⁺_i + d⁻_i = w0_i; at the optimum one of d⁺, d⁻ is zero when k > 0 or turnover binds
      addRow(lp, w0[i]!, w0[i]!, [i, plus + i, minus + i], [1, -1, 1], `trade:${spec.tickers[i]}`);
    }
    if (spec.maxTurnover !== undefined) {
      const idx = Array.from({ length: 2 * n }, (_, k2) => plus + k2);
      addRow(lp, -Infinity, spec.maxTurnover, idx, new Float64Array(2 * n).fill(1), 'max-turnover');
    }
    if (minus !== plus + n) throw new Error('trade columns must be contiguous');
  }

  let holdFirst = -1;
  if (card) {
    holdFirst = addCols(lp, n, 0, 0, 1, 'hold', true);
    for (let i = 0; i < n; i++) {
      const hi = Math.max(0, spec.upper[i]!);
      const lo = Math.min(0, spec.lower[i]!);
      // w_i ≤ u_i z_i and w_i ≥ l_i z_i (for shorting, l_i < 0); positive lower bounds are semi-continuous
      addRow(lp, -Infinity, 0, [i, holdFirst + i], [1, -hi], `hold-upper:${spec.tickers[i]}`);
      addRow(lp, 0, Infinity, [i, holdFirst + i], [1, -(lo < 0 ? lo : spec.lower[i]!)], `hold-lower:${spec.tickers[i]}`);
    }
    const z = Array.from({ length: n }, (_, i) => holdFirst + i);
    addRow(lp, -Infinity, spec.maxHoldings!, z, new Float64Array(n).fill(1), 'max-holdings');
  }
  return { n, tradeFirst, holdFirst };
}

/** Names of portfolio constraints binding at x (weight bounds, budget, groups, target, turnover). */
export function bindingPortfolioConstraints(
  lp: LpBuilder,
  spec: PortfolioSpec,
  x: ArrayLike<number>,
  act: ArrayLike<number>,
  tol = 1e-9,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < spec.tickers.length; i++) {
    const w = x[i]!;
    if (Math.abs(w - spec.lower[i]!) <= tol && spec.lower[i] !== 0) out.push(`lower:${spec.tickers[i]}`);
    else if (Math.abs(w - spec.upper[i]!) <= tol) out.push(`upper:${spec.tickers[i]}`);
  }
  for (let r = 0; r < lp.rowNames.length; r++) {
    const name = lp.rowNames[r]!;
    if (!(name.startsWith('group:') || name === 'target-return' || name === 'max-turnover' || name === 'max-holdings'))
      continue;
    if (Math.abs(act[r]! - lp.rowLower[r]!) <= tol * 10 || Math.abs(act[r]! - lp.rowUpper[r]!) <= tol * 10) out.push(name);
  }
  return out;
}
