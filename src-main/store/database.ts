/** Opens Frontier's SQLite store: the one writer connection, WAL, foreign keys, migrations applied. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrationsDir } from '../app-paths.js';
import { migrate, type MigrationOutcome } from './migrate.js';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Open without writing (no migrations); used by read-only workers. */
  readonly?: boolean;
  /** A prebuilt native binding (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  db: Database;
  path: string;
  migration: MigrationOutcome | null;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (options.readonly) return { db, path, migration: null };
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const migration = migrate(db, migrationsDir(), path === ':memory:' ? null : path);
    return { db, path, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
