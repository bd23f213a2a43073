/**
 * The Robustness panel's state: resampled frontier and out-of-sample comparison runs (jobs with
 * progress and Cancel), each remembered with the settings key it was computed for.
 */
import type { ResampleResult, RobustnessComparison } from '../../../shared/domain/robust.js';
import { errorSummary } from '../forms/field-labels.js';
import { validateForm } from '../forms/optimise-form.js';
import { resampleSettings } from '../forms/robust-form.js';
import { ApiCallError, call, errorText, newJobId, onEvent } from '../lib/api.js';
import { knownTickers } from './app.svelte.js';
import { currentKey, work } from './workbench.svelte.js';

type Run = '' | 'resample' | 'compare';

export const robustness = $state({
  resample: null as ResampleResult | null,
  resampleKey: '',
  comparison: null as RobustnessComparison | null,
  comparisonKey: '',
  running: '' as Run,
  jobId: '',
  done: 0,
  total: 0,
  message: '',
  error: '',
  /** Walk-forward window (price rows) and rebalance calendar of the comparison. */
  windowDays: '504',
  rebalance: 'quarterly' as 'monthly' | 'quarterly' | 'annually',
  compareDraws: '20',
  /** Results computed since the scenario was last saved (the PDF export saves them first). */
  unsaved: false,
});

onEvent('job-progress', (p) => {
  if (p.jobId !== robustness.jobId) return;
  robustness.done = p.done;
  robustness.total = p.total;
  robustness.message = p.message ?? '';
});

function start(kind: Run): string {
  robustness.running = kind;
  robustness.jobId = newJobId(kind);
  robustness.done = 0;
  robustness.total = 0;
  robustness.message = '';
  robustness.error = '';
  return robustness.jobId;
}

/** New or reopened robustness results go into the PDF unless the user unticks the section. */
function includeInReport(): void {
  if (!work.report.sections.includes('robustness')) work.report.sections = [...work.report.sections, 'robustness'];
}

function failed(e: unknown): void {
  robustness.error = e instanceof ApiCallError && e.code === 'cancelled' ? 'Cancelled.' : errorText(e);
}

/** Resamples the form's scenario: the frontier (mode "frontier") or its objective. */
export async function runResample(mode: 'frontier' | 'objective'): Promise<void> {
  const { errors, request } = validateForm(work.form, knownTickers());
  const settings = resampleSettings(work.form.robust, mode === 'frontier' ? Math.min(50, request?.points ?? 30) : undefined, errors);
  if (!request || Object.keys(errors).length > 0) {
    robustness.error = `Fix the highlighted fields: ${errorSummary(errors)}`;
    work.errors = errors;
    return;
  }
  const key = currentKey();
  const jobId = start('resample');
  try {
    const result = await call('robust-resample', {
      tickers: request.tickers,
      window: request.window,
      options: request.options,
      settings,
      ...(request.holdings && Object.keys(request.holdings).length > 0 ? { currentWeights: request.holdings } : {}),
      jobId,
    });
    robustness.resample = result;
    robustness.resampleKey = key;
    robustness.unsaved = true;
    includeInReport();
  } catch (e) {
    failed(e);
  } finally {
    robustness.running = '';
  }
}

/** Walk-forward comparison of the classical portfolio with its robust variants on the same window. */
export async function runCompare(): Promise<void> {
  const { errors, request } = validateForm(work.form, knownTickers());
  const days = Number(robustness.windowDays);
  const draws = Number(robustness.compareDraws);
  if (!Number.isInteger(days) || days < 20) errors['robust:windowDays'] = 'a whole number of days, at least 20';
  if (!Number.isInteger(draws) || draws < 1 || draws > 500) errors['robust:compareDraws'] = 'a whole number from 1 to 500';
  if (!request || Object.keys(errors).length > 0) {
    robustness.error = `Fix the highlighted fields: ${errorSummary(errors)}`;
    return;
  }
  const key = currentKey();
  const jobId = start('compare');
  try {
    robustness.comparison = await call('robust-compare', {
      tickers: request.tickers,
      window: request.window,
      options: request.options,
      backtest: { walkForward: { kind: 'rolling', days }, rebalance: { kind: 'calendar', every: robustness.rebalance } },
      resampleDraws: draws,
      jobId,
    });
    robustness.comparisonKey = key;
    robustness.unsaved = true;
    includeInReport();
  } catch (e) {
    failed(e);
  } finally {
    robustness.running = '';
  }
}

export async function cancelRobustness(): Promise<void> {
  if (robustness.jobId) await call('job-cancel', { jobId: robustness.jobId }).catch(() => undefined);
}

/** The robustness results computed for settings `key`, as saved with a scenario (null: none, remove). */
export function robustnessResults(key: string): { resample?: ResampleResult; comparison?: RobustnessComparison } | null {
  const resample = robustness.resample && robustness.resampleKey === key ? $state.snapshot(robustness.resample) : undefined;
  const comparison = robustness.comparison && robustness.comparisonKey === key ? $state.snapshot(robustness.comparison) : undefined;
  if (!resample && !comparison) return null;
  return { ...(resample ? { resample } : {}), ...(comparison ? { comparison } : {}) };
}

/** Puts a saved scenario's robustness results back (they belong to its settings, `key`). */
export function restoreRobustness(saved: unknown, key: string): void {
  const s = typeof saved === 'object' && saved !== null ? (saved as { resample?: ResampleResult; comparison?: RobustnessComparison }) : {};
  robustness.resample = s.resample ?? null;
  robustness.resampleKey = s.resample ? key : '';
  robustness.comparison = s.comparison ?? null;
  robustness.comparisonKey = s.comparison ? key : '';
  robustness.error = '';
  robustness.unsaved = false;
  if (s.resample || s.comparison) includeInReport();
}
