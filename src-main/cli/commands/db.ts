/** `frontier db prices|transactions|positions|holdings|batches`: what the database holds. */
import { FrontierError } from '../../../shared/api.js';
import { commonOptions, defineCommand, stringOption } from '../command.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function table(rows: readonly object[]): string {
  if (rows.length === 0) return '(none)';
  const keys = Object.keys(rows[0]!);
  const cells = rows.map((r) => keys.map((k) => String((r as Record<string, unknown>)[k] ?? '')));
  const widths = keys.map((k, j) => Math.max(k.length, ...cells.map((c) => c[j]!.length)));
  const line = (c: string[]): string => c.map((v, j) => v.padEnd(widths[j]!)).join('  ').trimEnd();
  return [line(keys), ...cells.map(line)].join('\n');
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !ISO.test(value)) throw new FrontierError('user-error', `--${flag}: "${value}" is not a YYYY-MM-DD date`);
  return value;
}

export default defineCommand({
  name: 'db',
  summary: 'show stored prices, transactions, positions, holdings and import batches',
  usage: `usage: frontier db prices --ticker T [--start D] [--end D] [--db FILE] [--json]
       frontier db transactions [--account A] [--db FILE] [--json]
       frontier db positions [--account A] [--db FILE] [--json]     (broker snapshots)
       frontier db holdings [--as-of D] [--account A] [--db FILE] [--json]   (derived from transactions)
       frontier db reconcile [--account A] [--db FILE] [--json]     (derived vs the latest snapshot)
       frontier db batches [--db FILE] [--json]`,
  options: {
    ...commonOptions,
    ticker: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    account: { type: 'string' },
    'as-of': { type: 'string' },
  },
  async run(args, ctx) {
    const json = args.values.json === true;
    const db = stringOption(args, 'db');
    const account = stringOption(args, 'account');
    const byAccount = account === undefined ? {} : { account };
    const [what] = args.positionals;
    let rows: object[];
    switch (what) {
      case 'prices': {
        const ticker = stringOption(args, 'ticker');
        if (!ticker) throw new FrontierError('user-error', 'frontier db prices: give --ticker T');
        const start = date(stringOption(args, 'start'), 'start');
        const end = date(stringOption(args, 'end'), 'end');
        try {
          rows = await ctx.call('prices-get', { ticker, ...(start ? { start } : {}), ...(end ? { end } : {}) }, db);
        } catch (error) {
          // A ticker with nothing stored lists no rows here (the API calls it not found).
          if (!(error instanceof FrontierError && error.code === 'not-found')) throw error;
          rows = [];
        }
        break;
      }
      case 'transactions':
        rows = await ctx.call('transactions-list', byAccount, db);
        break;
      case 'positions':
        rows = await ctx.call('positions-list', byAccount, db);
        break;
      case 'holdings': {
        const asOf = date(stringOption(args, 'as-of'), 'as-of');
        rows = await ctx.call('holdings-list', { ...byAccount, ...(asOf ? { asOf } : {}) }, db);
        break;
      }
      case 'reconcile':
        rows = await ctx.call('holdings-reconcile', byAccount, db);
        break;
      case 'batches':
        rows = await ctx.call('import-batches', {}, db);
        break;
      default:
        throw new FrontierError('user-error', `frontier db: say what to show (prices, transactions, positions, holdings, reconcile, batches), not "${what ?? ''}"`);
    }
    ctx.print(json, rows, () => table(rows));
    return 0;
  },
});
