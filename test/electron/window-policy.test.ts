import { join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appNavigationAllowed,
  createExternalLinkPolicy,
  denyAllPermissions,
  externalConfirmDialog,
  focusExistingWindow,
  isAppUrl,
  isSafeExternalUrl,
  printRequestAllowed,
  resolveAppPath,
  secureWebPreferences,
  type PermissionSession,
} from '../../src-main/electron/window-policy.js';

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

describe('desktop policies (Electron cannot run here: the pure functions main.ts installs)', () => {
  it('the app-path guard answers null for bad % escapes instead of throwing', () => {
    const root = '/opt/frontier/dist/renderer';
    for (const bad of ['app://frontier/%', 'app://frontier/%E0%A4%A', 'app://frontier/%c0%ae%c0%ae/x', 'app://frontier/a%00.js']) {
      expect(() => resolveAppPath(root, bad, join, normalize, sep)).not.toThrow();
      expect(resolveAppPath(root, bad, join, normalize, sep)).toBeNull();
    }
  });

  it('the app-path guard compares with a path separator: a sibling folder with the same prefix never passes', () => {
    // A join that escapes to a sibling (as a platform quirk or an encoded separator could) is caught.
    const escapingJoin = (...parts: string[]) => (parts[1] === 'x.js' ? '/opt/frontier/dist/renderer-old/x.js' : join(...parts));
    expect(resolveAppPath('/opt/frontier/dist/renderer', 'app://frontier/x.js', escapingJoin, normalize, sep)).toBeNull();
    expect(resolveAppPath('/opt/frontier/dist/renderer/', 'app://frontier/index.html', join, normalize, sep)).toBe('/opt/frontier/dist/renderer/index.html');
  });

  it('every permission request and check is denied, and no device is granted, on each session it is installed on', () => {
    const installed: Record<string, unknown> = {};
    const fakeSession = (name: string): PermissionSession => ({
      setPermissionRequestHandler: (h) => (installed[`${name}.request`] = h),
      setPermissionCheckHandler: (h) => (installed[`${name}.check`] = h),
      setDevicePermissionHandler: (h) => (installed[`${name}.device`] = h),
    });
    for (const name of ['default', 'print']) {
      denyAllPermissions(fakeSession(name));
      const granted: boolean[] = [];
      (installed[`${name}.request`] as (w: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => granted.push(g));
      (installed[`${name}.request`] as (w: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'notifications', (g) => granted.push(g));
      expect(granted).toEqual([false, false]);
      for (const permission of ['media', 'geolocation', 'clipboard-read', 'hid', 'serial', 'usb']) {
        expect((installed[`${name}.check`] as (w: unknown, p: string, o: string) => boolean)(null, permission, 'app://frontier')).toBe(false);
      }
      expect((installed[`${name}.device`] as (d: unknown) => boolean)({ deviceType: 'usb', origin: 'app://frontier' })).toBe(false);
    }
  });

  it('the print window loads only the report file being printed (and inline data:)', () => {
    const report = 'file:///tmp/frontier-report-abc/report.html';
    const printing = new Set([report]);
    expect(printRequestAllowed(report, printing)).toBe(true);
    expect(printRequestAllowed('data:image/png;base64,AAAA', printing)).toBe(true);
    for (const other of ['file:///etc/passwd', 'file:///tmp/frontier-report-abc/other.html', 'file:///tmp/frontier-report-abc/report.html?x', 'https://evil.example/p.png', 'app://frontier/index.html']) {
      expect(printRequestAllowed(other, printing)).toBe(false);
    }
    // Between prints nothing at all may load.
    expect(printRequestAllowed(report, new Set())).toBe(false);
  });

  it('app windows (and their frames) navigate only to app:// pages', () => {
    expect(appNavigationAllowed('app://frontier/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://frontier.evil/', 'javascript:alert(1)', 'data:text/html,<script>1</script>']) {
      expect(appNavigationAllowed(url)).toBe(false);
    }
  });

  it('opens external links only for allow-listed https sites, after the user confirmed the site', () => {
    const links = createExternalLinkPolicy(['https://pyportfolioopt.readthedocs.io']);
    const doc = 'https://pyportfolioopt.readthedocs.io/en/latest/MeanVariance.html';
    expect(links.decide(doc)).toEqual({ action: 'confirm', origin: 'https://pyportfolioopt.readthedocs.io' });
    expect(links.decide(doc)).toEqual({ action: 'confirm', origin: 'https://pyportfolioopt.readthedocs.io' });
    links.confirm('https://pyportfolioopt.readthedocs.io');
    expect(links.decide(doc)).toEqual({ action: 'open', origin: 'https://pyportfolioopt.readthedocs.io' });
    for (const url of ['https://evil.example/', 'http://pyportfolioopt.readthedocs.io/', 'https://user:pw@pyportfolioopt.readthedocs.io/', 'file:///bin/sh', 'https://pyportfolioopt.readthedocs.io.evil.example/']) {
      expect(links.decide(url).action).toBe('deny');
    }
    // Confirming a site that is not on the list does not add it.
    links.confirm('https://evil.example');
    expect(links.decide('https://evil.example/').action).toBe('deny');
    expect(externalConfirmDialog(doc)).toMatchObject({ message: 'Open https://pyportfolioopt.readthedocs.io in your browser?', detail: doc, cancelId: 1 });
  });

  it('a second launch brings the first window forward (single-instance lock)', () => {
    const calls: string[] = [];
    const win = { isMinimized: () => true, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
    expect(focusExistingWindow(win)).toBe(true);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(focusExistingWindow(null)).toBe(false);
  });
});
