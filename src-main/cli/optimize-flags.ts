/**
 * CLI flags → OptimizeOptions for `frontier estimate|optimize|frontier` (the same fields as a saved
 * scenario's options), with errors that name the flag. File flags (--views, --current-weights,
 * --benchmark-weights, --market) are read here too.
 */
import { currencyFromFlags } from './currency-flags.js';
import { FrontierError } from '../../shared/api.js';
import {
  OBJECTIVES,
  RETURN_ESTIMATORS,
  RISK_MEASURES,
  RISK_MODELS,
  optimizeOptionsSchema,
  viewsSchema,
  type OptimizeOptions,
  type OptimizeOptionsInput,
} from '../../shared/domain/optimize.js';
import type { MarketSeries } from '../../shared/api/optimize.js';
import { CHECKED_FLAGS, unusedFlagReason } from './optimize-flag-use.js';
import { numberOption, stringList, stringOption, type CliContext, type OptionsConfig, type ParsedArgs } from './command.js';
import { importPriceFile, loadPriceSource, readJsonFile, type PriceSource } from './price-source.js';
import { factorModelInput, factorOptions, factorUsage } from './factor-flags.js';
import { applyRobustFlags, robustOptions } from './robust-flags.js';
import { applyOptionsBookFlags, optionsBookOptions, optionsBookUsage } from './options-flags.js';

export const estimatorOptions = {
  returns: { type: 'string' },
  span: { type: 'string' },
  'log-returns': { type: 'boolean', default: false },
  market: { type: 'string' },
  risk: { type: 'string' },
  benchmark: { type: 'string' },
  frequency: { type: 'string' },
  ...factorOptions,
  ...robustOptions,
  ...optionsBookOptions,
} satisfies OptionsConfig;

export const targetOptions = {
  objective: { type: 'string' },
  rf: { type: 'string' },
  'target-volatility': { type: 'string' },
  'target-return': { type: 'string' },
  'risk-aversion': { type: 'string' },
  beta: { type: 'string' },
  views: { type: 'string' },
} satisfies OptionsConfig;

/** The optimize command's risk measure of efficient-risk / max-utility (`frontier` has its own --risk-measure). */
export const measureOptions = {
  'risk-measure': { type: 'string' },
  'target-risk': { type: 'string' },
} satisfies OptionsConfig;

export const constraintOptions = {
  bounds: { type: 'string' },
  bound: { type: 'string', multiple: true },
  'market-neutral': { type: 'boolean', default: false },
  group: { type: 'string', multiple: true },
  l2: { type: 'string' },
  'tx-cost': { type: 'string' },
  'current-weights': { type: 'string' },
  'max-turnover': { type: 'string' },
  'max-holdings': { type: 'string' },
  'tracking-error': { type: 'string' },
  'benchmark-weights': { type: 'string' },
} satisfies OptionsConfig;

export const estimatorUsage = `estimators:
  --returns historical|arithmetic|ema|capm|james-stein|bayes-stein|bodnar-okhrin   expected returns (default historical = CAGR over each asset's history)
  [--span N] (ema / exp, days; default 500) [--log-returns] [--market FILE.csv] (CAPM market series; default: equal-weighted universe)
  --risk sample|ledoit-wolf|ledoit-wolf-single-factor|ledoit-wolf-constant-correlation|exp|semicovariance|turbulence-blend
  [--benchmark X] (semicovariance, daily return; default 0) [--frequency 252|weekly|monthly] (periods per year,
  or resample to the first price of each week / month, 52 / 12 periods a year)
  [--shrink-target grand-mean|min-variance] [--turbulent-share 0.1] [--blend 0.5]
  worst-case-mv: [--uncertainty box|ellipsoid] [--confidence 0.95]`;

export const targetUsage = `targets:
  --rf X (annual risk-free rate, default 0) --target-volatility X --target-return X --risk-aversion X --beta 0.95`;

export const measureUsage = `  --risk-measure volatility|semideviation|cvar|cdar (efficient-risk cap / max-utility penalty)
  --target-risk X (efficient-risk cap in that measure: semideviation annual, CVaR/CDaR daily)
  a flag the objective does not use is an error (e.g. --target-return with max-sharpe)`;

export const constraintUsage = `constraints:
  --bounds LO:HI (default 0:1; e.g. --bounds -1:1 for shorting) --bound T=LO:HI (repeatable)
  --market-neutral --group NAME=T1,T2:LO:HI (repeatable; leave LO or HI empty for one side)
  --l2 G --tx-cost K --current-weights FILE.json --max-turnover X --max-holdings K
  --tracking-error X --benchmark-weights FILE.json
${factorUsage}
${optionsBookUsage}`;

function user(message: string): FrontierError {
  return new FrontierError('user-error', message);
}

function readJson(path: string, flag: string): unknown {
  return readJsonFile(path, `--${flag} ${path}`);
}

