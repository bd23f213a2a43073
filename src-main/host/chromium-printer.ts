/**
 * PdfPrinter for web mode and the CLI: a headless system Chromium driven by playwright-core.
 * One browser is launched on first use or by warm() and reused across reports (launch ≈ 0.5 s);
 * each report gets a fresh context with JavaScript off and the network closed, because the
 * document is self-contained and may carry user-supplied text. Opening that context's page starts a
 * renderer process (≈ 1 s of CPU), so warm() opens the next one ahead of time: still unused and
 * used for one report only.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { FrontierError } from '../../shared/api.js';
import { playwrightPdfOptions, type PdfPrinter, type PrintOptions } from '../report/printer.js';

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

/** A context and its page for printing one report. */
interface Sheet {
  context: BrowserContext;
  page: Page;
}

async function openSheet(b: Browser): Promise<Sheet> {
  const context = await b.newContext({ javaScriptEnabled: false, offline: true });
  try {
    // Nothing outside the document may load (data: URLs are not routed, so the logo still shows).
    await context.route('**/*', (route) => route.abort());
    return { context, page: await context.newPage() };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let spare: Promise<Sheet> | null = null;
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
        if (browser !== launching) return;
        browser = null; // a crashed browser is relaunched on the next print
        spare = null;
      }),
      () => {
        if (browser === launching) browser = null;
      },
    );
    return launching;
  }

  /** The sheet opened ahead by warm() if it is still usable, else a new one. */
  async function takeSheet(): Promise<Sheet> {
    const ready = spare;
    spare = null;
    const sheet = ready ? await ready.catch(() => null) : null;
    if (sheet && !sheet.page.isClosed()) return sheet;
    return openSheet(await getBrowser());
  }

  return {
    async printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
      if (closed) throw new Error('chromium printer is closed');
      const { context, page } = await takeSheet();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf(playwrightPdfOptions(opts));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async warm(): Promise<void> {
      if (closed) return;
      if (!spare) {
        const opening = getBrowser().then(openSheet);
        opening.catch(() => undefined); // a failed start shows up when a print asks for a sheet
        spare = opening;
      }
      await spare.then(
        () => undefined,
        () => undefined,
      );
    },
    async close(): Promise<void> {
      closed = true;
      const pending = browser;
      browser = null;
      spare = null; // its context closes with the browser
      if (pending) await pending.then((b) => b.close()).catch(() => undefined);
    },
  };
}
