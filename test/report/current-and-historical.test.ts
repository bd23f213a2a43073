/**
 * Two figures other parts of the app save with a scenario and the PDF prints: the current holdings'
 * return/volatility/Sharpe (results.current, from the workbench) in the summary and on the frontier
 * chart, and the correlation shock's historical CVaR next to the parametric one in the stress section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter } from '../../src-main/host/chromium-printer.js';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { exportReport } from '../../src-main/report/export-report.js';
import type { PdfPrinter } from '../../src-main/report/printer.js';
import type { ReportScenario } from '../../src-main/report/report-input.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';
import { pdfText, pdfToolsMissing, savePdf } from './pdf-tools.js';

const generatedAt = new Date('2026-11-22T09:00:00Z');
const CURRENT = { expectedReturn: 0.0611, volatility: 0.1702, sharpe: 0.2414 };

type Shock = { base: Record<string, unknown>; shocked: Record<string, unknown>; historicalNote?: unknown };
function shockOf(scenario: ReportScenario): Shock {
  return (scenario.results!.stress as { correlationShock: Shock }).correlationShock;
}

describe('results.current and historical CVaR in the report HTML', () => {
  it('leaves out an unreadable results.current with a warning naming the field', () => {
    const scenario = fixtureScenario({ n: 3 });
    scenario.results!.current = { expectedReturn: 0.05, volatility: 'high', sharpe: 1 } as unknown as typeof CURRENT;
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt });
    expect(built.warnings).toEqual([expect.stringMatching(/^results\.current left out: volatility: /)]);
    expect(built.html).not.toContain('Current portfolio');
  });
});

describe.skipIf(pdfToolsMissing !== null)('results.current and historical CVaR in the PDF', () => {
  let printer: PdfPrinter;
  const dir = tempDir('frontier-report-current-');
  beforeAll(() => {
    printer = createChromiumPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  async function text(name: string, scenario: ReportScenario): Promise<string> {
    const report = await exportReport(printer, { scenario }, { paper: 'a4', generatedAt, sections: ['summary', 'frontier', 'stress'] });
    expect(report.warnings).toEqual([]);
    return pdfText(savePdf(dir, name, report.pdf));
  }

  it('prints the current portfolio next to the proposed one, on the frontier chart, and both CVaRs of the shock', async () => {
    const scenario = fixtureScenario({ n: 4, stress: true });
    scenario.results!.current = CURRENT;
    const t = await text('current.pdf', scenario);
    // Summary: current, proposed (fixture 8.12 % / 13.45 % / 0.60) and the change.
    expect(t).toMatch(/Expected return \(annual\)\s+6\.11 %\s+8\.12 %\s+\+2\.01 %/);
    expect(t).toMatch(/Volatility \(annual\)\s+17\.02 %\s+13\.45 %\s+-3\.57 %/);
    expect(t).toMatch(/Sharpe ratio\s+0\.24\s+0\.60\s+\+0\.36/);
    // Frontier: the chart's legend names the point, the text gives its figures.
    expect(t).toContain('Current portfolio');
    expect(t).toContain('The current portfolio: return 6.11 %, volatility 17.02 %, Sharpe 0.24.');
    // Stress: fixture parametric 2.13 % → 3.51 %, historical 2.36 % → 3.88 % over 1,250 days.
    expect(t).toMatch(/CVaR 95 % \(daily, parametric\)\s+2\.13 %\s+3\.51 %/);
    expect(t).toMatch(/CVaR 95 % \(daily, historical\)\s+2\.36 %\s+3\.88 %/);
    expect(t.replace(/\s+/g, ' ')).toContain('of 1,250 days re-coloured to the shocked covariance');
  });

  it('prints a dash and the note when the historical CVaR could not be computed, and no current portfolio without results.current', async () => {
    const scenario = fixtureScenario({ n: 4, stress: true });
    const shock = shockOf(scenario);
    shock.shocked.historicalCvar = null;
    shock.historicalNote = 'Too few days with every asset priced.';
    const t = await text('no-current.pdf', scenario);
    expect(t).toMatch(/CVaR 95 % \(daily, historical\)\s+2\.36 %\s+–/);
    expect(t.replace(/\s+/g, ' ')).toContain('Too few days with every asset priced.');
    expect(t).not.toContain('Current portfolio');
    expect(t).not.toContain('The current portfolio');
    expect(t).not.toContain('Current vs proposed portfolio');
  });

  it('keeps the single CVaR row for stress results saved before the historical figure existed', async () => {
    const scenario = fixtureScenario({ n: 4, stress: true });
    const shock = shockOf(scenario);
    delete shock.base.historicalCvar;
    delete shock.shocked.historicalCvar;
    const t = await text('old-stress.pdf', scenario);
    expect(t).toMatch(/CVaR 95 %\s+2\.13 %\s+3\.51 %/);
    expect(t).not.toContain('historical');
  });
});
