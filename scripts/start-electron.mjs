// `npm start`: runs the desktop app. better-sqlite3 must match Electron's ABI, which differs from
// Node's; we build an Electron copy into .electron-native/ once (Node's copy stays for the CLI and tests).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (typeof electronPath !== 'string' || !existsSync(electronPath)) {
  console.error(
    'The Electron binary is not installed (it downloads from GitHub during npm install).\n' +
      'Reinstall with network access (`npm install electron`), or use web mode: `npx frontier serve`.',
  );
  process.exit(1);
}

const target = join(root, '.electron-native', 'better_sqlite3.node');
if (!existsSync(target)) {
  const electronVersion = require('electron/package.json').version;
  const work = join(root, '.electron-native', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'better-sqlite3'), { recursive: true });
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion],
    { cwd: join(work, 'better-sqlite3'), stdio: 'inherit' },
  );
  if (prebuilt.status !== 0) {
    const built = spawnSync(
      'npx',
      ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: join(work, 'better-sqlite3'), stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (built.status !== 0) {
      console.error('Could not build better-sqlite3 for Electron; web mode still works: `npx frontier serve`.');
      process.exit(1);
    }
  }
  cpSync(join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}

const result = spawnSync(electronPath, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 0);
