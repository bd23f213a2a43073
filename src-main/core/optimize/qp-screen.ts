/**
 * Variable screening around the dual active-set solver for large, mostly-at-bound problems (long-only
 * portfolios hold few assets): solve the QP over a working set S of variables with the others fixed at
 * their lower bounds, then price the fixed ones with the subproblem's multipliers — reduced gradient
 * rᵢ = (Px + q)ᵢ − Σ yₖaₖᵢ must be ≥ 0 at a lower bound. Violators join S and the subproblem is re-solved.
 * The answer is the exact KKT point of the full problem (checked by the caller), at O(|S|³ + n|S|) per
 * round instead of O(n²) per active-set change.
 */
import type { LinearRow, QpInput, QpOutcome, QpOutput } from './qp-dual.js';
import { solveQpDual } from './qp-dual.js';

export interface ScreenStats {
  rounds: number;
  workingSet: number;
}

/** Applicable when every lower bound is finite (fixed variables sit there). */
export function screeningApplies(inp: QpInput): boolean {
  return inp.n > 60 && inp.lower.every(Number.isFinite);
}

export interface Seed {
  /** Initial working set. */
  initial: number[];
  /** All variables in the order they join when a subproblem is infeasible (most promising first). */
  priority: number[];
}

/**
 * Initial working set: the `k` best by low risk, by (−linear term) and by each extra score per unit of
 * risk (e.g. μᵢ/σᵢ for a return floor), plus `warm` (e.g. the previous frontier point's holdings).
 */
export function seedSet(inp: QpInput, k: number, extra: Float64Array[] = [], warm: number[] = []): Seed {
  const { n } = inp;
  const pick = new Set<number>(warm);
  const orders: number[][] = [];
  const top = (score: (i: number) => number) => {
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => score(b) - score(a));
    orders.push(idx);
    for (const i of idx.slice(0, k)) pick.add(i);
  };
  for (const a of extra) top((i) => a[i]! / Math.sqrt(inp.P[i * n + i]! || 1));
  top((i) => -inp.P[i * n + i]!);
  top((i) => -inp.q[i]!);
  // Variables that cannot sit at zero stay in.
  for (let i = 0; i < n; i++) if (inp.lower[i]! > 0 || inp.upper[i]! < 0) pick.add(i);
  // Interleave the orders so growth follows every criterion.
  const priority: number[] = [];
  const seen = new Uint8Array(n);
  for (let r = 0; r < n; r++)
    for (const o of orders) {
      const i = o[r]!;
      if (!seen[i]) {
        seen[i] = 1;
        priority.push(i);
      }
    }
  return { initial: [...pick].sort((a, b) => a - b), priority };
}

export function solveQpScreened(inp: QpInput, seed: Seed, stats?: ScreenStats): QpOutcome {
  const { n } = inp;
  const inSet = new Uint8Array(n);
  for (const i of seed.initial) inSet[i] = 1;
  let iterations = 0;
  for (let round = 0; round < 200; round++) {
    const S: number[] = [];
    for (let i = 0; i < n; i++) if (inSet[i]) S.push(i);
    const m = S.length;
    // Fixed variables at their lower bounds contribute P_{S,F}x_F to the linear term and a_F x_F to rows.
    const xFixed = new Float64Array(n);
    for (let i = 0; i < n; i++) if (!inSet[i]) xFixed[i] = inp.lower[i]!;
    const P = new Float64Array(m * m);
    const q = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      const ia = S[a]!;
      let s = inp.q[ia]!;
      for (let j = 0; j < n; j++) if (!inSet[j] && xFixed[j] !== 0) s += inp.P[ia * n + j]! * xFixed[j]!;
      q[a] = s;
      for (let b = 0; b < m; b++) P[a * m + b] = inp.P[ia * n + S[b]!]!;
    }
    const sub = (rows: LinearRow[]): LinearRow[] =>
      rows.map((r) => {
        let shift = 0;
        for (let j = 0; j < n; j++) if (!inSet[j] && xFixed[j] !== 0) shift += r.a[j]! * xFixed[j]!;
        return { name: r.name, a: Float64Array.from(S, (i) => r.a[i]!), b: r.b - shift };
      });
    const res = solveQpDual({
      n: m,
      P,
      q,
      eq: sub(inp.eq),
      ineq: sub(inp.ineq),
      lower: Float64Array.from(S, (i) => inp.lower[i]!),
      upper: Float64Array.from(S, (i) => inp.upper[i]!),
      varNames: S.map((i) => inp.varNames[i]!),
    });
    if (!res.ok) {
      // An infeasible subproblem may only lack variables: grow S (all variables = the full problem's verdict).
      if (m === n) return res;
      let added = 0;
      for (const i of seed.priority) {
        if (added >= Math.max(10, Math.ceil(m / 2))) break;
        if (!inSet[i]) {
          inSet[i] = 1;
          added++;
        }
      }
      continue;
    }
    const o = res.value;
    iterations += o.iterations;
    const x = xFixed.slice();
    S.forEach((i, a) => (x[i] = o.x[a]!));
    // Reduced gradients of the fixed variables.
    const viol: { i: number; r: number }[] = [];
    const yLower = new Float64Array(n);
    const yUpper = new Float64Array(n);
    S.forEach((i, a) => {
      yLower[i] = o.yLower[a]!;
      yUpper[i] = o.yUpper[a]!;
    });
    for (let i = 0; i < n; i++) {
      if (inSet[i]) continue;
      let g = inp.q[i]! + o.ridge * x[i]!;
      const ri = i * n;
      for (const j of S) g += inp.P[ri + j]! * x[j]!;
      for (let j = 0; j < n; j++) if (!inSet[j] && x[j] !== 0) g += inp.P[ri + j]! * x[j]!;
      inp.eq.forEach((row, k) => (g -= o.yEq[k]! * row.a[i]!));
      inp.ineq.forEach((row, k) => (g -= o.yIneq[k]! * row.a[i]!));
      if (g < -1e-13) viol.push({ i, r: g });
      else yLower[i] = g;
    }
    if (viol.length === 0) {
      if (stats) {
        stats.rounds = round + 1;
        stats.workingSet = m;
      }
      const out: QpOutput = { x, yEq: o.yEq, yIneq: o.yIneq, yLower, yUpper, iterations, active: o.active, ridge: o.ridge };
      return { ok: true, value: out };
    }
    viol.sort((a, b) => a.r - b.r);
    for (const v of viol.slice(0, Math.max(5, Math.ceil(m / 2)))) inSet[v.i] = 1;
  }
  return { ok: false, conflict: [], reason: 'max-iterations' };
}
