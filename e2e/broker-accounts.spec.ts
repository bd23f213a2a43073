/// <reference lib="dom" />
/**
 * Issue 18: four brokers' files imported together through the Import screen, no account typed. The
 * Holdings screen lists each broker's account separately, and per account its holdings match the
 * broker's snapshot and its cash equals what the statement says.
 */
import { join } from 'node:path';
import { expect, repoRoot, test } from './fixtures.js';

const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'import', name);

const FILES = ['ibkr-activity-statement.csv', 'ibkr-flex-statement.csv', 'trading212-dividends.csv', 'degiro-account-fees.csv', 'degiro-portfolio-fees.csv'];

test('IBKR, Flex, Trading 212 and DEGIRO files land in their own accounts; cash and positions reconcile per account', async ({ page, frontier }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Data' }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByLabel('Positions as of').fill('2025-03-31');
  await page.getByLabel('Choose CSV files').setInputFiles(FILES.map(fixture));

  // The preview names each file's account and where its tickers came from, before anything is written.
  const files = page.getByRole('table', { name: 'Files to import' });
  await expect(files.getByRole('row', { name: /ibkr-activity-statement\.csv/ }).getByTestId('file-accounts')).toHaveText('U2345678');
  await expect(files.getByRole('row', { name: /ibkr-flex-statement\.csv/ }).getByTestId('file-accounts')).toHaveText('U3456789');
  await expect(files.getByRole('row', { name: /trading212-dividends\.csv/ }).getByTestId('file-accounts')).toHaveText('Trading 212');
  await expect(files.getByRole('row', { name: /degiro-account-fees\.csv/ }).getByTestId('file-accounts')).toHaveText('DEGIRO');
  await expect(files.getByRole('row', { name: /degiro-portfolio-fees\.csv/ }).getByTestId('file-accounts')).toHaveText('DEGIRO');
  await expect(page.getByRole('table', { name: 'Preview rows of trading212-dividends.csv' }).locator('caption')).toHaveText('trading212-dividends.csv');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Imported 0 price rows, 27 transactions, 4 positions');

  await nav.getByRole('button', { name: 'Holdings' }).click();
  const accountPicker = page.getByRole('combobox', { name: 'Account' });
  await expect(accountPicker.locator('option')).toHaveText([
    'all accounts',
    'DEGIRO (8 transactions, 1 positions)',
    'Trading 212 (4 transactions, 0 positions)',
    'U2345678 (10 transactions, 2 positions)',
    'U3456789 (5 transactions, 1 positions)',
  ]);

  // DEGIRO rows carry no ticker: the instrument shows as ISIN and name.
  await accountPicker.selectOption('DEGIRO');
  await expect(page.getByTestId('Transactions-count')).toHaveText('Rows 1–8 of 8');
  await expect(page.getByRole('table', { name: 'Transactions' }).getByRole('row', { name: /Buy 10 @ 200 USD/ })).toContainText('US0378331005 · APPLE INC');

  await page.getByRole('tab', { name: 'Holdings check' }).click();
  const expectations: { account: string; holdings: [RegExp, string, string][]; cash: [string, string][] }[] = [
    { account: 'U2345678', holdings: [[/AAPL/, '30', '30'], [/ASML/, '2', '2']], cash: [['USD', '10,613.98'], ['EUR', '597']] },
    { account: 'U3456789', holdings: [[/MSFT/, '6', '6']], cash: [['USD', '2,582.23']] },
    { account: 'DEGIRO', holdings: [[/US0378331005 · APPLE INC/, '10', '10']], cash: [['EUR', '3,072.42'], ['USD', '3.4']] },
    { account: 'Trading 212', holdings: [], cash: [['GBP', '1,232.03']] },
  ];
  for (const e of expectations) {
    await accountPicker.selectOption(e.account);
    await page.getByRole('button', { name: 'Check holdings' }).click();
    const cash = page.getByRole('table', { name: 'Cash per account' });
    await expect(cash.locator('tbody tr')).toHaveCount(e.cash.length);
    for (const [currency, balance] of e.cash) {
      const row = cash.locator('tbody tr', { has: page.getByRole('cell', { name: currency, exact: true }) });
      await expect(row.locator('td').nth(0)).toHaveText(e.account);
      await expect(row.locator('td').nth(2)).toHaveText(balance);
    }
    if (e.holdings.length === 0) {
      await expect(page.getByText('No position snapshots imported yet')).toBeVisible();
      continue;
    }
    await expect(page.getByText('Every holding derived from the transactions matches the broker.')).toBeVisible();
    const check = page.getByRole('table', { name: 'Holdings reconciliation' });
    await expect(check.locator('tbody tr')).toHaveCount(e.holdings.length);
    for (const [instrument, derived, reported] of e.holdings) {
      const row = check.getByRole('row', { name: instrument });
      await expect(row.locator('td').nth(0)).toHaveText(e.account);
      await expect(row.locator('td').nth(3)).toHaveText(derived);
      await expect(row.locator('td').nth(4)).toHaveText(reported);
    }
  }
  expect(pageErrors).toEqual([]);
});
