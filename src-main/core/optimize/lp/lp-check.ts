/**
 * Independent optimality certificate for LP/QP solutions from HiGHS: primal feasibility recomputed from
 * the model arrays, stationarity c + Qx − Aᵀy − d, complementarity and dual-sign feasibility, duality gap.
 */
import type { LpBuilder } from './lp-builder.js';
import { rowActivities } from './lp-builder.js';
import type { LpOutcome } from './highs-runtime.js';

export interface LpCertificate {
  /** Largest bound or row violation (absolute). */
  feasibility: number;
  /** ‖c + Qx − Aᵀy − d‖∞ (LP/QP only; 0 for MIPs, which have no duals). */
  stationarity: number;
  /** Largest |dual|·slack or wrong-sign dual (LP/QP only). */
  complementarity: number;
  /** |primal − dual objective| / (1 + |primal|) (LP only). */
  dualityGap: number;
  /** Largest distance of an integer variable from an integer (MIP only). */
  integrality: number;
}

// |dual|·slack to the bound it prices; a dual pricing an infinite bound is itself the violation.
function compTerm(dual: number, bound: number, value: number): number {
  return Number.isFinite(bound) ? Math.abs(dual) * Math.abs(value - bound) : Math.abs(dual);
}

function boundTerm(dual: number, bound: number): number {
  return Number.isFinite(bound) ? dual * bound : 0;
}

/** Checks `out` against the model it solved; all figures absolute (the models here are O(1) scaled). */
export function certify(lp: LpBuilder, out: LpOutcome): LpCertificate {
  const x = out.colValue;
  const nCols = lp.colCost.length;
  const act = rowActivities(lp, x);
  let feas = 0;
  let integrality = 0;
  for (let j = 0; j < nCols; j++) {
    feas = Math.max(feas, lp.colLower[j]! - x[j]!, x[j]! - lp.colUpper[j]!);
    if (lp.integer[j]) integrality = Math.max(integrality, Math.abs(x[j]! - Math.round(x[j]!)));
  }
  for (let i = 0; i < act.length; i++) feas = Math.max(feas, lp.rowLower[i]! - act[i]!, act[i]! - lp.rowUpper[i]!);
  if (out.isMip || out.colDual.length !== nCols) {
    return { feasibility: feas, stationarity: 0, complementarity: 0, dualityGap: 0, integrality };
  }
  const y = out.rowDual;
  const d = out.colDual;
  // grad = c + Qx;  stationarity: grad − Aᵀy − d = 0
  const r = Float64Array.from(lp.colCost);
  for (const [j, q] of lp.diagQ) r[j] = r[j]! + q * x[j]!;
  for (let i = 0; i < act.length; i++) {
    const yi = y[i]!;
    if (yi === 0) continue;
    for (let p = lp.starts[i]!; p < lp.starts[i + 1]!; p++) r[lp.indices[p]!] = r[lp.indices[p]!]! - yi * lp.values[p]!;
  }
  let stat = 0;
  let comp = 0;
  let dualObj = 0;
  let primalObj = 0;
  for (let j = 0; j < nCols; j++) {
    stat = Math.max(stat, Math.abs(r[j]! - d[j]!));
    primalObj += lp.colCost[j]! * x[j]!;
    const dj = d[j]!;
    // positive reduced cost holds x at its lower bound, negative at its upper bound (minimisation)
    if (dj > 0) {
      comp = Math.max(comp, compTerm(dj, lp.colLower[j]!, x[j]!));
      dualObj += boundTerm(dj, lp.colLower[j]!);
    } else if (dj < 0) {
      comp = Math.max(comp, compTerm(dj, lp.colUpper[j]!, x[j]!));
      dualObj += boundTerm(dj, lp.colUpper[j]!);
    }
  }
  for (let i = 0; i < act.length; i++) {
    const yi = y[i]!;
    if (yi > 0) {
      comp = Math.max(comp, compTerm(yi, lp.rowLower[i]!, act[i]!));
      dualObj += boundTerm(yi, lp.rowLower[i]!);
    } else if (yi < 0) {
      comp = Math.max(comp, compTerm(yi, lp.rowUpper[i]!, act[i]!));
      dualObj += boundTerm(yi, lp.rowUpper[i]!);
    }
  }
  let quad = 0;
  for (const [j, q] of lp.diagQ) quad += 0.5 * q * x[j]! * x[j]!;
  // for a QP the Wolfe dual objective is bᵀy − ½xᵀQx; for an LP quad = 0
  const gap = Math.abs(primalObj + quad - (dualObj - quad)) / (1 + Math.abs(primalObj + quad));
  return { feasibility: feas, stationarity: stat, complementarity: comp, dualityGap: gap, integrality };
}
