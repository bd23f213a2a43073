/** Runs the real `frontier` command (from the TypeScript sources) as a child process. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './shared-data.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

export function frontier(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin', 'frontier.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FRONTIER_FROM_SOURCE: '1', NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return {
    code: run.status ?? -1,
    stdout: run.stdout,
    stderr: run.stderr,
    json<T>() {
      return JSON.parse(run.stdout) as T;
    },
  };
}
