/** Settings: estimators, objective, targets, constraints, risk-free rate, price window. */
import { html } from '../format.js';
import { facts, section, table, type Cell, type SectionBuilder } from '../section-kit.js';
import { objectiveLabel } from './summary.js';

const RETURN_LABELS: Record<string, string> = {
  historical: 'Historical mean, compounded (CAGR)',
  arithmetic: 'Arithmetic mean × periods per year',
  ema: 'Exponentially weighted mean, compounded',
  capm: 'CAPM',
};
const RISK_LABELS: Record<string, string> = {
  sample: 'Sample covariance (pairwise complete, ddof 1)',
  'ledoit-wolf': 'Ledoit-Wolf shrinkage (constant variance)',
  'ledoit-wolf-single-factor': 'Ledoit-Wolf shrinkage (single factor)',
  'ledoit-wolf-constant-correlation': 'Ledoit-Wolf shrinkage (constant correlation)',
  exp: 'Exponentially weighted covariance',
  semicovariance: 'Semicovariance',
};

export const settingsSection: SectionBuilder = (ctx) => {
  const { fmt } = ctx;
  const { options, window } = ctx.scenario;
  const est = options.estimators;
  const t = options.targets;
  const c = options.constraints;
  const usesSpan = est.returns === 'ema' || est.risk === 'exp';
  const rows: (readonly [string, Cell] | null)[] = [
    ['Objective', objectiveLabel(options.objective)],
    ['Expected returns', `${RETURN_LABELS[est.returns] ?? est.returns}${est.returns === 'capm' ? ` vs ${est.market ?? 'equal-weighted universe'}` : ''}`],
    ['Risk model', RISK_LABELS[est.risk] ?? est.risk],
    usesSpan ? ['Span', `${fmt.int(est.span)} days`] : null,
    est.risk === 'semicovariance' ? ['Semicovariance benchmark', `${fmt.pct(est.benchmark, 3)} per day`] : null,
    ['Returns', `${est.logReturns ? 'log' : 'simple'} daily returns, ${fmt.int(est.frequency)} periods a year`],
    ['Risk-free rate', fmt.pct(t.rf)],
    t.targetVolatility !== undefined ? ['Target volatility', fmt.pct(t.targetVolatility)] : null,
    t.targetReturn !== undefined ? ['Target return', fmt.pct(t.targetReturn)] : null,
    options.objective === 'max-utility' ? ['Risk aversion', fmt.num(t.riskAversion, 2)] : null,
    /cvar|cdar/.test(options.objective) ? ['Confidence level', fmt.pct(t.beta, 0)] : null,
    ['Weight bounds', `${fmt.pct(c.bounds[0])} to ${fmt.pct(c.bounds[1])}${c.bounds[0] < 0 ? ' (short selling allowed)' : ''}`],
    c.marketNeutral ? ['Market neutral', 'weights sum to 0'] : null,
    c.l2 > 0 ? ['L2 regularisation γ', fmt.num(c.l2, 4)] : null,
    c.txCost > 0 ? ['Transaction cost', fmt.pct(c.txCost, 3)] : null,
    c.maxTurnover !== undefined ? ['Maximum turnover', fmt.pct(c.maxTurnover)] : null,
    c.maxHoldings !== undefined ? ['Maximum holdings', fmt.int(c.maxHoldings)] : null,
    c.trackingError !== undefined ? ['Tracking error cap', fmt.pct(c.trackingError)] : null,
    ['Price window', `${window.start ?? 'first price'} to ${window.end ?? 'last price'}${window.last ? `, last ${fmt.int(window.last)} returns` : ''}${window.completeRows ? ', complete rows only' : ''}`],
  ];
  const assetBounds = Object.entries(c.assetBounds);
  const boundsTable =
    assetBounds.length > 0
      ? html`<h3>Per-asset bounds</h3>${table(
          [{ label: 'Ticker' }, { label: 'Minimum', align: 'right' }, { label: 'Maximum', align: 'right' }],
          assetBounds.sort((a, b) => a[0].localeCompare(b[0])).map(([k, [lo, hi]]) => [k, fmt.pct(lo), fmt.pct(hi)]),
        )}`
      : '';
  const groupsTable =
    c.groups.length > 0
      ? html`<h3>Group constraints</h3>${table(
          [{ label: 'Group' }, { label: 'Members' }, { label: 'Minimum', align: 'right' }, { label: 'Maximum', align: 'right' }],
          c.groups.map((g) => [g.name, g.tickers.join(', '), g.min === undefined ? '–' : fmt.pct(g.min), g.max === undefined ? '–' : fmt.pct(g.max)]),
        )}`
      : '';
  const warnings = ctx.optimize?.diagnostics.warnings ?? [];
  const warningList = warnings.length > 0 ? html`<h3>Engine notes</h3><ul class="notes">${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : '';
  return section('settings', html`${facts(rows)}${boundsTable}${groupsTable}${warningList}`);
};
