/**
 * One HiGHS (WASM) instance per thread, loaded lazily and warmed up once, plus a typed solve call.
 * Models are passed as typed arrays through the persistent API (`passModel`), not as CPLEX LP text:
 * for a 200×2520 CVaR model the LP string would be ~10 MB to build and parse (see bench/engine-lp.ts).
 */
import type { Highs, HighsCallbackMap, InterruptCallbackEvent, ModelData, ModelStatusCode } from 'highs';

let runtime: Promise<Highs> | undefined;

/** The thread's HiGHS runtime; the first call loads the WASM module and solves a tiny LP to warm it. */
export function loadHighs(): Promise<Highs> {
  runtime ??= (async () => {
    const highs = await pickLoader(await import('highs'))();
    warmUp(highs);
    return highs;
  })();
  return runtime;
}

type Loader = () => Promise<Highs>;

// The package is typed as CommonJS but Node resolves its ESM build, whose default export is the loader
// itself; under a CJS interop the loader sits one `default` deeper. Accept both.
function pickLoader(mod: unknown): Loader {
  let cur: unknown = mod;
  for (let depth = 0; depth < 3; depth++) {
    if (typeof cur === 'function') return cur as Loader;
    if (cur === null || typeof cur !== 'object' || !('default' in cur)) break;
    cur = cur.default;
  }
  throw new Error('highs: no loader function exported');
}

// A fresh instance's first solves are several times slower (JIT tiers, memory growth): pay that once.
function warmUp(highs: Highs): void {
  const n = 40;
  const rows = 60;
  const starts = new Int32Array(rows + 1);
  const indices = new Int32Array(rows * n);
  const values = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++) {
    starts[i + 1] = (i + 1) * n;
    for (let j = 0; j < n; j++) {
      indices[i * n + j] = j;
      values[i * n + j] = 1 + ((i * 7 + j * 13) % 11) / 10;
    }
  }
  for (let k = 0; k < 3; k++) {
    runModel(highs, {
      numCols: n,
      numRows: rows,
      colCost: new Float64Array(n).fill(-1),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(10),
      rowLower: new Float64Array(rows).fill(-Infinity),
      rowUpper: new Float64Array(rows).fill(5 + k),
      matrix: { format: 'csr', numRows: rows, numCols: n, starts, indices, values },
    });
  }
}

export interface LpOutcome {
  /** HiGHS model status name (optimal, infeasible, unbounded, time-limit, ...). */
  status: string;
  optimal: boolean;
  objective: number;
  colValue: Float64Array;
  rowValue: Float64Array;
  /** Reduced costs and row duals (LP only; empty for MIPs). */
  colDual: Float64Array;
  rowDual: Float64Array;
  iterations: number;
  /** Wall time of the solve itself in ms. */
  solveMs: number;
  isMip: boolean;
  /** MIPs only: whether an integer-feasible solution was found (also when stopped early by a limit). */
  mipFeasible?: boolean;
  /** MIPs only: the best bound on the objective; objective − bound is the most a better solution can gain. */
  mipDualBound?: number;
  /** For infeasible models: rows / columns of an irreducible infeasible subsystem, when HiGHS finds one. */
  iisRows?: number[];
  iisCols?: number[];
}

const STATUS_NAMES: Record<ModelStatusCode, string> = {
  0: 'not-set',
  1: 'load-error',
  2: 'model-error',
  3: 'presolve-error',
  4: 'solve-error',
  5: 'postsolve-error',
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  9: 'unbounded-or-infeasible',
  10: 'unbounded',
  11: 'objective-bound',
  12: 'objective-target',
  13: 'time-limit',
  14: 'iteration-limit',
  15: 'unknown',
  16: 'solution-limit',
  17: 'interrupted',
};

export interface RunOptions {
  /** HiGHS options by native name, e.g. { solver: 'ipm', mip_rel_gap: 1e-9 }. */
  options?: Record<string, string | number | boolean>;
  /**
   * Polled at HiGHS's interrupt checkpoints (simplex, IPM, MIP): true stops the solve with status
   * 'interrupted'. Job cancellation is an Atomics flag, so it is visible during the blocking solve.
   */
  shouldStop?: () => boolean;
  /** MIPs: a feasible starting solution (one value per column), so a time limit still leaves a solution that good. */
  start?: Float64Array;
}

