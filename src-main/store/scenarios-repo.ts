/** Saved scenarios: the definition (ScenarioFile JSON) and its last results, one row each. */
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
import { writeTransaction } from './write-transaction.js';
import {
  scenarioFileSchema,
  type Scenario,
  type ScenarioFile,
  type ScenarioResults,
  type ScenarioSummary,
} from '../../shared/domain/scenario.js';

interface ScenarioRow {
  id: number;
  name: string;
  definition: string;
  results: string;
  created_at: string;
  updated_at: string;
}

function toScenario(row: ScenarioRow): Scenario {
  const parsed = scenarioFileSchema.safeParse(JSON.parse(row.definition));
  if (!parsed.success) {
    throw new FrontierError('internal', `scenario ${row.id} ("${row.name}") has an unreadable definition`, parsed.error.issues);
  }
  return {
    ...parsed.data,
    name: row.name,
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    results: JSON.parse(row.results) as ScenarioResults,
  };
}

export function listScenarios(db: Database): ScenarioSummary[] {
  const rows = db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, id DESC').all() as ScenarioRow[];
  return rows.map((row) => {
    const s = toScenario(row);
    return { id: s.id, name: s.name, tickers: s.tickers, objective: s.options.objective, updatedAt: s.updatedAt };
  });
}

export function getScenario(db: Database, id: number): Scenario {
  const row = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
  if (!row) throw new FrontierError('not-found', `no scenario with id ${id}`);
  return toScenario(row);
}

export function findScenarioByName(db: Database, name: string): Scenario | null {
  const row = db.prepare('SELECT * FROM scenarios WHERE name = ?').get(name) as ScenarioRow | undefined;
  return row ? toScenario(row) : null;
}

/**
 * Applies `patch` to stored results key by key: a key given replaces the stored one, `null` removes it,
 * and keys not given stay. Each screen writes only its own results (the workbench optimize/frontier/current,
 * the Backtest screen backtest/stress), so a re-save from one never drops another's.
 */
export function mergeResults(stored: ScenarioResults, patch: Readonly<Record<string, unknown>>): ScenarioResults {
  const out: ScenarioResults = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Inserts (no id) or updates a scenario; names are unique, case-insensitively. `results` is merged into
 * the stored results (see mergeResults), so callers send only the parts they own.
 */
export function saveScenario(db: Database, definition: ScenarioFile, results: ScenarioResults | undefined, id?: number): Scenario {
  const now = new Date().toISOString();
  const json = JSON.stringify(definition);
  const savedId = writeTransaction(db, (): number => {
    const clash = db.prepare('SELECT id FROM scenarios WHERE name = ? AND id IS NOT ?').get(definition.name, id ?? null) as
      | { id: number }
      | undefined;
    if (clash) throw new FrontierError('conflict', `a scenario named "${definition.name}" already exists`, { id: clash.id });
    if (id === undefined) {
      const info = db
        .prepare('INSERT INTO scenarios (name, definition, results, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(definition.name, json, JSON.stringify(mergeResults({}, results ?? {})), now, now);
      return Number(info.lastInsertRowid);
    }
    const row = db.prepare('SELECT results FROM scenarios WHERE id = ?').get(id) as { results: string } | undefined;
    if (!row) throw new FrontierError('not-found', `no scenario with id ${id}`);
    const merged = mergeResults(JSON.parse(row.results) as ScenarioResults, results ?? {});
    db.prepare('UPDATE scenarios SET name = ?, definition = ?, results = ?, updated_at = ? WHERE id = ?').run(definition.name, json, JSON.stringify(merged), now, id);
    return id;
  });
  return getScenario(db, savedId);
}

export function deleteScenario(db: Database, id: number): void {
  const info = db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
  if (info.changes === 0) throw new FrontierError('not-found', `no scenario with id ${id}`);
}

/** A copy named "<name> (copy)", "<name> (copy 2)" … unless a name is given. */
export function duplicateScenario(db: Database, id: number, name?: string): Scenario {
  const source = getScenario(db, id);
  let candidate = name ?? `${source.name} (copy)`;
  for (let k = 2; !name && findScenarioByName(db, candidate); k++) candidate = `${source.name} (copy ${k})`;
  const { id: _id, createdAt: _c, updatedAt: _u, results, ...definition } = source;
  return saveScenario(db, { ...definition, name: candidate }, results);
}

/** The autosaved working copy of an editor (see migrations/0040_workbench.sql). */
export interface DraftRecord {
  slot: string;
  scenarioId: number | null;
  form: Record<string, unknown>;
  revision: number;
  updatedAt: string;
}

interface DraftRow {
  slot: string;
  scenario_id: number | null;
  form: string;
  revision: number;
  updated_at: string;
}

export function getDraft(db: Database, slot: string): DraftRecord | null {
  const row = db.prepare('SELECT * FROM scenario_drafts WHERE slot = ?').get(slot) as DraftRow | undefined;
  if (!row) return null;
  return { slot: row.slot, scenarioId: row.scenario_id, form: JSON.parse(row.form) as Record<string, unknown>, revision: row.revision, updatedAt: row.updated_at };
}

/**
 * Stores a draft unless a newer revision is already stored (saves can arrive out of order), and
 * returns the revision kept. A scenario id that no longer exists is stored as none.
 */
export function saveDraft(db: Database, slot: string, form: Record<string, unknown>, revision: number, scenarioId: number | null): { revision: number; saved: boolean } {
  return writeTransaction(db, () => {
    const stored = db.prepare('SELECT revision FROM scenario_drafts WHERE slot = ?').get(slot) as { revision: number } | undefined;
    if (stored && stored.revision >= revision) return { revision: stored.revision, saved: false };
    const linked = scenarioId !== null && db.prepare('SELECT 1 FROM scenarios WHERE id = ?').get(scenarioId) !== undefined ? scenarioId : null;
    db.prepare(
      `INSERT INTO scenario_drafts (slot, scenario_id, form, revision, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (slot) DO UPDATE SET scenario_id = excluded.scenario_id, form = excluded.form,
         revision = excluded.revision, updated_at = excluded.updated_at`,
    ).run(slot, linked, JSON.stringify(form), revision, new Date().toISOString());
    return { revision, saved: true };
  });
}
