/** The `frontier backtest` and `frontier stress` commands on a real CSV file and a real database. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BacktestReport, StressReport } from '../../shared/api/backtest.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { syntheticPrices } from '../core/backtest/helpers.js';

const dir = tempDir();
const prices = syntheticPrices(['AAA', 'BBB', 'CCC', 'IDX'], 600, 5, '2019-01-01');
const csv = join(dir, 'prices.csv');
const lines = [['date', ...prices.tickers].join(',')];
prices.dates.forEach((d, t) => {
  // BBB starts trading 100 days late: empty cells are missing prices.
  const row = prices.tickers.map((_, j) => (j === 1 && t < 100 ? '' : prices.values[t * 4 + j]!.toFixed(6)));
  lines.push([d, ...row].join(','));
});
writeFileSync(csv, `${lines.join('\n')}\n`);
const weights = join(dir, 'weights.json');
writeFileSync(weights, JSON.stringify({ AAA: 0.5, BBB: 0.3, CCC: 0.2 }));

describe('frontier backtest', () => {
  it('prints the issue’s JSON for static weights with quarterly rebalancing, costs and a benchmark', () => {
    const run = frontier(['backtest', '--prices', csv, '--weights', weights, '--rebalance', 'quarterly', '--cost-bps', '10', '--benchmark', 'IDX', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = run.json<BacktestReport>();
    expect(r.equity[0]).toEqual({ date: prices.dates[0], value: expect.any(Number) });
    expect(r.equity).toHaveLength(600);
    expect(r.drawdown).toHaveLength(600);
    expect(Object.keys(r.metrics)).toEqual(expect.arrayContaining(['cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'cvar95', 'turnover', 'costs']));
    expect(r.metrics.benchmark?.beta).toBeGreaterThan(0);
    // Quarterly: the first trading day of each new quarter.
    for (const reb of r.rebalances.slice(1)) expect(['01', '04', '07', '10']).toContain(reb.date.slice(5, 7));
    // BBB (late) is not held at the start, then joins at the first quarterly rebalance after it appears.
    expect(r.rebalances[0]!.weights.BBB).toBeUndefined();
    expect(r.rebalances.at(-1)!.weights.BBB).toBeGreaterThan(0.25);
    expect(r.metrics.costs).toBeGreaterThan(0);
    expect(r.drawdowns[0]).toEqual(expect.objectContaining({ start: expect.any(String), trough: expect.any(String), depth: expect.any(Number), length: expect.any(Number) }));
  });

  it('runs a walk-forward max-Sharpe backtest in a worker', () => {
    const run = frontier(['backtest', '--prices', csv, '--tickers', 'AAA,BBB,CCC', '--walk-forward', 'rolling:120', '--objective', 'max-sharpe', '--on-fail', 'hold', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = run.json<BacktestReport>();
    expect(r.equity[0]!.date).toBe(prices.dates[119]);
    expect(r.rebalances.length).toBeGreaterThan(10);
    expect(r.warnings.join(' ')).not.toContain('in-sample');
  });

  it('stops on a rebalance it cannot solve unless --on-fail says otherwise, and flags the fallbacks', () => {
    const base = ['backtest', '--prices', csv, '--tickers', 'AAA,BBB,CCC', '--walk-forward', 'rolling:120', '--objective', 'max-sharpe'];
    const stop = frontier([...base, '--json']);
    expect(stop.code).toBe(1);
    expect(stop.stderr).toMatch(/rebalance on \d{4}-\d\d-\d\d could not be solved/);
    const held = frontier([...base, '--on-fail', 'hold', '--json']).json<BacktestReport>();
    expect(held.metrics.fallback!.fellBack).toBeGreaterThan(0);
    expect(held.metrics.fallback!.rebalances).toBe(held.rebalances.length);
    expect(held.fallbacks).toHaveLength(held.metrics.fallback!.fellBack);
    // One warning line for all the failed rebalances with the same reason.
    expect(held.warnings.filter((w) => w.includes('kept the previous weights') || w.includes('stayed in cash')).length).toBeLessThanOrEqual(2);
    const text = frontier([...base, '--on-fail', 'cash']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/FALLBACK: \d+ of \d+ rebalances fell back \(went to cash\)/);
    expect(frontier([...base, '--on-fail', 'maybe']).stderr).toContain('--on-fail: "maybe" is not hold, cash or stop');
  });

  it('takes the optimisation flags of frontier optimize for walk-forward (here a 40 % cap)', () => {
    const run = frontier(['backtest', '--prices', csv, '--tickers', 'AAA,BBB,CCC', '--walk-forward', 'expanding', '--min-history', '60', '--objective', 'min-volatility', '--bounds', '0:0.4', '--rebalance', 'quarterly', '--on-fail', 'hold', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = run.json<BacktestReport>();
    const invested = r.rebalances.filter((x) => Object.keys(x.weights).length === 3);
    expect(invested.length).toBeGreaterThan(2);
    for (const reb of invested) for (const w of Object.values(reb.weights)) expect(w).toBeLessThanOrEqual(0.4 + 1e-6);
  });

  it('prints a readable summary without --json', () => {
    const run = frontier(['backtest', '--prices', csv, '--weights', weights, '--rebalance', 'band:0.05']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/CAGR/);
    expect(run.stdout).toMatch(/worst drawdowns/);
  });

  it('honours the source window: --last N returns and --complete-rows (the benchmark never drops a date)', () => {
    const last = frontier(['backtest', '--prices', csv, '--weights', weights, '--benchmark', 'IDX', '--last', '250', '--json']);
    expect(last.code, last.stderr).toBe(0);
    const r = last.json<BacktestReport>();
    expect(r.equity).toHaveLength(251);
    expect(r.equity[0]!.date).toBe(prices.dates[600 - 251]);
    expect(r.benchmark![0]!.date).toBe(prices.dates[600 - 251]);
    // BBB has no prices on the first 100 days: complete rows start on day 100, and it is held from the start.
    const complete = frontier(['backtest', '--prices', csv, '--weights', weights, '--complete-rows', '--json']);
    expect(complete.code, complete.stderr).toBe(0);
    const c = complete.json<BacktestReport>();
    expect(c.equity[0]!.date).toBe(prices.dates[100]);
    expect(c.equity).toHaveLength(500);
    expect(c.rebalances[0]!.weights.BBB).toBeCloseTo(0.3, 2);
    // Both: the last 50 returns of the complete rows.
    const both = frontier(['backtest', '--prices', csv, '--weights', weights, '--complete-rows', '--last', '50', '--json']);
    expect(both.json<BacktestReport>().equity.map((e) => e.date)).toEqual(prices.dates.slice(549));
  });

  it('rejects a window that keeps too few dates with exit 1', () => {
    const run = frontier(['backtest', '--prices', csv, '--weights', weights, '--start', prices.dates[598]!, '--last', '2', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/price window|dates/);
  });

  it('rejects a bad --rebalance with one line and exit 1', () => {
    const run = frontier(['backtest', '--prices', csv, '--weights', weights, '--rebalance', 'weekly']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--rebalance/);
  });
});

describe('frontier stress', () => {
  it('prints windows, the correlation shock and the Monte Carlo fan as JSON', () => {
    const run = frontier([
      'stress', '--prices', csv, '--weights', weights, '--correlation', '0.9', '--benchmark', 'IDX',
      '--shock', 'AAA=-0.2', '--window', `mid:${prices.dates[200]}:${prices.dates[300]}`, '--paths', '2000', '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const r = run.json<StressReport>();
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]!.portfolioReturn).not.toBeNull();
    expect(r.correlationShock.level).toBe(0.9);
    expect(r.correlationShock.shocked.volatility).toBeGreaterThan(0);
    // Historical CVaR (scenarios re-coloured to the shocked covariance) next to the parametric one.
    expect(r.correlationShock.historicalScenarios).toBe(499); // days where AAA, BBB (from day 100) and CCC have returns
    expect(r.correlationShock.historicalNote).toBeNull();
    expect(r.correlationShock.shocked.historicalCvar).toBeGreaterThan(r.correlationShock.base.historicalCvar!);
    expect(r.shocks!.pnl).toBeCloseTo(-0.1, 12);
    expect(r.monteCarlo.paths).toBe(2000);
    expect(r.monteCarlo.fan[0]).toEqual({ day: 0, p5: 1, p25: 1, p50: 1, p75: 1, p95: 1 });
  });

  it('honours --last for the stress tests (Monte Carlo history, correlation shock)', () => {
    const run = frontier(['stress', '--prices', csv, '--weights', weights, '--last', '200', '--paths', '500', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<StressReport>().monteCarlo.historyDays).toBe(200);
  });

  it('prints the parametric and the historical shocked CVaR without --json', () => {
    const run = frontier(['stress', '--prices', csv, '--weights', weights, '--paths', '500']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/daily CVaR 95 % .* \(normal\)/);
    expect(run.stdout).toMatch(/historical daily CVaR 95 % \d+\.\d+ % → \d+\.\d+ % \(499 days/);
  });

  it('requires weights', () => {
    const run = frontier(['stress', '--prices', csv]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--weights/);
  });
});
