/// <reference lib="dom" />
/**
 * Robustness (issue 21) in the browser: a resampled frontier from the Optimise screen with progress and
 * Cancel, the noise region and weight bands drawn, the within-noise verdict for the current holdings,
 * the out-of-sample comparison table, and a PDF carrying the robustness section.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, test } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'];

test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('resampled frontier with progress, Cancel, bands and verdict; out-of-sample table; PDF section', async ({ page, frontier }, testInfo) => {
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(frontier.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Optimise' }).click();
  for (const t of TICKERS) {
    await page.getByLabel('Search tickers').fill(t);
    await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  }
  await page.getByLabel('Scenario name').fill('Robust check');
  await page.getByLabel('Objective', { exact: true }).selectOption('max-sharpe');

  const panel = page.getByTestId('robustness-panel');
  await panel.getByText('Robustness', { exact: true }).click();

  // A long run shows progress and can be cancelled.
  await panel.getByLabel('Resampling draws').fill('5000');
  await panel.getByRole('button', { name: 'Resample frontier' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Robustness progress' })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: /draw \d+ of 5000/ })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Cancelled.' })).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByRole('progressbar', { name: 'Robustness progress' })).toHaveCount(0);

  // Current holdings, then a real run: the chart, the bands and the verdict.
  const editor = page.locator('details', { has: page.getByText('Portfolio editor', { exact: true }) });
  await editor.getByLabel('ALPHA current weight (%)').fill('50');
  await editor.getByLabel('BRAVO current weight (%)').fill('50');
  await panel.getByLabel('Resampling draws').fill('60');
  await panel.getByRole('button', { name: 'Resample frontier' }).click();
  const result = panel.getByTestId('resample-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('img', { name: 'Resampled frontier chart' })).toBeVisible();
  await expect(panel.getByText('Within the noise (95 %)').first()).toBeVisible();
  const bands = panel.getByRole('table', { name: 'Resampled weights with 5–95 % bands' });
  await expect(bands.locator('tbody tr')).not.toHaveCount(0);
  await expect(panel.getByTestId('noise-verdict')).toContainText(/estimation noise/);

  // Out of sample: every robust variant side by side.
  await panel.getByLabel('Comparison window days').fill('252');
  await panel.getByLabel('Comparison resampled draws').fill('5');
  await panel.getByRole('button', { name: 'Compare out of sample' }).click();
  const table = panel.getByRole('table', { name: 'Robustness comparison' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  for (const s of ['classical', 'shrunk', 'resampled', 'worst-case', 'crisis-robust']) await expect(table.locator('tbody')).toContainText(s);
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(panel.getByRole('img', { name: 'Out-of-sample growth chart' })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-robustness.png'), fullPage: true });

  // The PDF carries the section (the export saves the new results with the scenario first).
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdfPath = testInfo.outputPath('robust.pdf');
  await (await download).saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Robustness to estimation error');
  expect(text).toContain('crisis-robust');
  expect(text).toMatch(/estimation noise/);
  const saved = await frontier.api<{ id: number; name: string }[]>('scenario-list');
  const scenario = await frontier.api<{ results: { robustness?: { resample?: unknown; comparison?: unknown } } }>('scenario-get', { id: saved.find((s) => s.name === 'Robust check')!.id });
  expect(scenario.results.robustness?.resample).toBeTruthy();
  expect(scenario.results.robustness?.comparison).toBeTruthy();
  expect(pageErrors).toEqual([]);
});
