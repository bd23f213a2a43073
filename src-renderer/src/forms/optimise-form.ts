/**
 * The Optimise screen's editable state as plain data (text fields as typed) and its validation into
 * an optimisation request. Kept free of Svelte so the rules are unit-tested.
 */
import {
  OBJECTIVES,
  RETURN_ESTIMATORS,
  RISK_MODELS,
  type GroupConstraint,
  type Objective,
  type OptimizeOptionsInput,
  type ReturnEstimator,
  type RiskModel,
} from '../../../shared/domain/optimize.js';
import { defaultRobustForm, robustOptions, type RobustForm } from './robust-form.js';
import { parseNumber, parsePercent } from './parse.js';
import { validateViews, type BlForm } from './views-form.js';

export { OBJECTIVES, RETURN_ESTIMATORS, RISK_MODELS };

/** One asset row of the portfolio editor (percent fields as typed). */
export interface AssetRow {
  ticker: string;
  /** Per-asset bounds in percent; empty = the global bounds. */
  min: string;
  max: string;
  /** Current holding as a weight in percent. */
  current: string;
  /** Sector / asset class; assets sharing one form a group for the sector caps. */
  sector: string;
  /** Keep the asset at its current weight. */
  locked: boolean;
}

/** A cap on a sector's total weight (percent fields). */
export interface SectorCap {
  sector: string;
  min: string;
  max: string;
}

export interface OptimiseForm {
  name: string;
  tickers: string[];
  objective: Objective;
  returns: ReturnEstimator;
  risk: RiskModel;
  span: string;
  start: string;
  end: string;
  /** Percent fields. */
  rf: string;
  lower: string;
  upper: string;
  targetVolatility: string;
  targetReturn: string;
  riskAversion: string;
  /** CVaR/CDaR confidence in percent (95). */
  beta: string;
  l2: string;
  /** Proportional transaction cost k, percent of traded weight (costs are charged against current holdings). */
  txCost: string;
  /** Turnover cap Σ|w − w₀|, percent. */
  maxTurnover: string;
  /** Maximum number of holdings (whole number). */
  maxHoldings: string;
  /** Tracking-error cap, annual percent, against the benchmark chosen in `teBenchmark`. */
  trackingError: string;
  /** What the tracking error is measured against. */
  teBenchmark: TeBenchmark;
  /** Explicit benchmark weights per ticker in percent (teBenchmark "custom"); empty = 0 %. */
  benchmarkWeights: Record<string, string>;
  /** Risk-parity budgets per ticker as typed (relative sizes); all empty = equal risk contributions. */
  riskBudgets: Record<string, string>;
  marketNeutral: boolean;
  points: string;
  assets: Record<string, AssetRow>;
  sectorCaps: SectorCap[];
  bl: BlForm;
  /** Robust estimators, objectives and resampling (absent in drafts saved before they existed). */
  robust?: RobustForm;
}

export type FieldErrors = Record<string, string>;

/** Benchmarks of the tracking-error cap: the current holdings, 1/n each, or weights typed per asset. */
export const TE_BENCHMARKS = ['current', 'equal', 'custom'] as const;
export type TeBenchmark = (typeof TE_BENCHMARKS)[number];

/** The validated request parts: what optimize-run / optimize-frontier and scenario-save need. */
export interface OptimiseRequest {
  tickers: string[];
  window: { start?: string; end?: string };
  options: OptimizeOptionsInput;
  points: number;
  /** Current holdings as fractions (only tickers with a holding). */
  holdings?: Record<string, number>;
}

export function emptyBl(): BlForm {
  return { enabled: false, prior: 'historical', tau: '5', omega: 'proportional', riskAversion: '', marketCaps: {}, views: [] };
}

export function defaultForm(): OptimiseForm {
  return {
    name: '',
    tickers: [],
    objective: 'min-volatility',
    returns: 'historical',
    risk: 'sample',
    span: '500',
    start: '',
    end: '',
    rf: '0',
    lower: '0',
    upper: '100',
    targetVolatility: '',
    targetReturn: '',
    riskAversion: '1',
    beta: '95',
    l2: '0',
    txCost: '',
    maxTurnover: '',
    maxHoldings: '',
    trackingError: '',
    teBenchmark: 'current',
    benchmarkWeights: {},
    riskBudgets: {},
    marketNeutral: false,
    points: '30',
    assets: {},
    sectorCaps: [],
    bl: emptyBl(),
    robust: defaultRobustForm(),
  };
}

export function emptyAssetRow(ticker: string): AssetRow {
  return { ticker, min: '', max: '', current: '', sector: '', locked: false };
}

