/**
 * The general QP path through HiGHS (WASM): a dense QpInput passed as arrays (lower-triangular CSC
 * Hessian, CSR rows). Used as the fallback of the engine's own dual active-set solver, and where the
 * problem is an LP (max-return) or has many scenario variables (min-semivariance).
 */
import type { ModelData } from 'highs';
import { loadHighs, runModel } from './lp/highs-runtime.js';
import type { QpInput, QpOutput } from './qp-dual.js';

export type HighsQpOutcome = { ok: true; value: QpOutput; status: string } | { ok: false; status: string };

/** Solves min ½xᵀPx + qᵀx s.t. the rows and bounds of `inp` (P may be 0 → LP). */
export async function solveQpHighs(inp: QpInput, options: Record<string, string | number | boolean> = {}): Promise<HighsQpOutcome> {
  const highs = await loadHighs();
  const { n } = inp;
  const rows = [...inp.eq.map((r) => ({ r, lo: r.b, hi: r.b })), ...inp.ineq.map((r) => ({ r, lo: r.b, hi: Infinity }))];
  const starts = new Int32Array(rows.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  rows.forEach(({ r }, k) => {
    for (let i = 0; i < n; i++) {
      if (r.a[i] !== 0) {
        idx.push(i);
        val.push(r.a[i]!);
      }
    }
    starts[k + 1] = idx.length;
  });
  const hStarts = new Int32Array(n + 1);
  const hIdx: number[] = [];
  const hVal: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      const v = inp.P[i * n + j]!;
      if (v !== 0) {
        hIdx.push(i);
        hVal.push(v);
      }
    }
    hStarts[j + 1] = hIdx.length;
  }
  const model: ModelData = {
    numCols: n,
    numRows: rows.length,
    colCost: inp.q,
    colLower: inp.lower,
    colUpper: inp.upper,
    rowLower: Float64Array.from(rows, (x) => x.lo),
    rowUpper: Float64Array.from(rows, (x) => x.hi),
    matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices: Int32Array.from(idx), values: Float64Array.from(val) },
    ...(hIdx.length > 0
      ? { hessian: { format: 'triangular', dimension: n, starts: hStarts, indices: Int32Array.from(hIdx), values: Float64Array.from(hVal) } }
      : {}),
  };
  // HiGHS regularises QPs by 1e-7 by default, which leaves stationarity residuals of ~1e-8; solve
  // unregularised first and fall back to the default only if that fails.
  let out = runModel(highs, model, {
    options: { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10, qp_regularization_value: 0, ...options },
  });
  if (!out.optimal && out.status !== 'infeasible' && hIdx.length > 0) {
    out = runModel(highs, model, { options: { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10, ...options } });
  }
  if (!out.optimal) return { ok: false, status: out.status };
  const mE = inp.eq.length;
  const yEq = Float64Array.from(out.rowDual.subarray(0, mE));
  const yIneq = Float64Array.from(out.rowDual.subarray(mE));
  const yLower = new Float64Array(n);
  const yUpper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = out.colDual[i]!;
    if (d > 0) yLower[i] = d;
    else yUpper[i] = -d;
  }
  const active: string[] = [];
  return {
    ok: true,
    status: out.status,
    value: { x: Float64Array.from(out.colValue), yEq, yIneq, yLower, yUpper, iterations: out.iterations, active, ridge: 0 },
  };
}
