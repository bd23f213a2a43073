/**
 * SQLite's failures as one-line, typed errors that name the file and say what to do. A lock wait that
 * ran out is `busy` (retry later); a file that cannot be used is `storage`. Everything else stays as is.
 */
import { FrontierError } from '../../shared/api.js';

export const BUSY_MESSAGE = 'the database is busy: another Frontier is writing; try again';

/** The SQLite result code (`SQLITE_BUSY`, `SQLITE_IOERR_WRITE` …) or Node's errno code of an error, if any. */
function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** What to tell the user for each kind of unusable file (`file` is the database path). */
export function storageMessage(kind: 'read-only' | 'full' | 'io' | 'not-a-database' | 'malformed' | 'cannot-open', file: string, detail = ''): string {
  switch (kind) {
    case 'read-only':
      return `${file} is read-only: Frontier cannot write to it; make it and its folder writable, or pass --db with another file`;
    case 'full':
      return `${file}: the disk is full (database or disk is full); nothing was written; free some space and try again`;
    case 'io':
      return `${file}: disk I/O error${detail ? ` (${detail})` : ''}; nothing was written; check the disk and that the file is still there, then try again`;
    case 'not-a-database':
      return `${file} is not a Frontier database (file is not a database); move it away or pass --db with another file`;
    case 'malformed':
      return `${file} is damaged (database disk image is malformed); restore it from a backup (such as ${file}.before-NNNN.bak) or move it away`;
    case 'cannot-open':
      return `${file} cannot be opened${detail ? ` (${detail})` : ''}; check that its folder exists and that you may read and write it`;
  }
}

/**
 * The typed error for a SQLite (or file system) failure on `file`, or null when the error is not one
 * (a bug or a domain error, left to the caller).
 */
export function storeError(error: unknown, file: string): FrontierError | null {
  if (error instanceof FrontierError) return null;
  const code = errorCode(error);
  if (!code) return null;
  const storage = (kind: Parameters<typeof storageMessage>[0], detail?: string) =>
    new FrontierError('storage', storageMessage(kind, file, detail), { file, reason: kind, sqlite: code });
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) {
    return new FrontierError('busy', BUSY_MESSAGE, { file, retryable: true, sqlite: code });
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS') return storage('read-only');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return storage('full');
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') return storage('io', code);
  if (code === 'SQLITE_NOTADB') return storage('not-a-database');
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) return storage('malformed');
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM') {
    return storage('cannot-open', error instanceof Error ? error.message : code);
  }
  return null;
}
