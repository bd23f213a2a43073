// Builds everything the app needs: the native kernel (optional), main/shared TypeScript to dist/ (tsc) and the renderer (vite).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Optional native covariance kernel (native/, N-API C addon). Failing to compile is not an error: the
 * engine then uses its JS kernel, so this only warns. Rebuilt only when a source is newer than the binary.
 */
function buildNative() {
  const addon = join(root, 'native', 'build', 'Release', 'frontier_kernels.node');
  const sources = [join(root, 'native', 'binding.gyp'), ...readdirSync(join(root, 'native', 'src')).map((f) => join(root, 'native', 'src', f))];
  if (existsSync(addon) && sources.every((f) => statSync(f).mtimeMs <= statSync(addon).mtimeMs)) {
    console.log('build: native kernel up to date');
    return;
  }
  const require = createRequire(import.meta.url);
  // node-gyp from our node_modules, else the copy npm bundles.
  const candidates = [join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [join(dirname(require.resolve('npm/package.json', { paths: [join(dirname(process.execPath), '..', 'lib', 'node_modules')] })))] }));
  } catch {
    // npm not resolvable from here: the fixed candidates above are all there is.
  }
  const gyp = candidates.find((f) => existsSync(f));
  const warn = (why) =>
    console.warn(`build: WARNING native kernel not built (${why}); covariance estimates use the slower JS kernel. See docs/DEVELOPING.md "Native kernel".`);
  if (!gyp) return warn('node-gyp not found');
  // Compile against the running Node's own headers when present, so no header download is needed.
  const prefix = join(dirname(process.execPath), '..');
  const nodedir = process.env.npm_config_nodedir || (existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined);
  const started = Date.now();
  const result = spawnSync(process.execPath, [gyp, 'rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])], {
    cwd: join(root, 'native'),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-20).join('\n') + '\n');
    return warn(`node-gyp exited with ${result.status ?? result.error?.message}`);
  }
  console.log(`build: native kernel done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

buildNative();
rmSync(join(root, 'dist'), { recursive: true, force: true });
run('main (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
// `--configLoader runner` reads vite.config.ts without writing a bundled copy into node_modules/.vite-temp:
// a build must not change node_modules, or npm (and npx) take the tree for changed and run `prepare` again.
run('renderer (vite)', bin('vite'), ['build', '--logLevel', 'warn', '--configLoader', 'runner']);
