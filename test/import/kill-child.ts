/**
 * Child process of kill.test.ts: imports FILE into DB and prints WRITING once rows are being written.
 * MODE `main` writes on the main connection (what a commit without a jobId does), `job` through the
 * job path (the bulk-import worker on its own connection).
 */
import { readFileSync } from 'node:fs';
import { parseImportFile } from '../../src-main/core/ingest/parse-file.js';
import { commitImport, commitParsed } from '../../src-main/services/import-service.js';
import { createRuntime } from '../../src-main/services/runtime.js';

const [dbPath, file, mode] = process.argv.slice(2) as [string, string, 'main' | 'job'];
const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
let told = false;
const onProgress = (done: number, message?: string): void => {
  if (!told && message?.startsWith('writing') && done > 0) {
    told = true;
    // Pipes are written synchronously on Linux, so the parent reads this while the transaction is open.
    process.stdout.write('WRITING\n');
  }
};
rt.listen((event, payload) => {
  const p = payload as { message?: string; done?: number };
  if (event === 'job-progress') onProgress(p.done ?? 0, p.message);
});
const source = { name: file, bytes: new Uint8Array(readFileSync(file)) };
if (mode === 'main') commitParsed(rt.ctx, [parseImportFile(source.bytes, file)], [source], (done, _total, message) => onProgress(done, message));
else await commitImport(rt.ctx, [source], {}, 'kill-test');
process.stdout.write('DONE\n');
await rt.close();
