/** What the preview shows for a parsed file: counts, date range, a sample of rows. Pure. */
import type { ParsedFile } from './types.js';

export interface FileOverview {
  rows: number;
  tickers: string[];
  firstDate: string | null;
  lastDate: string | null;
  counts: Record<string, number>;
  sample: Record<string, string | number | null>[];
}

const n = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Row counts per ticker (prices, positions) or per type (transactions), date range and up to `sampleSize` rows. */
export function overview(file: ParsedFile, sampleSize = 20): FileOverview {
  const counts: Record<string, number> = {};
  const tickers = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  const see = (d: string): void => {
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  };
  const sample: FileOverview['sample'] = [];
  let rows = 0;
  for (const s of file.prices) {
    tickers.add(s.ticker);
    counts[s.ticker] = s.dates.length;
    rows += s.dates.length;
    if (s.dates.length > 0) {
      see(s.dates[0]!);
      see(s.dates.at(-1)!);
    }
    for (let t = 0; t < s.dates.length && sample.length < sampleSize; t++) {
      sample.push({ ticker: s.ticker, date: s.dates[t]!, open: n(s.open[t]!), high: n(s.high[t]!), low: n(s.low[t]!), close: n(s.close[t]!), adjClose: n(s.adjClose[t]!), volume: n(s.volume[t]!), currency: s.currency });
    }
  }
  for (const t of file.transactions) {
    rows++;
    counts[t.type] = (counts[t.type] ?? 0) + 1;
    if (t.ticker) tickers.add(t.ticker);
    see(t.date);
    if (sample.length < sampleSize) {
      sample.push({ line: t.line, account: t.account, date: t.date, type: t.type, ticker: t.ticker, quantity: t.quantity, price: t.price, fee: t.fee, amount: t.amount, currency: t.currency });
    }
  }
  for (const p of file.positions) {
    rows++;
    counts[p.ticker] = (counts[p.ticker] ?? 0) + 1;
    tickers.add(p.ticker);
    see(p.asOf);
    if (sample.length < sampleSize) {
      sample.push({ line: p.line, account: p.account, asOf: p.asOf, ticker: p.ticker, quantity: p.quantity, price: p.price, value: p.value, costBasis: p.costBasis, currency: p.currency });
    }
  }
  return { rows, tickers: [...tickers].sort(), firstDate: first, lastDate: last, counts, sample };
}
