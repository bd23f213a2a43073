/** Executive summary: key metrics and the largest moves from current to proposed weights. */
import { DASH, html } from '../format.js';
import { metricTiles, sortedWeights, table, type SectionBuilder } from '../section-kit.js';
import { section } from '../section-kit.js';

const OBJECTIVE_LABELS: Record<string, string> = {
  'min-volatility': 'Minimum volatility',
  'max-sharpe': 'Maximum Sharpe ratio',
  'efficient-risk': 'Maximum return for a target volatility',
  'efficient-return': 'Minimum volatility for a target return',
  'max-utility': 'Maximum quadratic utility',
  'max-return': 'Maximum return',
  'risk-parity': 'Risk parity',
  hrp: 'Hierarchical risk parity',
  'min-cvar': 'Minimum CVaR',
  'efficient-cvar': 'Maximum return for a target CVaR',
  'min-cdar': 'Minimum CDaR',
  'efficient-cdar': 'Maximum return for a target CDaR',
  'min-semivariance': 'Minimum semivariance',
};

export function objectiveLabel(objective: string): string {
  return OBJECTIVE_LABELS[objective] ?? objective;
}

const MOVES_SHOWN = 10;
/** Weights below this are treated as not held (solver noise). */
export const HELD = 1e-6;

export const summarySection: SectionBuilder = (ctx) => {
  const { optimize, fmt, backtest } = ctx;
  if (!optimize && !backtest) return null;
  const tiles: { label: string; value: string }[] = [];
  if (optimize) {
    const p = optimize.performance;
    const held = sortedWeights(optimize.weights, HELD);
    const hhi = held.reduce((s, [, w]) => s + w * w, 0);
    tiles.push(
      { label: 'Expected return (annual)', value: fmt.pct(p.expectedReturn) },
      { label: 'Volatility (annual)', value: fmt.pct(p.volatility) },
      { label: 'Sharpe ratio', value: fmt.num(p.sharpe, 2) },
    );
    if (p.cvar !== undefined) tiles.push({ label: `CVaR ${fmt.pct(ctx.scenario.options.targets.beta, 0)} (daily)`, value: fmt.pct(p.cvar) });
    if (p.cdar !== undefined) tiles.push({ label: `CDaR ${fmt.pct(ctx.scenario.options.targets.beta, 0)}`, value: fmt.pct(p.cdar) });
    tiles.push({ label: 'Holdings', value: fmt.int(held.length) });
    if (held[0]) tiles.push({ label: `Largest: ${held[0][0]}`, value: fmt.pct(held[0][1]) });
    if (hhi > 0) tiles.push({ label: 'Effective number of assets', value: fmt.num(1 / hhi, 1) });
  }
  if (backtest) {
    const m = backtest.metrics;
    if (m.cagr !== undefined) tiles.push({ label: 'Backtest CAGR', value: m.cagr === null ? DASH : fmt.pct(m.cagr) });
    if (m.maxDrawdown !== undefined) tiles.push({ label: 'Backtest max drawdown', value: m.maxDrawdown === null ? DASH : fmt.pct(m.maxDrawdown) });
  }
  const intro = optimize
    ? html`<p class="lead">Objective: <strong>${objectiveLabel(ctx.scenario.options.objective)}</strong> over ${fmt.int(ctx.scenario.tickers.length)} assets; status ${optimize.status}.</p>`
    : '';
  let moves = html``;
  const now = ctx.currentPerformance;
  if (optimize && now) {
    const p = optimize.performance;
    const sharpe = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? DASH : fmt.num(v, 2));
    const change = now.sharpe === null || now.sharpe === undefined ? Number.NaN : p.sharpe - now.sharpe;
    // Signed like the percentage changes; what rounds to zero prints unsigned.
    const sharpeChange = !Number.isFinite(change) ? DASH : `${Math.round(change * 100) > 0 ? '+' : ''}${fmt.num(change, 2)}`;
    moves = html`<h3>Current vs proposed portfolio</h3>${table(
      [{ label: '' }, { label: 'Current', align: 'right' }, { label: 'Proposed', align: 'right' }, { label: 'Change', align: 'right' }],
      [
        ['Expected return (annual)', fmt.pct(now.expectedReturn), fmt.pct(p.expectedReturn), fmt.pctSigned(p.expectedReturn - now.expectedReturn)],
        ['Volatility (annual)', fmt.pct(now.volatility), fmt.pct(p.volatility), fmt.pctSigned(p.volatility - now.volatility)],
        ['Sharpe ratio', sharpe(now.sharpe), sharpe(p.sharpe), sharpeChange],
      ],
    )}`;
  }
  if (optimize && ctx.current) {
    const current = ctx.current;
    const keys = new Set([...Object.keys(current), ...Object.keys(optimize.weights)]);
    const changes = [...keys]
      .map((t) => ({ t, cur: current[t] ?? 0, next: optimize.weights[t] ?? 0 }))
      .filter((c) => Math.abs(c.next - c.cur) > HELD)
      .sort((a, b) => Math.abs(b.next - b.cur) - Math.abs(a.next - a.cur) || a.t.localeCompare(b.t));
    const shown = changes.slice(0, MOVES_SHOWN);
    const turnover = changes.reduce((s, c) => s + Math.abs(c.next - c.cur), 0) / 2;
    moves = html`${moves}<h3>Current vs proposed weights</h3>
<p>One-way turnover ${fmt.pct(turnover)}${changes.length > shown.length ? `; the ${shown.length} largest of ${changes.length} changes` : ''}.</p>
${table(
  [{ label: 'Ticker' }, { label: 'Current', align: 'right' }, { label: 'Proposed', align: 'right' }, { label: 'Change', align: 'right' }],
  shown.map((c) => [c.t, fmt.pct(c.cur), fmt.pct(c.next), fmt.pctSigned(c.next - c.cur)]),
)}`;
  }
  return section('summary', html`${intro}${metricTiles(tiles)}${moves}`);
};
