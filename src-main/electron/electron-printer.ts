/**
 * PdfPrinter for the desktop app: a hidden, sandboxed BrowserWindow loads the report from a temp file
 * and prints it with webContents.printToPDF (the same Chromium print path as the CLI's printer).
 * It cannot run on machines without the Electron binary, so it stays small: its page options come from
 * electronPdfOptions (report/printer.ts), built from the same page setup as the Chromium printer's and
 * unit-tested there; the report itself is tested through the Chromium printer.
 */
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronPdfOptions, type PdfPrinter, type PrintOptions } from '../report/printer.js';
import { denyAllPermissions, printRequestAllowed } from './window-policy.js';

const PARTITION = 'frontier-report-printer';

export function createElectronPrinter(): PdfPrinter {
  let closed = false;
  const ses = session.fromPartition(PARTITION);
  denyAllPermissions(ses);
  // The report is self-contained: only the one file being printed (and data: images) may load.
  const printing = new Set<string>();
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !printRequestAllowed(details.url, printing) });
  });

  return {
    async printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
      if (closed) throw new Error('electron printer is closed');
      // A temp file instead of a data: URL, which Chromium caps in size (100-asset reports are large).
      const dir = await mkdtemp(join(tmpdir(), 'frontier-report-'));
      const file = join(dir, 'report.html');
      const win = new BrowserWindow({
        show: false,
        webPreferences: { partition: PARTITION, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      const url = pathToFileURL(file).href;
      // A report is printed where it was loaded: no navigation (of any frame) and no redirect.
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.on('will-frame-navigate', (event) => event.preventDefault());
      win.webContents.on('will-redirect', (event) => event.preventDefault());
      try {
        await writeFile(file, html, 'utf8');
        printing.add(url);
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF(electronPdfOptions(opts));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        printing.delete(url);
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
