/**
 * Dense strictly convex QP by the Goldfarb–Idnani dual active-set method:
 *   min ½ xᵀPx + qᵀx  s.t.  Aₑx = bₑ,  Aᵢx ≥ bᵢ,  l ≤ x ≤ u.
 * Why this method: it needs no feasible start, every iterate is dual feasible, the final active set gives
 * exact multipliers (KKT residuals at rounding level), and when a violated constraint cannot be added the
 * constraints in its combination are exactly the conflicting ones, which we report by name.
 * J = L⁻ᵀQ is stored row-major: a chain of Givens rotations is swept along each row with the carried value
 * in a register, and Jᵀeᵢ (bound constraints, the common case) is one contiguous row.
 */
import { choleskyInPlace } from '../stats/linalg.js';

export interface LinearRow {
  name: string;
  /** Dense coefficients (length n). */
  a: Float64Array;
  b: number;
}

export interface QpInput {
  n: number;
  /** n×n symmetric positive definite, row-major (a ridge is added if Cholesky fails). */
  P: Float64Array;
  q: Float64Array;
  eq: LinearRow[];
  /** Rows meaning a·x ≥ b. */
  ineq: LinearRow[];
  lower: Float64Array;
  upper: Float64Array;
  /** Names of the variables, for bound names in diagnostics. */
  varNames: string[];
  maxIter?: number;
  /**
   * Reuse of the factorisation across solves with the same P and q (frontier points differ only in
   * their rows): filled on the first solve, copied on later ones.
   */
  cache?: QpFactorCache;
}

export interface QpFactorCache {
  J?: Float64Array;
  x0?: Float64Array;
  ridge?: number;
}

export interface QpOutput {
  x: Float64Array;
  /** Multipliers of eq rows (free sign), ineq rows (≥ 0), lower and upper bounds (≥ 0). */
  yEq: Float64Array;
  yIneq: Float64Array;
  yLower: Float64Array;
  yUpper: Float64Array;
  iterations: number;
  active: string[];
  ridge: number;
}

export type QpOutcome = { ok: true; value: QpOutput } | { ok: false; conflict: string[]; reason: 'infeasible' | 'max-iterations' };

