/** Child process of kill.test.ts: imports FILE into DB and prints WRITING once rows are being written. */
import { readFileSync } from 'node:fs';
import { commitImport } from '../../src-main/services/import-service.js';
import { createRuntime } from '../../src-main/services/runtime.js';

const [dbPath, file] = process.argv.slice(2) as [string, string];
const rt = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
let told = false;
rt.listen((event, payload) => {
  const p = payload as { message?: string; done?: number };
  if (!told && event === 'job-progress' && p.message?.startsWith('writing') && (p.done ?? 0) > 0) {
    told = true;
    // Pipes are written synchronously on Linux, so the parent reads this while the transaction is open.
    process.stdout.write('WRITING\n');
  }
});
await commitImport(rt.ctx, [{ name: file, bytes: new Uint8Array(readFileSync(file)) }], {}, 'kill-test');
process.stdout.write('DONE\n');
await rt.close();
