import { describe, expect, it } from 'vitest';
import { formFromDraft } from './draft-form.js';
import { defaultForm, emptyAssetRow } from './optimise-form.js';

describe('form from an autosaved draft', () => {
  it('round-trips a form through JSON', () => {
    const f = defaultForm();
    f.name = 'Draft';
    f.tickers = ['AAA', 'BBB'];
    f.assets = { AAA: { ...emptyAssetRow('AAA'), max: '40', sector: 'Tech' }, BBB: emptyAssetRow('BBB') };
    f.sectorCaps = [{ sector: 'Tech', min: '', max: '50' }];
    f.bl = { ...f.bl, enabled: true, views: [] };
    expect(formFromDraft(JSON.parse(JSON.stringify(f)))).toEqual(f);
  });

  it('keeps defaults for missing fields and fields of the wrong kind', () => {
    const f = formFromDraft({ name: 42, tickers: 'AAA', rf: '2', objective: 'max-sharpe', bl: { tau: 3, omega: 'idzorek' }, extra: true });
    const d = defaultForm();
    expect(f.name).toBe(d.name);
    expect(f.tickers).toEqual([]);
    expect(f.rf).toBe('2');
    expect(f.objective).toBe('max-sharpe');
    expect(f.bl.tau).toBe(d.bl.tau);
    expect(f.bl.omega).toBe('idzorek');
    expect('extra' in f).toBe(false);
  });
});
