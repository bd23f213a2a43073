/**
 * Imports: preview (parse, detect, count what is new) and commit (all files in one transaction; any
 * hard error in any file writes nothing), batch history and undo, and the read side of broker data.
 */
import { createHash } from 'node:crypto';
import { FrontierError } from '../../shared/api.js';
import { formatIssue, type ImportFile, type ImportIssue, type ImportOutcome } from '../../shared/api/imports.js';
import { parseImportFile } from '../core/ingest/parse-file.js';
import type { IngestOptions, ParsedFile } from '../core/ingest/types.js';
import type { ImportBulkInput } from '../jobs/kinds/import.js';
import { getBatch, listBatches, undoBatchRows } from '../store/import-repo.js';
import { summariseFile, writeParsedFiles } from '../store/import-writer.js';
import { listCash, listHoldings, reconcileHoldings } from '../store/holdings-repo.js';
import { listPositions, pagePositions } from '../store/positions-repo.js';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../store/templates-repo.js';
import { listBrokerAccounts, listTransactions, pageTransactions } from '../store/transactions-repo.js';
import { writeTransaction } from '../store/write-transaction.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';

/** Files above this size are parsed in a worker so the main event loop stays free. */
const WORKER_THRESHOLD_BYTES = 1_000_000;
/**
 * Commits of this many bytes are parsed and written in a worker. Measured (bench/import.ts, 1M rows,
 * 8 MB): the write alone held the main thread 3.6 s on a loaded 2-core machine.
 */
export const BULK_THRESHOLD_BYTES = Number(process.env.FRONTIER_BULK_IMPORT_BYTES ?? 4_000_000);

export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

type Progress = ((done: number, total: number, message?: string) => void) | undefined;

/** Resolves a named template into options.mapping. */
function resolveOptions(ctx: HandlerContext, options: IngestOptions & { template?: string }): IngestOptions {
  const { template, ...rest } = options;
  if (!template) return rest;
  const t = getTemplate(ctx.db, template);
  if (!t) throw new FrontierError('not-found', `no import template named "${template}"`);
  return { ...rest, mapping: t.mapping };
}

async function parseAll(ctx: HandlerContext, sources: readonly ImportSource[], options: IngestOptions, jobId: string | undefined, progress: Progress): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  for (const [i, s] of sources.entries()) {
    progress?.(i, sources.length, `reading ${s.name}`);
    if (s.bytes.byteLength > WORKER_THRESHOLD_BYTES) {
      out.push(await ctx.jobs.run('import-parse', { file: s.name, bytes: s.bytes, options }, { ...(jobId ? { jobId } : {}) }));
    } else {
      out.push(parseImportFile(s.bytes, s.name, options));
    }
  }
  return out;
}

function issuesOf(files: readonly ParsedFile[]): ImportIssue[] {
  return files.flatMap((f) => f.errors.map((e) => ({ file: f.file, ...e })));
}

/** `FILE:LINE: column: message`, the one-line form errors take on stderr and in exceptions. */
export { formatIssue };

/** Parses and summarises without writing. */
export async function previewImport(ctx: HandlerContext, sources: readonly ImportSource[], options: IngestOptions & { template?: string }, jobId?: string): Promise<ImportOutcome> {
  const parsed = await parseAll(ctx, sources, resolveOptions(ctx, options), jobId, progressEmitter(ctx, jobId));
  return { files: parsed.map((f) => summariseFile(ctx.db, f)), inserted: { prices: 0, transactions: 0, positions: 0 }, batchIds: [], errors: issuesOf(parsed) };
}

/** Writes already-parsed files in one transaction; throws (writing nothing) when any file has errors. */
export function commitParsed(ctx: HandlerContext, parsed: readonly ParsedFile[], sources: readonly ImportSource[], progress?: Progress): ImportOutcome {
  const errors = issuesOf(parsed);
  if (errors.length > 0) throw userError(errors);
  const sha256 = sources.map((s) => createHash('sha256').update(s.bytes).digest('hex'));
  return writeParsedFiles(ctx.db, parsed, sha256, progress);
}

function userError(errors: ImportIssue[]): FrontierError {
  return new FrontierError('user-error', errors.slice(0, 20).map(formatIssue).join('\n') + (errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''), { errors });
}

/**
 * Whether a commit is parsed and written by the bulk-import worker on its own connection: large files
 * (the main connection stays free), and any commit a client can cancel (it names a jobId), since a
 * write on the main thread cannot see a cancel request. An in-memory store has no second connection;
 * in Electron the worker needs the app's native binding.
 */
