/** `frontier resample`: Michaud resampled frontier (or objective) with weight bands and the within-noise verdict. */
import { FrontierError } from '../../../shared/api.js';
import type { ResampleResult } from '../../../shared/domain/robust.js';
import { commonOptions, defineCommand, numberOption, stringOption } from '../command.js';
import { constraintOptions, constraintUsage, engineRequest, estimatorOptions, estimatorUsage, readWeightsFile, targetOptions, targetUsage } from '../optimize-flags.js';
import { priceSourceOptions, priceSourceUsage } from '../price-source.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function human(r: ResampleResult): string {
  const lines = [`${r.draws} draws (${r.method}, seed ${r.seed})${r.failedDraws > 0 ? `, ${r.failedDraws} could not be solved` : ''}: resampled ${r.objective ?? 'frontier'}`];
  if (r.current) lines.push(r.current.verdict);
  lines.push(`${'asset'.padEnd(8)} ${'weight'.padStart(9)} ${'p5'.padStart(9)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}`);
  for (const [t, w] of Object.entries(r.weights).sort((a, b) => b[1] - a[1])) {
    const b = r.bands[t]!;
    if (Math.abs(w) < 1e-6 && b.p95 < 1e-6) continue;
    lines.push(`${t.padEnd(8)} ${pct(w).padStart(9)} ${pct(b.p5).padStart(9)} ${pct(b.p50).padStart(9)} ${pct(b.p95).padStart(9)}`);
  }
  if (r.frontier.length > 0) lines.push(`resampled frontier: ${r.frontier.length} points, volatility ${pct(r.frontier[0]!.volatility)} to ${pct(r.frontier.at(-1)!.volatility)}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

export default defineCommand({
  name: 'resample',
  summary: 'resampled efficiency (Michaud): resampled frontier or objective, weight bands, is the current portfolio within the noise',
  usage: `usage: frontier resample <source> [estimators] [constraints] --objective NAME|--points N --draws D
                        [--method normal|bootstrap] [--block-days 21] [--seed S] [--current-weights FILE.json] [--json]

Redraws the estimation window D times (normal: the sample moments a normal window of the same length
would give, drawn from μ̂ and Σ̂; bootstrap: a stationary block bootstrap of the return rows, re-estimated
with the chosen estimators), solves the frontier (--points N) or the objective under every constraint on
each draw, and averages the weights rank by rank. Deterministic for a seed.
--json prints {weights: {T: w}, bands: {T: {p5, p50, p95}}, frontier: [{expectedReturn, volatility, sharpe,
  weights}], classicalFrontier: [...], band: [{expectedReturn, lower, upper}], current?: {withinNoise, share,
  verdict}, draws, seed, method, failedDraws, warnings}. --current-weights tests those weights (frontier mode).

${priceSourceUsage}
${estimatorUsage}
${targetUsage}
${constraintUsage}`,
  options: {
    ...commonOptions,
    ...priceSourceOptions,
    ...estimatorOptions,
    ...targetOptions,
    ...constraintOptions,
    points: { type: 'string' },
    draws: { type: 'string' },
    method: { type: 'string' },
    'block-days': { type: 'string' },
    seed: { type: 'string' },
  },
  async run(args, ctx) {
    const draws = numberOption(args, 'draws') ?? 200;
    const points = numberOption(args, 'points');
    const method = stringOption(args, 'method') ?? 'normal';
    if (method !== 'normal' && method !== 'bootstrap') throw new FrontierError('user-error', `--method: "${method}" is not one of normal, bootstrap`);
    if (points !== undefined && args.values.objective !== undefined) throw new FrontierError('user-error', 'give --objective (resample one portfolio) or --points (resample the frontier), not both');
    const blockDays = numberOption(args, 'block-days');
    const seed = numberOption(args, 'seed');
    const cw = stringOption(args, 'current-weights');
    const current = cw ? readWeightsFile(cw, 'current-weights') : undefined;
    const { source, request } = await engineRequest(args, ctx);
    const result = await ctx.call(
      'robust-resample',
      {
        tickers: request.tickers,
        window: request.window,
        options: request.options,
        settings: { draws, method, ...(points === undefined ? {} : { points }), ...(blockDays === undefined ? {} : { blockDays }), ...(seed === undefined ? {} : { seed }) },
        ...(current ? { currentWeights: current } : {}),
      },
      source.db,
    );
    ctx.print(args.values.json === true, result, () => human(result));
  },
});
