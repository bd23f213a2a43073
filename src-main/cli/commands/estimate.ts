/** `frontier estimate`: expected returns and covariance of a price source under the chosen estimators. */
import { estimateMoments } from '../../core/optimize/index.js';
import { commonOptions, defineCommand } from '../command.js';
import { coreFailure, engineInput, estimatorOptions, estimatorUsage } from '../optimize-flags.js';
import { priceSourceOptions, priceSourceUsage } from '../price-source.js';
import { currencyLines, withCurrencyResult } from '../currency-flags.js';

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
    const { prices, options, currency, calendar } = engineInput(args, ctx);
    const m = estimateMoments(prices, options.estimators, options.targets.rf);
    if (!m.ok) throw coreFailure(m.error);
    const { tickers, expectedReturns, covariance, warnings, covarianceKernel } = m.value;
    const n = tickers.length;
    const cov = Array.from({ length: n }, (_, i) => Array.from(covariance.subarray(i * n, (i + 1) * n)));
    const base = { tickers, expectedReturns: Object.fromEntries(tickers.map((t, i) => [t, expectedReturns[i]!])), covariance: cov, warnings, covarianceKernel };
    // An estimate has no portfolio: the currency figures describe equal weights.
    const out = withCurrencyResult(calendar ? { ...base, calendar } : base, currency, Object.fromEntries(tickers.map((t) => [t, 1 / n])), 'equal', options.estimators.frequency);
    ctx.print(args.values.json === true, out, () => {
      const w = Math.max(6, ...tickers.map((t) => t.length));
      const lines = [`${'ticker'.padEnd(w)}  return   volatility`];
      tickers.forEach((t, i) => lines.push(`${t.padEnd(w)}  ${(expectedReturns[i]! * 100).toFixed(2).padStart(6)} %  ${(Math.sqrt(covariance[i * n + i]!) * 100).toFixed(2).padStart(6)} %`));
      lines.push('', `covariance (${options.estimators.risk}, annualised):`);
      lines.push(`${''.padEnd(w)} ${tickers.map((t) => t.padStart(10)).join('')}`);
      tickers.forEach((t, i) => lines.push(`${t.padEnd(w)} ${cov[i]!.map((x) => x.toFixed(6).padStart(10)).join('')}`));
      for (const msg of warnings) lines.push(`warning: ${msg}`);
      lines.push(...currencyLines(out.currency));
      return lines.join('\n');
    });
  },
});