export function writesInWorker(ctx: HandlerContext, bytes: number, jobId: string | undefined): boolean {
  if (ctx.dbPath === ':memory:' || (ctx.mode === 'electron' && !ctx.nativeBinding)) return false;
  return bytes >= BULK_THRESHOLD_BYTES || jobId !== undefined;
}

/** The bulk-import job's input: the store's path and, in Electron, the native binding its connection needs. */
export function bulkImportInput(ctx: HandlerContext, sources: readonly ImportSource[], options: IngestOptions): ImportBulkInput {
  return {
    dbPath: ctx.dbPath,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
    files: sources.map((s) => ({ name: s.name, bytes: s.bytes })),
    options,
  };
}

/** Parses and commits files (the API's import-commit and the CLI). */
export async function commitImport(ctx: HandlerContext, sources: readonly ImportSource[], options: IngestOptions & { template?: string }, jobId?: string): Promise<ImportOutcome> {
  const progress = progressEmitter(ctx, jobId);
  const resolved = resolveOptions(ctx, options);
  const bytes = sources.reduce((n, s) => n + s.bytes.byteLength, 0);
  let outcome: ImportOutcome;
  if (writesInWorker(ctx, bytes, jobId)) {
    outcome = await ctx.jobs.run('import-bulk', bulkImportInput(ctx, sources, resolved), { ...(jobId ? { jobId } : {}), ...(progress ? { onProgress: progress } : {}) });
    if (outcome.errors.length > 0) throw userError(outcome.errors);
  } else {
    const parsed = await parseAll(ctx, sources, resolved, jobId, progress);
    outcome = commitParsed(ctx, parsed, sources, progress);
  }
  if (outcome.inserted.prices > 0) ctx.emit('data-changed', { what: 'prices' });
  if (outcome.inserted.transactions + outcome.inserted.positions > 0) ctx.emit('data-changed', { what: 'transactions' });
  ctx.emit('data-changed', { what: 'imports' });
  return outcome;
}

export function undoImport(ctx: HandlerContext, batchId: number): { batchId: number; removed: number } {
  const batch = getBatch(ctx.db, batchId);
  if (!batch) throw new FrontierError('not-found', `no import batch ${batchId}`);
  if (batch.undone_at !== null) throw new FrontierError('conflict', `import batch ${batchId} was already undone on ${batch.undone_at}`);
  const removed = writeTransaction(ctx.db, () => undoBatchRows(ctx.db, batchId));
  ctx.emit('data-changed', { what: 'imports' });
  ctx.emit('data-changed', { what: 'prices' });
  return { batchId, removed };
}

const decode = (files: readonly ImportFile[]): ImportSource[] => files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') }));

/** Drops undefined keys (zod's optional output) so the core sees exact optional properties. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const importHandlers = {
  'import-preview': (req, ctx) => previewImport(ctx, decode(req.files), clean(req.options) as IngestOptions),
  'import-commit': (req, ctx) => commitImport(ctx, decode(req.files), clean(req.options) as IngestOptions, req.jobId),
  'import-batches': (_req, ctx) => listBatches(ctx.db),
  'import-undo': (req, ctx) => undoImport(ctx, req.batchId),
  'transactions-list': (req, ctx) => listTransactions(ctx.db, req.account),
  'positions-list': (req, ctx) => listPositions(ctx.db, req.account),
  'holdings-list': (req, ctx) => listHoldings(ctx.db, req.asOf, req.account),
  'holdings-reconcile': (req, ctx) => reconcileHoldings(ctx.db, req.account),
  'broker-accounts': (_req, ctx) => listBrokerAccounts(ctx.db),
  'transactions-page': (req, ctx) => pageTransactions(ctx.db, req),
  'positions-page': (req, ctx) => pagePositions(ctx.db, req),
  'import-templates-list': (_req, ctx) => listTemplates(ctx.db),
  'import-templates-save': (req, ctx) => saveTemplate(ctx.db, req.name, req.header, req.mapping),
  'import-templates-delete': (req, ctx) => ({ removed: deleteTemplate(ctx.db, req.name) }),
  'holdings-cash': (req, ctx) => listCash(ctx.db, req.account),
} satisfies Handlers<
  | 'import-preview'
  | 'import-commit'
  | 'import-batches'
  | 'import-undo'
  | 'transactions-list'
  | 'positions-list'
  | 'holdings-list'
  | 'holdings-reconcile'
  | 'broker-accounts'
  | 'transactions-page'
  | 'positions-page'
  | 'import-templates-list'
  | 'import-templates-save'
  | 'import-templates-delete'
  | 'holdings-cash'
>;
