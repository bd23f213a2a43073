/** A real runtime over a fresh SQLite file, and files as the renderer sends them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/api.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { fixturePath } from '../core/ingest/fixtures.js';
import { tempDir } from '../support/temp.js';

export function runtimeIn(dir = tempDir('frontier-import-'), name = 'test.db'): Runtime {
  return createRuntime({
    dbPath: join(dir, name),
    mode: 'cli',
    makePrinter: () => Promise.reject(new Error('the import tests print nothing')),
    pool: { size: 1 },
  });
}

export async function call<M extends ApiMethod>(rt: Runtime, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await rt.call(method, request);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { apiError: r.error });
  return r.data as ApiResponse<M>;
}

export const fileOf = (name: string, bytes?: Uint8Array): { name: string; dataBase64: string } => ({
  name,
  dataBase64: Buffer.from(bytes ?? readFileSync(fixturePath(name))).toString('base64'),
});

export const textFile = (name: string, text: string): { name: string; dataBase64: string } => ({ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') });

export function counts(rt: Runtime): Record<string, number> {
  const one = (t: string): number => (rt.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { instruments: one('instruments'), prices: one('prices'), transactions: one('transactions'), positions: one('positions'), batches: one('import_batches') };
}
