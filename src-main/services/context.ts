/** What every API handler gets: the store, the job pool, the event emitter and the PDF printer. */
import type { Database } from '../store/database.js';
import type { ApiEventName, ApiEvents, ApiMethod, ApiParsedRequest, ApiResponse } from '../../shared/api.js';
import type { JobPool } from '../jobs/pool.js';
import type { PdfPrinter } from '../report/printer.js';

export interface HandlerContext {
  db: Database;
  dbPath: string;
  jobs: JobPool;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  /** The PDF printer of this front door (Electron's printToPDF, or Chromium via playwright-core), made on first use. */
  printer(): Promise<PdfPrinter>;
  mode: 'electron' | 'web' | 'cli';
  version: string;
  /** better-sqlite3 native binding the app opened its store with (Electron's ABI); workers opening their own connection need it too. */
  nativeBinding?: string;
}

export type Handler<M extends ApiMethod> = (
  request: ApiParsedRequest<M>,
  ctx: HandlerContext,
) => Promise<ApiResponse<M>> | ApiResponse<M>;

/** A domain's handler map: one function per method it implements. */
export type Handlers<M extends ApiMethod> = { [K in M]: Handler<K> };

/** Progress callback that forwards a job's progress to clients when the request named a jobId. */
export function progressEmitter(ctx: HandlerContext, jobId: string | undefined) {
  return jobId
    ? (done: number, total: number, message?: string) =>
        ctx.emit('job-progress', { jobId, done, total, ...(message === undefined ? {} : { message }) })
    : undefined;
}
