/** One file's bytes → everything it holds, with the format detected from its content. Pure. */
import { brokerFormats } from './formats/broker-formats.js';
import type { FormatDefinition, FormatOutput } from './formats/format.js';
import { parseMapped } from './formats/mapped.js';
import { priceFormats } from './formats/price-formats.js';
import { cryptoFormats } from './formats/crypto.js';
import { readSource, type SourceTable } from './source.js';
import { isBlank } from './table.js';
import type { IngestOptions, ParsedFile } from './types.js';

export const formats: readonly FormatDefinition[] = [...brokerFormats, ...priceFormats, ...cryptoFormats];

export function formatById(id: string): FormatDefinition | undefined {
  return formats.find((f) => f.id === id);
}

/** The best-scoring format for a table, or null when none recognises it. */
export function detectFormat(table: SourceTable): FormatDefinition | null {
  let best: FormatDefinition | null = null;
  let score = 0;
  for (const f of formats) {
    const s = f.detect(table);
    if (s > score) {
      best = f;
      score = s;
    }
  }
  return best;
}

/** First non-blank row's cells (the header a user maps when no format matched). */
export function firstHeader(table: SourceTable): string[] {
  const row = table.rows.find((r) => !isBlank(r));
  return (row?.cells ?? []).map((c) => c.trim());
}

/** Parses one file: decode, split, detect (or use options.format / options.mapping), parse. */
export function parseImportFile(bytes: Uint8Array, fileName: string, options: IngestOptions = {}): ParsedFile {
  const source = readSource(bytes);
  const base: ParsedFile = {
    file: fileName,
    format: 'unknown',
    kind: 'prices',
    encoding: '',
    delimiter: '',
    prices: [],
    wide: null,
    transactions: [],
    positions: [],
    skipped: [],
    warnings: [],
    errors: [],
    header: [],
  };
  if (!source.ok) return { ...base, errors: [source.error] };
  const table = source.table;
  base.encoding = table.encoding;
  base.delimiter = table.delimiter;
  let out: FormatOutput;
  if (options.mapping) {
    base.format = 'mapped';
    base.kind = options.mapping.kind;
    out = parseMapped(table, { file: fileName, options }, options.mapping);
  } else {
    const format = options.format ? formatById(options.format) : detectFormat(table);
    if (!format) {
      const message = options.format
        ? `unknown format "${options.format}" (known: ${formats.map((f) => f.id).join(', ')})`
        : 'this layout is not a format Frontier knows: map its columns (date, ticker, fields) in the import wizard';
      const headerRow = table.rows.find((r) => !isBlank(r));
      return { ...base, header: firstHeader(table), errors: [{ line: headerRow?.line ?? 1, message }] };
    }
    base.format = format.id;
    base.kind = format.kind;
    out = format.parse(table, { file: fileName, options });
  }
  return {
    ...base,
    prices: out.prices ?? [],
    wide: out.wide ?? null,
    transactions: out.transactions ?? [],
    positions: out.positions ?? [],
    skipped: out.skipped,
    warnings: out.warnings,
    errors: out.errors.sort((a, b) => a.line - b.line),
    header: out.header,
  };
}
