/// <reference lib="dom" />
/**
 * The workbench (issue 5) in Chromium through web mode: portfolio editor with bounds and a sector cap,
 * Black-Litterman views (one refused at its row), optimise, prior/posterior, frontier point picked and
 * adopted, save, duplicate, compare, reload and find everything intact; screenshots light and dark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'];

async function go(page: Page, screen: 'Data' | 'Optimise' | 'Scenarios'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen, exact: true }).click();
}

async function weightsOnScreen(page: Page): Promise<Record<string, number>> {
  const table = page.getByRole('table', { name: 'Optimal weights' });
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
  const col = headers.indexOf('Weight');
  const out: Record<string, number> = {};
  for (const row of await table.locator('tbody tr').all()) {
    const cells = await row.locator('td').allInnerTexts();
    out[cells[0]!.trim()] = Number.parseFloat(cells[col]!) / 100;
  }
  return out;
}

// Close the page (its event stream and keep-alive connections) before the server fixture stops, so
// the server's graceful close does not wait on the browser.
test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('portfolio editor, BL views, frontier pick, save, duplicate, compare, reload', async ({ page, frontier }, testInfo) => {
  // Prices are set-up here, not the subject: the import UI is covered by the foundation spec.
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Every screen this test visits must live within the CSP (no inline styles or eval).
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  await page.goto(frontier.url);
  await go(page, 'Optimise');

  for (const t of TICKERS) await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  await page.getByLabel('Scenario name').fill('WB base');

  // Portfolio editor: current holdings, a per-asset cap, sectors and a sector cap.
  const editor = page.getByRole('table', { name: 'Portfolio editor' });
  for (const t of TICKERS) await editor.getByLabel(`${t} current weight (%)`).fill('25');
  await expect(editor.locator('tfoot')).toContainText('100.00 %');
  await editor.getByLabel('ALPHA max weight (%)').fill('40');
  await editor.getByLabel('ALPHA sector').fill('Tech');
  await editor.getByLabel('BRAVO sector').fill('Tech');
  await editor.getByLabel('CHARLIE sector').fill('Energy');
  await page.getByRole('button', { name: 'Add sector cap' }).click();
  await page.getByLabel('Cap 1 sector').fill('Tech');
  await page.getByLabel('Cap 1 max (%)').fill('50');
  // A bad bound is flagged at its row.
  await editor.getByLabel('DELTA min weight (%)').fill('70');
  await editor.getByLabel('DELTA max weight (%)').fill('60');
  await expect(page.getByRole('alert').filter({ hasText: 'DELTA: min is above max' })).toBeVisible();
  await editor.getByLabel('DELTA min weight (%)').fill('');
  await editor.getByLabel('DELTA max weight (%)').fill('');

  // Black-Litterman: two good views and one bad one.
  await page.getByRole('button', { name: 'Add absolute view' }).click();
  await page.getByLabel('View 1 asset').fill('ALPHA');
  await page.getByLabel('View 1 return (%)').fill('8');
  await page.getByLabel('View 1 confidence (%)').fill('70');
  await page.getByRole('button', { name: 'Add relative view' }).click();
  await page.getByLabel('View 2 asset').fill('DELTA');
  await page.getByLabel('View 2 underperformer').fill('CHARLIE');
  await page.getByLabel('View 2 return (%)').fill('2');
  await page.getByRole('button', { name: 'Add absolute view' }).click();
  await page.getByLabel('View 3 asset').fill('ECHO'); // in the store, but not in the chosen universe
  await page.getByLabel('View 3 return (%)').fill('5');
  await expect(page.getByRole('alert').filter({ hasText: 'View 3: unknown asset ECHO' })).toBeVisible();
  await page.getByLabel('Objective', { exact: true }).selectOption('max-sharpe');
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByText(/Fix the highlighted fields: View 3: unknown asset ECHO/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove view 3' }).click();

  await page.getByRole('button', { name: 'Run optimisation' }).click();
  await expect(page.getByRole('table', { name: 'Optimal weights' })).toBeVisible({ timeout: 60_000 });
  const weights = await weightsOnScreen(page);
  expect(weights.ALPHA ?? 0).toBeLessThanOrEqual(0.4 + 1e-4);
  expect((weights.ALPHA ?? 0) + (weights.BRAVO ?? 0)).toBeLessThanOrEqual(0.5 + 1e-4);
  // Trades against the 25 % holdings are listed.
  await expect(page.getByRole('table', { name: 'Optimal weights' }).getByRole('columnheader', { name: 'Trade' })).toBeVisible();

  // Correlation heatmap from the stored prices of the chosen tickers.
  await page.getByRole('heading', { name: 'Correlation', exact: true }).click();
  await page.getByRole('button', { name: 'Show correlation' }).click();
  const heatmap = page.getByRole('img', { name: 'Correlation heatmap' });
  await expect(heatmap.locator('svg')).toBeVisible();
  for (const t of TICKERS) await expect(heatmap.locator('svg text', { hasText: t }).first()).toBeAttached();

  const priorPosterior = page.getByRole('table', { name: 'Prior and posterior returns' });
  await expect(priorPosterior).toBeVisible();
  await expect(priorPosterior.locator('tbody tr')).toHaveCount(TICKERS.length);
  await expect(page.getByRole('img', { name: 'Prior and posterior chart' })).toBeVisible();

  // Frontier: click a point on the curve, then adopt it.
  const chart = page.getByRole('img', { name: 'Efficient frontier chart' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  // Picking with the slider (keyboard users); a mouse click on the curve is tested below.
  const slider = page.getByRole('slider', { name: 'Frontier point' });
  const max = Number(await slider.getAttribute('max'));
  expect(max).toBeGreaterThan(2);
  await slider.fill(String(Math.floor(max / 2)));
  const summary = page.getByText(new RegExp(`Point ${Math.floor(max / 2) + 1}/${max + 1}: return`));
  await expect(summary).toBeVisible();
  await expect(page.getByLabel('Frontier point weights').locator('.badge').first()).toBeVisible();
  await page.getByRole('button', { name: 'Adopt this point' }).click();
  await expect(page.getByLabel('Objective', { exact: true })).toHaveValue('efficient-return');
  await expect(page.getByText(/frontier point \d+/).first()).toBeVisible();
  await expect(page.getByText('Settings changed since these results')).toHaveCount(0);
  const adopted = await weightsOnScreen(page);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('optimise-light.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-workbench-dark.png'), fullPage: true });

  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “WB base”' }).first()).toBeVisible();

  // Scenarios: duplicate, compare the two.
  await go(page, 'Scenarios');
  const list = page.getByRole('table', { name: 'Saved scenarios' });
  await list.getByRole('button', { name: 'Duplicate WB base' }).click();
  await expect(list.getByText('WB base (copy)')).toBeVisible();
  await list.getByLabel('Compare WB base', { exact: true }).check();
  await list.getByLabel('Compare WB base (copy)').check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  const comparison = page.getByRole('table', { name: 'Scenario comparison' });
  await expect(comparison.getByRole('columnheader', { name: 'WB base', exact: true })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: 'WB base (copy)' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Compared frontiers chart' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('scenarios-dark.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.screenshot({ path: testInfo.outputPath('scenarios-light.png'), fullPage: true });

  // Reload: the theme, the scenarios and every setting come back.
  await page.reload();
  await go(page, 'Scenarios');
  await expect(list.getByText('WB base (copy)')).toBeVisible();
  await list.getByRole('button', { name: 'Open WB base', exact: true }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue('WB base');
  await expect(page.getByLabel('Objective', { exact: true })).toHaveValue('efficient-return');
  await expect(editor.getByLabel('ALPHA max weight (%)')).toHaveValue('40');
  await expect(editor.getByLabel('BRAVO sector')).toHaveValue('Tech');
  await expect(page.getByLabel('Cap 1 sector')).toHaveValue('Tech');
  await expect(page.getByLabel('Cap 1 max (%)')).toHaveValue('50');
  await expect(editor.getByLabel('DELTA current weight (%)')).toHaveValue('25');
  await expect(page.getByLabel('View 1 asset')).toHaveValue('ALPHA');
  await expect(page.getByLabel('View 1 confidence (%)')).toHaveValue('70');
  await expect(page.getByLabel('View 2 underperformer')).toHaveValue('CHARLIE');
  const reopened = await weightsOnScreen(page);
  for (const [t, w] of Object.entries(adopted)) expect(reopened[t]).toBeCloseTo(w, 6);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-workbench.png'), fullPage: true });
  await go(page, 'Data');
  await page.screenshot({ path: testInfo.outputPath('data-light.png'), fullPage: true });

  expect(pageErrors).toEqual([]);
  expect(violations, 'CSP violations').toEqual([]);
});

test('keyboard: help overlay lists the shortcuts, Alt+3 goes to Scenarios, Esc closes', async ({ page, frontier }) => {
  await page.goto(frontier.url);
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Ctrl+Enter')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Scenarios' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+2');
  await page.getByLabel('Scenario name').fill('typed');
  await page.getByLabel('Scenario name').press('Control+Enter'); // runs even from a field: no tickers → a message
  await expect(page.getByText(/Fix the highlighted fields: Tickers: pick at least one ticker/)).toBeVisible();
});

test('clicking a point on the frontier curve shows its weights and adopts them', async ({ page, frontier }) => {
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  await page.goto(frontier.url);
  await go(page, 'Optimise');
  for (const t of TICKERS) await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  await page.getByRole('button', { name: 'Run optimisation' }).click();
  const chart = page.getByRole('img', { name: 'Efficient frontier chart' });
  await expect(chart.locator('svg')).toBeVisible({ timeout: 60_000 });
  // A real click on a frontier symbol (SVG renderer: the curve's symbols are white-filled paths in the
  // first palette colour); take one whose centre is not covered by a marker or an asset.
  await chart.scrollIntoViewIfNeeded();
  // The symbols appear when the line's entry animation ends: poll until one is uncovered.
  const findTarget = () => chart.evaluate((root) => {
    const paths = [...root.querySelectorAll('svg path[fill="#fff"][stroke="#1f5fbf"]')];
    const bottom = root.getBoundingClientRect().bottom;
    for (const p of paths.reverse()) {
      const r = p.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y > bottom - 40) continue; // the legend's icon, not a point
      if (document.elementFromPoint(x, y) === p) return { x, y };
    }
    return null;
  });
  let target: { x: number; y: number } | null = null;
  await expect.poll(async () => (target = await findTarget()), { timeout: 15_000 }).not.toBeNull();
  expect(target, 'an uncovered frontier symbol').not.toBeNull();
  await page.mouse.click(target!.x, target!.y);
  await expect(page.getByText(/Point \d+\/\d+: return/)).toBeVisible();
  await expect(page.getByLabel('Frontier point weights').locator('.badge').first()).toBeVisible();
  await page.getByRole('button', { name: 'Adopt this point' }).click();
  await expect(page.getByLabel('Objective', { exact: true })).toHaveValue('efficient-return');
  await expect(page.getByText(/frontier point \d+/).first()).toBeVisible();
});

test('scenarios: rename, export JSON and import it back, delete with undo', async ({ page, frontier }, testInfo) => {
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  await frontier.api('scenario-save', {
    scenario: { name: 'Seed', tickers: ['ALPHA', 'BRAVO'], options: { objective: 'max-sharpe', targets: { rf: 0.01 } } },
  });
  await page.goto(frontier.url);
  await go(page, 'Scenarios');
  const list = page.getByRole('table', { name: 'Saved scenarios' });
  await expect(list.getByText('Seed')).toBeVisible();

  await list.getByRole('button', { name: 'Rename Seed' }).click();
  await list.getByLabel('New name').fill('Seed renamed');
  await list.getByLabel('New name').press('Enter');
  await expect(list.getByText('Seed renamed')).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Export Seed renamed as JSON' }).click();
  const download = await downloadPromise;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  expect(json).toMatchObject({ format: 'frontier-scenario', name: 'Seed renamed', tickers: ['ALPHA', 'BRAVO'], options: { objective: 'max-sharpe' } });
  expect(json).not.toHaveProperty('id');

  // Importing the file creates a second scenario with the same settings.
  await page.getByLabel('Import scenario JSON').setInputFiles(file);
  await expect(page.getByText('Imported as “Seed renamed (2)” (the name was taken).').first()).toBeVisible();
  await expect(list.getByText('Seed renamed (2)')).toBeVisible();
  const copy = (await frontier.api<{ id: number; name: string }[]>('scenario-list')).find((x) => x.name === 'Seed renamed (2)')!;
  const imported = await frontier.api<{ tickers: string[]; options: { objective: string; targets: { rf: number } } }>('scenario-get', { id: copy.id });
  expect(imported.tickers).toEqual(['ALPHA', 'BRAVO']);
  expect(imported.options.objective).toBe('max-sharpe');
  expect(imported.options.targets.rf).toBeCloseTo(0.01, 12);

  // A file that is not a scenario is refused with the schema's message.
  const bad = testInfo.outputPath('bad.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bad, JSON.stringify({ name: 'No tickers', tickers: [] }));
  await page.getByLabel('Import scenario JSON').setInputFiles(bad);
  await expect(page.getByRole('alert').filter({ hasText: /Import failed/ })).toBeVisible();

  const before = (await frontier.api<unknown[]>('scenario-list')).length;
  await list.getByRole('button', { name: 'Delete Seed renamed', exact: true }).click();
  await expect(page.getByText(/Deleted “Seed renamed”/).first()).toBeVisible();
  expect((await frontier.api<unknown[]>('scenario-list')).length).toBe(before - 1);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await expect(page.getByText(/Restored “Seed renamed”/).first()).toBeVisible();
  expect((await frontier.api<unknown[]>('scenario-list')).length).toBe(before);
});
