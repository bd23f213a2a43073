/**
 * Returns-based factor attribution of a backtest: regress the portfolio's excess returns on a factor
 * set (OLS with intercept, whole period), then split each calendar month's excess return into
 * β_a·Σf_a (per factor) and the specific rest (alpha + residual). Sums of per-period returns, not
 * compounded, so the parts add up exactly.
 */
import type { FactorAttribution, FactorSeries } from '../../../shared/domain/factors.js';
import type { DatedValue } from '../../../shared/api/backtest.js';
import { fail, ok, type CoreResult } from '../result.js';
import { alignWithFactors } from './align.js';
import { regressOnFactors } from './ols.js';

/** Attribution of the equity curve (values by date) against `series` (its factors but RF, or `factors`). */
export function attributeBacktest(equity: readonly DatedValue[], series: FactorSeries, factors?: readonly string[]): CoreResult<FactorAttribution> {
  const dates: string[] = [];
  const values: number[] = [];
  for (let t = 1; t < equity.length; t++) {
    dates.push(equity[t]!.date);
    values.push(equity[t]!.value / equity[t - 1]!.value - 1);
  }
  const r = { dates, tickers: ['portfolio'], values: Float64Array.from(values), n: 1, T: dates.length };
  const aligned = alignWithFactors(r, series, factors);
  if ('error' in aligned) return fail('invalid-input', aligned.error);
  const k = aligned.factors.length;
  const T = aligned.dates.length;
  if (T < k + 3) return fail('insufficient-data', `only ${T} backtest periods overlap factor set ${series.set}; attribution needs ${k + 3}`);
  const reg = regressOnFactors(aligned.y, T, 1, aligned.x, k);
  const rfCol = series.factors.indexOf('RF');
  const rfByDate = new Map(series.dates.map((d, s) => [d, rfCol >= 0 ? (series.values[s]![rfCol] ?? 0) : 0]));
  const periods: FactorAttribution['periods'] = [];
  const totals = { excess: 0, rf: 0, factors: Object.fromEntries(aligned.factors.map((f) => [f, 0])), specific: 0 };
  for (let t = 0; t < T; t++) {
    const key = aligned.dates[t]!.slice(0, 7);
    let p = periods.at(-1);
    if (!p || p.period !== key) periods.push((p = { period: key, excess: 0, rf: 0, factors: Object.fromEntries(aligned.factors.map((f) => [f, 0])), specific: 0 }));
    const y = aligned.y[t]!;
    let explained = 0;
    aligned.factors.forEach((f, a) => {
      const c = reg.betas[a]! * aligned.x[t * k + a]!;
      p.factors[f] = p.factors[f]! + c;
      totals.factors[f] = totals.factors[f]! + c;
      explained += c;
    });
    const rf = rfByDate.get(aligned.dates[t]!) ?? 0;
    p.excess += y;
    p.rf += rf;
    p.specific += y - explained;
    totals.excess += y;
    totals.rf += rf;
    totals.specific += y - explained;
  }
  const warnings: string[] = [];
  if (!aligned.excessOfRf) warnings.push(`factor set ${series.set} has no RF column: raw returns were attributed`);
  if (series.frequency === 'daily' && T < equity.length - 1) warnings.push(`${equity.length - 1 - T} backtest periods have no factor returns and are left out`);
  return ok({
    set: series.set,
    factors: aligned.factors,
    betas: Object.fromEntries(aligned.factors.map((f, a) => [f, reg.betas[a]!])),
    tStats: Object.fromEntries(aligned.factors.map((f, a) => [f, Number.isFinite(reg.tStats[a]!) ? reg.tStats[a]! : null])),
    r2: Number.isFinite(reg.r2[0]!) ? reg.r2[0]! : null,
    periods,
    totals,
    observations: T,
    warnings,
  });
}
