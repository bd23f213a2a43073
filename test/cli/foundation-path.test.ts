/**
 * Issue 2's CLI path: import a wide price CSV, optimise from the database, and refuse a malformed CSV
 * without touching the database.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { frontier } from '../support/cli.js';
import { hasSharedData, sharedDataFile } from '../support/shared-data.js';
import { repoRoot } from '../support/shared-data.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();
const sample = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');

function counts(db: string): Record<string, number> {
  const conn = new BetterSqlite3(db, { readonly: true });
  const out: Record<string, number> = {};
  for (const table of ['instruments', 'prices', 'import_batches']) {
    out[table] = (conn.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  conn.close();
  return out;
}

interface ImportJson {
  files: { file: string; rows: number; tickers: string[]; firstDate: string; lastDate: string }[];
  inserted: { prices: number };
}
interface OptimizeJson {
  weights: Record<string, number>;
  performance: { expectedReturn: number; volatility: number; sharpe: number };
  status: string;
}

describe('import → optimize from the command line', () => {
  const db = join(dir, 'path.db');

  it('imports a wide CSV and reports what it stored', () => {
    const run = frontier(['import', sample, '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json<ImportJson>();
    expect(out.files[0]!.tickers).toEqual(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT']);
    expect(out.files[0]!.firstDate).toBe('2015-01-02');
    // 756 dates × 6 tickers, less FOXTROT's 120 empty leading cells.
    expect(out.inserted.prices).toBe(756 * 6 - 120);
    expect(counts(db).prices).toBe(756 * 6 - 120);
  });

  it('re-importing the same file adds nothing', () => {
    const run = frontier(['import', sample, '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<ImportJson>().inserted.prices).toBe(0);
    expect(counts(db).prices).toBe(756 * 6 - 120);
  });

  it('optimises min-volatility long-only from the database', () => {
    const run = frontier(['optimize', '--db', db, '--tickers', 'ALPHA,BRAVO,CHARLIE,DELTA', '--objective', 'min-volatility', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json<OptimizeJson>();
    const weights = Object.values(out.weights);
    expect(Object.keys(out.weights).sort()).toEqual(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA']);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 8);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(-1e-9);
    expect(out.performance.volatility).toBeGreaterThan(0);
  });

  it('refuses a malformed CSV with FILE:LINE, exit 1, and an unchanged database', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,AAA,BBB\n2024-01-02,10,20\n2024-01-03,10.5,abc\n2024-01-04,11,21\n');
    const before = counts(db);
    const run = frontier(['import', bad, '--db', db]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: `));
    expect(counts(db)).toEqual(before);
  });
});

describe.skipIf(!hasSharedData)('import → optimize on PyPortfolioOpt\'s test prices (conformance data)', () => {
  it('imports stock_prices.csv and optimises GOOG, AAPL, FB', () => {
    const db = join(dir, 'pypfopt.db');
    const imported = frontier(['import', sharedDataFile('pypfopt', 'stock_prices.csv'), '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json<ImportJson>().files[0]!.tickers).toContain('GOOG');
    const run = frontier(['optimize', '--db', db, '--tickers', 'GOOG,AAPL,FB', '--objective', 'min-volatility', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json<OptimizeJson>();
    expect(Object.values(out.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 8);
  });
});
