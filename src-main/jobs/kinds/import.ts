/**
 * Import jobs. `import-parse`: parse one file off the main thread (the main connection writes).
 * `import-bulk`: parse and write large files in the worker on its own connection, so a million-row
 * write (measured: seconds) never stalls the main event loop; all files in one transaction.
 */
import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../../shared/api/imports.js';
import { parseImportFile } from '../../core/ingest/parse-file.js';
import type { IngestOptions, ParsedFile } from '../../core/ingest/types.js';
import { JobCancelled, type JobFunction } from '../job-context.js';

export interface ImportParseInput {
  file: string;
  bytes: Uint8Array;
  options: IngestOptions;
}

const importParse: JobFunction<ImportParseInput, ParsedFile> = (input, ctx) => {
  ctx.progress(0, 2, `reading ${input.file}`);
  const parsed = parseImportFile(input.bytes, input.file, input.options);
  if (ctx.isCancelled()) throw new JobCancelled();
  ctx.progress(1, 2, `parsed ${input.file}`);
  return parsed;
};

export interface ImportBulkInput {
  dbPath: string;
  nativeBinding?: string;
  files: { name: string; bytes: Uint8Array }[];
  options: IngestOptions;
}

/** Parsed files with errors come back unwritten (`errors` filled); else the write's outcome. */
const importBulk: JobFunction<ImportBulkInput, ImportOutcome> = async (input, ctx) => {
  const parsed: ParsedFile[] = [];
  for (const [i, f] of input.files.entries()) {
    ctx.progress(i, input.files.length, `reading ${f.name}`);
    parsed.push(parseImportFile(f.bytes, f.name, input.options));
    if (ctx.isCancelled()) throw new JobCancelled();
  }
  const errors = parsed.flatMap((f) => f.errors.map((e) => ({ file: f.file, ...e })));
  if (errors.length > 0) return { files: [], inserted: { prices: 0, transactions: 0, positions: 0 }, batchIds: [], errors };
  const sha256 = input.files.map((f) => createHash('sha256').update(f.bytes).digest('hex'));
  // Loaded here, not at module level: only this job needs SQLite inside a worker.
  const { openDatabase } = await import('../../store/database.js');
  const { writeParsedFiles, WriteCancelled } = await import('../../store/import-writer.js');
  const { db } = openDatabase(input.dbPath, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
  try {
    return writeParsedFiles(db, parsed, sha256, (done, total, message) => ctx.progress(done, total, message), () => ctx.isCancelled());
  } catch (error) {
    if (error instanceof WriteCancelled) throw new JobCancelled();
    throw error;
  } finally {
    db.close();
  }
};

export const importJobs = { 'import-parse': importParse, 'import-bulk': importBulk };
