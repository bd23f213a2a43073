import { afterAll, describe, expect, it } from 'vitest';
import { createJobPool, JobError } from '../../src-main/jobs/pool.js';
import { FrontierError } from '../../shared/api.js';

describe('job pool (real worker threads)', () => {
  const pool = createJobPool({ size: 2, cancelGraceMs: 500 });
  afterAll(() => pool.close());

  it('runs jobs on worker threads, not the main thread', async () => {
    const out = await pool.run('ping', { echo: 'hello' });
    expect(out.echo).toBe('hello');
    expect(out.threadId).toBeGreaterThan(0);
  });

  it('reports progress while a job runs', async () => {
    const seen: number[] = [];
    await pool.run('spin', { ms: 300, every: 20 }, { onProgress: (done) => seen.push(done) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
  });

  it('cancels a running job through the shared flag', async () => {
    const started = Date.now();
    const running = pool.run('spin', { ms: 10_000 }, { jobId: 'cancel-me' });
    await new Promise((r) => setTimeout(r, 150));
    expect(pool.cancel('cancel-me')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(pool.cancel('cancel-me')).toBe(false);
  });

  it('cancels a queued job before it starts', async () => {
    const a = pool.run('spin', { ms: 400 });
    const b = pool.run('spin', { ms: 400 });
    const queued = pool.run('spin', { ms: 400 }, { jobId: 'queued' });
    pool.cancel('queued');
    await expect(queued).rejects.toBeInstanceOf(FrontierError);
    await Promise.all([a, b]);
  });

  it('serialises errors with name, message and stack', async () => {
    const error = await pool.run('fail', { message: 'boom' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).name).toBe('RangeError');
    expect((error as JobError).message).toBe('boom');
    expect((error as JobError).workerStack).toContain('RangeError: boom');
  });

  it('replaces a dead worker and keeps serving', async () => {
    await expect(pool.run('crash', {})).rejects.toThrow(/lost its worker/);
    const results = await Promise.all([pool.run('ping', { echo: 'a' }), pool.run('ping', { echo: 'b' })]);
    expect(results.map((r) => r.echo)).toEqual(['a', 'b']);
    expect(pool.size).toBe(2);
  });
});

describe('job pool and process lifetime', () => {
  it('keeps a process alive while a job runs, and lets it exit when idle', async () => {
    const { spawnSync } = await import('node:child_process');
    const { repoRoot } = await import('../support/shared-data.js');
    const script = `
      import { createJobPool } from './src-main/jobs/pool.ts';
      const pool = createJobPool({ size: 1 });
      pool.run('spin', { ms: 300 }).then((r) => console.log('done', r.iterations > 0));
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('done true');
  });
});
