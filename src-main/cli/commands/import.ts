/** `frontier import FILE… [--db P] [--ticker T] [--format ID] [--account A] [--dry-run] [--json]` and `--undo BATCH_ID`. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../../shared/api.js';
import type { ApiRequest } from '../../../shared/api.js';
import { IMPORT_FORMAT_IDS, formatIssue, type ImportIssue, type ImportOutcome } from '../../../shared/api/imports.js';
import { commonOptions, defineCommand, stringOption } from '../command.js';

type ImportOptions = NonNullable<ApiRequest<'import-commit'>['options']>;

function human(outcome: ImportOutcome, dryRun: boolean): string {
  const lines: string[] = [];
  for (const f of outcome.files) {
    lines.push(`${f.file}: ${f.format} (${f.kind}), ${f.rows} rows, ${f.tickers.length} tickers, ${f.firstDate ?? '–'} … ${f.lastDate ?? '–'}`);
    for (const s of f.skipped.slice(0, 10)) lines.push(`  skipped line ${s.line}: ${s.reason}`);
    if (f.skipped.length > 10) lines.push(`  … ${f.skipped.length - 10} more skipped`);
    for (const w of f.warnings) lines.push(`  warning: ${w}`);
  }
  const i = outcome.inserted;
  lines.push(dryRun ? 'dry run: nothing written' : `inserted ${i.prices} price rows, ${i.transactions} transactions, ${i.positions} positions${outcome.batchIds.length ? ` (batch ${outcome.batchIds.join(', ')})` : ''}`);
  return lines.join('\n');
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new FrontierError('user-error', `--${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

export default defineCommand({
  name: 'import',
  summary: 'import price histories and broker CSV files into the database',
  usage: `usage: frontier import FILE… [--db FILE] [--ticker T] [--format ID] [--account A] [--currency C]
                       [--date-order dmy|mdy] [--decimal dot|comma] [--as-of YYYY-MM-DD] [--template NAME]
                       [--dry-run] [--json]
       frontier import --undo BATCH_ID [--db FILE] [--json]

The format is detected from the file's content. All files are written in one transaction: a file with
any error imports nothing, and every error names FILE:LINE. Re-importing a file adds nothing.
--as-of dates a position snapshot whose file carries no date (DEGIRO Portfolio.csv; default today).

formats: ${IMPORT_FORMAT_IDS.join(', ')}`,
  options: {
    ...commonOptions,
    ticker: { type: 'string' },
    format: { type: 'string' },
    account: { type: 'string' },
    currency: { type: 'string' },
    'date-order': { type: 'string' },
    decimal: { type: 'string' },
    'as-of': { type: 'string' },
    template: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    undo: { type: 'string' },
  },
  async run(args, ctx) {
    const json = args.values.json === true;
    const dbPath = stringOption(args, 'db');
    const undo = stringOption(args, 'undo');
    if (undo !== undefined) {
      if (!/^\d+$/.test(undo)) throw new FrontierError('user-error', `--undo: "${undo}" is not a batch id`);
      const result = await ctx.call('import-undo', { batchId: Number(undo) }, dbPath);
      ctx.print(json, result, () => `undid batch ${result.batchId}: removed ${result.removed} rows`);
      return 0;
    }
    if (args.positionals.length === 0) throw new FrontierError('user-error', 'give the CSV file(s) to import (see frontier import --help)');
    const asOf = stringOption(args, 'as-of');
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new FrontierError('user-error', `--as-of: "${asOf}" is not a YYYY-MM-DD date`);
    const files = args.positionals.map((file) => ({ name: file, dataBase64: readFileSync(resolve(ctx.cwd, file)).toString('base64') }));
    const options: ImportOptions = {};
    const set = <K extends keyof ImportOptions>(k: K, v: ImportOptions[K] | undefined): void => {
      if (v !== undefined) options[k] = v;
    };
    set('ticker', stringOption(args, 'ticker'));
    set('format', stringOption(args, 'format'));
    set('account', stringOption(args, 'account'));
    set('currency', stringOption(args, 'currency'));
    set('template', stringOption(args, 'template'));
    set('dateOrder', choice(stringOption(args, 'date-order'), ['dmy', 'mdy'] as const, 'date-order'));
    set('decimal', choice(stringOption(args, 'decimal'), ['dot', 'comma'] as const, 'decimal'));
    set('asOf', asOf);
    const dryRun = args.values['dry-run'] === true;
    let outcome: ImportOutcome;
    try {
      outcome = await ctx.call(dryRun ? 'import-preview' : 'import-commit', { files, options }, dbPath);
    } catch (error) {
      const errors = (error instanceof FrontierError ? (error.details as { errors?: ImportIssue[] } | undefined)?.errors : undefined) ?? null;
      if (!errors) throw error;
      return reportErrors(ctx, json, errors);
    }
    if (dryRun && outcome.errors.length > 0) return reportErrors(ctx, json, outcome.errors);
    ctx.print(json, outcome, () => human(outcome, dryRun));
    return 0;
  },
});

function reportErrors(ctx: { stdout(t: string): void; stderr(t: string): void }, json: boolean, errors: ImportIssue[]): number {
  for (const e of errors.slice(0, 20)) ctx.stderr(formatIssue(e));
  if (errors.length > 20) ctx.stderr(`… and ${errors.length - 20} more errors`);
  if (json) ctx.stdout(JSON.stringify({ errors: errors.map((e) => ({ file: e.file, line: e.line, column: e.column ?? null, value: e.value ?? null, message: e.message })) }, null, 2));
  return 1;
}
