/** `frontier fx import|rates|pairs`: exchange rates in the database (a thin client of the fx-* API). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../../shared/api.js';
import { commonOptions, defineCommand, stringOption } from '../command.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function dateFlag(raw: string | undefined, flag: string): string | undefined {
  if (raw !== undefined && !ISO.test(raw)) throw new FrontierError('user-error', `--${flag}: "${raw}" is not a YYYY-MM-DD date`);
  return raw;
}

export default defineCommand({
  name: 'fx',
  summary: 'import exchange rates (ECB, Yahoo EURUSD=X, date,base,quote,rate) and list a pair, inverse and crosses derived',
  usage: `usage: frontier fx import FILE… [--db DB] [--json]
       frontier fx rates --pair EUR/USD [--start D --end D] [--db DB] [--json]
       frontier fx pairs [--db DB] [--json]
       frontier fx holdings --base-currency EUR [--as-of D] [--account A] [--fx-max-age-days N] [--db DB] [--json]

import   the ECB history eurofxref-hist.csv (per EUR; N/A cells skipped), Yahoo-style pair files through
         any price layout Frontier reads, the pair from the ticker in the file name (EURUSD=X.csv is
         EUR/USD, JPY=X.csv is USD/JPY), or a table date,base,quote,rate. All files or none are written;
         re-importing adds nothing. Errors print FILE:LINE: reason and exit 1.
rates    a pair's rates (units of the quote per 1 base): stored ones, else the inverse, else a cross
         through a third currency (EUR first); --json prints [{date, rate, derived}].
pairs    the stored pairs with their first and last dates.
holdings the holdings derived from the transactions and the cash per account and currency (the
         broker's fx rows move both legs), valued in the base currency at each price's own date.`,
  options: {
    ...commonOptions,
    pair: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    'base-currency': { type: 'string' },
    'as-of': { type: 'string' },
    account: { type: 'string' },
    'fx-max-age-days': { type: 'string' },
  },
  async run(args, ctx) {
    const [action, ...files] = args.positionals;
    const json = args.values.json === true;
    const db = stringOption(args, 'db');
    switch (action) {
      case 'import': {
        if (files.length === 0) throw new FrontierError('user-error', 'give the rate file(s) to import (see frontier fx --help)');
        const read = files.map((f) => {
          try {
            return { name: f, dataBase64: readFileSync(resolve(ctx.cwd, f)).toString('base64') };
          } catch (error) {
            throw new FrontierError('user-error', `${f}: ${(error as Error).message}`);
          }
        });
        const out = await ctx.call('fx-import', { files: read }, db);
        ctx.print(json, out, () =>
          out.files.map((f) => `${f.file}: ${f.format}, ${f.rows} rates, ${f.inserted} new, ${f.duplicates} already stored${f.skipped ? `, ${f.skipped} rows skipped` : ''}`).join('\n'),
        );
        return 0;
      }
      case 'rates': {
        const pair = stringOption(args, 'pair');
        if (!pair) throw new FrontierError('user-error', '--pair: give the pair, e.g. --pair EUR/USD');
        const start = dateFlag(stringOption(args, 'start'), 'start');
        const end = dateFlag(stringOption(args, 'end'), 'end');
        const out = await ctx.call('fx-rates', { pair: pair.toUpperCase(), ...(start ? { start } : {}), ...(end ? { end } : {}) }, db);
        ctx.print(json, out.rates, () => [`${out.pair} (${out.routes.join('; ')})`, ...out.rates.map((r) => `${r.date}  ${r.rate.toPrecision(8)}${r.derived ? '  derived' : ''}`)].join('\n'));
        return 0;
      }
      case 'pairs': {
        const out = await ctx.call('fx-pairs', {}, db);
        ctx.print(json, out, () => (out.length === 0 ? 'no exchange rates stored' : out.map((p) => `${p.base}/${p.quote}  ${p.firstDate} → ${p.lastDate}  ${p.rows} rates`).join('\n')));
        return 0;
      }
      case 'holdings': {
        const base = stringOption(args, 'base-currency');
        if (!base) throw new FrontierError('user-error', '--base-currency: give the currency to value in, e.g. --base-currency EUR');
        const asOf = dateFlag(stringOption(args, 'as-of'), 'as-of');
        const account = stringOption(args, 'account');
        const age = stringOption(args, 'fx-max-age-days');
        if (age !== undefined && !/^\d+$/.test(age)) throw new FrontierError('user-error', `--fx-max-age-days: "${age}" is not a whole number of days`);
        const out = await ctx.call('fx-holdings-value', { base: base.toUpperCase(), ...(asOf ? { asOf } : {}), ...(account ? { account } : {}), ...(age ? { maxAgeDays: Number(age) } : {}) }, db);
        ctx.print(json, out, () =>
          [
            `holdings in ${out.base} on ${out.asOf}: total ${out.total.toFixed(2)}`,
            ...out.positions.map((p) => `  ${p.account}  ${p.ticker}  ${p.quantity}  ${p.valueBase === null ? 'no price' : p.valueBase.toFixed(2)}`),
            ...out.cash.map((c) => `  ${c.account}  cash ${c.currency} ${c.balance.toFixed(2)}  = ${c.valueBase.toFixed(2)} ${out.base} (${c.source})`),
          ].join('\n'),
        );
        return 0;
      }
      default:
        throw new FrontierError('user-error', `frontier fx: say import, rates, pairs or holdings (got ${action ? `"${action}"` : 'nothing'})`);
    }
  },
});
