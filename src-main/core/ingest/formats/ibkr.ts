/**
 * Interactive Brokers Activity Statement CSV: one file of sections; column 1 names the section, column
 * 2 says Header / Data / SubTotal / Total / Notes. A section may re-declare its header mid-way. Trades
 * (stocks and forex; ClosedLot rows skipped), dividends, withholding tax, interest, deposits and
 * withdrawals, fees, corporate actions (splits) and open positions are read.
 */
import { decideDateColumn } from '../dates.js';
import { parseNumberCell } from '../numbers.js';
import type { SourceTable } from '../source.js';
import { normHeader, type TableRow } from '../table.js';
import type { IngestIssue, PositionRow, SkippedRow, TransactionRow, TransactionType } from '../types.js';
import type { FormatDefinition, FormatOutput } from './format.js';

const ISO = (raw: string): string | null => {
  const d = decideDateColumn([raw], 'mdy');
  return d.ok ? d.decision.parse(raw) : null;
};

/**
 * Why a Data row is not data: a total or subtotal (`Total`, `Total in USD`, `Total Dividends in USD`,
 * `SubTotal` in whichever leading column the section puts it: Currency, Subtitle, Asset Category) or a
 * subtitle row (one label, nothing else). Null for a real row.
 */
function totalOrSubtitle(cells: readonly string[]): string | null {
  const lead = cells.slice(0, 3).find((c) => c !== '') ?? '';
  if (/^(sub\s*)?totals?\b/i.test(lead)) return `total row (${lead})`;
  if (cells.filter((c) => c !== '').length === 1 && cells.length > 1) return `subtitle row (${lead})`;
  return null;
}

