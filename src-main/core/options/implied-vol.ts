/**
 * Implied volatility from a mark price. European: Newton on the BSM price, safeguarded by bisection
 * on a bracket that always contains the root (the price is increasing in σ). American: Brent on the
 * same bracket over the tree price. Marks outside the no-arbitrage bounds are an error, never a vol.
 */
import type { OptionInputs } from '../../../shared/domain/options.js';
import { fail, ok, type CoreResult } from '../result.js';
import { americanPrice } from './american.js';
import { bsmPrice } from './bsm.js';
import { normCdf, normPdf } from './normal.js';

export const VOL_MIN = 1e-6;
export const VOL_MAX = 10;

/** No-arbitrage bounds of an option's price per share (spot's currency). */
export function priceBounds(o: Omit<OptionInputs, 'vol'>): { lower: number; upper: number } {
  const fs = o.spot * Math.exp(-o.dividendYield * o.years);
  const fk = o.strike * Math.exp(-o.rate * o.years);
  const call = o.type === 'call';
  let lower = Math.max(0, call ? fs - fk : fk - fs);
  let upper = call ? fs : fk;
  if (o.style === 'american') {
    lower = Math.max(lower, call ? o.spot - o.strike : o.strike - o.spot);
    upper = call ? o.spot : o.strike;
  }
  return { lower, upper };
}

/** Implied vol (annual fraction) of a mark price per share; error 'outside-bounds' names the bound crossed. */
export function impliedVol(price: number, o: Omit<OptionInputs, 'vol'>): CoreResult<number> {
  if (!(o.years > 0)) return fail('expired', 'the option has expired: no implied volatility');
  if (!Number.isFinite(price) || price < 0) return fail('invalid-input', `price ${price} is not a non-negative number`);
  const { lower, upper } = priceBounds(o);
  const bounds = { price, lower, upper };
  if (price <= lower) return fail('outside-bounds', `price ${price} is at or below the no-arbitrage lower bound ${lower.toPrecision(8)} (intrinsic value): no implied volatility`, bounds);
  if (price >= upper) return fail('outside-bounds', `price ${price} is at or above the no-arbitrage upper bound ${upper.toPrecision(8)}: no implied volatility`, bounds);
  const priceAt = o.style === 'american' ? (v: number) => americanPrice({ ...o, vol: v }) : (v: number) => bsmPrice({ ...o, vol: v });
  if (price <= priceAt(VOL_MIN)) return fail('outside-bounds', `price ${price} is below the price at ${VOL_MIN} vol: no implied volatility`, bounds);
  if (price >= priceAt(VOL_MAX)) return fail('outside-bounds', `price ${price} needs a volatility above ${VOL_MAX * 100} %`, bounds);
  return ok(o.style === 'american' ? brent((v) => priceAt(v) - price, VOL_MIN, VOL_MAX, 1e-12) : newtonBisect(price, o));
}

/** BSM price and vega per share at vol `v` (the two figures Newton needs, nothing more). */
function priceAndVega(o: Omit<OptionInputs, 'vol'>, v: number, fs: number, fk: number, sqrtT: number, logFK: number): [number, number] {
  const sd = v * sqrtT;
  const d1 = logFK / sd + 0.5 * sd;
  const d2 = d1 - sd;
  const price = o.type === 'call' ? fs * normCdf(d1) - fk * normCdf(d2) : fk * normCdf(-d2) - fs * normCdf(-d1);
  return [price, fs * normPdf(d1) * sqrtT];
}

function newtonBisect(target: number, o: Omit<OptionInputs, 'vol'>): number {
  let lo = VOL_MIN;
  let hi = VOL_MAX;
  const fs = o.spot * Math.exp(-o.dividendYield * o.years);
  const fk = o.strike * Math.exp(-o.rate * o.years);
  const sqrtT = Math.sqrt(o.years);
  const logFK = Math.log(fs / fk);
  // Manaster–Koehler start: the vol where the price's curvature in σ changes sign, so Newton steps
  // from it head straight for the root; the bracket catches any step that leaves it.
  let v = Math.min(Math.max(Math.sqrt((2 * Math.abs(logFK)) / o.years), 0.05), 3);
  for (let iter = 0; iter < 100; iter++) {
    const [price, vega] = priceAndVega(o, v, fs, fk, sqrtT, logFK);
    const f = price - target;
    if (f > 0) hi = v;
    else lo = v;
    if (f === 0) return v;
    let next = v - f / vega;
    if (!(next > lo && next < hi) || !(vega > 0)) next = 0.5 * (lo + hi);
    if (Math.abs(next - v) <= 1e-14 * v || hi - lo <= 1e-14 * v) return next;
    v = next;
  }
  return v;
}

/** Brent's root finder on [a, b] with f(a)·f(b) < 0, to absolute tolerance `tol`. */
export function brent(f: (x: number) => number, a: number, b: number, tol: number): number {
  let fa = f(a);
  let fb = f(b);
  if (Math.abs(fa) < Math.abs(fb)) {
    [a, b] = [b, a];
    [fa, fb] = [fb, fa];
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let mflag = true;
  for (let iter = 0; iter < 200 && fb !== 0 && Math.abs(b - a) > tol; iter++) {
    let s: number;
    if (fa !== fc && fb !== fc) {
      s = (a * fb * fc) / ((fa - fb) * (fa - fc)) + (b * fa * fc) / ((fb - fa) * (fb - fc)) + (c * fa * fb) / ((fc - fa) * (fc - fb));
    } else {
      s = b - (fb * (b - a)) / (fb - fa);
    }
    const q = (3 * a + b) / 4;
    const outside = !((s > q && s < b) || (s < q && s > b));
    if (
      outside ||
      (mflag && Math.abs(s - b) >= Math.abs(b - c) / 2) ||
      (!mflag && Math.abs(s - b) >= Math.abs(c - d) / 2) ||
      (mflag && Math.abs(b - c) < tol) ||
      (!mflag && Math.abs(c - d) < tol)
    ) {
      s = (a + b) / 2;
      mflag = true;
    } else mflag = false;
    const fs = f(s);
    d = c;
    c = b;
    fc = fb;
    if (fa * fs < 0) {
      b = s;
      fb = fs;
    } else {
      a = s;
      fa = fs;
    }
    if (Math.abs(fa) < Math.abs(fb)) {
      [a, b] = [b, a];
      [fa, fb] = [fb, fa];
    }
  }
  return b;
}
