/** What a job function gets from the worker it runs in: the core hooks (progress, cancel). */
import { Cancelled, type CoreHooks } from '../core/hooks.js';

export type JobContext = CoreHooks;

/** The one cancellation error (core's `Cancelled`), under the name the job kinds use. */
export const JobCancelled = Cancelled;

/**
 * A job runs in a worker thread: its input and output are structured-cloneable plain data
 * (Float64Arrays are transferred, not copied). It may be async (WASM solvers load asynchronously).
 */
export type JobFunction<I, O> = (input: I, ctx: JobContext) => O | Promise<O>;
