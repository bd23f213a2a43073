/**
 * Applies numbered SQL migrations (migrations/0010_init.sql …) in order, all pending ones in one
 * transaction, recording each in schema_migrations. A database written by a newer Frontier is refused;
 * an existing database is copied aside before it is changed.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_-]+)\.sql$/;

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match![1]),
      name: match![2]!,
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`two migrations share version ${migrations[i]!.version} in ${dir}`);
    }
  }
  return migrations;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: number[];
  backupPath: string | null;
}

export function migrate(db: Database, dir: string, dbPath: string | null): MigrationOutcome {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const available = readMigrations(dir);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
  const known = new Map(available.map((m) => [m.version, m]));
  const newest = available.at(-1)?.version ?? 0;
  const current = applied.at(-1)?.version ?? 0;
  const unknown = applied.filter((a) => !known.has(a.version));
  if (current > newest || unknown.length > 0) {
    throw new FrontierError(
      'user-error',
      `${dbPath ?? 'the database'} was written by a newer version of Frontier (schema ${current}, this version knows up to ${newest}); upgrade Frontier to open it`,
      { schemaVersion: current, supported: newest },
    );
  }
  const done = new Set(applied.map((a) => a.version));
  const pending = available.filter((m) => !done.has(m.version));
  if (pending.length === 0) return { from: current, to: current, applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (dbPath && applied.length > 0 && existsSync(dbPath)) {
    // The copy must include WAL content, so checkpoint first.
    db.pragma('wal_checkpoint(TRUNCATE)');
    backupPath = `${dbPath}.before-${pending[0]!.version}.bak`;
    copyFileSync(dbPath, backupPath);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${pending.at(-1)!.version}`);
  })();
  return { from: current, to: pending.at(-1)!.version, applied: pending.map((m) => m.version), backupPath };
}
