/** Option jobs: the hedge LP/MILP (HiGHS), the revaluation grid and the dynamic-hedging replay. */
import { solveHedge, type HedgeProblem, type HedgeSolution } from '../../core/options/hedge.js';
import { revaluationGrid, payoffCurve, type GridPosition } from '../../core/options/grid.js';
import { replayReport, type ReplayInput } from '../../core/options/replay-report.js';
import type { CoreResult } from '../../core/result.js';
import type { JobFunction } from '../job-context.js';

export interface GridJobInput {
  positions: GridPosition[];
  spotShifts: number[];
  volShifts: number[];
  horizonDays: number;
}

export interface GridJobOutput {
  pnl: number[][];
  payoff: { spotShift: number; today: number; expiry: number }[];
}

const optionsHedge: JobFunction<Omit<HedgeProblem, 'shouldStop'>, CoreResult<HedgeSolution>> = (input, ctx) => solveHedge({ ...input, shouldStop: () => ctx.isCancelled() });

const optionsGrid: JobFunction<GridJobInput, GridJobOutput> = (input, ctx) => {
  const flat = revaluationGrid(input.positions, input.spotShifts, input.volShifts, input.horizonDays, ctx);
  const ns = input.spotShifts.length;
  return {
    pnl: input.volShifts.map((_, v) => Array.from(flat.subarray(v * ns, (v + 1) * ns))),
    payoff: payoffCurve(input.positions, input.spotShifts),
  };
};

const optionsReplay: JobFunction<ReplayInput, ReturnType<typeof replayReport>> = (input, ctx) => replayReport(input, ctx);

export const optionsJobs = { 'options-hedge': optionsHedge, 'options-grid': optionsGrid, 'options-replay': optionsReplay };
