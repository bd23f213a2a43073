/**
 * The Optimise workbench: the form being edited, the last results, the running jobs, undo/redo and
 * the run actions (run, cancel, adopt a frontier point). Scenario actions live in
 * scenario-actions.svelte.ts. Screens read and write this one state.
 */
import { estimatorSchema, type FrontierPoint, type FrontierResult, type OptimizeResult, type Performance } from '../../../shared/domain/optimize.js';
import { REPORT_ONE_PAGE_SECTIONS, type ReportSection } from '../../../shared/api/reports.js';
import { ApiCallError, call, errorText, newJobId, onEvent } from '../lib/api.js';
import { createHistory } from '../lib/history.js';
import { createLatest } from '../lib/latest.js';
import { defaultForm, syncAssets, validateForm, type FieldErrors, type OptimiseForm, type OptimiseRequest } from '../forms/optimise-form.js';
import { errorSummary } from '../forms/field-labels.js';
import { withStoredSectors } from '../forms/sector-defaults.js';
import { app, knownTickers } from './app.svelte.js';

export interface Results {
  optimize?: OptimizeResult;
  frontier?: FrontierResult;
  /** Which settings produced them (see requestKey). */
  key: string;
  /** Set when the weights were adopted from a frontier point instead of optimised. */
  adoptedFrom?: number;
  /** The current holdings evaluated with the same estimators (cash at rf), when there are holdings. */
  current?: Performance;
}

export interface JobState {
  jobId: string;
  label: string;
  done: number;
  total: number;
  message?: string;
}

/** Report options the export uses (the API fills in the rest). */
export interface ReportChoice {
  sections: ReportSection[];
  paper: 'a4' | 'letter';
  title: string;
  author: string;
  /** Money, for trades in shares and money; empty = none. */
  portfolioValue: string;
}

export interface WorkbenchState {
  report: ReportChoice;
  form: OptimiseForm;
  errors: FieldErrors;
  results: Results | null;
  /** Errors from the last run (engine messages), shown above the results. */
  runError: string;
  frontierError: string;
  running: boolean;
  jobs: JobState[];
  scenarioId: number | null;
  /**
   * Max drawdown of the open scenario's saved backtest (negative fraction), null when it has none. Kept
   * beside the results, not in them: a backtest can be saved before there are results, and runs replace them.
   */
  backtestMaxDrawdown: number | null;
  /** Serialised form as last saved, to show unsaved changes. */
  savedKey: string;
  busy: '' | 'saving' | 'exporting' | 'opening';
  message: string;
}

export const work = $state<WorkbenchState>({
  report: { sections: [...REPORT_ONE_PAGE_SECTIONS], paper: 'a4', title: '', author: '', portfolioValue: '' },
  form: defaultForm(),
  errors: {},
  results: null,
  runError: '',
  frontierError: '',
  running: false,
  jobs: [],
  scenarioId: null,
  backtestMaxDrawdown: null,
  savedKey: '',
  busy: '',
  message: '',
});

/** A stable key of the settings that determine results. */
export function requestKey(request: OptimiseRequest | undefined): string {
  return request ? JSON.stringify([request.tickers, request.window, request.options, request.points]) : '';
}

/** The key of the form as it is now (tickers assumed known: staleness is about settings, not the store). */
export function currentKey(): string {
  return requestKey(validateForm(work.form, new Set(work.form.tickers)).request);
}

export function formKey(): string {
  return JSON.stringify(work.form);
}

// ---- undo / redo of form edits ----
const history = createHistory();
export function recordHistory(): void {
  history.record(formKey());
}
export function undo(): void {
  const s = history.undo();
  if (s) work.form = JSON.parse(s);
}
export function redo(): void {
  const s = history.redo();
  if (s) work.form = JSON.parse(s);
}

/** Sets the universe; rows for new tickers take their sector from the store (the scenario may override it). */
export function setTickers(tickers: string[]): void {
  const before = new Set(Object.keys(work.form.assets));
  work.form.tickers = tickers;
  work.form.assets = withStoredSectors(syncAssets(work.form), before, app.instruments);
}

// ---- jobs ----
const runGuard = createLatest();

onEvent('job-progress', (p) => {
  const job = work.jobs.find((j) => j.jobId === p.jobId);
  if (!job) return;
  job.done = p.done;
  job.total = p.total;
  job.message = p.message;
});

/** Overall progress 0–1, or null while unknown. */
export function overallProgress(jobs: readonly JobState[]): number | null {
  const known = jobs.filter((j) => j.total > 0);
  if (known.length === 0) return null;
  const done = known.reduce((a, j) => a + Math.min(j.done, j.total), 0);
  const total = known.reduce((a, j) => a + j.total, 0);
  return total > 0 ? done / total : null;
}

function isCancelled(e: unknown): boolean {
  return e instanceof ApiCallError && e.code === 'cancelled';
}

