/**
 * Solving an LP through its explicit dual. For min-CVaR the primal has one row per scenario (T ≈ 2520);
 * in the dual every u_t ≥ 0 column becomes the bound y_t ≤ 1/((1−β)T) once HiGHS's presolve removes
 * the singleton, leaving about n rows. Measured (CPU time, n = 200, T = 2520, bench/engine-lp.ts):
 * the WASM HiGHS dual simplex already solves the primal in ~0.7 s and the dual in ~0.8 s, so the engine
 * keeps the primal by default and this path is an option (`formulation: 'dual'`), tested for agreement.
 * The primal solution and duals are read back from the dual's solution and then certified against the
 * primal model (lp-check.ts), so a wrong sign or a sloppy solve cannot pass.
 *
 * Primal  min cᵀx  s.t.  L ≤ Ax ≤ U,  l ≤ x ≤ u.
 * Dual    max Σ_i (L_i y⁺_i − U_i y⁻_i) + Σ_j (l_j d⁺_j − u_j d⁻_j)
 *         s.t. Aᵀ(y⁺ − y⁻) + d⁺ − d⁻ = c,  all ≥ 0 (a variable only where its bound is finite;
 *         a single free y_i for an equality row).  HiGHS minimises the negated objective.
 */
import type { Highs } from 'highs';
import { addCols, addRow, newLp, toModelData, type LpBuilder } from './lp-builder.js';
import { runModel, type LpOutcome, type RunOptions } from './highs-runtime.js';

interface DualMap {
  dual: LpBuilder;
  /** Dual column of y_i (or y⁺_i), and of y⁻_i; −1 when absent. */
  yPlus: Int32Array;
  yMinus: Int32Array;
  dPlus: Int32Array;
  dMinus: Int32Array;
}

/** Builds the dual model of a continuous LP (no integers, no quadratic term). */
export function buildDual(lp: LpBuilder): DualMap {
  const m = lp.rowLower.length;
  const nCols = lp.colCost.length;
  const dual = newLp(lp.nnz + 4 * nCols + 16);
  const yPlus = new Int32Array(m).fill(-1);
  const yMinus = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    const L = lp.rowLower[i]!;
    const U = lp.rowUpper[i]!;
    if (L === U) yPlus[i] = addCols(dual, 1, -L, -Infinity, Infinity, `y${i}`);
    else {
      if (Number.isFinite(L)) yPlus[i] = addCols(dual, 1, -L, 0, Infinity, `y+${i}`);
      if (Number.isFinite(U)) yMinus[i] = addCols(dual, 1, U, 0, Infinity, `y-${i}`);
    }
  }
  const dPlus = new Int32Array(nCols).fill(-1);
  const dMinus = new Int32Array(nCols).fill(-1);
  for (let j = 0; j < nCols; j++) {
    const l = lp.colLower[j]!;
    const u = lp.colUpper[j]!;
    if (Number.isFinite(l)) dPlus[j] = addCols(dual, 1, -l, 0, Infinity, `d+${j}`);
    if (Number.isFinite(u)) dMinus[j] = addCols(dual, 1, u, 0, Infinity, `d-${j}`);
  }
  // transpose A (CSR → CSC) by counting sort: each primal column is one dual row
  const count = new Int32Array(nCols + 1);
  for (let p = 0; p < lp.nnz; p++) count[lp.indices[p]! + 1]!++;
  for (let j = 0; j < nCols; j++) count[j + 1] = count[j + 1]! + count[j]!;
  const rowOf = new Int32Array(lp.nnz);
  const valOf = new Float64Array(lp.nnz);
  const fill = count.slice(0, nCols);
  for (let i = 0; i < m; i++) {
    for (let p = lp.starts[i]!; p < lp.starts[i + 1]!; p++) {
      const j = lp.indices[p]!;
      const k = fill[j]!++;
      rowOf[k] = i;
      valOf[k] = lp.values[p]!;
    }
  }
  const idx: number[] = [];
  const val: number[] = [];
  for (let j = 0; j < nCols; j++) {
    idx.length = 0;
    val.length = 0;
    for (let k = count[j]!; k < count[j + 1]!; k++) {
      const i = rowOf[k]!;
      const a = valOf[k]!;
      if (yPlus[i]! >= 0) idx.push(yPlus[i]!), val.push(a);
      if (yMinus[i]! >= 0) idx.push(yMinus[i]!), val.push(-a);
    }
    if (dPlus[j]! >= 0) idx.push(dPlus[j]!), val.push(1);
    if (dMinus[j]! >= 0) idx.push(dMinus[j]!), val.push(-1);
    addRow(dual, lp.colCost[j]!, lp.colCost[j]!, idx, val, `x${j}`);
  }
  return { dual, yPlus, yMinus, dPlus, dMinus };
}

/**
 * Solves `lp` (continuous, linear) through its dual and returns the primal outcome (x, row duals,
 * reduced costs) in the same form as a direct solve; `optimal` is false when the dual did not solve.
 */
export function solveViaDual(highs: Highs, lp: LpBuilder, run: RunOptions = {}): LpOutcome {
  const map = buildDual(lp);
  const out = runModel(highs, toModelData(map.dual), run);
  const m = lp.rowLower.length;
  const nCols = lp.colCost.length;
  // x_j is the multiplier of dual row j; HiGHS reports it with the sign of a minimisation row dual,
  // and the dual was negated to be minimised, so x = −rowDual (checked by the certificate)
  const x = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) x[j] = -out.rowDual[j]!;
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = map.yPlus[i]!;
    const q = map.yMinus[i]!;
    y[i] = (p >= 0 ? out.colValue[p]! : 0) - (q >= 0 ? out.colValue[q]! : 0);
  }
  const d = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    const p = map.dPlus[j]!;
    const q = map.dMinus[j]!;
    d[j] = (p >= 0 ? out.colValue[p]! : 0) - (q >= 0 ? out.colValue[q]! : 0);
  }
  // row activities from x
  const act = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let p = lp.starts[i]!; p < lp.starts[i + 1]!; p++) s += lp.values[p]! * x[lp.indices[p]!]!;
    act[i] = s;
  }
  let objective = 0;
  for (let j = 0; j < nCols; j++) objective += lp.colCost[j]! * x[j]!;
  return {
    status: out.status,
    optimal: out.optimal,
    objective,
    colValue: x,
    rowValue: act,
    colDual: d,
    rowDual: y,
    iterations: out.iterations,
    solveMs: out.solveMs,
    isMip: false,
  };
}
