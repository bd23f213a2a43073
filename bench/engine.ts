/**
 * Mean-variance engine benchmark on the shared synthetic data (../shared/bench: pfbench-v1, seed 42):
 * covariance (kernel named in the output: native C or JS; the JS kernel is timed too), the PSD check
 * (fixNonPsd's Cholesky, native and JS), long-only min-volatility with w ≤ 10 % and 4 sector caps of 40 %, the exact long-only
 * frontier (critical line, w ≤ 10 %), a 50-point constrained frontier, and the Black–Litterman posterior.
 *
 *   npx tsx bench/engine.ts [N…] [--no-reference]     (default N = 50 200 500 1000; part of `npm run bench`)
 *
 * For each N it runs `python3 ../shared/bench/reference.py N 2520 --sections cov,bl --write-prices FILE`
 * in the same run and prints ratios ours/numpy. The reference's QP/frontier sections need native solvers
 * (highspy, OSQP, Clarabel) that this machine does not have (scipy SLSQP takes minutes at N = 500), so QP
 * figures are compared with the native-HiGHS figures of ../shared/bench/README.md (n = 500: min-variance
 * 16 ms, 50-point frontier 0.69 s) and with the reference objective when the qp section was run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { optimizeOptionsSchema } from '../shared/domain/optimize.js';
import { blackLitterman } from '../src-main/core/optimize/black-litterman.js';
import { criticalLine } from '../src-main/core/optimize/cla.js';
import { frontierOf } from '../src-main/core/optimize/frontier.js';
import { minVolatility } from '../src-main/core/optimize/mean-variance.js';
import type { PreparedProblem } from '../src-main/core/optimize/problem.js';
import type { PriceMatrix } from '../src-main/core/price-matrix.js';
import { loadHighs } from '../src-main/core/optimize/lp/highs-runtime.js';
import { quadForm } from '../src-main/core/stats/linalg.js';
import { meanHistoricalReturn } from '../src-main/core/stats/expected-returns.js';
import { returnsFromPrices } from '../src-main/core/stats/returns.js';
import { fixNonPsd, sampleCov } from '../src-main/core/stats/risk-models.js';
import { gramKernelName, useGramKernel } from '../src-main/core/stats/gram.js';
import { installNativeKernel } from '../src-main/native-kernel-loader.js';

installNativeKernel();

const T = 2520;
const sizes = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const ns = sizes.length > 0 ? sizes : [50, 200, 500, 1000];
const withReference = !process.argv.includes('--no-reference');
const referenceScript = new URL('../../shared/bench/reference.py', import.meta.url).pathname;
const README_NATIVE = { minvarHighs500Ms: 16, frontierHighs500Ms: 690 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall and CPU time: the machines are shared, so CPU time shows how much was pre-emption. */
async function time<T>(
  fn: () => T | Promise<T>,
  reps: number,
): Promise<{ ms: number; cpuMs: number; minMs: number; minCpuMs: number; firstMs: number; reps: number; value: T }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let value!: T;
  for (let k = 0; k < reps; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpus), minMs: Math.min(...times), minCpuMs: Math.min(...cpus), firstMs: times[0]!, reps, value };
}

function readPrices(path: string): PriceMatrix {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const tickers = lines[0]!.split(',').slice(1);
  const n = tickers.length;
  const values = new Float64Array((lines.length - 1) * n);
  const dates: string[] = [];
  lines.slice(1).forEach((l, t) => {
    const cells = l.split(',');
    dates.push(cells[0]!);
    for (let j = 0; j < n; j++) values[t * n + j] = Number(cells[j + 1]);
  });
  return { dates, tickers, values };
}

