/**
 * Autosave of the scenario draft to SQLite (scenario_drafts), so nothing typed is lost when the app
 * or the server is killed; the draft is restored on start. The draft is the workbench form plus the
 * parts other screens register (the Backtest settings), saved app-wide whichever screen is open.
 * Saves carry an increasing revision and the store ignores an older one that arrives late; a restore
 * that arrives after the user has started editing is dropped rather than overwriting newer input.
 */
import { ApiCallError, call, errorText } from '../lib/api.js';
import { createLatest } from '../lib/latest.js';
import { formFromDraft } from '../forms/draft-form.js';
import { invalidateRuns, recordHistory, work } from './workbench.svelte.js';

export const autosave = $state({
  /** False until the stored draft has been restored (or found absent): saving earlier would overwrite it. */
  ready: false,
  /** Local time of the last save the store kept. */
  savedAt: '',
  error: '',
});

let revision = 0;
const restoreGuard = createLatest();

/** A screen's settings kept in the draft next to the workbench form (key `parts.<name>` of the stored form). */
export interface DraftPart {
  /** The settings as plain JSON; read inside an effect, so edits to them trigger an autosave. */
  snapshot: () => Record<string, unknown>;
  /** Puts stored settings back (they may come from another version: check them). */
  restore: (raw: Readonly<Record<string, unknown>>) => void;
}
const parts = new Map<string, DraftPart>();
// Screens register lazily (their modules load on first visit): the count makes a running autosave
// effect read the new part's settings, so its edits are tracked from then on.
const registry = $state({ count: 0 });
/** Stored parts not claimed yet (their screen's module loads lazily); kept in later saves so they are not lost. */
let pending: Record<string, Record<string, unknown>> = {};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Adds a screen's settings to the draft, restoring them at once if the restored draft had them. */
export function registerDraftPart(name: string, part: DraftPart): void {
  parts.set(name, part);
  registry.count++;
  const raw = pending[name];
  if (raw) {
    delete pending[name];
    part.restore(raw);
  }
}

function partsSnapshot(): Record<string, Record<string, unknown>> {
  void registry.count;
  const out: Record<string, Record<string, unknown>> = { ...pending };
  for (const [name, part] of parts) out[name] = part.snapshot();
  return out;
}

/** Everything the draft holds, as one string: changes whenever something autosaved changes. */
export function draftKey(): string {
  return JSON.stringify({ form: work.form, parts: partsSnapshot() });
}

function nextRevision(): number {
  // Time-based so revisions keep increasing across restarts; +1 keeps them strictly increasing.
  revision = Math.max(Date.now(), revision + 1);
  return revision;
}

/** First wait (ms) before an autosave that found the database busy is tried again; doubles up to 8 s. */
export const BUSY_RETRY_MS = 500;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = BUSY_RETRY_MS;

/** Saves the form as it is now (called debounced while editing, and after save/open/new). */
export async function persistDraft(): Promise<void> {
  if (!autosave.ready) return;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  const form = { ...$state.snapshot(work.form), parts: partsSnapshot() };
  try {
    const r = await call('scenario-draft-save', { form, scenarioId: work.scenarioId, revision: nextRevision() });
    revision = Math.max(revision, r.revision);
    retryDelay = BUSY_RETRY_MS;
    if (r.saved) {
      autosave.savedAt = new Date().toLocaleTimeString();
      autosave.error = '';
    }
  } catch (e) {
    if (e instanceof ApiCallError && e.code === 'busy') {
      // Another Frontier holds the write lock: the draft stays in memory and is saved again shortly
      // (the snapshot is retaken then, so the retry carries every edit made meanwhile).
      autosave.error = `Not saved yet: ${e.message}; retrying in ${Math.round(retryDelay / 1000) || 1} s`;
      retryTimer = setTimeout(() => void persistDraft(), retryDelay);
      retryDelay = Math.min(retryDelay * 2, 8000);
      return;
    }
    autosave.error = `Autosave failed: ${errorText(e)}`;
  }
}

const LEGACY_KEY = 'frontier-draft';

/** A draft left in the browser's storage by builds before the SQLite autosave (read once, then removed). */
function legacyDraft(): { form: Record<string, unknown>; scenarioId: number | null; revision: number } | null {
  try {
    const raw = localStorage.getItem(LEGACY_KEY);
    localStorage.removeItem(LEGACY_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null || !('form' in parsed)) return null;
    const form: unknown = parsed.form;
    if (typeof form !== 'object' || form === null) return null;
    const scenarioId = 'scenarioId' in parsed && typeof parsed.scenarioId === 'number' ? parsed.scenarioId : null;
    return { form: { ...form }, scenarioId, revision: 0 };
  } catch {
    return null;
  }
}

/** Loads the stored draft into the workbench, unless the user has already changed the form. */
export async function restoreDraft(): Promise<boolean> {
  const ticket = restoreGuard.next();
  const startKey = draftKey();
  let restored = false;
  let legacy = false;
  try {
    const stored = await call('scenario-draft-get', {});
    const draft = stored ?? legacyDraft();
    legacy = stored === null && draft !== null;
    if (draft && restoreGuard.isCurrent(ticket) && draftKey() === startKey) {
      revision = Math.max(revision, draft.revision);
      invalidateRuns();
      work.form = formFromDraft(draft.form);
      work.scenarioId = draft.scenarioId;
      work.results = null;
      // Restoring the scenario's saved results sets it again; a draft of another scenario must not show a stale one.
      work.backtestMaxDrawdown = null;
      const stored = isRecord(draft.form.parts) ? draft.form.parts : {};
      pending = Object.fromEntries(Object.entries(stored).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])));
      for (const [name, part] of parts) {
        const raw = pending[name];
        delete pending[name];
        if (raw) part.restore(raw);
      }
      recordHistory();
      restored = true;
    }
  } catch (e) {
    autosave.error = `Cannot restore the autosaved draft: ${errorText(e)}`;
  } finally {
    autosave.ready = true;
  }
  // Edits made while the draft was loading were not saved yet; a legacy draft moves into the store.
  if ((!restored && draftKey() !== startKey) || (restored && legacy)) void persistDraft();
  return restored;
}

/**
 * Starts the app-wide autosave: every change to the draft (on any screen) is saved after a pause in
 * typing, and recorded in the workbench undo history. Returns the stop function.
 */
export function startAutosave(delayMs = 350): () => void {
  return $effect.root(() => {
    $effect(() => {
      void draftKey();
      const timer = setTimeout(() => {
        recordHistory();
        void persistDraft();
      }, delayMs);
      return () => clearTimeout(timer);
    });
  });
}
