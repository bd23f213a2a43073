import { describe, expect, it } from 'vitest';
import { currencyFormFrom, validateCurrency } from './currency-form.js';

describe('currency form', () => {
  it('turns the typed fields into options.currency and back', () => {
    const errors: Record<string, string> = {};
    const r = validateCurrency({ baseCurrency: 'eur', hedges: 'USD:100, gbp: 50%', fxMaxAgeDays: '3' }, errors);
    expect(errors).toEqual({});
    expect(r).toEqual({ currency: { base: 'EUR', hedges: { USD: 1, GBP: 0.5 }, maxAgeDays: 3 } });
    expect(currencyFormFrom(r.currency)).toEqual({ baseCurrency: 'EUR', hedges: 'USD:100, GBP:50', fxMaxAgeDays: '3' });
    expect(validateCurrency({ baseCurrency: '' }, {})).toEqual({});
  });

  it('flags a bad code, a ratio outside 0–100 and hedges without a base', () => {
    const e1: Record<string, string> = {};
    validateCurrency({ baseCurrency: 'EURO' }, e1);
    expect(e1.baseCurrency).toContain('three-letter');
    const e2: Record<string, string> = {};
    validateCurrency({ baseCurrency: 'EUR', hedges: 'USD:150', fxMaxAgeDays: '1.5' }, e2);
    expect(e2.hedges).toContain('USD:150');
    expect(e2.fxMaxAgeDays).toBe('a whole number of days');
    const e3: Record<string, string> = {};
    validateCurrency({ hedges: 'USD:100' }, e3);
    expect(e3.hedges).toBe('hedge ratios need a base currency');
  });
});
