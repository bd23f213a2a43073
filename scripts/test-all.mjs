// `npm test`: typecheck, build, unit tests (vitest), end-to-end tests (Playwright in Chromium), then
// one line of totals, `N passed, N failed`, counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one part

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${[command.replace(root + '/', ''), ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function check(name, command, args) {
  if (only.length && !only.includes(name)) return;
  const ok = step(name, command, args);
  totals[ok ? 'passed' : 'failed']++;
  console.log(`--- ${name}: ${ok ? 'passed' : 'FAILED'}`);
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  return true;
}

check('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
check('svelte-check', bin('svelte-check'), ['--tsconfig', './src-renderer/tsconfig.json', '--threshold', 'error', '--output', 'human']);
check('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);

if (!only.length || only.includes('unit')) {
  const out = join(root, '.vitest-results.json');
  rmSync(out, { force: true });
  const ok = step('unit', bin('vitest'), ['run', '--configLoader', 'runner', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!countVitest(out)) totals.failed++;
  else if (!ok && totals.failed === 0) totals.failed++;
}

if (!only.length || only.includes('e2e')) {
  const out = join(root, '.playwright-results.json');
  rmSync(out, { force: true });
  const ok = step('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!countPlaywright(out)) totals.failed++;
  else if (!ok && totals.failed === 0) totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
