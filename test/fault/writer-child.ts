/**
 * Child process of the fault tests: one more Frontier writing the same database.
 *   saves DB PREFIX STOP  scenario saves (and a draft save after each) through the API, until file STOP exists
 *   import DB FILE      one CSV import through the API (main connection, one transaction)
 *   hold DB MS          takes the write lock (BEGIN IMMEDIATE), writes a draft row, prints LOCKED,
 *                       commits after MS ms (a commit that makes a waiting deferred reader's snapshot stale)
 * Prints one JSON line with what it did; exits 1 when any call failed (the error on stderr).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createRuntime } from '../../src-main/services/runtime.js';

const [mode, dbPath, a, b] = process.argv.slice(2) as [string, string, string, string | undefined];

if (mode === 'hold') {
  const db = new BetterSqlite3(dbPath);
  db.exec('BEGIN IMMEDIATE');
  db.prepare("INSERT INTO scenario_drafts (slot, scenario_id, form, revision, updated_at) VALUES ('holder', NULL, '{}', 1, 'now')").run();
  process.stdout.write('LOCKED\n');
  await new Promise((resolve) => setTimeout(resolve, Number(a)));
  db.exec('COMMIT');
  db.close();
  process.stdout.write('RELEASED\n');
  process.exit(0);
}

const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
let failed = 0;
const fail = (what: string, error: unknown): void => {
  failed++;
  process.stderr.write(`${what}: ${JSON.stringify(error)}\n`);
};
if (mode === 'saves') {
  let slowestMs = 0;
  let i = 0;
  for (; i < 5 || !existsSync(b!); i++) {
    const t0 = performance.now();
    const saved = await rt.call('scenario-save', { scenario: { name: `${a}-${i}`, tickers: ['AAA'] } });
    if (!saved.ok) fail(`save ${i}`, saved.error);
    const draft = await rt.call('scenario-draft-save', { slot: a, form: { i }, revision: i + 1 });
    if (!draft.ok) fail(`draft ${i}`, draft.error);
    slowestMs = Math.max(slowestMs, performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  process.stdout.write(`${JSON.stringify({ saves: i, slowestMs })}\n`);
} else if (mode === 'import') {
  const r = await rt.call('import-commit', { files: [{ name: basename(a), dataBase64: readFileSync(a).toString('base64') }] });
  if (!r.ok) fail('import', r.error);
  else process.stdout.write(`${JSON.stringify({ inserted: (r.data as { inserted: unknown }).inserted })}\n`);
}
await rt.close();
process.exit(failed > 0 ? 1 : 0);
