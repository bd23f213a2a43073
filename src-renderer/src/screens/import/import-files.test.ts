import { describe, expect, it } from 'vitest';
import { emptyWizard, toBase64, toMapping } from './import-files.js';

describe('Import screen helpers', () => {
  it('guesses the columns of a header and builds a price mapping without unmapped fields', () => {
    const w = emptyWizard(['Trade day', 'Instrument', 'Last', 'Turnover']);
    expect(w).toMatchObject({ kind: 'prices', date: 'Trade day', ticker: 'Instrument', close: 'Last', volume: 'Turnover' });
    expect(toMapping(w)).toEqual({ kind: 'prices', date: 'Trade day', ticker: 'Instrument', fields: { close: 'Last', volume: 'Turnover' } });
  });

  it('reads the action table of a transaction mapping, ignoring unknown types', () => {
    const w = { ...emptyWizard(['Datum', 'Aktion', 'Wert', 'Stück', 'Betrag']), kind: 'transactions' as const, type: 'Aktion', quantity: 'Stück', amount: 'Betrag', actions: 'Kauf = buy\nVerkauf=sell\nMüll = nonsense' };
    const m = toMapping(w);
    expect(m).toMatchObject({ kind: 'transactions', date: 'Datum', type: 'Aktion', quantity: 'Stück', amount: 'Betrag', signs: 'by-type' });
    expect(m.actions).toEqual({ kauf: 'buy', verkauf: 'sell' });
  });

  it('base64-encodes large byte arrays in chunks', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    expect(toBase64(bytes)).toBe(btoa(binary));
  });
});
