/** API methods of the factor models: import factor files, list the stored sets, fit exposures. */
import { z } from 'zod';
import { FACTOR_MODEL_PATTERN, type FactorExposuresResult } from '../domain/factors.js';
import { windowSchema } from '../domain/optimize.js';
import { importFileSchema } from './imports.js';

const tickers = z.array(z.string().min(1).max(64)).min(1).max(5000);

export interface FactorSetSummary {
  name: string;
  frequency: 'daily' | 'monthly';
  /** File(s) of the last import into the set. */
  source: string;
  importedAt: string;
  factors: { factor: string; rows: number; firstDate: string; lastDate: string }[];
}

export interface FactorImportFile {
  file: string;
  format: 'ken-french' | 'factor-returns' | 'factor-exposures';
  /** The set the file's returns went to (null for exposures). */
  set: string | null;
  frequency: 'daily' | 'monthly' | null;
  factors: string[];
  rows: number;
  firstDate: string | null;
  lastDate: string | null;
  skipped: { line: number; reason: string }[];
}

export interface FactorImportOutcome {
  files: FactorImportFile[];
  inserted: { returns: number; exposures: number };
  sets: FactorSetSummary[];
}

export const factorRequests = {
  /** Writes every file in one transaction, or nothing (errors name FILE:LINE). `set` names the set of all returns files (default: each file's name). */
  'factors-import': z.object({ files: z.array(importFileSchema).min(1), set: z.string().min(1).max(100).optional(), dryRun: z.boolean().default(false) }),
  'factors-sets': z.object({}),
  'factors-exposures': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    model: z.string().regex(FACTOR_MODEL_PATTERN, 'must be pca:K, pca, ts:SET or xs'),
    ridge: z.number().nonnegative().default(0),
    factors: z.array(z.string().min(1).max(100)).optional(),
    /** Periods a year of the price returns (PCA and xs annualisation). */
    frequency: z.number().int().positive().default(252),
    jobId: z.string().min(1).max(100).optional(),
  }),
};

export interface FactorResponses {
  'factors-import': FactorImportOutcome;
  'factors-sets': FactorSetSummary[];
  'factors-exposures': FactorExposuresResult;
}
