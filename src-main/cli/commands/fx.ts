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

import   the ECB history eurofxref-hist.csv (per EUR; N/A cells skipped), Yahoo-style pair files through
         any price layout Frontier reads, the pair from the ticker in the file name (EURUSD=X.csv is
         EUR/USD, JPY=X.csv is USD/JPY), or a table date,base,quote,rate. All files or none are written;
         re-importing adds nothing. Errors print FILE:LINE: reason and exit 1.
rates    a pair's rates (units of the quote per 1 base): stored ones, else the inverse, else a cross
         through a third currency (EUR first); --json prints [{date, rate, derived}].
pairs    the stored pairs with their first and last dates.`,
  options: { ...commonOptions, pair: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' } },
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
      default:
        throw new FrontierError('user-error', `frontier fx: say import, rates or pairs (got ${action ? `"${action}"` : 'nothing'})`);
    }
  },
});
