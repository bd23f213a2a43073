/** The objective registry: every Objective maps to a solver; E2's risk-based solvers are spread in. */
import { OBJECTIVES, type Objective, type RiskMeasure } from '../../../shared/domain/optimize.js';
import { fail } from '../result.js';
import { withMaxHoldings } from './cardinality.js';
import { efficientReturn, efficientRisk, maxReturn, maxSharpe, maxUtility, minVolatility } from './mean-variance.js';
import { riskObjectives } from './objectives-risk.js';
import type { ObjectiveSolver } from './problem.js';
import { efficientSemideviation, maxSemivarianceUtility, minSemivariance } from './semivariance.js';
import { efficientScenarioRisk } from './objectives-risk.js';
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

const basePick = (o: Objective): ObjectiveSolver => riskObjectives[o] ?? meanVariance[o] ?? unsupported(o);

/** Solvers per advanced.riskMeasure for the objectives that take another risk measure. */
const byMeasure: Partial<Record<Objective, Partial<Record<RiskMeasure, ObjectiveSolver>>>> = {
  'efficient-risk': { semideviation: withMaxHoldings(efficientSemideviation), cvar: efficientScenarioRisk('cvar'), cdar: efficientScenarioRisk('cdar') },
  'max-utility': { semideviation: withMaxHoldings(maxSemivarianceUtility) },
};

// A risk measure an objective does not use is an error, never silently ignored.
const pick = (o: Objective): ObjectiveSolver => {
  const base = basePick(o);
  return (p, ctx) => {
    const measure = p.options.advanced?.riskMeasure ?? 'volatility';
    if (measure === 'volatility') {
      if (p.options.advanced?.riskTarget !== undefined) return Promise.resolve(fail('invalid-input', `advanced.riskTarget applies to efficient-risk with a risk measure other than volatility (use targets.targetVolatility)`, { field: 'advanced.riskTarget' }));
      return base(p, ctx);
    }
    const solver = byMeasure[o]?.[measure];
    if (!solver) return Promise.resolve(fail('invalid-input', `risk measure ${measure} does not apply to ${o} (it applies to ${Object.entries(byMeasure).filter(([, m]) => m[measure]).map(([k]) => k).join(', ')})`, { field: 'advanced.riskMeasure' }));
    return solver(p, ctx);
  };
};

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
