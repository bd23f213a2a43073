/** Generic pieces of the API contract: errors, results, events. No Node, DOM or Electron imports. */

export type ApiErrorCode =
  | 'invalid-request' // the request failed its schema
  | 'unknown-method'
  | 'not-found'
  | 'user-error' // the data or settings cannot be used as given (bad CSV, infeasible constraints …)
  | 'conflict'
  | 'cancelled'
  | 'unauthorized'
  | 'internal' // a bug: the message says what broke
  | 'busy' // another connection holds the write lock past the busy timeout: retry later, nothing was written
  | 'storage'; // the database file cannot be used (read-only, full disk, I/O error, damaged, newer): one line says what to do

/**
 * The one table from error code to the CLI's exit code: 1 = the user's to fix (a one-line message
 * naming the file, line or field), 2 = a bug. Dispatch uses it too, to keep a worker's code when it is
 * one of the user's.
 */
export const EXIT_CODES = {
  'invalid-request': 1,
  'unknown-method': 1,
  'not-found': 1,
  'user-error': 1,
  conflict: 1,
  cancelled: 1,
  unauthorized: 1,
  internal: 2,
  busy: 1,
  storage: 1,
} as const satisfies Record<ApiErrorCode, 1 | 2>;

/** True for an API error code the user can act on (exit code 1). */
export function isUserErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(EXIT_CODES, code) && EXIT_CODES[code as ApiErrorCode] === 1;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by services for errors a user can act on; transports turn it into an ApiError. */
export class FrontierError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'FrontierError';
    this.code = code;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Progress of a long job (optimisation sweep, import, backtest, report). */
export interface JobProgress {
  jobId: string;
  /** Units done so far and in total (points, rows, pages …); total 0 = unknown. */
  done: number;
  total: number;
  message?: string;
}

/** Push events from main to every client. */
export interface ApiEvents {
  'job-progress': JobProgress;
  /** Something in the store changed (another window, the CLI, an import): refresh lists. */
  'data-changed': { what: 'instruments' | 'prices' | 'scenarios' | 'imports' | 'transactions' };
  /** A native menu item was chosen (desktop app); `command` is an id of shared/menu.ts. */
  'menu-command': { command: string };
}
export type ApiEventName = keyof ApiEvents;
