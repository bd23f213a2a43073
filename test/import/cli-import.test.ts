import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../core/ingest/fixtures.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const rows = (db: string, table: string): number => {
  const conn = new BetterSqlite3(db, { readonly: true });
  try {
    return (conn.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

describe('frontier import / frontier db', () => {
  const dir = tempDir();
  const db = join(dir, 'cli.db');

  it('imports files and prints the contract keys; a malformed file exits 1 with FILE:LINE and changes nothing', () => {
    const ok = frontier(['import', fixturePath('AAPL.csv'), fixturePath('schwab-transactions.csv'), '--db', db, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const out = ok.json<{ files: Record<string, unknown>[]; inserted: Record<string, number> }>();
    expect(Object.keys(out.files[0]!)).toEqual(expect.arrayContaining(['file', 'format', 'kind', 'rows', 'tickers', 'firstDate', 'lastDate', 'skipped', 'warnings']));
    expect(out.files[1]).toMatchObject({ format: 'schwab-transactions', kind: 'transactions', rows: 10 });
    expect(out.inserted).toEqual({ prices: 3, transactions: 10, positions: 0 });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,A,B\n2024-01-02,1,2\n2024-01-03,1,\n2024-01-04,x,3\n');
    const before = rows(db, 'prices');
    const failed = frontier(['import', fixturePath('spy_us_d.csv'), bad, '--db', db, '--json']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${bad}:4: A: "x" is not a number`);
    expect(failed.json<{ errors: unknown[] }>().errors).toEqual([{ file: bad, line: 4, column: 'A', value: 'x', message: '"x" is not a number' }]);
    expect(rows(db, 'prices')).toBe(before);
  });

  it('lists transactions and prices, re-import adds zero, undo removes a batch', () => {
    const tx = frontier(['db', 'transactions', '--db', db, '--json']).json<Record<string, unknown>[]>();
    expect(tx.find((t) => t.sourceLine === 5)).toMatchObject({ account: 'Individual ...234', date: '2024-11-15', type: 'sell', ticker: 'MSFT', quantity: -5, fee: 0.13, amount: 2100.37, currency: 'USD', sourceFile: fixturePath('schwab-transactions.csv') });
    const prices = frontier(['db', 'prices', '--ticker', 'AAPL', '--db', db, '--json']).json<Record<string, unknown>[]>();
    expect(prices.map((p) => p.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-05']);
    const again = frontier(['import', fixturePath('AAPL.csv'), '--db', db, '--json']).json<{ inserted: Record<string, number> }>();
    expect(again.inserted.prices).toBe(0);
    const batches = frontier(['db', 'batches', '--db', db, '--json']).json<{ id: number; fileName: string }[]>();
    const aapl = batches.find((b) => b.fileName.endsWith('AAPL.csv'))!;
    const undo = frontier(['import', '--undo', String(aapl.id), '--db', db, '--json']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(rows(db, 'prices')).toBe(0);
    expect(rows(db, 'transactions')).toBe(10);
  });

  it('reports every problem of a file in one run, each as FILE:LINE, and a 400-digit number as an error (issue 18)', () => {
    const sheet = join(dir, 'Portfolio - Sheet1.csv');
    writeFileSync(sheet, `Date,Close\n1/2/2024 16:00:00,185.5\n1/3/2024 16:00:00,abc\n1/4/2024 16:00:00,${'9'.repeat(400)}\n`);
    const r = frontier(['import', sheet, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${sheet}:1: this file does not name its ticker`);
    expect(r.stderr).toContain(`${sheet}:1: Date: every date in this column fits both day/month and month/day`);
    expect(r.stderr).toContain(`${sheet}:3: Close: "abc" is not a number`);
    expect(r.stderr).toContain(`${sheet}:4: Close: a number of 400 digits is too large to store`);
  });
});

