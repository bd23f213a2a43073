/**
 * Out-of-sample comparison of the robust portfolios: the same walk-forward backtest (window, rebalance
 * calendar, costs) run for the classical scenario and its shrunk, resampled, worst-case and
 * crisis-robust variants; one row of realised figures each.
 */
import type { BacktestReport, BacktestSettingsParsed } from '../../../shared/api/backtest.js';
import type { OptimizeOptions } from '../../../shared/domain/optimize.js';
import { resampleSettingsSchema, type RobustnessComparison, type RobustnessRow, type RobustnessStrategy } from '../../../shared/domain/robust.js';
import { buildBacktestReport } from '../backtest/report.js';
import type { Reoptimize } from '../backtest/types.js';
import { walkForwardOptimiser } from '../backtest/walk-forward-optimiser.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { resampleFrontier } from './resample.js';

export interface RobustnessSettings {
  strategies: readonly RobustnessStrategy[];
  /** Draws of the resampled strategy at each rebalance (kept small: it re-solves every draw every rebalance). */
  resampleDraws: number;
  seed: number;
}

/** The options each strategy optimises with (classical = the scenario's own). */
export function strategyOptions(strategy: RobustnessStrategy, options: OptimizeOptions): OptimizeOptions {
  switch (strategy) {
    case 'classical':
    case 'resampled':
      return options;
    case 'shrunk':
      return { ...options, estimators: { ...options.estimators, returns: 'james-stein' } };
    case 'worst-case':
      return { ...options, objective: 'worst-case-mv' };
    case 'crisis-robust':
      return { ...options, objective: 'crisis-robust' };
  }
}

function describe(strategy: RobustnessStrategy, o: OptimizeOptions, draws: number): string {
  switch (strategy) {
    case 'classical':
      return `${o.objective}, ${o.estimators.returns} means, ${o.estimators.risk} covariance`;
    case 'shrunk':
      return `${o.objective} on James–Stein means (${o.estimators.shrinkTarget})`;
    case 'resampled':
      return `${o.objective} averaged over ${draws} resampled windows`;
    case 'worst-case':
      return `worst-case mean-variance, ${o.robust.uncertainty} set at ${(o.robust.confidence * 100).toFixed(0)} %`;
    case 'crisis-robust':
      return `min of the worse of normal and turbulent variance (${(o.estimators.turbulence.share * 100).toFixed(0)} % turbulent days)`;
  }
}

function reoptimiserFor(strategy: RobustnessStrategy, options: OptimizeOptions, settings: RobustnessSettings, hooks?: CoreHooks): Reoptimize {
  const isCancelled = () => hooks?.isCancelled() === true;
  if (strategy !== 'resampled') return walkForwardOptimiser(strategyOptions(strategy, options), isCancelled);
  const rs = resampleSettingsSchema.parse({ draws: settings.resampleDraws, seed: settings.seed });
  return async (window) => {
    if (isCancelled()) throw new Cancelled();
    const r = await resampleFrontier(window, options, rs, undefined);
    return r.ok ? ok(r.value.weights) : r;
  };
}

function rowOf(strategy: RobustnessStrategy, description: string, report: BacktestReport): RobustnessRow {
  const m = report.metrics;
  const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const fellBack = report.warnings.filter((w) => /fell back|could not be solved|failed/i.test(w)).length;
  return {
    strategy,
    description,
    turnover: num(m.turnover),
    realisedVolatility: num(m.volatility),
    sharpe: num(m.sharpe),
    maxDrawdown: num(m.maxDrawdown),
    cagr: num(m.cagr),
    fallbacks: fellBack,
    rebalances: report.rebalances.length,
    equity: report.equity.map((e) => ({ date: e.date, value: e.value / report.initialValue })),
  };
}

/** Runs the walk-forward backtest once per strategy on the same prices and settings; progress per strategy. */
export async function compareRobustness(
  prices: PriceMatrix,
  assets: readonly string[],
  backtest: BacktestSettingsParsed,
  options: OptimizeOptions,
  settings: RobustnessSettings,
  hooks?: CoreHooks,
): Promise<CoreResult<RobustnessComparison>> {
  if (!backtest.walkForward) return fail('invalid-input', 'the robustness comparison re-optimises out of sample: give a walk-forward window');
  const rows: RobustnessRow[] = [];
  const warnings: string[] = [];
  const total = settings.strategies.length;
  for (let k = 0; k < total; k++) {
    const strategy = settings.strategies[k]!;
    if (hooks?.isCancelled()) throw new Cancelled();
    hooks?.progress(k, total, `${strategy} walk-forward`);
    const o = strategyOptions(strategy, options);
    const report = await buildBacktestReport(prices, assets, backtest, options.targets.rf, reoptimiserFor(strategy, options, settings, hooks), {
      progress: (done: number, all: number) => hooks?.progress(k + (all > 0 ? done / all : 0), total, `${strategy} walk-forward`),
      isCancelled: () => hooks?.isCancelled() === true,
    });
    if (!report.ok) {
      if (report.error.code === 'cancelled') throw new Cancelled();
      return fail(report.error.code, `${strategy}: ${report.error.message}`, report.error.details);
    }
    for (const w of report.value.warnings) warnings.push(`${strategy}: ${w}`);
    rows.push(rowOf(strategy, describe(strategy, o, settings.resampleDraws), report.value));
  }
  hooks?.progress(total, total);
  const first = rows[0]?.equity;
  return ok({ rows, start: first?.[0]?.date ?? '', end: first?.at(-1)?.date ?? '', warnings });
}
