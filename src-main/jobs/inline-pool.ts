/**
 * A JobPool that runs jobs on the calling thread, one at a time, with the same context, errors and
 * cancellation as a worker's. For the CLI: it has no UI to keep responsive, and starting a worker
 * (a second V8 isolate loading the engine again) cost more CPU than a 20-asset optimisation.
 */
import { FrontierError } from '../../shared/api.js';
import type { JobContext } from './job-context.js';
import { JobError, type JobPool } from './pool.js';
import { serializeError } from './protocol.js';

export function createInlinePool(): JobPool {
  const cancelled = new Set<string>();
  const running = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    size: 1,
    run(kind, input, options = {}) {
      if (closed) return Promise.reject(new Error('the job pool is closed'));
      const { jobId } = options;
      if (jobId) running.add(jobId);
      const job = queue.then(async () => {
        const ctx: JobContext = {
          progress: (done, total, message) => options.onProgress?.(done, total, message),
          isCancelled: () => jobId !== undefined && cancelled.has(jobId),
        };
        try {
          if (ctx.isCancelled()) throw new FrontierError('cancelled', 'the job was cancelled');
          // Loaded on the first job, as a worker loads it: commands that run none never pay for it.
          const { jobRegistry } = await import('./job-registry.js');
          const fn = jobRegistry[kind] as (i: unknown, c: JobContext) => unknown;
          return await fn(input, ctx);
        } catch (error) {
          if (error instanceof FrontierError) throw error;
          if ((error as Error | undefined)?.name === 'Cancelled') throw new FrontierError('cancelled', 'the job was cancelled');
          throw new JobError(serializeError(error));
        } finally {
          if (jobId) {
            running.delete(jobId);
            cancelled.delete(jobId);
          }
        }
      });
      queue = job.catch(() => undefined);
      return job as never;
    },
    cancel(jobId) {
      if (!running.has(jobId)) return false;
      cancelled.add(jobId);
      return true;
    },
    async close() {
      closed = true;
      await queue;
    },
  };
}
