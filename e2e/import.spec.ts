/// <reference lib="dom" />
/**
 * The Import screen in Chromium through web mode: pick files, see the preview (formats, skipped rows,
 * errors), commit, map an unknown layout with the wizard and save it as a template, undo a batch.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, screenshotBothThemes, test } from './fixtures.js';

const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'import', name);

test('preview, commit, map an unknown layout, save a template, undo', async ({ page, frontier }, testInfo) => {
  // Several previews and commits through a real server: give a loaded CI machine room.
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await page.getByRole('tab', { name: 'Import' }).click();

  await page.getByLabel('Choose CSV files').setInputFiles([fixture('AAPL.csv'), fixture('schwab-transactions.csv'), fixture('schwab-positions.csv')]);
  const files = page.getByRole('table', { name: 'Files to import' });
  await expect(files.getByRole('cell', { name: 'yahoo-finance', exact: true })).toBeVisible();
  await expect(files.getByRole('cell', { name: 'schwab-transactions', exact: true })).toBeVisible();
  await page.getByText(/Rows that will be skipped/).click();
  await expect(page.getByRole('table', { name: 'Skipped rows' })).toContainText('total row');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Imported 3 price rows, 10 transactions');
  const batches = page.getByRole('table', { name: 'Import batches' });
  await expect(batches.locator('tbody tr')).toHaveCount(3);

  // Holdings derived from the transactions against the broker's snapshot: the difference is shown.
  await page.getByRole('button', { name: 'Check holdings' }).click();
  const check = page.getByRole('table', { name: 'Holdings reconciliation' });
  await expect(check.getByRole('row', { name: /MSFT/ })).toContainText('-1');
  await expect(check.getByRole('row', { name: /NVDA/ })).toContainText('100');

  // A malformed file: the error names line, column and value; nothing can be imported.
  const dir = testInfo.outputPath();
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'date,A\n2024-01-02,1\n2024-01-03,oops\n');
  await page.getByLabel('Choose CSV files').setInputFiles(bad);
  const errors = page.getByRole('table', { name: 'Import errors' });
  await expect(errors).toContainText('oops');
  await expect(errors.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // An unknown layout opens the mapping wizard; the preview follows the choices.
  const bank = join(dir, 'bank.csv');
  writeFileSync(bank, 'Trade day;Instrument;Last;Turnover\n02.01.2024;ACME;12,50;1.000\n03.01.2024;ACME;12,75;2.000\n');
  await page.getByLabel('Choose CSV files').setInputFiles(bank);
  await expect(page.getByTestId('import-errors')).toContainText('map its columns');
  await page.getByRole('button', { name: 'Map columns' }).first().click();
  await page.getByLabel('File kind', { exact: true }).selectOption('prices');
  await page.getByLabel('Date column', { exact: true }).selectOption('Trade day');
  await page.getByLabel('Ticker column', { exact: true }).selectOption('Instrument');
  await page.getByLabel('Close column', { exact: true }).selectOption('Last');
  await expect(page.getByRole('table', { name: 'Preview rows' })).toContainText('12.75');
  await page.getByLabel('Template name').fill('My bank');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByTestId('import-message')).toContainText('Template "My bank" saved');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Imported 2 price rows');
  await expect(batches.locator('tbody tr')).toHaveCount(4);

  // The same shape again: the saved template is offered.
  await page.getByLabel('Choose CSV files').setInputFiles(bank);
  await expect(page.getByLabel('Saved template')).toBeVisible();

  // Undo the first batch.
  const first = batches.locator('tbody tr').last();
  await first.getByRole('button', { name: /Undo batch/ }).click();
  await expect(page.getByTestId('import-message')).toContainText('undone');
  await expect(first).toContainText('undone');
  // Undo removed AAPL's prices, and with them the instrument.
  const instruments = await frontier.api<{ ticker: string }[]>('instruments-list', {});
  expect(instruments.map((i) => i.ticker)).not.toContain('AAPL');
  expect(instruments.map((i) => i.ticker)).toContain('ACME');
  await screenshotBothThemes(page, 'import');
  expect(pageErrors).toEqual([]);
});

test('import DEGIRO files through the UI, then browse, filter and sort transactions and positions', async ({ page, frontier }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Data' }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByLabel('Account', { exact: true }).fill('dg');
  await page.getByLabel('Positions as of').fill('2024-12-06');
  await page.getByLabel('Choose CSV files').setInputFiles([fixture('degiro-account-nl.csv'), fixture('degiro-portfolio-nl.csv')]);
  const files = page.getByRole('table', { name: 'Files to import' });
  await expect(files.getByRole('cell', { name: 'degiro-account', exact: true })).toBeVisible();
  await expect(files.getByRole('cell', { name: 'degiro-portfolio', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('13 transactions, 3 positions');

  await nav.getByRole('button', { name: 'Holdings' }).click();
  await page.getByRole('combobox', { name: 'Account' }).selectOption('dg');
  const table = page.getByRole('table', { name: 'Transactions' });
  await expect(page.getByTestId('Transactions-count')).toHaveText('Rows 1–13 of 13');
  await page.getByLabel('Filter by ticker').fill('US0378');
  await page.getByLabel('Filter by type').selectOption('buy');
  await expect(page.getByTestId('Transactions-count')).toHaveText('Rows 1–2 of 2');
  await expect(table.locator('tbody tr').first()).toContainText('degiro-account-nl.csv:9');
  await expect(table.locator('tbody tr').nth(1)).toContainText('Koop 10 @ 228,00 USD');

  // Sorting by amount, descending on the second click.
  await page.getByLabel('Filter by type').selectOption('');
  await page.getByLabel('Filter by ticker').fill('');
  await expect(page.getByTestId('Transactions-count')).toHaveText('Rows 1–13 of 13');
  const amount = table.getByRole('columnheader', { name: /Amount/ });
  await amount.getByRole('button').click();
  await amount.getByRole('button').click();
  await expect(amount).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText('5,000');

  await page.getByRole('tab', { name: 'Position snapshots' }).click();
  const positions = page.getByRole('table', { name: 'Position snapshots' });
  await expect(positions.getByRole('row', { name: /IE00BK5BQT80/ })).toContainText('degiro-portfolio-nl.csv:5');

  await page.getByRole('tab', { name: 'Holdings check' }).click();
  await page.getByRole('button', { name: 'Check holdings' }).click();
  const check = page.getByRole('table', { name: 'Holdings reconciliation' });
  await expect(check.getByRole('row', { name: /IE00BK5BQT80/ })).toContainText('-4');
  await page.getByRole('tab', { name: 'Transactions' }).click();
  await expect(page.getByTestId('Transactions-count')).toHaveText('Rows 1–13 of 13');
  await screenshotBothThemes(page, 'holdings');
  expect(pageErrors).toEqual([]);
});
