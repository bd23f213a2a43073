/**
 * The feasibility check every constrained objective runs first (as the frontier does): is there any
 * weight vector meeting the budget, bounds, groups, market-neutrality and turnover cap? Objective terms
 * (L2, transaction costs) and objective-specific targets are left out, so a conflict between the
 * constraints is reported as that conflict, not as the symptom a particular objective would show
 * ("no portfolio above the risk-free rate", "target volatility below the minimum" …).
 */
import { fail, ok, type CoreResult } from '../result.js';
import { solveQpHighs } from './highs-qp.js';
import { minVolatility, withoutObjectiveTerms } from './mean-variance.js';
import type { PreparedProblem } from './problem.js';
import { buildQp } from './qp-build.js';

/** Objectives that do not enforce the portfolio constraints (closed-form allocations that warn instead). */
const UNCONSTRAINED = new Set(['hrp', 'risk-parity']);

/** ok(null) when the constraints can all hold; otherwise the typed 'infeasible' error naming the conflict. */
export async function checkFeasible(p: PreparedProblem): Promise<CoreResult<null>> {
  if (UNCONSTRAINED.has(p.options.objective)) return ok(null);
  const plain = withoutObjectiveTerms(p);
  // Tracking error is a quadratic cap handled by penalty; the linear constraints are checked here.
  const linear = plain.options.constraints.trackingError === undefined ? plain : { ...plain, options: { ...plain.options, constraints: { ...plain.options.constraints, trackingError: undefined } } };
  const built = buildQp(linear, { sigmaFactor: 0, linear: new Float64Array(p.n) });
  if (!built.ok) return built;
  const h = await solveQpHighs(built.value.qp);
  if (h.ok || h.status !== 'infeasible') return ok(null);
  // Name the conflict with the active-set solver's certificate (it lists the constraints involved).
  const mv = await minVolatility(linear);
  if (!mv.ok) return fail('infeasible', mv.error.message.replace(/^min-volatility: /, ''), mv.error.details);
  return fail('infeasible', 'the constraints cannot all hold (HiGHS: infeasible)', { constraints: [] });
}
