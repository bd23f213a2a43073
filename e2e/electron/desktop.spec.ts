/// <reference lib="dom" />
/**
 * The desktop app through Electron itself (Playwright's _electron). Runs wherever an Electron binary is
 * installed; on machines without one (CI here cannot download it) every test skips, saying why.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { repoRoot } from '../fixtures.js';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const nativeBuilt = existsSync(join(repoRoot, '.electron-native', 'better_sqlite3.node'));

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD); web mode covers the same path');
  test.skip(!!binary && !nativeBuilt, 'better-sqlite3 is not built for Electron yet: run `npm start` once');

  let app: ElectronApplication;
  let page: Page;
  let dir: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontier-electron-'));
    app = await electron.launch({ executablePath: binary!, args: [repoRoot, '--db', join(dir, 'frontier.db')] });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the page has no Node access and talks to main only through window.frontier', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { frontier: object }).frontier).sort())).toEqual(['call', 'on', 'saveFile']);
    const info = await page.evaluate(() => (globalThis as unknown as { frontier: { call: (m: string, r: unknown) => Promise<unknown> } }).frontier.call('app-info', {}));
    expect(info).toMatchObject({ ok: true, data: { mode: 'electron' } });
  });

  test('the window refuses navigation away from the app and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows().length).toBe(1);
  });
});
