/** Group constraints default from the sectors stored with the instruments (Data screen). */
import type { InstrumentSummary } from '../../../shared/api/market-data.js';
import type { AssetRow } from './optimise-form.js';

/**
 * Fills the blank sector of rows added since `before` from the store; a sector already typed in
 * the scenario is kept, so the scenario can override the stored classification.
 */
export function withStoredSectors(assets: Record<string, AssetRow>, before: ReadonlySet<string>, instruments: readonly InstrumentSummary[]): Record<string, AssetRow> {
  const stored = new Map(instruments.filter((i) => i.sector).map((i) => [i.ticker, i.sector ?? '']));
  const out: Record<string, AssetRow> = {};
  for (const [t, row] of Object.entries(assets)) {
    const sector = stored.get(t);
    out[t] = !before.has(t) && row.sector.trim() === '' && sector ? { ...row, sector } : row;
  }
  return out;
}
