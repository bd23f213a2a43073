/**
 * Opens Frontier's SQLite store: the one writer connection, WAL, foreign keys, migrations applied.
 * A file that cannot be used (not a database, damaged, newer, read-only where writing is needed, a
 * full disk) is refused with a one-line `storage` error before anything is written to it.
 */
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
import { migrationsDir } from '../app-paths.js';
import { migrate, newerDatabaseError, newestVersion, pendingMigrations, readMigrations, type Migration, type MigrationOutcome } from './migrate.js';
import { storageMessage, storeError } from './store-errors.js';

export type { Database } from 'better-sqlite3';

/** Milliseconds a write waits for another connection's write lock before answering `busy`. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Open without writing (no migrations); used by read-only workers. */
  readonly?: boolean;
  /**
   * When the file is read-only (permissions, read-only file system), open it read-only instead of
   * refusing it: reading commands work, writes answer a one-line `storage` error. The CLI allows it;
   * the app and web mode, which autosave, refuse such a file at start-up.
   */
  readOnlyFallback?: boolean;
  /** A prebuilt native binding (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Overrides DEFAULT_BUSY_TIMEOUT_MS (also FRONTIER_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Database;
  path: string;
  migration: MigrationOutcome | null;
  /** True when the file was opened read-only because it cannot be written. */
  readonly: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The header's `user_version` (offset 60, big-endian), read with plain file I/O; null for an empty file. */
export function headerUserVersion(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const n = readSync(fd, header, 0, 100, 0);
    if (n === 0) return null;
    if (n < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
      throw new FrontierError('storage', storageMessage('not-a-database', path), { file: path, reason: 'not-a-database' });
    }
    return header.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

/** A file Frontier may not write: no write permission, the owner's write bit cleared (also for root), or a read-only file system. */
export function isReadOnlyFile(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return true;
  }
  return (statSync(path).mode & 0o200) === 0;
}

function busyTimeout(options: OpenOptions): number {
  const env = Number(process.env.FRONTIER_BUSY_TIMEOUT_MS);
  return options.busyTimeoutMs ?? (Number.isFinite(env) && env >= 0 ? env : DEFAULT_BUSY_TIMEOUT_MS);
}

/** Creates the data folder 0700 and a new database file 0600 (SQLite gives -wal/-shm the file's mode). */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  try {
    return openChecked(path, options);
  } catch (error) {
    throw storeError(error, path) ?? error;
  }
}

function openChecked(path: string, options: OpenOptions): OpenedDatabase {
  const memory = path === ':memory:';
  const exists = !memory && existsSync(path);
  const migrations = readMigrations(migrationsDir());
  if (exists) {
    // Before SQLite opens it: a foreign or newer file must come out byte for byte as it was.
    const userVersion = headerUserVersion(path);
    if (userVersion !== null && userVersion > newestVersion(migrations)) throw newerDatabaseError(path, userVersion, newestVersion(migrations));
  }
  const readOnlyFile = exists && !options.readonly && isReadOnlyFile(path);
  if (readOnlyFile && !options.readOnlyFallback) {
    throw new FrontierError('storage', storageMessage('read-only', path), { file: path, reason: 'read-only' });
  }
  const readonly = (options.readonly ?? false) || readOnlyFile;
  if (!memory && !exists && !readonly) createPrivately(path);
  const db = new BetterSqlite3(path, {
    readonly,
    fileMustExist: readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    return prepare(db, path, options, readonly, readOnlyFile, migrations);
  } catch (error) {
    db.close();
    // SQLite reads a WAL database only where it can create the -shm file: not in a read-only folder.
    if (readOnlyFile && (error as { code?: unknown }).code === 'SQLITE_CANTOPEN') {
      throw new FrontierError('storage', `${storageMessage('read-only', path)} (its folder is read-only too, so it cannot even be read: copy it somewhere writable)`, { file: path, reason: 'read-only' });
    }
    throw error;
  }
}

/** Settings, version checks and migrations on a just-opened connection. */
function prepare(db: Database, path: string, options: OpenOptions, readonly: boolean, readOnlyFile: boolean, migrations: readonly Migration[]): OpenedDatabase {
  const fileName = path === ':memory:' ? null : path;
  db.pragma(`busy_timeout = ${busyTimeout(options)}`);
  db.pragma('foreign_keys = ON');
  // Read-only checks first: nothing below may run on a file from a newer Frontier.
  const pending = pendingMigrations(db, migrationsDir(), fileName);
  if (readonly) {
    // A schema this build must upgrade cannot be read without writing.
    if (readOnlyFile && pending.length > 0) {
      throw new FrontierError('storage', `${storageMessage('read-only', path)} (it needs an upgrade to schema ${newestVersion(migrations)} first)`, { file: path, reason: 'read-only' });
    }
    return { db, path, migration: null, readonly: true };
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const migration = migrate(db, migrationsDir(), fileName);
  if (fileName) tightenMode(fileName);
  return { db, path, migration, readonly: false };
}

/** A database we own that others may read is made 0600: it holds a manager's positions. */
function tightenMode(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      const st = statSync(file);
      if ((st.mode & 0o077) !== 0 && st.uid === process.getuid?.()) chmodSync(file, st.mode & 0o700);
    } catch {
      // A -wal/-shm that is not there (yet) has nothing to tighten.
    }
  }
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
