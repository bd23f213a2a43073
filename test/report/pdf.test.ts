/**
 * Reports printed by the system Chromium and read back with poppler: page count, paper size, embedded
 * fonts, section titles, tickers and weights as formatted, footers, tables across pages, charts whole.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter } from '../../src-main/host/chromium-printer.js';
import { exportReport } from '../../src-main/report/export-report.js';
import { reportFormat } from '../../src-main/report/format.js';
import type { PdfPrinter } from '../../src-main/report/printer.js';
import type { ReportInput, ReportOptions } from '../../src-main/report/report-input.js';
import { REPORT_ONE_PAGE_SECTIONS, REPORT_SECTION_TITLES } from '../../shared/api/reports.js';
import { CHART_BARS } from '../../src-main/report/sections/weights.js';
import { figure } from '../../src-main/report/section-kit.js';
import { REPORT_CSS } from '../../src-main/report/styles.js';
import { PAGE_MARGINS_MM } from '../../src-main/report/printer.js';
import { weightsChartOption } from '../../shared/charts/bars.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';
import { pdfFonts, pdfInfo, pdfText, pdfToolsMissing, savePdf, wordsByPage } from './pdf-tools.js';

const A4 = { width: 595.92, height: 842.88 };
const LETTER = { width: 612, height: 792 };
const generatedAt = new Date('2026-11-22T09:00:00Z');
/** A 2×2 PNG. */
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const fmt = reportFormat('en-US', 'USD');

