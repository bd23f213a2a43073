/**
 * The Optimise workbench: the form being edited, the last results, the running jobs, and the
 * actions (run, cancel, save, export, open). Screens read and write this one state.
 */
import type { FrontierPoint, FrontierResult, OptimizeResult } from '../../../shared/domain/optimize.js';
import type { Scenario } from '../../../shared/domain/scenario.js';
import { ApiCallError, base64ToBytes, call, errorText, newJobId, onEvent, saveFile } from '../lib/api.js';
import { createHistory } from '../lib/history.js';
import { createLatest } from '../lib/latest.js';
import { defaultForm, syncAssets, validateForm, type FieldErrors, type OptimiseForm, type OptimiseRequest } from '../forms/optimise-form.js';
import { formFromScenario, scenarioFromRequest } from '../forms/scenario-form.js';
import { errorSummary } from '../forms/field-labels.js';
import { app, knownTickers } from './app.svelte.js';

export interface Results {
  optimize?: OptimizeResult;
  frontier?: FrontierResult;
  /** Which settings produced them (see requestKey). */
  key: string;
  /** Set when the weights were adopted from a frontier point instead of optimised. */
  adoptedFrom?: number;
}

export interface JobState {
  jobId: string;
  label: string;
  done: number;
  total: number;
  message?: string;
}

export interface WorkbenchState {
  form: OptimiseForm;
  errors: FieldErrors;
  results: Results | null;
  /** Errors from the last run (engine messages), shown above the results. */
  runError: string;
  frontierError: string;
  running: boolean;
  jobs: JobState[];
  scenarioId: number | null;
  /** Serialised form as last saved, to show unsaved changes. */
  savedKey: string;
  busy: '' | 'saving' | 'exporting' | 'opening';
  message: string;
}

const DRAFT_KEY = 'frontier-draft';

function loadDraft(): { form: OptimiseForm; scenarioId: number | null } | null {
  try {
    const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(DRAFT_KEY) : null;
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('form' in parsed)) return null;
    // The draft was written by this module from an OptimiseForm; merge over defaults so older drafts still load.
    const form = { ...defaultForm(), ...(parsed.form as Partial<OptimiseForm>) };
    const scenarioId = 'scenarioId' in parsed && typeof parsed.scenarioId === 'number' ? parsed.scenarioId : null;
    return { form, scenarioId };
  } catch {
    return null;
  }
}

const draft = loadDraft();

export const work = $state<WorkbenchState>({
  form: draft?.form ?? defaultForm(),
  errors: {},
  results: null,
  runError: '',
  frontierError: '',
  running: false,
  jobs: [],
  scenarioId: draft?.scenarioId ?? null,
  savedKey: '',
  busy: '',
  message: '',
});

/** Autosave of the form being edited (nothing typed is lost if the app is killed). */
export function persistDraft(): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ form: $state.snapshot(work.form), scenarioId: work.scenarioId }));
  } catch {
    // Storage full or disabled: the draft is a convenience, the scenario store is the record.
  }
}

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

export function setTickers(tickers: string[]): void {
  work.form.tickers = tickers;
  work.form.assets = syncAssets(work.form);
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
  work.jobs = [
    { jobId: runJob, label: 'Optimisation', done: 0, total: 0 },
    { jobId: frontierJob, label: 'Frontier', done: 0, total: request.points },
  ];
  work.running = true;
  work.runError = '';
  work.frontierError = '';
  work.message = '';
  const base = { tickers: request.tickers, window: request.window, options: request.options };
  const [opt, fr] = await Promise.allSettled([
    call('optimize-run', { ...base, jobId: runJob }),
    call('optimize-frontier', { ...base, points: request.points, jobId: frontierJob }),
  ]);
  // Newer settings were run (or a scenario opened) meanwhile: these answers are for old inputs.
  if (!runGuard.isCurrent(ticket)) return;
  work.running = false;
  work.jobs = [];
  const cancelled = (opt.status === 'rejected' && isCancelled(opt.reason)) || (fr.status === 'rejected' && isCancelled(fr.reason));
  if (cancelled) {
    work.runError = 'Cancelled.';
    return;
  }
  if (opt.status === 'rejected') work.runError = errorText(opt.reason);
  if (fr.status === 'rejected') work.frontierError = errorText(fr.reason);
  if (opt.status === 'rejected' && fr.status === 'rejected') return;
  work.results = {
    key: requestKey(request),
    ...(opt.status === 'fulfilled' ? { optimize: opt.value } : {}),
    ...(fr.status === 'fulfilled' ? { frontier: fr.value } : {}),
  };
  app.status = opt.status === 'fulfilled' ? `Optimised ${request.tickers.length} assets (${request.options.objective}).` : 'Frontier computed; the optimisation failed.';
}

/** Cancels the running jobs (the answers come back as "cancelled"). */
export async function cancelRun(): Promise<void> {
  const ids = work.jobs.map((j) => j.jobId);
  await Promise.allSettled(ids.map((jobId) => call('job-cancel', { jobId })));
}