/** Rows for the chosen tickers, keeping what was typed for tickers still chosen. */
export function syncAssets(form: OptimiseForm): Record<string, AssetRow> {
  const out: Record<string, AssetRow> = {};
  for (const t of form.tickers) out[t] = form.assets[t] ?? emptyAssetRow(t);
  return out;
}

/** Objectives that need a target and which one. */
export function requiredTarget(objective: Objective): 'targetVolatility' | 'targetReturn' | null {
  if (objective === 'efficient-risk') return 'targetVolatility';
  if (objective === 'efficient-return' || objective === 'efficient-cvar' || objective === 'efficient-cdar') return 'targetReturn';
  return null;
}

/** Sum of the current holdings (fraction) over chosen tickers; cash is 1 − sum. */
export function holdingsTotal(form: OptimiseForm): number {
  let total = 0;
  for (const t of form.tickers) {
    const p = parsePercent(form.assets[t]?.current ?? '');
    if (p.ok && p.value !== undefined) total += p.value;
  }
  return total;
}

const EPS = 1e-9;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates the form against the instruments in the store. Returns errors keyed by field
 * (`rf`, `bounds`, `asset:AAPL:min`, `cap:0`, `view:1` …) and, when there are none, the request.
 */
export function validateForm(form: OptimiseForm, known: ReadonlySet<string>): { errors: FieldErrors; request?: OptimiseRequest } {
  const errors: FieldErrors = {};
  const num = (key: string, text: string, percent: boolean): number | undefined => {
    const p = percent ? parsePercent(text) : parseNumber(text);
    if (!p.ok) {
      errors[key] = p.message;
      return undefined;
    }
    return p.value;
  };

  if (form.tickers.length === 0) errors.tickers = 'pick at least one ticker';
  const unknown = form.tickers.filter((t) => !known.has(t));
  if (unknown.length > 0) errors.tickers = `unknown ticker${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`;
  if (new Set(form.tickers).size !== form.tickers.length) errors.tickers = 'a ticker is listed twice';

  if (form.start && !DATE.test(form.start)) errors.start = 'use YYYY-MM-DD';
  if (form.end && !DATE.test(form.end)) errors.end = 'use YYYY-MM-DD';
  if (form.start && form.end && DATE.test(form.start) && DATE.test(form.end) && form.start >= form.end) errors.end = 'end must be after start';

  const rf = num('rf', form.rf, true) ?? 0;
  if (Math.abs(rf) > 1) errors.rf = 'risk-free rate must be between −100 % and 100 %';
  const lower = num('lower', form.lower, true) ?? 0;
  const upper = num('upper', form.upper, true) ?? 1;
  if (!errors.lower && !errors.upper && lower > upper) errors.bounds = 'lower bound is above the upper bound';
  if (upper <= 0 && !errors.upper) errors.upper = 'upper bound must be above 0 %';

  const span = num('span', form.span, false);
  if (span !== undefined && (!Number.isInteger(span) || span < 1)) errors.span = 'span is a whole number of days ≥ 1';
  const points = num('points', form.points, false) ?? 30;
  if (!Number.isInteger(points) || points < 2 || points > 500) errors.points = 'frontier points: a whole number from 2 to 500';
  const riskAversion = num('riskAversion', form.riskAversion, false);
  if (riskAversion !== undefined && riskAversion <= 0) errors.riskAversion = 'risk aversion must be above 0';
  const betaPct = num('beta', form.beta, false);
  if (betaPct !== undefined && (betaPct <= 0 || betaPct >= 100)) errors.beta = 'confidence must be between 0 and 100 %';
  const l2 = num('l2', form.l2, false);
  if (l2 !== undefined && l2 < 0) errors.l2 = 'L2 regularisation cannot be negative';

  // Drafts saved before these fields existed lack them.
  const txCost = num('txCost', form.txCost ?? '', true);
  if (txCost !== undefined && txCost < 0) errors.txCost = 'transaction cost cannot be negative';
  const maxTurnover = num('maxTurnover', form.maxTurnover ?? '', true);
  if (maxTurnover !== undefined && maxTurnover <= 0) errors.maxTurnover = 'turnover cap must be above 0 %';
  const maxHoldings = num('maxHoldings', form.maxHoldings ?? '', false);
  if (maxHoldings !== undefined && (!Number.isInteger(maxHoldings) || maxHoldings < 1)) errors.maxHoldings = 'a whole number of holdings ≥ 1';
  const trackingError = num('trackingError', form.trackingError ?? '', true);
  if (trackingError !== undefined && trackingError <= 0) errors.trackingError = 'tracking-error cap must be above 0 %';
  const marketNeutral = form.marketNeutral === true;
  if (marketNeutral && lower >= 0 && !errors.lower) errors.marketNeutral = 'market-neutral needs a negative lower bound (shorting)';

  const targetVolatility = num('targetVolatility', form.targetVolatility, true);
  if (targetVolatility !== undefined && targetVolatility <= 0) errors.targetVolatility = 'target volatility must be above 0 %';
  const targetReturn = num('targetReturn', form.targetReturn, true);
  const needed = requiredTarget(form.objective);
  if (needed === 'targetVolatility' && targetVolatility === undefined && !errors.targetVolatility) errors.targetVolatility = `${form.objective} needs a target volatility`;
  if (needed === 'targetReturn' && targetReturn === undefined && !errors.targetReturn) errors.targetReturn = `${form.objective} needs a target return`;

  // Portfolio editor: per-asset bounds, locks, holdings, sectors.
  const assetBounds: Record<string, [number, number]> = {};
  const holdings: Record<string, number> = {};
  let minSum = 0;
  let maxSum = 0;
  for (const t of form.tickers) {
    const row = form.assets[t] ?? emptyAssetRow(t);
    const cur = num(`asset:${t}:current`, row.current, true);
    if (cur !== undefined) {
      if (lower >= 0 && cur < -EPS) errors[`asset:${t}:current`] = 'a long-only holding cannot be negative';
      holdings[t] = cur;
    }
    let lo = num(`asset:${t}:min`, row.min, true) ?? lower;
    let hi = num(`asset:${t}:max`, row.max, true) ?? upper;
    if (row.locked) {
      if (cur === undefined) errors[`asset:${t}:locked`] = 'give a current weight to lock the asset at';
      else lo = hi = cur;
    }
    if (lo > hi + EPS) errors[`asset:${t}:min`] = 'min is above max';
    if (row.min.trim() || row.max.trim() || row.locked) assetBounds[t] = [lo, hi];
    minSum += lo;
    maxSum += hi;
  }
  const total = Object.values(holdings).reduce((a, b) => a + b, 0);
  const teBenchmark = form.teBenchmark ?? 'current';
  const benchmarkWeights = trackingError !== undefined ? validateBenchmark(form, teBenchmark, errors) : undefined;
  const riskBudgets = form.objective === 'risk-parity' ? validateRiskBudgets(form, errors) : undefined;
  const needsHoldings = (txCost ?? 0) > 0 || maxTurnover !== undefined || (trackingError !== undefined && teBenchmark === 'current');
  if (needsHoldings && Object.keys(holdings).length === 0) {
    errors.holdings = 'transaction costs, a turnover cap and a tracking-error cap are measured against current weights: enter them in the portfolio editor';
  }
  if (total > 1 + 1e-6) errors.holdings = `current weights add up to ${(total * 100).toFixed(2)} %, more than 100 %`;
  if (form.tickers.length > 0 && lower >= 0 && !errors.bounds && !marketNeutral) {
    if (minSum > 1 + 1e-6) errors.bounds = `the minimum weights add up to ${(minSum * 100).toFixed(2)} %: no fully invested portfolio fits`;
    if (maxSum < 1 - 1e-6) errors.bounds = `the maximum weights add up to ${(maxSum * 100).toFixed(2)} %: a fully invested portfolio is impossible`;
  }

  const groups: GroupConstraint[] = [];
  const bySector = new Map<string, string[]>();
  for (const t of form.tickers) {
    const s = (form.assets[t]?.sector ?? '').trim();
    if (s) bySector.set(s, [...(bySector.get(s) ?? []), t]);
  }
  const capped = new Set<string>();
  form.sectorCaps.forEach((cap, i) => {
    const sector = cap.sector.trim();
    const key = `cap:${i}`;
    if (!sector) {
      errors[key] = 'choose a sector';
      return;
    }
    if (capped.has(sector)) errors[key] = `${sector} already has a cap`;
    capped.add(sector);
    const min = num(`${key}:min`, cap.min, true);
    const max = num(`${key}:max`, cap.max, true);
    if (min === undefined && max === undefined) errors[key] = 'give a minimum or a maximum';
    if (min !== undefined && max !== undefined && min > max) errors[key] = 'min is above max';
    if (max !== undefined && max < 0 && lower >= 0) errors[key] = 'a long-only cap cannot be negative';
    if (!bySector.has(sector)) errors[key] = `no chosen asset is in ${sector}`;
    const tickers = bySector.get(sector) ?? [];
    if (tickers.length > 0) groups.push({ name: sector, tickers, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  });
  // Sectors without a cap are still saved (as groups without limits) so the editor can restore them.
  for (const [sector, tickers] of bySector) if (!capped.has(sector)) groups.push({ name: sector, tickers });

  const bl = validateViews(form.bl, new Set(form.tickers), errors);
  const robust = robustOptions(form.robust, errors);

  if (Object.keys(errors).length > 0) return { errors };

  const options: OptimizeOptionsInput = {
    objective: form.objective,
    estimators: { returns: form.returns, risk: form.risk, ...(span !== undefined ? { span } : {}), ...robust.estimators },
    targets: {
      rf,
      ...(targetVolatility !== undefined ? { targetVolatility } : {}),
      ...(targetReturn !== undefined ? { targetReturn } : {}),
      ...(riskAversion !== undefined ? { riskAversion } : {}),
      ...(betaPct !== undefined ? { beta: betaPct / 100 } : {}),
      ...(riskBudgets ? { riskBudgets } : {}),
    },
    constraints: {
      bounds: [lower, upper],
      assetBounds,
      groups,
      ...(l2 !== undefined ? { l2 } : {}),
      ...(marketNeutral ? { marketNeutral } : {}),
      ...(txCost !== undefined && txCost > 0 ? { txCost } : {}),
      ...(maxTurnover !== undefined ? { maxTurnover } : {}),
      ...(maxHoldings !== undefined ? { maxHoldings } : {}),
      ...(trackingError !== undefined ? { trackingError, benchmarkWeights: teBenchmark === 'current' ? holdings : benchmarkWeights } : {}),
      ...(needsHoldings ? { currentWeights: holdings } : {}),
    },
    ...(bl ? { blackLitterman: bl } : {}),
    robust: robust.robust,
  };
  const window: OptimiseRequest['window'] = {
    ...(form.start ? { start: form.start } : {}),
    ...(form.end ? { end: form.end } : {}),
  };
  return {
    errors,
    request: {
      tickers: [...form.tickers],
      window,
      options,
      points,
      ...(Object.keys(holdings).length > 0 ? { holdings } : {}),
    },
  };
}

/**
 * Benchmark weights (fractions) for the tracking-error cap, or undefined with errors set: equal weight is
 * 1/n per chosen ticker; custom weights are percents per ticker (empty = 0 %) that must add up to 100 %
 * (a benchmark is a fully invested portfolio). The current holdings are handled by the caller.
 */
function validateBenchmark(form: OptimiseForm, kind: TeBenchmark, errors: FieldErrors): Record<string, number> | undefined {
  const n = form.tickers.length;
  if (kind === 'current' || n === 0) return undefined;
  if (kind === 'equal') return Object.fromEntries(form.tickers.map((t) => [t, 1 / n]));
  const typed = form.benchmarkWeights ?? {};
  const out: Record<string, number> = {};
  let sum = 0;
  let bad = false;
  for (const t of form.tickers) {
    const p = parsePercent(typed[t] ?? '');
    if (!p.ok) {
      errors[`benchmark:${t}`] = p.message;
      bad = true;
    } else if (p.value !== undefined) {
      out[t] = p.value;
      sum += p.value;
    }
  }
  if (!bad && Math.abs(sum - 1) > 1e-6) errors.benchmark = `benchmark weights add up to ${(sum * 100).toFixed(2)} %, not 100 %`;
  return bad ? undefined : out;
}

/**
 * Risk-parity budgets normalised to sum to 1, or undefined for equal risk contributions (every field
 * empty). Budgets are relative sizes (2 and 1 give the first asset twice the risk share), so each must be
 * a positive number and either all or none of the chosen assets get one.
 */
function validateRiskBudgets(form: OptimiseForm, errors: FieldErrors): Record<string, number> | undefined {
  const typed = form.riskBudgets ?? {};
  if (form.tickers.every((t) => (typed[t] ?? '').trim() === '')) return undefined;
  const raw: Record<string, number> = {};
  let sum = 0;
  for (const t of form.tickers) {
    const key = `budget:${t}`;
    const p = parseNumber(typed[t] ?? '');
    if (!p.ok) errors[key] = p.message;
    else if (p.value === undefined) errors[key] = 'give every asset a budget, or leave all empty for equal risk';
    else if (!(p.value > 0)) errors[key] = 'a risk budget must be above 0';
    else {
      raw[t] = p.value;
      sum += p.value;
    }
  }
  if (form.tickers.some((t) => errors[`budget:${t}`])) return undefined;
  return Object.fromEntries(form.tickers.map((t) => [t, raw[t]! / sum]));
}

/** Each ticker's share (fraction) of the typed risk budgets, for display next to the inputs; undefined when not all are valid. */
export function budgetShares(form: OptimiseForm): Record<string, number> | undefined {
  return validateRiskBudgets(form, {});
}
