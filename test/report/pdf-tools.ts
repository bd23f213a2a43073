/** Reads PDFs with poppler-utils (pdfinfo, pdffonts, pdftotext), as a user's PDF viewer would see them. */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../../src-main/host/chromium-printer.js';

function has(cmd: string): boolean {
  return ['/usr/bin', '/usr/local/bin', '/bin'].some((dir) => existsSync(join(dir, cmd)));
}

/** Why PDF tests cannot run here, or null when Chromium and poppler are present. */
export const pdfToolsMissing: string | null = !findChromium()
  ? 'no Chromium (install chromium or set CHROMIUM_PATH)'
  : !['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages'].every(has)
    ? 'poppler-utils (pdftotext, pdfinfo, pdffonts, pdfimages) not installed'
    : null;
if (pdfToolsMissing) console.warn(`[report] PDF tests skipped: ${pdfToolsMissing}`);

export function savePdf(dir: string, name: string, pdf: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return path;
}

export interface PdfInfo {
  pages: number;
  /** Page size in points. */
  width: number;
  height: number;
  title: string;
}

export function pdfInfo(path: string): PdfInfo {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return { pages: Number(field('Pages')), width: Number(size?.[1]), height: Number(size?.[2]), title: field('Title') };
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  // Columns: name type(may contain spaces) encoding emb sub uni object ID; emb is the 5th-from-last token.
  return lines.map((l) => {
    const tokens = l.trim().split(/\s+/);
    return { name: tokens[0]!, embedded: tokens[tokens.length - 5] === 'yes' };
  });
}

/** Text of one page (1-based) or all pages, in reading layout. */
export function pdfText(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' });
}

export interface Word {
  text: string;
  x: number;
  /** Top of the word in points from the top of the page. */
  y: number;
}

/** Words with positions, per page (index 0 = page 1). */
export function wordsByPage(path: string): Word[][] {
  const xml = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
        text: decode(m[3]!),
        x: Number(m[1]),
        y: Number(m[2]),
      })),
    );
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}
