/// <reference lib="dom" />
/**
 * The Backtest tab in Chromium through web mode: open a saved scenario, run a monthly-rebalanced
 * backtest, see the equity and drawdown charts and the worst-drawdowns table, then run the stress
 * tests with a correlation shock, save both to the scenario and see the max drawdown on the Optimise tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, screenshotBothThemes, test } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'];

test('open a scenario, backtest it monthly, see charts and drawdowns, run a correlation shock, save it', async ({ page, frontier }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  await frontier.api('scenario-save', { scenario: { name: 'Backtest e2e', tickers: TICKERS, options: { objective: 'min-volatility' } } });

  await page.goto(frontier.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Scenarios' }).click();
  await page.getByRole('button', { name: 'Open Backtest e2e' }).click();
  // Optimise first, so the key metrics are on screen to receive the backtest's max drawdown later.
  await nav.getByRole('button', { name: 'Optimise' }).click();
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('metric-max-drawdown')).toHaveCount(0);

  await nav.getByRole('button', { name: 'Backtest' }).click();
  await expect(page.getByText(TICKERS.join(', '))).toBeVisible();
  await page.getByLabel('Weights').selectOption('equal');
  await page.getByLabel('Rebalance').selectOption('monthly');
  await page.getByLabel('Cost in basis points').fill('10');
  await page.getByRole('button', { name: 'Run backtest' }).click();

  await expect(page.getByRole('img', { name: 'Equity curve' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Drawdown chart' })).toBeVisible();
  // ECharts' SVG renderer draws real paths.
  await expect(page.getByTestId('backtest-equity-chart').locator('svg path').first()).toBeAttached();
  const drawdowns = page.getByTestId('backtest-drawdowns');
  await expect(drawdowns.locator('tbody tr')).toHaveCount(5);
  await expect(drawdowns.locator('tbody tr').first().locator('td').first()).toHaveText(/^-\d+\.\d+ %$/);
  await expect(page.getByTestId('backtest-metrics')).toContainText('Sharpe');

  await page.getByLabel('Correlation level').fill('0.9');
  await page.getByLabel('Monte Carlo paths').fill('2000');
  await page.getByRole('button', { name: 'Run stress tests' }).click();
  const shock = page.getByTestId('correlation-shock-row');
  await expect(shock).toBeVisible({ timeout: 60_000 });
  await expect(shock).toContainText('Correlations → 0.9');
  // Historical CVaR next to the parametric one: two percentages, base → shocked.
  await expect(page.getByTestId('correlation-shock-historical-row')).toContainText(/\d+\.\d+ % → \d+\.\d+ %/);
  await expect(page.getByRole('img', { name: 'Monte Carlo fan chart' })).toBeVisible();
  // Kept with the scenario (and so in its PDF report).
  await page.getByRole('button', { name: 'Save to scenario' }).click();
  await expect(page.getByText(/Saved the backtest and stress tests/)).toBeVisible();
  const list = await frontier.api<{ id: number; name: string }[]>('scenario-list');
  const saved = await frontier.api<{ results: { backtest?: { equity: unknown[]; metrics: { maxDrawdown: number } }; stress?: unknown } }>('scenario-get', { id: list.find((s) => s.name === 'Backtest e2e')!.id });
  expect(saved.results.backtest!.equity.length).toBeGreaterThan(100);
  expect(saved.results.stress).toBeDefined();
  await screenshotBothThemes(page, 'backtest');
  // The Optimise key metrics show the saved backtest's max drawdown at once, without reopening the scenario.
  await nav.getByRole('button', { name: 'Optimise' }).click();
  await expect(page.getByTestId('metric-max-drawdown')).toHaveText(`${(saved.results.backtest!.metrics.maxDrawdown * 100).toFixed(2)} %`);
  expect(pageErrors).toEqual([]);
});
