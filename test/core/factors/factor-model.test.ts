import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitFactorModel } from '../../../src-main/core/factors/model.js';
import { regressOnFactors } from '../../../src-main/core/factors/ols.js';
import { marchenkoPasturK, pcaOfCovariance } from '../../../src-main/core/factors/pca.js';
import { decompose, factorCovariance } from '../../../src-main/core/factors/risk.js';
import { sampleCov } from '../../../src-main/core/stats/risk-models.js';
import { symEigen } from '../../../src-main/core/stats/linalg.js';
import { factorModelSchema } from '../../../shared/domain/factors.js';
import { normals, synthetic } from './synthetic.js';

const opts = (model: string, extra: object = {}) => factorModelSchema.parse({ model, ...extra });

describe('time-series regression', () => {
  const syn = synthetic(8, 3, 2000, 11);
  const fit = fitFactorModel(syn.returns, { ...opts('ts:SYN'), data: { series: syn.series } }, 252);

  it('recovers the known loadings within their standard errors', () => {
    if (!fit.ok) throw new Error(fit.error.message);
    const m = fit.value;
    expect(m.factors).toEqual(['F1', 'F2', 'F3']);
    const reg = regressOnFactors(
      syn.returns.values.map((v) => v - 0.0001),
      2000,
      8,
      Float64Array.from(syn.series.values.flatMap((r) => r.slice(0, 3) as number[])),
      3,
    );
    const z: number[] = [];
    for (let i = 0; i < 8; i++)
      for (let a = 0; a < 3; a++) {
        expect(m.loadings[i * 3 + a]).toBeCloseTo(reg.betas[i * 3 + a]!, 12);
        z.push((m.loadings[i * 3 + a]! - syn.loadings[i]![a]!) / reg.standardErrors[i * 3 + a]!);
        expect(m.tStats![i * 3 + a]).toBeCloseTo(m.loadings[i * 3 + a]! / reg.standardErrors[i * 3 + a]!, 9);
      }
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(3.5);
    expect(z.reduce((s, x) => s + Math.abs(x), 0) / z.length).toBeLessThan(1.2);
    // residual vol recovers the noise vol (annualised)
    for (let i = 0; i < 8; i++) expect(Math.sqrt(m.specificVar[i]! / 252) / syn.noiseVol[i]!).toBeGreaterThan(0.93);
    for (let i = 0; i < 8; i++) expect(Math.sqrt(m.specificVar[i]! / 252) / syn.noiseVol[i]!).toBeLessThan(1.07);
  });

  it('reconstructs Σ: the diagonal equals the sample variance up to the dof ratio, off-diagonals the true covariance', () => {
    if (!fit.ok) throw new Error(fit.error.message);
    const sigma = factorCovariance(fit.value);
    const S = sampleCov(syn.returns, 252);
    const T = 2000, k = 3;
    for (let i = 0; i < 8; i++) {
      const ratio = sigma[i * 8 + i]! / S[i * 8 + i]!;
      expect(ratio).toBeGreaterThan(1 - 1e-12);
      expect(ratio).toBeLessThan((T - 1) / (T - k - 1) + 1e-12);
    }
    for (let i = 0; i < 8; i++)
      for (let j = 0; j < i; j++) {
        let truth = 0;
        for (let a = 0; a < 3; a++) truth += syn.loadings[i]![a]! * syn.loadings[j]![a]! * syn.factorVol[a]! ** 2 * 252;
        expect(Math.abs(sigma[i * 8 + j]! - truth)).toBeLessThan(0.15 * Math.sqrt(sigma[i * 8 + i]! * sigma[j * 8 + j]!));
      }
  });

  it('ridge shrinks the betas and keeps the sandwich standard errors finite', () => {
    const ridged = fitFactorModel(syn.returns, { ...opts('ts:SYN', { ridge: 0.5 }), data: { series: syn.series } }, 252);
    if (!ridged.ok || !fit.ok) throw new Error('fit failed');
    let a = 0, b = 0;
    for (let i = 0; i < 24; i++) {
      a += fit.value.loadings[i]! ** 2;
      b += ridged.value.loadings[i]! ** 2;
      expect(Number.isFinite(ridged.value.tStats![i]!)).toBe(true);
    }
    expect(b).toBeLessThan(a);
  });

  it('handles assets with gaps on their own rows and names a missing set', () => {
    const gappy = { ...syn.returns, values: syn.returns.values.slice() };
    for (let t = 0; t < 500; t++) gappy.values[t * 8 + 2] = NaN;
    const g = fitFactorModel(gappy, { ...opts('ts:SYN'), data: { series: syn.series } }, 252);
    if (!g.ok || !fit.ok) throw new Error('fit failed');
    expect(Math.abs(g.value.loadings[2 * 3]! - syn.loadings[2]![0]!)).toBeLessThan(4 * Math.abs(g.value.loadings[6]! / g.value.tStats![6]!));
    const none = fitFactorModel(syn.returns, opts('ts:OTHER'), 252);
    expect(none.ok).toBe(false);
  });
});

