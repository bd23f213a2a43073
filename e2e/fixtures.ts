/**
 * Web-mode fixtures: each test file gets its own `frontier serve` on a free port with a fresh SQLite
 * file, and a page opened at the URL (token included) the server printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface FrontierServer {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  dir: string;
  /** Calls the API the way the page does (for set-up and checks). */
  api<T = unknown>(method: string, request?: unknown): Promise<T>;
}

export async function startServer(
  dbPath?: string,
): Promise<{ server: FrontierServer; stop: () => Promise<void>; kill: (signal: NodeJS.Signals) => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'frontier-e2e-'));
  const db = dbPath ?? join(dir, 'frontier.db');
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin', 'frontier.js'), 'serve', '--port', '0', '--db', db], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`frontier serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`frontier serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  const server: FrontierServer = {
    url,
    origin: parsed.origin,
    token,
    dbPath: db,
    dir,
    async api<T>(method: string, request: unknown = {}) {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Frontier-Token': token },
        body: JSON.stringify(request),
      });
      const body = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.data as T;
    },
  };
  const stop = async () => {
    // A process ended by a signal has a null exitCode but will not exit again.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const exited = new Promise((r) => child.once('exit', r));
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ends the server the hard way (e.g. SIGKILL: no graceful close) and keeps its folder and database.
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return { server, stop, kill };
}

export const test = base.extend<{ frontier: FrontierServer }>({
  frontier: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    await stop();
  },
});

export { expect };

/** Writes `docs/screenshot-NAME.png` and `-dark.png` (the README shows them), leaving the page in the light theme. */
export async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) === 'dark') await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(repoRoot, 'docs', `screenshot-${name}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(repoRoot, 'docs', `screenshot-${name}-dark.png`), fullPage: true });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).not.toHaveAttribute('data-theme', 'dark');
}

