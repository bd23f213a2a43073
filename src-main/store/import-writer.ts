/**
 * Writes parsed import files in one transaction (all files or none), and summarises a parsed file
 * against what is stored. Used on the main connection, and by the bulk-import worker on its own.
 */
import type { Database } from 'better-sqlite3';
import type { ImportFileSummary, ImportOutcome } from '../../shared/api/imports.js';
import { overview } from '../core/ingest/summary.js';
import type { ParsedFile } from '../core/ingest/types.js';
import { countExistingPrices, countExistingWide, createBatch, deleteBatch, insertPrices, insertWidePrices, setBatchRows } from './import-repo.js';
import { countExistingPositions, insertPositions } from './positions-repo.js';
import { templatesForHeader } from './templates-repo.js';
import { writeTransaction } from './write-transaction.js';
import { countExistingTransactions, insertTransactions } from './transactions-repo.js';

export type WriteProgress = (done: number, total: number, message?: string) => void;

/** The preview's view of one parsed file: counts, range, sample, rows already stored, matching templates. */
export function summariseFile(db: Database, f: ParsedFile): ImportFileSummary {
  const o = overview(f);
  const alreadyStored =
    f.errors.length > 0
      ? 0
      : countExistingPrices(db, f.prices) + (f.wide ? countExistingWide(db, f.wide) : 0) + countExistingTransactions(db, f.transactions) + countExistingPositions(db, f.positions);
  return {
    file: f.file,
    format: f.format,
    kind: f.kind,
    rows: o.rows,
    tickers: o.tickers,
    firstDate: o.firstDate,
    lastDate: o.lastDate,
    skipped: f.skipped,
    warnings: f.warnings,
    encoding: f.encoding,
    delimiter: f.delimiter,
    header: f.header,
    counts: o.counts,
    alreadyStored,
    sample: o.sample,
    templates: f.header.length > 0 ? templatesForHeader(db, f.header).map((t) => t.name) : [],
    tickerSource: f.tickerSource,
    accounts: [...new Set([...f.transactions.map((t) => t.account), ...f.positions.map((p) => p.account)])].sort(),
  };
}

/** Thrown from inside the write to roll the whole transaction back. */
export class WriteCancelled extends Error {
  constructor() {
    super('the import was cancelled; nothing was written');
    this.name = 'WriteCancelled';
  }
}

/**
 * Writes error-free parsed files (sha256 per file) in one transaction; a file with nothing new leaves
 * no batch. `isCancelled` is polled every 10,000 rows; cancelling rolls everything back.
 */
export function writeParsedFiles(db: Database, parsed: readonly ParsedFile[], sha256: readonly string[], progress?: WriteProgress, isCancelled?: () => boolean): ImportOutcome {
  const summaries = parsed.map((f) => summariseFile(db, f));
  const inserted = { prices: 0, transactions: 0, positions: 0 };
  const batchIds: number[] = [];
  const sizes = parsed.map((f) => overview(f, 0).rows);
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  writeTransaction(db, () => {
    parsed.forEach((f, i) => {
      const batchId = createBatch(db, { fileName: f.file, sha256: sha256[i]!, format: f.format, kind: f.kind, details: { encoding: f.encoding, delimiter: f.delimiter, skipped: f.skipped.length, warnings: f.warnings } });
      const onRows = (done: number): void => {
        if (isCancelled?.()) throw new WriteCancelled();
        progress?.(before + done, total, `writing ${f.file}`);
      };
      const prices = insertPrices(db, f.prices, batchId, onRows) + (f.wide ? insertWidePrices(db, f.wide, batchId, onRows) : 0);
      const transactions = insertTransactions(db, f.transactions, f.file, batchId);
      const positions = insertPositions(db, f.positions, f.file, batchId);
      before += sizes[i]!;
      const rows = prices + transactions + positions;
      if (rows === 0) {
        // Nothing new: a re-import leaves no empty batch behind.
        deleteBatch(db, batchId);
        summaries[i]!.warnings.push('every row of this file is already stored: nothing new to import');
      } else {
        setBatchRows(db, batchId, rows);
        batchIds.push(batchId);
      }
      inserted.prices += prices;
      inserted.transactions += transactions;
      inserted.positions += positions;
    });
    // A small import never reaches the every-10,000-rows poll: one last look before the commit.
    if (isCancelled?.()) throw new WriteCancelled();
  });
  progress?.(total, total, 'done');
  return { files: summaries, inserted, batchIds, errors: [] };
}
