/** The option book for a report: stored positions' Greeks, the revaluation grid and the adopted hedge (absent without positions). */
import type { OptionsGridOut } from '../../shared/api/options.js';
import type { ReportOptionBook } from '../report/report-input.js';
import { countOptionPositions } from '../store/options-repo.js';
import type { HandlerContext } from './context.js';
import { adoptedHedge, grid } from './options-analysis.js';
import { loadBook, valueBook } from './options-book.js';
import { bookGreeks } from './options-service.js';

/** `{ optionBook }` when the store holds option positions, else `{}`; `rate` is the scenario's risk-free rate. */
export async function optionsReportPart(ctx: HandlerContext, rate: number): Promise<{ optionBook?: ReportOptionBook }> {
  if (countOptionPositions(ctx.db) === 0) return {};
  const book = loadBook(ctx, { rate });
  const greeks = bookGreeks(ctx, book);
  const priced = greeks.positions.some((p) => p.status === 'priced');
  return { optionBook: { greeks, grid: priced ? await grid(ctx, book, { horizonDays: 0 }) : null, hedge: adoptedHedge(ctx) } };
}

/** `{ optionsGrid }`: the stored options on `tickers` repriced over the default grid today, for the stress test; `{}` without any. */
export async function optionsStressPart(ctx: HandlerContext, tickers: readonly string[], rate: number): Promise<{ optionsGrid?: OptionsGridOut }> {
  if (countOptionPositions(ctx.db) === 0) return {};
  const book = loadBook(ctx, { rate });
  const positions = book.positions.filter((p) => tickers.includes(p.underlying));
  if (positions.length === 0) return {};
  const onTickers = { ...book, positions };
  if (!valueBook(onTickers).some((v) => v.status === 'priced')) return {};
  return { optionsGrid: await grid(ctx, onTickers, { horizonDays: 0 }) };
}
