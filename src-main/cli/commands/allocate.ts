/** `frontier allocate`: target weights + cash → whole shares at the latest prices of the source. */
import { FrontierError } from '../../../shared/api.js';
import { commonOptions, defineCommand, numberOption, stringOption } from '../command.js';
import { loadPriceSource, priceSourceOptions, priceSourceUsage, readJsonFile } from '../price-source.js';

/** Reads {T: w} or the output of `frontier optimize --json` ({weights: {T: w}, ...}). */
function readWeights(path: string): Record<string, number> {
  const json = readJsonFile(path);
  const rec = json !== null && typeof json === 'object' && 'weights' in json ? json.weights : json;
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new FrontierError('user-error', `${path}: expected {"TICKER": weight, ...} or {"weights": {...}}`);
  }
  const out: Record<string, number> = {};
  for (const [t, w] of Object.entries(rec)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) throw new FrontierError('user-error', `${path}: weight of ${t} is not a number`);
    out[t] = w;
  }
  if (Object.keys(out).length === 0) throw new FrontierError('user-error', `${path}: no weights`);
  return out;
}

export default defineCommand({
  name: 'allocate',
  summary: 'turn portfolio weights and a cash amount into whole share counts',
  usage: `usage: frontier allocate <source> --weights FILE.json --cash X [--method greedy|lp] [--json]

Buys whole shares at each ticker's latest price in the source (the last non-empty price in the window).
  --weights FILE.json   {"TICKER": weight, ...} (fractions, ≥ 0, summing to ≤ 1), or the JSON printed
                        by \`frontier optimize --json\`
  --cash X              amount to invest (same currency as the prices)
  --method greedy|lp    greedy (default): floor each target, then buy single shares of the most
                        under-weight affordable asset; lp: exact integer program minimising
                        Σ|w·cash − shares·price| + leftover (HiGHS branch-and-bound)
--json prints {shares: {T: n}, leftover, method, rmse, prices: {T: p}}.

${priceSourceUsage}
  (with --db and no --tickers, the tickers of the weights file are used)`,
  options: { ...commonOptions, ...priceSourceOptions, weights: { type: 'string' }, cash: { type: 'string' }, method: { type: 'string' } },
  async run(args, ctx) {
    const weightsPath = stringOption(args, 'weights');
    if (!weightsPath) throw new FrontierError('user-error', '--weights FILE.json is required');
    const cash = numberOption(args, 'cash');
    if (cash === undefined || !(cash > 0)) throw new FrontierError('user-error', '--cash: give the amount to invest, e.g. --cash 10000');
    const method = stringOption(args, 'method') ?? 'greedy';
    if (method !== 'greedy' && method !== 'lp') throw new FrontierError('user-error', `--method: "${method}" is not greedy or lp`);
    const weights = readWeights(weightsPath);
    const tickers = Object.keys(weights);
    const withTickers =
      stringOption(args, 'tickers') || stringOption(args, 'prices') || stringOption(args, 'scenario')
        ? args
        : { ...args, values: { ...args.values, tickers: tickers.join(',') } };
    const source = await loadPriceSource(withTickers, ctx);
    const missing = tickers.filter((t) => !source.tickers.includes(t));
    if (missing.length > 0) throw new FrontierError('user-error', `${source.label}: no prices for ${missing.join(', ')}`);
    // The app's trade list at the last price on or before the window's end: one allocation path.
    const plan = await ctx.call('prices-allocate', { weights, value: cash, method, ...(source.window.end ? { asOf: source.window.end } : {}) }, source.db);
    const row = new Map(plan.rows.map((r) => [r.ticker, r]));
    const prices = tickers.map((t) => row.get(t)!.price);
    const a = { shares: Object.fromEntries(tickers.filter((t) => row.get(t)!.targetShares > 0).map((t) => [t, row.get(t)!.targetShares])), leftover: plan.leftover, method: plan.method, rmse: plan.rmse };
    const json = args.values.json === true;
    ctx.print(json, { ...a, prices: Object.fromEntries(tickers.map((t, i) => [t, prices[i]])), ...(plan.solve ? { solve: plan.solve } : {}) }, () => {
      const lines = Object.entries(a.shares).map(([t, n]) => {
        const p = prices[tickers.indexOf(t)]!;
        return `${t.padEnd(10)} ${String(n).padStart(8)} × ${p.toFixed(2).padStart(10)} = ${(n * p).toFixed(2).padStart(12)}`;
      });
      lines.push(`leftover cash: ${a.leftover.toFixed(2)}   (method ${a.method}, weight RMSE ${(a.rmse * 100).toFixed(3)} %)`);
      return lines.join('\n');
    });
  },
});
