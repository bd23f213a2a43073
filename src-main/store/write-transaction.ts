/**
 * Every write transaction starts with BEGIN IMMEDIATE: it takes the write lock up front, so SQLite's
 * busy timeout applies while another process writes. A deferred transaction that starts as a read and
 * upgrades gets SQLITE_BUSY at once (the busy handler cannot help it), which lost saves before.
 */
import type { Database } from 'better-sqlite3';
import { storeError } from './store-errors.js';

/** Runs `fn` in one IMMEDIATE transaction; a lock wait that runs out becomes the typed `busy` error. */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    throw storeError(error, db.name) ?? error;
  }
}
