/**
 * Two Frontiers writing one database: every write transaction takes the lock up front (BEGIN
 * IMMEDIATE), so a second writer waits instead of failing, and a wait that runs out is the typed,
 * retryable `busy` error with nothing written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../src-main/store/store-errors.js';
import { createRuntime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startChild, storeCounts, wideCsv } from './helpers.js';

function freshDb(dir: string): string {
  const dbPath = join(dir, 'shared.db');
  const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')) });
  void rt.close();
  return dbPath;
}

describe('fault: concurrent writers', () => {
  it('two imports and a stream of saves in three processes all land, and integrity_check is ok', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = freshDb(dir);
    const tickers = 40;
    const days = 1500;
    writeFileSync(join(dir, 'a.csv'), wideCsv('A', tickers, days));
    writeFileSync(join(dir, 'b.csv'), wideCsv('B', tickers, days));
    // A long busy timeout: on a loaded machine an import may hold the lock for seconds; waiting is the point.
    const env = { FRONTIER_BUSY_TIMEOUT_MS: '60000' };
    // The savers keep saving until both imports have committed, so saves meet imports mid-write.
    const stop = join(dir, 'stop');
    const savers = [startChild(['saves', dbPath, 'left', stop], env), startChild(['saves', dbPath, 'right', stop], env)];
    const imports = await Promise.all([startChild(['import', dbPath, join(dir, 'a.csv')], env), startChild(['import', dbPath, join(dir, 'b.csv')], env)]);
    writeFileSync(stop, '');
    const saves = await Promise.all(savers);
    for (const run of [...imports, ...saves]) expect(run.code, run.stderr).toBe(0);
    const saved = saves.map((run) => (JSON.parse(run.stdout) as { saves: number }).saves);
    expect(storeCounts(dbPath)).toEqual({ prices: 2 * tickers * days, scenarios: saved[0]! + saved[1]!, drafts: 2, integrity: 'ok' });
  });

  it('a save waits for another process that holds the write lock and commits meanwhile, then saves', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = freshDb(dir);
    const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), busyTimeoutMs: 30_000 });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // The holder writes a row and commits 1.5 s later: a deferred transaction that read first would
    // now fail at once (SQLITE_BUSY, its snapshot is stale); BEGIN IMMEDIATE waits and then reads.
    const holder = startChild(['hold', dbPath, '1500'], {}, (line) => line === 'LOCKED' && locked());
    await isLocked;
    const saved = await rt.call('scenario-save', { scenario: { name: 'Waited', tickers: ['AAA'] } });
    await rt.close();
    expect(saved.ok ? 'saved' : saved.error).toBe('saved');
    expect((await holder).code).toBe(0);
    expect(storeCounts(dbPath)).toMatchObject({ scenarios: 1, drafts: 1, integrity: 'ok' });
  });

  it('a lock wait that runs out prints the one-line busy message, exits 1 and writes nothing', async () => {
    const dir = tempDir('frontier-fault-');
    const dbPath = freshDb(dir);
    writeFileSync(join(dir, 's.json'), JSON.stringify({ name: 'Blocked', tickers: ['AAA'] }));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = startChild(['hold', dbPath, '20000'], {}, (line) => line === 'LOCKED' && locked());
    await isLocked;
    const before = storeCounts(dbPath);
    const run = frontier(['scenario', 'import', join(dir, 's.json'), '--db', dbPath], { FRONTIER_BUSY_TIMEOUT_MS: '200' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${BUSY_MESSAGE}\n`);
    expect(storeCounts(dbPath)).toEqual(before);
    holder.kill();
    await holder;
  });
});
