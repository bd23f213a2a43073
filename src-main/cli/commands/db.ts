/** `frontier db prices|transactions|positions|holdings|batches`: what the database holds. */
import { FrontierError } from '../../../shared/api.js';
import { getPrices } from '../../store/prices-repo.js';
import { listBatches } from '../../store/import-repo.js';
import { listHoldings, reconcileHoldings } from '../../store/holdings-repo.js';
import { listPositions } from '../../store/positions-repo.js';
import { listTransactions } from '../../store/transactions-repo.js';
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
    const { db } = ctx.runtime(stringOption(args, 'db')).ctx;
    const account = stringOption(args, 'account');
    const [what] = args.positionals;
    let rows: object[];
    switch (what) {
      case 'prices': {
        const ticker = stringOption(args, 'ticker');
        if (!ticker) throw new FrontierError('user-error', 'frontier db prices: give --ticker T');
        rows = getPrices(db, ticker, date(stringOption(args, 'start'), 'start'), date(stringOption(args, 'end'), 'end'));
        break;
      }
      case 'transactions':
        rows = listTransactions(db, account);
        break;
      case 'positions':
        rows = listPositions(db, account);
        break;
      case 'holdings':
        rows = listHoldings(db, date(stringOption(args, 'as-of'), 'as-of'), account);
        break;
      case 'reconcile':
        rows = reconcileHoldings(db, account);
        break;
      case 'batches':
        rows = listBatches(db);
        break;
      default:
        throw new FrontierError('user-error', `frontier db: say what to show (prices, transactions, positions, holdings, reconcile, batches), not "${what ?? ''}"`);
    }
    ctx.print(json, rows, () => table(rows));
    return 0;
  },
});
