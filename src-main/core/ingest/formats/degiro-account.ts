/**
 * DEGIRO account statement (`Account.csv`): every cash movement with a free-text description in the
 * user's UI language ("Koop 10 @ 25,50 EUR", "Dividendbelasting", "Valuta Creditering" …). The type
 * comes from the description; trades carry their quantity and price only inside that text.
 */
import { columnIndex } from '../columns.js';
import { decideNumberColumn } from '../numbers.js';
import type { SourceTable } from '../source.js';
import { headerCells, normHeader, type TableRow } from '../table.js';
import { parseTransactionTable } from '../transactions-table.js';
import { TRANSACTION_TYPES, type DecimalStyle, type IngestIssue, type TransactionType } from '../types.js';
import type { FormatDefinition } from './format.js';

/** Header words per UI language (EN, NL, DE, FR, ES, PT). */
const WORDS = {
  date: ['Date', 'Datum', 'Fecha', 'Data'],
  description: ['Description', 'Omschrijving', 'Beschreibung', 'Descripción', 'Descrição'],
  change: ['Change', 'Mutatie', 'Änderung', 'Mouvements', 'Variación', 'Mudança'],
  balance: ['Balance', 'Saldo', 'Solde'],
  product: ['Product', 'Produkt', 'Produit', 'Producto', 'Produto'],
  isin: ['ISIN', 'Code ISIN'],
  orderId: ['Order Id', 'Order ID', 'Order-ID', 'ID Ordre', 'ID Orden', 'Id da Ordem'],
};

/** Description → what the row is. Ordered: first match wins (the cash-sweep and FX words before the generic ones). */
const DESCRIPTIONS: [RegExp, TransactionType | 'skip'][] = [
  [/cash sweep|geldmarktfonds|money market fund|fonds monétaire|fondo del mercado|reserv(ation|ering|ierung)|overboeking (van|naar)|transfer (from|to) your|übertrag (von|auf)|^flatex (cash|geld)|conversie|umwandlung/, 'skip'],
  [/valuta ?(creditering|debitering)|^fx (credit|debit|withdrawal)|währungswechsel|opération de change|cambio de divisa|câmbio/, 'fx'],
  [/dividendbelasting|dividend ?tax|dividendensteuer|quellensteuer|kapitalertrag(s)?steuer|impôts? sur (le )?dividende|retención|withholding|imposto/, 'tax'],
  [/transactiekosten|transaction (and\/or third party )?(fees?|costs?)|transaktions(gebühr|kosten)|frais de (courtage|transaction)|costes de transacción|aansluitingskosten|connection fee|verbindungsgebühr|frais de connexion|comisión|stamp duty|taxe sur les transactions|financial transaction tax|kosten/, 'fee'],
  [/^dividend|^dividende|^dividendo|capital return|kapitalrückzahlung|kapitaalterugbetaling/, 'dividend'],
  // Exchange connection (market access), AutoFX, ADR/GDR pass-through, payment and service fees in any language.
  [/autofx|einrichtung von handelsmodalitäten|adr\/gdr|\bfees?\b|gebühr|kosten|frais|costes|comisi[oó]n|comissões/, 'fee'],
  [/interest|rente|zinsen|intérêts|interés|juros/, 'interest'],
  [/terugstorting|opname|withdrawal|auszahlung|retrait|retirada/, 'withdrawal'],
  [/storting|deposit|einzahlung|dépôt|ingreso|depósito/, 'deposit'],
];

/** A trade's description: "Koop 10 @ 25,50 EUR", "Verkauf 2 zu je 650,1 EUR", "Sell 3 @ 12.5 USD". */
const TRADE = /^(koop|buy|kauf|achat|compra|verkoop|sell|verkauf|vente|venta|venda)\s+([\d.,\s]+?)\s*(?:@|zu je|à|a)\s*([\d.,\s]+?)\s*([A-Z]{3})?$/i;
const SELL_WORDS = new Set(['verkoop', 'sell', 'verkauf', 'vente', 'venta', 'venda']);

/** What a description says the row is: a type, 'skip' (internal cash bookkeeping) or null (unknown). */
export function degiroDescriptionType(text: string): TransactionType | 'skip' | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const trade = TRADE.exec(text.trim());
  if (trade) return SELL_WORDS.has(trade[1]!.toLowerCase()) ? 'sell' : 'buy';
  for (const [re, type] of DESCRIPTIONS) if (re.test(t)) return type;
  return null;
}

interface Layout {
  header: number;
  description: number;
  change: number;
}

function findLayout(table: SourceTable): Layout | null {
  for (let i = 0; i < Math.min(5, table.rows.length); i++) {
    const h = table.rows[i]!.cells;
    const description = columnIndex(h, ...WORDS.description);
    const change = columnIndex(h, ...WORDS.change);
    if (columnIndex(h, ...WORDS.date) === 0 && description >= 0 && change >= 0 && columnIndex(h, ...WORDS.balance) > change && columnIndex(h, ...WORDS.isin) >= 0) {
      return { header: i, description, change };
    }
  }
  return null;
}

