import { existsSync, mkdirSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src-main/app-paths.js';
import { openDatabase, schemaVersion } from '../../src-main/store/database.js';
import { migrate, readMigrations } from '../../src-main/store/migrate.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();

function tables(db: BetterSqlite3.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered files applied in order and recorded in the database', () => {
    const files = readMigrations(migrationsDir());
    expect(files[0]!.version).toBe(10);
    expect(files.map((f) => f.version)).toEqual([...files.map((f) => f.version)].sort((a, b) => a - b));
    const { db } = openDatabase(join(dir, 'fresh.db'));
    expect(schemaVersion(db)).toBe(files.at(-1)!.version);
    expect(tables(db)).toEqual(expect.arrayContaining(['instruments', 'prices', 'import_batches', 'scenarios', 'schema_migrations']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strict = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'prices'").get() as { sql: string };
    expect(strict.sql).toMatch(/STRICT/);
    db.close();
  });

  it('STRICT tables refuse values of the wrong type', () => {
    const { db } = openDatabase(join(dir, 'strict.db'));
    db.prepare("INSERT INTO instruments (ticker, created_at) VALUES ('AAA', 'now')").run();
    expect(() => db.prepare("INSERT INTO prices (instrument_id, date, close) VALUES (1, '2024-01-02', 'abc')").run()).toThrow(/cannot store TEXT/);
    expect(() => db.prepare("INSERT INTO prices (instrument_id, date, close) VALUES (1, '02/01/2024', 1)").run()).toThrow(/CHECK/);
    db.close();
  });

  it('applies only pending migrations, all in one transaction, after copying the file aside', () => {
    const own = join(dir, 'migs');
    mkdirSync(own);
    copyFileSync(join(migrationsDir(), '0010_init.sql'), join(own, '0010_init.sql'));
    const path = join(dir, 'upgrade.db');
    const db = new BetterSqlite3(path);
    db.pragma('journal_mode = WAL');
    expect(migrate(db, own, path).applied).toEqual([10]);
    db.prepare("INSERT INTO instruments (ticker, created_at) VALUES ('KEEP', 'now')").run();

    // A broken second step must roll back the first one too.
    writeFileSync(join(own, '0020_add_notes.sql'), 'ALTER TABLE instruments ADD COLUMN notes TEXT;');
    writeFileSync(join(own, '0030_broken.sql'), 'CREATE TABLE oops (;');
    expect(() => migrate(db, own, path)).toThrow();
    const columns = (db.prepare('PRAGMA table_info(instruments)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('notes');
    expect(schemaVersion(db)).toBe(10);

    writeFileSync(join(own, '0030_broken.sql'), 'CREATE TABLE fine (x INTEGER) STRICT;');
    const outcome = migrate(db, own, path);
    expect(outcome.applied).toEqual([20, 30]);
    expect(outcome.backupPath).not.toBeNull();
    expect(existsSync(outcome.backupPath!)).toBe(true);
    const backup = new BetterSqlite3(outcome.backupPath!, { readonly: true });
    expect(schemaVersion(backup)).toBe(10);
    expect(backup.prepare('SELECT ticker FROM instruments').all()).toEqual([{ ticker: 'KEEP' }]);
    backup.close();
    expect(migrate(db, own, path).applied).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Frontier, with a clear message', () => {
    const path = join(dir, 'future.db');
    const { db } = openDatabase(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99990, 'from_the_future', 'later')").run();
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer version of Frontier \(schema 99990/);
  });

  it('never leaves a stray backup when nothing was pending', () => {
    const path = join(dir, 'idle.db');
    openDatabase(path).db.close();
    openDatabase(path).db.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('idle.db.before'))).toEqual([]);
  });
});
