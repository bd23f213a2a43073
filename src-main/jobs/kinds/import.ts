/** Parsing a large import file off the main thread; the main process writes the result (one writer). */
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

export const importJobs = { 'import-parse': importParse };
