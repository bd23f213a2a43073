/** Typed outcome of core computations: core/ returns errors it can describe instead of throwing. */

export interface CoreError {
  /** Stable machine code, e.g. 'infeasible', 'singular-covariance', 'insufficient-data', 'invalid-input'. */
  code: string;
  message: string;
  details?: unknown;
}

export type CoreResult<T> = { ok: true; value: T } | { ok: false; error: CoreError };

export function ok<T>(value: T): CoreResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, details?: unknown): CoreResult<T> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
