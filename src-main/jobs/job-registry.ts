/** Every job kind a worker can run, by name. Loaded only inside workers (and by type in the pool). */
import type { JobFunction } from './job-context.js';
import { allocateJobs } from './kinds/allocate.js';
import { diagnosticJobs } from './kinds/diagnostic.js';
import { importJobs } from './kinds/import.js';
import { backtestJobs } from './kinds/backtest.js';
import { optimizeJobs } from './kinds/optimize.js';
import { reportJobs } from './kinds/report.js';
import { optionsJobs } from './kinds/options.js';
import { factorJobs } from './kinds/factors.js';
import { robustJobs } from './kinds/robust.js';

export const jobRegistry = {
  ...allocateJobs,
  ...diagnosticJobs,
  ...importJobs,
  ...backtestJobs,
  ...optimizeJobs,
  ...reportJobs,
  ...optionsJobs,
  ...factorJobs,
  ...robustJobs,
} satisfies Record<string, JobFunction<never, unknown>>;

export type JobRegistry = typeof jobRegistry;
export type JobKind = keyof JobRegistry;
export type JobInput<K extends JobKind> = Parameters<JobRegistry[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<JobRegistry[K]>>;
