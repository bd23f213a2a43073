/**
 * Loads a reference price CSV (conformance tests only) and derives what scripts/crosscheck-lp uses:
 * daily simple returns, CAGR expected returns per asset history, complete-row scenarios and their
 * sample covariance ×252. Kept independent of the engine's estimators on purpose.
 */
import { readFileSync } from 'node:fs';
import { sharedDataFile } from '../../support/shared-data.js';

export interface ReferenceData {
  tickers: string[];
  /** Latest price per ticker. */
  last: Float64Array;
  mu: Float64Array;
  /** Complete-row daily returns, T×n row-major. */
  scenarios: Float64Array;
  T: number;
  cov: Float64Array;
}

export function loadReference(dataset: 'pypfopt' | 'riskfolio'): ReferenceData {
  const lines = readFileSync(sharedDataFile(dataset, 'stock_prices.csv'), 'utf8').trim().split(/\r?\n/);
  const tickers = lines[0]!.split(',').slice(1);
  const n = tickers.length;
  const P = lines.slice(1).map((l) => l.split(',').slice(1).map((x) => (x === '' ? NaN : Number(x))));
  const rets: number[][] = [];
  for (let t = 1; t < P.length; t++) rets.push(P[t]!.map((p, j) => p / P[t - 1]![j]! - 1));
  const mu = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let logSum = 0;
    let count = 0;
    for (const r of rets) if (!Number.isNaN(r[j]!)) (logSum += Math.log1p(r[j]!)), count++;
    mu[j] = Math.exp((logSum * 252) / count) - 1;
  }
  const complete = rets.filter((r) => r.every((x) => !Number.isNaN(x)));
  const T = complete.length;
  const scenarios = new Float64Array(T * n);
  complete.forEach((r, t) => scenarios.set(r, t * n));
  const mean = new Float64Array(n);
  for (const r of complete) for (let j = 0; j < n; j++) mean[j] = mean[j]! + r[j]! / T;
  const cov = new Float64Array(n * n);
  for (const r of complete) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cov[i * n + j] = cov[i * n + j]! + (r[i]! - mean[i]!) * (r[j]! - mean[j]!);
  }
  for (let k = 0; k < n * n; k++) cov[k] = (cov[k]! * 252) / (T - 1);
  const last = Float64Array.from(tickers, (_, j) => {
    for (let t = P.length - 1; t >= 0; t--) if (!Number.isNaN(P[t]![j]!)) return P[t]![j]!;
    return NaN;
  });
  return { tickers, last, mu, scenarios, T, cov };
}

export interface FixtureCase {
  kind?: 'cvar' | 'cdar';
  beta?: number;
  objective?: number;
  measure?: number;
  expectedReturn?: number;
  weights: number[];
  targetReturn?: number;
  upper?: number;
  maxHoldings?: number;
  groups?: { name: string; tickers: string[]; min?: number; max?: number }[];
  budgets?: number[];
  order?: number[];
}

export interface Fixture {
  dataset: string;
  tickers: string[];
  T: number;
  mu: number[];
  cases: Record<string, FixtureCase>;
  allocation: {
    runs: {
      cash: number;
      greedy: { shares: number[]; leftover: number };
      lp: { shares: number[]; leftover: number; objective: number };
    }[];
  };
}

export function loadFixture(dataset: 'pypfopt' | 'riskfolio'): Fixture {
  const url = new URL(`../../fixtures/crosscheck-lp/${dataset}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture;
}
