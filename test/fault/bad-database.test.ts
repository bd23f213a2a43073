/**
 * Database files Frontier cannot use: each gives one line naming the file and what to do (exit 1),
 * in the CLI, at `frontier serve` start-up and in the desktop app's dialog, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FrontierError } from '../../shared/api.js';
import { startupErrorDialog } from '../../src-main/electron/startup-message.js';
import { toApiError } from '../../src-main/services/dispatch.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { openDatabase } from '../../src-main/store/database.js';
import { readMigrations } from '../../src-main/store/migrate.js';
import { storageMessage } from '../../src-main/store/store-errors.js';
import { migrationsDir } from '../../src-main/app-paths.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { folderHashes, storeCounts, wideCsv } from './helpers.js';

const noPrinter = () => Promise.reject(new Error('no printer'));
const newest = readMigrations(migrationsDir()).at(-1)!.version;

/** A real Frontier database with one saved scenario, closed (no -wal/-shm left). */
async function frontierDb(dir: string, name = 'frontier.db'): Promise<string> {
  const dbPath = join(dir, name);
  const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: noPrinter });
  const saved = await rt.call('scenario-save', { scenario: { name: 'Kept', tickers: ['AAA'] } });
  expect(saved.ok).toBe(true);
  await rt.close();
  return dbPath;
}

/** Runs `frontier ARGS` and expects exit 1 with exactly `line` on stderr. */
function expectOneLine(args: string[], line: string): void {
  const run = frontier(args);
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.code).toBe(1);
}

/** Mounts a tmpfs of `size` at a fresh folder when this machine allows it (root with mount), else null. */
function tinyFs(size: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'frontier-fault-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    } catch {
      console.log(`could not unmount ${dir}`);
    }
  }
});

describe('fault: a file that is not a database', () => {
  it('CLI and serve print one line naming the file; the file is untouched', () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = join(dir, 'notes.db');
    writeFileSync(dbPath, 'ticker,weight\nAAPL,0.5\n'.repeat(20));
    const before = folderHashes(dir);
    const line = storageMessage('not-a-database', dbPath);
    expectOneLine(['scenario', 'list', '--db', dbPath], line);
    expectOneLine(['serve', '--port', '0', '--db', dbPath], line);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('the desktop dialog shows the same line', () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = join(dir, 'junk.db');
    writeFileSync(dbPath, Buffer.alloc(4096, 7));
    let thrown: unknown;
    try {
      openDatabase(dbPath);
    } catch (error) {
      thrown = error;
    }
    expect(startupErrorDialog(thrown)).toEqual({ title: 'Frontier cannot open its database', message: storageMessage('not-a-database', dbPath) });
    expect(startupErrorDialog(new Error('boom\n    at somewhere'))).toEqual({ title: 'Frontier could not start', message: 'boom' });
  });
});

describe('fault: a damaged (malformed) database', () => {
  it('is refused with one line and left as it was', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = await frontierDb(dir);
    // Overwrite the schema b-tree on page 1 (after the 100-byte file header).
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(400, 0xab), 0, 400, 100);
    closeSync(fd);
    const before = folderHashes(dir);
    expectOneLine(['scenario', 'list', '--db', dbPath], storageMessage('malformed', dbPath));
    expect(folderHashes(dir)).toEqual(before);
  });
});

describe('fault: a database from a newer Frontier', () => {
  it('a user_version above the migrations is refused before SQLite opens the file (bytes unchanged)', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = await frontierDb(dir);
    const raw = new BetterSqlite3(dbPath);
    raw.pragma('user_version = 99999');
    raw.close();
    const before = folderHashes(dir);
    expectOneLine(['scenario', 'list', '--db', dbPath], `${dbPath} was written by a newer version of Frontier (schema 99999, this version knows up to ${newest}); upgrade Frontier to open it`);
    expectOneLine(['serve', '--port', '0', '--db', dbPath], `${dbPath} was written by a newer version of Frontier (schema 99999, this version knows up to ${newest}); upgrade Frontier to open it`);
    expect(folderHashes(dir)).toEqual(before);
  });

  it('a recorded migration this build does not know is refused, bytes unchanged and not switched to WAL', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = join(dir, 'future.db');
    // As a newer Frontier might leave it: rollback journal, a migration from the future, user_version not set.
    const raw = new BetterSqlite3(dbPath);
    raw.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT; INSERT INTO schema_migrations VALUES (99990, 'from_the_future', 'later')");
    raw.close();
    const before = folderHashes(dir);
    expectOneLine(['scenario', 'list', '--db', dbPath], `${dbPath} was written by a newer version of Frontier (schema 99990, this version knows up to ${newest}); upgrade Frontier to open it`);
    expect(folderHashes(dir)).toEqual(before);
    expect(readFileSync(dbPath)[18]).toBe(1); // file format: still rollback journal, never switched to WAL
  });
});

