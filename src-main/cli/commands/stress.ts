/** `frontier stress`: crisis windows, a correlation shock, user shocks and a Monte Carlo fan for fixed weights. */
import { FrontierError } from '../../../shared/api.js';
import { stressSettingsSchema, type StressReport } from '../../../shared/api/backtest.js';
import { commonOptions, defineCommand, numberOption, stringList, stringOption } from '../command.js';
import { loadPriceSource, priceSourceOptions, priceSourceUsage } from '../price-source.js';
import { optionsFrom, weightsFromFile } from './backtest.js';

/** `TICKER=-0.2` → [ticker, shock]. */
function parseShock(raw: string): [string, number] {
  const m = /^([^=]+)=(.+)$/.exec(raw);
  const x = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isFinite(x)) throw new FrontierError('user-error', `--shock: "${raw}" is not TICKER=FRACTION (e.g. SPY=-0.2)`);
  return [m[1]!.trim(), x];
}

/** `NAME:A,B=-0.2` → a group shock. */
function parseGroupShock(raw: string): { name: string; tickers: string[]; shock: number } {
  const m = /^([^:]+):([^=]+)=(.+)$/.exec(raw);
  const x = m ? Number(m[3]) : Number.NaN;
  if (!m || !Number.isFinite(x)) throw new FrontierError('user-error', `--group-shock: "${raw}" is not NAME:A,B=FRACTION (e.g. equities:SPY,QQQ=-0.2)`);
  return { name: m[1]!.trim(), tickers: m[2]!.split(',').map((t) => t.trim()).filter(Boolean), shock: x };
}

/** `NAME:YYYY-MM-DD:YYYY-MM-DD` → a historical window. */
function parseWindow(raw: string): { name: string; start: string; end: string } {
  const m = /^(.+):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(raw);
  if (!m || m[2]! > m[3]!) throw new FrontierError('user-error', `--window: "${raw}" is not NAME:START:END with START ≤ END`);
  return { name: m[1]!, start: m[2]!, end: m[3]! };
}

const pct = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(2)} %`);

function human(r: StressReport): string {
  const lines = ['historical windows (buy-and-hold from the close before the window):'];
  for (const w of r.windows) {
    const bench = w.benchmarkReturn === null ? '' : `   benchmark ${pct(w.benchmarkReturn)} (max dd ${pct(w.benchmarkMaxDrawdown)})`;
    lines.push(
      w.from === null
        ? `  ${w.name.padEnd(26)} no data`
        : `  ${w.name.padEnd(26)} ${pct(w.portfolioReturn).padStart(9)}  max dd ${pct(w.portfolioMaxDrawdown).padStart(9)}${w.covered ? '' : ' (partly covered)'}${bench}`,
    );
  }
  const c = r.correlationShock;
  lines.push(
    `correlation shock to ${c.level} (${c.mode}${c.repaired ? ', repaired to PSD' : ''}):`,
    `  volatility ${pct(c.base.volatility)} → ${pct(c.shocked.volatility)}   daily CVaR ${Math.round(c.beta * 100)} % ${pct(c.base.cvar)} → ${pct(c.shocked.cvar)} (normal)`,
    `  historical daily CVaR ${Math.round(c.beta * 100)} % ${pct(c.base.historicalCvar)} → ${pct(c.shocked.historicalCvar)} (${c.historicalScenarios} days re-coloured to the shocked covariance)`,
  );
  if (c.historicalNote !== null) lines.push(`  note: ${c.historicalNote}`);
  if (r.shocks) lines.push(`user shocks: instant P&L ${pct(r.shocks.pnl)}`);
  lines.push(`Monte Carlo (${r.monteCarlo.paths} paths, ${r.monteCarlo.blockLength}-day blocks from ${r.monteCarlo.historyDays} days):`);
  for (const h of r.monteCarlo.horizons) {
    const loss = h.lossProbabilities.map((l) => `P(< −${pct(l.threshold)}) ${pct(l.probability)}`).join('  ');
    lines.push(`  ${h.years} y: 5 % ${pct(h.p5)}  median ${pct(h.p50)}  95 % ${pct(h.p95)}   ${loss}`);
  }
  return lines.join('\n');
}

export default defineCommand({
  name: 'stress',
  summary: 'stress-test weights: crisis windows, correlation shock, shocks, Monte Carlo',
  usage: `usage: frontier stress SOURCE --weights FILE.json [options] [--json]

