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

function parseRows(text: string, delimiter: string, toLine?: number): TableRow[] {
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
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

/** Score of a delimiter on the first lines: rows that split into the most common (>1) column count. */
function score(text: string, delimiter: string): number {
  let rows: TableRow[];
  try {
    rows = parseRows(text, delimiter, 40);
  } catch {
    return -1;
  }
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  }
  let best = 0;
  for (const [width, n] of counts) best = Math.max(best, n * 1000 + width);
  return best;
}

/** Picks the delimiter that splits the first lines most consistently (`,` wins ties). */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 20_000);
  let best = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    if (!head.includes(d)) continue;
    const s = score(head.slice(0, head.lastIndexOf('\n') > 0 ? head.lastIndexOf('\n') : head.length), d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return best;
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
