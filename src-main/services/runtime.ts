/**
 * One running Frontier backend: the store, the job pool, event listeners and the printer, behind
 * `call(method, request)`. Each front door (Electron, web host, CLI) makes one and closes it on exit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEventName, ApiEvents, ApiResult } from '../../shared/api.js';
import { appRoot } from '../app-paths.js';
import { createInlinePool } from '../jobs/inline-pool.js';
import { createJobPool, type JobPool, type PoolOptions } from '../jobs/pool.js';
import type { PdfPrinter } from '../report/printer.js';
import { installNativeKernel } from '../native-kernel-loader.js';
import { openDatabase, type OpenedDatabase } from '../store/database.js';
import type { HandlerContext } from './context.js';
import { dispatch } from './dispatch.js';

export type EventListener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export interface RuntimeOptions {
  dbPath: string;
  mode: HandlerContext['mode'];
  makePrinter: () => Promise<PdfPrinter>;
  pool?: PoolOptions;
  /** Run jobs on this thread instead of worker threads (the CLI: no UI to keep free, no worker start-up). */
  inlineJobs?: boolean;
  nativeBinding?: string;
  /** A read-only database file opens read-only (reads work, writes answer `storage`); default: only in the CLI. */
  readOnlyFallback?: boolean;
  /** How long a write waits for another Frontier's write lock (ms) before answering `busy`. */
  busyTimeoutMs?: number;
}

export interface Runtime {
  ctx: HandlerContext;
  database: OpenedDatabase;
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  listen(listener: EventListener): () => void;
  close(): Promise<void>;
}

let cachedVersion: string | undefined;
export function appVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  installNativeKernel();
  const database = openDatabase(options.dbPath, {
    readOnlyFallback: options.readOnlyFallback ?? options.mode === 'cli',
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
  let pool: JobPool | null = null;
  let printer: Promise<PdfPrinter> | null = null;
  const listeners = new Set<EventListener>();
  const ctx: HandlerContext = {
    db: database.db,
    dbPath: database.path,
    // The pool starts on first use so quick CLI commands never pay for worker start-up.
    get jobs() {
      pool ??= options.inlineJobs ? createInlinePool() : createJobPool(options.pool);
      return pool;
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    printer() {
      printer ??= options.makePrinter();
      return printer;
    },
    mode: options.mode,
    version: appVersion(),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  return {
    ctx,
    database,
    call: (method, request) => dispatch(method, request, ctx),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await pool?.close();
      if (printer) await (await printer.catch(() => null))?.close();
      database.db.close();
    },
  };
}
