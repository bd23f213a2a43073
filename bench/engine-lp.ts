/**
 * LP benchmark: min-CVaR at n assets × T scenarios (β = 0.95, long-only, w ≤ 10 %, 4 sector caps of 40 %
 * by index i % 4: the problem of ../shared/bench/problem.py), on the same synthetic prices as
 * `python3 ../shared/bench/reference.py N T --sections cvar --write-prices FILE`.
 *
 *   npx tsx bench/engine-lp.ts [N=200] [T=2520] [--no-reference]      (also part of `npm run bench`)
 *
 * Runs the numpy/scipy reference in the same run (unless --no-reference) and prints ratios. Prints JSON.
 * Also times the alternative input path, CPLEX LP text through HiGHS's one-shot `solve(text)`, to show
 * why models are passed as typed arrays.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadHighs, runModel } from '../src-main/core/optimize/lp/highs-runtime.js';
import { toModelData, type LpBuilder } from '../src-main/core/optimize/lp/lp-builder.js';
import { buildCvarLp } from '../src-main/core/optimize/lp/scenario-lp.js';
import { solveScenarioRisk } from '../src-main/core/optimize/lp/solve-scenario.js';
import { solveViaDual } from '../src-main/core/optimize/lp/dual-solve.js';
import type { PortfolioSpec } from '../src-main/core/optimize/lp/portfolio-lp.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(args[0] ?? 200);
const T = Number(args[1] ?? 2520);
const withReference = !process.argv.includes('--no-reference');
const referenceScript = new URL('../../shared/bench/reference.py', import.meta.url).pathname;
const pricesFile = `/tmp/frontier-bench-p${n}-${T}.csv`;

interface RefResult {
  median_ms?: number;
  objective?: number;
  error?: string;
}

let reference: Record<string, RefResult> | undefined;
if (withReference || !existsSync(pricesFile)) {
  const out = execFileSync('python3', [referenceScript, String(n), String(T), '--sections', 'cvar', '--write-prices', pricesFile], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  reference = (JSON.parse(out) as { results: Record<string, RefResult> }).results;
}

// wide CSV: date, then one column per ticker; daily simple returns of consecutive rows
const lines = readFileSync(pricesFile, 'utf8').trim().split('\n');
const tickers = lines[0]!.split(',').slice(1);
const prices = lines.slice(1).map((l) => l.split(',').slice(1).map(Number));
const TT = prices.length - 1;
const returns = new Float64Array(TT * n);
for (let t = 0; t < TT; t++) for (let j = 0; j < n; j++) returns[t * n + j] = prices[t + 1]![j]! / prices[t]![j]! - 1;

const spec: PortfolioSpec = {
  tickers,
  lower: new Float64Array(n),
  upper: new Float64Array(n).fill(0.1),
  budget: 1,
  groups: [0, 1, 2, 3].map((g) => ({ name: `S${g}`, members: tickers.map((_, i) => i).filter((i) => i % 4 === g), max: 0.4 })),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const tLoad = performance.now();
const highs = await loadHighs();
const loadMs = performance.now() - tLoad;

const build: number[] = [];
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  toModelData(buildCvarLp(spec, returns, TT, 0.95).lp);
  build.push(performance.now() - t0);
}

const variants: Record<string, Record<string, string | number | boolean>> = {
  'dual-simplex': { solver: 'simplex' },
  ipm: { solver: 'ipm' },
  'ipm-no-crossover': { solver: 'ipm', run_crossover: 'off' },
  default: {},
  // the interrupt callback used for job cancellation: its cost per solve
  'default+cancel-polling': {},
};
const raw: Record<string, { median_ms: number; objective: number; iterations: number }> = {};
const model = toModelData(buildCvarLp(spec, returns, TT, 0.95).lp);
for (const [name, options] of Object.entries(variants)) {
  const times: number[] = [];
  let objective = NaN;
  let iterations = 0;
  for (let k = 0; k < 3; k++) {
    const out = runModel(highs, model, { options, ...(name === 'default+cancel-polling' ? { shouldStop: () => false } : {}) });
    times.push(out.solveMs);
    objective = out.objective;
    iterations = out.iterations;
  }
  raw[name] = { median_ms: median(times), objective, iterations };
}

{
  // the explicit dual (formulation: 'dual'): build of the dual + solve + read-back
  const times: number[] = [];
  let objective = NaN;
  let iterations = 0;
  const lp = buildCvarLp(spec, returns, TT, 0.95).lp;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const out = solveViaDual(highs, lp);
    times.push(performance.now() - t0);
    objective = out.objective;
    iterations = out.iterations;
  }
  raw['dual-formulation'] = { median_ms: median(times), objective, iterations };
}

// the text path: write the same model as CPLEX LP text and let HiGHS parse it
function lpText(lp: LpBuilder): string {
  const term = (v: number, j: number) => `${v < 0 ? '-' : '+'} ${Math.abs(v)} x${j}`;
  const parts: string[] = ['Minimize', ` obj: ${lp.colCost.map((c, j) => (c !== 0 ? term(c, j) : '')).filter((x) => x).join(' ')}`, 'Subject To'];
  for (let i = 0; i < lp.rowLower.length; i++) {
    const row: string[] = [];
    for (let k = lp.starts[i]!; k < lp.starts[i + 1]!; k++) row.push(term(lp.values[k]!, lp.indices[k]!));
    const lhs = row.join(' ');
    const lo = lp.rowLower[i]!;
    const hi = lp.rowUpper[i]!;
    if (lo === hi) parts.push(` r${i}: ${lhs} = ${lo}`);
    else {
      if (Number.isFinite(lo)) parts.push(` r${i}l: ${lhs} >= ${lo}`);
      if (Number.isFinite(hi)) parts.push(` r${i}u: ${lhs} <= ${hi}`);
    }
  }
  parts.push('Bounds');
  lp.colLower.forEach((lo, j) => {
    const hi = lp.colUpper[j]!;
    parts.push(` ${Number.isFinite(lo) ? lo : '-inf'} <= x${j} <= ${Number.isFinite(hi) ? hi : '+inf'}`);
  });
  parts.push('End');
  return parts.join('\n');
}
const builtForText = buildCvarLp(spec, returns, TT, 0.95).lp;
const tText = performance.now();
const text = lpText(builtForText);
const textBuildMs = performance.now() - tText;
const tTextSolve = performance.now();
const textSolution = highs.solve(text, { output_flag: false });
const textSolveMs = performance.now() - tTextSolve;

// end to end: build + solve + certificate + measure, as objectives call it
const e2e: number[] = [];
const e2eCpu: number[] = [];
let endToEndSolver = '';
let endToEnd: { objective: number; cvar: number; kkt: unknown; status: string } | undefined;
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const res = await solveScenarioRisk({ spec, returns, T: TT, beta: 0.95, measure: 'cvar' });
  e2e.push(performance.now() - t0);
  const c1 = process.cpuUsage(c0);
  e2eCpu.push((c1.user + c1.system) / 1000);
  if (!res.ok) throw new Error(res.error.message);
  endToEndSolver = res.value.solver;
  endToEnd = { objective: res.value.extras!.objective!, cvar: res.value.extras!.cvar!, kkt: res.value.kkt, status: res.value.status };
}

const e2eDual: number[] = [];
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  await solveScenarioRisk({ spec, returns, T: TT, beta: 0.95, measure: 'cvar', formulation: 'dual' });
  e2eDual.push(performance.now() - t0);
}

// min-CDaR on the same data (no reference timing in reference.py; reported for scale)
const cdarTimes: number[] = [];
let cdarValue = NaN;
for (let k = 0; k < 2; k++) {
  const t0 = performance.now();
  const r = await solveScenarioRisk({ spec, returns, T: TT, beta: 0.95, measure: 'cdar' });
  cdarTimes.push(performance.now() - t0);
  if (r.ok) cdarValue = r.value.extras!.cdar!;
}

const refMs = reference?.cvar_scipy_linprog_highs?.median_ms;
const refCpuMs = (reference?.cvar_scipy_linprog_highs as { cpu_median_ms?: number } | undefined)?.cpu_median_ms;
const result = {
  n,
  T: TT,
  highsLoadAndWarmupMs: loadMs,
  buildModelMs: median(build),
  lpTextPath: { buildStringMs: textBuildMs, megabytes: text.length / 1e6, parseAndSolveMs: textSolveMs, objective: textSolution.ObjectiveValue },
  solveVariants: raw,
  endToEndMs: median(e2e),
  endToEndCpuMs: median(e2eCpu),
  endToEndDualFormulationMs: median(e2eDual),
  solverUsed: endToEndSolver,
  minCdarEndToEndMs: median(cdarTimes),
  minCdar: cdarValue,
  endToEnd,
  reference: reference ? { cvar_scipy_linprog_highs: reference.cvar_scipy_linprog_highs } : 'not run (pass --reference)',
  ratioEndToEndVsScipy: refMs ? median(e2e) / refMs : undefined,
  // CPU-time ratio: steadier than wall time when other processes share the 2 cores
  ratioCpuVsScipy: refCpuMs ? median(e2eCpu) / refCpuMs : undefined,
  loadavg: (await import('node:os')).loadavg(),
  objectiveDiffVsScipy: refMs && endToEnd ? endToEnd.objective - reference!.cvar_scipy_linprog_highs!.objective! : undefined,
};
console.log(JSON.stringify(result, null, 2));
