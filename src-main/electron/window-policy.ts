/**
 * The desktop window's security settings and navigation rules, kept free of 'electron' imports so tests
 * can check them without an Electron binary.
 */

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://frontier`;

/** webPreferences of every Frontier window: no Node in the page, isolated preload, sandboxed. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** Only our own app:// pages may be shown in a window; everything else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'frontier' && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

/** Links a user may open in the system browser (documentation); never file:, javascript: and the like. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// request path to a file inside the renderer folder, or null when it would escape it
 * or carries a malformed `%` escape. The containment test compares with a path separator, so a
 * sibling folder (`renderer-old/`) never passes for `renderer/`.
 */
export function resolveAppPath(
  rendererDir: string,
  requestUrl: string,
  join: (...p: string[]) => string,
  normalize: (p: string) => string,
  sep = '/',
): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const pathname = safeDecode(new URL(requestUrl).pathname);
  if (pathname === null || pathname.includes('\0')) return null;
  const relative = normalize(pathname === '/' ? 'index.html' : pathname).replace(/^([/\\])+/, '');
  const root = normalize(rendererDir).replace(/[/\\]+$/, '');
  const full = normalize(join(root, relative));
  return full.startsWith(root + sep) && !relative.split(/[/\\]/).includes('..') ? full : null;
}

/** decodeURIComponent without the throw: a malformed `%` escape is simply not a path we serve. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Every permission check and request is refused, and no device (HID, serial, USB) may be granted:
 * Frontier needs none. Installed on the default session and on the print window's session.
 */
export interface PermissionSession {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * A print window loads one report file: a request is allowed only for a report file being printed
 * right now (or inline data: images and fonts inside it); everything else, other files included, is cancelled.
 */
export function printRequestAllowed(requestUrl: string, reportFileUrls: ReadonlySet<string>): boolean {
  if (requestUrl.startsWith('data:')) return true;
  return reportFileUrls.has(requestUrl);
}

/** `will-navigate`, `will-frame-navigate` and `will-redirect` of app windows: only our own app:// pages. */
export function appNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** Documentation sites a link in the app may open in the system browser, after the user confirms. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'https://pyportfolioopt.readthedocs.io',
  'https://riskfolio-lib.readthedocs.io',
  'https://github.com',
];

export type ExternalDecision = { action: 'deny'; reason: string } | { action: 'confirm'; origin: string } | { action: 'open'; origin: string };

/**
 * shell.openExternal only for https origins on the allow-list, and only once the user has confirmed
 * the origin (asked the first time, remembered for the session). Anything else is refused.
 */
export function createExternalLinkPolicy(allowList: readonly string[] = EXTERNAL_ALLOW_LIST) {
  const allowed = new Set(allowList);
  const confirmed = new Set<string>();
  return {
    decide(url: string): ExternalDecision {
      if (!isSafeExternalUrl(url)) return { action: 'deny', reason: 'only https links open outside Frontier' };
      const u = new URL(url);
      if (u.username !== '' || u.password !== '') return { action: 'deny', reason: 'links with credentials are refused' };
      if (!allowed.has(u.origin)) return { action: 'deny', reason: `${u.origin} is not on Frontier's list of sites it opens` };
      return confirmed.has(u.origin) ? { action: 'open', origin: u.origin } : { action: 'confirm', origin: u.origin };
    },
    /** Records the user's yes for `origin` (from the confirmation dialog). */
    confirm(origin: string): void {
      if (allowed.has(origin)) confirmed.add(origin);
    },
  };
}

/** The confirmation dialog's text for opening `url` in the system browser. */
export function externalConfirmDialog(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Open ${new URL(url).origin} in your browser?`,
    detail: url,
  };
}

/** What the first window does when a second launch is refused by the single-instance lock. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** Brings the running window forward (restoring it if minimised); false when there is none yet. */
export function focusExistingWindow(win: FocusableWindow | null): boolean {
  if (!win) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}
