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
  /**
   * Starts the engine ahead of the first print (e.g. launches the browser) so the first export does not
   * wait for it; resolves when ready, never rejects (the print reports its own errors). No-op when closed.
   */
  warm?(): Promise<void>;
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

const MM_PER_INCH = 25.4;

/**
 * The page setup of a report print, decided once for both printers: paper, margins, scale, background
 * colours and the header/footer templates. The two functions below only spell it in each API's terms.
 */
export function pdfPageSetup(opts: PrintOptions) {
  return {
    paper: opts.paper === 'a4' ? ('A4' as const) : ('Letter' as const),
    printBackground: true,
    scale: opts.scale ?? 1,
    displayHeaderFooter: opts.footerTemplate !== undefined || opts.headerTemplate !== undefined,
    // An empty header must be explicit or Chromium prints its default date/title line.
    headerTemplate: opts.headerTemplate ?? '<span></span>',
    footerTemplate: opts.footerTemplate ?? '<span></span>',
    marginsMm: { ...PAGE_MARGINS_MM },
  };
}

/** The setup as playwright-core's page.pdf() options (margins as CSS lengths). */
export function playwrightPdfOptions(opts: PrintOptions) {
  const s = pdfPageSetup(opts);
  const mm = (v: number) => `${v}mm`;
  return {
    format: s.paper,
    printBackground: s.printBackground,
    // The paper comes from the dialog, not from any @page rule in the document.
    preferCSSPageSize: false,
    scale: s.scale,
    displayHeaderFooter: s.displayHeaderFooter,
    headerTemplate: s.headerTemplate,
    footerTemplate: s.footerTemplate,
    margin: { top: mm(s.marginsMm.top), right: mm(s.marginsMm.right), bottom: mm(s.marginsMm.bottom), left: mm(s.marginsMm.left) },
  };
}

/** The setup as Electron's webContents.printToPDF() options (margins in inches). */
export function electronPdfOptions(opts: PrintOptions) {
  const s = pdfPageSetup(opts);
  const inches = (v: number) => v / MM_PER_INCH;
  return {
    pageSize: s.paper,
    printBackground: s.printBackground,
    preferCSSPageSize: false,
    scale: s.scale,
    displayHeaderFooter: s.displayHeaderFooter,
    headerTemplate: s.headerTemplate,
    footerTemplate: s.footerTemplate,
    margins: { top: inches(s.marginsMm.top), right: inches(s.marginsMm.right), bottom: inches(s.marginsMm.bottom), left: inches(s.marginsMm.left) },
  };
}
