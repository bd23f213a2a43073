/** Builds PreparedProblems for tests from synthetic scenarios (moments computed here, independently). */
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import type { PreparedProblem } from '../../../src-main/core/optimize/problem.js';

export function lcgScenarios(T: number, n: number, seed = 7): Float64Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const market = (rnd() - 0.5) * 0.04;
    for (let j = 0; j < n; j++) out[t * n + j] = 0.0003 * (j + 1) + market * (0.4 + j * 0.15) + (rnd() - 0.5) * 0.02 * (1 + (j % 3) * 0.3);
  }
  return out;
}

export function problemFrom(returns: Float64Array, T: number, n: number, input: OptimizeOptionsInput): PreparedProblem {
  const options = optimizeOptionsSchema.parse(input);
  const mean = new Float64Array(n);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) mean[j] = mean[j]! + returns[t * n + j]! / T;
  const cov = new Float64Array(n * n);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) cov[i * n + j] = cov[i * n + j]! + (returns[t * n + i]! - mean[i]!) * (returns[t * n + j]! - mean[j]!);
    }
  }
  for (let k = 0; k < n * n; k++) cov[k] = (cov[k]! * 252) / (T - 1);
  const tickers = Array.from({ length: n }, (_, i) => `T${i}`);
  const lower = Float64Array.from(tickers, (t) => (options.constraints.assetBounds[t] ?? options.constraints.bounds)[0]);
  const upper = Float64Array.from(tickers, (t) => (options.constraints.assetBounds[t] ?? options.constraints.bounds)[1]);
  return { tickers, n, mu: Float64Array.from(mean, (m) => m * 252), cov, returns, T, lower, upper, options };
}
