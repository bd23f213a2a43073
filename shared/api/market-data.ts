/** API methods over instruments, stored price histories, and whole-share trades at the latest prices. */
import { z } from 'zod';
import { windowSchema } from '../domain/optimize.js';
import { MAX_ABS_WEIGHT, MAX_MONEY, MAX_SHARES } from '../domain/bounds.js';

const ticker = z.string().min(1).max(64);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const label = z.string().max(100);

export interface InstrumentSummary {
  ticker: string;
  name: string | null;
  currency: string | null;
  /** User-assigned classification; group constraints default from the sector. */
  sector?: string | null;
  assetClass?: string | null;
  tags?: string[];
  firstDate: string | null;
  lastDate: string | null;
  priceRows: number;
}

export interface PriceRow {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjClose: number | null;
  volume: number | null;
  currency: string | null;
  /** The imported file and its 1-based line (null for rows stored before lines were kept, or written by hand). */
  sourceFile: string | null;
  sourceLine: number | null;
}

/** Fields left out are kept; an empty text clears the field. */
export const instrumentUpdateSchema = z.object({
  ticker,
  sector: label.nullable().optional(),
  assetClass: label.nullable().optional(),
  tags: z.array(z.string().max(50)).max(50).optional(),
});
export type InstrumentUpdate = z.output<typeof instrumentUpdateSchema>;

export interface LatestPrice {
  /** Close per share in the instrument's currency. */
  price: number;
  date: string;
}

/** One ticker of a trade list: current and target whole shares at the latest price. */
export interface TradeRow {
  ticker: string;
  price: number;
  priceDate: string;
  /** Target weight (fraction). */
  weight: number;
  currentShares: number;
  targetShares: number;
  /** targetShares − currentShares (positive = buy). */
  tradeShares: number;
  /** tradeShares × price (currency; positive = buy). */
  tradeValue: number;
}

/** How an integer (lp) allocation ended; greedy allocations have none. */
export interface AllocationSolve {
  /**
   * optimal: proven best; best-found: the time limit stopped the search, the best solution found is used;
   * fallback: no whole-share solution within the limit, the greedy allocation is used instead.
   */
  status: 'optimal' | 'best-found' | 'fallback';
  /** best-found: the most a better solution could still lower Σ|target − bought| + leftover (currency); absent when unknown. */
  gap?: number;
  /** The time limit given to the solver (seconds). */
  timeLimit?: number;
  /** Solver wall time (ms). */
  solveMs: number;
}

export interface TradePlan {
  /** Portfolio value the targets are allocated from (currency). */
  value: number;
  rows: TradeRow[];
  /** Cash left after buying the target shares (currency). */
  leftover: number;
  /** RMS gap between target and achieved weights (fraction). */
  rmse: number;
  method: 'greedy' | 'lp';
  /** Present when the integer allocation was asked for: how it ended (see AllocationSolve). */
  solve?: AllocationSolve;
}

/** Default time limit of the integer allocation (seconds): exact on small universes, bounded on large ones. */
export const DEFAULT_ALLOCATION_TIME_LIMIT = 5;

export const marketDataRequests = {
  'instruments-list': z.object({}),
  'instruments-update': z.object({ updates: z.array(instrumentUpdateSchema).min(1).max(5000) }),
  'prices-get': z.object({
    ticker: z.string().min(1),
    start: z.iso.date().optional(),
    end: z.iso.date().optional(),
  }),
  /**
   * Target weights → whole shares at the latest stored prices (discrete allocation), with the trades
   * from the current holdings. The value is given, or is that of `currentShares` plus `cash`.
   */
  'prices-allocate': z
    .object({
      weights: z.record(ticker, finite.min(-MAX_ABS_WEIGHT).max(MAX_ABS_WEIGHT)),
      value: finite.positive().max(MAX_MONEY).optional(),
      /** Current holdings as weights (fractions): their shares are allocated the same way. */
      currentWeights: z.record(ticker, finite.min(-MAX_ABS_WEIGHT).max(MAX_ABS_WEIGHT)).optional(),
      /** Current holdings as share counts (e.g. from imported positions). */
      currentShares: z.record(ticker, finite.nonnegative().max(MAX_SHARES)).optional(),
      cash: finite.nonnegative().max(MAX_MONEY).default(0),
      method: z.enum(['greedy', 'lp']).default('greedy'),
      /** Seconds the integer allocation (method lp) may search before the best solution found is used. */
      timeLimit: finite.positive().max(600).default(DEFAULT_ALLOCATION_TIME_LIMIT),
      /** Use prices on or before this date (default: the latest). */
      asOf: z.iso.date().optional(),
    })
    .refine((r) => r.value !== undefined || r.currentShares !== undefined, { message: 'give a portfolio value or the current shares', path: ['value'] }),
  /** Correlation of the tickers' daily returns in the window (the heatmap's figures; core/stats/correlation.ts). */
  'prices-correlation': z.object({
    tickers: z.array(ticker).min(1).max(500),
    window: windowSchema.default(windowSchema.parse({})),
  }),
};

/** `prices-correlation`: Pearson correlation of daily simple returns, pairwise complete. */
export interface ReturnCorrelation {
  tickers: string[];
  /** n×n in ticker order; null where a pair has fewer than 3 common returns or a series is constant. */
  matrix: (number | null)[][];
  /** The price dates the window kept and the number of daily return rows. */
  dataWindow: { start: string; end: string; returns: number };
}

export interface MarketDataResponses {
  'instruments-list': InstrumentSummary[];
  'instruments-update': { updated: number };
  'prices-get': PriceRow[];
  'prices-allocate': TradePlan;
  'prices-correlation': ReturnCorrelation;
}
