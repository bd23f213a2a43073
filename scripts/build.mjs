// Builds everything the app needs: main/shared TypeScript to dist/ (tsc) and the renderer (vite).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
run('main (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
run('renderer (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
