/** The objective registry: every Objective maps to a solver; E2's risk-based solvers are spread in. */
import { OBJECTIVES, type Objective } from '../../../shared/domain/optimize.js';
import { fail } from '../result.js';
import { withMaxHoldings } from './cardinality.js';
import { efficientReturn, efficientRisk, maxReturn, maxSharpe, maxUtility, minVolatility } from './mean-variance.js';
import { riskObjectives } from './objectives-risk.js';
import type { ObjectiveSolver } from './problem.js';
import { minSemivariance } from './semivariance.js';
import { crisisRobust } from '../robust/crisis-robust.js';
import { worstCaseMv } from '../robust/worst-case.js';

const unsupported =
  (name: Objective): ObjectiveSolver =>
  async () =>
    fail('unsupported', `objective ${name} is not available in this build`, { objective: name });

// Mean-variance objectives honour a maximum number of holdings through E2's cardinality search
// (heuristic support + exact branch-and-bound over supports, each node one of these convex solves).
const meanVariance: Partial<Record<Objective, ObjectiveSolver>> = {
  'min-volatility': withMaxHoldings(minVolatility),
  'max-sharpe': withMaxHoldings(maxSharpe),
  'efficient-risk': withMaxHoldings(efficientRisk),
  'efficient-return': withMaxHoldings(efficientReturn),
  'max-utility': withMaxHoldings(maxUtility),
  'max-return': withMaxHoldings(maxReturn),
  'min-semivariance': withMaxHoldings(minSemivariance),
  'worst-case-mv': withMaxHoldings(worstCaseMv),
  'crisis-robust': withMaxHoldings(crisisRobust),
};

const pick = (o: Objective): ObjectiveSolver => riskObjectives[o] ?? meanVariance[o] ?? unsupported(o);

export const objectives: Record<Objective, ObjectiveSolver> = {
  'min-volatility': pick('min-volatility'),
  'max-sharpe': pick('max-sharpe'),
  'efficient-risk': pick('efficient-risk'),
  'efficient-return': pick('efficient-return'),
  'max-utility': pick('max-utility'),
  'max-return': pick('max-return'),
  'risk-parity': pick('risk-parity'),
  hrp: pick('hrp'),
  'min-cvar': pick('min-cvar'),
  'efficient-cvar': pick('efficient-cvar'),
  'min-cdar': pick('min-cdar'),
  'efficient-cdar': pick('efficient-cdar'),
  'min-semivariance': pick('min-semivariance'),
  'worst-case-mv': pick('worst-case-mv'),
  'crisis-robust': pick('crisis-robust'),
};

/** Objectives in the order of the shared list (for forms and help texts). */
export const objectiveNames: readonly Objective[] = OBJECTIVES;
