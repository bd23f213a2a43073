/** Jobs that exercise the pool itself: a warm-up ping and a cancellable busy loop (used by tests). */
import { JobCancelled, type JobFunction } from '../job-context.js';

const ping: JobFunction<{ echo: string }, { echo: string; threadId: number }> = async (input) => {
  const { threadId } = await import('node:worker_threads');
  return { echo: input.echo, threadId };
};

/** Spins for `ms` milliseconds reporting progress every `every` ms; honours cancellation. */
const spin: JobFunction<{ ms: number; every?: number }, { iterations: number }> = (input, ctx) => {
  const start = Date.now();
  let iterations = 0;
  let lastReport = start;
  while (Date.now() - start < input.ms) {
    iterations++;
    if (ctx.isCancelled()) throw new JobCancelled();
    const now = Date.now();
    if (now - lastReport >= (input.every ?? 20)) {
      ctx.progress(now - start, input.ms);
      lastReport = now;
    }
  }
  return { iterations };
};

/** Fails the way a bug does (tests that errors cross the thread boundary with name and stack). */
const fail: JobFunction<{ message: string }, never> = (input) => {
  throw new RangeError(input.message);
};

/** Kills its own thread (tests that the pool replaces a dead worker). */
const crash: JobFunction<Record<string, never>, never> = () => {
  process.exit(3);
};

export const diagnosticJobs = { ping, spin, fail, crash };
