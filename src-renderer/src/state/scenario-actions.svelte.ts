/**
 * Scenario actions of the workbench: save, open, restore after a reload, new, and PDF export.
 * They read and write the one workbench state (workbench.svelte.ts).
 */
import type { Scenario } from '../../../shared/domain/scenario.js';
import type { ReportSection } from '../../../shared/api/reports.js';
import { base64ToBytes, call, errorText, newJobId, saveFile } from '../lib/api.js';
import { defaultForm, validateForm, type OptimiseRequest } from '../forms/optimise-form.js';
import { formFromScenario, scenarioFromRequest } from '../forms/scenario-form.js';
import { errorSummary } from '../forms/field-labels.js';
import { parseNumber } from '../forms/parse.js';
import { app, knownTickers } from './app.svelte.js';
import { currentKey, formKey, invalidateRuns, persistDraft, recordHistory, requestKey, work } from './workbench.svelte.js';

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
  invalidateRuns();
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

/**
 * After a reload the draft form comes back from local storage; when it is still the saved scenario's
 * settings, bring that scenario's results back too (and mark it saved).
 */
export async function restoreDraftResults(): Promise<void> {
  const id = work.scenarioId;
  if (id === null || work.results) return;
  const draftKey = formKey();
  try {
    const s = await call('scenario-get', { id });
    if (work.scenarioId !== id || formKey() !== draftKey) return; // the user moved on meanwhile
    const saved = formFromScenario(s, s.results.frontier?.points.length);
    if (JSON.stringify(saved) !== draftKey) return;
    work.savedKey = draftKey;
    const key = currentKey();
    if (s.results.optimize || s.results.frontier) {
      work.results = { key, ...(s.results.optimize ? { optimize: s.results.optimize } : {}), ...(s.results.frontier ? { frontier: s.results.frontier } : {}) };
    }
  } catch {
    // Deleted elsewhere: keep the draft as an unsaved scenario.
    if (work.scenarioId === id) work.scenarioId = null;
  }
}

export function newScenario(): void {
  invalidateRuns();
  work.form = defaultForm();
  work.results = null;
  work.scenarioId = null;
  work.savedKey = '';
  work.errors = {};
  work.runError = '';
  work.frontierError = '';
  work.message = '';
  persistDraft();
}

/** The report-export options from the user's choice (only what differs from the API defaults). */
export function reportRequest(): { sections: ReportSection[]; paper: 'a4' | 'letter'; title?: string; author?: string; portfolioValue?: number } {
  const r = work.report;
  const value = parseNumber(r.portfolioValue);
  return {
    sections: [...r.sections],
    paper: r.paper,
    ...(r.title.trim() ? { title: r.title.trim() } : {}),
    ...(r.author.trim() ? { author: r.author.trim() } : {}),
    ...(value.ok && value.value !== undefined && value.value > 0 ? { portfolioValue: value.value } : {}),
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
  if (work.scenarioId === null || work.savedKey !== formKey()) {
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
