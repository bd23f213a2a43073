import { describe, expect, it } from 'vitest';
import { escapeHtml, html, reportFormat } from '../../src-main/report/format.js';
import { countPdfPages } from '../../src-main/report/pdf-pages.js';
import { reportFileName } from '../../src-main/report/export-report.js';

describe('report number formatting', () => {
  it('prints fractions as percent with fixed decimals, like the app', () => {
    const f = reportFormat('en-US');
    expect(f.pct(0.123456)).toBe('12.35 %');
    expect(f.pct(0.5, 0)).toBe('50 %');
    expect(f.pct(1)).toBe('100.00 %');
    expect(f.pct(Number.NaN)).toBe('–');
  });

  it('never prints a negative zero', () => {
    const f = reportFormat('en-US');
    expect(f.pct(-0.0000001)).toBe('0.00 %');
    expect(f.pctSigned(-0.0000001)).toBe('0.00 %');
    expect(f.int(-0.2)).toBe('0');
  });

  it('signs changes explicitly', () => {
    const f = reportFormat('en-US');
    expect(f.pctSigned(0.0125)).toBe('+1.25 %');
    expect(f.pctSigned(-0.0125)).toBe('-1.25 %');
  });

  it('groups thousands by locale', () => {
    expect(reportFormat('en-US').num(1234567.891, 2)).toBe('1,234,567.89');
    expect(reportFormat('de-DE').num(1234567.891, 2)).toBe('1.234.567,89');
    expect(reportFormat('de-DE').pct(0.1234)).toBe('12,34 %');
    expect(reportFormat('en-US', 'USD').money(-1234.5)).toBe('USD -1,234.50');
    expect(reportFormat('en-US').int(25_000_000)).toBe('25,000,000');
  });
});

describe('report html helpers', () => {
  it('escapes interpolated text but not nested fragments', () => {
    const name = '<script>alert("x")</script> & co';
    const out = html`<p>${name}</p>${html`<b>${'a<b'}</b>`}`.__html;
    expect(out).not.toContain('<script>');
    expect(out).toContain('&#60;script&#62;');
    expect(out).toContain('<b>a&#60;b</b>');
    expect(escapeHtml(`"'`)).toBe('&#34;&#39;');
  });

  it('builds safe, dated file names', () => {
    const d = new Date('2026-11-22T10:00:00Z');
    expect(reportFileName('Growth / Value: 60–40 ', d)).toBe('growth-value-6040-2026-11-22.pdf');
    expect(reportFileName('***', d)).toBe('scenario-2026-11-22.pdf');
  });
});

describe('countPdfPages', () => {
  it('reads the page tree count', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<</Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3>>\nendobj\n3 0 obj <</Type /Page /Parent 1 0 R>> endobj');
    expect(countPdfPages(pdf)).toBe(3);
  });
  it('falls back to counting page objects', () => {
    const pdf = new TextEncoder().encode('<</Type /Page>> <</Type/Page /X 1>> <</Type /Pages>>');
    expect(countPdfPages(pdf)).toBe(2);
  });
});