/** DEGIRO puts the currency before the amount (the header's blank is on the wrong side); older files may not. */
function currencyFirst(table: SourceTable, layout: Layout): boolean {
  for (const r of table.rows.slice(layout.header + 1, layout.header + 50)) {
    if (/^[A-Z]{3}$/.test((r.cells[layout.change] ?? '').trim())) return true;
    if (/^[A-Z]{3}$/.test((r.cells[layout.change + 1] ?? '').trim())) return false;
  }
  return true;
}

const IDENTITY_ACTIONS = Object.fromEntries(TRANSACTION_TYPES.map((t) => [t, t])) satisfies Record<string, TransactionType>;

export const degiroAccount: FormatDefinition = {
  id: 'degiro-account',
  label: 'DEGIRO account statement',
  kind: 'transactions',
  broker: 'DEGIRO',
  detect: (table) => (findLayout(table) ? 0.95 : 0),
  parse(table, ctx) {
    const layout = findLayout(table)!;
    const h = headerCells(table, layout.header);
    const first = currencyFirst(table, layout);
    // Only English exports ("Change") write a decimal point; NL, DE, FR, ES and PT write a comma.
    const language: DecimalStyle = normHeader(h[layout.change]!) === 'change' ? 'dot' : 'comma';
    const description = (r: TableRow): string => (r.cells[layout.description] ?? '').trim();
    const orderCol = columnIndex(h, ...WORDS.orderId);
    const out = parseTransactionTable(table, {
      headerIndex: layout.header,
      cols: {
        date: 0,
        description: layout.description,
        isin: columnIndex(h, ...WORDS.isin),
        amount: first ? layout.change + 1 : layout.change,
        currency: first ? layout.change : layout.change + 1,
        ...(orderCol >= 0 ? { externalId: orderCol } : {}),
      },
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? null,
      signs: 'as-is',
      dateOrder: 'dmy',
      decimalHint: language,
      ...(ctx.options.decimal ? { decimal: ctx.options.decimal } : {}),
      actions: IDENTITY_ACTIONS,
      typeFallback: (r) => {
        const type = degiroDescriptionType(description(r));
        return type === null || type === 'skip' ? '' : type;
      },
      isNoise: (r) => {
        if ((r.cells[0] ?? '').trim() === '') return 'continuation of the row above (DEGIRO wraps long descriptions)';
        const type = degiroDescriptionType(description(r));
        if (type === 'skip') return `internal cash movement: ${description(r)}`;
        if (type === null) return `unknown DEGIRO description "${description(r)}" (not imported)`;
        return null;
      },
    });
    // Quantity and price live only in the trade's description; their decimal style is decided over all trades.
    const trades = out.transactions.filter((t) => t.type === 'buy' || t.type === 'sell');
    const parts = trades.map((t) => TRADE.exec(t.description ?? ''));
    const style = decideNumberColumn(parts.flatMap((m) => (m ? [m[2]!, m[3]!] : [])), ctx.options.decimal ?? language);
    const errors: IngestIssue[] = [...out.errors];
    trades.forEach((t, i) => {
      const m = parts[i];
      const quantity = m ? style.parse(m[2]!) : null;
      const price = m ? style.parse(m[3]!) : null;
      if (quantity?.kind !== 'value' || price?.kind !== 'value') {
        errors.push({ line: t.line, column: h[layout.description]!, value: t.description ?? '', message: 'cannot read the quantity and price of this trade' });
        return;
      }
      t.quantity = t.type === 'sell' ? -Math.abs(quantity.value) : Math.abs(quantity.value);
      t.price = price.value;
    });
    // The fees of a trade are sibling rows with its order id: their cash stays on those rows, and the
    // trade shows their sum as its fee where the currency is the trade's own (a EUR fee on a USD trade
    // stays on its row only, since a trade's fee is in the trade's currency).
    const siblingFees = new Map<string, { currency: string | null; total: number }[]>();
    for (const t of out.transactions) {
      if (t.type !== 'fee' || !t.externalId || t.amount === null) continue;
      const list = siblingFees.get(t.externalId) ?? [];
      const same = list.find((f) => f.currency === t.currency);
      if (same) same.total += Math.abs(t.amount);
      else list.push({ currency: t.currency, total: Math.abs(t.amount) });
      siblingFees.set(t.externalId, list);
    }
    for (const t of trades) {
      const fees = t.externalId ? siblingFees.get(t.externalId) : undefined;
      if (!fees) continue;
      const same = fees.find((f) => f.currency === t.currency);
      if (same) t.fee = Math.round(same.total * 1e8) / 1e8;
    }
    // One order yields a trade row and a fee row (and partial fills several trade rows): id + type + occurrence.
    const productCol = columnIndex(h, ...WORDS.product);
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    const seen = new Map<string, number>();
    for (const t of out.transactions) {
      t.ticker ??= t.isin;
      if (productCol >= 0) t.name = (byLine.get(t.line)?.cells[productCol] ?? '').trim() || null;
      if (!t.externalId) continue;
      const key = `${t.externalId}|${t.type}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      t.externalId = `${t.externalId}#${n}`;
    }
    return { ...out, errors, header: h };
  },
};
