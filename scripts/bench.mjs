// `npm run bench`: runs every bench/*.ts (each prints one JSON object) and prints them as one JSON
// document. `npm run bench -- engine` runs only the files whose name contains "engine".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const results = {};
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', file)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const name = file.replace(/\.ts$/, '');
  if (run.status !== 0) {
    results[name] = { error: `exit ${run.status}`, stderr: run.stderr.slice(-2000) };
    continue;
  }
  try {
    results[name] = JSON.parse(run.stdout);
  } catch {
    results[name] = { error: 'output was not JSON', stdout: run.stdout.slice(-2000) };
  }
}

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
process.stdout.write(`${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`);
