import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, resolveAppPath, secureWebPreferences } from '../../src-main/electron/window-policy.js';

describe('desktop window security', () => {
  it('isolates the page from Node and sandboxes the preload', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true });
  });

  it('lets the window show only app://frontier pages', () => {
    expect(isAppUrl('app://frontier/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'app://user:pw@frontier/', 'javascript:alert(1)', 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('opens only https links externally', () => {
    expect(isSafeExternalUrl('https://pyportfolioopt.readthedocs.io/')).toBe(true);
    expect(isSafeExternalUrl('file:///bin/sh')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
  });

  it('never serves a file outside the renderer folder', () => {
    const root = '/opt/frontier/dist/renderer';
    expect(resolveAppPath(root, 'app://frontier/index.html', join, normalize)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://frontier/assets/app.js', join, normalize)).toBe(join(root, 'assets/app.js'));
    // URL parsing folds the dots away, so this names a file inside the renderer folder, never /etc/passwd.
    expect(resolveAppPath(root, 'app://frontier/../../../etc/passwd', join, normalize)).toBe(join(root, 'etc/passwd'));
    for (const nasty of ['app://frontier/%2e%2e/%2e%2e/secret', 'app://frontier/..%2f..%2fsecret', 'app://frontier/a/%2E%2E/%2E%2E/%2E%2E/x']) {
      const resolved = resolveAppPath(root, nasty, join, normalize);
      expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
    }
    expect(resolveAppPath(root, 'https://frontier/index.html', join, normalize)).toBeNull();
  });
});
