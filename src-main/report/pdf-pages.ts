/** Reads the page count of a PDF produced by Chromium (Skia), without a PDF library. */

/**
 * Number of pages: the largest /Count of a /Type /Pages node (the root holds the total), else the
 * number of /Type /Page objects. Skia writes uncompressed object dictionaries, so both are visible.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let best = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    best = Math.max(best, Number(m[1] ?? m[2]));
  }
  if (best > 0) return best;
  return [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}