/** {T: w} or {weights: {T: w}} (the output of `frontier optimize --json`). */
export function readWeightsFile(path: string, flag: string): Record<string, number> {
  const json = readJson(path, flag);
  const rec = json !== null && typeof json === 'object' && 'weights' in json ? json.weights : json;
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw user(`--${flag} ${path}: expected {"TICKER": weight, ...}`);
  const out: Record<string, number> = {};
  for (const [t, w] of Object.entries(rec)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) throw user(`--${flag} ${path}: the weight of ${t} is not a number`);
    out[t] = w;
  }
  return out;
}

function pair(raw: string, flag: string): [number, number] {
  const m = /^\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*$/.exec(raw);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2]) : NaN;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw user(`--${flag}: "${raw}" is not LO:HI, e.g. 0:0.2`);
  if (lo > hi) throw user(`--${flag}: lower ${lo} is above upper ${hi}`);
  return [lo, hi];
}

function optionalNumber(raw: string, flag: string): number | undefined {
  if (raw.trim() === '') return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw user(`--${flag}: "${raw}" is not a number`);
  return v;
}

function oneOf<T extends string>(args: ParsedArgs, flag: string, allowed: readonly T[]): T | undefined {
  const v = stringOption(args, flag);
  if (v === undefined) return undefined;
  const hit = allowed.find((a) => a === v);
  if (!hit) throw user(`--${flag}: "${v}" is not one of ${allowed.join(', ')}`);
  return hit;
}

/**
 * Options from the flags, layered over `base` (a scenario file's options) so flags override it.
 * `marketColumn` is the column name the --market series was merged under (see mergeMarketSeries).
 */
