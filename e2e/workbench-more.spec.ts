/// <reference lib="dom" />
/**
 * The workbench, continued (issue 5): sectors and tags saved in the Data screen and used as sector
 * defaults; the current portfolio on the frontier; trades in whole shares; the autosaved draft
 * surviving a SIGKILL of the server; cancelling a long frontier while the UI stays responsive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, startServer, test } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'];

async function go(page: Page, screen: 'Data' | 'Optimise' | 'Scenarios' | 'Backtest'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen, exact: true }).click();
}

/** A seeded random walk: `n` tickers over `days` business days, as a wide CSV. */
function syntheticCsv(n: number, days: number): string {
  let s = 12345;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const level = Array.from({ length: n }, (_, j) => 20 + j);
  const lines = [`date,${Array.from({ length: n }, (_, j) => `T${String(j).padStart(3, '0')}`).join(',')}`];
  const day = new Date('2010-01-04T00:00:00Z');
  for (let t = 0; t < days; ) {
    const wd = day.getUTCDay();
    if (wd !== 0 && wd !== 6) {
      const m = (rand() - 0.5) * 0.02;
      for (let j = 0; j < n; j++) level[j] = level[j]! * (1 + 0.0003 + m * (0.5 + (j % 5) / 5) + (rand() - 0.5) * 0.03);
      lines.push(`${day.toISOString().slice(0, 10)},${level.map((v) => v.toFixed(4)).join(',')}`);
      t++;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return `${lines.join('\n')}\n`;
}

test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('sectors saved in Data default the editor; current portfolio on the frontier; trades in shares', async ({ page, frontier }) => {
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);
  await go(page, 'Data');

  // Classification, edited in the table and saved in one go.
  const table = page.getByRole('table', { name: 'Instruments' });
  await table.getByLabel('ALPHA sector').fill('Tech');
  await table.getByLabel('BRAVO sector').fill('Tech');
  await table.getByLabel('CHARLIE sector').fill('Energy');
  await table.getByLabel('ALPHA asset class').fill('Equity');
  await table.getByLabel('DELTA tags').fill('defensive, core');
  await page.getByRole('button', { name: 'Save classification (4)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the classification of 4 instruments' }).first()).toBeVisible();
  const stored = await frontier.api<{ ticker: string; sector: string | null; tags: string[] }[]>('instruments-list');
  expect(stored.find((i) => i.ticker === 'DELTA')?.tags).toEqual(['core', 'defensive']);

  // Filters: sector, tag, and back to all.
  const filters = page.getByRole('group', { name: 'Instrument filters' });
  await filters.getByLabel('Filter by sector').selectOption('Tech');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await filters.getByLabel('Filter by sector').selectOption('');
  await filters.getByLabel('Filter by tag').selectOption('core');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('DELTA');
  await filters.getByLabel('Filter by tag').selectOption('');
  await expect(page.getByText(/Common window of the listed instruments/)).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-data.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-data-dark.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();

  // The editor takes the stored sectors; the scenario can still override one.
  await go(page, 'Optimise');
  for (const t of TICKERS) await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  const editor = page.getByRole('table', { name: 'Portfolio editor' });
  await expect(editor.getByLabel('ALPHA sector')).toHaveValue('Tech');
  await expect(editor.getByLabel('CHARLIE sector')).toHaveValue('Energy');
  await expect(editor.getByLabel('DELTA sector')).toHaveValue('');
  await editor.getByLabel('CHARLIE sector').fill('Materials');
  for (const [t, w] of [['ALPHA', '40'], ['BRAVO', '20'], ['CHARLIE', '20'], ['DELTA', '10']] as const) await editor.getByLabel(`${t} current weight (%)`).fill(w);

  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toBeVisible({ timeout: 60_000 });
  // The current holdings (10 % cash) are evaluated by the engine and drawn on the frontier.
  const currentMetrics = page.getByLabel('Current portfolio metrics');
  await expect(currentMetrics).toBeVisible({ timeout: 60_000 });
  const currentVol = Number.parseFloat(await page.getByTestId('current-volatility').innerText());
  expect(currentVol).toBeGreaterThan(0);
  const chart = page.getByRole('img', { name: 'Efficient frontier chart' });
  await expect(chart.locator('svg text', { hasText: 'Current' }).first()).toBeAttached();
  await expect(editor.getByLabel('CHARLIE sector')).toHaveValue('Materials');

  // Trades in whole shares at the last prices (2017-11-24 in the fixture).
  await page.getByLabel('Portfolio value', { exact: true }).fill('100000');
  const trades = page.getByRole('table', { name: 'Trades in shares' });
  await expect(trades).toBeVisible();
  const headers = (await trades.locator('thead th').allInnerTexts()).map((h) => h.trim());
  expect(headers).toEqual(['Ticker', 'Price', 'Target', 'Current shares', 'Target shares', 'Trade shares', 'Trade value']);
  const alpha = (await trades.locator('tbody tr', { hasText: 'ALPHA' }).locator('td').allInnerTexts()).map((c) => c.trim());
  expect(Number.parseFloat(alpha[1]!.replace(/,/g, ''))).toBeCloseTo(24.61, 2);
  // 40 % of 100 000 at 24.6062 is 1625.6 shares: whole shares within one of that.
  expect(Math.abs(Number(alpha[3]!.replace(/,/g, '')) - 40_000 / 24.6062)).toBeLessThan(1.0001);
  const leftover = Number((await page.getByTestId('leftover-cash').innerText()).replace(/,/g, ''));
  expect(leftover).toBeGreaterThanOrEqual(0);
  expect(leftover).toBeLessThan(100);
  // A backtest saved with the scenario adds its max drawdown to the key metrics (and the current point is kept).
  await page.getByLabel('Scenario name').fill('With backtest');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “With backtest”' }).first()).toBeVisible();
  const [summary] = await frontier.api<{ id: number }[]>('scenario-list');
  const saved = await frontier.api<Record<string, unknown> & { id: number; results: Record<string, unknown> }>('scenario-get', { id: summary!.id });
  const backtest = await frontier.api<{ metrics: { maxDrawdown: number } }>('backtest-run', {
    tickers: TICKERS,
    settings: { weights: { ALPHA: 0.4, BRAVO: 0.2, CHARLIE: 0.2, DELTA: 0.2 }, rebalance: { kind: 'calendar', every: 'quarterly' } },
  });
  const { id, createdAt: _c, updatedAt: _u, results, ...definition } = saved;
  await frontier.api('scenario-save', { id, scenario: definition, results: { ...results, backtest } });
  await go(page, 'Scenarios');
  await page.getByRole('table', { name: 'Saved scenarios' }).getByRole('button', { name: 'Open With backtest', exact: true }).click();
  await expect(page.getByTestId('metric-max-drawdown')).toHaveText(`${(backtest.metrics.maxDrawdown * 100).toFixed(2)} %`);
  await expect(page.getByLabel('Current portfolio metrics')).toBeVisible();
  await expect(trades).toBeVisible();
  // Saving again from the workbench replaces its own results only: the saved backtest stays.
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “With backtest”' }).first()).toBeVisible();
  const resaved = await frontier.api<{ results: Record<string, unknown> }>('scenario-get', { id });
  expect(resaved.results.backtest).toEqual(backtest);
  expect(resaved.results.optimize).toBeDefined();

  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-trades.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-trades-dark.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('the draft is autosaved to SQLite and survives a SIGKILL of the server', async ({ browser }) => {
  const first = await startServer();
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  const context = await browser.newContext();
  try {
    await first.server.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
    const page = await context.newPage();
    await page.goto(first.server.url);
    await go(page, 'Optimise');
    for (const t of ['ALPHA', 'CHARLIE']) await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
    await page.getByLabel('Scenario name').fill('Never saved');
    await page.getByLabel('Objective', { exact: true }).selectOption('max-sharpe');
    await page.getByRole('table', { name: 'Portfolio editor' }).getByLabel('ALPHA max weight (%)').fill('35');
    await expect(page.getByTestId('autosave')).toBeVisible();
    // The last edit must have reached the store before the kill: the stored draft carries it.
    await expect.poll(async () => JSON.stringify((await first.server.api<{ form: unknown } | null>('scenario-draft-get'))?.form ?? null)).toContain('"max":"35"');
    // Autosave is app-wide: Backtest settings edited on their own screen belong to the draft too.
    await go(page, 'Backtest');
    await page.getByLabel('Cost in basis points').fill('23');
    await expect.poll(async () => JSON.stringify((await first.server.api<{ form: unknown } | null>('scenario-draft-get'))?.form ?? null)).toContain('"costBps":"23"');
    await first.kill('SIGKILL');

    // Same database, new server process (and a new origin, so nothing comes from the browser's storage).
    second = await startServer(first.server.dbPath);
    await page.goto(second.server.url);
    await go(page, 'Optimise');
    await expect(page.getByLabel('Scenario name')).toHaveValue('Never saved');
    await expect(page.getByLabel('Objective', { exact: true })).toHaveValue('max-sharpe');
    await expect(page.getByRole('table', { name: 'Portfolio editor' }).getByLabel('ALPHA max weight (%)')).toHaveValue('35');
    await expect(page.getByRole('list', { name: 'Chosen tickers' }).getByRole('listitem')).toHaveCount(2);
    expect(await second.server.api<unknown[]>('scenario-list')).toEqual([]);
    await go(page, 'Backtest');
    await expect(page.getByLabel('Cost in basis points')).toHaveValue('23');
  } finally {
    await context.close();
    await second?.stop();
    await first.stop();
  }
});

test('a long frontier can be cancelled; the UI stays responsive and a new run works', async ({ page, frontier }) => {
  const csv = syntheticCsv(200, 1500);
  await frontier.api('import-commit', { files: [{ name: 'synthetic-200.csv', dataBase64: Buffer.from(csv).toString('base64') }] });
  await page.goto(frontier.url);
  await go(page, 'Optimise');
  await page.getByRole('button', { name: 'Add all (200)' }).click();
  // L2 keeps the critical line method out, so each of the 500 points over 200 assets is its own QP: seconds of work.
  await page.getByLabel('L2 regularisation').fill('0.01');
  await page.getByLabel('Frontier points').fill('500');
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('progressbar', { name: 'Optimisation progress' })).toBeVisible();
  // Progress arrives while the job runs.
  await expect(page.getByText(/Frontier [1-9]\d*\/\d+/)).toBeVisible({ timeout: 30_000 });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cancelled.' })).toBeVisible({ timeout: 15_000 });
  const cancelMs = Date.now() - t0;
  await expect(page.getByRole('progressbar', { name: 'Optimisation progress' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toHaveCount(0);
  // Responsive: typing and navigating work at once.
  await page.getByLabel('Scenario name').fill('after cancel');
  await go(page, 'Data');
  await expect(page.getByRole('table', { name: 'Instruments' })).toBeVisible();
  await go(page, 'Optimise');
  await expect(page.getByLabel('Scenario name')).toHaveValue('after cancel');
  // A new, small run completes.
  await page.getByLabel('Frontier points').fill('10');
  await page.getByLabel('L2 regularisation').fill('0');
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Efficient frontier chart' })).toBeVisible();
  test.info().annotations.push({ type: 'cancel-ms', description: String(cancelMs) });
});
