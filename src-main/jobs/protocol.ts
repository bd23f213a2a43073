/** Messages between the pool (main thread) and a worker. Every job message carries the job's seq. */

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** FrontierError / CoreError code when the job failed for a reason a user can act on. */
  code?: string;
  details?: unknown;
}

export type ToWorker = { type: 'run'; seq: number; kind: string; input: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; seq: number; done: number; total: number; message?: string }
  | { type: 'result'; seq: number; output: unknown; durationMs: number }
  | { type: 'error'; seq: number; error: SerializedError; durationMs: number };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const extra = error as Error & { code?: unknown; details?: unknown };
    return {
      name: error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
      ...(extra.details !== undefined ? { details: extra.details } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}
