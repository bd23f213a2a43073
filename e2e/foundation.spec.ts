/// <reference lib="dom" />
/**
 * The walking skeleton in Chromium through web mode: import a wide price CSV, optimise min-volatility,
 * see weights and the frontier chart, save a scenario, reload, find it, open it, export the PDF and
 * read the tickers and weights back out of the PDF with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test, type FrontierServer } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'];

/** Imports the sample through the Import screen when the build has one, else through the API the screen uses. */
async function importSample(page: Page, frontier: FrontierServer): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  const region = page.getByRole('region', { name: 'Import' });
  const fileInput = region.locator('input[type=file]').first();
  if ((await fileInput.count()) > 0) {
    await fileInput.setInputFiles(SAMPLE);
    const commit = region.getByRole('button', { name: /^(import|commit)/i }).last();
    await expect(commit).toBeEnabled();
    await commit.click();
    await expect(region.getByText(/ALPHA/).first()).toBeVisible();
  } else {
    test.info().annotations.push({ type: 'note', description: 'no Import screen in this build: imported through the API' });
    const dataBase64 = readFileSync(SAMPLE).toString('base64');
    await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64 }] });
  }
  await page.getByRole('tab', { name: 'Instruments' }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  const table = page.getByRole('table', { name: 'Instruments' });
  for (const t of TICKERS) await expect(table.getByRole('cell', { name: t, exact: true })).toBeVisible();
}

/** Weights (fractions) read from the results table. */
async function weightsOnScreen(page: Page): Promise<Record<string, number>> {
  const rows = await page.getByRole('table', { name: 'Optimal weights' }).locator('tbody tr').all();
  const out: Record<string, number> = {};
  for (const row of rows) {
    const cells = await row.locator('td').allInnerTexts();
    const t = cells[0]!.trim();
    out[t] = Number.parseFloat(cells[1]!) / 100;
  }
  return out;
}

// Close the page (its event stream and keep-alive connections) before the server fixture stops, so
// the server's graceful close does not wait on the browser.
test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('import, optimise min-volatility, save, reload, reopen and export the PDF', async ({ page, frontier }, testInfo) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(frontier.url);
  await importSample(page, frontier);

  // Optimise: pick tickers through the searchable picker, min-volatility, long only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Optimise' }).click();
  for (const t of TICKERS) {
    await page.getByLabel('Search tickers').fill(t);
    await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  }
  await page.getByLabel('Search tickers').fill('');
  await expect(page.getByRole('list', { name: 'Chosen tickers' }).getByRole('listitem')).toHaveCount(TICKERS.length);
  await page.getByLabel('Objective', { exact: true }).selectOption('min-volatility');
  await page.getByLabel('Scenario name').fill('Skeleton min-vol');
  await page.getByRole('button', { name: 'Run optimisation' }).click();

  const weightsTable = page.getByRole('table', { name: 'Optimal weights' });
  await expect(weightsTable).toBeVisible({ timeout: 60_000 });
  const chart = page.getByRole('img', { name: 'Efficient frontier chart' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  // The SVG renderer puts the asset labels into the DOM: the chart really drew the assets.
  await expect(chart.locator('svg')).toBeVisible();
  for (const t of TICKERS) await expect(chart.locator('svg text', { hasText: t }).first()).toBeAttached();

  const weights = await weightsOnScreen(page);
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0.98);
  expect(total).toBeLessThan(1.02);
  for (const [t, w] of Object.entries(weights)) {
    expect(TICKERS).toContain(t);
    expect(w).toBeGreaterThanOrEqual(-1e-6); // long only
  }
  await expect(page.getByTestId('metric-volatility')).toHaveText(/\d+\.\d\d %/);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-web.png'), fullPage: true });

  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Skeleton min-vol”' }).first()).toBeVisible();

  // Reload: the scenario is in the store, with its results.
  await page.reload();
  // The draft and its saved results come back on their own…
  await expect(page.getByLabel('Scenario name')).toHaveValue('Skeleton min-vol');
  await expect(weightsTable).toBeVisible();
  // …and the scenario is in the store.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Scenarios' }).click();
  const list = page.getByRole('table', { name: 'Saved scenarios' });
  await expect(list.getByText('Skeleton min-vol')).toBeVisible();
  await list.getByRole('button', { name: 'Open Skeleton min-vol' }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue('Skeleton min-vol');
  await expect(weightsTable).toBeVisible();
  const reopened = await weightsOnScreen(page);
  expect(Object.keys(reopened).sort()).toEqual(Object.keys(weights).sort());
  for (const [t, w] of Object.entries(weights)) expect(reopened[t]).toBeCloseTo(w, 6);
  await expect(page.getByText('Settings changed since these results')).toHaveCount(0);

  // Export the PDF; the browser download is what web mode offers.
  const downloadPromise = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = testInfo.outputPath('report.pdf');
  await download.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Skeleton min-vol');
  for (const [t, w] of Object.entries(weights)) {
    if (w < 0.0005) continue;
    expect(text).toContain(t);
    // The report may print one or two decimals; either rounding of the on-screen weight must be there.
    const one = (w * 100).toFixed(1);
    const two = (w * 100).toFixed(2);
    expect(text.includes(one) || text.includes(two), `weight of ${t} (${two} %) in the PDF`).toBe(true);
  }
  // The first page as a picture, for the README.
  const pagePrefix = testInfo.outputPath('report-page');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, pagePrefix]);
  const png = readFileSync(`${pagePrefix}.png`);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  writeFileSync(join(repoRoot, 'docs', 'report-page-1.png'), png);

  expect(violations, 'CSP violations').toEqual([]);
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});
