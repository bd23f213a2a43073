/** Entry of a pool worker: runs jobs from the registry, one at a time, reporting progress. */
import { parentPort, workerData } from 'node:worker_threads';
import { installNativeKernel } from '../native-kernel-loader.js';
import { jobRegistry } from './job-registry.js';
import type { JobContext } from './job-context.js';
import { serializeError, type FromWorker, type ToWorker } from './protocol.js';

if (!parentPort) throw new Error('worker-main must run in a worker thread');
const port = parentPort;
installNativeKernel();
// Main writes the seq of a cancelled job here; a shared flag is seen even while a job hogs the thread.
const cancelFlag = new Int32Array((workerData as { cancelBuffer: SharedArrayBuffer }).cancelBuffer);

function post(message: FromWorker): void {
  port.postMessage(message);
}

port.on('message', async (message: ToWorker) => {
  if (message.type !== 'run') return;
  const { seq, kind, input } = message;
  const started = performance.now();
  let lastProgress = 0;
  const ctx: JobContext = {
    progress(done, total, text) {
      const now = performance.now();
      // Throttled so a tight loop cannot flood the main thread.
      if (now - lastProgress < 50 && done < total) return;
      lastProgress = now;
      post({ type: 'progress', seq, done, total, ...(text === undefined ? {} : { message: text }) });
    },
    isCancelled: () => Atomics.load(cancelFlag, 0) === seq,
  };
  try {
    if (!Object.hasOwn(jobRegistry, kind)) throw new Error(`unknown job kind "${kind}"`);
    const fn = jobRegistry[kind as keyof typeof jobRegistry] as (i: unknown, c: JobContext) => unknown;
    const output = await fn(input, ctx);
    post({ type: 'result', seq, output, durationMs: performance.now() - started });
  } catch (error) {
    post({ type: 'error', seq, error: serializeError(error), durationMs: performance.now() - started });
  }
});

post({ type: 'ready' });