describe('fault: a read-only database', () => {
  it('opens read-only for reading commands; a write and serve print one line; nothing is written', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = await frontierDb(dir);
    chmodSync(dbPath, 0o444);
    writeFileSync(join(dir, 's.json'), JSON.stringify({ name: 'Refused', tickers: ['AAA'] }));
    const before = folderHashes(dir)['frontier.db'];
    const list = frontier(['scenario', 'list', '--db', dbPath, '--json']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.json<{ name: string }[]>().map((s) => s.name)).toEqual(['Kept']);
    const line = storageMessage('read-only', dbPath);
    expectOneLine(['scenario', 'import', join(dir, 's.json'), '--db', dbPath], line);
    expectOneLine(['serve', '--port', '0', '--db', dbPath], line);
    // A read-only reader of a WAL database leaves SQLite's empty -wal and its -shm index; the database itself is untouched.
    const after = folderHashes(dir);
    expect(after['frontier.db']).toBe(before);
    expect(Object.keys(after).filter((f) => f !== 'frontier.db' && f !== 's.json' && f !== 'frontier.db-shm')).toEqual(existsSync(join(dir, 'frontier.db-wal')) ? ['frontier.db-wal'] : []);
    if (existsSync(join(dir, 'frontier.db-wal'))) expect(statSync(join(dir, 'frontier.db-wal')).size).toBe(0);
  });

  it('on a read-only file system: one line, nothing written', async () => {
    const mnt = tinyFs('4m');
    if (!mnt) {
      console.log('skipped: mounting a tmpfs needs root and mount here');
      return;
    }
    const dbPath = await frontierDb(mnt);
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    try {
      const before = folderHashes(mnt);
      expectOneLine(['scenario', 'list', '--db', dbPath], `${storageMessage('read-only', dbPath)} (its folder is read-only too, so it cannot even be read: copy it somewhere writable)`);
      expect(folderHashes(mnt)).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt]);
    }
  });
});

describe('fault: a full disk', () => {
  it('a real full file system (tmpfs): the import prints one line, exits 1 and writes nothing', async () => {
    const mnt = tinyFs('2m');
    if (!mnt) {
      console.log('skipped: mounting a tmpfs needs root and mount here (the injected full-disk test below still runs)');
      return;
    }
    const dbPath = await frontierDb(mnt);
    const csv = join(tempDir('frontier-fault-'), 'prices.csv');
    writeFileSync(csv, wideCsv('F', 30, 800));
    const before = storeCounts(dbPath);
    const mainBytes = folderHashes(mnt)['frontier.db'];
    // Fill what is left of the file system.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd stops with "No space left on device": that is the point
    }
    expectOneLine(['import', csv, '--db', dbPath], storageMessage('full', dbPath));
    expect(folderHashes(mnt)['frontier.db']).toBe(mainBytes);
    rmSync(join(mnt, 'filler'));
    expect(storeCounts(dbPath)).toEqual(before);
  });

  it('injected (max_page_count, SQLite\'s own SQLITE_FULL): the API answers the typed one-line error and writes nothing', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = await frontierDb(dir);
    const rt: Runtime = createRuntime({ dbPath, mode: 'cli', makePrinter: noPrinter });
    try {
      const pages = Number(rt.ctx.db.pragma('page_count', { simple: true }));
      rt.ctx.db.pragma(`max_page_count = ${pages}`);
      const before = storeCounts(dbPath);
      const r = await rt.call('import-commit', { files: [{ name: 'p.csv', dataBase64: Buffer.from(wideCsv('G', 20, 400)).toString('base64') }] });
      expect(r.ok ? null : { code: r.error.code, message: r.error.message }).toEqual({ code: 'storage', message: storageMessage('full', dbPath) });
      expect(storeCounts(dbPath)).toEqual(before);
    } finally {
      await rt.close();
    }
  });
});

describe('fault: a disk I/O error', () => {
  it('becomes the one-line storage error naming the file (injected: better-sqlite3\'s own SqliteError)', () => {
    const error = new BetterSqlite3.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE');
    expect(toApiError(error, '/data/frontier.db')).toMatchObject({ code: 'storage', message: storageMessage('io', '/data/frontier.db', 'SQLITE_IOERR_WRITE') });
    expect(startupErrorDialog(new FrontierError('storage', storageMessage('io', '/d.db')))).toEqual({ title: 'Frontier cannot open its database', message: storageMessage('io', '/d.db') });
  });
});

describe('fault: file permissions', () => {
  it('creates the data folder 0700 and the database files 0600', async () => {
    const home = tempDir('frontier-fault-');
    const dataDir = join(home, 'xdg', 'frontier');
    const run = frontier(['scenario', 'list', '--json'], { XDG_DATA_HOME: join(home, 'xdg'), FRONTIER_DB: '' });
    expect(run.stderr).toBe('');
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'frontier.db')).mode & 0o777).toBe(0o600);
    // While open, the WAL and shared-memory files carry the same mode.
    const rt = createRuntime({ dbPath: join(dataDir, 'frontier.db'), mode: 'cli', makePrinter: noPrinter });
    await rt.call('scenario-save', { scenario: { name: 'Private', tickers: ['AAA'] } });
    for (const f of ['frontier.db-wal', 'frontier.db-shm']) expect(statSync(join(dataDir, f)).mode & 0o777).toBe(0o600);
    await rt.close();
  });

  it('tightens an existing database others could read to 0600', async () => {
    const dir = tempDir('frontier-fault-');
    mkdirSync(join(dir, 'open'));
    const dbPath = await frontierDb(join(dir, 'open'));
    chmodSync(dbPath, 0o644);
    openDatabase(dbPath).db.close();
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    expect(existsSync(dbPath)).toBe(true);
  });
});