/** Adopts a frontier point: its weights become the result, and the settings become efficient-return at its return. */
export function adoptFrontierPoint(point: FrontierPoint, index: number): void {
  work.form.objective = 'efficient-return';
  work.form.targetReturn = String(Number((point.expectedReturn * 100).toPrecision(10)));
  const key = currentKey();
  const prev = work.results?.optimize;
  const optimize: OptimizeResult = {
    weights: { ...point.weights },
    performance: { expectedReturn: point.expectedReturn, volatility: point.volatility, sharpe: point.sharpe },
    status: 'optimal',
    diagnostics: prev?.diagnostics ?? {
      solver: 'frontier',
      iterations: 0,
      solveTimeMs: 0,
      activeConstraints: [],
      riskContributions: {},
      warnings: [],
      estimators: { returns: work.form.returns, span: 500, logReturns: false, risk: work.form.risk, benchmark: 0, frequency: 252 },
    },
  };
  work.results = { ...(work.results ?? { key }), key, optimize, adoptedFrom: index };
  app.status = `Adopted frontier point ${index + 1}.`;
}

// ---- scenarios ----
function resultsFor(request: OptimiseRequest): Record<string, unknown> | undefined {
  const r = work.results;
  if (!r || r.key !== requestKey(request)) return undefined;
  return { ...(r.optimize ? { optimize: $state.snapshot(r.optimize) } : {}), ...(r.frontier ? { frontier: $state.snapshot(r.frontier) } : {}) };
}

/** Saves the form (and results matching it) as a scenario; `asNew` forces a new record. */
export async function saveScenario(asNew = false): Promise<Scenario | null> {
  const { errors, request } = validateForm(work.form, knownTickers());
  if (!work.form.name.trim()) errors.name = 'give the scenario a name';
  work.errors = errors;
  if (!request || errors.name) {
    work.message = `Cannot save: ${errorSummary(errors)}`;
    return null;
  }
  work.busy = 'saving';
  try {
    const results = resultsFor(request);
    const saved = await call('scenario-save', {
      ...(work.scenarioId !== null && !asNew ? { id: work.scenarioId } : {}),
      scenario: scenarioFromRequest(work.form.name, request),
      ...(results ? { results } : {}),
    });
    work.scenarioId = saved.id;
    work.savedKey = formKey();
    work.message = `Saved “${saved.name}”.`;
    app.status = work.message;
    persistDraft();
    return saved;
  } catch (e) {
    work.message = `Save failed: ${errorText(e)}`;
    return null;
  } finally {
    work.busy = '';
  }
}

/** Loads a saved scenario into the workbench (settings and results). */
export async function openScenario(id: number): Promise<boolean> {
  work.busy = 'opening';
  try {
    const s = await call('scenario-get', { id });
    loadScenario(s);
    app.screen = 'optimise';
    return true;
  } catch (e) {
    app.status = `Cannot open the scenario: ${errorText(e)}`;
    return false;
  } finally {
    work.busy = '';
  }
}

export function loadScenario(s: Scenario): void {
  // Any run still going belongs to the settings being replaced.
  runGuard.invalidate();
  work.running = false;
  work.jobs = [];
  work.form = formFromScenario(s, s.results.frontier?.points.length);
  work.errors = {};
  work.runError = '';
  work.frontierError = '';
  work.scenarioId = s.id;
  work.savedKey = formKey();
  const key = currentKey();
  work.results = s.results.optimize || s.results.frontier
    ? { key, ...(s.results.optimize ? { optimize: s.results.optimize } : {}), ...(s.results.frontier ? { frontier: s.results.frontier } : {}) }
    : null;
  work.message = `Opened “${s.name}”.`;
  app.status = work.message;
  recordHistory();
  persistDraft();
}

export function newScenario(): void {
  runGuard.invalidate();
  work.form = defaultForm();
  work.results = null;
  work.scenarioId = null;
  work.savedKey = '';
  work.errors = {};
  work.runError = '';
  work.frontierError = '';
  work.running = false;
  work.jobs = [];
  work.message = '';
  persistDraft();
}

/** Exports the PDF report of the current scenario (saving it first when it has unsaved changes). */
export async function exportPdf(): Promise<void> {
  if (work.scenarioId === null || work.savedKey !== formKey()) {
    const saved = await saveScenario();
    if (!saved) return;
  }
  const scenarioId = work.scenarioId;
  if (scenarioId === null) return;
  work.busy = 'exporting';
  work.message = 'Building the PDF…';
  try {
    const pdf = await call('report-export', { scenarioId, jobId: newJobId('report') });
    const result = await saveFile(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
    work.message = result.saved ? `Exported ${pdf.fileName} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'})${result.path ? ` to ${result.path}` : ''}.` : 'Export cancelled.';
    app.status = work.message;
  } catch (e) {
    work.message = `Export failed: ${errorText(e)}`;
  } finally {
    work.busy = '';
  }
}
