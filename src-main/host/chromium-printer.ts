/**
 * PdfPrinter for web mode and the CLI: a headless system Chromium driven by playwright-core.
 * One browser is launched lazily and reused across reports (launch ≈ 0.5 s, a print ≈ 0.3 s);
 * each report gets a fresh context with JavaScript off and the network closed, because the
 * document is self-contained and may carry user-supplied text.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { FrontierError } from '../../shared/api.js';
import { PAGE_MARGINS_MM, type PdfPrinter, type PrintOptions } from '../report/printer.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

/** Where Chromium lives: $CHROMIUM_PATH, the Debian package, then Playwright's own download; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return null;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // playwright-core throws when it has no browser registry entry
  }
}

export interface ChromiumPrinterOptions {
  executablePath?: string;
}

export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let closed = false;

  function getBrowser(): Promise<Browser> {
    if (browser) return browser;
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath) {
      return Promise.reject(
        new FrontierError(
          'user-error',
          'no Chromium found for PDF export: install it (apt-get install chromium) or set CHROMIUM_PATH',
        ),
      );
    }
    const launching = chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    browser = launching;
    launching.then(
      (b) => b.on('disconnected', () => {
        if (browser === launching) browser = null; // a crashed browser is relaunched on the next print
      }),
      () => {
        if (browser === launching) browser = null;
      },
    );
    return launching;
  }

  return {
    async printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
      if (closed) throw new Error('chromium printer is closed');
      const b = await getBrowser();
      const context = await b.newContext({ javaScriptEnabled: false, offline: true });
      try {
        // Nothing outside the document may load (data: URLs are not routed, so the logo still shows).
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const withTemplates = opts.footerTemplate !== undefined || opts.headerTemplate !== undefined;
        const pdf = await page.pdf({
          format: opts.paper === 'a4' ? 'A4' : 'Letter',
          printBackground: true,
          preferCSSPageSize: false,
          scale: opts.scale ?? 1,
          displayHeaderFooter: withTemplates,
          // An empty header must be explicit or Chromium prints its default date/title line.
          headerTemplate: opts.headerTemplate ?? '<span></span>',
          footerTemplate: opts.footerTemplate ?? '<span></span>',
          margin: {
            top: `${PAGE_MARGINS_MM.top}mm`,
            right: `${PAGE_MARGINS_MM.right}mm`,
            bottom: `${PAGE_MARGINS_MM.bottom}mm`,
            left: `${PAGE_MARGINS_MM.left}mm`,
          },
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close(): Promise<void> {
      closed = true;
      const pending = browser;
      browser = null;
      if (pending) await pending.then((b) => b.close()).catch(() => undefined);
    },
  };
}
