/// <reference lib="dom" />
/**
 * Currencies (issue 16): import an ECB rate file in Data → FX, hold a EUR-priced and a USD-priced
 * series, switch the base currency to USD in the Optimise settings and see the currency exposures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './fixtures.js';

const FX = join(repoRoot, 'test', 'fixtures', 'fx');
const file = (name: string) => ({ name, dataBase64: readFileSync(join(FX, name)).toString('base64') });

async function go(page: Page, screen: 'Data' | 'Optimise'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen, exact: true }).click();
}

test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('import FX rates and a EUR series, switch the base currency, see the exposures', async ({ page, frontier }) => {
  await frontier.api('import-commit', { files: [file('SAP.DE.csv')], options: { ticker: 'SAP', currency: 'EUR' } });
  await frontier.api('import-commit', { files: [file('AAPL.csv')], options: { ticker: 'AAPL', currency: 'USD' } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);

  await go(page, 'Data');
  await page.getByRole('tab', { name: 'FX' }).click();
  await page.getByLabel('Import FX files').setInputFiles(join(FX, 'eurofxref-hist.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'eurofxref-hist.csv' })).toContainText('eurofxref-hist.csv: ecb-eurofxref, 240 new rates');
  await expect(page.getByRole('table', { name: 'Stored FX pairs' })).toContainText('EUR/USD');
  await page.getByLabel('FX pair', { exact: true }).fill('USD/GBP');
  await page.getByRole('button', { name: 'Show rates' }).click();
  await expect(page.getByText(/USD\/GBP via EUR/)).toBeVisible();
  await expect(page.getByLabel('Currency of SAP')).toHaveValue('EUR');

  await go(page, 'Optimise');
  for (const t of ['AAPL', 'SAP']) await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  await page.getByLabel('Base currency', { exact: true }).fill('USD');
  await page.getByLabel('Hedge ratios').fill('EUR:50');
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Currency exposure (base USD)' })).toBeVisible();
  await expect(page.getByTestId('currency-summary')).toContainText('EUR/USD: EUR/USD stored');
  await expect(page.getByTestId('currency-chart')).toBeVisible();
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-fx.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});
