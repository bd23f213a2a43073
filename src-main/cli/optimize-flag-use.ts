/**
 * Which optimisation flags an objective uses. A flag the chosen objective would ignore is an error
 * naming the flag and the objective (test/cli/flag-use.test.ts walks every objective × flag pair and
 * checks that each accepted flag changes the result).
 */
import type { Objective, OptimizeOptions } from '../../shared/domain/optimize.js';

const SCENARIO: readonly Objective[] = ['min-cvar', 'efficient-cvar', 'min-cdar', 'efficient-cdar'];
const CLOSED_FORM: readonly Objective[] = ['hrp', 'risk-parity'];

/** Why `flag` is unused under `o` (null when it is used). `given` = the optimisation flags on the command line. */
export function unusedFlagReason(flag: string, o: OptimizeOptions, given: ReadonlySet<string>): string | null {
  const obj = o.objective;
  const measure = o.advanced?.riskMeasure ?? 'volatility';
  const scenario = SCENARIO.includes(obj) || (obj === 'efficient-risk' && (measure === 'cvar' || measure === 'cdar'));
  const semi = obj === 'min-semivariance' || measure === 'semideviation';
  switch (flag) {
    case 'target-volatility':
      return obj === 'efficient-risk' && measure === 'volatility' ? null : 'only efficient-risk (volatility) takes a volatility target';
    case 'target-risk':
      return obj === 'efficient-risk' && measure !== 'volatility' ? null : 'only efficient-risk with --risk-measure semideviation|cvar|cdar takes --target-risk';
    case 'risk-measure':
      return obj === 'efficient-risk' || obj === 'max-utility' ? null : 'only efficient-risk and max-utility take another risk measure';
    case 'target-return':
      return ['efficient-return', 'efficient-cvar', 'efficient-cdar', 'min-semivariance'].includes(obj) ? null : 'only efficient-return, efficient-cvar, efficient-cdar and min-semivariance take a return target';
    case 'risk-aversion':
      return obj === 'max-utility' || obj === 'worst-case-mv' ? null : 'only max-utility and worst-case-mv take a risk aversion';
    case 'beta':
      return scenario ? null : 'only CVaR / CDaR objectives take a confidence level';
    case 'span':
      return o.estimators.returns === 'ema' || o.estimators.risk === 'exp' ? null : 'the span applies to --returns ema and --risk exp only';
    case 'market':
      return o.estimators.returns === 'capm' || o.blackLitterman?.riskAversion === 'market' ? null : 'the market series applies to --returns capm (or views with riskAversion "market") only';
    case 'benchmark':
      return o.estimators.risk === 'semicovariance' || semi ? null : 'the benchmark applies to --risk semicovariance and semivariance objectives only';
    case 'current-weights':
      if (!given.has('tx-cost') && !given.has('max-turnover')) return 'current weights are used with --tx-cost or --max-turnover only';
      return closedForm(obj) ?? sharpe(obj, flag);
    case 'benchmark-weights':
      if (!given.has('tracking-error')) return 'benchmark weights are used with --tracking-error only';
      return null;
    case 'bounds':
    case 'bound':
      return obj === 'hrp' ? 'HRP ignores weight bounds (as PyPortfolioOpt)' : null;
    case 'market-neutral':
    case 'group':
    case 'l2':
    case 'max-holdings':
      return closedForm(obj) ?? (flag === 'market-neutral' && obj === 'max-sharpe' ? 'max-sharpe is undefined for a market-neutral portfolio' : null);
    case 'tx-cost':
    case 'max-turnover':
      return closedForm(obj) ?? sharpe(obj, flag);
    case 'tracking-error':
      if (closedForm(obj)) return closedForm(obj);
      if (scenario || semi || obj === 'max-return' || obj === 'max-sharpe') return `${obj} does not support a tracking-error cap`;
      return null;
    default:
      return null;
  }
}

function closedForm(obj: Objective): string | null {
  return CLOSED_FORM.includes(obj) ? `${obj} is a closed-form allocation that does not use it` : null;
}

function sharpe(obj: Objective, flag: string): string | null {
  return obj === 'max-sharpe' ? `max-sharpe does not support --${flag} (it breaks its change of variables)` : null;
}

/** Optimisation flags this check covers (the others — source, window, output — always apply). */
export const CHECKED_FLAGS = [
  'target-volatility', 'target-risk', 'risk-measure', 'target-return', 'risk-aversion', 'beta', 'span', 'market', 'benchmark',
  'current-weights', 'benchmark-weights', 'bounds', 'bound', 'market-neutral', 'group', 'l2', 'max-holdings', 'tx-cost', 'max-turnover', 'tracking-error',
] as const;
