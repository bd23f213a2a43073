/** Factor models: import factor files into the store, list sets, fit exposures (a job), and load model data for optimisations. */
import { basename, extname } from 'node:path';
import type { Database } from '../store/database.js';
import { FrontierError } from '../../shared/api.js';
import type { FactorImportFile, FactorImportOutcome } from '../../shared/api/factors.js';
import { factorModelSchema } from '../../shared/domain/factors.js';
import { parseFactorFile } from '../core/factors/factor-file.js';
import { listFactorSets, writeFactorImport, type ExposureWrite, type FactorSetWrite } from '../store/factors-repo.js';
import { factorData } from './factor-data.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { pricesForRequest } from './optimize-service.js';

export interface FactorSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * Parses every file, then writes all of them in one transaction; any error anywhere writes nothing and
 * comes back as a user error whose message starts `FILE:LINE:` (details.errors lists them all).
 */
export function importFactorFiles(db: Database, sources: readonly FactorSource[], setName?: string, dryRun = false): FactorImportOutcome {
  const errors: { file: string; line: number; message: string }[] = [];
  const sets = new Map<string, FactorSetWrite>();
  const exposures: ExposureWrite[] = [];
  const files: FactorImportFile[] = [];
  for (const src of sources) {
    const parsed = parseFactorFile(src.bytes);
    for (const e of parsed.errors) errors.push({ file: src.name, ...e });
    if (parsed.errors.length > 0 || parsed.format === 'unknown') continue;
    const dates = (parsed.format === 'factor-exposures' ? parsed.exposures : parsed.returns).map((r) => r.date).sort();
    const summary: FactorImportFile = {
      file: src.name,
      format: parsed.format,
      set: null,
      frequency: parsed.frequency,
      factors: parsed.factors,
      rows: parsed.format === 'factor-exposures' ? parsed.exposures.length : parsed.returns.length,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
      skipped: parsed.skipped,
    };
    files.push(summary);
    if (parsed.format === 'factor-exposures') {
      for (const r of parsed.exposures) exposures.push({ ticker: r.ticker, factor: r.factor, date: r.date, value: r.value, file: src.name, line: r.line });
      continue;
    }
    const name = setName ?? basename(src.name, extname(src.name));
    summary.set = name;
    let set = sets.get(name);
    if (!set) sets.set(name, (set = { name, frequency: parsed.frequency!, source: src.name, rows: [] }));
    else if (set.frequency !== parsed.frequency) {
      errors.push({ file: src.name, line: parsed.returns[0]?.line ?? 1, message: `${parsed.frequency} returns cannot join the ${set.frequency} set ${name} (${set.source})` });
      continue;
    } else set.source = `${set.source}, ${src.name}`;
    const already = new Set(set.rows.map((r) => `${r.factor}\u0000${r.date}`));
    for (const r of parsed.returns) {
      if (already.has(`${r.factor}\u0000${r.date}`)) {
        errors.push({ file: src.name, line: r.line, message: `${r.factor} on ${r.date} is also in another file of set ${name}` });
        break;
      }
      set.rows.push({ factor: r.factor, date: r.date, value: r.value, file: src.name, line: r.line });
    }
  }
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new FrontierError('user-error', `${e.file}:${e.line}: ${e.message}${errors.length > 1 ? ` (and ${errors.length - 1} more errors; nothing was imported)` : ' (nothing was imported)'}`, { errors });
  }
  const inserted = dryRun ? { returns: 0, exposures: 0 } : writeFactorImport(db, [...sets.values()], exposures);
  return { files, inserted, sets: listFactorSets(db) };
}

export const factorHandlers = {
  'factors-import': (req, ctx) =>
    importFactorFiles(
      ctx.db,
      req.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.dataBase64, 'base64')) })),
      req.set,
      req.dryRun,
    ),
  'factors-sets': (_req, ctx) => listFactorSets(ctx.db),
  'factors-exposures': async (req, ctx) => {
    const prices = pricesForRequest(ctx, req.tickers, req.window);
    const base = factorModelSchema.parse({ model: req.model, ridge: req.ridge, ...(req.factors ? { factors: req.factors } : {}) });
    const model = { ...base, data: factorData(ctx.db, base, req.tickers, req.window) };
    return ctx.jobs.run(
      'factor-exposures',
      { prices, window: req.window, model, frequency: req.frequency },
      { ...(req.jobId ? { jobId: req.jobId } : {}), onProgress: progressEmitter(ctx, req.jobId), transfer: [prices.values.buffer as ArrayBuffer] },
    );
  },
} satisfies Handlers<'factors-import' | 'factors-sets' | 'factors-exposures'>;

