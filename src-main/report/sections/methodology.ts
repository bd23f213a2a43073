/** Methodology and disclaimer: how the numbers were made, and what they are not. */
import { html } from '../format.js';
import { section, type SectionBuilder } from '../section-kit.js';

export const methodologySection: SectionBuilder = (ctx) => {
  const est = ctx.scenario.options.estimators;
  const frequency = ctx.fmt.int(est.frequency);
  return section(
    'methodology',
    html`<div class="prose">
<p>Returns are daily simple returns of adjusted closing prices (p<sub>t</sub>/p<sub>t−1</sub> − 1), without forward filling;
a year has ${frequency} periods. Expected returns, volatilities and Sharpe ratios are annualised; percentages are fractions of the
portfolio value shown with two decimals. The historical expected return is the compounded mean of each asset over its own history,
(∏(1+r))<sup>${frequency}/n</sup> − 1; the sample covariance uses pairwise-complete observations with ddof 1, annualised by ${frequency}.
Covariance matrices that are not positive semi-definite are repaired by clipping eigenvalues, and the repair is reported.</p>
<p>Portfolios are found by numerical optimisation under the stated constraints. The efficient frontier is the set of portfolios with the
lowest volatility for each level of expected return under the same constraints. The Sharpe ratio uses the scenario's risk-free rate.
Risk contributions are each asset's share of portfolio variance. Backtests, where shown, apply the stated rebalancing and costs to
historical prices; stress tests replay historical windows or apply hypothetical shocks.</p>
<p class="disclaimer"><strong>Disclaimer.</strong> This report is produced from historical data and statistical estimates, which are uncertain
and may change materially. Past performance does not guarantee future results. The report is for information and discussion; it is not
investment advice, an offer or a solicitation. Check data, settings and results before acting on them.</p>
</div>`,
  );
};
