/**
 * The one seam between report HTML and a PDF engine. Two implementations print through Chromium:
 * `host/chromium-printer.ts` (playwright-core, web mode and CLI) and `electron/electron-printer.ts`
 * (the app's own webContents.printToPDF). Services only ever see this interface.
 */

export type PaperSize = 'a4' | 'letter';

export interface PrintOptions {
  paper: PaperSize;
  /** Chromium header/footer template HTML (classes pageNumber, totalPages, title, date are filled in). */
  footerTemplate?: string;
  headerTemplate?: string;
  /** Rendering scale, 0.1–2 (default 1); used to fit the one-page report. */
  scale?: number;
}

export interface PdfPrinter {
  /** Prints a self-contained HTML document (no external resources) to PDF bytes. */
  printPdf(html: string, opts: PrintOptions): Promise<Uint8Array>;
  /** Releases the browser/window; the printer may not be used afterwards. */
  close(): Promise<void>;
}

/** Page margins shared by both printers, in millimetres; the bottom one leaves room for the footer. */
export const PAGE_MARGINS_MM = { top: 14, right: 14, bottom: 16, left: 14 } as const;

/** Paper sizes in millimetres (portrait), used by both printers and the layout. */
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};
