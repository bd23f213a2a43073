/** `frontier factors import|exposures|sets`: factor files into the store, and a fitted model's exposures. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../../shared/api.js';
import type { FactorImportOutcome } from '../../../shared/api/factors.js';
import { FACTOR_MODEL_PATTERN, type FactorExposuresResult } from '../../../shared/domain/factors.js';
import { commonOptions, defineCommand, numberOption, stringOption, type CliContext, type ParsedArgs } from '../command.js';
import { loadPriceSource, windowFromFlags } from '../price-source.js';

const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

function importHuman(o: FactorImportOutcome): string {
  const lines = o.files.map((f) => `${f.file}: ${f.format}${f.set ? ` → set ${f.set}` : ''} (${f.frequency ?? 'exposures'}), ${f.rows} values, ${f.factors.join(', ')}, ${f.firstDate ?? '–'} … ${f.lastDate ?? '–'}${f.skipped.length ? `, ${f.skipped.length} lines skipped (${[...new Set(f.skipped.map((s) => s.reason))].join('; ')})` : ''}`);
  lines.push(`inserted ${o.inserted.returns} factor returns, ${o.inserted.exposures} exposures`);
  return lines.join('\n');
}

function exposuresHuman(r: FactorExposuresResult): string {
  const tickers = Object.keys(r.exposures);
  const w = Math.max(6, ...tickers.map((t) => t.length));
  const head = `${'ticker'.padEnd(w)}  ${r.factors.map((f) => f.padStart(16)).join('')}      R²  spec.vol`;
  const rows = tickers.map((t) => `${t.padEnd(w)}  ${r.factors.map((f) => `${fmt(r.exposures[t]![f])} (${fmt(r.tStats[t]![f], 1)})`.padStart(16)).join('')}  ${fmt(r.r2[t]).padStart(6)}  ${fmt(r.specificVol[t]).padStart(8)}`);
  return [`${r.model}: ${r.observations} periods (${r.frequency} a year); beta (t-stat)`, head, ...rows, ...r.warnings.map((x) => `warning: ${x}`)].join('\n');
}

async function runImport(args: ParsedArgs, ctx: CliContext, files: string[]): Promise<void> {
  if (files.length === 0) throw new FrontierError('user-error', 'give the factor file(s) to import (see frontier factors --help)');
  const payload = files.map((file) => ({ name: file, dataBase64: readFileSync(resolve(ctx.cwd, file)).toString('base64') }));
  const set = stringOption(args, 'set');
  const outcome = await ctx.call('factors-import', { files: payload, ...(set ? { set } : {}), dryRun: args.values['dry-run'] === true }, stringOption(args, 'db'));
  ctx.print(args.values.json === true, outcome, () => importHuman(outcome));
}

async function runExposures(args: ParsedArgs, ctx: CliContext): Promise<void> {
  const model = stringOption(args, 'model');
  if (!model || !FACTOR_MODEL_PATTERN.test(model)) throw new FrontierError('user-error', `--model: give pca:K, pca, ts:SET or xs${model ? ` (not "${model}")` : ''}`);
  const ridge = numberOption(args, 'ridge') ?? 0;
  if (ridge < 0) throw new FrontierError('user-error', '--ridge: must be ≥ 0');
  const frequency = numberOption(args, 'frequency') ?? 252;
  let result: FactorExposuresResult;
  if (stringOption(args, 'prices') !== undefined) {
    // A price file has no factor sets or classification: only PCA runs on it (imported into the command's in-memory store).
    if (!model.startsWith('pca')) throw new FrontierError('user-error', `--model ${model} reads factor data from the database: use --db, not --prices`);
    const source = await loadPriceSource(args, ctx);
    result = await ctx.call('factors-exposures', { tickers: source.tickers, window: source.window, model, ridge, frequency }, source.db);
  } else {
    const tickers = (stringOption(args, 'tickers') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
    if (tickers.length === 0) throw new FrontierError('user-error', '--tickers: give the tickers, e.g. --tickers AAPL,MSFT');
    result = await ctx.call('factors-exposures', { tickers, window: windowFromFlags(args), model, ridge, frequency }, stringOption(args, 'db'));
  }
  ctx.print(args.values.json === true, result, () => exposuresHuman(result));
}

export default defineCommand({
  name: 'factors',
  summary: 'import factor returns and exposures; fit factor exposures (PCA, time-series, characteristics)',
  usage: `usage: frontier factors import FILE… [--db DB] [--set NAME] [--dry-run] [--json]
       frontier factors exposures --db DB --tickers T,… --model pca:K|pca|ts:SET|xs [--ridge X]
                                  [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--last N] [--complete-rows] [--json]
       frontier factors exposures --prices FILE.csv --model pca:K …
       frontier factors sets [--db DB] [--json]

import: Ken French data library CSVs (daily or monthly; percent values, RF, annual block and footer
  skipped), generic date,F1,F2,… returns (fractions; 0.5% also read), or date,ticker,factor,value
  exposures (factor "cap" = market cap, used as √cap regression weight). Recognised from the header.
  All files in one transaction: any error imports nothing and names FILE:LINE. --set NAME puts every
  returns file into one set (e.g. the 5 factors and momentum); default: each file's name.
exposures --json: {factors, exposures: {T: {F: beta}}, tStats: {T: {F: t}}, r2: {T: x}, specificVol: {T: x},
  factorCovariance, observations, frequency, warnings}. ts regresses excess returns (minus RF) with an
  intercept; specificVol is the annualised residual volatility.`,
  options: {
    ...commonOptions,
    set: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    tickers: { type: 'string' },
    prices: { type: 'string' },
    model: { type: 'string' },
    ridge: { type: 'string' },
    frequency: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    last: { type: 'string' },
    'complete-rows': { type: 'boolean', default: false },
  },
  async run(args, ctx) {
    const [sub, ...rest] = args.positionals;
    if (sub === 'import') return runImport(args, ctx, rest);
    if (sub === 'exposures') return runExposures(args, ctx);
    if (sub === 'sets') {
      const sets = await ctx.call('factors-sets', {}, stringOption(args, 'db'));
      ctx.print(args.values.json === true, sets, () => (sets.length === 0 ? 'no factor sets stored' : sets.map((s) => `${s.name} (${s.frequency}): ${s.factors.map((f) => `${f.factor} ${f.firstDate}…${f.lastDate}`).join(', ')}`).join('\n')));
      return;
    }
    throw new FrontierError('user-error', `frontier factors: give a subcommand, import, exposures or sets${sub ? ` (not "${sub}")` : ''}`);
  },
});
