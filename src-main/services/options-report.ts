/** The option book for a report: stored positions' Greeks, the revaluation grid and the adopted hedge (absent without positions). */
import type { ReportOptionBook } from '../report/report-input.js';
import { countOptionPositions } from '../store/options-repo.js';
import type { HandlerContext } from './context.js';
import { adoptedHedge, grid } from './options-analysis.js';
import { loadBook } from './options-book.js';
import { bookGreeks } from './options-service.js';

/** `{ optionBook }` when the store holds option positions, else `{}`; `rate` is the scenario's risk-free rate. */
export async function optionsReportPart(ctx: HandlerContext, rate: number): Promise<{ optionBook?: ReportOptionBook }> {
  if (countOptionPositions(ctx.db) === 0) return {};
  const book = loadBook(ctx, { rate });
  const greeks = bookGreeks(ctx, book);
  const priced = greeks.positions.some((p) => p.status === 'priced');
  return { optionBook: { greeks, grid: priced ? await grid(ctx, book, { horizonDays: 0 }) : null, hedge: adoptedHedge(ctx) } };
}
