/** Comparison of the report's scenario with one or two others: key metrics, weights, frontiers. */
import { frontierChartOption } from '../../../shared/charts/frontier.js';
import type { FrontierResult } from '../../../shared/domain/optimize.js';
import { html } from '../format.js';
import { figure, section, sortedWeights, table, type Cell, type SectionBuilder } from '../section-kit.js';
import { HELD, objectiveLabel } from './summary.js';

const WEIGHT_ROWS = 30;

export const comparisonSection: SectionBuilder = (ctx) => {
  const others = ctx.input.compare ?? [];
  if (others.length === 0) return null;
  const { fmt } = ctx;
  const all = [ctx.scenario, ...others];
  const columns = [{ label: '' }, ...all.map((s) => ({ label: s.name, align: 'right' as const }))];
  const perf = all.map((s) => s.results?.optimize?.performance);
  const metric = (label: string, f: (i: number) => string): Cell[] => [label, ...all.map((_, i) => f(i))];
  const metrics = table(columns, [
    metric('Objective', (i) => objectiveLabel(all[i]!.options.objective)),
    metric('Assets', (i) => fmt.int(all[i]!.tickers.length)),
    metric('Expected return', (i) => fmt.pct(perf[i]?.expectedReturn ?? Number.NaN)),
    metric('Volatility', (i) => fmt.pct(perf[i]?.volatility ?? Number.NaN)),
    metric('Sharpe ratio', (i) => fmt.num(perf[i]?.sharpe ?? Number.NaN, 2)),
    metric('Holdings', (i) => {
      const w = all[i]!.results?.optimize?.weights;
      return w ? fmt.int(sortedWeights(w, HELD).length) : '–';
    }),
  ]);
  // Weights of the union of holdings, ordered by the largest weight in any scenario.
  const largest = new Map<string, number>();
  for (const s of all) for (const [t, w] of sortedWeights(s.results?.optimize?.weights ?? {}, HELD)) largest.set(t, Math.max(largest.get(t) ?? -Infinity, w));
  const tickers = [...largest.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  const weightRows = tickers.slice(0, WEIGHT_ROWS).map((t) => [t, ...all.map((s) => fmt.pct(s.results?.optimize?.weights[t] ?? 0))]);
  const weights = tickers.length > 0
    ? html`<h3>Weights${tickers.length > WEIGHT_ROWS ? ` (the ${WEIGHT_ROWS} largest of ${tickers.length})` : ''}</h3>${table([{ label: 'Ticker' }, ...columns.slice(1)], weightRows)}`
    : '';
  const base = ctx.frontier;
  const overlays = others
    .map((s) => ({ name: s.name, frontier: s.results?.frontier }))
    .filter((o): o is { name: string; frontier: FrontierResult } => (o.frontier?.points.length ?? 0) >= 2);
  const chart =
    base && base.points.length >= 2 && overlays.length > 0
      ? figure(
          frontierChartOption(base, { rf: ctx.scenario.options.targets.rf, animation: false, overlays, markExtremes: false, capitalMarketLine: false, assetLabels: false }),
          ctx.contentWidth,
          300,
          `Efficient frontiers: ${all.map((s) => s.name).join(', ')}.`,
        )
      : '';
  return section('comparison', html`${metrics}${weights}${chart}`);
};
