import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src-main/app-paths.js';
import { migrate } from '../../src-main/store/migrate.js';
import { tempDir } from '../support/temp.js';
import { call, counts, fileOf, runtimeIn } from './helpers.js';

describe('price rows keep their source file and line', () => {
  it('long and wide files: each stored row names its file and 1-based line; undo and preview still work', async () => {
    const rt = runtimeIn();
    try {
      const long = await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
      const aapl = await call(rt, 'prices-get', { ticker: 'AAPL' });
      expect(aapl.map((r) => [r.date, r.sourceFile, r.sourceLine])).toEqual([
        ['2024-01-02', 'AAPL.csv', 2],
        ['2024-01-03', 'AAPL.csv', 3],
        ['2024-01-05', 'AAPL.csv', 5],
      ]);
      // Rows of a wide file sorted into date order keep the line they were written on.
      await call(rt, 'import-commit', { files: [fileOf('wide-eu-excel.csv')] });
      const roche = await call(rt, 'prices-get', { ticker: 'Roche' });
      expect(roche.find((r) => r.date === '2024-01-04')).toMatchObject({ close: 244, sourceFile: 'wide-eu-excel.csv', sourceLine: 4 });
      expect(roche.find((r) => r.date === '2024-01-02')).toMatchObject({ sourceLine: 2 });
      const preview = await call(rt, 'import-preview', { files: [fileOf('AAPL.csv')] });
      expect(preview.files[0]!.alreadyStored).toBe(3);
      const before = counts(rt).prices;
      expect(await call(rt, 'import-undo', { batchId: long.batchIds[0]! })).toEqual({ batchId: long.batchIds[0]!, removed: 3 });
      expect(counts(rt).prices).toBe(before - 3);
    } finally {
      await rt.close();
    }
  });

  it('a database from before migration 0030 migrates: old rows keep working with no line, new rows get one', async () => {
    const dir = tempDir('frontier-0030-');
    const old = join(dir, 'migrations');
    mkdirSync(old);
    for (const f of ['0010_init.sql', '0020_imports.sql']) copyFileSync(join(migrationsDir(), f), join(old, f));
    const path = join(dir, 'old.db');
    const db = new BetterSqlite3(path);
    migrate(db, old, path);
    db.prepare("INSERT INTO instruments (id, ticker, currency, created_at) VALUES (1, 'OLD', 'USD', '2024-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO import_batches (id, file_name, file_sha256, format, kind, imported_at, row_count) VALUES (1, 'old.csv', 'x', 'yahoo-finance', 'prices', '2024-01-01T00:00:00Z', 1)").run();
    db.prepare("INSERT INTO prices (instrument_id, date, close, batch_id) VALUES (1, '2024-01-02', 10, 1)").run();
    db.close();

    const rt = runtimeIn(dir, 'old.db');
    try {
      expect(await call(rt, 'prices-get', { ticker: 'OLD' })).toEqual([expect.objectContaining({ date: '2024-01-02', close: 10, sourceFile: 'old.csv', sourceLine: null })]);
      await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
      expect((await call(rt, 'prices-get', { ticker: 'AAPL' }))[0]).toMatchObject({ sourceFile: 'AAPL.csv', sourceLine: 2 });
      const before = counts(rt);
      await call(rt, 'import-undo', { batchId: 1 });
      expect(counts(rt).prices).toBe(before.prices - 1);
    } finally {
      await rt.close();
    }
  });
});
