/** Bytes → text: BOMs, UTF-16 without BOM, UTF-8 or Windows-1252; binary and spreadsheet files refused. */
import iconv from 'iconv-lite';
import { fail, ok, type CoreResult } from '../result.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of NUL bytes at even/odd offsets in the first 4 KiB: UTF-16 text without BOM has many. */
function nulPattern(bytes: Uint8Array): { even: number; odd: number; any: number } {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  return { even: even / Math.max(1, n / 2), odd: odd / Math.max(1, n / 2), any: even + odd };
}

/** Decodes a CSV file's bytes; refuses empty, binary and spreadsheet files with a message a user understands. */
export function decodeCsvBytes(bytes: Uint8Array): CoreResult<DecodedText> {
  if (bytes.length === 0) return fail('empty-file', 'the file is empty');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail('not-csv', 'this is a ZIP or Excel workbook (.xlsx), not a CSV file: save it as CSV first');
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return fail('not-csv', 'this is an old Excel workbook (.xls), not a CSV file: save it as CSV first');
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return fail('not-csv', 'this is a PDF, not a CSV file');
  let text: string;
  let encoding: DecodedText['encoding'];
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = iconv.decode(bytes.subarray(2), 'utf-16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = iconv.decode(bytes.subarray(2), 'utf-16be');
  } else {
    const nul = nulPattern(bytes);
    if (nul.odd > 0.3 && nul.even < 0.05) {
      encoding = 'utf-16le';
      text = iconv.decode(bytes, 'utf-16le');
    } else if (nul.even > 0.3 && nul.odd < 0.05) {
      encoding = 'utf-16be';
      text = iconv.decode(bytes, 'utf-16be');
    } else if (nul.any > 0) {
      return fail('not-csv', 'this file is binary (it contains NUL bytes), not a CSV file');
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        encoding = 'utf-8';
      } catch {
        // Not valid UTF-8: Excel's "CSV" on Western Windows writes Windows-1252.
        text = iconv.decode(bytes, 'windows-1252');
        encoding = 'windows-1252';
      }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim().length === 0) return fail('empty-file', 'the file has no content (only blank lines)');
  // Control characters other than tab/CR/LF mean this is not text we should guess at.
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > 0) return fail('not-csv', 'this file is binary (it contains control characters), not a CSV file');
  return ok({ text, encoding });
}
