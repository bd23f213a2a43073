/** Chromium header/footer templates: the scenario name and "page N of M" on every page. */
import { escapeHtml } from './format.js';

/**
 * The footer runs in its own tiny document: it inherits no CSS and defaults to a 0-size font, so the
 * template carries its own inline style. Chromium fills the pageNumber/totalPages spans.
 */
export function footerTemplate(scenarioName: string, title: string): string {
  const style = "font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#5b6475;width:100%;margin:0 14mm;display:flex;justify-content:space-between";
  return `<div style="${style}"><span>${escapeHtml(title)} · ${escapeHtml(scenarioName)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/** An explicitly empty header (Chromium prints the date and URL when none is given). */
export const EMPTY_HEADER = '<span></span>';