describe('PCA', () => {
  it('matches numpy eigh to 1e-8 (signs normalised)', () => {
    const ex = JSON.parse(readFileSync(join(__dirname, '../../fixtures/factors/pca-expected.json'), 'utf8')) as {
      T: number; n: number; k: number; returns: number[][]; values: number[]; vectors: number[][];
    };
    const values = Float64Array.from(ex.returns.flat());
    const S = sampleCov({ dates: ex.returns.map((_, t) => String(t)), tickers: [], values, n: ex.n, T: ex.T }, 1);
    const p = pcaOfCovariance(S, ex.n, ex.k);
    for (let c = 0; c < ex.k; c++) {
      expect(Math.abs(p.values[c]! - ex.values[c]!)).toBeLessThan(1e-8 * ex.values[0]!);
      for (let i = 0; i < ex.n; i++) expect(Math.abs(p.vectors[i * ex.k + c]! - ex.vectors[i]![c]!)).toBeLessThan(1e-8);
    }
  });

  it('subspace iteration (n > 300) agrees with the full tridiagonal QL decomposition to 1e-8', () => {
    const n = 320, T = 900, k = 5;
    const syn = synthetic(n, k, T, 5);
    const S = sampleCov(syn.returns, 1);
    const p = pcaOfCovariance(S, n, k);
    expect(p.iterations).toBeGreaterThan(0);
    expect(p.converged).toBe(true);
    const e = symEigen(S, n);
    for (let c = 0; c < k; c++) {
      expect(Math.abs(p.values[c]! - e.values[n - 1 - c]!)).toBeLessThan(1e-8 * e.values[n - 1]!);
      let best = 0;
      for (let i = 0; i < n; i++) if (Math.abs(e.vectors[i * n + n - 1 - c]!) > Math.abs(best)) best = e.vectors[i * n + n - 1 - c]!;
      const sign = Math.sign(best);
      for (let i = 0; i < n; i++) expect(Math.abs(p.vectors[i * k + c]! - sign * e.vectors[i * n + n - 1 - c]!)).toBeLessThan(1e-8);
    }
  });

  it('finds the planted factor count at the Marchenko–Pastur edge', () => {
    const syn = synthetic(60, 3, 1500, 9);
    expect(marchenkoPasturK(sampleCov(syn.returns, 1), 60, 1500)).toBe(3);
    const m = fitFactorModel(syn.returns, opts('pca'), 252);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.factors).toEqual(['PC1', 'PC2', 'PC3']);
  });

  it('pca:K loadings are the eigenvectors and Σ_F is diagonal', () => {
    const syn = synthetic(10, 2, 600, 3);
    const m = fitFactorModel(syn.returns, opts('pca:2'), 252);
    if (!m.ok) throw new Error(m.error.message);
    const p = pcaOfCovariance(sampleCov(syn.returns, 1), 10, 2);
    for (let i = 0; i < 20; i++) expect(m.value.loadings[i]).toBeCloseTo(p.vectors[i]!, 9);
    expect(Math.abs(m.value.factorCov[1]!)).toBeLessThan(1e-12 * m.value.factorCov[0]!);
    expect(m.value.factorCov[0]).toBeCloseTo(p.values[0]! * 252, 12);
  });
});

describe('decomposition', () => {
  it('factor contributions plus specific sum to wᵀΣw to 1e-10', () => {
    const syn = synthetic(15, 4, 800, 21);
    const m = fitFactorModel(syn.returns, { ...opts('ts:SYN'), data: { series: syn.series } }, 252);
    if (!m.ok) throw new Error(m.error.message);
    const z = normals(4);
    const sigma = factorCovariance(m.value);
    for (let trial = 0; trial < 5; trial++) {
      const w = Float64Array.from({ length: 15 }, () => z());
      const d = decompose(m.value, w);
      let total = 0;
      for (let i = 0; i < 15; i++) for (let j = 0; j < 15; j++) total += w[i]! * sigma[i * 15 + j]! * w[j]!;
      const sum = d.specific + d.contributions.reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - total)).toBeLessThan(1e-10 * total);
      expect(Math.abs(d.total - total)).toBeLessThan(1e-10 * total);
    }
  });
});

describe('characteristics (cross-sectional)', () => {
  it('recovers sector and style factor returns from per-date regressions, dropping collinear dummies', () => {
    const n = 40, T = 300;
    const z = normals(77);
    const tickers = Array.from({ length: n }, (_, i) => `S${i}`);
    const sectors = tickers.map((_, i) => (i % 3 === 0 ? 'sector:A' : i % 3 === 1 ? 'sector:B' : 'sector:C'));
    const style = tickers.map(() => z());
    const dates = Array.from({ length: T }, (_, t) => new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10));
    const fTrue: number[][] = [];
    const values = new Float64Array(T * n);
    for (let t = 0; t < T; t++) {
      const f = [0.01 * z(), 0.01 * z(), 0.01 * z(), 0.005 * z()];
      fTrue.push(f);
      for (let i = 0; i < n; i++) values[t * n + i] = f[i % 3]! + style[i]! * f[3]! + 0.002 * z();
    }
    const data = {
      characteristics: {
        dummies: Object.fromEntries(tickers.map((t, i) => [t, [sectors[i]!, 'class:Equity']])),
        user: tickers.flatMap((t, i) => [
          { ticker: t, factor: 'value', date: '2019-12-01', value: style[i]! },
          { ticker: t, factor: 'cap', date: '2019-12-01', value: 1e9 * (1 + i) },
        ]),
      },
    };
    const m = fitFactorModel({ dates, tickers, values, n, T }, { ...opts('xs'), data }, 252);
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.factors).toEqual(['class:Equity', 'sector:A', 'sector:B', 'value']);
    expect(m.value.warnings.join(' ')).toContain('sector:C');
    expect(m.value.warnings.join(' ')).toContain(`√cap weights on ${T} of ${T}`);
    // The value factor's variance is recovered (its true annualised variance is 0.005² × 252).
    expect(m.value.factorCov[15]! / (0.005 ** 2 * 252)).toBeGreaterThan(0.8);
    expect(m.value.factorCov[15]! / (0.005 ** 2 * 252)).toBeLessThan(1.2);
    for (let i = 0; i < n; i++) expect(m.value.loadings[i * 4 + 3]).toBe(style[i]);
  });
});
