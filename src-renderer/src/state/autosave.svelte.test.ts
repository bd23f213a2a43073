/**
 * Autosave against a real backend (runtime + SQLite file): drafts reach the store, are restored,
 * and a restore answering after the user started typing does not overwrite the new input.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src-main/services/runtime.js';
import { callSafe, setTransport } from '../lib/api.js';
import { defaultForm } from '../forms/optimise-form.js';
import { autosave, persistDraft, registerDraftPart, restoreDraft, startAutosave } from './autosave.svelte.js';
import { work } from './workbench.svelte.js';
import { bt } from '../screens/backtest/backtest-state.svelte.js';
import { defaultBacktestForm } from '../screens/backtest/backtest-form.js';

const dbPath = join(mkdtempSync(join(tmpdir(), 'frontier-autosave-')), 'a.db');
// A short busy timeout: the busy test holds the write lock from this same thread.
const runtime = createRuntime({ dbPath, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), busyTimeoutMs: 50 });
/** Holds back scenario-draft-get answers until released, to play a slow start. */
let hold: Promise<void> | null = null;
setTransport({
  kind: 'web',
  call: async (method, req) => {
    const answer = await runtime.call(method, req);
    if (method === 'scenario-draft-get' && hold) await hold;
    return answer;
  },
  on: () => () => undefined,
  saveFile: () => Promise.resolve({ saved: false }),
});

afterAll(async () => {
  await runtime.close();
});

/** The stored draft's form, read through the same API the page uses. */
async function storedForm(): Promise<Record<string, unknown> | undefined> {
  const r = await callSafe('scenario-draft-get', {});
  return r.ok && r.data ? r.data.form : undefined;
}
async function storedName(): Promise<unknown> {
  return (await storedForm())?.name;
}
/** A screen part of the stored draft. */
async function storedPart(name: string): Promise<unknown> {
  const parts = (await storedForm())?.parts;
  return typeof parts === 'object' && parts !== null ? Reflect.get(parts, name) : undefined;
}

describe('autosave to the store', () => {
  it('does not save before the stored draft was restored, then saves and restores', async () => {
    work.form = { ...defaultForm(), name: 'typed before start' };
    await persistDraft();
    expect(await storedName()).toBeUndefined();
    expect(await restoreDraft()).toBe(false); // nothing stored yet
    expect(autosave.ready).toBe(true);
    expect(work.form.name).toBe('typed before start');
    work.form = { ...defaultForm(), name: 'second', tickers: ['AAA'] };
    await persistDraft();
    expect(await storedName()).toBe('second');
    work.form = defaultForm();
    expect(await restoreDraft()).toBe(true);
    expect(work.form.name).toBe('second');
    expect(work.form.tickers).toEqual(['AAA']);
  });

  it('a restore arriving after the user typed leaves the new input alone', async () => {
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const pending = restoreDraft();
    work.form.name = 'typed while loading';
    release();
    hold = null;
    expect(await pending).toBe(false);
    expect(work.form.name).toBe('typed while loading');
    await expect.poll(storedName).toBe('typed while loading');
  });

  it('saves edits made outside the Optimise screen (workbench form and Backtest settings) with no screen mounted', async () => {
    const stop = startAutosave(10);
    try {
      bt.form.costBps = '17';
      bt.form.rebalance = 'quarterly';
      await expect.poll(() => storedPart('backtest')).toMatchObject({ costBps: '17', rebalance: 'quarterly' });
      work.form.name = 'renamed on the Scenarios screen';
      await expect.poll(storedName).toBe('renamed on the Scenarios screen');
    } finally {
      stop();
    }
    // Stopped: further edits are not saved.
    bt.form.costBps = '99';
    await new Promise((r) => setTimeout(r, 50));
    expect(await storedPart('backtest')).toMatchObject({ costBps: '17' });
  });

  it('restores the Backtest settings, also into a part registered after the restore, and keeps unclaimed parts', async () => {
    bt.form = defaultBacktestForm();
    work.form = defaultForm();
    expect(await restoreDraft()).toBe(true);
    expect(bt.form.costBps).toBe('17');
    expect(bt.form.rebalance).toBe('quarterly');
    expect(work.form.name).toBe('renamed on the Scenarios screen');
    // A screen whose module loads later still gets its stored settings.
    await callSafe('scenario-draft-save', { form: { ...(await storedForm()), parts: { later: { size: 3, label: 7 } } }, scenarioId: null, revision: Date.now() + 60_000 });
    expect(await restoreDraft()).toBe(true);
    // Until claimed, the stored part is carried along by saves.
    await persistDraft();
    expect(await storedPart('later')).toEqual({ size: 3, label: 7 });
    let got: Readonly<Record<string, unknown>> | null = null;
    registerDraftPart('later', { snapshot: () => ({}), restore: (raw) => (got = raw) });
    expect(got).toEqual({ size: 3, label: 7 });
  });

  it('tracks a part registered while the autosave runs (a screen opened for the first time)', async () => {
    const stop = startAutosave(10);
    try {
      const late = $state({ level: 'low' });
      // Let the autosave effect run (and save) before the part exists, as when the app starts.
      await new Promise((r) => setTimeout(r, 50));
      registerDraftPart('opened-later', { snapshot: () => ({ ...late }), restore: () => undefined });
      await expect.poll(() => storedPart('opened-later')).toEqual({ level: 'low' });
      late.level = 'high';
      await expect.poll(() => storedPart('opened-later')).toEqual({ level: 'high' });
    } finally {
      stop();
    }
  });

  it('keeps the draft and retries when another Frontier holds the write lock', async () => {
    const other = new BetterSqlite3(dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      work.form = { ...defaultForm(), name: 'typed while the database was busy' };
      await persistDraft();
      expect(autosave.error).toMatch(/^Not saved yet: the database is busy: another Frontier is writing; try again; retrying in/);
      expect(work.form.name).toBe('typed while the database was busy');
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await expect.poll(() => storedName(), { timeout: 5000 }).toBe('typed while the database was busy');
    expect(autosave.error).toBe('');
  });
});
