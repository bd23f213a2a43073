/** Factor sets, factor returns and user exposures (migration 0110): one-transaction writes, aligned reads. */
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
import type { FactorSetSummary } from '../../shared/api/factors.js';
import type { Characteristics, FactorSeries } from '../../shared/domain/factors.js';

export interface FactorSetWrite {
  name: string;
  frequency: 'daily' | 'monthly';
  source: string;
  rows: { factor: string; date: string; value: number; file: string; line: number }[];
}

export interface ExposureWrite {
  ticker: string;
  factor: string;
  date: string;
  value: number;
  file: string;
  line: number;
}

/**
 * Writes factor sets and exposures in one transaction. A set's imported factors replace that set's
 * stored rows of the same factors (other factors of the set are kept); exposures replace the same
 * (ticker, factor, date). A set stored with another frequency is refused before anything is written.
 */
export function writeFactorImport(db: Database, sets: readonly FactorSetWrite[], exposures: readonly ExposureWrite[]): { returns: number; exposures: number } {
  const existing = db.prepare('SELECT frequency, factors FROM factor_sets WHERE name = ?');
  for (const s of sets) {
    const row = existing.get(s.name) as { frequency: string; factors: string } | undefined;
    if (row && row.frequency !== s.frequency) {
      throw new FrontierError('user-error', `factor set ${s.name} is stored as ${row.frequency}; ${s.source} is ${s.frequency} (use another --set)`);
    }
  }
  const upsertSet = db.prepare(
    `INSERT INTO factor_sets (name, frequency, factors, source, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET factors = excluded.factors, source = excluded.source, imported_at = excluded.imported_at`,
  );
  const clear = db.prepare('DELETE FROM factor_returns WHERE set_name = ? AND factor = ?');
  const insert = db.prepare('INSERT INTO factor_returns (set_name, factor, date, return, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?)');
  const putExposure = db.prepare(
    `INSERT INTO factor_exposures (ticker, factor, date, value, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (ticker, factor, date) DO UPDATE SET value = excluded.value, source_file = excluded.source_file, source_line = excluded.source_line`,
  );
  const now = new Date().toISOString();
  return db.transaction(() => {
    let returns = 0;
    for (const s of sets) {
      const before = existing.get(s.name) as { factors: string } | undefined;
      const order = [...(before ? (JSON.parse(before.factors) as string[]) : [])];
      for (const r of s.rows) if (!order.includes(r.factor)) order.push(r.factor);
      upsertSet.run(s.name, s.frequency, JSON.stringify(order), s.source, now);
      for (const f of new Set(s.rows.map((r) => r.factor))) clear.run(s.name, f);
      for (const r of s.rows) insert.run(s.name, r.factor, r.date, r.value, r.file, r.line);
      returns += s.rows.length;
    }
    for (const e of exposures) putExposure.run(e.ticker, e.factor, e.date, e.value, e.file, e.line);
    return { returns, exposures: exposures.length };
  })();
}

/** Every stored set with its factors, row counts and date range. */
export function listFactorSets(db: Database): FactorSetSummary[] {
  const sets = db.prepare('SELECT name, frequency, factors AS ord, source, imported_at AS importedAt FROM factor_sets ORDER BY name').all() as (Omit<FactorSetSummary, 'factors'> & { ord: string })[];
  const factors = db.prepare(
    `SELECT factor, COUNT(*) AS rows, MIN(date) AS firstDate, MAX(date) AS lastDate
       FROM factor_returns WHERE set_name = ? GROUP BY factor`,
  );
  return sets.map(({ ord, ...s }) => {
    const order = JSON.parse(ord) as string[];
    const rows = (factors.all(s.name) as FactorSetSummary['factors']).sort((a, b) => order.indexOf(a.factor) - order.indexOf(b.factor));
    return { ...s, factors: rows };
  });
}

/** A set's returns between start and end (inclusive), one row per date, null where a factor has none. */
export function loadFactorSeries(db: Database, set: string, start?: string, end?: string): FactorSeries {
  const meta = db.prepare('SELECT frequency FROM factor_sets WHERE name = ?').get(set) as { frequency: 'daily' | 'monthly' } | undefined;
  if (!meta) {
    const known = (db.prepare('SELECT name FROM factor_sets ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    throw new FrontierError('not-found', `no factor set named ${set}${known.length ? ` (stored: ${known.join(', ')})` : '; import one with frontier factors import FILE --set NAME'}`);
  }
  const factors = listFactorSets(db).find((s) => s.name === set)!.factors.map((f) => f.factor);
  // A monthly row dated at month end covers the days before it: widen the start to the month's first day.
  const lo = start === undefined ? '0000-01-01' : meta.frequency === 'monthly' ? `${start.slice(0, 7)}-01` : start;
  const rows = db
    .prepare('SELECT factor, date, return AS value FROM factor_returns WHERE set_name = ? AND date >= ? AND date <= ? ORDER BY date')
    .all(set, lo, end ?? '9999-12-31') as { factor: string; date: string; value: number }[];
  const col = new Map(factors.map((f, i) => [f, i]));
  const dates: string[] = [];
  const values: (number | null)[][] = [];
  for (const r of rows) {
    if (dates.at(-1) !== r.date) {
      dates.push(r.date);
      values.push(new Array<number | null>(factors.length).fill(null));
    }
    values.at(-1)![col.get(r.factor)!] = r.value;
  }
  return { set, frequency: meta.frequency, factors, dates, values };
}

/** Classification dummies (`sector:X`, `class:Y`, `tag:Z`) and every user exposure of the tickers. */
export function loadCharacteristics(db: Database, tickers: readonly string[]): Characteristics {
  const list = JSON.stringify(tickers);
  const inst = db
    .prepare('SELECT ticker, sector, asset_class AS assetClass, tags FROM instruments WHERE ticker IN (SELECT value FROM json_each(?))')
    .all(list) as { ticker: string; sector: string | null; assetClass: string | null; tags: string }[];
  const dummies: Record<string, string[]> = {};
  for (const r of inst) {
    const tags = (JSON.parse(r.tags) as unknown[]).filter((t): t is string => typeof t === 'string');
    dummies[r.ticker] = [...(r.sector ? [`sector:${r.sector}`] : []), ...(r.assetClass ? [`class:${r.assetClass}`] : []), ...tags.map((t) => `tag:${t}`)];
  }
  const user = db
    .prepare('SELECT ticker, factor, date, value FROM factor_exposures WHERE ticker IN (SELECT value FROM json_each(?)) ORDER BY ticker, factor, date')
    .all(list) as Characteristics['user'];
  return { dummies, user };
}

/** Number of stored exposure rows and their tickers and factors. */
export function exposureSummary(db: Database): { rows: number; tickers: number; factors: string[] } {
  const r = db.prepare('SELECT COUNT(*) AS rows, COUNT(DISTINCT ticker) AS tickers FROM factor_exposures').get() as { rows: number; tickers: number };
  const factors = (db.prepare('SELECT DISTINCT factor FROM factor_exposures ORDER BY factor').all() as { factor: string }[]).map((x) => x.factor);
  return { ...r, factors };
}
