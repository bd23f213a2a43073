/** `frontier optimize`: one portfolio optimisation (any objective, constraints, Black–Litterman views). */
import { commonOptions, defineCommand } from '../command.js';
import {
  constraintOptions,
  constraintUsage,
  engineRequest,
  measureOptions,
  measureUsage,
  estimatorOptions,
  estimatorUsage,
  targetOptions,
  targetUsage,
} from '../optimize-flags.js';
import { priceSourceOptions, priceSourceUsage } from '../price-source.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

export default defineCommand({
  name: 'optimize',
  summary: 'optimise a portfolio (mean-variance, Sharpe, CVaR/CDaR, risk parity, HRP, Black–Litterman)',
  usage: `usage: frontier optimize <source> [estimators] --objective NAME [targets] [constraints] [--views FILE] [--json]

objectives: min-volatility (default), max-sharpe, efficient-risk, efficient-return, max-utility, max-return,
  risk-parity, hrp, min-cvar, efficient-cvar, min-cdar, efficient-cdar, min-semivariance
--json prints {weights: {T: w}, performance: {expectedReturn, volatility, sharpe, cvar?, cdar?}, status,
  diagnostics: {solver, iterations, solveTimeMs, kkt, activeConstraints, riskContributions, estimators, warnings}}
  and, with --views, {prior: {T: x}, posterior: {T: x}}.

views file (Black–Litterman): {"prior": "market"|"equal"|"historical"|"none"|{T: x}, "marketCaps": {T: x},
  "riskAversion": x|"market", "tau": 0.05, "omega": "proportional"|"idzorek",
  "views": [{"asset": T, "return": x, "confidence"?: c}, {"long": [T…], "short": [T…], "return": x}]}

${priceSourceUsage}
${estimatorUsage}
${targetUsage}
${measureUsage}
${constraintUsage}`,
  options: { ...commonOptions, ...priceSourceOptions, ...estimatorOptions, ...targetOptions, ...measureOptions, ...constraintOptions },
  async run(args, ctx) {
    const { source, request } = await engineRequest(args, ctx, 'optimize');
    const { options } = request;
    const res = await ctx.call('optimize-run', request, source.db);
    ctx.print(args.values.json === true, res, () => {
      const lines = [`${options.objective}: ${res.status} (${res.diagnostics.solver}, ${res.diagnostics.iterations} iterations, ${res.diagnostics.solveTimeMs.toFixed(1)} ms)`];
      const p = res.performance;
      lines.push(`expected return ${pct(p.expectedReturn)}, volatility ${pct(p.volatility)}, Sharpe ${p.sharpe.toFixed(3)}`);
      if (p.cvar !== undefined) lines.push(`CVaR ${pct(p.cvar)} (daily)`);
      if (p.cdar !== undefined) lines.push(`CDaR ${pct(p.cdar)}`);
      const w = Math.max(6, ...Object.keys(res.weights).map((t) => t.length));
      for (const [t, x] of Object.entries(res.weights)) {
        if (Math.abs(x) < 1e-10) continue;
        const post = res.posterior?.[t];
        lines.push(`  ${t.padEnd(w)} ${pct(x).padStart(9)}   risk ${pct(res.diagnostics.riskContributions[t] ?? 0).padStart(9)}${post === undefined ? '' : `   posterior ${pct(post)}`}`);
      }
      const k = res.diagnostics.kkt;
      if (k) lines.push(`KKT residuals: stationarity ${k.stationarity.toExponential(1)}, feasibility ${k.feasibility.toExponential(1)}, complementarity ${k.complementarity.toExponential(1)}`);
      if (res.diagnostics.activeConstraints.length > 0) lines.push(`active: ${res.diagnostics.activeConstraints.join(', ')}`);
      for (const msg of res.diagnostics.warnings) lines.push(`warning: ${msg}`);
      return lines.join('\n');
    });
  },
});
