/**
 * The base-currency part of the Optimise form (issue 16): base currency, hedge ratios per currency in
 * percent, and the "last rate up to N days old" fill, validated into options.currency.
 */
import type { CurrencySettingsInput } from '../../../shared/api/fx.js';

export interface CurrencyForm {
  /** ISO code, '' = prices as stored (no conversion). */
  baseCurrency: string;
  /** Hedge ratios as typed: `USD:100, GBP:50` (percent). */
  hedges: string;
  /** Whole days; '' = 0 (exact dates only). */
  fxMaxAgeDays: string;
}

export function emptyCurrencyForm(): CurrencyForm {
  return { baseCurrency: '', hedges: '', fxMaxAgeDays: '' };
}

/** `{currency}` for the options, or {} without a base; field errors go into `errors`. */
export function validateCurrency(form: Partial<CurrencyForm>, errors: Record<string, string>): { currency?: CurrencySettingsInput } {
  const base = (form.baseCurrency ?? '').trim().toUpperCase();
  const hedgeText = (form.hedges ?? '').trim();
  const ageText = (form.fxMaxAgeDays ?? '').trim();
  if (base === '') {
    if (hedgeText !== '') errors.hedges = 'hedge ratios need a base currency';
    return {};
  }
  if (!/^[A-Z]{3}$/.test(base)) {
    errors.baseCurrency = 'a three-letter currency code such as EUR';
    return {};
  }
  const hedges: Record<string, number> = {};
  for (const part of hedgeText === '' ? [] : hedgeText.split(/[,;]/)) {
    const m = /^\s*([A-Za-z]{3})\s*[:=]\s*([\d.]+)\s*%?\s*$/.exec(part);
    const pct = m ? Number(m[2]) : Number.NaN;
    if (!m || !(pct >= 0 && pct <= 100)) {
      errors.hedges = `"${part.trim()}" is not CCY:PERCENT (0–100), e.g. USD:100`;
      continue;
    }
    hedges[m[1]!.toUpperCase()] = pct / 100;
  }
  let maxAgeDays = 0;
  if (ageText !== '') {
    if (!/^\d+$/.test(ageText)) errors.fxMaxAgeDays = 'a whole number of days';
    else maxAgeDays = Number(ageText);
  }
  return { currency: { base, hedges, maxAgeDays } };
}

/** The form fields back from saved options.currency (reopening a scenario). */
export function currencyFormFrom(c: CurrencySettingsInput | undefined): CurrencyForm {
  if (!c) return emptyCurrencyForm();
  const hedges = Object.entries(c.hedges ?? {})
    .map(([k, v]) => `${k}:${Math.round(v * 1000) / 10}`)
    .join(', ');
  return { baseCurrency: c.base, hedges, fxMaxAgeDays: c.maxAgeDays ? String(c.maxAgeDays) : '' };
}
