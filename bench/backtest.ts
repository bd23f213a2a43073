/**
 * Backtest speed (issue 6 goals): a 20-year daily backtest of 100 assets with monthly walk-forward
 * max-Sharpe re-optimisation (≤ 5 s; also timed with every window re-estimated from scratch), and a
 * 10,000-path 5-year block bootstrap for 50 assets (≤ 3 s).
 * Prints one JSON object. Data: a seeded one-factor random walk (no files needed).
 */
import { performance } from 'node:perf_hooks';
import { backtestSettingsSchema } from '../shared/api/backtest.js';
import { optimizeOptionsSchema } from '../shared/domain/optimize.js';
import {
  blockBootstrap,
  buildBacktestReport,
  constantMixReturns,
  runBacktest,
  walkForwardOptimiser,
  type Reoptimize,
} from '../src-main/core/backtest/index.js';
import { mulberry32 } from '../src-main/core/backtest/prng.js';
import type { PriceMatrix } from '../src-main/core/price-matrix.js';
import { installNativeKernel } from '../src-main/native-kernel-loader.js';

installNativeKernel();

function prices(m: number, days: number, seed: number): PriceMatrix {
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const dates: string[] = [];
  const d = new Date('2004-01-01T00:00:00Z');
  while (dates.length < days) {
    if (d.getUTCDay() % 6 !== 0) dates.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  const values = new Float64Array(days * m);
  const level = new Float64Array(m).fill(100);
  const drift = Float64Array.from({ length: m }, (_, j) => 0.0001 + 0.0004 * (j / m));
  const vol = Float64Array.from({ length: m }, (_, j) => 0.008 + 0.012 * (((j * 37) % m) / m));
  for (let t = 0; t < days; t++) {
    const market = gauss();
    for (let j = 0; j < m; j++) {
      if (t > 0) level[j] = level[j]! * (1 + drift[j]! + vol[j]! * (0.6 * market + 0.8 * gauss()));
      values[t * m + j] = level[j]!;
    }
  }
  return { dates, tickers: Array.from({ length: m }, (_, j) => `A${j}`), values };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const days = 20 * 252;
// Three more years in front, so the rolling 756-day window is full on the first day of the 20 years.
const universe = prices(100, days + 756, 11);
const tickers = universe.tickers;

// 1. Walk-forward max-Sharpe, monthly, 3-year rolling window.
const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe' });
// The optimiser the backtest job uses (covariance carried between rebalances), counting failures.
const solver = walkForwardOptimiser(options);
let failures = 0;
const reoptimize: Reoptimize = async (window, estimates) => {
  const r = await solver(window, estimates);
  if (!r.ok) failures++;
  return r;
};
// Windows without a solution hold the previous weights, so the run completes and counts them.
const wfSettings = backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 756 }, rebalance: { kind: 'calendar', every: 'monthly' }, onFail: 'hold' });
// CPU time next to wall time: on a shared 2-core machine the wall clock also measures the neighbours.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Warm-up (JIT) of both paths on a short history, so neither timing below pays for compilation alone.
const warm = prices(100, 756 + 120, 13);
await buildBacktestReport(warm, warm.tickers, wfSettings, 0, solver);
await buildBacktestReport(warm, warm.tickers, wfSettings, 0, (window) => solver(window));
let c0 = cpu();
let t0 = performance.now();
const wf = await buildBacktestReport(universe, tickers, wfSettings, 0, reoptimize);
const walkForwardMs = performance.now() - t0;
const walkForwardCpuMs = cpu() - c0;

// 1b. The same with every window re-estimated from scratch (what the carried covariance saves).
c0 = cpu();
t0 = performance.now();
const scratch = await buildBacktestReport(universe, tickers, wfSettings, 0, (window) => solver(window));
const scratchMs = performance.now() - t0;
const scratchCpuMs = cpu() - c0;

// 2. Static monthly rebalancing of the same universe (the engine alone).
const equal = Object.fromEntries(tickers.map((t) => [t, 1 / tickers.length]));
c0 = cpu();
t0 = performance.now();
const stat = await runBacktest(universe, { weights: equal, minHistory: 757, rebalance: { kind: 'calendar', every: 'monthly' }, costBps: 10 });
const staticMs = performance.now() - t0;
const staticCpuMs = cpu() - c0;

// 3. Block bootstrap: 10 000 paths × 5 years for 50 assets.
const fifty = prices(50, days, 12); // 20 years of history to draw blocks from
const w50 = Object.fromEntries(fifty.tickers.map((t) => [t, 1 / 50]));
c0 = cpu();
t0 = performance.now();
const mix = constantMixReturns(fifty, w50);
const mc = mix.ok ? blockBootstrap(mix.value.returns, { paths: 10_000, horizons: [1, 5] }) : mix;
const bootstrapMs = performance.now() - t0;
const bootstrapCpuMs = cpu() - c0;

process.stdout.write(
  `${JSON.stringify(
    {
      walkForward: {
        assets: 100,
        days,
        window: 'rolling:756',
        backtestDays: wf.ok ? wf.value.equity.length : 0,
        rebalance: 'monthly',
        objective: 'max-sharpe',
        ok: wf.ok,
        solves: wf.ok ? wf.value.rebalances.length : 0,
        failedSolves: failures,
        ms: round(walkForwardMs),
        cpuMs: round(walkForwardCpuMs),
        goalMs: 5000,
        cagr: wf.ok ? wf.value.metrics.cagr : null,
      },
      walkForwardFromScratch: {
        ok: scratch.ok,
        ms: round(scratchMs),
        cpuMs: round(scratchCpuMs),
        sameCagr: scratch.ok && wf.ok ? Math.abs(scratch.value.metrics.cagr! - wf.value.metrics.cagr!) < 1e-9 : false,
      },
      staticMonthly: { assets: 100, days: stat.ok ? stat.value.dates.length : 0, ok: stat.ok, ms: round(staticMs), cpuMs: round(staticCpuMs) },
      bootstrap: {
        assets: 50,
        paths: 10_000,
        years: 5,
        ok: mc.ok,
        ms: round(bootstrapMs),
        cpuMs: round(bootstrapCpuMs),
        goalMs: 3000,
        p50Year5: mc.ok ? mc.value.horizons[1]!.p50 : null,
      },
    },
    null,
    2,
  )}\n`,
);
