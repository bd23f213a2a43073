/**
 * Factor models in Chromium through web mode: import a Ken French style daily factor file on the
 * Factors screen, fit time-series exposures (t-stat heat map), then on Optimise choose the factor risk
 * model with a factor-neutral limit, run, see the factor decomposition next to the risk contributions,
 * save and export the PDF whose "Factor risk" section lists the factors.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';

test.afterEach(async ({ page }) => {
  await page.context().close();
});

/** 300 weekdays: a Ken French layout file (percent values, RF, footer) and prices driven by its factors. */
function data(): { factors: string; prices: string } {
  let seed = 7;
  const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const z = () => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
  const betas = [[1.1, 0.6, -0.2], [0.9, -0.4, 0.5], [1.0, 0.2, 0.1], [0.7, 0.8, -0.3]];
  const kf = ['This file was created by CMPT_ME_BEME_RETS_DAILY using the 202412 CRSP database.', 'The 1-month TBill return is from Ibbotson and Associates, Inc.', '', '        ,Mkt-RF,SMB,HML,RF'];
  const rows = ['date,FA,FB,FC,FD'];
  let p = [100, 100, 100, 100];
  let n = 0;
  for (let t = Date.parse('2023-01-02T00:00:00Z'); n < 300; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() % 6 === 0) continue;
    const iso = d.toISOString().slice(0, 10);
    if (n > 0) {
      const f = [0.9 * z(), 0.5 * z(), 0.5 * z()].map((x) => Number(x.toFixed(2)));
      kf.push(`${iso.replaceAll('-', '')},${f.map((x) => x.toFixed(2).padStart(8)).join(',')},   0.015`);
      p = p.map((x, i) => x * (1 + 0.00015 + betas[i]!.reduce((s, b, a) => s + (b * f[a]!) / 100, 0) + 0.004 * z()));
    }
    rows.push(`${iso},${p.map((x) => x.toFixed(4)).join(',')}`);
    n++;
  }
  kf.push('', 'Copyright 2025 Kenneth R. French', '');
  return { factors: kf.join('\r\n'), prices: `${rows.join('\n')}\n` };
}

test('import a factor file, see exposures, add a factor limit, optimise, see the decomposition, export the PDF', async ({ page, frontier }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const { factors, prices } = data();
  await frontier.api('import-commit', { files: [{ name: 'prices.csv', dataBase64: Buffer.from(prices).toString('base64') }] });
  const factorFile = testInfo.outputPath('F-F_Research_Data_Factors_daily.CSV');
  writeFileSync(factorFile, factors);

  await page.goto(frontier.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Optimise' }).click();
  for (const t of ['FA', 'FB', 'FC', 'FD']) {
    await page.getByLabel('Search tickers').fill(t);
    await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  }
  await page.getByLabel('Scenario name').fill('Factor neutral');

  await nav.getByRole('button', { name: 'Factors' }).click();
  await page.getByLabel('Factor set name').fill('FF3');
  await page.getByLabel('Import factor file').setInputFiles(factorFile);
  await expect(page.getByTestId('factor-sets')).toContainText('FF3');
  await expect(page.getByTestId('factor-sets')).toContainText('Mkt-RF, SMB, HML, RF');
  await page.getByLabel('Exposure model').fill('ts:FF3');
  await page.getByRole('button', { name: 'Fit exposures' }).click();
  const table = page.getByTestId('factor-exposures-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole('row', { name: /^FA/ })).toContainText(/1\.\d\d\d \(\d+\.\d\)/);

  await nav.getByRole('button', { name: 'Optimise' }).click();
  await page.getByLabel('Risk model').selectOption('factor');
  await page.getByLabel('Factor model').fill('ts:FF3');
  await page.getByLabel('Factor limits').fill('SMB:0:0');
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  const exposures = page.getByTestId('factor-exposures');
  await expect(exposures).toBeVisible({ timeout: 60_000 });
  await expect(exposures.getByRole('row', { name: /^SMB/ })).toContainText(/-?0\.00/);
  await expect(exposures.getByRole('row', { name: /^Specific/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Factor risk decomposition chart' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('factors.png'), fullPage: true });

  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Factor neutral”' }).first()).toBeVisible();
  // The factor section is one of the export dialog's sections (off in the default one-page report).
  await page.getByText('Report options', { exact: true }).click();
  const reportOptions = page.locator('details', { has: page.getByText('Report options', { exact: true }) });
  await reportOptions.getByLabel('Factor risk').check();
  await reportOptions.getByLabel('Risk contributions').check();
  const downloadPromise = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloadPromise;
  const pdfPath = testInfo.outputPath('factors.pdf');
  await download.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  let text = '';
  try {
    text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  } catch {
    test.info().annotations.push({ type: 'skip-check', description: 'pdftotext not installed: the PDF text was not checked' });
  }
  if (text) {
    expect(text).toContain('Factor risk');
    expect(text).toContain('SMB');
    expect(text).toContain('Specific');
  }
  expect(pageErrors).toEqual([]);
});