// A fresh worker's first WASM solves are slow: load and warm HiGHS (used for LP ends of frontiers) once.
await loadHighs();
const out: Record<string, unknown> = {};
for (const n of ns) {
  const file = `/tmp/frontier-bench-p${n}-${T}.csv`;
  let ref: { results: Record<string, { median_ms?: number }>; info: Record<string, unknown> } | undefined;
  if (withReference || !existsSync(file)) {
    // One BLAS thread, as our kernels use: without threadpoolctl installed the reference's "1t" rows
    // would otherwise run OpenBLAS on every core.
    const oneThread = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    const text = execFileSync('python3', [referenceScript, String(n), String(T), '--sections', 'cov,bl', '--budget', '0.5', '--write-prices', file], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, ...oneThread },
    });
    ref = JSON.parse(text);
  }
  const prices = readPrices(file);
  const r = returnsFromPrices(prices);
  const rets = await time(() => returnsFromPrices(prices), 5);
  // Same operation as the reference's cov(R): centred cross product of the returns (returns timed apart).
  // Many repetitions and the minimum as well as the median: the machine is shared, the minimum is the
  // least disturbed run.
  const cov = await time(() => sampleCov(r, 252), n >= 1000 ? 9 : 15);
  useGramKernel('js');
  const covJs = await time(() => sampleCov(r, 252), n >= 500 ? 1 : 3);
  // The PSD check run before every estimate (fixNonPsd's Cholesky; a PSD matrix is returned as is).
  const psdJs = await time(() => fixNonPsd(cov.value, n), n >= 500 ? 1 : 3);
  useGramKernel('auto');
  const psd = await time(() => fixNonPsd(cov.value, n), 5);
  const mu = meanHistoricalReturn(r, 252, false); // the reference problem uses arithmetic means ×252
  const groups = [0, 1, 2, 3].map((g) => ({ name: `S${g}`, tickers: prices.tickers.filter((_, i) => i % 4 === g), max: 0.4 }));
  const problem = (withGroups: boolean): PreparedProblem => ({
    tickers: prices.tickers,
    n,
    mu,
    cov: cov.value,
    returns: new Float64Array(0),
    T: 0,
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(0.1),
    options: optimizeOptionsSchema.parse({ constraints: { bounds: [0, 0.1], groups: withGroups ? groups : [] } }),
  });
  const mv = await time(() => minVolatility(problem(true)), n >= 1000 ? 1 : 3);
  const mvSol = mv.value.ok ? mv.value.value : undefined;
  const cla = await time(() => criticalLine(problem(false)), n >= 1000 ? 1 : 3);
  const fr = await time(() => frontierOf(problem(true), 50), 1);
  // Black–Litterman: 5 views of random portfolios (as the reference), market prior of equal weights
  const views = Array.from({ length: 5 }, (_, k) => ({ long: prices.tickers.filter((_, i) => i % 5 === k), short: [], return: 0.05 + 0.01 * k }));
  const pi = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pi[i] = pi[i]! + 2.5 * cov.value[i * n + j]! / n;
  const blSettings = { prior: 'none' as const, tau: 0.05, omega: 'proportional' as const, views };
  const bl = await time(() => blackLitterman(prices.tickers, cov.value, pi, blSettings, 2.5), 5);
  const refMs = (k: string) => ref?.results[k]?.median_ms;
  const refCpu = (k: string) => (ref?.results[k] as { cpu_median_ms?: number } | undefined)?.cpu_median_ms;
  const ratio = (ours: number, theirs: number | undefined) => (theirs ? Number((ours / theirs).toFixed(2)) : null);
  const refMin = (k: string) => (ref?.results[k] as { min_ms?: number } | undefined)?.min_ms;
  out[`n${n}`] = {
    covariance: {
      kernel: gramKernelName(),
      ms: cov.ms,
      minMs: cov.minMs,
      cpuMs: cov.cpuMs,
      minCpuMs: cov.minCpuMs,
      reps: cov.reps,
      numpy1tMs: refMs('cov_numpy_1t'),
      numpy1tMinMs: refMin('cov_numpy_1t'),
      numpy1tCpuMs: refCpu('cov_numpy_1t'),
      ratio: ratio(cov.ms, refMs('cov_numpy_1t')),
      minRatio: ratio(cov.minMs, refMin('cov_numpy_1t')),
      cpuRatio: ratio(cov.cpuMs, refCpu('cov_numpy_1t')),
      jsKernelMs: covJs.ms,
      jsKernelCpuMs: covJs.cpuMs,
      goal: '≤ 3× numpy single-thread',
    },
    psdCheck: {
      kernel: gramKernelName(),
      repaired: psd.value.repaired,
      ms: psd.ms,
      minMs: psd.minMs,
      cpuMs: psd.cpuMs,
      minCpuMs: psd.minCpuMs,
      jsKernelMs: psdJs.ms,
      jsKernelCpuMs: psdJs.cpuMs,
    },
    returnsFromPrices: { ms: rets.ms, cpuMs: rets.cpuMs, numpyMs: refMs('returns_from_prices'), ratio: ratio(rets.ms, refMs('returns_from_prices')) },
    minVolatility: {
      ms: mv.ms,
      cpuMs: mv.cpuMs,
      firstMs: mv.firstMs,
      solver: mvSol?.solver,
      iterations: mvSol?.iterations,
      kkt: mvSol?.kkt,
      objective: mvSol ? 0.5 * quadForm(cov.value, n, mvSol.weights) : null,
      ...(n === 500 ? { ratioToReadmeHighsNative: ratio(mv.ms, README_NATIVE.minvarHighs500Ms), goalMs: 30 } : {}),
    },
    claExactFrontier: cla.value.ok
      ? { ms: cla.ms, cpuMs: cla.cpuMs, turningPoints: cla.value.value.turningPoints.length, iterations: cla.value.value.iterations, ...(n === 500 ? { goalMs: 300 } : {}) }
      : { error: cla.value.error.message },
    frontier50: fr.value.ok
      ? {
          ms: fr.ms,
          cpuMs: fr.cpuMs,
          points: fr.value.value.points.length,
          failedPoints: fr.value.value.diagnostics.failedPoints,
          fallbackPoints: fr.value.value.diagnostics.fallbackPoints,
          ...(n === 500 ? { ratioToReadmeHighsNative: ratio(fr.ms, README_NATIVE.frontierHighs500Ms), goalMs: 1000 } : {}),
        }
      : { error: fr.value.error.message },
    blackLitterman: {
      ms: bl.ms,
      cpuMs: bl.cpuMs,
      numpyWoodburyMs: refMs('bl_woodbury'),
      numpyWoodburyCpuMs: refCpu('bl_woodbury'),
      ratio: ratio(bl.ms, refMs('bl_woodbury')),
      cpuRatio: ratio(bl.cpuMs, refCpu('bl_woodbury')), ...(n === 1000 ? { goalMs: 50 } : {}) },
    loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3),
  };
  process.stderr.write(`engine bench n=${n} done\n`);
}
console.log(JSON.stringify(out, null, 1));
