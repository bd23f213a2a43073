/** What a job function gets from the worker it runs in. */

export interface JobContext {
  /** Reports progress: units done and in total (0 = unknown), with an optional message. Cheap; throttled. */
  progress(done: number, total: number, message?: string): void;
  /** True once the job was cancelled; long loops check it and stop by throwing `new JobCancelled()`. */
  isCancelled(): boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/**
 * A job runs in a worker thread: its input and output are structured-cloneable plain data
 * (Float64Arrays are transferred, not copied). It may be async (WASM solvers load asynchronously).
 */
export type JobFunction<I, O> = (input: I, ctx: JobContext) => O | Promise<O>;
