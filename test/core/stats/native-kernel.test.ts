/**
 * The native Gram kernel (native/) against the JS kernel: every instruction set this CPU supports, odd
 * sizes, strided input, column subsets, row weights; every covariance estimator through both kernels;
 * the FRONTIER_NO_NATIVE=1 fallback in a fresh process; loading in a worker thread.
 */
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { estimatorSchema } from '../../../shared/domain/optimize.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { createJobPool } from '../../../src-main/jobs/pool.js';
import { crossProduct, gramKernelName, useGramKernel, type GramInput } from '../../../src-main/core/stats/gram.js';
import { loadNativeKernel } from '../../../src-main/core/stats/native-kernel.js';
import { nativeKernelPath } from '../../../src-main/native-kernel-loader.js';
import { returnsFromPrices } from '../../../src-main/core/stats/returns.js';
import { sampleCov } from '../../../src-main/core/stats/risk-models.js';
import { normal, rng, syntheticPrices } from '../optimize/synthetic.js';

const disabled = process.env.FRONTIER_NO_NATIVE === '1';

/** Largest |a − b| relative to the scale of the entry, √(|a_ii|·|a_jj|) (entries near 0 have no own scale). */
function relErr(a: Float64Array, b: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const s = Math.sqrt(Math.abs(a[i * n + i]!) * Math.abs(a[j * n + j]!)) || 1;
      worst = Math.max(worst, Math.abs(a[i * n + j]! - b[i * n + j]!) / s);
    }
  return worst;
}

function randomMatrix(T: number, n: number, seed: number): Float64Array {
  const u = rng(seed);
  // A common factor makes the columns correlated, as returns are, plus a non-zero mean to centre away.
  const x = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const f = normal(u);
    for (let j = 0; j < n; j++) x[t * n + j] = 0.001 * (j % 3) + 0.01 * (0.5 * f + normal(u));
  }
  return x;
}

afterEach(() => useGramKernel('auto'));