describe.skipIf(pdfToolsMissing !== null)('PDF reports through Chromium', () => {
  let printer: PdfPrinter;
  const dir = tempDir('frontier-report-');
  beforeAll(() => {
    printer = createChromiumPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  async function print(name: string, input: ReportInput, options: Partial<ReportOptions> = {}) {
    const report = await exportReport(printer, input, { paper: 'a4', generatedAt, ...options });
    const path = savePdf(dir, name, report.pdf);
    return { report, path, info: pdfInfo(path), text: pdfText(path) };
  }

  it('prints the skeleton report on one A4 page with tickers, weights and key metrics', async () => {
    const scenario = fixtureScenario({ n: 3, name: 'Skeleton min-vol' });
    const { report, path, info, text } = await print('skeleton.pdf', { scenario }, { sections: ['cover', 'summary', 'weights', 'frontier'] });
    expect(info.pages).toBe(1);
    expect(report.pages).toBe(1);
    expect(info.width).toBeCloseTo(A4.width, 0);
    expect(info.height).toBeCloseTo(A4.height, 0);
    expect(info.title).toBe('Portfolio report – Skeleton min-vol');
    for (const title of ['Portfolio report', 'Skeleton min-vol', '2026-11-22', 'Executive summary', 'Weights and trades', 'Efficient frontier', 'Annualised expected return against volatility']) {
      expect(text).toContain(title);
    }
    const optimize = scenario.results!.optimize!;
    for (const [ticker, weight] of Object.entries(optimize.weights)) {
      expect(text).toMatch(new RegExp(`${ticker}\\s+${fmt.pct(weight).replace('.', '\\.')}`));
    }
    expect(text).toContain(fmt.pct(optimize.performance.expectedReturn));
    expect(text).toContain(fmt.pct(optimize.performance.volatility));
    expect(text).toContain(fmt.num(optimize.performance.sharpe, 2));
    expect(text).toMatch(/Skeleton min-vol\s+Page 1 of 1/);
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('shrinks a 12-asset skeleton report to fit one page, and only when asked', async () => {
    const scenario = fixtureScenario({ n: 12, name: 'Twelve assets' });
    const sections = [...REPORT_ONE_PAGE_SECTIONS];
    const natural = await print('twelve-natural.pdf', { scenario }, { sections, onePage: false });
    expect(natural.info.pages).toBeGreaterThan(1);
    const fitted = await print('twelve-fitted.pdf', { scenario }, { sections });
    expect(fitted.info.pages).toBe(1);
    for (const [ticker, weight] of Object.entries(scenario.results!.optimize!.weights)) {
      expect(fitted.text).toMatch(new RegExp(`${ticker}\\s+${fmt.pct(weight).replace('.', '\\.')}`));
    }
  });

  it('prints every section on US Letter with numbered footers on each page', async () => {
    const scenario = fixtureScenario({ n: 8, views: true, backtest: true, stress: true, holdings: true, name: 'Committee pack' });
    const correlation = { tickers: scenario.tickers, matrix: scenario.tickers.map((_, i) => scenario.tickers.map((__, j) => (i === j ? 1 : 0.25))) };
    const lastPrices = Object.fromEntries(scenario.tickers.map((t, i) => [t, 20 + 7 * i]));
    const other = { ...fixtureScenario({ n: 8, seed: 9 }), name: 'Alternative mix' };
    const { report, info, text, path } = await print(
      'letter.pdf',
      { scenario, correlation, lastPrices, compare: [other] },
      { paper: 'letter', author: 'Jane Analyst', portfolioValue: 1_000_000, currency: 'USD', title: 'Investment committee', logo: LOGO },
    );
    // The logo is the only raster image: embedded once, on the cover page.
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(images.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([1]);
    expect(info.width).toBeCloseTo(LETTER.width, 0);
    expect(info.height).toBeCloseTo(LETTER.height, 0);
    expect(info.pages).toBe(report.pages);
    expect(info.pages).toBeGreaterThan(3);
    expect(report.sections).toHaveLength(12);
    for (const s of report.sections.filter((s) => s !== 'cover')) expect(text).toContain(REPORT_SECTION_TITLES[s]);
    expect(text).toContain('Jane Analyst');
    expect(text).toContain('Alternative mix');
    expect(text).toContain('not recovered');
    // Trades: whole shares at the last price, money with the currency code.
    const t0 = scenario.tickers[0]!;
    const shares = Math.round(((scenario.results!.optimize!.weights[t0]! - 1 / 8) * 1_000_000) / lastPrices[t0]!);
    expect(text).toContain(fmt.money(shares * lastPrices[t0]!));
    for (let page = 1; page <= info.pages; page++) {
      expect(pdfText(path, page)).toMatch(new RegExp(`Investment committee · Committee pack\\s+Page ${page} of ${info.pages}`));
    }
    expect(pdfFonts(path).every((f) => f.embedded)).toBe(true);
  });

  it('breaks a 100-asset weights table across pages with its header repeated and keeps charts whole', async () => {
    const scenario = fixtureScenario({ n: 100, holdings: true, backtest: true, stress: true, years: 10, name: 'Hundred assets' });
    const lastPrices = Object.fromEntries(scenario.tickers.map((t, i) => [t, 10 + i]));
    const { info, path } = await print('hundred.pdf', { scenario, lastPrices }, { portfolioValue: 50_000_000, currency: 'USD' });
    expect(info.pages).toBeGreaterThan(5);
    const weights = scenario.results!.optimize!.weights;
    // A weights-table row: ticker, weight, current, change, price, shares, money.
    const row = /^\s*(A\d{3})\s+(\S+ %)\s+\S+ %\s+[+-]?\S+ %\s+[\d,.]+\s+-?[\d,]+\s+USD/gm;
    const seen = new Map<string, string>();
    const tablePages: number[] = [];
    for (let page = 1; page <= info.pages; page++) {
      const text = pdfText(path, page);
      const rows = [...text.matchAll(row)];
      if (rows.length === 0) continue;
      tablePages.push(page);
      expect(text, `page ${page} repeats the header`).toMatch(/Ticker\s+Weight\s+Current\s+Change\s+Last price\s+Trade \(shares\)\s+Trade \(money\)/);
      for (const m of rows) seen.set(m[1]!, m[2]!);
    }
    expect(tablePages.length).toBeGreaterThan(1);
    expect(seen.size).toBe(100); // held or currently owned: every asset here
    for (const [ticker, shown] of seen) expect(shown).toBe(fmt.pct(weights[ticker]!));

    // The weights chart: its top bar (largest weight) sits above its bottom bar ("Other N") on one page.
    const pages = wordsByPage(path);
    const largest = Object.entries(weights).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const held = Object.values(weights).filter((w) => w > 1e-6).length;
    const bottomLabel = `${held - CHART_BARS}`;
    const chartPage = pages.findIndex((words) => words.some((w, i) => w.text === 'Other' && words[i + 1]?.text === bottomLabel));
    expect(chartPage).toBeGreaterThanOrEqual(0);
    const words = pages[chartPage]!;
    const otherY = words.find((w) => w.text === 'Other')!.y;
    const top = words.filter((w) => w.text === largest && w.y < otherY);
    expect(top.length, `${largest} is drawn above "Other ${bottomLabel}" on page ${chartPage + 1}`).toBeGreaterThan(0);
    expect(pdfFonts(path).every((f) => f.embedded)).toBe(true);
  });

  it('moves a chart that would straddle a page break whole, with its caption, to the next page', async () => {
    // The spacer leaves room for the 400 px chart but not for its caption below it.
    const bars = Object.fromEntries(['TOPBAR', ...Array.from({ length: 10 }, (_, i) => `MID${i}`), 'BOTTOMBAR'].map((k, i) => [k, 0.3 - i * 0.02]));
    const chart = figure(weightsChartOption(bars, { animation: false }), 600, 400, 'Caption stays with its chart').__html;
    const pageHeightPx = ((297 - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom) * 96) / 25.4;
    const doc = `<!doctype html><html><head><style>${REPORT_CSS}</style></head><body><div style="height:${Math.round(pageHeightPx - 408)}px"></div>${chart}</body></html>`;
    const path = savePdf(dir, 'straddle.pdf', await printer.printPdf(doc, { paper: 'a4' }));
    const pages = wordsByPage(path);
    expect(pages).toHaveLength(2);
    const pageOf = (text: string) => pages.findIndex((words) => words.some((w) => w.text === text));
    expect(pageOf('TOPBAR')).toBe(1);
    expect(pageOf('BOTTOMBAR')).toBe(1);
    expect(pageOf('Caption')).toBe(1);
  });

  it('refuses to print after close', async () => {
    const p = createChromiumPrinter();
    await p.close();
    await expect(p.printPdf('<p>x</p>', { paper: 'a4' })).rejects.toThrow(/closed/);
  });
});