/** The outcome of a model HiGHS would not load: status 'model-error', no solution. */
function modelRefused(model: ModelData): LpOutcome {
  const isMip = model.integrality !== undefined && Array.from(model.integrality).some((v) => v !== 0);
  return { status: 'model-error', optimal: false, objective: NaN, colValue: new Float64Array(0), rowValue: new Float64Array(0), colDual: new Float64Array(0), rowDual: new Float64Array(0), iterations: 0, solveMs: 0, isMip, ...(isMip ? { mipFeasible: false } : {}) };
}

/** Solves one LP / QP / MIP given as typed arrays; never throws on solver outcomes (a model HiGHS will not load is status model-error). */
export function runModel(highs: Highs, model: ModelData, run: RunOptions = {}): LpOutcome {
  const m = highs.createModel();
  try {
    m.options.set({ output_flag: false, ...run.options });
    try {
      m.passModel(model);
    } catch {
      // HiGHS refuses a model it cannot hold (coefficients beyond its infinity, NaN): a solver
      // outcome like any other, which callers turn into their typed failure.
      return modelRefused(model);
    }
    if (run.start) {
      try {
        m.setSolution({ colValue: run.start });
      } catch {
        // A start HiGHS rejects only costs the head start; the search itself is unchanged.
      }
    }
    const t0 = performance.now();
    let code: ModelStatusCode;
    try {
      let callbacks: HighsCallbackMap | undefined;
      if (run.shouldStop) {
        const stop = run.shouldStop;
        const check = (e: InterruptCallbackEvent): undefined => {
          if (stop()) e.interrupt();
          return undefined;
        };
        callbacks = { 1: check, 2: check, 6: check };
      }
      code = m.run(callbacks).modelStatus;
    } catch {
      code = m.getModelStatus();
    }
    const solveMs = performance.now() - t0;
    const isMip = model.integrality !== undefined && Array.from(model.integrality).some((v) => v !== 0);
    let sol: { colValue: Float64Array; rowValue: Float64Array; colDual: Float64Array; rowDual: Float64Array };
    try {
      sol = m.getSolution();
    } catch {
      // HiGHS has no solution to give after a failed run: report the status, never throw
      const empty = new Float64Array(0);
      return { status: code === 7 ? 'solve-error' : STATUS_NAMES[code], optimal: false, objective: NaN, colValue: empty, rowValue: empty, colDual: empty, rowDual: empty, iterations: 0, solveMs, isMip };
    }
    const iterations = isMip
      ? Number(m.info.get('mip_node_count'))
      : Number(m.info.get('simplex_iteration_count')) + Number(m.info.get('ipm_iteration_count'));
    let objective = NaN;
    try {
      objective = Number(m.info.get('objective_function_value'));
    } catch {
      // not available after a failed solve
    }
    // HiGHS reports primal_solution_status 2 (feasible) for an incumbent, also when a limit stopped the search.
    let mip: { mipFeasible: boolean; mipDualBound: number } | undefined;
    if (isMip) {
      try {
        mip = { mipFeasible: Number(m.info.get('primal_solution_status')) === 2, mipDualBound: Number(m.info.get('mip_dual_bound')) };
      } catch {
        mip = { mipFeasible: false, mipDualBound: NaN };
      }
    }
    let iis: { iisRows: number[]; iisCols: number[] } | undefined;
    if (code === 8 && !isMip) {
      try {
        const r = m.getIis();
        iis = { iisRows: Array.from(r.rowIndex), iisCols: Array.from(r.colIndex) };
      } catch {
        // IIS is a diagnostic nicety; the caller falls back to its own checks
      }
    }
    return {
      ...iis,
      ...mip,
      status: STATUS_NAMES[code],
      optimal: code === 7,
      objective,
      colValue: sol.colValue,
      rowValue: sol.rowValue,
      colDual: isMip ? new Float64Array(0) : sol.colDual,
      rowDual: isMip ? new Float64Array(0) : sol.rowDual,
      iterations,
      solveMs,
      isMip,
    };
  } finally {
    m.dispose();
  }
}