${priceSourceUsage}

  --weights FILE.json        portfolio weights ({"AAPL": 0.5, …} or optimize --json output); default: the scenario's holdings
  --correlation X            pairwise correlation level for the shock (default 0.9): volatility and daily
                             CVaR 95 %, parametric (normal) and historical (scenarios re-coloured)
  --correlation-mode floor|set   raise correlations below X to X (default), or set all to X
  --shock TICKER=X           instant price move of an asset (repeatable), e.g. SPY=-0.2
  --group-shock NAME:A,B=X   the same move for a group (repeatable); asset shocks win
  --window NAME:START:END    historical window (repeatable; default: built-in crises)
  --benchmark T              benchmark ticker from the same source
  --paths N --seed N --block N --loss X (repeatable)   Monte Carlo (defaults 10000, 1, 21, 0.1/0.2/0.3)
  --rf X                     annual risk-free rate for the cash part
  --json                     {windows, correlationShock, shocks, monteCarlo}`,
  options: {
    ...commonOptions,
    ...priceSourceOptions,
    weights: { type: 'string' },
    correlation: { type: 'string' },
    'correlation-mode': { type: 'string' },
    shock: { type: 'string', multiple: true },
    'group-shock': { type: 'string', multiple: true },
    window: { type: 'string', multiple: true },
    benchmark: { type: 'string' },
    paths: { type: 'string' },
    seed: { type: 'string' },
    block: { type: 'string' },
    loss: { type: 'string', multiple: true },
    rf: { type: 'string' },
  },
  async run(args, ctx) {
    if (args.positionals.length > 0) throw new FrontierError('user-error', `unexpected argument "${args.positionals[0]}" (see frontier stress --help)`);
    const source = await loadPriceSource(args, ctx);
    const weightsPath = stringOption(args, 'weights');
    const weights = weightsPath ? weightsFromFile(weightsPath) : source.scenario?.holdings;
    if (!weights) throw new FrontierError('user-error', '--weights FILE.json is required (or a --scenario with holdings)');
    const benchmark = stringOption(args, 'benchmark');
    const shocks = stringList(args, 'shock').map(parseShock);
    const groups = stringList(args, 'group-shock').map(parseGroupShock);
    const windows = stringList(args, 'window').map(parseWindow);
    const losses = stringList(args, 'loss').map((x) => Number(x));
    const parsed = stressSettingsSchema.safeParse({
      weights,
      correlation: numberOption(args, 'correlation') ?? 0.9,
      correlationMode: stringOption(args, 'correlation-mode') ?? 'floor',
      ...(shocks.length + groups.length > 0 ? { shocks: { assets: Object.fromEntries(shocks), groups } } : {}),
      ...(windows.length > 0 ? { windows } : {}),
      monteCarlo: {
        paths: numberOption(args, 'paths') ?? 10_000,
        seed: numberOption(args, 'seed') ?? 1,
        blockLength: numberOption(args, 'block') ?? 21,
        ...(losses.length > 0 ? { lossThresholds: losses } : {}),
      },
      ...(benchmark ? { benchmark } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new FrontierError('user-error', `${issue.path.join('.')}: ${issue.message}`);
    }
    const stray = Object.keys(weights).filter((t) => !source.tickers.includes(t));
    if (stray.length > 0) throw new FrontierError('user-error', `${weightsPath ?? 'holdings'}: no prices in ${source.label} for ${stray.join(', ')}`);
    const report = await ctx.call(
      'stress-run',
      { tickers: Object.keys(weights), window: source.window, options: optionsFrom(args, source), settings: parsed.data },
      source.db,
    );
    ctx.print(args.values.json === true, report, () => human(report));
  },
});
