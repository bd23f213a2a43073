/** `frontier frontier`: the efficient frontier (N points under the constraints, plus CLA turning points). */
import { FrontierError } from '../../../shared/api.js';
import { commonOptions, defineCommand, numberOption, stringOption } from '../command.js';
import { constraintOptions, constraintUsage, engineRequest, estimatorOptions, estimatorUsage, targetOptions, targetUsage } from '../optimize-flags.js';
import { priceSourceOptions, priceSourceUsage } from '../price-source.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

export default defineCommand({
  name: 'frontier',
  summary: 'trace the efficient frontier (N points and, long-only, the exact turning points)',
  usage: `usage: frontier frontier <source> [estimators] [constraints] [--points N] [--rf X] [--risk-measure variance|cvar|cdar] [--json]

N minimum-variance portfolios at evenly spaced returns from the min-volatility to the max-return
portfolio under the constraints; with bounds only (no groups, L2, costs) also the exact turning points
of the critical line method.
--json prints {points: [{expectedReturn, volatility, sharpe, weights}], turningPoints?: [...], assets}.
--risk-measure cvar|cdar traces min CVaR (CDaR) at each target return instead (daily, at --beta, default
0.95); each point then also carries cvar or cdar.

${priceSourceUsage}
${estimatorUsage}
${targetUsage}
${constraintUsage}`,
  options: { ...commonOptions, ...priceSourceOptions, ...estimatorOptions, ...targetOptions, ...constraintOptions, points: { type: 'string' }, 'risk-measure': { type: 'string' } },
  async run(args, ctx) {
    const points = numberOption(args, 'points') ?? 40;
    if (!Number.isInteger(points) || points < 2 || points > 500) throw new FrontierError('user-error', '--points: give a whole number from 2 to 500');
    const measure = stringOption(args, 'risk-measure') ?? 'variance';
    if (measure !== 'variance' && measure !== 'cvar' && measure !== 'cdar') throw new FrontierError('user-error', `--risk-measure: "${measure}" is not one of variance, cvar, cdar`);
    const { source, request } = await engineRequest(args, ctx);
    const f = await ctx.call('optimize-frontier', { ...request, points, riskMeasure: measure }, source.db);
    ctx.print(args.values.json === true, f, () => {
      const risk = measure === 'variance' ? '' : `  ${measure.toUpperCase().padStart(8)}`;
      const lines = [`   return  volatility  Sharpe${risk}`];
      for (const p of f.points) {
        const extra = measure === 'cvar' ? p.cvar : measure === 'cdar' ? p.cdar : undefined;
        lines.push(`${pct(p.expectedReturn).padStart(9)}  ${pct(p.volatility).padStart(10)}  ${p.sharpe.toFixed(3).padStart(6)}${extra === undefined ? '' : `  ${pct(extra).padStart(8)}`}`);
      }
      if (f.turningPoints) lines.push(`${f.turningPoints.length} turning points (critical line method)`);
      return lines.join('\n');
    });
  },
});
