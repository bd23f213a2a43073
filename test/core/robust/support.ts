/** A PreparedProblem from explicit moments (for objective tests with hand-checkable answers). */
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import type { PreparedProblem } from '../../../src-main/core/optimize/problem.js';

export function problemOf(mu: number[], cov: number[][], options: OptimizeOptionsInput = {}, T = 1000): PreparedProblem {
  const parsed = optimizeOptionsSchema.parse(options);
  const n = mu.length;
  const [lo, hi] = parsed.constraints.bounds;
  return {
    tickers: mu.map((_, i) => `A${i}`),
    n,
    mu: Float64Array.from(mu),
    cov: Float64Array.from(cov.flat()),
    returns: new Float64Array(0),
    T,
    lower: new Float64Array(n).fill(lo),
    upper: new Float64Array(n).fill(hi),
    options: parsed,
  };
}