/** Constraint ids: [0, mE) eq, [mE, mE+mI) ineq, then n lower bounds, then n upper bounds. */
export function solveQpDual(inp: QpInput): QpOutcome {
  const { n, eq, ineq, lower, upper } = inp;
  const mE = eq.length;
  const mI = ineq.length;
  const cached = inp.cache?.J !== undefined && inp.cache.x0 !== undefined;
  const L = cached ? new Float64Array(0) : inp.P.slice();
  let ridge = inp.cache?.ridge ?? 0;
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(inp.P[i * n + i]!));
  if (maxDiag === 0) maxDiag = 1;
  while (!cached && choleskyInPlace(L, n) >= 0) {
    ridge = ridge === 0 ? 1e-12 * maxDiag : ridge * 100;
    if (ridge > 1e-2 * maxDiag) return { ok: false, conflict: ['positive-definite Hessian'], reason: 'infeasible' };
    L.set(inp.P);
    for (let i = 0; i < n; i++) L[i * n + i] = L[i * n + i]! + ridge;
  }
  // J = L^{-T}, column k = solution of Lᵀ y = e_k (nonzero in 0..k).
  const J = cached ? inp.cache!.J!.slice() : new Float64Array(n * n);
  const x = cached ? inp.cache!.x0!.slice() : new Float64Array(n);
  if (!cached) {
    const Lt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) Lt[j * n + i] = L[i * n + j]!;
    const y = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      y[k] = 1 / Lt[k * n + k]!;
      for (let i = k - 1; i >= 0; i--) {
        let s = 0;
        const ri = i * n;
        for (let j = i + 1; j <= k; j++) s += Lt[ri + j]! * y[j]!;
        y[i] = -s / Lt[ri + i]!;
      }
      for (let i = 0; i <= k; i++) J[i * n + k] = y[i]!;
    }
    // Unconstrained minimum x = −P⁻¹q = −J Jᵀ q.
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const qi = inp.q[i]!;
      const ri = i * n;
      for (let k = i; k < n; k++) t[k] = t[k]! + J[ri + k]! * qi;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      const ri = i * n;
      for (let k = i; k < n; k++) s += J[ri + k]! * t[k]!;
      x[i] = -s;
    }
    if (inp.cache) {
      inp.cache.J = J.slice();
      inp.cache.x0 = x.slice();
      inp.cache.ridge = ridge;
    }
  }

  const R = new Float64Array(n * n); // upper triangular, row-major stride n
  const activeIds: number[] = [];
  const activeSign: number[] = []; // −1 when an equality was added as −a·x ≥ −b
  const u: number[] = [];
  const d = new Float64Array(n);
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  const isActive = new Uint8Array(mE + mI + 2 * n);
  const maxIter = inp.maxIter ?? 20 * (n + mE + mI) + 100;
  let iterations = 0;

  // Sparse views of the rows: most rows (groups, bound-like rows) touch few variables.
  const nzOf = (a: Float64Array): Int32Array => {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (a[i] !== 0) idx.push(i);
    return Int32Array.from(idx);
  };
  const nz = [...eq.map((row) => nzOf(row.a)), ...ineq.map((row) => nzOf(row.a))];
  const rowDot = (id: number, v: Float64Array): number => {
    const a = id < mE ? eq[id]!.a : ineq[id - mE]!.a;
    const idx = nz[id]!;
    let s = 0;
    for (let k = 0; k < idx.length; k++) s += a[idx[k]!]! * v[idx[k]!]!;
    return s;
  };
  /** Slack a·x − b of constraint id (≥ 0 when satisfied), with the sign flip for equalities. */
  const slack = (id: number): number => {
    if (id < mE) return rowDot(id, x) - eq[id]!.b;
    if (id < mE + mI) return rowDot(id, x) - ineq[id - mE]!.b;
    const v = id - mE - mI;
    return v < n ? x[v]! - lower[v]! : upper[v - n]! - x[v - n]!;
  };
  /** d = Jᵀ (sign·normal). */
  const computeD = (id: number, sign: number): void => {
    if (id < mE + mI) {
      const a = id < mE ? eq[id]!.a : ineq[id - mE]!.a;
      d.fill(0);
      const idx = nz[id]!;
      for (let kk = 0; kk < idx.length; kk++) {
        const i = idx[kk]!;
        const ai = sign * a[i]!;
        if (ai === 0) continue;
        const ri = i * n;
        for (let k = 0; k < n; k++) d[k] = d[k]! + ai * J[ri + k]!;
      }
    } else {
      const v = id - mE - mI;
      const idx = v < n ? v : v - n;
      const sg = v < n ? sign : -sign;
      const ri = idx * n;
      for (let k = 0; k < n; k++) d[k] = sg * J[ri + k]!;
    }
  };
  const normalDotZ = (id: number, sign: number): number => {
    if (id < mE + mI) return sign * rowDot(id, z);
    const v = id - mE - mI;
    return v < n ? sign * z[v]! : -sign * z[v - n]!;
  };
  const rc = new Float64Array(n);
  const rs = new Float64Array(n);
  /** Applies rotations k = from…to−1 on columns (k, k+1) when `down` is false, or k = to−1…from when true. */
  const sweepJ = (from: number, to: number, down: boolean): void => {
    if (to <= from) return;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      if (down) {
        let b = J[ri + to]!;
        for (let k = to - 1; k >= from; k--) {
          const a = J[ri + k]!;
          const c = rc[k]!, s = rs[k]!;
          J[ri + k + 1] = -s * a + c * b;
          b = c * a + s * b;
        }
        J[ri + from] = b;
      } else {
        let a = J[ri + from]!;
        for (let k = from; k < to; k++) {
          const b = J[ri + k + 1]!;
          const c = rc[k]!, s = rs[k]!;
          J[ri + k] = c * a + s * b;
          a = -s * a + c * b;
        }
        J[ri + to] = a;
      }
    }
  };
  const addConstraint = (id: number, sign: number, mult: number): boolean => {
    const q = activeIds.length;
    let top = q;
    for (let j = n - 1; j > q; j--) {
      const a = d[j - 1]!, b = d[j]!;
      if (b === 0) {
        rc[j - 1] = 1;
        rs[j - 1] = 0;
        continue;
      }
      if (top === q) top = j;
      const h = Math.hypot(a, b);
      rc[j - 1] = a / h;
      rs[j - 1] = b / h;
      d[j - 1] = h;
      d[j] = 0;
    }
    sweepJ(q, top, true);
    if (Math.abs(d[q]!) < 1e-14) return false;
    for (let i = 0; i <= q; i++) R[i * n + q] = d[i]!;
    activeIds.push(id);
    activeSign.push(sign);
    u.push(mult);
    isActive[id] = 1;
    return true;
  };
  const dropConstraint = (k: number): void => {
    const q = activeIds.length;
    isActive[activeIds[k]!] = 0;
    activeIds.splice(k, 1);
    activeSign.splice(k, 1);
    u.splice(k, 1);
    for (let col = k; col < q - 1; col++) for (let i = 0; i <= col + 1; i++) R[i * n + col] = R[i * n + col + 1]!;
    for (let i = 0; i < q; i++) R[i * n + q - 1] = 0;
    for (let i = k; i < q - 1; i++) {
      const a = R[i * n + i]!, b = R[(i + 1) * n + i]!;
      rc[i] = 1;
      rs[i] = 0;
      if (b === 0) continue;
      const h = Math.hypot(a, b);
      const c = a / h, s = b / h;
      rc[i] = c;
      rs[i] = s;
      for (let col = i; col < q - 1; col++) {
        const ra = R[i * n + col]!, rb = R[(i + 1) * n + col]!;
        R[i * n + col] = c * ra + s * rb;
        R[(i + 1) * n + col] = -s * ra + c * rb;
      }
      R[(i + 1) * n + i] = 0;
    }
    sweepJ(k, q - 1, false);
  };

  const tolOf = (id: number): number => {
    const b = id < mE ? eq[id]!.b : id < mE + mI ? ineq[id - mE]!.b : 1;
    return 1e-11 * (1 + Math.abs(b));
  };

  for (;;) {
    // Choose the next constraint: pending equalities first, then the most violated inequality.
    let p = -1;
    let sp = 0;
    let sign = 1;
    for (let e = 0; e < mE && p < 0; e++) {
      if (isActive[e]) continue;
      p = e;
      sp = slack(e);
      if (sp > 0) {
        sign = -1;
        sp = -sp;
      }
    }
    if (p < 0) {
      let worst = 0;
      for (let id = mE; id < mE + mI + 2 * n; id++) {
        if (isActive[id]) continue;
        const v = id - mE - mI;
        if (v >= 0 && (v < n ? lower[v] === -Infinity : upper[v - n] === Infinity)) continue;
        const s = slack(id);
        if (s < -tolOf(id) && s / normScale(id) < worst) {
          worst = s / normScale(id);
          p = id;
          sp = s;
        }
      }
    }
    if (p < 0) break;
    let uplus = 0;
    for (;;) {
      if (++iterations > maxIter) return { ok: false, conflict: activeIds.map(nameOf), reason: 'max-iterations' };
      const q = activeIds.length;
      computeD(p, sign);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const ri = i * n;
        for (let k = q; k < n; k++) s += J[ri + k]! * d[k]!;
        z[i] = s;
      }
      for (let i = q - 1; i >= 0; i--) {
        let s = d[i]!;
        for (let j = i + 1; j < q; j++) s -= R[i * n + j]! * r[j]!;
        r[i] = s / R[i * n + i]!;
      }
      let t1 = Infinity;
      let kDrop = -1;
      for (let j = 0; j < q; j++) {
        if (activeIds[j]! < mE) continue;
        if (r[j]! > 1e-14 * Math.max(1, Math.abs(u[j]!)) ) {
          const ratio = u[j]! / r[j]!;
          if (ratio < t1) {
            t1 = ratio;
            kDrop = j;
          }
        }
      }
      const znp = normalDotZ(p, sign);
      let zz = 0;
      for (let i = 0; i < n; i++) zz += z[i]! * z[i]!;
      const t2 = zz > 1e-28 && znp > 1e-28 ? -(sign * slack(p)) / znp : Infinity;
      if (t1 === Infinity && t2 === Infinity) {
        const conflict = [nameOf(p)];
        for (let j = 0; j < q; j++) if (Math.abs(r[j]!) > 1e-12) conflict.push(nameOf(activeIds[j]!));
        return { ok: false, conflict, reason: 'infeasible' };
      }
      if (t2 === Infinity) {
        for (let j = 0; j < q; j++) u[j] = u[j]! - t1 * r[j]!;
        uplus += t1;
        dropConstraint(kDrop);
        continue;
      }
      const t = Math.min(t1, t2);
      for (let i = 0; i < n; i++) x[i] = x[i]! + t * z[i]!;
      for (let j = 0; j < q; j++) u[j] = u[j]! - t * r[j]!;
      uplus += t;
      if (t === t2) {
        if (!addConstraint(p, sign, uplus)) return { ok: false, conflict: [nameOf(p)], reason: 'infeasible' };
        break;
      }
      dropConstraint(kDrop);
    }
  }

  const yEq = new Float64Array(mE);
  const yIneq = new Float64Array(mI);
  const yLower = new Float64Array(n);
  const yUpper = new Float64Array(n);
  activeIds.forEach((id, j) => {
    const m = u[j]! * activeSign[j]!;
    if (id < mE) yEq[id] = m;
    else if (id < mE + mI) yIneq[id - mE] = m;
    else if (id - mE - mI < n) yLower[id - mE - mI] = m;
    else yUpper[id - mE - mI - n] = m;
  });
  return { ok: true, value: { x, yEq, yIneq, yLower, yUpper, iterations, active: activeIds.map(nameOf), ridge } };

  function nameOf(id: number): string {
    if (id < mE) return eq[id]!.name;
    if (id < mE + mI) return ineq[id - mE]!.name;
    const v = id - mE - mI;
    return v < n ? `lower bound ${inp.varNames[v]}` : `upper bound ${inp.varNames[v - n]}`;
  }
  function normScale(id: number): number {
    if (id >= mE + mI) return 1;
    const a = id < mE ? eq[id]!.a : ineq[id - mE]!.a;
    return Math.sqrt(dotRow(a, a)) || 1;
  }
}

