/** The Options screen's state and actions: book settings, Greeks, grid, hedge (and adopt), replay with Cancel. */
import type { AdoptedHedgeOut, HedgedGreek, OptionsGreeksOut, OptionsGridOut, OptionsHedgeOut, OptionsReplayOut } from '../../../../shared/api/options.js';
import type { ReportSection } from '../../../../shared/api/reports.js';
import { base64ToBytes, call, errorText, newJobId, onEvent, saveFile } from '../../lib/api.js';
import { app } from '../../state/app.svelte.js';
import { reportRequest, saveScenario } from '../../state/scenario-actions.svelte.js';
import { work } from '../../state/workbench.svelte.js';

export interface OptionsUi {
  asOf: string;
  rate: string;
  message: { kind: 'ok' | 'error'; text: string } | null;
  greeks: OptionsGreeksOut | null;
  grid: OptionsGridOut | null;
  horizonDays: string;
  hedge: OptionsHedgeOut | null;
  hedgeError: string;
  neutralize: HedgedGreek[];
  instruments: string;
  band: string;
  wholeContracts: boolean;
  adopted: AdoptedHedgeOut | null;
  replay: OptionsReplayOut | null;
  replayError: string;
  rules: string;
  costBps: string;
  job: { id: string; done: number; total: number; text: string } | null;
  busy: '' | 'importing' | 'greeks' | 'hedge' | 'adopt' | 'replay' | 'export';
}

export const opt = $state<OptionsUi>({
  asOf: '',
  rate: '0',
  message: null,
  greeks: null,
  grid: null,
  horizonDays: '0',
  hedge: null,
  hedgeError: '',
  neutralize: ['delta'],
  instruments: '',
  band: '0',
  wholeContracts: false,
  adopted: null,
  replay: null,
  replayError: '',
  rules: 'daily,weekly,band:0.1',
  costBps: '5',
  job: null,
  busy: '',
});

onEvent('job-progress', (p) => {
  if (opt.job && opt.job.id === p.jobId) opt.job = { ...opt.job, done: p.done, total: p.total, text: p.message ?? '' };
});

const number = (raw: string, fallback: number): number => {
  const x = Number(raw.trim());
  return raw.trim() === '' || !Number.isFinite(x) ? fallback : x;
};

/** The book part of every request (stored positions; as-of when given). */
export function bookRequest(): { rate: number; asOf?: string } {
  return { rate: number(opt.rate, 0), ...(/^\d{4}-\d{2}-\d{2}$/.test(opt.asOf) ? { asOf: opt.asOf } : {}) };
}

/** Imports option position files, then refreshes the Greeks. */
export async function importOptionFiles(files: { name: string; dataBase64: string }[]): Promise<void> {
  opt.busy = 'importing';
  try {
    const r = await call('options-import', { files, ...(bookRequest().asOf ? { asOf: opt.asOf } : {}) });
    opt.message = { kind: 'ok', text: `Imported ${r.inserted} option positions (${r.existing} already stored) from ${r.files.map((f) => `${f.file} (${f.format})`).join(', ')}.` };
    await refreshGreeks();
  } catch (e) {
    opt.message = { kind: 'error', text: errorText(e) };
  } finally {
    opt.busy = '';
  }
}

let generation = 0;

/** Greeks and the revaluation grid of the stored book; `quiet` (opening the screen) shows no error for an empty store. A late answer never overwrites a newer one. */
export async function refreshGreeks(quiet = false): Promise<void> {
  const mine = ++generation;
  opt.busy = 'greeks';
  try {
    const greeks = await call('options-greeks', bookRequest());
    const grid = greeks.positions.some((p) => p.status === 'priced') ? await call('options-grid', { ...bookRequest(), settings: { horizonDays: Math.max(0, Math.round(number(opt.horizonDays, 0))) } }) : null;
    const adopted = await call('options-hedge-adopted', {});
    if (mine !== generation) return;
    opt.greeks = greeks;
    opt.grid = grid;
    opt.adopted = adopted;
    if (!opt.instruments) opt.instruments = Object.keys(greeks.byUnderlying).join(',');
  } catch (e) {
    if (mine !== generation) return;
    opt.greeks = null;
    opt.grid = null;
    if (!quiet) opt.message = { kind: 'error', text: errorText(e) };
  } finally {
    if (mine === generation) opt.busy = '';
  }
}

function hedgeSettings() {
  return {
    neutralize: [...opt.neutralize],
    instruments: opt.instruments.split(',').map((s) => s.trim()).filter(Boolean),
    band: Math.max(0, number(opt.band, 0)),
    wholeContracts: opt.wholeContracts,
  };
}

export async function runHedge(): Promise<void> {
  opt.busy = 'hedge';
  opt.hedgeError = '';
  try {
    opt.hedge = await call('options-hedge', { ...bookRequest(), settings: hedgeSettings() });
  } catch (e) {
    opt.hedge = null;
    opt.hedgeError = errorText(e);
  } finally {
    opt.busy = '';
  }
}

/** Stores the hedge as the proposed one (printed in the report's Options section). */
export async function adoptHedge(): Promise<void> {
  opt.busy = 'adopt';
  try {
    opt.adopted = await call('options-hedge-adopt', { ...bookRequest(), settings: hedgeSettings() });
    opt.hedge = opt.adopted.hedge;
    opt.message = { kind: 'ok', text: `Hedge adopted (cost ${opt.adopted.hedge.cost.toFixed(2)}): it is the proposed hedge in the report.` };
  } catch (e) {
    opt.hedgeError = errorText(e);
  } finally {
    opt.busy = '';
  }
}

export async function runReplay(): Promise<void> {
  const id = newJobId('options-replay');
  opt.job = { id, done: 0, total: 0, text: 'starting' };
  opt.busy = 'replay';
  opt.replayError = '';
  try {
    const rules = opt.rules.split(',').map((s) => s.trim()).filter(Boolean);
    opt.replay = await call('options-replay', { ...bookRequest(), settings: { rules, costBps: Math.max(0, number(opt.costBps, 0)) }, jobId: id });
  } catch (e) {
    opt.replay = null;
    opt.replayError = errorText(e);
  } finally {
    opt.job = null;
    opt.busy = '';
  }
}

export async function cancelReplay(): Promise<void> {
  if (opt.job) await call('job-cancel', { jobId: opt.job.id }).catch(() => undefined);
}

/** The current scenario's PDF with the Options section added (the scenario is saved first when needed). */
export async function exportOptionsPdf(): Promise<void> {
  opt.busy = 'export';
  try {
    if (work.scenarioId === null) {
      const saved = await saveScenario();
      if (!saved) {
        opt.message = { kind: 'error', text: `${work.message} (the report belongs to a scenario: fill it in on the Optimise screen)` };
        return;
      }
    }
    const scenarioId = work.scenarioId;
    if (scenarioId === null) return;
    const req = reportRequest();
    const sections: ReportSection[] = [...new Set<ReportSection>([...req.sections, 'options'])];
    const pdf = await call('report-export', { scenarioId, ...req, sections, jobId: newJobId('report') });
    const result = await saveFile(pdf.fileName, base64ToBytes(pdf.pdfBase64), 'application/pdf');
    opt.message = { kind: 'ok', text: result.saved ? `Exported ${pdf.fileName} (${pdf.pages} pages).` : 'Export cancelled.' };
    app.status = opt.message.text;
  } catch (e) {
    opt.message = { kind: 'error', text: `Export failed: ${errorText(e)}` };
  } finally {
    opt.busy = '';
  }
}
