/// <reference lib="dom" />
/**
 * The report logo in the export options, in Chromium through web mode: a text file named .png is
 * refused with the reason next to the field; a PNG is previewed, kept across a reload, and printed
 * into the PDF as the one raster image, at its own pixel size (read back with pdfimages).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, repoRoot, test } from './fixtures.js';

const SAMPLE = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const LOGO = join(repoRoot, 'test', 'fixtures', 'report', 'logo-24x12.png');
const LOGO_SIZE = { width: 24, height: 12 };
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE'];

interface PdfImage {
  page: number;
  type: string;
  width: number;
  height: number;
}

/** Rows of `pdfimages -list` (two header lines, then one image per line). */
function pdfImages(path: string): PdfImage[] {
  return execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const [page, , type, width, height] = l.trim().split(/\s+/);
      return { page: Number(page), type: type!, width: Number(width), height: Number(height) };
    });
}

test.afterEach(async ({ page }) => {
  await page.context().close();
});

test('a bad logo is refused next to the field; a PNG is previewed, kept and printed in the PDF', async ({ page, frontier }, testInfo) => {
  await frontier.api('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  await page.goto(frontier.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Optimise' }).click();
  await page.getByText('Report options', { exact: true }).click();
  const options = page.locator('details', { has: page.getByText('Report options', { exact: true }) });
  const input = options.getByLabel('Report logo');
  await expect(input).toBeVisible();

  // A text file with a .png name: main reads the type from the bytes and refuses it.
  const fake = testInfo.outputPath('not-a-logo.png');
  writeFileSync(fake, 'This is a text file, not an image.\n');
  await input.setInputFiles(fake);
  const error = options.getByRole('alert');
  await expect(error).toHaveText('not-a-logo.png: the file is not a PNG, JPEG or SVG image');
  await expect(options.getByRole('img', { name: 'Report logo preview' })).toHaveCount(0);

  // A real PNG: the error goes, the preview shows the image as it will print.
  await input.setInputFiles(LOGO);
  const preview = options.getByRole('img', { name: 'Report logo preview' });
  await expect(preview).toBeVisible();
  await expect(error).toHaveCount(0);
  expect(await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([LOGO_SIZE.width, LOGO_SIZE.height]);
  expect(await preview.getAttribute('src')).toBe(`data:image/png;base64,${readFileSync(LOGO).toString('base64')}`);

  // The logo is an app setting: a reload keeps it.
  await page.reload();
  await page.getByText('Report options', { exact: true }).click();
  await expect(preview).toBeVisible();

  for (const t of TICKERS) {
    await page.getByLabel('Search tickers').fill(t);
    await page.getByRole('group', { name: 'Available tickers' }).getByRole('checkbox', { name: t, exact: true }).check();
  }
  await page.getByLabel('Scenario name').fill('Logo check');
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdfPath = testInfo.outputPath('report.pdf');
  await (await download).saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Charts are vector: the logo is the only image, on the cover page.
  const images = pdfImages(pdfPath);
  expect(images).toEqual([{ page: 1, type: 'image', ...LOGO_SIZE }]);
  expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' })).toContain('Logo check');
});
