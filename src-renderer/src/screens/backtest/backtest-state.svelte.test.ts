/**
 * "Save to scenario" against a real backend (runtime + SQLite file): the backtest lands in the saved
 * scenario and its max drawdown reaches the Optimise key metrics without reopening the scenario.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../../../shared/api/backtest.js';
import { createRuntime } from '../../../../src-main/services/runtime.js';
import { call, setTransport } from '../../lib/api.js';
import { refreshInstruments } from '../../state/app.svelte.js';
import { loadScenario, newScenario } from '../../state/scenario-actions.svelte.js';
import { currentKey, runOptimise, work } from '../../state/workbench.svelte.js';
import { attachToScenario, bt } from './backtest-state.svelte.js';

const SAMPLE = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'prices', 'wide-sample.csv');
const TICKERS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO'];

const runtime = createRuntime({ dbPath: join(mkdtempSync(join(tmpdir(), 'frontier-bt-state-')), 'b.db'), mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')) });
setTransport({ kind: 'web', call: (method, req) => runtime.call(method, req), on: () => () => undefined, saveFile: () => Promise.resolve({ saved: false }) });

let scenarioId = 0;
let otherId = 0;
let noResultsId = 0;
let report: BacktestReport;

beforeAll(async () => {
  await call('import-commit', { files: [{ name: 'wide-sample.csv', dataBase64: readFileSync(SAMPLE).toString('base64') }] });
  scenarioId = (await call('scenario-save', { scenario: { name: 'Drawdown shown', tickers: TICKERS, options: { objective: 'min-volatility' } } })).id;
  otherId = (await call('scenario-save', { scenario: { name: 'Another one', tickers: TICKERS, options: { objective: 'min-volatility' } } })).id;
  noResultsId = (await call('scenario-save', { scenario: { name: 'Not optimised yet', tickers: TICKERS, options: { objective: 'min-volatility' } } })).id;
  await refreshInstruments();
  const weights = Object.fromEntries(TICKERS.map((t) => [t, 1 / TICKERS.length]));
  report = await call('backtest-run', { tickers: TICKERS, settings: { weights, rebalance: { kind: 'calendar', every: 'monthly' } } });
});

afterAll(async () => {
  await runtime.close();
});

beforeEach(() => {
  bt.report = report;
  bt.stress = null;
  work.scenarioId = scenarioId;
  work.results = { key: currentKey() };
  work.backtestMaxDrawdown = null;
});

describe('attachToScenario', () => {
  it('saves the backtest and shows its max drawdown in the Optimise results', async () => {
    expect(report.metrics.maxDrawdown).toBeLessThan(0);
    const message = await attachToScenario(scenarioId);
    expect(message).toMatch(/^Saved the backtest to “Drawdown shown”/);
    expect(work.backtestMaxDrawdown).toBe(report.metrics.maxDrawdown);
    const saved = await call('scenario-get', { id: scenarioId });
    expect(saved.results.backtest).toBeDefined();
  });

  it('leaves the workbench alone when it holds another scenario', async () => {
    work.scenarioId = otherId;
    await attachToScenario(scenarioId);
    expect(work.backtestMaxDrawdown).toBeNull();
  });

  it('leaves the results alone when the save fails', async () => {
    work.scenarioId = 999_999;
    const message = await attachToScenario(999_999);
    expect(message).toMatch(/^Could not save to the scenario: /);
    expect(work.backtestMaxDrawdown).toBeNull();
  });

  it('keeps the drawdown through an Optimise run when the scenario had no results before the backtest', async () => {
    loadScenario(await call('scenario-get', { id: noResultsId }));
    expect(work.results).toBeNull();
    bt.report = report; // a backtest run on the scenario just opened
    await attachToScenario(noResultsId);
    await runOptimise();
    expect(work.runError).toBe('');
    expect(work.results?.optimize?.status).toBe('optimal');
    expect(work.backtestMaxDrawdown).toBe(report.metrics.maxDrawdown);
  });

  it('takes the drawdown from the scenario opened, even one without results, and drops it for a new scenario', async () => {
    await attachToScenario(noResultsId);
    loadScenario(await call('scenario-get', { id: otherId }));
    expect(work.backtestMaxDrawdown).toBeNull();
    loadScenario(await call('scenario-get', { id: noResultsId }));
    expect(work.results).toBeNull();
    expect(work.backtestMaxDrawdown).toBe(report.metrics.maxDrawdown);
    newScenario();
    expect(work.backtestMaxDrawdown).toBeNull();
  });

  it('brings the saved backtest and stress tests back, with their settings, when the scenario is reopened', async () => {
    const id = (await call('scenario-save', { scenario: { name: 'Reopened', tickers: TICKERS, options: { objective: 'min-volatility' } } })).id;
    loadScenario(await call('scenario-get', { id }));
    expect(bt.report).toBeNull();
    const weights = Object.fromEntries(TICKERS.map((t) => [t, 1 / TICKERS.length]));
    const stress = await call('stress-run', { tickers: TICKERS, settings: { weights, weightsFrom: { kind: 'static', source: 'equal' }, monteCarlo: { paths: 200 } } });
    bt.report = report;
    bt.reportKey = 'backtest-key';
    bt.stress = stress;
    bt.stressKey = 'stress-key';
    bt.form = { ...bt.form, costBps: '25', weightSource: 'equal' };
    await attachToScenario(id);
    newScenario();
    expect(bt.report).toBeNull();
    expect(bt.stress).toBeNull();
    bt.form = { ...bt.form, costBps: '0' };
    loadScenario(await call('scenario-get', { id }));
    expect(bt.report?.metrics.maxDrawdown).toBe(report.metrics.maxDrawdown);
    expect(bt.report?.equity).toHaveLength(report.equity.length);
    expect(bt.reportKey).toBe('backtest-key');
    expect(bt.stress?.weightsFrom).toEqual({ kind: 'static', source: 'equal' });
    expect(bt.stressKey).toBe('stress-key');
    // The settings the backtest ran with come back too, so it is not shown as stale.
    expect(bt.form.costBps).toBe('25');
    expect(bt.form.weightSource).toBe('equal');
    // The PDF's Backtest and Stress sections are ticked, since the scenario has them.
    expect(work.report.sections).toEqual(expect.arrayContaining(['backtest', 'stress']));
    // Opening a scenario without a saved backtest shows none (not the previous scenario's).
    loadScenario(await call('scenario-get', { id: otherId }));
    expect(bt.report).toBeNull();
  });
});
