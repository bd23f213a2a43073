/**
 * API methods for exchange rates and the currency settings of a run. A rate of pair BASE/QUOTE is the
 * price of 1 BASE in QUOTE (EUR/USD 1.08: 1 EUR = 1.08 USD). Hedge ratios and exposures are fractions.
 */
import { z } from 'zod';
import { importFileSchema } from './imports.js';

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR');
const isoDate = z.iso.date();
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A short rate: a fixed annual rate (fraction, 0.04 = 4 %), or a stored series (its close = annual rate). */
export const shortRateSchema = z.union([
  finite.min(-1).max(1),
  z.object({ series: z.string().min(1).max(64), unit: z.enum(['percent', 'fraction']).default('percent') }),
]);

/** The currency choice of a run or scenario (`options.currency`). */
export const currencySettingsSchema = z.object({
  /** Every price is converted to this currency before returns are computed. */
  base: currencyCode,
  /** Hedge ratio per currency, 0–1; absent = unhedged. */
  hedges: z.record(currencyCode, finite.min(0).max(1)).default({}),
  /** A price date without a rate may use the last earlier rate at most this many calendar days old (0 = none). */
  maxAgeDays: z.number().int().min(0).max(3660).default(0),
  /** Short rates per currency, for the hedged return's interest differential. */
  shortRates: z.record(currencyCode, shortRateSchema).default({}),
});
export type CurrencySettings = z.output<typeof currencySettingsSchema>;
export type CurrencySettingsInput = z.input<typeof currencySettingsSchema>;

/** How one currency was converted to the base in a run. */
export interface FxPairUse {
  currency: string;
  pair: string;
  /** Price dates that used an earlier rate (the max-age fill). */
  filled: number;
  maxAgeUsed: number;
  /** Price dates whose rate was derived (inverse or cross), not stored. */
  derived: number;
  routes: string[];
}

/** The `currency` key of estimate/optimise/frontier/backtest/stress results. */
export interface CurrencyResult {
  base: string;
  /** Net exposure per foreign currency, fraction of the portfolio value (weights × (1 − hedge)). */
  exposures: Record<string, number>;
  /** Shares of the portfolio variance: local assets and currencies (incl. their interaction); sum 1. */
  riskSplit: {
    local: number | null;
    currency: number | null;
    localVolatility: number | null;
    currencyVolatility: number | null;
    totalVolatility: number | null;
    observations: number;
  };
  hedges: Record<string, number>;
  /** Currency of each instrument (ISO; GBX counted as GBP). */
  instrumentCurrencies: Record<string, string>;
  pairs: FxPairUse[];
  /** Which weights the exposures are of ("optimised", "given", "equal" …). */
  weightsUsed: string;
  warnings: string[];
}

/** The `calendar` key of results when a 24/7 (calendar-days) asset is in the universe. */
export interface CalendarResult {
  calendars: Record<string, 'trading-days' | 'calendar-days'>;
  /** 'weekdays' when calendars were mixed and the weekend rows were dropped (weekend moves fold into Monday). */
  aligned: 'weekdays' | null;
  droppedWeekendRows: number;
}

export interface FxRatePoint {
  date: string;
  rate: number;
  /** True when the rate is an inverse or cross, not a stored rate of this pair. */
  derived: boolean;
}

export interface FxImportOutcome {
  files: { file: string; format: string; rows: number; inserted: number; duplicates: number; skipped: number; warnings: string[]; batchId: number | null }[];
  inserted: number;
}

export const fxRequests = {
  'fx-import': z.object({ files: z.array(importFileSchema).min(1).max(100) }),
  'fx-rates': z.object({
    pair: z.string().regex(/^[A-Z]{3}\/[A-Z]{3}$/, 'a pair such as EUR/USD'),
    start: isoDate.optional(),
    end: isoDate.optional(),
  }),
  'fx-pairs': z.object({}),
  'fx-settings-get': z.object({}),
  'fx-settings-set': z.object({ baseCurrency: currencyCode.nullable() }),
  /** Sets instruments' currency and/or calendar (null clears: the calendar is then detected from the dates). */
  'fx-instruments-set': z.object({
    updates: z
      .array(z.object({ ticker: z.string().min(1).max(64), currency: z.string().regex(/^[A-Za-z]{3}$/).nullable().optional(), calendar: z.enum(['trading-days', 'calendar-days']).nullable().optional() }))
      .min(1)
      .max(5000),
  }),
  /** Currency and calendar (stored, else detected from the stored dates) per instrument. */
  'fx-instruments': z.object({}),
  /** Derived holdings and cash per currency, valued in a base currency. */
  'fx-holdings-value': z.object({ base: currencyCode, asOf: isoDate.optional(), account: z.string().min(1).max(100).optional(), maxAgeDays: z.number().int().min(0).max(3660).default(0) }),
};

export interface HoldingsValuation {
  base: string;
  asOf: string;
  positions: { account: string; ticker: string; quantity: number; price: number | null; priceDate: string | null; currency: string | null; value: number | null; rate: number | null; valueBase: number | null }[];
  /** Cash per account and currency from the transactions (the broker's fx rows move both legs). */
  cash: { account: string; currency: string; balance: number; rate: number; valueBase: number; source: string }[];
  total: number;
  /** Held tickers without a price on or before asOf (listed, not in the total). */
  unpriced: string[];
}

export interface FxResponses {
  'fx-import': FxImportOutcome;
  'fx-rates': { pair: string; rates: FxRatePoint[]; routes: string[] };
  'fx-pairs': { base: string; quote: string; firstDate: string; lastDate: string; rows: number }[];
  'fx-settings-get': { baseCurrency: string | null };
  'fx-settings-set': { baseCurrency: string | null };
  'fx-instruments-set': { updated: number };
  'fx-holdings-value': HoldingsValuation;
  'fx-instruments': { ticker: string; currency: string | null; calendar: 'trading-days' | 'calendar-days'; calendarStored: boolean; periodsPerYear: number }[];
}