export const ibkrActivity: FormatDefinition = {
  id: 'ibkr-activity',
  label: 'Interactive Brokers Activity Statement',
  kind: 'transactions',
  broker: 'IBKR',
  detect(table) {
    const rows = table.rows.slice(0, 10);
    return rows.some((r) => normHeader(r.cells[0] ?? '') === 'statement' && normHeader(r.cells[1] ?? '') === 'header') ? 0.97 : 0;
  },
  parse(table, ctx) {
    const headers = new Map<string, string[]>();
    const errors: IngestIssue[] = [];
    const skipped: SkippedRow[] = [];
    const warnings: string[] = [];
    const transactions: TransactionRow[] = [];
    const positions: PositionRow[] = [];
    let account = ctx.options.account ?? null;
    let periodEnd: string | null = null;
    let baseCurrency: string | null = null;
    const instruments = new Map<string, { isin: string | null; name: string | null }>();
    const pending: { section: string; row: TableRow; get: (name: string) => string }[] = [];
    for (const r of table.rows) {
      const section = (r.cells[0] ?? '').trim();
      const kind = (r.cells[1] ?? '').trim();
      if (section === '' && kind === '') continue;
      if (kind === 'Header') {
        headers.set(section, r.cells.slice(2).map((c) => c.trim()));
        continue;
      }
      if (kind === 'SubTotal' || kind === 'Total') {
        skipped.push({ line: r.line, reason: `${section}: ${kind.toLowerCase()} row` });
        continue;
      }
      if (kind !== 'Data') {
        if (kind !== 'Notes') skipped.push({ line: r.line, reason: `${section}: ${kind || 'unrecognised'} row` });
        continue;
      }
      const h = headers.get(section);
      if (!h) {
        errors.push({ line: r.line, column: section, message: `a Data row of section "${section}" comes before its Header row` });
        continue;
      }
      const cells = r.cells.slice(2).map((c) => c.trim());
      const noise = totalOrSubtitle(cells);
      if (noise) {
        skipped.push({ line: r.line, reason: `${section}: ${noise}` });
        continue;
      }
      const get = (name: string): string => {
        const i = h.findIndex((x) => normHeader(x) === normHeader(name));
        return i < 0 ? '' : (cells[i] ?? '');
      };
      if (section === 'Statement' && get('Field Name') === 'Period') {
        const m = /-\s*(.+)$/.exec(get('Field Value'));
        periodEnd = ISO((m ? m[1]! : get('Field Value')).trim());
        continue;
      }
      if (section === 'Account Information') {
        if (get('Field Name') === 'Account') account ??= get('Field Value');
        if (get('Field Name') === 'Base Currency') baseCurrency = get('Field Value');
        continue;
      }
      if (section === 'Statement') continue;
      if (section === 'Financial Instrument Information') {
        // The statement's own table of instruments: ISIN (Security ID) and name per symbol.
        const id = get('Security ID');
        instruments.set(get('Symbol'), { isin: /^[A-Z]{2}[A-Z0-9]{9}\d$/.test(id) ? id : null, name: get('Description') || null });
        continue;
      }
      pending.push({ section, row: r, get });
    }
    const acct = account ?? 'default';
    const num = (p: (typeof pending)[number], name: string): number | null | IngestIssue => {
      const raw = p.get(name);
      const v = parseNumberCell(raw, 'dot');
      if (v.kind === 'invalid') return { line: p.row.line, column: name, value: raw, message: v.message };
      return v.kind === 'value' ? v.value : null;
    };
    const isIssue = (x: unknown): x is IngestIssue => typeof x === 'object' && x !== null;
    const date = (p: (typeof pending)[number], name: string): string | null => {
      const raw = p.get(name);
      const d = ISO(raw);
      if (!d) errors.push({ line: p.row.line, column: name, value: raw, message: raw ? `"${raw}" is not a date` : 'the date is missing' });
      return d;
    };
    const cash = (p: (typeof pending)[number], type: TransactionType | ((amount: number) => TransactionType), dateField: string): void => {
      const desc = p.get('Description');
      // Totals sit inside Data rows of these sections (Currency "Total", or "Total in USD").
      if (/^total/i.test(p.get('Currency')) || /^total/i.test(desc)) {
        skipped.push({ line: p.row.line, reason: `${p.section}: total row` });
        return;
      }
      const d = date(p, dateField);
      const amount = num(p, 'Amount');
      if (isIssue(amount)) return void errors.push(amount);
      if (!d || amount === null) return;
      const t = typeof type === 'function' ? type(amount) : type;
      const sym = /^([A-Z0-9.]+)\s*\(([A-Z0-9]{12})\)/.exec(desc);
      transactions.push({
        account: acct, date: d, type: t, ticker: sym?.[1] ?? null, isin: sym?.[2] ?? null, description: desc || null,
        quantity: null, price: null, fee: null, amount, currency: p.get('Currency') || null, externalId: null, line: p.row.line,
      });
    };
    for (const p of pending) {
      switch (p.section) {
        case 'Trades': {
          if (p.get('DataDiscriminator') && p.get('DataDiscriminator') !== 'Order' && p.get('DataDiscriminator') !== 'Trade') {
            skipped.push({ line: p.row.line, reason: `Trades: ${p.get('DataDiscriminator')} row` });
            break;
          }
          const d = date(p, 'Date/Time');
          const q = num(p, 'Quantity');
          const price = num(p, 'T. Price');
          const proceeds = num(p, 'Proceeds');
          // Forex trades name their commission column after the base currency ("Comm in USD").
          const fee = num(p, p.get('Comm/Fee') !== '' ? 'Comm/Fee' : `Comm in ${baseCurrency ?? 'USD'}`);
          const fail = [q, price, proceeds, fee].find(isIssue);
          if (fail) {
            errors.push(fail as IngestIssue);
            break;
          }
          if (!d || q === null) break;
          const forex = /forex/i.test(p.get('Asset Category'));
          const commission = fee === null ? null : Math.abs(fee as number);
          transactions.push({
            account: acct, date: d, type: forex ? 'fx' : (q as number) >= 0 ? 'buy' : 'sell', ticker: p.get('Symbol') || null, isin: null,
            description: forex ? `${p.get('Symbol')} conversion` : null, quantity: q as number, price: price as number | null, fee: commission,
            amount: proceeds === null ? null : (proceeds as number) - (commission ?? 0), currency: p.get('Currency') || null, externalId: null, line: p.row.line,
          });
          break;
        }
        case 'Dividends':
          cash(p, 'dividend', 'Date');
          break;
        case 'Withholding Tax':
          cash(p, 'tax', 'Date');
          break;
        case 'Interest':
          cash(p, 'interest', 'Date');
          break;
        case 'Fees':
          cash(p, 'fee', 'Date');
          break;
        case 'Deposits & Withdrawals':
          cash(p, (a) => (a < 0 ? 'withdrawal' : 'deposit'), 'Settle Date');
          break;
        case 'Corporate Actions': {
          const desc = p.get('Description');
          if (/^total/i.test(p.get('Asset Category')) || /^total/i.test(desc)) {
            skipped.push({ line: p.row.line, reason: 'Corporate Actions: total row' });
            break;
          }
          const d = date(p, 'Date/Time');
          const q = num(p, 'Quantity');
          if (isIssue(q)) {
            errors.push(q);
            break;
          }
          const sym = /^([A-Z0-9.]+)\s*\(([A-Z0-9]{12})\)/.exec(desc);
          if (!d) break;
          if (!/split/i.test(desc)) {
            skipped.push({ line: p.row.line, reason: `corporate action not imported: ${desc.slice(0, 60)}` });
            break;
          }
          transactions.push({
            account: acct, date: d, type: 'split', ticker: sym?.[1] ?? null, isin: sym?.[2] ?? null, description: desc,
            quantity: q, price: null, fee: null, amount: null, currency: p.get('Currency') || null, externalId: null, line: p.row.line,
          });
          break;
        }
        case 'Open Positions': {
          if (p.get('DataDiscriminator') && p.get('DataDiscriminator') !== 'Summary') {
            skipped.push({ line: p.row.line, reason: `Open Positions: ${p.get('DataDiscriminator')} row` });
            break;
          }
          const q = num(p, 'Quantity');
          const cost = num(p, 'Cost Basis');
          const close = num(p, 'Close Price');
          const value = num(p, 'Value');
          const fail = [q, cost, close, value].find(isIssue);
          if (fail) {
            errors.push(fail as IngestIssue);
            break;
          }
          if (!periodEnd) {
            errors.push({ line: p.row.line, message: 'the statement names no period, so the positions have no date' });
            break;
          }
          if (q === null) break;
          positions.push({
            account: acct, asOf: periodEnd, ticker: p.get('Symbol'), isin: null, description: null, quantity: q as number,
            costBasis: cost as number | null, price: close as number | null, value: value as number | null, currency: p.get('Currency') || null, line: p.row.line,
          });
          break;
        }
        default:
          skipped.push({ line: p.row.line, reason: `section "${p.section}" is not imported` });
          break;
      }
    }
    for (const t of transactions) {
      const known = t.ticker ? instruments.get(t.ticker) : undefined;
      t.isin ??= known?.isin ?? null;
      t.name = known?.name ?? null;
    }
    for (const p of positions) {
      const known = instruments.get(p.ticker);
      p.isin ??= known?.isin ?? null;
      p.description ??= known?.name ?? null;
    }
    const out: FormatOutput = { transactions, positions, skipped: skipped.sort((a, b) => a.line - b.line), warnings, errors, header: ['Statement', 'Header'] };
    return out;
  },
};
