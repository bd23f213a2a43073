/**
 * Runs a built QP: the engine's dual active-set solver first, HiGHS as the fallback when it stops
 * without an answer; checks KKT on the answer either way and names conflicting constraints.
 */
import { fail, ok, type CoreResult } from '../result.js';
import { solveQpHighs } from './highs-qp.js';
import type { KktResiduals, Solution } from './problem.js';
import type { BuiltQp } from './qp-build.js';
import { qpKkt, solveQpDual, type QpOutput } from './qp-dual.js';
import { screeningApplies, seedSet, solveQpScreened } from './qp-screen.js';

export interface QpRun {
  solution: Solution;
  /** Full variable vector and multipliers (scaled problem). */
  raw: QpOutput;
}

/** Shortens long lists of bound names ("upper bounds of 37 assets") for messages. */
export function describeConstraints(names: string[]): string[] {
  const out: string[] = [];
  const lower = names.filter((s) => s.startsWith('lower bound '));
  const upper = names.filter((s) => s.startsWith('upper bound '));
  for (const s of names) if (!s.startsWith('lower bound ') && !s.startsWith('upper bound ')) out.push(s);
  for (const [kind, list] of [['lower', lower], ['upper', upper]] as const) {
    if (list.length === 0) continue;
    if (list.length <= 5) out.push(...list);
    else out.push(`${kind} bounds of ${list.length} assets (${list.slice(0, 3).map((s) => s.slice(12)).join(', ')}, …)`);
  }
  return out;
}

function activeFromMultipliers(built: BuiltQp, o: QpOutput): string[] {
  const { qp } = built;
  const names: string[] = [];
  qp.eq.forEach((r) => {
    if (!r.name.startsWith('trade ')) names.push(r.name);
  });
  qp.ineq.forEach((r, k) => {
    let s = -r.b;
    for (let i = 0; i < qp.n; i++) s += r.a[i]! * o.x[i]!;
    if (Math.abs(s) <= 1e-9 * (1 + Math.abs(r.b)) || o.yIneq[k]! > 0) names.push(r.name);
  });
  for (let i = 0; i < built.n; i++) {
    if (Math.abs(o.x[i]! - qp.lower[i]!) <= 1e-12) names.push(`lower bound ${qp.varNames[i]}`);
    else if (Math.abs(o.x[i]! - qp.upper[i]!) <= 1e-12) names.push(`upper bound ${qp.varNames[i]}`);
  }
  return names;
}

const KKT_TOL = 1e-8;

export async function runQp(built: BuiltQp, label: string): Promise<CoreResult<QpRun>> {
  const t0 = performance.now();
  const warnings = built.warnings.slice();
  // Trade variables (transaction costs, turnover) have no curvature: the dual method would need a ridge on
  // them and start from a far-away unconstrained point, so HiGHS (which accepts a PSD Hessian) goes first.
  if (built.tradeFirst >= 0) {
    const h = await solveQpHighs(built.qp);
    if (h.ok) return finish(built, h.value, 'highs-qp', warnings, t0);
    if (h.status === 'infeasible') return fail('infeasible', `${label}: the constraints cannot all hold (HiGHS: infeasible)`, { constraints: [] });
    warnings.push(`HiGHS stopped with status ${h.status}; the dual active-set solver answered`);
  }
  const dual = screeningApplies(built.qp) ? solveQpScreened(built.qp, seedSet(built.qp, 25, built.seedScores ?? [], built.warmSupport ?? [])) : solveQpDual(built.qp);
  let raw: QpOutput;
  let solver = 'dual-active-set';
  if (dual.ok) {
    raw = dual.value;
    if (raw.ridge > 0) warnings.push(`the risk matrix is singular; a ridge of ${raw.ridge.toExponential(1)} (scaled units) was added`);
  } else if (dual.reason === 'infeasible') {
    const names = describeConstraints(dual.conflict);
    return fail('infeasible', `${label}: the constraints cannot all hold; in conflict: ${names.join('; ')}`, { constraints: dual.conflict });
  } else {
    const h = await solveQpHighs(built.qp);
    if (!h.ok) {
      if (h.status === 'infeasible') return fail('infeasible', `${label}: the constraints cannot all hold (HiGHS: infeasible)`, { constraints: [] });
      return fail('solver-failed', `${label}: the active-set solver hit its iteration limit and HiGHS stopped with status ${h.status}`);
    }
    raw = h.value;
    solver = 'highs-qp';
    warnings.push('the active-set solver hit its iteration limit; HiGHS solved the QP');
  }
  return finish(built, raw, solver, warnings, t0);
}

function finish(built: BuiltQp, raw: QpOutput, solver: string, warnings: string[], t0: number): CoreResult<QpRun> {
  const kkt: KktResiduals = qpKkt(built.qp, raw);
  const accurate = kkt.stationarity <= KKT_TOL && kkt.feasibility <= KKT_TOL && kkt.complementarity <= KKT_TOL;
  const weights = Float64Array.from(raw.x.subarray(0, built.n));
  // Clean rounding noise at bounds so reported weights sit exactly on them.
  for (let i = 0; i < built.n; i++) {
    if (Math.abs(weights[i]! - built.qp.lower[i]!) < 1e-13) weights[i] = built.qp.lower[i]!;
    if (Math.abs(weights[i]! - built.qp.upper[i]!) < 1e-13) weights[i] = built.qp.upper[i]!;
  }
  return ok({
    raw,
    solution: {
      weights,
      solver,
      iterations: raw.iterations,
      status: accurate ? 'optimal' : 'optimal-inaccurate',
      kkt,
      activeConstraints: activeFromMultipliers(built, raw),
      extras: { solveTimeMs: performance.now() - t0, objectiveScale: built.scale },
      warnings,
    },
  });
}
