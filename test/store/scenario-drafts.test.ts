/** The autosaved draft in a real SQLite file: survives reopening, ignores late older saves, unlinks deleted scenarios. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFileSchema } from '../../shared/domain/scenario.js';
import { openDatabase } from '../../src-main/store/database.js';
import { deleteScenario, getDraft, saveDraft, saveScenario } from '../../src-main/store/scenarios-repo.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();

describe('scenario drafts', () => {
  it('keeps the newest revision and survives reopening the file', () => {
    const path = join(dir, 'd.db');
    const first = openDatabase(path);
    expect(getDraft(first.db, 'workbench')).toBeNull();
    expect(saveDraft(first.db, 'workbench', { name: 'two' }, 2, null)).toEqual({ revision: 2, saved: true });
    // An older save arriving late must not overwrite the newer one.
    expect(saveDraft(first.db, 'workbench', { name: 'one' }, 1, null)).toEqual({ revision: 2, saved: false });
    expect(saveDraft(first.db, 'workbench', { name: 'two again' }, 2, null).saved).toBe(false);
    first.db.close();
    const again = openDatabase(path);
    expect(getDraft(again.db, 'workbench')).toMatchObject({ slot: 'workbench', form: { name: 'two' }, revision: 2, scenarioId: null });
    expect(saveDraft(again.db, 'workbench', { name: 'three', tickers: ['AAA'] }, 3, null).saved).toBe(true);
    expect(getDraft(again.db, 'workbench')?.form).toEqual({ name: 'three', tickers: ['AAA'] });
    expect(getDraft(again.db, 'other')).toBeNull();
    again.db.close();
  });

  it('links the draft to its scenario until the scenario is deleted', () => {
    const { db } = openDatabase(join(dir, 'link.db'));
    const s = saveScenario(db, scenarioFileSchema.parse({ name: 'Core', tickers: ['AAA'] }), undefined);
    saveDraft(db, 'workbench', { name: 'Core' }, 10, s.id);
    expect(getDraft(db, 'workbench')?.scenarioId).toBe(s.id);
    deleteScenario(db, s.id);
    expect(getDraft(db, 'workbench')?.scenarioId).toBeNull();
    // A stale id (deleted elsewhere) is stored as none instead of failing the save.
    expect(saveDraft(db, 'workbench', { name: 'Core' }, 11, s.id)).toEqual({ revision: 11, saved: true });
    expect(getDraft(db, 'workbench')?.scenarioId).toBeNull();
    db.close();
  });
});
