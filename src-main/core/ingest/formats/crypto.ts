/**
 * Digital-asset exports (issue 16): Coinbase "transaction history", Kraken ledgers.csv and trades.csv,
 * Binance spot trade history, and CoinGecko / CoinMarketCap daily price files. Recognised from their
 * headers. Fees stay in the currency they were paid in; a fee in the bought asset reduces the quantity
 * received, as on the exchange's balance. Stablecoins (USDT, USDC …) are instruments like any other:
 * a trade against USDT is priced in USDT, not silently in USD.
 */
import { columnIndex, findHeaderRow, tickerFromFileName } from '../columns.js';
import { stripTime } from '../dates.js';
import { parseLongPrices } from '../prices-long.js';
import type { SourceTable } from '../source.js';
import { headerCells, isBlank, normHeader, type TableRow } from '../table.js';
import type { IngestIssue, SkippedRow, TransactionRow, TransactionType } from '../types.js';
import { headerFormat, type FormatContext, type FormatDefinition, type FormatOutput } from './format.js';

/** Fiat currencies: the cash leg of a trade. Anything else is an instrument (stablecoins included). */
const FIAT = new Set(['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'TRY', 'BRL', 'ZAR', 'SGD', 'HKD', 'KRW', 'INR', 'MXN', 'AED']);
/** Kraken's legacy X/Z-prefixed asset codes. */
const KRAKEN_ASSETS: Record<string, string> = { XXBT: 'BTC', XBT: 'BTC', XXDG: 'DOGE', XDG: 'DOGE', XETH: 'ETH', XLTC: 'LTC', XXRP: 'XRP', XXLM: 'XLM', XETC: 'ETC', XXMR: 'XMR', XZEC: 'ZEC', XREP: 'REP', XMLN: 'MLN', ZUSD: 'USD', ZEUR: 'EUR', ZGBP: 'GBP', ZCAD: 'CAD', ZJPY: 'JPY', ZAUD: 'AUD', ZCHF: 'CHF' };
/** Quote assets Binance pairs end with, longest first so FDUSD wins over USD. */
const BINANCE_QUOTES = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'TUSD', 'DAI', 'BTC', 'ETH', 'BNB', 'EUR', 'GBP', 'TRY', 'BRL', 'AUD', 'USD', 'JPY'].sort((a, b) => b.length - a.length);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A number with currency signs, thousands commas and an optional asset suffix (`0.01BTC`); NaN when not one. */
function amount(raw: string | undefined): number {
  const s = (raw ?? '').trim().replace(/[$€£]/g, '').replace(/,/g, '').replace(/[A-Za-z]+$/, '');
  return s === '' ? Number.NaN : Number(s);
}

/** The asset suffix of a Binance cell (`0.01000000BTC` → BTC). */
function suffix(raw: string | undefined): string {
  return /([A-Za-z]+)\s*$/.exec((raw ?? '').trim())?.[1]?.toUpperCase() ?? '';
}

function krakenAsset(code: string): string {
  const c = code.trim().toUpperCase().replace(/\.(S|M|F|B|P)$/, '');
  return KRAKEN_ASSETS[c] ?? c;
}

interface Sink {
  transactions: TransactionRow[];
  skipped: SkippedRow[];
  errors: IngestIssue[];
  warnings: string[];
}

function newSink(): Sink {
  return { transactions: [], skipped: [], errors: [], warnings: [] };
}

function done(s: Sink, header: string[]): FormatOutput {
  return { transactions: s.transactions, skipped: s.skipped, warnings: s.warnings, errors: s.errors, header };
}

function isoDate(raw: string, line: number, column: string, s: Sink): string | null {
  const d = stripTime(raw.replace(/\s*UTC$/i, ''));
  if (ISO_DAY.test(d)) return d;
  s.errors.push({ line, column, value: raw, message: `"${raw}" is not a date and time` });
  return null;
}

function tx(base: Omit<TransactionRow, 'isin' | 'externalId' | 'description' | 'price' | 'fee' | 'amount' | 'quantity'> & Partial<TransactionRow>): TransactionRow {
  return { isin: null, externalId: null, description: null, price: null, fee: null, amount: null, quantity: null, ...base };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function needNumber(x: number, raw: string | undefined, line: number, column: string, s: Sink): boolean {
  if (Number.isFinite(x)) return true;
  s.errors.push({ line, column, value: raw ?? '', message: `"${raw ?? ''}" is not a number` });
  return false;
}

function bodyRows(table: SourceTable, headerIndex: number): TableRow[] {
  return table.rows.slice(headerIndex + 1).filter((r) => !isBlank(r));
}

// ---------------------------------------------------------------- Coinbase

const COINBASE_HEAD = ['Timestamp', 'Transaction Type', 'Asset', 'Quantity Transacted'];

function findCoinbase(table: SourceTable): number {
  // The newer report starts with an ID column; the older one with Timestamp.
  const a = findHeaderRow(table.rows, ['ID', ...COINBASE_HEAD], 10);
  return a >= 0 ? a : findHeaderRow(table.rows, COINBASE_HEAD, 10);
}

const COINBASE_TYPES: Record<string, TransactionType> = {
  buy: 'buy',
  'advanced trade buy': 'buy',
  sell: 'sell',
  'advanced trade sell': 'sell',
  receive: 'deposit',
  deposit: 'deposit',
  send: 'withdrawal',
  withdrawal: 'withdrawal',
  'rewards income': 'deposit',
  'staking income': 'deposit',
  'learning reward': 'deposit',
  'inflation reward': 'deposit',
  'coinbase earn': 'deposit',
};

export const coinbaseTransactions: FormatDefinition = {
  id: 'coinbase-transactions',
  label: 'Coinbase transaction history',
  kind: 'transactions',
  detect: (table) => (findCoinbase(table) >= 0 ? 0.96 : 0),
  parse(table, ctx) {
    const i = findCoinbase(table);
    const h = headerCells(table, i);
    const col = (...names: string[]) => columnIndex(h, ...names);
    const c = {
      id: col('ID'),
      time: col('Timestamp'),
      type: col('Transaction Type'),
      asset: col('Asset'),
      qty: col('Quantity Transacted'),
      ccy: col('Price Currency', 'Spot Price Currency'),
      price: col('Price at Transaction', 'Spot Price at Transaction'),
      subtotal: col('Subtotal'),
      total: col('Total (inclusive of fees and/or spread)', 'Total (inclusive of fees)'),
      fee: col('Fees and/or Spread', 'Fees'),
      notes: col('Notes'),
    };
    const s = newSink();
    const account = ctx.options.account ?? 'Coinbase';
    for (const r of bodyRows(table, i)) {
      const cell = (k: number) => (k >= 0 ? (r.cells[k] ?? '').trim() : '');
      const kind = cell(c.type);
      const date = isoDate(cell(c.time), r.line, 'Timestamp', s);
      if (!date) continue;
      const asset = cell(c.asset).toUpperCase();
      const q = Math.abs(amount(cell(c.qty)));
      if (!needNumber(q, cell(c.qty), r.line, 'Quantity Transacted', s)) continue;
      const currency = cell(c.ccy).toUpperCase() || null;
      const price = finite(amount(cell(c.price)));
      const total = finite(Math.abs(amount(cell(c.total))));
      const fee = finite(Math.abs(amount(cell(c.fee))));
      const ext = cell(c.id) || null;
      const notes = cell(c.notes) || null;
      if (/^convert$/i.test(kind)) {
        // "Converted 0.5 ETH to 0.0271 BTC": the other leg is only in the notes.
        const m = /converted\s+([\d.,]+)\s+(\w+)\s+to\s+([\d.,]+)\s+(\w+)/i.exec(notes ?? '');
        if (!m) {
          s.errors.push({ line: r.line, column: 'Notes', value: notes ?? '', message: 'a Convert row whose notes do not say "Converted X A to Y B"' });
          continue;
        }
        const base = { account, date, currency, line: r.line, description: notes };
        s.transactions.push(tx({ ...base, type: 'sell', ticker: m[2]!.toUpperCase(), quantity: -amount(m[1]), price, fee, amount: total, externalId: ext ? `${ext}:out` : null }));
        s.transactions.push(tx({ ...base, type: 'buy', ticker: m[4]!.toUpperCase(), quantity: amount(m[3]), amount: total === null ? null : -total, externalId: ext ? `${ext}:in` : null }));
        continue;
      }
      const type = COINBASE_TYPES[kind.toLowerCase()];
      if (!type) {
        s.skipped.push({ line: r.line, reason: `transaction type "${kind}" is not imported` });
        continue;
      }
      const fiat = FIAT.has(asset);
      const signed = type === 'sell' || type === 'withdrawal' ? -q : q;
      s.transactions.push(
        tx({
          account,
          date,
          type,
          ticker: fiat ? null : asset,
          quantity: fiat ? null : signed,
          price: fiat ? null : price,
          fee,
          // Buys spend the total (fees included); sells receive it (fees already taken off).
          amount: fiat ? signed : type === 'buy' ? (total === null ? null : -total) : type === 'sell' ? total : null,
          currency: fiat ? asset : currency,
          externalId: ext,
          description: notes ?? kind,
          line: r.line,
        }),
      );
    }
    return done(s, h);
  },
};

// ---------------------------------------------------------------- Kraken

const KRAKEN_LEDGER = ['txid', 'refid', 'time', 'type'];
const KRAKEN_TRADES = ['txid', 'ordertxid', 'pair', 'time', 'type', 'ordertype', 'price', 'cost', 'fee', 'vol'];

export const krakenLedgers: FormatDefinition = {
  id: 'kraken-ledgers',
  label: 'Kraken ledgers.csv',
  kind: 'transactions',
  detect(table) {
    const i = findHeaderRow(table.rows, KRAKEN_LEDGER, 3);
    if (i < 0) return 0;
    const h = table.rows[i]!.cells.map(normHeader);
    return h.includes('asset') && h.includes('amount') && h.includes('balance') ? 0.96 : 0;
  },
  parse(table, ctx) {
    const i = findHeaderRow(table.rows, KRAKEN_LEDGER, 3);
    const h = headerCells(table, i);
    const col = (n: string) => columnIndex(h, n);
    const c = { txid: col('txid'), refid: col('refid'), time: col('time'), type: col('type'), subtype: col('subtype'), asset: col('asset'), amount: col('amount'), fee: col('fee') };
    const s = newSink();
    const account = ctx.options.account ?? 'Kraken';
    interface Leg { line: number; date: string; type: string; asset: string; amount: number; fee: number; txid: string; refid: string }
    const byRef = new Map<string, Leg[]>();
    const order: string[] = [];
    for (const r of bodyRows(table, i)) {
      const cell = (k: number) => (k >= 0 ? (r.cells[k] ?? '').trim() : '');
      const date = isoDate(cell(c.time), r.line, 'time', s);
      const a = amount(cell(c.amount));
      const f = cell(c.fee) === '' ? 0 : amount(cell(c.fee));
      if (!date || !needNumber(a, cell(c.amount), r.line, 'amount', s) || !needNumber(f, cell(c.fee), r.line, 'fee', s)) continue;
      // Kraken writes a ledger row with an empty txid for a pending entry; it reappears once settled.
      if (cell(c.txid) === '') {
        s.skipped.push({ line: r.line, reason: 'pending entry (no txid)' });
        continue;
      }
      const leg: Leg = { line: r.line, date, type: cell(c.type).toLowerCase(), asset: krakenAsset(cell(c.asset)), amount: a, fee: f, txid: cell(c.txid), refid: cell(c.refid) || cell(c.txid) };
      if (!byRef.has(leg.refid)) order.push(leg.refid);
      byRef.set(leg.refid, [...(byRef.get(leg.refid) ?? []), leg]);
    }
    for (const ref of order) {
      const legs = byRef.get(ref)!;
      const kind = legs[0]!.type;
      if (kind === 'trade' || kind === 'spend' || kind === 'receive') {
        const cash = legs.filter((l) => FIAT.has(l.asset));
        const assets = legs.filter((l) => !FIAT.has(l.asset));
        const cashLeg = cash.length === 1 ? cash[0]! : null;
        for (const l of assets) {
          const qty = l.amount - l.fee;
          const money = cashLeg ? cashLeg.amount - cashLeg.fee : null;
          s.transactions.push(
            tx({
              account,
              date: l.date,
              type: l.amount >= 0 ? 'buy' : 'sell',
              ticker: l.asset,
              quantity: qty,
              price: cashLeg && l.amount !== 0 ? Math.abs(cashLeg.amount / l.amount) : null,
              fee: cashLeg ? cashLeg.fee || null : l.fee || null,
              amount: money,
              currency: cashLeg ? cashLeg.asset : null,
              // The trade's id, as trades.csv writes it, so importing both files counts the trade once.
              externalId: assets.length === 1 ? ref : `${ref}:${l.asset}`,
              description: `${kind} ${ref}${l.fee ? `; fee ${l.fee} ${l.asset}` : ''}`,
              line: l.line,
            }),
          );
        }
        if (assets.length === 0) for (const l of legs) s.skipped.push({ line: l.line, reason: `${kind} between currencies only (${legs.map((x) => x.asset).join('/')})` });
        continue;
      }
      for (const l of legs) {
        const fiat = FIAT.has(l.asset);
        const type: TransactionType | null =
          kind === 'deposit' ? 'deposit' : kind === 'withdrawal' ? 'withdrawal' : kind === 'staking' || kind === 'earn' || kind === 'reward' ? (fiat ? 'interest' : 'deposit') : null;
        if (!type) {
          s.skipped.push({ line: l.line, reason: `ledger type "${kind}" is not imported (${kind === 'transfer' ? 'a move between Kraken wallets' : 'no holding change Frontier models'})` });
          continue;
        }
        const net = l.amount - l.fee;
        s.transactions.push(
          tx({ account, date: l.date, type, ticker: fiat ? null : l.asset, quantity: fiat ? null : net, fee: l.fee || null, amount: fiat ? net : null, currency: l.asset, externalId: l.txid, description: `${kind} ${ref}`, line: l.line }),
        );
      }
    }
    return done(s, h);
  },
};

/** `XXBTZUSD` → BTC/USD, `SOLUSD` → SOL/USD, `XBTUSDT` → BTC/USDT, `ETH/EUR` → ETH/EUR. */
export function krakenPair(raw: string): { base: string; quote: string } | null {
  const p = raw.trim().toUpperCase();
  if (p.includes('/')) {
    const [b, q] = p.split('/');
    return b && q ? { base: krakenAsset(b), quote: krakenAsset(q) } : null;
  }
  if (p.length === 8 && /^[XZ]/.test(p) && /^[XZ]/.test(p.slice(4))) return { base: krakenAsset(p.slice(0, 4)), quote: krakenAsset(p.slice(4)) };
  for (const q of ['USDT', 'USDC', 'USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD', 'XBT', 'ETH', 'DAI']) {
    if (p.endsWith(q) && p.length > q.length) return { base: krakenAsset(p.slice(0, -q.length)), quote: krakenAsset(q) };
  }
  return null;
}

export const krakenTrades = headerFormat({ id: 'kraken-trades', label: 'Kraken trades.csv', kind: 'transactions', header: KRAKEN_TRADES, within: 3 }, (table, ctx, i, h) => {
    const col = (n: string) => columnIndex(h, n);
    const c = { txid: col('txid'), pair: col('pair'), time: col('time'), type: col('type'), price: col('price'), cost: col('cost'), fee: col('fee'), vol: col('vol') };
    const s = newSink();
    const account = ctx.options.account ?? 'Kraken';
    for (const r of bodyRows(table, i)) {
      const cell = (k: number) => (r.cells[k] ?? '').trim();
      const date = isoDate(cell(c.time), r.line, 'time', s);
      if (!date) continue;
      const pair = krakenPair(cell(c.pair));
      if (!pair) {
        s.errors.push({ line: r.line, column: 'pair', value: cell(c.pair), message: `"${cell(c.pair)}" is not a pair Frontier can split` });
        continue;
      }
      const [price, cost, fee, vol] = [amount(cell(c.price)), amount(cell(c.cost)), amount(cell(c.fee)), amount(cell(c.vol))];
      if (![['price', price, c.price], ['cost', cost, c.cost], ['fee', fee, c.fee], ['vol', vol, c.vol]].every(([n, x, k]) => needNumber(x as number, cell(k as number), r.line, n as string, s))) continue;
      const side = cell(c.type).toLowerCase();
      if (side !== 'buy' && side !== 'sell') {
        s.errors.push({ line: r.line, column: 'type', value: cell(c.type), message: `"${cell(c.type)}" is neither buy nor sell` });
        continue;
      }
      // trades.csv charges the fee in the quote currency (Kraken's default).
      s.transactions.push(
        tx({ account, date, type: side, ticker: pair.base, quantity: side === 'buy' ? vol : -vol, price, fee, amount: side === 'buy' ? -(cost + fee) : cost - fee, currency: pair.quote, externalId: cell(c.txid) || null, description: `${cell(c.pair)} ${side}`, line: r.line }),
      );
    }
    return done(s, h);
});

// ---------------------------------------------------------------- Binance

const BINANCE_NEW = ['Date(UTC)', 'Pair', 'Side', 'Price', 'Executed', 'Amount', 'Fee'];
const BINANCE_OLD = ['Date(UTC)', 'Market', 'Type', 'Price', 'Amount', 'Total', 'Fee', 'Fee Coin'];

export function binancePair(market: string): { base: string; quote: string } | null {
  const m = market.trim().toUpperCase().replace(/[-_/]/g, '');
  const q = BINANCE_QUOTES.find((x) => m.endsWith(x) && m.length > x.length);
  return q ? { base: m.slice(0, -q.length), quote: q } : null;
}

export const binanceTrades: FormatDefinition = {
  id: 'binance-trades',
  label: 'Binance spot trade history',
  kind: 'transactions',
  detect: (table) => (findHeaderRow(table.rows, BINANCE_NEW, 3) >= 0 || findHeaderRow(table.rows, BINANCE_OLD, 3) >= 0 ? 0.96 : 0),
  parse(table, ctx) {
    const newer = findHeaderRow(table.rows, BINANCE_NEW, 3);
    const i = newer >= 0 ? newer : findHeaderRow(table.rows, BINANCE_OLD, 3);
    const h = headerCells(table, i);
    const col = (n: string) => columnIndex(h, n);
    const s = newSink();
    const account = ctx.options.account ?? 'Binance';
    for (const r of bodyRows(table, i)) {
      const cell = (n: string) => (r.cells[col(n)] ?? '').trim();
      const date = isoDate(cell('Date(UTC)'), r.line, 'Date(UTC)', s);
      if (!date) continue;
      const market = cell(newer >= 0 ? 'Pair' : 'Market');
      const pair = binancePair(market);
      const side = cell(newer >= 0 ? 'Side' : 'Type').toLowerCase();
      const qtyRaw = cell(newer >= 0 ? 'Executed' : 'Amount');
      const totalRaw = cell(newer >= 0 ? 'Amount' : 'Total');
      const feeRaw = cell('Fee');
      // The newer export writes the asset after each number; the older one has a Fee Coin column.
      const base = newer >= 0 ? suffix(qtyRaw) || pair?.base : pair?.base;
      const quote = newer >= 0 ? suffix(totalRaw) || pair?.quote : pair?.quote;
      const feeCoin = newer >= 0 ? suffix(feeRaw) : cell('Fee Coin').toUpperCase();
      if (!base || !quote) {
        s.errors.push({ line: r.line, column: newer >= 0 ? 'Pair' : 'Market', value: market, message: `"${market}" is not a pair Frontier can split` });
        continue;
      }
      const [price, qty, total, fee] = [amount(cell('Price')), amount(qtyRaw), amount(totalRaw), amount(feeRaw)];
      if (![['Price', price, cell('Price')], ['Executed', qty, qtyRaw], ['Amount', total, totalRaw], ['Fee', fee, feeRaw]].every(([n, x, raw]) => needNumber(x as number, raw as string, r.line, n as string, s))) continue;
      if (side !== 'buy' && side !== 'sell') {
        s.errors.push({ line: r.line, column: 'Side', value: side, message: `"${side}" is neither BUY nor SELL` });
        continue;
      }
      const signed = side === 'buy' ? qty : -qty;
      const feeInBase = feeCoin === base;
      const feeInQuote = feeCoin === quote;
      s.transactions.push(
        tx({
          account,
          date,
          type: side,
          ticker: base,
          // A fee in the bought asset comes off what arrives.
          quantity: feeInBase ? signed - fee : signed,
          price,
          fee: feeInQuote ? fee : null,
          amount: side === 'buy' ? -(total + (feeInQuote ? fee : 0)) : total - (feeInQuote ? fee : 0),
          currency: quote,
          description: `${market} ${side}${fee ? `; fee ${fee} ${feeCoin}` : ''}`,
          line: r.line,
        }),
      );
      if (fee > 0 && !feeInBase && !feeInQuote) {
        // A fee in a third asset (BNB): its own row, in that asset.
        s.transactions.push(tx({ account, date, type: 'fee', ticker: feeCoin, quantity: -fee, fee, currency: feeCoin, description: `fee for ${market} ${side}`, line: r.line }));
      }
    }
    return done(s, h);
  },
};

// ---------------------------------------------------------------- daily price files

const GECKO_TAIL = ['price', 'market_cap', 'total_volume'];

function geckoHeader(table: SourceTable): number {
  for (const first of ['snapped_at', 'timestamp', 'date']) {
    const i = findHeaderRow(table.rows, [first, ...GECKO_TAIL], 3);
    if (i >= 0) return i;
  }
  return -1;
}

/** `btc-usd-max.csv` → BTC in USD (CoinGecko's download names). */
function geckoName(file: string): { ticker: string; currency: string } | null {
  const base = file.split(/[\\/]/).pop() ?? '';
  const m = /^([a-z0-9]+)-([a-z]{3})-(?:max|\d+)\.csv$/i.exec(base);
  return m ? { ticker: m[1]!.toUpperCase(), currency: m[2]!.toUpperCase() } : null;
}

export const coingeckoPrices: FormatDefinition = {
  id: 'coingecko',
  label: 'CoinGecko daily prices',
  kind: 'prices',
  detect: (table) => (geckoHeader(table) >= 0 ? 0.95 : 0),
  parse(table, ctx: FormatContext) {
    const i = geckoHeader(table);
    const h = headerCells(table, i);
    const named = geckoName(ctx.file);
    const ticker = ctx.options.ticker ?? named?.ticker ?? tickerFromFileName(ctx.file)?.ticker ?? null;
    const out = parseLongPrices(table, {
      headerIndex: i,
      date: 0,
      fields: { close: columnIndex(h, 'price'), volume: columnIndex(h, 'total_volume') },
      defaultTicker: ticker,
      currency: ctx.options.currency ?? named?.currency ?? null,
      decimal: ctx.options.decimal ?? 'dot',
    });
    if (!ctx.options.ticker && ticker) out.warnings.unshift(`ticker ${ticker}${named && !ctx.options.currency ? ` and currency ${named.currency}` : ''} taken from the file name (override with a ticker)`);
    return { ...out, header: h };
  },
};

const CMC = ['timeOpen', 'timeClose', 'timeHigh', 'timeLow', 'name', 'open', 'high', 'low', 'close', 'volume', 'marketCap'];

export const coinmarketcapPrices = headerFormat({ id: 'coinmarketcap', label: 'CoinMarketCap historical data', kind: 'prices', header: CMC, within: 3 }, (table, ctx, i, h) => {
    // CMC names its files `Bitcoin_1_1_2024-3_1_2024_historical_data_coinmarketcap.csv`.
    const fromName = (ctx.file.split(/[\\/]/).pop() ?? '').split('_')[0]?.toUpperCase() || null;
    const ticker = ctx.options.ticker ?? fromName;
    const col = (n: string) => columnIndex(h, n);
    const out = parseLongPrices(table, {
      headerIndex: i,
      date: col('timeOpen'),
      fields: { open: col('open'), high: col('high'), low: col('low'), close: col('close'), volume: col('volume') },
      defaultTicker: ticker,
      // Prices are quoted in the currency chosen on the site, USD unless the user changed it.
      currency: ctx.options.currency ?? 'USD',
      decimal: ctx.options.decimal ?? 'dot',
    });
    if (!ctx.options.ticker && ticker) out.warnings.unshift(`ticker ${ticker} taken from the file name (override with a ticker); currency ${ctx.options.currency ?? 'USD'} assumed unless given`);
    return { ...out, header: h };
});

export const cryptoFormats: readonly FormatDefinition[] = [coinbaseTransactions, krakenLedgers, krakenTrades, binanceTrades, coingeckoPrices, coinmarketcapPrices];
