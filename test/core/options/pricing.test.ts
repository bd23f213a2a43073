import { describe, expect, it } from 'vitest';
import type { OptionInputs } from '../../../shared/domain/options.js';
import { americanPrice, leisenReimerPrice } from '../../../src-main/core/options/american.js';
import { bsmGreeks, bsmPrice } from '../../../src-main/core/options/bsm.js';
import { optionGreeks, optionPrice } from '../../../src-main/core/options/greeks.js';
import { impliedVol, priceBounds } from '../../../src-main/core/options/implied-vol.js';
import { crrPrice } from './crr-reference.js';

const hull: OptionInputs = { type: 'call', style: 'european', spot: 49, strike: 50, years: 0.3846, vol: 0.2, rate: 0.05, dividendYield: 0 };

describe('Black–Scholes–Merton', () => {
  it('matches Hull example 17.1 (S=49, K=50, r=5 %, T=0.3846, σ=20 %)', () => {
    const g = bsmGreeks(hull);
    expect(g.price).toBeCloseTo(2.4005, 3);
    expect(g.delta).toBeCloseTo(0.5216, 4);
    expect(g.gamma).toBeCloseTo(0.0655, 4);
    expect(g.theta).toBeCloseTo(-4.305, 3); // per year
    expect(g.vega).toBeCloseTo(12.105, 2); // per 1.00 of vol (Hull: 12.1)
    expect(g.rho).toBeCloseTo(8.9066, 3); // per 1.00 of rate (Hull: 8.91)
    const p = bsmGreeks({ ...hull, type: 'put' });
    expect(p.delta).toBeCloseTo(0.5216 - 1, 4);
    expect(p.gamma).toBeCloseTo(g.gamma, 14);
  });

  const grid: OptionInputs[] = [];
  for (const spot of [60, 95, 100, 130])
    for (const years of [0.05, 0.5, 2])
      for (const q of [0, 0.03]) for (const r of [-0.01, 0.04]) grid.push({ type: 'call', style: 'european', spot, strike: 100, years, vol: 0.27, rate: r, dividendYield: q });

  it('satisfies put–call parity to 1e-12', () => {
    for (const o of grid) {
      const c = bsmPrice(o);
      const p = bsmPrice({ ...o, type: 'put' });
      const forward = o.spot * Math.exp(-o.dividendYield * o.years) - o.strike * Math.exp(-o.rate * o.years);
      expect(Math.abs(c - p - forward)).toBeLessThan(1e-12 * Math.max(1, o.spot));
    }
  });

  it('Greeks equal central finite differences of the price to 1e-6', () => {
    for (const base of grid)
      for (const type of ['call', 'put'] as const) {
        const o = { ...base, type };
        const g = bsmGreeks(o);
        const at = (x: Partial<OptionInputs>) => bsmPrice({ ...o, ...x });
        const hs = 1e-4 * o.spot;
        const fd = {
          delta: (at({ spot: o.spot + hs }) - at({ spot: o.spot - hs })) / (2 * hs),
          gamma: (at({ spot: o.spot + hs }) - 2 * g.price + at({ spot: o.spot - hs })) / (hs * hs),
          vega: (at({ vol: o.vol + 1e-5 }) - at({ vol: o.vol - 1e-5 })) / 2e-5,
          rho: (at({ rate: o.rate + 1e-6 }) - at({ rate: o.rate - 1e-6 })) / 2e-6,
          // theta = ∂V/∂t with t calendar time: minus the derivative in time to expiry
          theta: -(at({ years: o.years + 1e-6 }) - at({ years: o.years - 1e-6 })) / 2e-6,
        };
        expect(Math.abs(g.delta - fd.delta)).toBeLessThan(1e-6);
        expect(Math.abs(g.gamma - fd.gamma)).toBeLessThan(1e-6);
        expect(Math.abs(g.vega - fd.vega)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g.vega)));
        expect(Math.abs(g.rho - fd.rho)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g.rho)));
        expect(Math.abs(g.theta - fd.theta)).toBeLessThan(1e-6 * Math.max(1, Math.abs(g.theta)));
      }
  });

  it('theta of a long at-the-money call is negative', () => {
    expect(bsmGreeks({ ...hull, spot: 50 }).theta).toBeLessThan(0);
  });
});

