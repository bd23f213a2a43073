/** Where Frontier finds its own files (migrations, built renderer) and where it keeps user data. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, whether we run from src-main/ or dist/src-main/. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find Frontier's package root above ${fileURLToPath(import.meta.url)}`);
}

export function migrationsDir(): string {
  return join(appRoot(), 'migrations');
}

export function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

/** The per-user data folder for CLI and web mode (Electron uses its own userData). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frontier');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Frontier');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'frontier');
}

/** The database path: an explicit --db, else FRONTIER_DB, else frontier.db in the data folder. */
export function resolveDbPath(explicit: string | undefined, dataDir = defaultDataDir(), env = process.env): string {
  const chosen = explicit ?? env.FRONTIER_DB;
  return chosen ? resolve(chosen) : join(dataDir, 'frontier.db');
}
