import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkImportInput, commitImport, writesInWorker } from '../../src-main/services/import-service.js';
import { createRuntime } from '../../src-main/services/runtime.js';
import { repoRoot } from '../support/shared-data.js';
import { tempDir } from '../support/temp.js';
import { call, counts, fileOf, runtimeIn } from './helpers.js';

/** Node's own better-sqlite3 build stands in for Electron's (Electron cannot run here); the plumbing is the same. */
const NODE_BINDING = join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

describe('a small import is cancellable', () => {
  it('a commit with a jobId goes through the job path; cancelling it writes nothing', async () => {
    const rt = runtimeIn();
    try {
      await call(rt, 'import-commit', { files: [fileOf('spy_us_d.csv')] });
      const before = counts(rt);
      const pending = rt.call('import-commit', { files: [fileOf('AAPL.csv')], jobId: 'small-1' });
      const cancel = await call(rt, 'job-cancel', { jobId: 'small-1' });
      expect(cancel.cancelled).toBe(true);
      const r = await pending;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('cancelled');
      expect(counts(rt)).toEqual(before);
      // The same file imports normally afterwards, through the same path.
      const ok = await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')], jobId: 'small-2' });
      expect(ok.inserted.prices).toBe(3);
      expect(counts(rt).prices).toBe(before.prices + 3);
    } finally {
      await rt.close();
    }
  });

  it('without a jobId (CLI) a small import stays on the main connection', () => {
    const rt = runtimeIn();
    try {
      expect(writesInWorker(rt.ctx, 1000, undefined)).toBe(false);
      expect(writesInWorker(rt.ctx, 1000, 'j')).toBe(true);
      expect(writesInWorker({ ...rt.ctx, dbPath: ':memory:' }, 10_000_000, 'j')).toBe(false);
    } finally {
      void rt.close();
    }
  });
});

describe('Electron bulk path: the worker opens its connection with the app native binding', () => {
  it('the runtime keeps the binding in the handler context and the job input carries it', async () => {
    const dir = tempDir('frontier-binding-');
    const rt = createRuntime({ dbPath: join(dir, 'e.db'), mode: 'electron', nativeBinding: NODE_BINDING, makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
    try {
      expect(rt.ctx.nativeBinding).toBe(NODE_BINDING);
      expect(writesInWorker(rt.ctx, 10_000_000, undefined)).toBe(true);
      const input = bulkImportInput(rt.ctx, [{ name: 'a.csv', bytes: new Uint8Array([1]) }], {});
      expect(input).toMatchObject({ dbPath: join(dir, 'e.db'), nativeBinding: NODE_BINDING });
      // A real import through the worker with that binding.
      const r = await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')], jobId: 'e-1' });
      expect(r.inserted.prices).toBe(3);
    } finally {
      await rt.close();
    }
  });

  it('the worker really loads the binding it is given: a wrong path fails naming it and writes nothing', async () => {
    const rt = runtimeIn();
    try {
      const before = counts(rt);
      const ctx = { ...rt.ctx, jobs: rt.ctx.jobs, mode: 'electron' as const, nativeBinding: '/nonexistent/electron-abi/better_sqlite3.node' };
      await expect(commitImport(ctx, [{ name: 'AAPL.csv', bytes: new Uint8Array(Buffer.from(fileOf('AAPL.csv').dataBase64, 'base64')) }], {}, 'e-2')).rejects.toThrow(/nonexistent\/electron-abi/);
      expect(counts(rt)).toEqual(before);
    } finally {
      await rt.close();
    }
  });

  it('in Electron without a known binding, imports stay on the main connection', () => {
    const rt = runtimeIn();
    try {
      expect(writesInWorker({ ...rt.ctx, mode: 'electron' }, 10_000_000, 'j')).toBe(false);
    } finally {
      void rt.close();
    }
  });
});
