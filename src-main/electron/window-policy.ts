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

/** Maps an app:// request path to a file inside the renderer folder, or null when it would escape it. */
export function resolveAppPath(rendererDir: string, requestUrl: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const pathname = decodeURIComponent(new URL(requestUrl).pathname);
  const relative = normalize(pathname === '/' ? 'index.html' : pathname).replace(/^([/\\])+/, '');
  const root = normalize(rendererDir);
  const full = normalize(join(root, relative));
  return full.startsWith(root) && !relative.split(/[/\\]/).includes('..') ? full : null;
}
