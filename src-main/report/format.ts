/**
 * Number and text formatting for reports. Percentages use a fixed number of decimals and the same
 * "12.34 %" shape as the app's charts and tables; thousands and decimal separators follow the locale.
 */

export interface ReportFormat {
  locale: string;
  /** A fraction as percent with fixed decimals: 0.1234 → "12.34 %"; non-finite → "–". */
  pct(fraction: number, digits?: number): string;
  /** A signed fraction as percent: +1.20 % / −0.40 %. */
  pctSigned(fraction: number, digits?: number): string;
  /** A plain number with fixed decimals and locale grouping. */
  num(value: number, digits?: number): string;
  /** A whole number with locale grouping. */
  int(value: number): string;
  /** Money with grouping and 2 decimals, prefixed by the currency code when given. */
  money(value: number): string;
}

/** What a report prints for a value that does not exist (the same dash as the app's tables). */
export const DASH = '–';

export function reportFormat(locale = 'en-US', currency?: string): ReportFormat {
  const cache = new Map<number, Intl.NumberFormat>();
  const fixed = (digits: number): Intl.NumberFormat => {
    let f = cache.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
      cache.set(digits, f);
    }
    return f;
  };
  // Formatting -0.00001 would print "-0.00": treat what rounds to zero as zero.
  const tidy = (value: number, digits: number): number => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);
  const num = (value: number, digits = 2): string => (Number.isFinite(value) ? fixed(digits).format(tidy(value, digits)) : DASH);
  return {
    locale,
    pct: (fraction, digits = 2) => (Number.isFinite(fraction) ? `${num(fraction * 100, digits)} %` : DASH),
    pctSigned: (fraction, digits = 2) => {
      if (!Number.isFinite(fraction)) return DASH;
      const v = tidy(fraction * 100, digits);
      return `${v > 0 ? '+' : ''}${num(v, digits)} %`;
    },
    num,
    int: (value) => (Number.isFinite(value) ? fixed(0).format(tidy(Math.round(value), 0)) : DASH),
    money: (value) => (Number.isFinite(value) ? `${currency ? `${currency} ` : ''}${num(value, 2)}` : DASH),
  };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Markup built by this module (the `html` template, `raw` for the report's own trusted fragments). It is
 * a class so that only markup made here passes through unescaped: a plain object with an `__html` key
 * coming from data (a stored result) is just a value and is escaped like any other.
 */
export class Html {
  readonly __html: string;
  constructor(markup: string) {
    this.__html = markup;
  }
}

export function raw(text: string): Html {
  return new Html(text);
}

type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  if (value instanceof Html) return value.__html;
  // Anything else (a number, a string, or an object that slipped through from data) is text.
  return escapeHtml(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Joins html fragments. */
export function join(parts: readonly HtmlValue[]): Html {
  return raw(render(parts));
}
