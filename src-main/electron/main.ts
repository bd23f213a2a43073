/**
 * The desktop app: one secure window over app://frontier (the built renderer), the API over IPC to the
 * same handlers as web mode and the CLI, native Save dialogs, and a small application menu.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { APP_MENU, type MenuEntry } from '../../shared/menu.js';
import { appRoot, rendererDir } from '../app-paths.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../host/security.js';
import { createRuntime, type Runtime } from '../services/runtime.js';
import { warmReportExport } from '../services/report-service.js';
import { createElectronPrinter } from './electron-printer.js';
import { startupErrorDialog } from './startup-message.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  appNavigationAllowed,
  createExternalLinkPolicy,
  denyAllPermissions,
  externalConfirmDialog,
  focusExistingWindow,
  isAppUrl,
  resolveAppPath,
  secureWebPreferences,
} from './window-policy.js';

const here = dirname(fileURLToPath(import.meta.url));
let runtime: Runtime | null = null;
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function dbPathFromArgs(): string {
  const flag = process.argv.indexOf('--db');
  if (flag > 0 && process.argv[flag + 1]) return process.argv[flag + 1]!;
  return process.env.FRONTIER_DB ?? join(app.getPath('userData'), 'frontier.db');
}

/** `npm start` builds better-sqlite3 for Electron's ABI into .electron-native/ (Node keeps its own). */
function electronNativeBinding(): string | undefined {
  const candidate = join(appRoot(), '.electron-native', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function serveApp(): void {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(root, request.url, join, normalize, sep);
    if (!file || !existsSync(file)) return new Response('not found', { status: 404 });
    const response = await net.fetch(`file://${file}`);
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
    if (extname(file) === '.html') headers.set('Content-Type', 'text/html; charset=utf-8');
    return new Response(response.body, { status: response.status, headers });
  });
}

const externalLinks = createExternalLinkPolicy();

/** Opens an allow-listed https link in the system browser once the user has confirmed its site. */
async function openExternalConfirmed(url: string): Promise<void> {
  const decision = externalLinks.decide(url);
  if (decision.action === 'deny') return;
  if (decision.action === 'confirm') {
    const answer = mainWindow ? await dialog.showMessageBox(mainWindow, externalConfirmDialog(url)) : await dialog.showMessageBox(externalConfirmDialog(url));
    if (answer.response !== 0) return;
    externalLinks.confirm(decision.origin);
  }
  await shell.openExternal(url);
}

function lockDown(): void {
  denyAllPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalConfirmed(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!appNavigationAllowed(url)) event.preventDefault();
    });
    // Subframes too (an iframe a page might gain): will-navigate only covers the main frame.
    contents.on('will-frame-navigate', (event) => {
      if (!appNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!appNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function registerIpc(rt: Runtime): void {
  ipcMain.handle('frontier:call', (event, method: unknown, request: unknown) => {
    // Only our own page may call the API, whatever else might get loaded.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'caller is not the Frontier window' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid-request', message: 'method must be a string' } };
    return rt.call(method, request);
  });
  ipcMain.handle('frontier:save-file', async (event, name: unknown, bytes: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { saved: false };
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array)) return { saved: false };
    const safeName = name.replace(/[/\\:*?"<>|]/g, '_').slice(0, 200);
    const target = await dialog.showSaveDialog(mainWindow ?? BrowserWindow.getFocusedWindow()!, {
      defaultPath: join(app.getPath('documents'), safeName),
      filters: safeName.endsWith('.pdf') ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'JSON', extensions: ['json'] }],
    });
    if (target.canceled || !target.filePath) return { saved: false };
    writeFileSync(target.filePath, bytes);
    return { saved: true, path: target.filePath };
  });
  rt.listen((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('frontier:event', event, payload);
  });
}

/** The native menu from shared/menu.ts; a chosen item reaches the renderer as a 'menu-command' event. */
function buildMenu(): void {
  const send = (command: string) => () => mainWindow?.webContents.send('frontier:event', 'menu-command', { command });
  const item = (entry: MenuEntry): MenuItemConstructorOptions => {
    if ('separator' in entry) return { type: 'separator' };
    if ('role' in entry) return { role: entry.role };
    return {
      label: entry.label,
      click: send(entry.command),
      ...(entry.accelerator ? { accelerator: entry.accelerator, registerAccelerator: !entry.pageHandlesKey } : {}),
    };
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      ...APP_MENU.map((section) => (section.label === 'Help' ? { role: 'help' as const, submenu: section.items.map(item) } : { label: section.label, submenu: section.items.map(item) })),
      { role: 'windowMenu' },
    ]),
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Frontier',
    show: false,
    backgroundColor: '#101418',
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow.on('closed', () => (mainWindow = null));
}

app.enableSandbox();
// One Frontier per user: a second launch hands over to the first (which comes to the front) and quits,
// so two app windows never autosave over each other.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  focusExistingWindow(mainWindow);
});
app.whenReady().then(() => {
  lockDown();
  serveApp();
  const binding = electronNativeBinding();
  runtime = createRuntime({
    dbPath: dbPathFromArgs(),
    mode: 'electron',
    makePrinter: async () => createElectronPrinter(),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  registerIpc(runtime);
  buildMenu();
  createWindow();
  // After the first paint, so warming the report path (worker, ECharts) never delays the window.
  const started = runtime;
  mainWindow?.once('ready-to-show', () => void warmReportExport(started.ctx));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}).catch((error: unknown) => {
  // A database that cannot be used (read-only, full disk, damaged, newer) gets its one-line message.
  const { title, message } = startupErrorDialog(error);
  dialog.showErrorBox(title, message);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void runtime?.close();
});
