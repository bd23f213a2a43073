/**
 * `npm run bench -- cli`: CPU time (user + sys of the process, from /proc/self/stat's children times)
 * of `frontier --help` and of a 20-asset `frontier optimize --prices FILE --json` (min-volatility and
 * max-sharpe), next to a Python script doing the same with numpy/scipy in the same run
 * (bench/cli-reference.py; PyPortfolioOpt is not installed, its formulas are written out). Goals
 * (issue 20): --help ≤ 0.1 s, optimize ≤ 0.6 s. Runs the built CLI (`node bin/frontier.js`, dist/).
 * Prints one JSON object; each figure is the minimum of RUNS runs (the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPrices, toWideCsv } from '../test/support/synthetic-prices.js';

const RUNS = 5;
const root = new URL('..', import.meta.url).pathname;
const GOALS = { help: 0.1, optimize: 0.6 };

/** CPU seconds (user, sys) of this process's waited-for children so far (Linux; clock ticks of 10 ms). */
function childrenCpu(): { user: number; sys: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are indices 13 and 14.
  const hz = 100;
  return { user: Number(fields[13]) / hz, sys: Number(fields[14]) / hz };
}

function measure(command: string, args: string[]): { cpu: number; user: number; sys: number; wall: number; ok: boolean } {
  let best = { cpu: Infinity, user: 0, sys: 0, wall: 0, ok: true };
  for (let k = 0; k < RUNS; k++) {
    const before = childrenCpu();
    const t0 = performance.now();
    const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FRONTIER_FROM_SOURCE: '' } });
    const wall = (performance.now() - t0) / 1000;
    const after = childrenCpu();
    const user = after.user - before.user;
    const sys = after.sys - before.sys;
    if (run.status !== 0) return { cpu: NaN, user, sys, wall, ok: false };
    if (user + sys < best.cpu) best = { cpu: user + sys, user, sys, wall, ok: true };
  }
  return { ...best, cpu: Number(best.cpu.toFixed(3)), user: Number(best.user.toFixed(3)), sys: Number(best.sys.toFixed(3)), wall: Number(best.wall.toFixed(3)) };
}

if (!existsSync(join(root, 'dist', 'src-main', 'cli', 'main.js'))) {
  process.stdout.write(`${JSON.stringify({ error: 'dist/ is missing: run npm run build first' })}\n`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'frontier-bench-cli-'));
const tickers = Array.from({ length: 20 }, (_, i) => `A${String(i).padStart(2, '0')}`);
const csv = join(dir, 'prices-20.csv');
writeFileSync(csv, toWideCsv(syntheticPrices({ tickers, days: 1260, seed: 11 })));
const frontier = join(root, 'bin', 'frontier.js');
const python = join(root, 'bench', 'cli-reference.py');
const hasPython = spawnSync('python3', ['-c', 'import numpy, scipy'], { encoding: 'utf8' }).status === 0;

const result = {
  runs: RUNS,
  data: '20 assets × 1260 days (synthetic, wide CSV)',
  loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  goalsCpuSeconds: GOALS,
  frontier: {
    help: measure(process.execPath, [frontier, '--help']),
    optimizeMinVolatility: measure(process.execPath, [frontier, 'optimize', '--prices', csv, '--json']),
    optimizeMaxSharpe: measure(process.execPath, [frontier, 'optimize', '--prices', csv, '--objective', 'max-sharpe', '--json']),
  },
  python: hasPython
    ? {
        note: 'numpy + scipy SLSQP, the PyPortfolioOpt formulas written out (PyPortfolioOpt is not installed)',
        help: measure('python3', [python, '--help']),
        optimizeMinVolatility: measure('python3', [python, csv, 'min-volatility']),
        optimizeMaxSharpe: measure('python3', [python, csv, 'max-sharpe']),
      }
    : { error: 'python3 with numpy and scipy not found' },
};
const f = result.frontier;
const met = { help: f.help.cpu <= GOALS.help, optimize: Math.max(f.optimizeMinVolatility.cpu, f.optimizeMaxSharpe.cpu) <= GOALS.optimize };
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ...result, goalsMet: met }, null, 2)}\n`);
