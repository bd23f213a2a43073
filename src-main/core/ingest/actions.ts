/** Broker action text → transaction type. Brokers write the same thing many ways; the table is ours. */
import type { TransactionType } from './types.js';

/** Exact codes (Robinhood, IBKR, DEGIRO …), matched on the trimmed, lower-cased cell. */
const CODES: Record<string, TransactionType> = {
  buy: 'buy', sell: 'sell', bto: 'buy', stc: 'sell', sto: 'sell', btc: 'buy',
  cdiv: 'dividend', mdiv: 'dividend', div: 'dividend', int: 'interest', dtax: 'tax', gold: 'fee', dfee: 'fee',
  spl: 'split', spr: 'split', fx: 'fx', bcxl: 'sell', scxl: 'buy', rtp: 'deposit',
  // Robinhood ACATS transfers of shares in and out (no cash: amount 0).
  acati: 'deposit', acato: 'withdrawal',
  b: 'buy', s: 'sell',
};

/** Ordered (first match wins): more specific phrases before general words. */
const PHRASES: [RegExp, TransactionType | 'transfer'][] = [
  [/split/, 'split'],
  [/withholding|foreign tax|\btax\b|tax paid|nra tax/, 'tax'],
  [/reinvest(ed)? dividend|dividend|distribution|cap gain|capital gain/, 'dividend'],
  [/reinvest(ment)? shares|reinvestment|you bought|bought|\bbuy\b|purchase|market buy|limit buy|kauf|koop|achat|compra/, 'buy'],
  [/you sold|\bsold\b|\bsell\b|market sell|limit sell|redemption|verkauf|verkoop|vente|venta/, 'sell'],
  [/interest|zinsen|rente/, 'interest'],
  [/fee|commission|adr mgmt|gebühr|kosten|frais|charge/, 'fee'],
  [/currency conversion|forex|\bfx\b|valuta|exchange/, 'fx'],
  [/deposit|contribution|einzahlung|storting|received/, 'deposit'],
  [/withdraw|auszahlung|opname|disbursement/, 'withdrawal'],
  [/transfer|journal|moneylink|wire|\bach\b|eft/, 'transfer'],
];

/**
 * The type of an action text, or null when it is unknown. Transfers take their direction from the
 * amount's sign (money in = deposit). A user's own table (`custom`) wins over ours.
 */
export function classifyAction(text: string, amount: number | null, custom?: Record<string, TransactionType>): TransactionType | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return null;
  if (custom) {
    const own = custom[key];
    if (own) return own;
  }
  const code = CODES[key];
  if (code) return code;
  for (const [re, type] of PHRASES) {
    if (!re.test(key)) continue;
    if (type === 'transfer') return amount !== null && amount < 0 ? 'withdrawal' : 'deposit';
    return type;
  }
  return null;
}

/** Sign conventions: quantity + = shares in; amount + = money in. Magnitudes get the type's direction. */
export function signByType(type: TransactionType, quantity: number | null, amount: number | null): { quantity: number | null; amount: number | null } {
  const abs = (v: number | null): number | null => (v === null ? null : Math.abs(v));
  switch (type) {
    case 'buy':
      return { quantity: abs(quantity), amount: amount === null ? null : -Math.abs(amount) };
    case 'sell':
      return { quantity: quantity === null ? null : -Math.abs(quantity), amount: abs(amount) };
    case 'dividend':
    case 'interest':
    case 'deposit':
      return { quantity, amount: abs(amount) };
    case 'tax':
    case 'fee':
    case 'withdrawal':
      return { quantity, amount: amount === null ? null : -Math.abs(amount) };
    default:
      return { quantity, amount };
  }
}
