/** FactorModel → the JSON shapes of the API (`factors exposures`, `factorRisk` on results). */
import type { FactorExposuresResult, FactorRisk } from '../../../shared/domain/factors.js';
import { decompose, portfolioExposures, type FactorModel } from './risk.js';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Exposures, t-stats, R² and specific vol (annualised) by ticker and factor. */
export function exposuresResult(m: FactorModel): FactorExposuresResult {
  const k = m.factors.length;
  const byTicker = <T>(f: (i: number, a: number) => T) =>
    Object.fromEntries(m.tickers.map((t, i) => [t, Object.fromEntries(m.factors.map((name, a) => [name, f(i, a)]))]));
  return {
    model: m.model,
    factors: m.factors,
    exposures: byTicker((i, a) => m.loadings[i * k + a]!),
    tStats: byTicker((i, a) => (m.tStats ? finiteOrNull(m.tStats[i * k + a]!) : null)),
    r2: Object.fromEntries(m.tickers.map((t, i) => [t, finiteOrNull(m.r2[i]!)])),
    specificVol: Object.fromEntries(m.tickers.map((t, i) => [t, Math.sqrt(m.specificVar[i]!)])),
    factorCovariance: Array.from({ length: k }, (_, a) => Array.from(m.factorCov.subarray(a * k, (a + 1) * k))),
    observations: m.observations,
    frequency: m.frequency,
    ...(m.explained ? { explained: Object.fromEntries(m.factors.map((f, a) => [f, m.explained![a]!])) } : {}),
    warnings: m.warnings,
  };
}

/** The portfolio's factor risk: exposures, variance contributions, specific variance (annualised); active vs `reference` when given. */
export function factorRiskOf(m: FactorModel, w: Float64Array, reference?: { weights: Float64Array; against: 'benchmark' | 'current' }): FactorRisk {
  const d = decompose(m, w);
  const rec = (v: Float64Array) => Object.fromEntries(m.factors.map((f, a) => [f, v[a]!]));
  const out: FactorRisk = {
    model: m.model,
    exposures: rec(d.exposures),
    contributions: rec(d.contributions),
    specific: d.specific,
    totalVariance: d.total,
    volatility: Math.sqrt(Math.max(0, d.total)),
    specificVol: Object.fromEntries(m.tickers.map((t, i) => [t, Math.sqrt(m.specificVar[i]!)])),
  };
  if (reference) {
    const diff = w.map((x, i) => x - reference.weights[i]!);
    out.activeExposures = rec(portfolioExposures(m, diff));
    out.activeAgainst = reference.against;
  }
  return out;
}
