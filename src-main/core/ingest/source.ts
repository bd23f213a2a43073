/** Bytes → decoded table, the common first step of every parser; problems come back as IngestIssues. */
import { decodeCsvBytes, type DecodedText } from './decode.js';
import { readTable, type Table } from './table.js';
import type { IngestIssue } from './types.js';

export interface SourceTable extends Table {
  encoding: DecodedText['encoding'];
}

export type SourceResult = { ok: true; table: SourceTable } | { ok: false; error: IngestIssue };

/** Decodes and splits a CSV file; a file that cannot be read as a table yields one issue at its line. */
export function readSource(bytes: Uint8Array): SourceResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, error: { line: 1, message: decoded.error.message } };
  try {
    const table = readTable(decoded.value.text);
    return { ok: true, table: { ...table, encoding: decoded.value.encoding } };
  } catch (error) {
    // csv-parse reports malformed quoting with the line it reached.
    const e = error as { message?: string; lines?: number };
    return { ok: false, error: { line: typeof e.lines === 'number' ? e.lines : 1, message: `malformed CSV: ${e.message ?? String(error)}` } };
  }
}

/** Caps a list of issues so one broken column cannot produce a million messages. */
export class IssueList {
  readonly items: IngestIssue[] = [];
  dropped = 0;
  constructor(private readonly limit = 200) {}
  add(issue: IngestIssue): void {
    if (this.items.length < this.limit) this.items.push(issue);
    else this.dropped++;
  }
  get count(): number {
    return this.items.length + this.dropped;
  }
}
