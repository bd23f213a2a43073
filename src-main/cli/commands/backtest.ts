/** `frontier backtest`: how a portfolio would have lived — equity, drawdowns, metrics, rebalances. */
import { FrontierError } from '../../../shared/api.js';
import { backtestSettingsSchema, fallbackSummary, type BacktestReport, type RebalanceSetting, type WalkForwardSetting } from '../../../shared/api/backtest.js';
import type { OptimizeOptions } from '../../../shared/domain/optimize.js';
import { backtestFallbackFromFlags, backtestFallbackOptions, backtestFallbackUsage } from '../backtest-flags.js';
import { commonOptions, defineCommand, numberOption, stringOption, type ParsedArgs } from '../command.js';
import { constraintOptions, constraintUsage, estimatorOptions, optimizeOptionsFromFlags, readWeightsFile, targetOptions, targetUsage } from '../optimize-flags.js';
import { loadPriceSource, priceSourceOptions, priceSourceUsage, type PriceSource } from '../price-source.js';

/** `monthly|quarterly|annually|none|band:0.05` → a rebalance rule. */
export function parseRebalance(raw: string): RebalanceSetting {
  if (raw === 'none') return { kind: 'none' };
  if (raw === 'monthly' || raw === 'quarterly' || raw === 'annually') return { kind: 'calendar', every: raw };
  const band = /^band:(.+)$/.exec(raw);
  if (band) {
    const x = Number(band[1]);
    if (Number.isFinite(x) && x > 0 && x < 1) return { kind: 'band', band: x };
  }
  throw new FrontierError('user-error', `--rebalance: "${raw}" is not monthly, quarterly, annually, none or band:FRACTION (e.g. band:0.05)`);
}

/** `rolling:756|expanding` → a walk-forward window. */
export function parseWalkForward(raw: string): WalkForwardSetting {
  if (raw === 'expanding') return { kind: 'expanding' };
  const rolling = /^rolling:(\d+)$/.exec(raw);
  if (rolling && Number(rolling[1]) >= 20) return { kind: 'rolling', days: Number(rolling[1]) };
  throw new FrontierError('user-error', `--walk-forward: "${raw}" is not rolling:DAYS (DAYS ≥ 20) or expanding`);
}

/** Weights from --weights FILE.json ({"AAPL": 0.5, …} or optimize --json output); empty files are an error. */
export function weightsFromFile(path: string): Record<string, number> {
  const weights = readWeightsFile(path, 'weights');
  if (Object.keys(weights).length === 0) throw new FrontierError('user-error', `--weights ${path}: no weights in the file`);
  return weights;
}

/**
 * Optimisation settings: the scenario's, with the optimisation flags on top (the same flags as
 * `frontier optimize`). `--benchmark` means the benchmark ticker here, so it is not read as the
 * semicovariance benchmark return.
 */
export function optionsFrom(args: ParsedArgs, source: PriceSource): OptimizeOptions {
  const { benchmark: _ticker, ...values } = args.values;
  return optimizeOptionsFromFlags({ ...args, values }, source.scenario?.options);
}

/** Optimisation flags a backtest accepts: all of `frontier optimize`'s except --benchmark X and --market FILE. */
const { benchmark: _semiBenchmark, market: _market, ...backtestEstimatorOptions } = estimatorOptions;

const pct = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(digits)} %`);
const num = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(2));

function human(r: BacktestReport): string {
  const m = r.metrics;
  const lines = [
    `backtest ${m.start} → ${m.end} (${m.days} days), ${r.rebalances.length} rebalances`,
    ...(m.fallback ? [`  ${m.fallback.fellBack > 0 ? 'FALLBACK: ' : ''}${fallbackSummary(m.fallback)}`] : []),
    `  final value    ${r.equity.at(-1)?.value.toFixed(2)} (from ${r.initialValue})`,
    `  CAGR           ${pct(m.cagr)}      volatility ${pct(m.volatility)}`,
    `  Sharpe         ${num(m.sharpe)}         Sortino    ${num(m.sortino)}`,
    `  max drawdown   ${pct(m.maxDrawdown)}     Calmar     ${num(m.calmar)}`,
    `  VaR/CVaR 95 %  ${pct(m.var95)} / ${pct(m.cvar95)} (daily)`,
    `  best/worst yr  ${m.bestYear ? `${m.bestYear.period} ${pct(m.bestYear.return)}` : '—'} / ${m.worstYear ? `${m.worstYear.period} ${pct(m.worstYear.return)}` : '—'}`,
    `  turnover       ${pct(m.turnover)} a year   costs ${pct(m.costs, 3)} of the initial value`,
  ];
  if (m.benchmark) {
    const b = m.benchmark;
    lines.push(`  vs benchmark   beta ${num(b.beta)}  alpha ${pct(b.alpha)}  tracking error ${pct(b.trackingError)}  IR ${num(b.informationRatio)}`);
  }
  lines.push('worst drawdowns:');
  for (const d of r.drawdowns) lines.push(`  ${pct(d.depth).padStart(9)}  ${d.start} → ${d.trough} → ${d.end ?? 'not recovered'}  (${d.length} days)`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

export default defineCommand({
  name: 'backtest',
  summary: 'backtest a portfolio: equity curve, drawdowns, metrics, rebalances',
  usage: `usage: frontier backtest SOURCE [options] [--json]

