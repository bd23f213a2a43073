/** Weights table (with trades in shares and money when a portfolio value and prices are known) and chart. */
import { barChartHeight, weightsChartOption } from '../../../shared/charts/bars.js';
import { html } from '../format.js';
import { figure, section, sortedWeights, table, topWithOthers, type Cell, type Column, type SectionBuilder } from '../section-kit.js';
import { HELD } from './summary.js';

/** Bars drawn at most; the rest are summed into one bar so the chart fits a page. */
export const CHART_BARS = 25;
/** Up to this many rows, table and chart sit side by side (keeps the skeleton report on one page). */
const SIDE_BY_SIDE = 16;

export interface TradeRow {
  ticker: string;
  weight: number;
  current: number;
  /** Whole shares to buy (+) or sell (−) at the last price; undefined without a price. */
  shares?: number;
  /** Money moved: shares × last price. */
  amount?: number;
  price?: number;
}

/** Rows of the weights table: every asset held now or proposed, largest proposed weight first. */
export function tradeRows(
  weights: Record<string, number>,
  current: Record<string, number> | undefined,
  portfolioValue: number | undefined,
  lastPrices: Record<string, number> | undefined,
): TradeRow[] {
  const keys = new Set([...sortedWeights(weights, HELD).map(([t]) => t), ...Object.keys(current ?? {}).filter((t) => Math.abs(current![t]!) > HELD)]);
  return [...keys]
    .map((ticker) => {
      const weight = weights[ticker] ?? 0;
      const cur = current?.[ticker] ?? 0;
      const price = lastPrices?.[ticker];
      const row: TradeRow = { ticker, weight, current: cur };
      if (portfolioValue !== undefined && price !== undefined && price > 0) {
        const shares = Math.round(((weight - cur) * portfolioValue) / price);
        Object.assign(row, { price, shares, amount: shares * price });
      }
      return row;
    })
    .sort((a, b) => b.weight - a.weight || a.ticker.localeCompare(b.ticker));
}

export const weightsSection: SectionBuilder = (ctx) => {
  const optimize = ctx.optimize;
  if (!optimize || Object.keys(optimize.weights).length === 0) return null;
  const { fmt, current } = ctx;
  const rows = tradeRows(optimize.weights, current, ctx.options.portfolioValue, ctx.input.lastPrices);
  const withTrades = rows.some((r) => r.shares !== undefined);
  const columns: Column[] = [{ label: 'Ticker' }, { label: 'Weight', align: 'right' }];
  if (current) columns.push({ label: 'Current', align: 'right' }, { label: 'Change', align: 'right' });
  if (withTrades) columns.push({ label: 'Last price', align: 'right' }, { label: 'Trade (shares)', align: 'right' }, { label: 'Trade (money)', align: 'right' });
  const cells = rows.map((r) => {
    const out: Cell[] = [r.ticker, fmt.pct(r.weight)];
    if (current) out.push(fmt.pct(r.current), fmt.pctSigned(r.weight - r.current));
    if (withTrades) out.push(r.price === undefined ? '–' : fmt.num(r.price, 2), r.shares === undefined ? '–' : fmt.int(r.shares), r.amount === undefined ? '–' : fmt.money(r.amount));
    return out;
  });
  const total: Cell[] = [html`<strong>Total</strong>`, fmt.pct(rows.reduce((s, r) => s + r.weight, 0))];
  if (current) total.push(fmt.pct(rows.reduce((s, r) => s + r.current, 0)), '');
  if (withTrades) total.push('', '', fmt.money(rows.reduce((s, r) => s + (r.amount ?? 0), 0)));
  cells.push(total);
  const weightsTable = table(columns, cells, 'data weights');

  const held = Object.fromEntries(sortedWeights(optimize.weights, HELD));
  const top = topWithOthers(held, CHART_BARS, `Other ${Math.max(0, Object.keys(held).length - CHART_BARS)}`);
  const currentShown = current ? Object.fromEntries(top.order.map((k) => [k, current[k] ?? 0])) : undefined;
  const sideBySide = rows.length <= SIDE_BY_SIDE && !withTrades && !current;
  const width = sideBySide ? ctx.contentWidth * 0.5 - 8 : ctx.contentWidth;
  const chart = figure(
    weightsChartOption(top.values, { order: top.order, animation: false, ...(currentShown ? { current: currentShown } : {}) }),
    width,
    barChartHeight(top.order.length, currentShown ? 2 : 1),
    top.truncated > 0 ? `The ${CHART_BARS} largest weights; ${top.truncated} smaller ones are summed.` : undefined,
  );
  const note = withTrades
    ? html`<p class="note">Trades for a portfolio of ${fmt.money(ctx.options.portfolioValue ?? Number.NaN)} at the last prices, rounded to whole shares.</p>`
    : '';
  const body = sideBySide ? html`<div class="two-col"><div>${weightsTable}</div><div>${chart}</div></div>` : html`${chart}${weightsTable}${note}`;
  return section('weights', body);
};
