/** Base-currency conversion, derived rates, the missing-rate error, hedging and the risk split. */
import { describe, expect, it } from 'vitest';
import { convertToBase } from '../../../src-main/core/fx/convert.js';
import { currencyExposures, riskSplit } from '../../../src-main/core/fx/exposure.js';
import { hedgedReturn } from '../../../src-main/core/fx/hedge.js';
import { buildFxTable, pairRates, type FxRate } from '../../../src-main/core/fx/rate-table.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { returnsFromPrices } from '../../../src-main/core/stats/returns.js';

const dates = ['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15'];
const eurusd = [1.0926, 1.0916, 1.0939, 1.0925, 1.0887];
const eurgbp = [0.85253, 0.85333, 0.8542, 0.85413, 0.85525];
const rows = (base: string, quote: string, rates: number[]): FxRate[] => rates.map((rate, t) => ({ date: dates[t]!, base, quote, rate }));

// AAPL in USD, SAP in EUR.
const prices: PriceMatrix = {
  dates,
  tickers: ['AAPL', 'SAP'],
  values: Float64Array.from([172.75, 180.1, 173.23, 181.2, 171.13, 179.5, 173.0, 182.4, 172.62, 183.0]),
};

describe('conversion to the base currency', () => {
  it('gives (1+r_local)(1+r_fx)−1 for a USD asset in EUR, and leaves the EUR asset alone', () => {
    const table = buildFxTable(rows('EUR', 'USD', eurusd));
    const r = convertToBase(prices, ['USD', 'EUR'], table, { base: 'EUR' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const base = returnsFromPrices(r.value.prices);
    const local = returnsFromPrices(prices);
    for (let t = 0; t < 4; t++) {
      // USD→EUR is 1/EURUSD, so r_fx = EURUSD_{t-1}/EURUSD_t − 1.
      const rFx = eurusd[t]! / eurusd[t + 1]! - 1;
      expect(base.values[t * 2]!).toBeCloseTo((1 + local.values[t * 2]!) * (1 + rFx) - 1, 14);
      expect(base.values[t * 2 + 1]!).toBe(local.values[t * 2 + 1]!);
    }
    // The rate was the inverse of the stored EUR/USD: said so.
    expect(r.value.pairs).toEqual([expect.objectContaining({ pair: 'USD/EUR', derived: 5, filled: 0 })]);
  });

  it('a cross via EUR equals the direct rate', () => {
    const gbpusd = eurusd.map((u, t) => u / eurgbp[t]!);
    const viaEur = buildFxTable([...rows('EUR', 'USD', eurusd), ...rows('EUR', 'GBP', eurgbp)]);
    const direct = buildFxTable(rows('GBP', 'USD', gbpusd));
    const a = pairRates(viaEur, 'USD', 'GBP', dates);
    const b = pairRates(direct, 'USD', 'GBP', dates);
    expect(a.routes).toEqual([{ kind: 'cross', via: 'EUR' }]);
    for (let t = 0; t < dates.length; t++) expect(a.rates[t]!).toBeCloseTo(b.rates[t]!, 14);
    const conv = convertToBase(prices, ['USD', 'EUR'], viaEur, { base: 'GBP' });
    const conv2 = convertToBase(prices, ['USD', 'EUR'], buildFxTable([...rows('GBP', 'USD', gbpusd), ...rows('EUR', 'GBP', eurgbp)]), { base: 'GBP' });
    expect(conv.ok && conv2.ok).toBe(true);
    if (conv.ok && conv2.ok) for (let i = 0; i < 10; i++) expect(conv.value.prices.values[i]!).toBeCloseTo(conv2.value.prices.values[i]!, 10);
  });

  it('a missing rate names the pair, the first missing date and the instrument; the max-age fill is reported', () => {
    // No rate on 2024-03-15 (and none on 03-13).
    const table = buildFxTable(rows('EUR', 'USD', eurusd).filter((r) => r.date !== '2024-03-15' && r.date !== '2024-03-13'));
    const r = convertToBase(prices, ['USD', 'EUR'], table, { base: 'USD' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('no EUR/USD rate on 2024-03-13 (needed for SAP)');
      expect(r.error.details).toMatchObject({ pair: 'EUR/USD', date: '2024-03-13', ticker: 'SAP', missing: { 'EUR/USD': { first: '2024-03-13', count: 2 } } });
    }
    const filled = convertToBase(prices, ['USD', 'EUR'], table, { base: 'USD', maxAgeDays: 1 });
    expect(filled.ok).toBe(true);
    if (filled.ok) {
      expect(filled.value.pairs[0]).toMatchObject({ pair: 'EUR/USD', filled: 2, maxAgeUsed: 1 });
      expect(filled.value.warnings.join(' ')).toContain('EUR/USD: 2 price dates used an earlier rate (at most 1 days old)');
      // 03-13 took 03-12's rate.
      expect(filled.value.prices.values[2 * 2 + 1]!).toBeCloseTo(171.13 * 0 + 179.5 * 1.0916, 10);
    }
    const noCurrency = convertToBase(prices, ['USD', null], table, { base: 'USD' });
    expect(!noCurrency.ok && noCurrency.error.message).toContain('the currency of SAP is not known');
  });

  it('a fully hedged position with a zero rate differential has the local return', () => {
    const table = buildFxTable(rows('EUR', 'USD', eurusd));
    const r = convertToBase(prices, ['USD', 'EUR'], table, { base: 'EUR', hedges: { USD: 1 }, shortRates: { USD: 0.05, EUR: 0.05 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const base = returnsFromPrices(r.value.prices);
    const local = returnsFromPrices(prices);
    for (let t = 0; t < 4; t++) expect(base.values[t * 2]!).toBeCloseTo(local.values[t * 2]!, 14);
    expect(r.value.warnings).toEqual([]);
    // Half hedged with a 2 % differential: halfway between, plus half the carry.
    const half = convertToBase(prices, ['USD', 'EUR'], table, { base: 'EUR', hedges: { USD: 0.5 }, shortRates: { EUR: 0.04, USD: 0.02 } });
    if (!half.ok) throw new Error(half.error.message);
    const h = returnsFromPrices(half.value.prices);
    const rFx = eurusd[0]! / eurusd[1]! - 1;
    const rl = local.values[0]!;
    expect(h.values[0]!).toBeCloseTo(0.5 * ((1 + rl) * (1 + rFx) - 1) + 0.5 * (rl + 0.02 / 365), 14);
    expect(hedgedReturn(0.01, 0.02, 0, 0.1)).toBeCloseTo(1.01 * 1.02 - 1, 15);
  });

  it('counts GBX prices as GBP/100', () => {
    const gbx: PriceMatrix = { dates, tickers: ['VOD'], values: Float64Array.from([70.1, 70.5, 71, 70.2, 69.9]) };
    const r = convertToBase(gbx, ['GBX'], buildFxTable(rows('EUR', 'GBP', eurgbp)), { base: 'EUR' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.prices.values[0]!).toBeCloseTo((70.1 / 100) / eurgbp[0]!, 12);
    expect(r.value.currencies).toEqual(['GBP']);
  });
});

describe('exposures and the risk split', () => {
  it('nets hedges and splits the variance into local and currency parts that sum to 1', () => {
    const exp = currencyExposures({ AAPL: 0.6, SAP: 0.4 }, { AAPL: 'USD', SAP: 'EUR' }, 'EUR', { USD: 0.5 });
    expect(exp).toEqual({ USD: 0.3 });
    const table = buildFxTable(rows('EUR', 'USD', eurusd));
    const c = convertToBase(prices, ['USD', 'EUR'], table, { base: 'EUR' });
    if (!c.ok) throw new Error(c.error.message);
    const s = riskSplit(prices, c.value.fx, { AAPL: 0.6, SAP: 0.4 }, { USD: 0.6 }, 252);
    expect(s.observations).toBe(4);
    expect(s.local + s.currency).toBeCloseTo(1, 12);
    expect(s.currencyVolatility).toBeGreaterThan(0);
    // Without currency exposure, all risk is local.
    const none = riskSplit(prices, c.value.fx, { AAPL: 0.6, SAP: 0.4 }, {}, 252);
    expect(none.currency).toBe(0);
    expect(none.local).toBe(1);
  });
});