${priceSourceUsage}

weights (one of):
  --weights FILE.json        static target weights ({"AAPL": 0.5, …} or optimize --json output)
  --walk-forward rolling:756|expanding
                             re-optimise at each rebalance on a window ending that day (no look-ahead)
  (neither)                  optimise once on the whole period — in-sample, with a warning
options:
  --rebalance monthly|quarterly|annually|none|band:0.05   (default monthly; band = absolute drift)
  --cost-bps N               proportional cost per trade in basis points (default 0)
  --fixed-cost X             fixed cost per traded asset, in currency (default 0)
  --initial X                starting value (default 10000)
  --min-history N            prices an asset needs before it is bought
  --benchmark T              benchmark ticker from the same source (beta, alpha, tracking error)
${backtestFallbackUsage}
  --json                     {equity, drawdown, metrics, drawdowns, rebalances, …}

optimisation (walk-forward and in-sample weights; default: the scenario's settings, min-volatility):
  --objective NAME --returns … --risk … --span N --log-returns --frequency N
${targetUsage}
${constraintUsage}
  (--rf is also the rate cash earns and the rate in Sharpe/Sortino)`,
  options: {
    ...commonOptions,
    ...priceSourceOptions,
    weights: { type: 'string' },
    'walk-forward': { type: 'string' },
    rebalance: { type: 'string' },
    'cost-bps': { type: 'string' },
    'fixed-cost': { type: 'string' },
    initial: { type: 'string' },
    'min-history': { type: 'string' },
    ...backtestEstimatorOptions,
    ...targetOptions,
    ...constraintOptions,
    benchmark: { type: 'string' },
    ...backtestFallbackOptions,
  },
  async run(args, ctx) {
    if (args.positionals.length > 0) throw new FrontierError('user-error', `unexpected argument "${args.positionals[0]}" (see frontier backtest --help)`);
    const source = await loadPriceSource(args, ctx);
    const weightsPath = stringOption(args, 'weights');
    const walk = stringOption(args, 'walk-forward');
    if (weightsPath && walk) throw new FrontierError('user-error', 'give either --weights or --walk-forward, not both');
    const benchmark = stringOption(args, 'benchmark');
    const parsed = backtestSettingsSchema.safeParse({
      rebalance: parseRebalance(stringOption(args, 'rebalance') ?? 'monthly'),
      ...(weightsPath ? { weights: weightsFromFile(weightsPath) } : {}),
      ...(walk ? { walkForward: parseWalkForward(walk) } : {}),
      costBps: numberOption(args, 'cost-bps') ?? 0,
      fixedCost: numberOption(args, 'fixed-cost') ?? 0,
      initialValue: numberOption(args, 'initial') ?? 10_000,
      ...(numberOption(args, 'min-history') === undefined ? {} : { minHistory: numberOption(args, 'min-history') }),
      ...(benchmark ? { benchmark } : {}),
      ...backtestFallbackFromFlags(args),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FrontierError('user-error', `${issue.path.join('.')}: ${issue.message}`);
    }
    const settings = parsed.data;
    const assets = source.tickers.filter((t) => t !== benchmark || settings.weights?.[t] !== undefined);
    const stray = Object.keys(settings.weights ?? {}).filter((t) => !assets.includes(t));
    if (stray.length > 0) throw new FrontierError('user-error', `${weightsPath}: no prices in ${source.label} for ${stray.join(', ')}`);
    const report = await ctx.call(
      'backtest-run',
      { tickers: settings.weights ? Object.keys(settings.weights) : assets, window: source.window, options: optionsFrom(args, source), settings },
      source.db,
    );
    ctx.print(args.values.json === true, report, () => human(report));
  },
});
