import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFileSchema } from '../../shared/domain/scenario.js';
import { openDatabase } from '../../src-main/store/database.js';
import {
  deleteScenario,
  duplicateScenario,
  findScenarioByName,
  getScenario,
  listScenarios,
  saveScenario,
} from '../../src-main/store/scenarios-repo.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();
const file = (name: string) => scenarioFileSchema.parse({ name, tickers: ['AAA', 'BBB'], options: { objective: 'max-sharpe', targets: { rf: 0.02 } } });

describe('scenarios repository', () => {
  it('saves, reopens from disk, and keeps definition and results intact', () => {
    const path = join(dir, 's.db');
    const first = openDatabase(path);
    const saved = saveScenario(first.db, file('Core'), { optimize: { weights: { AAA: 0.25, BBB: 0.75 } } as never });
    first.db.close();
    const again = openDatabase(path);
    const loaded = getScenario(again.db, saved.id);
    expect(loaded.name).toBe('Core');
    expect(loaded.options.objective).toBe('max-sharpe');
    expect(loaded.options.targets.rf).toBe(0.02);
    expect(loaded.results.optimize?.weights).toEqual({ AAA: 0.25, BBB: 0.75 });
    expect(listScenarios(again.db).map((s) => s.name)).toEqual(['Core']);
    again.db.close();
  });

  it('refuses a second scenario of the same name (case-insensitive) and updates in place', () => {
    const { db } = openDatabase(join(dir, 'names.db'));
    const a = saveScenario(db, file('Alpha'), undefined);
    expect(() => saveScenario(db, file('ALPHA'), undefined)).toThrow(/already exists/);
    const renamed = saveScenario(db, { ...file('Alpha'), name: 'Beta' }, undefined, a.id);
    expect(renamed.id).toBe(a.id);
    expect(findScenarioByName(db, 'beta')?.id).toBe(a.id);
    db.close();
  });

  it('duplicates with a fresh name and deletes', () => {
    const { db } = openDatabase(join(dir, 'dup.db'));
    const a = saveScenario(db, file('Base'), { optimize: { weights: { AAA: 1 } } as never });
    const b = duplicateScenario(db, a.id);
    const c = duplicateScenario(db, a.id);
    expect([b.name, c.name]).toEqual(['Base (copy)', 'Base (copy 2)']);
    expect(b.results.optimize?.weights).toEqual({ AAA: 1 });
    deleteScenario(db, b.id);
    expect(() => getScenario(db, b.id)).toThrow(/no scenario/);
    expect(() => deleteScenario(db, 9999)).toThrow(/no scenario/);
    db.close();
  });
});