export function optimizeOptionsFromFlags(
  args: ParsedArgs,
  base?: OptimizeOptionsInput,
  marketColumn?: string,
  purpose: 'optimize' | 'other' = 'other',
): OptimizeOptions {
  const est: Record<string, unknown> = { ...(base?.estimators ?? {}) };
  const returns = oneOf(args, 'returns', RETURN_ESTIMATORS);
  if (returns) est.returns = returns;
  const span = numberOption(args, 'span');
  if (span !== undefined) est.span = span;
  if (args.values['log-returns'] === true) est.logReturns = true;
  const risk = oneOf(args, 'risk', RISK_MODELS);
  if (risk) est.risk = risk;
  const benchmark = numberOption(args, 'benchmark');
  if (benchmark !== undefined) est.benchmark = benchmark;
  const advanced: Record<string, unknown> = { ...((base?.advanced as Record<string, unknown> | undefined) ?? {}) };
  // --frequency N (periods per year) or weekly|monthly (resample the prices first)
  const freqRaw = stringOption(args, 'frequency');
  if (freqRaw === 'weekly' || freqRaw === 'monthly' || freqRaw === 'daily') advanced.resample = freqRaw;
  else {
    const frequency = numberOption(args, 'frequency');
    if (frequency !== undefined) est.frequency = frequency;
  }
  // `frontier` has its own --risk-measure (the frontier's measure); here it picks the objective's
  if (purpose === 'optimize') {
    const measure = oneOf(args, 'risk-measure', RISK_MEASURES);
    if (measure) advanced.riskMeasure = measure;
    const targetRisk = numberOption(args, 'target-risk');
    if (targetRisk !== undefined) advanced.riskTarget = targetRisk;
  }
  if (marketColumn) est.market = marketColumn;

  const targets: Record<string, unknown> = { ...(base?.targets ?? {}) };
  for (const [flag, key] of [
    ['rf', 'rf'],
    ['target-volatility', 'targetVolatility'],
    ['target-return', 'targetReturn'],
    ['risk-aversion', 'riskAversion'],
    ['beta', 'beta'],
  ] as const) {
    const v = numberOption(args, flag);
    if (v !== undefined) targets[key] = v;
  }

  const c: Record<string, unknown> = { ...(base?.constraints ?? {}) };
  const bounds = stringOption(args, 'bounds');
  if (bounds !== undefined) c.bounds = pair(bounds, 'bounds');
  const assetBounds: Record<string, [number, number]> = { ...((base?.constraints?.assetBounds as Record<string, [number, number]> | undefined) ?? {}) };
  for (const raw of stringList(args, 'bound')) {
    const eq = raw.indexOf('=');
    if (eq <= 0) throw user(`--bound: "${raw}" is not T=LO:HI, e.g. AAPL=0:0.1`);
    assetBounds[raw.slice(0, eq).trim()] = pair(raw.slice(eq + 1), 'bound');
  }
  if (Object.keys(assetBounds).length > 0) c.assetBounds = assetBounds;
  if (args.values['market-neutral'] === true) c.marketNeutral = true;
  const groups = stringList(args, 'group').map((raw) => {
    const m = /^([^=]+)=([^:]+):([^:]*):([^:]*)$/.exec(raw);
    if (!m) throw user(`--group: "${raw}" is not NAME=T1,T2:LO:HI, e.g. tech=AAPL,MSFT:0:0.4`);
    const min = optionalNumber(m[3]!, 'group');
    const max = optionalNumber(m[4]!, 'group');
    if (min === undefined && max === undefined) throw user(`--group ${m[1]}: give a lower or an upper limit`);
    const tickers = m[2]!.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
    return { name: m[1]!.trim(), tickers, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  });
  if (groups.length > 0) c.groups = [...((base?.constraints?.groups as unknown[] | undefined) ?? []), ...groups];
  for (const [flag, key] of [
    ['l2', 'l2'],
    ['tx-cost', 'txCost'],
    ['max-turnover', 'maxTurnover'],
    ['max-holdings', 'maxHoldings'],
    ['tracking-error', 'trackingError'],
  ] as const) {
    const v = numberOption(args, flag);
    if (v !== undefined) c[key] = v;
  }
  const cw = stringOption(args, 'current-weights');
  if (cw) c.currentWeights = readWeightsFile(cw, 'current-weights');
  const bw = stringOption(args, 'benchmark-weights');
  if (bw) c.benchmarkWeights = readWeightsFile(bw, 'benchmark-weights');

  const input: Record<string, unknown> = { ...(base ?? {}), estimators: est, targets, constraints: c, ...factorModelInput(args, base?.factorModel), ...(Object.keys(advanced).length > 0 ? { advanced } : {}) };
  applyRobustFlags(args, est, input);
  applyOptionsBookFlags(args, input);
  const objective = oneOf(args, 'objective', OBJECTIVES);
  if (objective) input.objective = objective;
  const viewsPath = stringOption(args, 'views');
  if (viewsPath) {
    const parsedViews = viewsSchema.safeParse(readJson(viewsPath, 'views'));
    if (!parsedViews.success) {
      const issue = parsedViews.error.issues[0]!;
      throw user(`--views ${viewsPath}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const bl = parsedViews.data;
    if (bl.riskAversion === 'market' && bl.marketTicker === undefined && marketColumn) bl.marketTicker = marketColumn;
    input.blackLitterman = bl;
  }
  const currency = currencyFromFlags(args, base?.currency);
  if (currency) input.currency = currency;
  const parsed = optimizeOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw user(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (purpose === 'optimize') assertFlagsUsed(args, parsed.data);
  return parsed.data;
}

/** An optimisation flag the objective would ignore is a user error naming both. */
export function assertFlagsUsed(args: ParsedArgs, options: OptimizeOptions): void {
  const given = new Set<string>(CHECKED_FLAGS.filter((f) => {
    const v = args.values[f];
    return v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
  }));
  for (const flag of given) {
    const why = unusedFlagReason(flag, options, given);
    if (why) throw user(`--${flag} is not used by --objective ${options.objective}: ${why}`);
  }
}

/** The separate in-memory store a --market file is read through (its ticker may clash with the prices'). */
const MARKET_DB = ':memory:market';

/** A one-column wide CSV as a market series (read by the app's importer; errors name FILE:LINE). */
export async function readMarketSeries(ctx: CliContext, path: string): Promise<MarketSeries> {
  const tickers = await importPriceFile(ctx, path, MARKET_DB);
  if (tickers.length !== 1) throw user(`--market ${path}: expected one price column, found ${tickers.length}`);
  const ticker = tickers[0]!;
  const rows = await ctx.call('prices-get', { ticker }, MARKET_DB);
  return { ticker, dates: rows.map((r) => r.date), prices: rows.map((r) => r.adjClose ?? r.close) };
}

/** What the engine commands send: where the prices are, the window, the parsed options and a --market series. */
export interface EngineRequest {
  source: PriceSource;
  request: { tickers: string[]; window: PriceSource['window']; options: OptimizeOptions; marketSeries?: MarketSeries };
}

/** Source flags → tickers and window; estimator/target/constraint flags → options (over a scenario's). */
/**
 * `purpose: 'optimize'` (the optimize command) reads --risk-measure / --target-risk as the objective's
 * and refuses flags the objective ignores; other commands (frontier, resample, estimate) give those flags
 * their own meaning.
 */
export async function engineRequest(args: ParsedArgs, ctx: CliContext, purpose: 'optimize' | 'other' = 'other'): Promise<EngineRequest> {
  const source = await loadPriceSource(args, ctx);
  const marketPath = stringOption(args, 'market');
  const marketSeries = marketPath ? await readMarketSeries(ctx, marketPath) : undefined;
  // The service names the market column (and sets it as the estimators' market), so the flags do not.
  const options = optimizeOptionsFromFlags(args, source.scenario?.options, undefined, purpose);
  return { source, request: { tickers: source.tickers, window: source.window, options, ...(marketSeries ? { marketSeries } : {}) } };
}
