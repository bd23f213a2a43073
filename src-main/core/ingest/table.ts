/** Text → rows of cells with 1-based line numbers, using csv-parse; the delimiter is sniffed. */
import { parse } from 'csv-parse/sync';

export interface TableRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export interface Table {
  delimiter: string;
  rows: TableRow[];
}

const CANDIDATES = [',', ';', '\t', '|'];

/** Normalises CRLF and bare CR so line numbers count as an editor does. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function parseRows(text: string, delimiter: string, toLine?: number, strictQuotes = false): TableRow[] {
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: !strictQuotes,
    skip_empty_lines: false,
    record_delimiter: '\n',
    ...(toLine === undefined ? {} : { to_line: toLine }),
    // With `info: true` csv-parse returns {record, info} objects; its typings do not follow the option.
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const rows: TableRow[] = new Array(records.length);
  let next = 1;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    rows[i] = { line: next, cells: r.record };
    next = r.info.lines + 1;
  }
  return rows;
}

/**
 * How well a delimiter splits the first lines, compared lexicographically: quoting that stays valid
 * under it (a `;` inside `"20250103;041300"` must not count), then rows at the most common (>1) column
 * count, then rows split at all, then that count. Null when the quoting breaks under this delimiter.
 */
function score(text: string, delimiter: string, strictQuotes: boolean): number[] | null {
  let rows: TableRow[];
  try {
    rows = parseRows(text, delimiter, 40, strictQuotes);
  } catch {
    return null;
  }
  const counts = new Map<number, number>();
  let split = 0;
  for (const r of rows) {
    if (r.cells.length <= 1) continue;
    split++;
    counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  }
  let modal = 0;
  let width = 0;
  for (const [w, n] of counts) if (n > modal || (n === modal && w > width)) [modal, width] = [n, w];
  return [modal, split, width];
}

const better = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/**
 * Picks the delimiter that splits the first lines most consistently with their quoting respected
 * (`,` wins ties). Only when no candidate keeps the quoting valid (a stray quote) are quotes relaxed.
 */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 20_000);
  const sample = head.slice(0, head.lastIndexOf('\n') > 0 ? head.lastIndexOf('\n') : head.length);
  const candidates = CANDIDATES.filter((d) => head.includes(d));
  for (const strict of [true, false]) {
    let best: string | null = null;
    let bestScore: number[] | null = null;
    for (const d of candidates) {
      const s = score(sample, d, strict);
      if (s && (bestScore === null || better(s, bestScore))) {
        best = d;
        bestScore = s;
      }
    }
    if (best !== null) return best;
  }
  return ',';
}

/** Parses CSV text into rows (cells as strings, untrimmed); throws only on malformed quoting. */
export function readTable(text: string, delimiter?: string): Table {
  const normalised = normaliseNewlines(text);
  const d = delimiter ?? sniffDelimiter(normalised);
  return { delimiter: d, rows: parseRows(normalised, d) };
}

export function isBlank(row: TableRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

/** The cells of row `i`, trimmed: a header row as the formats read it. */
export function headerCells(table: Table, i: number): string[] {
  return table.rows[i]!.cells.map((c) => c.trim());
}

/** Header cells normalised for matching: trimmed, lower-case, inner spaces collapsed. */
export function normHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