/** Validates the form and runs optimize-run and optimize-frontier as jobs. */
export async function runOptimise(): Promise<void> {
  const { errors, request } = validateForm(work.form, knownTickers());
  work.errors = errors;
  if (!request) {
    work.runError = `Fix the highlighted fields: ${errorSummary(errors)}`;
    return;
  }
  const ticket = runGuard.next();
  const runJob = newJobId('optimize');
  const frontierJob = newJobId('frontier');
  // The holdings of the chosen tickers, evaluated by main with the same estimators (cash at rf).
  const held = request.holdings ? Object.fromEntries(request.tickers.filter((t) => Math.abs(request.holdings![t] ?? 0) > 1e-9).map((t) => [t, request.holdings![t]!])) : {};
  const currentJob = Object.keys(held).length > 0 ? newJobId('current') : null;
  work.jobs = [
    { jobId: runJob, label: 'Optimisation', done: 0, total: 0 },
    { jobId: frontierJob, label: 'Frontier', done: 0, total: request.points },
    ...(currentJob ? [{ jobId: currentJob, label: 'Current', done: 0, total: 0 }] : []),
  ];
  work.running = true;
  work.runError = '';
  work.frontierError = '';
  work.message = '';
  const base = { tickers: request.tickers, window: request.window, options: request.options };
  const [opt, fr, cur] = await Promise.allSettled([
    call('optimize-run', { ...base, jobId: runJob }),
    call('optimize-frontier', { ...base, points: request.points, jobId: frontierJob }),
    currentJob ? call('portfolio-evaluate', { ...base, weights: held, jobId: currentJob }) : Promise.resolve(null),
  ]);
  // Newer settings were run (or a scenario opened) meanwhile: these answers are for old inputs.
  if (!runGuard.isCurrent(ticket)) return;
  work.running = false;
  work.jobs = [];
  const cancelled = [opt, fr, cur].some((r) => r.status === 'rejected' && isCancelled(r.reason));
  if (cancelled) {
    work.runError = 'Cancelled.';
    return;
  }
  if (opt.status === 'rejected') work.runError = errorText(opt.reason);
  if (fr.status === 'rejected') work.frontierError = errorText(fr.reason);
  if (opt.status === 'rejected' && fr.status === 'rejected') return;
  // The current point is an extra: when the holdings cannot be evaluated the chart simply omits it.
  const current = cur.status === 'fulfilled' && cur.value ? cur.value.performance : undefined;
  work.results = {
    key: requestKey(request),
    ...(opt.status === 'fulfilled' ? { optimize: opt.value } : {}),
    ...(fr.status === 'fulfilled' ? { frontier: fr.value } : {}),
    ...(current ? { current } : {}),
  };
  app.status = opt.status === 'fulfilled' ? `Optimised ${request.tickers.length} assets (${request.options.objective}).` : 'Frontier computed; the optimisation failed.';
}

/** Drops any run in flight: its answers belong to settings being replaced (scenario opened, new form). */
export function invalidateRuns(): void {
  runGuard.invalidate();
  work.running = false;
  work.jobs = [];
}

/** Cancels the running jobs (the answers come back as "cancelled"). */
export async function cancelRun(): Promise<void> {
  const ids = work.jobs.map((j) => j.jobId);
  await Promise.allSettled(ids.map((jobId) => call('job-cancel', { jobId })));
}

/** Adopts a frontier point: its weights become the result, and the settings become efficient-return at its return. */
export function adoptFrontierPoint(point: FrontierPoint, index: number): void {
  work.form.objective = 'efficient-return';
  // Four decimals of a percent: precise enough to land on the same point, short enough to read.
  work.form.targetReturn = String(Number((point.expectedReturn * 100).toFixed(4)));
  const key = currentKey();
  const prev = work.results?.optimize;
  const optimize: OptimizeResult = {
    weights: { ...point.weights },
    performance: { expectedReturn: point.expectedReturn, volatility: point.volatility, sharpe: point.sharpe },
    status: 'optimal',
    // Risk contributions and solver details described the previous portfolio, not this point.
    diagnostics: {
      solver: 'frontier point',
      iterations: 0,
      solveTimeMs: 0,
      activeConstraints: [],
      riskContributions: {},
      warnings: [],
      estimators: prev?.diagnostics.estimators ?? estimatorSchema.parse({ returns: work.form.returns, risk: work.form.risk }),
    },
    // A frontier point carries no BL prior/posterior of its own, but the run's still apply to it.
    ...(prev?.prior ? { prior: prev.prior } : {}),
    ...(prev?.posterior ? { posterior: prev.posterior } : {}),
  };
  work.results = { ...(work.results ?? { key }), key, optimize, adoptedFrom: index };
  app.status = `Adopted frontier point ${index + 1}.`;
}
