/** Parsing of the numbers users type into form fields. */

export type Parsed = { ok: true; value: number | undefined } | { ok: false; message: string };

/** Parses a decimal typed by a user ("8", "8.5", "8,5", "8 %"); empty → undefined. */
export function parseNumber(text: string): Parsed {
  const t = text.trim().replace(/%$/, '').trim().replace(/\s/g, '');
  if (t === '') return { ok: true, value: undefined };
  // A single comma is a decimal separator ("8,5"); anything else with commas is ambiguous.
  const normal = /^[-+]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return { ok: false, message: `“${text.trim()}” is not a number` };
  const value = Number(normal);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'number out of range' };
}

/** Parses a percent field into a fraction (8 → 0.08). */
export function parsePercent(text: string): Parsed {
  const p = parseNumber(text);
  return p.ok && p.value !== undefined ? { ok: true, value: p.value / 100 } : p;
}

/** Shows a fraction as a percent field text (0.08 → "8"), trimming float noise. */
export function percentText(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(Number((value * 100).toPrecision(10)));
}

/** Shows a number as field text. */
export function numberText(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(12)));
}
