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

/**
 * A number as the file wrote it: binary artefacts of arithmetic (GBX ÷ 100 giving 27.226834999999998)
 * are cut at 12 significant digits, which no price or amount in a CSV exceeds.
 */
const asWritten = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? v : Number(v.toPrecision(12)));
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : asWritten(v));

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
      sample.push({ ticker: s.ticker, date: s.dates[t]!, open: orNull(s.open[t]!), high: orNull(s.high[t]!), low: orNull(s.low[t]!), close: orNull(s.close[t]!), adjClose: orNull(s.adjClose[t]!), volume: orNull(s.volume[t]!), currency: s.currency });
    }
  }
  if (file.wide) {
    const { dates, tickers: names, values } = file.wide.matrix;
    const n = names.length;
    for (let j = 0; j < n; j++) {
      let count = 0;
      for (let t = 0; t < dates.length; t++) if (!Number.isNaN(values[t * n + j]!)) count++;
      counts[names[j]!] = count;
      rows += count;
      tickers.add(names[j]!);
    }
    if (dates.length > 0) {
      see(dates[0]!);
      see(dates.at(-1)!);
    }
    for (let t = 0; t < dates.length && sample.length < sampleSize; t++) {
      const row: Record<string, string | number | null> = { date: dates[t]! };
      for (let j = 0; j < Math.min(n, 12); j++) row[names[j]!] = orNull(values[t * n + j]!);
      sample.push(row);
    }
  }
  for (const t of file.transactions) {
    rows++;
    counts[t.type] = (counts[t.type] ?? 0) + 1;
    if (t.ticker) tickers.add(t.ticker);
    see(t.date);
    if (sample.length < sampleSize) {
      sample.push({ line: t.line, account: t.account, date: t.date, type: t.type, ticker: t.ticker, quantity: asWritten(t.quantity), price: asWritten(t.price), fee: asWritten(t.fee), amount: asWritten(t.amount), currency: t.currency });
    }
  }
  for (const p of file.positions) {
    rows++;
    counts[p.ticker] = (counts[p.ticker] ?? 0) + 1;
    tickers.add(p.ticker);
    see(p.asOf);
    if (sample.length < sampleSize) {
      sample.push({ line: p.line, account: p.account, asOf: p.asOf, ticker: p.ticker, quantity: asWritten(p.quantity), price: asWritten(p.price), value: asWritten(p.value), costBasis: asWritten(p.costBasis), currency: p.currency });
    }
  }
  // Option positions (options-generic files) are counted by underlying.
  for (const o of file.optionPositions ?? []) {
    rows++;
    counts[o.underlying] = (counts[o.underlying] ?? 0) + 1;
    tickers.add(o.underlying);
    see(o.asOf);
    if (sample.length < sampleSize) sample.push({ line: o.line, account: o.account, asOf: o.asOf, underlying: o.underlying, type: o.type, strike: o.strike, expiry: o.expiry, quantity: o.quantity, price: o.price });
  }
  return { rows, tickers: [...tickers].sort(), firstDate: first, lastDate: last, counts, sample };
}
