/** Discrete allocation as a job: the exact integer LP (HiGHS branch-and-bound) takes seconds on large universes. */
import { greedyAllocation, integerAllocation, type Allocation, type AllocationInput, type IntegerLimits } from '../../core/allocate/discrete.js';
import type { CoreResult } from '../../core/result.js';
import type { JobFunction } from '../job-context.js';

export interface AllocateJobInput extends AllocationInput, IntegerLimits {
  method: 'greedy' | 'lp';
}

const allocate: JobFunction<AllocateJobInput, CoreResult<Allocation>> = async (input, ctx) => {
  ctx.progress(0, 1, `allocating whole shares (${input.method})`);
  // The CoreResult crosses the thread boundary as data, so the service can name the problem.
  const r = input.method === 'lp' ? await integerAllocation(input, input) : greedyAllocation(input);
  ctx.progress(1, 1);
  return r;
};

export const allocateJobs = { allocate };
