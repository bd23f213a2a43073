/** Filtering the Data screen's instrument list, and turning edited classifications into updates. */
import type { InstrumentSummary, InstrumentUpdate } from '../../../shared/api/market-data.js';

export interface InstrumentFilter {
  /** Text matched against ticker and name (case-insensitive), and equal to a currency. */
  text: string;
  /** '' = any; NONE = the field is blank. */
  currency: string;
  sector: string;
  assetClass: string;
  tag: string;
}

/** Filter value that selects instruments with the field left blank. */
export const NONE = '(none)';

export function emptyFilter(): InstrumentFilter {
  return { text: '', currency: '', sector: '', assetClass: '', tag: '' };
}

function matches(choice: string, value: string | null | undefined): boolean {
  if (choice === '') return true;
  if (choice === NONE) return !value;
  return value === choice;
}

export function filterInstruments(list: readonly InstrumentSummary[], f: InstrumentFilter): InstrumentSummary[] {
  const q = f.text.trim().toLowerCase();
  return list
    .filter((i) => !q || i.ticker.toLowerCase().includes(q) || (i.name ?? '').toLowerCase().includes(q) || (i.currency ?? '').toLowerCase() === q)
    .filter((i) => matches(f.currency, i.currency) && matches(f.sector, i.sector) && matches(f.assetClass, i.assetClass))
    .filter((i) => f.tag === '' || (f.tag === NONE ? (i.tags ?? []).length === 0 : (i.tags ?? []).includes(f.tag)))
    .sort((a, b) => a.ticker.localeCompare(b.ticker));
}

/** The distinct non-blank values of a field, sorted, for a filter's options. */
export function distinctValues(list: readonly InstrumentSummary[], pick: (i: InstrumentSummary) => readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const i of list) for (const v of pick(i)) if (v) out.add(v);
  return [...out].sort((a, b) => a.localeCompare(b));
}

/** One row's classification as edited (text fields as typed; tags comma-separated). */
export interface ClassificationEdit {
  sector: string;
  assetClass: string;
  tags: string;
}

export function editOf(i: InstrumentSummary): ClassificationEdit {
  return { sector: i.sector ?? '', assetClass: i.assetClass ?? '', tags: (i.tags ?? []).join(', ') };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))].sort((a, b) => a.localeCompare(b));
}

/** The updates for rows whose edit differs from the stored values (only the changed fields). */
export function classificationUpdates(list: readonly InstrumentSummary[], edits: Readonly<Record<string, ClassificationEdit>>): InstrumentUpdate[] {
  const out: InstrumentUpdate[] = [];
  for (const i of list) {
    const e = edits[i.ticker];
    if (!e) continue;
    const u: InstrumentUpdate = { ticker: i.ticker };
    if (e.sector.trim() !== (i.sector ?? '')) u.sector = e.sector.trim();
    if (e.assetClass.trim() !== (i.assetClass ?? '')) u.assetClass = e.assetClass.trim();
    const tags = parseTags(e.tags);
    if (tags.join('\u0000') !== [...(i.tags ?? [])].sort((a, b) => a.localeCompare(b)).join('\u0000')) u.tags = tags;
    if (Object.keys(u).length > 1) out.push(u);
  }
  return out;
}
