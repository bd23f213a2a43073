/**
 * Robustness speed (issue 21 goals), all in one run next to the classical solves they extend:
 * a 500-draw resampled 50-point frontier at n = 100 (≤ 5 s); a 500-draw resampled max-Sharpe at
 * n = 500 (≤ 10 s); worst-case (box, ellipsoid) and crisis-robust solves at n = 500 (≤ 10× the classical
 * max-utility / min-volatility solve on the same prepared problem). Prints one JSON object.
 * Data: a seeded one-factor random walk, 2520 days (no files needed).
 */
import { performance } from 'node:perf_hooks';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../shared/domain/optimize.js';
import { resampleSettingsSchema } from '../shared/domain/robust.js';
import { prepareProblem } from '../src-main/core/optimize/index.js';
import { maxUtility, minVolatility } from '../src-main/core/optimize/mean-variance.js';
import type { PriceMatrix } from '../src-main/core/price-matrix.js';
import { crisisRobust } from '../src-main/core/robust/crisis-robust.js';
import { resampleFrontier } from '../src-main/core/robust/resample.js';
import { worstCaseMv } from '../src-main/core/robust/worst-case.js';
import { mulberry32 } from '../src-main/core/backtest/prng.js';
import { gramKernelName } from '../src-main/core/stats/gram.js';

function prices(m: number, days: number, seed: number): PriceMatrix {
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const values = new Float64Array(days * m);
  const level = new Float64Array(m).fill(100);
  const drift = Float64Array.from({ length: m }, (_, j) => 0.0001 + 0.0005 * (((j * 29) % m) / m));
  const vol = Float64Array.from({ length: m }, (_, j) => 0.008 + 0.014 * (((j * 37) % m) / m));
  for (let t = 0; t < days; t++) {
    // Fat-tailed market days so the turbulent set differs from the quiet one.
    const market = gauss() * (rand() < 0.05 ? 3 : 1);
    for (let j = 0; j < m; j++) {
      if (t > 0) level[j] = level[j]! * (1 + drift[j]! + vol[j]! * (0.6 * market + 0.8 * gauss()));
      values[t * m + j] = level[j]!;
    }
  }
  const dates = Array.from({ length: days }, (_, t) => `d${String(t).padStart(5, '0')}`);
  return { dates, tickers: Array.from({ length: m }, (_, j) => `A${j}`), values };
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

async function timeMin(runs: number, f: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await f();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(best * 100) / 100;
}

const out: Record<string, unknown> = { kernel: gramKernelName() };

// 1. Resampled 50-point frontier, n = 100, 500 draws, long-only with a 10 % cap.
{
  const p = prices(100, 2520, 3);
  const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe', constraints: { bounds: [0, 0.1] } } satisfies OptimizeOptionsInput);
  for (const method of ['normal', 'bootstrap'] as const) {
    const t0 = performance.now();
    const r = await resampleFrontier(p, options, resampleSettingsSchema.parse({ draws: 500, points: 50, method }), undefined);
    out[`resampledFrontier_n100_500draws_50points_${method}`] = { ms: ms(t0), goalMs: 5000, failedDraws: r.ok ? r.value.failedDraws : r.error.message };
  }
}

// 2. Resampled max-Sharpe, n = 500, 500 draws.
const big = prices(500, 2520, 5);
{
  const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe', constraints: { bounds: [0, 0.05] } });
  const t0 = performance.now();
  const r = await resampleFrontier(big, options, resampleSettingsSchema.parse({ draws: 500 }), undefined);
  out.resampledMaxSharpe_n500_500draws = { ms: ms(t0), goalMs: 10_000, failedDraws: r.ok ? r.value.failedDraws : r.error.message };
}

// 3. Worst-case and crisis-robust at n = 500 vs the classical solve on the same prepared problem.
{
  const base = optimizeOptionsSchema.parse({ constraints: { bounds: [0, 0.05] }, targets: { riskAversion: 4 } });
  const prep = prepareProblem(big, base);
  if (!prep.ok) throw new Error(prep.error.message);
  const p = prep.value.problem;
  const withRobust = (uncertainty: 'box' | 'ellipsoid') => ({ ...p, options: { ...p.options, robust: { uncertainty, confidence: 0.95 } } });
  const classicalUtility = await timeMin(5, () => maxUtility(p));
  const classicalMinVol = await timeMin(5, () => minVolatility(p));
  const box = await timeMin(5, () => worstCaseMv(withRobust('box')));
  const ellipsoid = await timeMin(3, () => worstCaseMv(withRobust('ellipsoid')));
  const crisis = await timeMin(3, () => crisisRobust(p));
  out.worstCaseBox_n500 = { ms: box, classicalMaxUtilityMs: classicalUtility, ratio: Math.round((box / classicalUtility) * 100) / 100, goalRatio: 10 };
  out.worstCaseEllipsoid_n500 = { ms: ellipsoid, classicalMaxUtilityMs: classicalUtility, ratio: Math.round((ellipsoid / classicalUtility) * 100) / 100, goalRatio: 10 };
  out.crisisRobust_n500 = { ms: crisis, classicalMinVolatilityMs: classicalMinVol, ratio: Math.round((crisis / classicalMinVol) * 100) / 100, goalRatio: 10, note: 'includes the turbulence index and the turbulent covariance of 2520 days' };
}

console.log(JSON.stringify(out, null, 2));
