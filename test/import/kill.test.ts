import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-data.js';
import { tempDir } from '../support/temp.js';
import { call, fileOf, runtimeIn } from './helpers.js';

function wideFile(tickers: number, days: number): string {
  const lines = [['date', ...Array.from({ length: tickers }, (_, j) => `K${j}`)].join(',')];
  for (let t = 0; t < days; t++) {
    const d = new Date(Date.UTC(2000, 0, 1) + t * 86_400_000).toISOString().slice(0, 10);
    lines.push([d, ...Array.from({ length: tickers }, (_, j) => (100 + j + t / 100).toFixed(4))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('an import killed mid-write', () => {
  // 150 × 2000 (~2.4 MB) written on the main connection; 220 × 2200 (~4.4 MB) by the bulk worker.
  it.each([
    ['main-thread write', 150, 2000, 'main'],
    ['bulk worker write', 220, 2200, 'job'],
  ])('%s: leaves the database intact with the counts it had before (SIGKILL inside the transaction)', async (_label, tickers, days, mode) => {
    const dir = tempDir();
    const dbPath = join(dir, 'kill.db');
    const rt = runtimeIn(dir, 'kill.db');
    await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
    await rt.close();
    const count = (): { prices: number; batches: number; integrity: string } => {
      const db = new BetterSqlite3(dbPath);
      try {
        return {
          prices: (db.prepare('SELECT COUNT(*) AS n FROM prices').get() as { n: number }).n,
          batches: (db.prepare('SELECT COUNT(*) AS n FROM import_batches').get() as { n: number }).n,
          integrity: (db.pragma('integrity_check', { simple: true }) as string),
        };
      } finally {
        db.close();
      }
    };
    const before = count();
    expect(before.prices).toBe(3);
    const big = join(dir, 'big.csv');
    writeFileSync(big, wideFile(tickers, days));
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'import', 'kill-child.ts'), dbPath, big, mode], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const outcome = await new Promise<{ signal: NodeJS.Signals | null; sawWriting: boolean }>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('WRITING') && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => resolve({ signal, sawWriting: out.includes('WRITING') }));
    });
    expect(outcome.sawWriting, err).toBe(true);
    expect(outcome.signal).toBe('SIGKILL');
    expect(out).not.toContain('DONE');
    expect(count()).toEqual({ prices: before.prices, batches: before.batches, integrity: 'ok' });
  });
});