function dotRow(a: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * x[i]!;
  return s;
}

/** Largest KKT residuals of a QpInput at (x, y): stationarity ‖Px+q−Σyₐ‖∞, feasibility, complementarity. */
export function qpKkt(inp: QpInput, o: QpOutput): { stationarity: number; feasibility: number; complementarity: number } {
  const { n } = inp;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = inp.q[i]!;
    for (let k = 0; k < n; k++) s += inp.P[i * n + k]! * o.x[k]!;
    g[i] = s - o.yLower[i]! + o.yUpper[i]!;
  }
  // The solver factorised P + ridge·I; the ridge is part of the solved problem.
  for (let i = 0; i < n; i++) g[i] = g[i]! + o.ridge * o.x[i]!;
  let feas = 0;
  let comp = 0;
  inp.eq.forEach((row, k) => {
    for (let i = 0; i < n; i++) g[i] = g[i]! - o.yEq[k]! * row.a[i]!;
    feas = Math.max(feas, Math.abs(dotRow(row.a, o.x) - row.b));
  });
  inp.ineq.forEach((row, k) => {
    for (let i = 0; i < n; i++) g[i] = g[i]! - o.yIneq[k]! * row.a[i]!;
    const s = dotRow(row.a, o.x) - row.b;
    feas = Math.max(feas, -s);
    comp = Math.max(comp, Math.abs(o.yIneq[k]! * s));
    if (o.yIneq[k]! < 0) feas = Math.max(feas, -o.yIneq[k]!);
  });
  for (let i = 0; i < n; i++) {
    const sl = o.x[i]! - inp.lower[i]!;
    const su = inp.upper[i]! - o.x[i]!;
    feas = Math.max(feas, -sl, -su);
    if (o.yLower[i]) comp = Math.max(comp, Math.abs(o.yLower[i]! * sl));
    if (o.yUpper[i]) comp = Math.max(comp, Math.abs(o.yUpper[i]! * su));
  }
  let stat = 0;
  for (let i = 0; i < n; i++) stat = Math.max(stat, Math.abs(g[i]!));
  return { stationarity: stat, feasibility: Math.max(0, feas), complementarity: comp };
}
