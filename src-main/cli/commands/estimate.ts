/** `frontier estimate`: expected returns and covariance of a price source under the chosen estimators. */
import { commonOptions, defineCommand } from '../command.js';
import { engineRequest, estimatorOptions, estimatorUsage } from '../optimize-flags.js';
import { priceSourceOptions, priceSourceUsage } from '../price-source.js';

export default defineCommand({
  name: 'estimate',
  summary: 'expected returns and covariance of a price source (annualised)',
  usage: `usage: frontier estimate <source> [estimators] [--rf X] [--json]

Prints annualised expected returns and the annualised covariance matrix.
--json prints {tickers, expectedReturns: {T: x}, covariance: [[...]], warnings, covarianceKernel}.

${priceSourceUsage}
${estimatorUsage}`,
  options: { ...commonOptions, ...priceSourceOptions, ...estimatorOptions, rf: { type: 'string' } },
  async run(args, ctx) {
    const { source, request } = await engineRequest(args, ctx);
    const { options } = request;
    const out = await ctx.call('optimize-estimate', request, source.db);
    const { tickers, expectedReturns, covariance: cov, warnings } = out;
    ctx.print(args.values.json === true, out, () => {
      const w = Math.max(6, ...tickers.map((t) => t.length));
      const lines = [`${'ticker'.padEnd(w)}  return   volatility`];
      tickers.forEach((t, i) => lines.push(`${t.padEnd(w)}  ${(expectedReturns[t]! * 100).toFixed(2).padStart(6)} %  ${(Math.sqrt(cov[i]![i]!) * 100).toFixed(2).padStart(6)} %`));
      lines.push('', `covariance (${options.estimators.risk}, annualised):`);
      lines.push(`${''.padEnd(w)} ${tickers.map((t) => t.padStart(10)).join('')}`);
      tickers.forEach((t, i) => lines.push(`${t.padEnd(w)} ${cov[i]!.map((x) => x.toFixed(6).padStart(10)).join('')}`));
      for (const msg of warnings) lines.push(`warning: ${msg}`);
      return lines.join('\n');
    });
  },
});
