/** Shared pieces of the fault tests: child Frontiers, file hashes and store counts. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { repoRoot } from '../support/shared-data.js';

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts test/fault/writer-child.ts; `onLine` sees each stdout line as it arrives; `kill()` ends it early. */
export function startChild(args: string[], env: Record<string, string> = {}, onLine?: (line: string) => void): Promise<ChildRun> & { kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'fault', 'writer-child.ts'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    const text = d.toString();
    stdout += text;
    for (const line of text.split('\n')) if (line) onLine?.(line);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildRun>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return Object.assign(done, { kill: () => void child.kill('SIGTERM') });
}

/** sha256 of every file in `dir` (name → hash): "nothing changed" means this map is equal before and after. */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

/** Row counts of the tables the fault tests write, and SQLite's integrity check. */
export function storeCounts(dbPath: string): { prices: number; scenarios: number; drafts: number; integrity: string } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const one = (t: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { prices: one('prices'), scenarios: one('scenarios'), drafts: one('scenario_drafts'), integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

/** A wide price CSV: `tickers` columns named PREFIX0…, `days` rows. */
export function wideCsv(prefix: string, tickers: number, days: number): string {
  const lines = [['date', ...Array.from({ length: tickers }, (_, j) => `${prefix}${j}`)].join(',')];
  for (let t = 0; t < days; t++) {
    const d = new Date(Date.UTC(2000, 0, 3) + t * 86_400_000).toISOString().slice(0, 10);
    lines.push([d, ...Array.from({ length: tickers }, (_, j) => (100 + j + t / 100).toFixed(4))].join(','));
  }
  return `${lines.join('\n')}\n`;
}
