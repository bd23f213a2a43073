/** State of the Backtest tab: its form, the last backtest and stress results, and the running job. */
import type { BacktestReport, StressReport } from '../../../../shared/api/backtest.js';
import { call, errorText, newJobId, onEvent } from '../../lib/api.js';
import { defaultBacktestForm, type BacktestForm } from './backtest-form.js';

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
