/**
 * The last check before anything can be stored: every number a parser produced is finite (prices may be
 * NaN, meaning "not given"). A parser that let Infinity through (a 400-digit cell) becomes an error at
 * the row's line instead of a value the optimiser would treat as real.
 */
import type { IngestIssue, ParsedFile } from './types.js';

const TX_FIELDS = ['quantity', 'price', 'fee', 'amount'] as const;
const POSITION_FIELDS = ['quantity', 'costBasis', 'price', 'value'] as const;
const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;

const bad = (v: number | null): boolean => v !== null && !Number.isFinite(v);

/** Issues for every non-finite number in a parsed file (NaN prices are allowed: they mean missing). */
export function nonFiniteIssues(f: ParsedFile): IngestIssue[] {
  const out: IngestIssue[] = [];
  for (const t of f.transactions) {
    for (const k of TX_FIELDS) if (bad(t[k])) out.push({ line: t.line, column: k, value: String(t[k]), message: `the ${k} is not a finite number` });
  }
  for (const p of f.positions) {
    for (const k of POSITION_FIELDS) if (bad(p[k])) out.push({ line: p.line, column: k, value: String(p[k]), message: `the ${k} is not a finite number` });
  }
  for (const s of f.prices) {
    for (const k of PRICE_FIELDS) {
      const a = s[k];
      for (let t = 0; t < a.length; t++) {
        const v = a[t]!;
        if (v === Infinity || v === -Infinity) out.push({ line: s.lines?.[t] ?? 1, column: `${s.ticker} ${k}`, value: String(v), message: `the ${k} is not a finite number` });
      }
    }
  }
  if (f.wide) {
    const { tickers, values } = f.wide.matrix;
    const n = tickers.length;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v === Infinity || v === -Infinity) out.push({ line: f.wide.lines[Math.floor(i / n)] ?? 1, column: tickers[i % n]!, value: String(v), message: 'the price is not a finite number' });
    }
  }
  return out;
}
