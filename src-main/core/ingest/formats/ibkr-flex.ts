/**
 * Interactive Brokers Flex Query CSV (trades): user-chosen field names, every field quoted, optionally
 * wrapped in BOF/HEADER/DATA/EOF records. The broker's TransactionID (or TradeID) is kept for dedupe.
 */
import { columnIndex } from '../columns.js';
import type { SourceTable } from '../source.js';
import { normHeader, type TableRow } from '../table.js';
import { parseTransactionTable } from '../transactions-table.js';
import type { FormatDefinition } from './format.js';

/** Header row index and whether rows carry a leading HEADER/DATA marker. */
function flexHeader(table: SourceTable): { index: number; offset: number } | null {
  for (let i = 0; i < Math.min(10, table.rows.length); i++) {
    const cells = table.rows[i]!.cells.map(normHeader);
    const offset = cells[0] === 'header' ? 1 : 0;
    const rest = cells.slice(offset);
    if (rest.includes('tradedate') && rest.includes('quantity') && rest.includes('symbol') && (rest.includes('tradeprice') || rest.includes('netcash'))) return { index: i, offset };
  }
  return null;
}

export const ibkrFlex: FormatDefinition = {
  id: 'ibkr-flex',
  label: 'Interactive Brokers Flex Query (trades)',
  kind: 'transactions',
  detect: (table) => (flexHeader(table) ? 0.9 : 0),
  parse(table, ctx) {
    const { index, offset } = flexHeader(table)!;
    const h = table.rows[index]!.cells.map((c) => c.trim());
    const col = (...names: string[]): number | undefined => {
      const k = columnIndex(h, ...names);
      return k < 0 ? undefined : k;
    };
    const cols = Object.fromEntries(
      Object.entries({
        date: col('TradeDate'),
        ticker: col('Symbol'),
        isin: col('ISIN'),
        description: col('Description'),
        quantity: col('Quantity'),
        price: col('TradePrice'),
        fee: col('IBCommission'),
        amount: col('NetCash'),
        currency: col('CurrencyPrimary', 'Currency'),
        externalId: col('TransactionID', 'TradeID'),
        account: col('ClientAccountID', 'AccountId'),
        type: col('Buy/Sell'),
      }).filter(([, v]) => v !== undefined),
    );
    const quantity = cols.quantity;
    const out = parseTransactionTable(table, {
      headerIndex: index,
      cols,
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? null,
      signs: 'as-is',
      isNoise: (r: TableRow) => {
        const first = normHeader(r.cells[0] ?? '');
        if (offset === 1 && first !== 'data') return `${first || 'blank'} record`;
        return null;
      },
      typeFallback: (r) => ((r.cells[quantity ?? -1] ?? '').trim().startsWith('-') ? 'sell' : 'buy'),
    });
    return { ...out, header: h.slice(offset) };
  },
};
