/** State of the Backtest tab: its form, the last backtest and stress results, and the running job. */
import type { BacktestReport, StressReport } from '../../../../shared/api/backtest.js';
import { call, errorText, newJobId, onEvent } from '../../lib/api.js';
import { defaultBacktestForm, type BacktestForm } from './backtest-form.js';
import { overDefaults } from '../../forms/draft-form.js';
import { registerDraftPart } from '../../state/autosave.svelte.js';
import { work } from '../../state/workbench.svelte.js';
import { savedMaxDrawdown, type Scenario } from '../../../../shared/domain/scenario.js';
import { sectionsWithSavedResults } from '../../../../shared/api/reports.js';

export interface BacktestTabState {
  form: BacktestForm;
  report: BacktestReport | null;
  stress: StressReport | null;
  /** runKey of the request each result was computed for (null: unknown, e.g. saved by an older version). */
  reportKey: string | null;
  stressKey: string | null;
  error: string;
  stressError: string;
  job: { id: string; label: string; done: number; total: number } | null;
}

export const bt = $state<BacktestTabState>({
  form: defaultBacktestForm(),
  report: null,
  stress: null,
  reportKey: null,
  stressKey: null,
  error: '',
  stressError: '',
  job: null,
});

// The settings belong to the scenario draft: autosaved app-wide with the workbench form, restored on start.
// The spread reads every field, so the autosave effect sees each edit.
registerDraftPart('backtest', {
  snapshot: () => ({ ...bt.form }),
  restore: (raw) => {
    bt.form = overDefaults(defaultBacktestForm(), raw);
  },
});

/** What `attachToScenario` saves next to results.backtest / results.stress, so a reopened scenario can show them. */
interface SavedRun {
  key: string | null;
  form?: Record<string, unknown>;
}

function savedRun(raw: unknown): SavedRun | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const key = 'key' in raw && typeof raw.key === 'string' ? raw.key : null;
  const form: Record<string, unknown> | undefined =
    'form' in raw && typeof raw.form === 'object' && raw.form !== null ? Object.fromEntries(Object.entries(raw.form)) : undefined;
  return { key, ...(form ? { form } : {}) };
}

const isBacktest = (v: unknown): v is BacktestReport =>
  typeof v === 'object' && v !== null && 'equity' in v && Array.isArray(v.equity) && 'metrics' in v && 'rebalances' in v;
const isStress = (v: unknown): v is StressReport => typeof v === 'object' && v !== null && 'windows' in v && 'monteCarlo' in v;

/**
 * Brings back the backtest and stress results saved with a scenario being opened (or clears them when it
 * has none), with the settings they were run with (`withForm`; after a reload the draft's settings win),
 * so they are not shown as stale when nothing changed.
 */
export function restoreSavedRuns(results: Scenario['results'] | null, withForm = true): void {
  const report = results && isBacktest(results.backtest) ? results.backtest : null;
  const stress = results && isStress(results.stress) ? results.stress : null;
  const run = savedRun(results?.backtestRun);
  bt.report = report;
  bt.reportKey = report ? (run?.key ?? null) : null;
  bt.stress = stress;
  bt.stressKey = stress ? (savedRun(results?.stressRun)?.key ?? null) : null;
  if (withForm && run?.form) bt.form = overDefaults(defaultBacktestForm(), run.form);
  work.report.sections = sectionsWithSavedResults(work.report.sections, results);
  bt.error = '';
  bt.stressError = '';
}

onEvent('job-progress', (p) => {
  if (bt.job && bt.job.id === p.jobId) {
    bt.job.done = p.done;
    bt.job.total = p.total;
  }
});

/** Runs one job-backed call with progress; errors land in `which`. */
export async function runJob<T>(label: string, which: 'error' | 'stressError', fn: (jobId: string) => Promise<T>): Promise<T | null> {
  const id = newJobId(label.toLowerCase());
  bt.job = { id, label, done: 0, total: 0 };
  bt[which] = '';
  try {
    return await fn(id);
  } catch (e) {
    bt[which] = errorText(e);
    return null;
  } finally {
    if (bt.job?.id === id) bt.job = null;
  }
}

export async function cancelJob(): Promise<void> {
  if (bt.job) await call('job-cancel', { jobId: bt.job.id }).catch(() => undefined);
}

/**
 * Shows the max drawdown of the backtest now saved with scenario `id` in the Optimise key metrics, as
 * opening the scenario would; only when the workbench holds that scenario. It is kept on the workbench
 * even before there are results, so an Optimise run afterwards shows it too.
 */
function showSavedDrawdown(id: number, results: Scenario['results']): void {
  const maxDrawdown = savedMaxDrawdown(results);
  if (work.scenarioId !== id || maxDrawdown === undefined) return;
  work.backtestMaxDrawdown = maxDrawdown;
}

/**
 * Saves the last backtest and stress results into the saved scenario (results.backtest / results.stress),
 * keeping its definition and other results, so the PDF report includes them.
 */
export async function attachToScenario(id: number): Promise<string> {
  if (!bt.report && !bt.stress) return 'Nothing to save yet: run a backtest first.';
  try {
    const saved = await call('scenario-get', { id });
    const { id: _id, createdAt: _c, updatedAt: _u, results, ...definition } = saved;
    const form = $state.snapshot(bt.form);
    const updated = await call('scenario-save', {
      id,
      scenario: definition,
      results: {
        ...results,
        ...(bt.report ? { backtest: $state.snapshot(bt.report), backtestRun: { key: bt.reportKey, form } } : {}),
        ...(bt.stress ? { stress: $state.snapshot(bt.stress), stressRun: { key: bt.stressKey, form } } : {}),
      },
    });
    showSavedDrawdown(id, updated.results);
    if (work.scenarioId === id) work.report.sections = sectionsWithSavedResults(work.report.sections, updated.results);
    return `Saved the ${bt.report ? 'backtest' : ''}${bt.report && bt.stress ? ' and ' : ''}${bt.stress ? 'stress tests' : ''} to “${saved.name}”; the PDF report includes them.`;
  } catch (e) {
    return `Could not save to the scenario: ${errorText(e)}`;
  }
}
