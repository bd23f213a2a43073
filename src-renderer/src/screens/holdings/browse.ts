/** Paging, sorting and filter helpers of the transactions and positions browsers (pure, unit-tested). */

export const PAGE_SIZE = 100;

/** A browser table's column: header label, the sort key it orders by (if any), and its cell text. */
export interface Column<Row, Sort> {
  label: string;
  sort?: Sort;
  num?: boolean;
  text: (row: Row) => string;
}

export interface SortState<S extends string> {
  sort: S;
  dir: 'asc' | 'desc';
}

/** Clicking the sorted column flips its direction; another column sorts ascending. */
export function nextSort<S extends string>(current: SortState<S>, column: S): SortState<S> {
  return current.sort === column ? { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { sort: column, dir: 'asc' };
}

/** The aria-sort value of a column header. */
export function ariaSort<S extends string>(current: SortState<S>, column: S): 'ascending' | 'descending' | 'none' {
  if (current.sort !== column) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/** "Rows 101–200 of 1,234", or "No rows". */
export function pageLabel(offset: number, shown: number, total: number): string {
  if (total === 0) return 'No rows match';
  return `Rows ${(offset + 1).toLocaleString('en-US')}–${(offset + shown).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
}

/** Offset of the last page that still shows rows. */
export function lastPageOffset(total: number, size = PAGE_SIZE): number {
  return total === 0 ? 0 : Math.floor((total - 1) / size) * size;
}

/** Filter fields as request properties: blank text left out, ticker trimmed. */
export function filters(f: { account: string; ticker: string; from: string; to: string }): { account?: string; ticker?: string; from?: string; to?: string } {
  return {
    ...(f.account ? { account: f.account } : {}),
    ...(f.ticker.trim() ? { ticker: f.ticker.trim() } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** A number for a table cell: blank for null, up to 6 decimals, grouped. */
export function cellNumber(v: number | null): string {
  return v === null ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * How an instrument is named in a list: its ticker; where the file gave none (DEGIRO files carry only
 * an ISIN, stored as the ticker), the ISIN and the name.
 */
export function instrumentLabel(ticker: string | null, isin: string | null | undefined, name: string | null | undefined): string {
  if (ticker && ticker !== isin) return ticker;
  const id = isin ?? ticker ?? '';
  return name ? (id ? `${id} · ${name}` : name) : id;
}
