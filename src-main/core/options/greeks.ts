/** One option's price and Greeks by its style, and the time to expiry in calendar years. */
import { DAYS_PER_YEAR, type OptionGreeks, type OptionInputs } from '../../../shared/domain/options.js';
import { fail, ok, type CoreResult } from '../result.js';
import { americanGreeks, americanPrice } from './american.js';
import { bsmGreeks, bsmPrice } from './bsm.js';

/** Days from `asOf` to `expiry` (ISO dates), calendar days. */
export function daysBetween(asOf: string, expiry: string): number {
  return Math.round((Date.parse(`${expiry}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / 86_400_000);
}

/** Years of 365 calendar days from `asOf` to `expiry`. */
export function yearsToExpiry(asOf: string, expiry: string): number {
  return daysBetween(asOf, expiry) / DAYS_PER_YEAR;
}

function checkInputs(o: OptionInputs): CoreResult<null> {
  if (!(o.years > 0)) return fail('expired', 'the option has expired (time to expiry ≤ 0): it is not priced');
  if (!(o.spot > 0)) return fail('invalid-input', `spot ${o.spot} must be positive`);
  if (!(o.strike > 0)) return fail('invalid-input', `strike ${o.strike} must be positive`);
  if (!(o.vol > 0)) return fail('invalid-input', `volatility ${o.vol} must be positive`);
  if (![o.rate, o.dividendYield].every(Number.isFinite)) return fail('invalid-input', 'rate and dividend yield must be finite');
  return ok(null);
}

/** Price per share of one option (BSM when European, Leisen–Reimer when American). */
export function optionPrice(o: OptionInputs): CoreResult<number> {
  const c = checkInputs(o);
  if (!c.ok) return c;
  return ok(o.style === 'american' ? americanPrice(o) : bsmPrice(o));
}

/** Price and Greeks per share of one option (pure derivatives; units in OptionGreeks). */
export function optionGreeks(o: OptionInputs): CoreResult<OptionGreeks> {
  const c = checkInputs(o);
  if (!c.ok) return c;
  return ok(o.style === 'american' ? americanGreeks(o) : bsmGreeks(o));
}
