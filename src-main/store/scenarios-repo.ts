/** Saved scenarios: the definition (ScenarioFile JSON) and its last results, one row each. */
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
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

/** Inserts (no id) or updates a scenario; names are unique, case-insensitively. */
export function saveScenario(db: Database, definition: ScenarioFile, results: ScenarioResults | undefined, id?: number): Scenario {
  const now = new Date().toISOString();
  const clash = db.prepare('SELECT id FROM scenarios WHERE name = ? AND id IS NOT ?').get(definition.name, id ?? null) as
    | { id: number }
    | undefined;
  if (clash) throw new FrontierError('conflict', `a scenario named "${definition.name}" already exists`, { id: clash.id });
  const json = JSON.stringify(definition);
  if (id === undefined) {
    const info = db
      .prepare('INSERT INTO scenarios (name, definition, results, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(definition.name, json, JSON.stringify(results ?? {}), now, now);
    return getScenario(db, Number(info.lastInsertRowid));
  }
  const info =
    results === undefined
      ? db.prepare('UPDATE scenarios SET name = ?, definition = ?, updated_at = ? WHERE id = ?').run(definition.name, json, now, id)
      : db
          .prepare('UPDATE scenarios SET name = ?, definition = ?, results = ?, updated_at = ? WHERE id = ?')
          .run(definition.name, json, JSON.stringify(results), now, id);
  if (info.changes === 0) throw new FrontierError('not-found', `no scenario with id ${id}`);
  return getScenario(db, id);
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
