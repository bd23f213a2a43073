/** API methods for importing CSV files (preview, commit, history, undo). */
import { z } from 'zod';

/** A file sent by the renderer: its name and bytes (base64, since JSON and IPC both carry it). */
export const importFileSchema = z.object({
  name: z.string().min(1).max(500),
  dataBase64: z.string().max(400_000_000),
});
export type ImportFile = z.output<typeof importFileSchema>;

export const importOptionsSchema = z.object({
  ticker: z.string().min(1).max(64).optional(),
  format: z.string().min(1).max(64).optional(),
  account: z.string().min(1).max(100).optional(),
});

export interface ImportIssue {
  file: string;
  line: number;
  column?: string;
  value?: string;
  message: string;
}

export interface ImportFileSummary {
  file: string;
  format: string;
  kind: 'prices' | 'transactions' | 'positions';
  rows: number;
  tickers: string[];
  firstDate: string | null;
  lastDate: string | null;
  skipped: { line: number; reason: string }[];
  warnings: string[];
}

export interface ImportOutcome {
  files: ImportFileSummary[];
  inserted: { prices: number; transactions: number; positions: number };
  batchIds: number[];
  errors: ImportIssue[];
}

export interface ImportBatch {
  id: number;
  fileName: string;
  format: string;
  kind: string;
  importedAt: string;
  rows: number;
  undone: boolean;
}

export const importRequests = {
  'import-preview': z.object({ files: z.array(importFileSchema).min(1), options: importOptionsSchema.default({}) }),
  'import-commit': z.object({
    files: z.array(importFileSchema).min(1),
    options: importOptionsSchema.default({}),
    jobId: z.string().min(1).max(100).optional(),
  }),
  'import-batches': z.object({}),
  'import-undo': z.object({ batchId: z.number().int().positive() }),
};

export interface ImportResponses {
  'import-preview': ImportOutcome;
  'import-commit': ImportOutcome;
  'import-batches': ImportBatch[];
  'import-undo': { batchId: number; removed: number };
}
