/**
 * A pool of worker threads running typed jobs (see job-registry.ts): sequence ids, progress,
 * cancellation through a shared flag (seen even by a busy loop), errors serialised with name, message
 * and stack, and a dead or stuck worker replaced without losing the pool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FrontierError } from '../../shared/api.js';
import type { JobInput, JobKind, JobOutput } from './job-registry.js';
import type { FromWorker, SerializedError, ToWorker } from './protocol.js';

export interface RunOptions {
  /** The client's id for this job (progress events and cancel requests use it). */
  jobId?: string;
  onProgress?: (done: number, total: number, message?: string) => void;
  /** ArrayBuffers to move to the worker instead of copying (the caller must not use them again). */
  transfer?: ArrayBuffer[];
}

export interface JobPool {
  run<K extends JobKind>(kind: K, input: JobInput<K>, options?: RunOptions): Promise<JobOutput<K>>;
  /** Cancels a queued or running job by its client id; false when no such job is known. */
  cancel(jobId: string): boolean;
  readonly size: number;
  close(): Promise<void>;
}

/** A job that ended in error inside a worker; `code` is set for errors a user can act on. */
export class JobError extends Error {
  readonly code: string | undefined;
  readonly details: unknown;
  readonly workerStack: string | undefined;
  constructor(e: SerializedError) {
    super(e.message);
    this.name = e.name;
    this.code = e.code;
    this.details = e.details;
    this.workerStack = e.stack;
  }
}

interface PendingJob {
  seq: number;
  kind: string;
  input: unknown;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  cancelled: boolean;
}

interface Slot {
  worker: Worker;
  cancel: Int32Array;
  ready: Promise<void>;
  job: PendingJob | null;
  killTimer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  size?: number;
  /** After a cancel, how long a job may take to notice before its worker is terminated and replaced. */
  cancelGraceMs?: number;
}

export function defaultPoolSize(): number {
  const fromEnv = Number(process.env.FRONTIER_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

function workerUrl(): { url: URL; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Running from sources (tests, dev): the worker loads TypeScript through tsx.
    return { url: new URL('./worker-dev.mjs', self), execArgv: [] };
  }
  return { url: new URL('./worker-main.js', self), execArgv: [] };
}

export function createJobPool(options: PoolOptions = {}): JobPool {
  const size = options.size ?? defaultPoolSize();
  const grace = options.cancelGraceMs ?? 2000;
  const queue: PendingJob[] = [];
  const byJobId = new Map<string, PendingJob>();
  const slots: Slot[] = [];
  let nextSeq = 1;
  let closed = false;

  function finish(job: PendingJob): void {
    if (job.options.jobId) byJobId.delete(job.options.jobId);
  }

  function spawn(): Slot {
    const { url, execArgv } = workerUrl();
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(url, { workerData: { cancelBuffer }, execArgv });
    let markReady: () => void = () => {};
    const slot: Slot = {
      worker,
      cancel: new Int32Array(cancelBuffer),
      ready: new Promise<void>((resolve) => (markReady = resolve)),
      job: null,
      killTimer: null,
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') return markReady();
      const job = slot.job;
      if (!job || job.seq !== message.seq) return;
      if (message.type === 'progress') {
        job.options.onProgress?.(message.done, message.total, message.message);
        return;
      }
      settle(slot);
      if (message.type === 'result') job.resolve(message.output);
      else if (message.error.name === 'Cancelled' || job.cancelled) job.reject(cancelledError());
      else job.reject(new JobError(message.error));
      pump();
    });
    worker.on('error', (error) => replace(slot, error));
    worker.on('exit', (code) => {
      if (!closed) replace(slot, new Error(`worker exited with code ${code}`));
    });
    // Idle workers must not keep the process alive; a busy one must (a CLI waiting on a job).
    worker.unref();
    return slot;
  }

  function settle(slot: Slot): void {
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = null;
    if (slot.job) finish(slot.job);
    slot.job = null;
    slot.worker.unref();
  }

  function replace(slot: Slot, cause: Error): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    const job = slot.job;
    settle(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (closed) return;
    slots[index] = spawn();
    if (job) {
      job.reject(
        job.cancelled ? cancelledError() : new JobError({ name: 'WorkerDied', message: `job ${job.kind} lost its worker: ${cause.message}` }),
      );
    }
    pump();
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      Atomics.store(slot.cancel, 0, 0);
      const message: ToWorker = { type: 'run', seq: job.seq, kind: job.kind, input: job.input };
      void slot.ready.then(() => {
        if (slot.job === job) slot.worker.postMessage(message, job.options.transfer ?? []);
      });
    }
  }

  function cancelledError(): FrontierError {
    return new FrontierError('cancelled', 'the job was cancelled');
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    run(kind, input, runOptions = {}) {
      if (closed) return Promise.reject(new Error('the job pool is closed'));
      return new Promise((resolve, reject) => {
        const job: PendingJob = {
          seq: nextSeq++,
          kind,
          input,
          options: runOptions,
          resolve: resolve as (value: unknown) => void,
          reject,
          cancelled: false,
        };
        if (runOptions.jobId) {
          byJobId.get(runOptions.jobId)?.reject(new FrontierError('conflict', `job id ${runOptions.jobId} reused`));
          byJobId.set(runOptions.jobId, job);
        }
        queue.push(job);
        pump();
      });
    },
    cancel(jobId) {
      const job = byJobId.get(jobId);
      if (!job) return false;
      job.cancelled = true;
      const queued = queue.indexOf(job);
      if (queued >= 0) {
        queue.splice(queued, 1);
        finish(job);
        job.reject(cancelledError());
        return true;
      }
      const slot = slots.find((s) => s.job === job);
      if (slot) {
        Atomics.store(slot.cancel, 0, job.seq);
        // A job that never looks at its flag (a long solver call) is stopped the hard way.
        slot.killTimer = setTimeout(() => replace(slot, new Error('cancelled job did not stop')), grace);
      }
      return true;
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the job pool closed'));
      await Promise.all(
        slots.map(async (slot) => {
          slot.job?.reject(new Error('the job pool closed'));
          settle(slot);
          await slot.worker.terminate();
        }),
      );
    },
  };
}