describe.skipIf(disabled)('native Gram kernel', () => {
  const { kernel, reason } = loadNativeKernel();

  it('is built and loads (npm run build compiles native/)', () => {
    expect(kernel, reason).not.toBeNull();
    expect(gramKernelName()).toMatch(/^native-(avx512f|avx2\+fma|generic)$/);
  });

  const shapes: [number, number][] = [[1, 1], [2, 1], [7, 7], [33, 33], [5, 40], [64, 17], [300, 49]];
  for (const isa of kernel?.isas() ?? []) {
    it(`${isa}: agrees with the JS kernel to 1e-12 on odd shapes, strides, subsets and row weights`, () => {
      for (const [T, n] of shapes) {
        const x = randomMatrix(T, n, T * 31 + n);
        const colMajor = new Float64Array(T * n);
        for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) colMajor[j * T + t] = x[t * n + j]!;
        const every = Int32Array.from({ length: n }, (_, j) => j);
        const odd = every.filter((j) => j % 3 !== 1);
        const weights = Float64Array.from({ length: T }, (_, t) => Math.sqrt(0.97 ** (T - 1 - t)));
        const cases: GramInput[] = [
          { x, rows: T, rowStride: n, colStride: 1, cols: every, centre: true, scale: 1 / Math.max(1, T - 1) },
          { x: colMajor, rows: T, rowStride: 1, colStride: T, cols: every, centre: false, scale: 252 },
          { x, rows: T, rowStride: n, colStride: 1, cols: odd, centre: true, rowScale: weights, scale: 1 },
        ];
        for (const g of cases) {
          const nat = new Float64Array(n * n).fill(-7);
          const js = new Float64Array(n * n).fill(-7);
          expect(kernel!.gram(g.x, g.rows, g.rowStride, g.colStride, g.cols, g.centre, g.rowScale ?? null, g.scale, nat, n, isa)).toBe(isa);
          useGramKernel('js');
          crossProduct(g, js, n);
          useGramKernel('auto');
          expect(relErr(nat, js, n), `${isa} T=${T} n=${n}`).toBeLessThan(1e-12);
          // Entries outside the selected columns are left alone.
          if (g.cols.length < n) expect(nat[1 * n + 1]).toBe(-7);
        }
      }
    });
  }

  it('rejects inputs that would read or write out of bounds, naming the argument', () => {
    const x = new Float64Array(12);
    const out = new Float64Array(9);
    expect(() => kernel!.gram(x, 4, 3, 1, Int32Array.from([0, 3]), false, null, 1, out, 3)).toThrow(/column index or stride/);
    expect(() => kernel!.gram(x, 4, 3, 1, Int32Array.from([0, 2]), false, null, 1, new Float64Array(4), 2)).toThrow(/out is too small/);
    // The binding checks types at run time too (callers from plain JS get no compiler).
    const untyped: { gram(...args: unknown[]): string } = kernel!;
    expect(() => untyped.gram(new Float32Array(12), 4, 3, 1, Int32Array.from([0]), false, null, 1, out, 3)).toThrow(/x has the wrong element type/);
  });

  it('every covariance estimator gives the same matrix with either kernel (1e-12), with and without gaps', () => {
    const clean = syntheticPrices(37, 400, 11);
    const gappy = syntheticPrices(37, 400, 12);
    for (let t = 0; t < 60; t++) gappy.values[t * 37 + 5] = NaN; // a late starter
    gappy.values[200 * 37 + 9] = NaN; // a single gap
    for (const prices of [clean, gappy])
      for (const risk of ['sample', 'exp', 'semicovariance', 'ledoit-wolf', 'ledoit-wolf-single-factor', 'ledoit-wolf-constant-correlation'] as const) {
        const est = estimatorSchema.parse({ risk, span: 60 });
        const nat = estimateMoments(prices, est);
        useGramKernel('js');
        const js = estimateMoments(prices, est);
        useGramKernel('auto');
        if (!nat.ok || !js.ok) throw new Error(`${risk}: ${nat.ok ? '' : nat.error.message} ${js.ok ? '' : js.error.message}`);
        expect(relErr(nat.value.covariance, js.value.covariance, 37), risk).toBeLessThan(1e-12);
        if (js.value.shrinkage !== undefined) expect(Math.abs(nat.value.shrinkage! - js.value.shrinkage)).toBeLessThan(1e-12);
      }
  });

  it('loads and computes in a worker thread (context-aware addon)', async () => {
    const path = nativeKernelPath()!;
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const k = require(workerData.path);
      const x = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i));
      const out = new Float64Array(9);
      const isa = k.gram(x, 4, 3, 1, Int32Array.from([0, 1, 2]), true, null, 1 / 3, out, 3);
      parentPort.postMessage({ isa, out: Array.from(out) });`;
    const worker = new Worker(code, { eval: true, workerData: { path } });
    const msg = await new Promise<{ isa: string; out: number[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    const x = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i));
    const expected = sampleCov({ n: 3, T: 4, values: x, dates: ['a', 'b', 'c', 'd'], tickers: ['A', 'B', 'C'] }, 1);
    expect(msg.isa).toBe(kernel!.isa());
    expect(relErr(Float64Array.from(msg.out), expected, 3)).toBeLessThan(1e-14);
  });
});

describe('diagnostics', () => {
  it('an optimisation run in a worker reports the covariance kernel that worker used', async () => {
    const pool = createJobPool({ size: 1 });
    try {
      const r = await pool.run('optimize', { prices: syntheticPrices(5, 200), options: { objective: 'min-volatility' } });
      // The worker inherits the environment, so it makes the same choice as this thread.
      expect(r.diagnostics.covarianceKernel).toBe(gramKernelName());
      expect(r.diagnostics.covarianceKernel).toBe(disabled ? 'js' : `native-${loadNativeKernel().kernel!.isa()}`);
    } finally {
      await pool.close();
    }
  });

  it('an estimate job reports the covariance kernel too', async () => {
    const pool = createJobPool({ size: 1 });
    try {
      const r = await pool.run('estimate', { prices: syntheticPrices(5, 200), options: {} });
      expect(r.covariance).toHaveLength(5);
      expect(r.covarianceKernel).toBe(disabled ? 'js' : `native-${loadNativeKernel().kernel!.isa()}`);
    } finally {
      await pool.close();
    }
  });
});

describe('FRONTIER_NO_NATIVE=1', () => {
  it('a fresh process falls back to the JS kernel and gets the same covariance', () => {
    const prices = syntheticPrices(9, 120, 3);
    const script = `
      const { gramKernelName } = await import(${JSON.stringify(new URL('../../../src-main/core/stats/gram.ts', import.meta.url).pathname)});
      const { sampleCov } = await import(${JSON.stringify(new URL('../../../src-main/core/stats/risk-models.ts', import.meta.url).pathname)});
      const { returnsFromPrices } = await import(${JSON.stringify(new URL('../../../src-main/core/stats/returns.ts', import.meta.url).pathname)});
      const p = ${JSON.stringify({ dates: prices.dates, tickers: prices.tickers, values: Array.from(prices.values) })};
      const cov = sampleCov(returnsFromPrices({ ...p, values: Float64Array.from(p.values) }), 252);
      console.log(JSON.stringify({ kernel: gramKernelName(), cov: Array.from(cov) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, FRONTIER_NO_NATIVE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    const res: { kernel: string; cov: number[] } = JSON.parse(run.stdout);
    expect(res.kernel).toBe('js');
    const here = sampleCov(returnsFromPrices(prices), 252);
    expect(relErr(Float64Array.from(res.cov), here, 9)).toBeLessThan(1e-12);
  });
});