describe('American (Leisen–Reimer)', () => {
  const cases: OptionInputs[] = [];
  for (const type of ['call', 'put'] as const)
    for (const spot of [80, 100, 125])
      for (const [years, q] of [[0.25, 0.04], [1, 0], [2, 0.06]] as const)
        cases.push({ type, style: 'american', spot, strike: 100, years, vol: 0.3, rate: 0.05, dividendYield: q });

  it('is within 1e-3 relative of a converged 6,000-step CRR tree', () => {
    for (const o of cases) {
      if (o.type === 'call' && o.dividendYield === 0) continue;
      const ref = crrPrice(o, 6000);
      const lr = leisenReimerPrice(o);
      expect(Math.abs(lr - ref) / ref, JSON.stringify(o)).toBeLessThan(1e-3);
    }
  });

  it('is never below the European price, and a call without dividends equals it exactly', () => {
    for (const o of cases) {
      const eu = bsmPrice(o);
      const am = americanPrice(o);
      expect(am).toBeGreaterThanOrEqual(eu - 1e-12);
      if (o.type === 'call' && o.dividendYield === 0) expect(am).toBe(eu);
    }
    // an in-the-money American put is worth strictly more than the European one
    const put: OptionInputs = { type: 'put', style: 'american', spot: 80, strike: 100, years: 1, vol: 0.3, rate: 0.05, dividendYield: 0 };
    expect(americanPrice(put) - bsmPrice(put)).toBeGreaterThan(0.5);
  });

  it('American Greeks agree with the European ones where early exercise is worthless', () => {
    const o: OptionInputs = { type: 'call', style: 'american', spot: 100, strike: 100, years: 0.5, vol: 0.25, rate: 0.03, dividendYield: 1e-9 };
    const am = optionGreeks(o);
    const eu = bsmGreeks(o);
    if (!am.ok) throw new Error(am.error.message);
    expect(am.value.delta).toBeCloseTo(eu.delta, 3);
    expect(am.value.gamma).toBeCloseTo(eu.gamma, 3);
    expect(am.value.vega / eu.vega).toBeCloseTo(1, 3);
    expect(am.value.theta / eu.theta).toBeCloseTo(1, 2);
    expect(am.value.rho / eu.rho).toBeCloseTo(1, 2);
  });
});

describe('implied volatility', () => {
  it('round-trips to 1e-10 (European and American)', () => {
    for (const style of ['european', 'american'] as const)
      for (const type of ['call', 'put'] as const)
        for (const spot of [70, 100, 140])
          for (const vol of [0.08, 0.3, 1.2])
            for (const years of [0.1, 1.5]) {
              const o: OptionInputs = { type, style, spot, strike: 100, years, vol, rate: 0.03, dividendYield: 0.01 };
              const price = optionPrice(o);
              if (!price.ok) throw new Error(price.error.message);
              // no vol information left in a mark this close to a bound
              const { lower } = priceBounds(o);
              if (price.value - lower < 1e-6 * spot) continue;
              const iv = impliedVol(price.value, o);
              if (!iv.ok) throw new Error(`${JSON.stringify(o)}: ${iv.error.message}`);
              expect(Math.abs(iv.value - vol), JSON.stringify(o)).toBeLessThan(1e-10);
            }
  });

  it('rejects marks outside the no-arbitrage bounds with a clear error', () => {
    const o = { ...hull, spot: 60 };
    const below = impliedVol(9, o); // intrinsic ≈ 60 − 50·e^{−0.05·0.3846} ≈ 10.95
    expect(below.ok).toBe(false);
    if (!below.ok) {
      expect(below.error.code).toBe('outside-bounds');
      expect(below.error.message).toMatch(/lower bound/);
    }
    const above = impliedVol(61, o);
    expect(above.ok).toBe(false);
    if (!above.ok) expect(above.error.message).toMatch(/upper bound/);
  });

  it('an expired option is reported as expired, not priced', () => {
    const r = optionGreeks({ ...hull, years: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('expired');
  });
});
