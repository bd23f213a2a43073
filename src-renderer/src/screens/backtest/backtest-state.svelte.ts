/** State of the Backtest tab: its form, the last backtest and stress results, and the running job. */
import type { BacktestReport, StressReport } from '../../../../shared/api/backtest.js';
import { call, errorText, newJobId, onEvent } from '../../lib/api.js';
import { defaultBacktestForm, type BacktestForm } from './backtest-form.js';
import { overDefaults } from '../../forms/draft-form.js';
import { registerDraftPart } from '../../state/autosave.svelte.js';
import { work } from '../../state/workbench.svelte.js';
import { savedMaxDrawdown, type Scenario } from '../../../../shared/domain/scenario.js';

export interface BacktestTabState {
  form: BacktestForm;
  report: BacktestReport | null;
  stress: StressReport | null;
  error: string;
  stressError: string;
  job: { id: string; label: string; done: number; total: number } | null;
}

export const bt = $state<BacktestTabState>({
  form: defaultBacktestForm(),
  report: null,
  stress: null,
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
    const updated = await call('scenario-save', {
      id,
      scenario: definition,
      results: { ...results, ...(bt.report ? { backtest: bt.report } : {}), ...(bt.stress ? { stress: bt.stress } : {}) },
    });
    showSavedDrawdown(id, updated.results);
    return `Saved the ${bt.report ? 'backtest' : ''}${bt.report && bt.stress ? ' and ' : ''}${bt.stress ? 'stress tests' : ''} to “${saved.name}”; the PDF report includes them.`;
  } catch (e) {
    return `Could not save to the scenario: ${errorText(e)}`;
  }
}
