/**
 * Applies numbered SQL migrations (migrations/0010_init.sql …) in order, all pending ones in one
 * transaction, recording each in schema_migrations. A database written by a newer Frontier is refused;
 * an existing database is copied aside before it is changed.
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
import { writeTransaction } from './write-transaction.js';

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

/** The newest version the migrations in `dir` know. */
export function newestVersion(available: readonly Migration[]): number {
  return available.at(-1)?.version ?? 0;
}

export function newerDatabaseError(dbPath: string | null, schema: number, newest: number): FrontierError {
  return new FrontierError(
    'storage',
    `${dbPath ?? 'the database'} was written by a newer version of Frontier (schema ${schema}, this version knows up to ${newest}); upgrade Frontier to open it`,
    { schemaVersion: schema, supported: newest, reason: 'newer' },
  );
}

/**
 * Reads (never writes) the recorded versions and refuses a database from a newer Frontier: one with a
 * migration this build does not know, or a `user_version` above the newest migration. Runs before
 * anything (WAL switch, schema_migrations table) touches the file. Returns the versions applied.
 */
export function checkVersion(db: Database, available: readonly Migration[], dbPath: string | null): { version: number; name: string }[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const applied = hasTable
    ? (db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[])
    : [];
  const known = new Set(available.map((m) => m.version));
  const newest = newestVersion(available);
  const current = applied.at(-1)?.version ?? 0;
  const userVersion = Number(db.pragma('user_version', { simple: true }));
  if (current > newest || applied.some((a) => !known.has(a.version))) throw newerDatabaseError(dbPath, current, newest);
  if (userVersion > newest) throw newerDatabaseError(dbPath, userVersion, newest);
  return applied;
}

/** Migrations `dir` has that the database lacks (read only). */
export function pendingMigrations(db: Database, dir: string, dbPath: string | null): Migration[] {
  const available = readMigrations(dir);
  const done = new Set(checkVersion(db, available, dbPath).map((a) => a.version));
  return available.filter((m) => !done.has(m.version));
}

export function migrate(db: Database, dir: string, dbPath: string | null): MigrationOutcome {
  const available = readMigrations(dir);
  // Refuse a newer database before the CREATE TABLE below writes to it.
  const before = checkVersion(db, available, dbPath);
  const known = new Set(before.map((a) => a.version));
  if (available.every((m) => known.has(m.version))) {
    const v = before.at(-1)?.version ?? 0;
    return { from: v, to: v, applied: [], backupPath: null };
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  let backupPath: string | null = null;
  if (dbPath && before.length > 0 && existsSync(dbPath)) {
    backupPath = `${dbPath}.before-${available.find((m) => !known.has(m.version))!.version}.bak`;
    backupCopy(db, dbPath, backupPath);
  }
  // Read again inside the write lock: another process may have migrated meanwhile.
  return writeTransaction(db, () => {
    const applied = checkVersion(db, available, dbPath);
    const current = applied.at(-1)?.version ?? 0;
    const done = new Set(applied.map((a) => a.version));
    const pending = available.filter((m) => !done.has(m.version));
    if (pending.length === 0) return { from: current, to: current, applied: [], backupPath };
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${pending.at(-1)!.version}`);
    return { from: current, to: pending.at(-1)!.version, applied: pending.map((m) => m.version), backupPath };
  });
}

/** Copies the database aside (WAL content included); a copy cut short by a full disk is removed. */
function backupCopy(db: Database, dbPath: string, backupPath: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  try {
    copyFileSync(dbPath, backupPath);
    chmodSync(backupPath, 0o600);
  } catch (error) {
    rmSync(backupPath, { force: true });
    throw error;
  }
}
