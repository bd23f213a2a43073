/**
 * Scenario actions of the workbench: save, open, restore after a reload, new, and PDF export.
 * They read and write the one workbench state (workbench.svelte.ts).
 */
import { savedMaxDrawdown, type Scenario } from '../../../shared/domain/scenario.js';
import type { ReportSection } from '../../../shared/api/reports.js';
import { base64ToBytes, call, errorText, newJobId, saveFile } from '../lib/api.js';
import { defaultForm, validateForm, type OptimiseRequest } from '../forms/optimise-form.js';
import { formFromScenario, scenarioFromRequest } from '../forms/scenario-form.js';
import { errorSummary } from '../forms/field-labels.js';
import { parseNumber } from '../forms/parse.js';
import { app, knownTickers } from './app.svelte.js';
import { currentKey, formKey, invalidateRuns, recordHistory, requestKey, work, type Results } from './workbench.svelte.js';
import { persistDraft } from './autosave.svelte.js';
import { restoreRobustness, robustness, robustnessResults } from './robustness.svelte.js';
import { reportLogo } from '../screens/optimise/report-logo.svelte.js';
import { bt, restoreSavedRuns } from '../screens/backtest/backtest-state.svelte.js';

/**
 * The workbench's part of the saved results: what matches the request, and null (remove) for the rest,
 * so results of older settings do not stay with the new definition. The store merges this into the
 * saved results, keeping the parts other screens saved (results.backtest, results.stress).
 */
function resultsFor(request: OptimiseRequest): Record<string, unknown> {
  const r = work.results && work.results.key === requestKey(request) ? work.results : null;
  return {
    optimize: r?.optimize ? $state.snapshot(r.optimize) : null,
    frontier: r?.frontier ? $state.snapshot(r.frontier) : null,
    current: r?.current ? $state.snapshot(r.current) : null,
    robustness: robustnessResults(requestKey(request)),
  };
}

/** The workbench results held by a saved scenario (null when it has none), keyed to the form now loaded. */
function savedResults(s: Scenario): Results | null {
  const { optimize, frontier, current } = s.results;
  if (!optimize && !frontier) return null;
  return {
    key: currentKey(),
    ...(optimize ? { optimize } : {}),
    ...(frontier ? { frontier } : {}),
    ...(current ? { current } : {}),
  };
}

/** The max drawdown of scenario `s`'s saved backtest, as the workbench holds it (null when none). */
function drawdownOf(s: Scenario): number | null {
  return savedMaxDrawdown(s.results) ?? null;
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
      scenario: scenarioFromRequest(work.form.name, request, work.form),
      results,
    });
    work.scenarioId = saved.id;
    // From the record saved: an update keeps its backtest, a new record (save as) has none of its own yet.
    work.backtestMaxDrawdown = drawdownOf(saved);
    work.savedKey = formKey();
    robustness.unsaved = false;
    work.message = `Saved “${saved.name}”.`;
    app.status = work.message;
    void persistDraft();
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
  invalidateRuns();
  work.form = formFromScenario(s, s.results.frontier?.points.length);
  work.errors = {};
  work.runError = '';
  work.frontierError = '';
  work.scenarioId = s.id;
  work.savedKey = formKey();
  work.results = savedResults(s);
  restoreRobustness(s.results.robustness, currentKey());
  work.backtestMaxDrawdown = drawdownOf(s);
  restoreSavedRuns(s.results);
  work.message = `Opened “${s.name}”.`;
  app.status = work.message;
  recordHistory();
  void persistDraft();
}

/**
 * After a reload the draft form comes back from the store (autosave); when it is still the saved scenario's
 * settings, bring that scenario's results back too (and mark it saved).
 */
export async function restoreDraftResults(): Promise<void> {
  const id = work.scenarioId;
  if (id === null || work.results) return;
  const draftKey = formKey();
  try {
    const s = await call('scenario-get', { id });
    if (work.scenarioId !== id || formKey() !== draftKey) return; // the user moved on meanwhile
    // The drawdown belongs to the scenario, whether or not the draft still matches its saved settings.
    work.backtestMaxDrawdown = drawdownOf(s);
    if (!bt.report && !bt.stress) restoreSavedRuns(s.results, false);
    const saved = formFromScenario(s, s.results.frontier?.points.length);
    if (JSON.stringify(saved) !== draftKey) return;
    work.savedKey = draftKey;
    const restored = savedResults(s);
    if (restored) work.results = restored;
  } catch {
    // Deleted elsewhere: keep the draft as an unsaved scenario.
    if (work.scenarioId === id) work.scenarioId = null;
  }
}

export function newScenario(): void {
  invalidateRuns();
  work.form = defaultForm();
  work.results = null;
  restoreSavedRuns(null);
  work.scenarioId = null;
  work.backtestMaxDrawdown = null;
  work.savedKey = '';
  work.errors = {};
  work.runError = '';
  work.frontierError = '';
  work.message = '';
  void persistDraft();
}

/** The report-export options from the user's choice (only what differs from the API defaults). */
export function reportRequest(): { sections: ReportSection[]; paper: 'a4' | 'letter'; title?: string; author?: string; portfolioValue?: number; logo?: string } {
  const r = work.report;
  const value = parseNumber(r.portfolioValue);
  return {
    sections: [...r.sections],
    paper: r.paper,
    ...(r.title.trim() ? { title: r.title.trim() } : {}),
    ...(r.author.trim() ? { author: r.author.trim() } : {}),
    ...(value.ok && value.value !== undefined && value.value > 0 ? { portfolioValue: value.value } : {}),
    ...(reportLogo.dataUrl ? { logo: reportLogo.dataUrl } : {}),
  };
}

/** Exports one PDF comparing up to three saved scenarios (the first is the main one). */
export async function exportComparisonPdf(ids: number[]): Promise<string> {
  const [scenarioId, ...compareIds] = ids;
  if (scenarioId === undefined) return 'Nothing to compare.';
  const sections: ReportSection[] = ['cover', 'comparison', 'weights', 'frontier', 'methodology'];
  const pdf = await call('report-export', { scenarioId, compareIds, ...reportRequest(), sections, jobId: newJobId('report') });
  const result = await saveFile(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
  return result.saved ? `Exported ${pdf.fileName}.` : 'Export cancelled.';
}

/** Exports the PDF report of the current scenario (saving it first when it has unsaved changes). */
export async function exportPdf(): Promise<void> {
  // New robustness results belong in the report too, so they are saved first.
  if (work.scenarioId === null || work.savedKey !== formKey() || robustness.unsaved) {
    const saved = await saveScenario();
    if (!saved) return;
  }
  const scenarioId = work.scenarioId;
  if (scenarioId === null) return;
  work.busy = 'exporting';
  work.message = 'Building the PDF…';
  try {
    const pdf = await call('report-export', { scenarioId, ...reportRequest(), jobId: newJobId('report') });
    const result = await saveFile(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
    work.message = result.saved ? `Exported ${pdf.fileName} (${pdf.pages} page${pdf.pages === 1 ? '' : 's'})${result.path ? ` to ${result.path}` : ''}.` : 'Export cancelled.';
    app.status = work.message;
  } catch (e) {
    work.message = `Export failed: ${errorText(e)}`;
  } finally {
    work.busy = '';
  }
}
