/** Number formatting used in chart labels and tooltips (fractions shown as percent). */

/** Formats a fraction (0.0812) as a percent string ("8.12 %"); null or non-finite (an undefined figure) as "–". */
export function pct(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(digits)} %`;
}

/** Formats a plain ratio such as a Sharpe ratio with fixed digits; null or non-finite as "–". */
export function ratio(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

/** Escapes text for the HTML tooltips ECharts renders (tickers come from user files). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
