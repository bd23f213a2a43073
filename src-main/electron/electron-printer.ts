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

const PARTITION = 'frontier-report-printer';

export function createElectronPrinter(): PdfPrinter {
  let closed = false;
  const ses = session.fromPartition(PARTITION);
  // The report is self-contained: only its own file (and data: images) may load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('file:') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
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
      try {
        await writeFile(file, html, 'utf8');
        await win.loadURL(pathToFileURL(file).href);
        const pdf = await win.webContents.printToPDF(electronPdfOptions(opts));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        win.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close(): Promise<void> {
      closed = true;
    },
  };
}
