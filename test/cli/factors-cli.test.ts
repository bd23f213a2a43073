import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontier } from '../support/cli.js';
import { gaussian, seededRandom } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';
import type { FactorExposuresResult, FactorRisk } from '../../shared/domain/factors.js';
import type { FactorImportOutcome, FactorSetSummary } from '../../shared/api/factors.js';

const dir = tempDir();
const fixtures = join(__dirname, '../fixtures/factors');
const ff5 = join(fixtures, 'F-F_Research_Data_5_Factors_2x3_daily.CSV');
const mom = join(fixtures, 'F-F_Momentum_Factor_daily.CSV');

/** Prices of four assets driven by the fixture's Mkt-RF and SMB with known betas, dated like the factor file. */
function pricesFile(): string {
  const lines = readFileSync(ff5, 'latin1').split(/\r\n/).filter((l) => /^\d{8},/.test(l));
  const z = gaussian(seededRandom(3));
  const betas = [[1, 0.5], [0.8, -0.4], [1.2, 0.1], [0.6, 0.9]];
  let p = [100, 100, 100, 100];
  const rows = ['date,AAA,BBB,CCC,DDD', `2023-12-29,${p.join(',')}`];
  for (const l of lines) {
    const c = l.split(',').map((x) => Number(x) / 100);
    const d = l.slice(0, 8);
    p = p.map((x, i) => x * (1 + c[6]! + betas[i]![0]! * c[1]! + betas[i]![1]! * c[2]! + 0.001 * z()));
    rows.push(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)},${p.map((x) => x.toFixed(6)).join(',')}`);
  }
  const file = join(dir, 'prices.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('frontier factors', () => {
  const db = join(dir, 'factors.db');

  it('refuses a file with a bad line, naming FILE:LINE, and writes nothing', () => {
    const bad = join(dir, 'bad.CSV');
    copyFileSync(ff5, bad);
    writeFileSync(bad, readFileSync(bad, 'latin1').replace(/\r\n20240110,\s*[-\d.]+/, '\r\n20240110,   oops'));
    const run = frontier(['factors', 'import', ff5, bad, '--db', db, '--set', 'FF5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`bad\\.CSV:\\d+: Mkt-RF: "oops" is not a number`));
    const sets = frontier(['factors', 'sets', '--db', db, '--json']).json<FactorSetSummary[]>();
    expect(sets).toEqual([]);
  });

  it('imports the 5-factor and momentum files into one set, fits exposures and optimises factor-neutral', () => {
    const imported = frontier(['factors', 'import', ff5, mom, '--db', db, '--set', 'FF6', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const outcome = imported.json<FactorImportOutcome>();
    expect(outcome.inserted.returns).toBe(25 * 6 + 24);
    expect(outcome.sets[0]!.factors.map((f) => f.factor).sort()).toEqual(['CMA', 'HML', 'Mkt-RF', 'Mom', 'RF', 'RMW', 'SMB']);

    expect(frontier(['import', pricesFile(), '--db', db]).code).toBe(0);
    const exp = frontier(['factors', 'exposures', '--db', db, '--tickers', 'AAA,BBB,CCC,DDD', '--model', 'ts:FF6', '--json']);
    expect(exp.code, exp.stderr).toBe(0);
    const r = exp.json<FactorExposuresResult>();
    for (const key of ['factors', 'exposures', 'tStats', 'r2', 'specificVol']) expect(r).toHaveProperty(key);
    // 25 daily returns, less the day whose Mom value is the -99.99 missing marker.
    expect(r.observations).toBe(24);
    expect(r.factors).toEqual(['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA', 'Mom']);
    expect(Math.abs(r.exposures.AAA!['Mkt-RF']! - 1)).toBeLessThan(4 / Math.abs(r.tStats.AAA!['Mkt-RF']!) + 0.05);
    expect(r.r2.AAA!).toBeGreaterThan(0.9);

    const opt = frontier(['optimize', '--db', db, '--tickers', 'AAA,BBB,CCC,DDD', '--risk', 'factor', '--factor-model', 'ts:FF6', '--factor-neutral', 'SMB', '--factor-bound', 'Mkt-RF::0.95', '--bounds=-1:1', '--json']);
    expect(opt.code, opt.stderr).toBe(0);
    const fr = opt.json<{ factorRisk: FactorRisk }>().factorRisk;
    expect(Math.abs(fr.exposures.SMB!)).toBeLessThan(1e-9);
    expect(fr.exposures['Mkt-RF']!).toBeLessThan(0.95 + 1e-9);
    expect(Object.keys(fr.contributions)).toEqual(r.factors);
    expect(typeof fr.specific).toBe('number');
  });

  it('pca:K reads --prices; ts needs the database; a bad model is a user error', () => {
    const pca = frontier(['factors', 'exposures', '--prices', pricesFile(), '--model', 'pca:2', '--json']);
    expect(pca.code, pca.stderr).toBe(0);
    expect(pca.json<FactorExposuresResult>().factors).toEqual(['PC1', 'PC2']);
    expect(frontier(['factors', 'exposures', '--prices', pricesFile(), '--model', 'ts:FF6']).code).toBe(1);
    const bad = frontier(['optimize', '--db', db, '--tickers', 'AAA,BBB', '--factor-neutral', 'SMB']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--factor-model');
  });
});
