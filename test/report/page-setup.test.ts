/**
 * Both printers take their page options from one page setup: the Electron printer cannot run here (no
 * Electron binary), so its options are checked against the Chromium printer's, which the PDF tests print.
 */
import { describe, expect, it } from 'vitest';
import { electronPdfOptions, PAGE_MARGINS_MM, pdfPageSetup, playwrightPdfOptions, type PrintOptions } from '../../src-main/report/printer.js';

const MM_PER_INCH = 25.4;
const cases: PrintOptions[] = [
  { paper: 'a4' },
  { paper: 'letter', footerTemplate: '<div>Page <span class="pageNumber"></span></div>' },
  { paper: 'a4', headerTemplate: '<div>head</div>', footerTemplate: '<div>foot</div>', scale: 0.7 },
];

describe('report page setup', () => {
  it('maps paper, scale and templates the same way for Electron and playwright-core', () => {
    for (const opts of cases) {
      const pw = playwrightPdfOptions(opts);
      const el = electronPdfOptions(opts);
      expect(pw.format).toBe(opts.paper === 'a4' ? 'A4' : 'Letter');
      expect(el.pageSize).toBe(pw.format);
      expect(el.scale).toBe(opts.scale ?? 1);
      expect(pw.scale).toBe(el.scale);
      expect([el.printBackground, pw.printBackground]).toEqual([true, true]);
      expect([el.preferCSSPageSize, pw.preferCSSPageSize]).toEqual([false, false]);
      expect(el.displayHeaderFooter).toBe(opts.footerTemplate !== undefined || opts.headerTemplate !== undefined);
      expect(pw.displayHeaderFooter).toBe(el.displayHeaderFooter);
      expect([el.headerTemplate, el.footerTemplate]).toEqual([pw.headerTemplate, pw.footerTemplate]);
    }
  });

  it('never leaves a template empty (Chromium would print its own date and title line)', () => {
    const onlyFooter = pdfPageSetup({ paper: 'a4', footerTemplate: '<div>foot</div>' });
    expect(onlyFooter.headerTemplate).toBe('<span></span>');
    expect(onlyFooter.displayHeaderFooter).toBe(true);
    expect(pdfPageSetup({ paper: 'a4' })).toMatchObject({ displayHeaderFooter: false, headerTemplate: '<span></span>', footerTemplate: '<span></span>' });
  });

  it('gives the same margins in millimetres and inches', () => {
    const pw = playwrightPdfOptions({ paper: 'a4' });
    const el = electronPdfOptions({ paper: 'a4' });
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      expect(pw.margin[side]).toBe(`${PAGE_MARGINS_MM[side]}mm`);
      expect(el.margins[side] * MM_PER_INCH).toBeCloseTo(PAGE_MARGINS_MM[side], 10);
    }
  });
});
