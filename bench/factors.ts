/**
 * Factor-model benchmark (seeded synthetic data, one run):
 *   - time-series regression of 1000 assets on 6 factors over 2520 days (goal ≤ 200 ms);
 *   - PCA with k = 10 at n = 1000 over 2520 days: the sample covariance (native kernel when built) plus
 *     the leading eigenvectors by subspace iteration (goal ≤ 300 ms);
 *   - min-volatility at n = 2000 (long-only, w ≤ 2 %) on the factor risk model: the low-rank dual
 *     (core/factors/low-rank-qp.ts) against the dense QP on the same Σ = BΣ_FBᵀ + D (goal ≤ 200 ms and
 *     faster than dense), with the objective gap.
 *
 *   npx tsx bench/factors.ts        (part of `npm run bench`; `npm run bench -- factors`)
 */
import { optimizeOptionsSchema } from '../shared/domain/optimize.js';
import type { FactorSeries } from '../shared/domain/factors.js';
import { regressOnFactors } from '../src-main/core/factors/ols.js';
import { pcaOfCovariance } from '../src-main/core/factors/pca.js';
import { prepareProblem } from '../src-main/core/optimize/index.js';
import { minVolatility } from '../src-main/core/optimize/mean-variance.js';
import { mulberry32 } from '../src-main/core/backtest/prng.js';
import { gramKernelName } from '../src-main/core/stats/gram.js';
import { quadForm } from '../src-main/core/stats/linalg.js';
import { sampleCov } from '../src-main/core/stats/risk-models.js';

const T = 2520;

function gauss(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(u(), 1e-300))) * Math.cos(2 * Math.PI * u());
}

/** T×n returns = T×k factors · loadingsᵀ + noise, plus the factors (row-major). */
function data(n: number, k: number, seed: number) {
  const z = gauss(seed);
  const B = Float64Array.from({ length: n * k }, () => 0.3 + 0.7 * z());
  const x = Float64Array.from({ length: T * k }, (_, i) => (0.01 / (1 + (i % k) * 0.2)) * z());
  const y = new Float64Array(T * n);
  for (let t = 0; t < T; t++)
    for (let j = 0; j < n; j++) {
      let s = 0.01 * z();
      for (let a = 0; a < k; a++) s += B[j * k + a]! * x[t * k + a]!;
      y[t * n + j] = s;
    }
  return { x, y };
}

async function time<V>(fn: () => V | Promise<V>, reps: number): Promise<{ minMs: number; medianMs: number; cpuMs: number; value: V }> {
  const times: number[] = [];
  let cpu = Infinity;
  let value!: V;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  const s = [...times].sort((a, b) => a - b);
  return { minMs: s[0]!, medianMs: s[Math.floor(s.length / 2)]!, cpuMs: cpu, value };
}

const out: Record<string, unknown> = { covarianceKernel: gramKernelName() };

{
  const n = 1000, k = 6;
  const { x, y } = data(n, k, 1);
  const r = await time(() => regressOnFactors(y, T, n, x, k), 7);
  out.tsRegression = { n, k, T, minMs: r.minMs, medianMs: r.medianMs, cpuMs: r.cpuMs, goalMs: 200, meanR2: r.value.r2.reduce((s, v) => s + v, 0) / n };
}

{
  const n = 1000, k = 10;
  const { y } = data(n, k, 2);
  const ret = { dates: Array.from({ length: T }, (_, t) => String(t)), tickers: Array.from({ length: n }, (_, j) => `A${j}`), values: y, n, T };
  const cov = await time(() => sampleCov(ret, 1), 5);
  const eig = await time(() => pcaOfCovariance(cov.value, n, k), 5);
  out.pca = {
    n, k, T,
    covarianceMs: cov.minMs,
    eigenMs: eig.minMs,
    totalMs: cov.minMs + eig.minMs,
    medianTotalMs: cov.medianMs + eig.medianMs,
    iterations: eig.value.iterations,
    converged: eig.value.converged,
    goalMs: 300,
  };
}

{
  const n = 2000, k = 6;
  const { x, y } = data(n, k, 3);
  const dates: string[] = [];
  const d = new Date(Date.UTC(2010, 0, 4));
  while (dates.length < T + 1) {
    if (d.getUTCDay() % 6 !== 0) dates.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  const values = new Float64Array((T + 1) * n).fill(100);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) values[(t + 1) * n + j] = values[t * n + j]! * (1 + y[t * n + j]!);
  const factors = Array.from({ length: k }, (_, a) => `F${a + 1}`);
  const series: FactorSeries = { set: 'B', frequency: 'daily', factors, dates: dates.slice(1), values: Array.from({ length: T }, (_, t) => Array.from(x.subarray(t * k, (t + 1) * k))) };
  const options = optimizeOptionsSchema.parse({
    estimators: { risk: 'factor' },
    constraints: { bounds: [0, 0.02] },
    factorModel: { model: 'ts:B', data: { series } },
  });
  const prep = await time(() => prepareProblem({ dates, tickers: Array.from({ length: n }, (_, j) => `A${j}`), values }, options), 1);
  if (!prep.value.ok) throw new Error(prep.value.error.message);
  const p = prep.value.value.problem;
  const fast = await time(() => minVolatility(p), 5);
  const dense = await time(() => minVolatility({ ...p, factorModel: undefined }), 1);
  if (!fast.value.ok || !dense.value.ok) throw new Error('min-volatility failed');
  const vf = quadForm(p.cov, n, fast.value.value.weights);
  const vd = quadForm(p.cov, n, dense.value.value.weights);
  let maxDiff = 0;
  for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(fast.value.value.weights[i]! - dense.value.value.weights[i]!));
  out.minVolatilityFactorModel = {
    n, k, T,
    factorSolver: fast.value.value.solver,
    factorMs: fast.minMs,
    factorMedianMs: fast.medianMs,
    factorIterations: fast.value.value.iterations,
    denseSolver: dense.value.value.solver,
    denseMs: dense.minMs,
    speedup: dense.minMs / fast.minMs,
    varianceFactor: vf,
    varianceDense: vd,
    relativeObjectiveGap: (vf - vd) / vd,
    maxWeightDifference: maxDiff,
    prepareMs: prep.minMs,
    goalMs: 200,
  };
}

process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
