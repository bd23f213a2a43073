import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactorFile } from '../../../src-main/core/factors/factor-file.js';

const dir = join(__dirname, '../../fixtures/factors');
const read = (name: string) => parseFactorFile(readFileSync(join(dir, name)));
const rawLine = (name: string, line: number) => readFileSync(join(dir, name), 'latin1').split(/\r\n|\n/)[line - 1]!;

describe('Ken French CSV', () => {
  it('reads the daily 5-factor file into ISO dates and decimal returns, RF included, footer skipped', () => {
    const f = read('F-F_Research_Data_5_Factors_2x3_daily.CSV');
    expect(f.errors).toEqual([]);
    expect(f.format).toBe('ken-french');
    expect(f.frequency).toBe('daily');
    expect(f.factors).toEqual(['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA', 'RF']);
    expect(f.returns).toHaveLength(25 * 6);
    const first = f.returns.filter((r) => r.line === 5);
    const cells = rawLine('F-F_Research_Data_5_Factors_2x3_daily.CSV', 5).split(',');
    expect(first.map((r) => r.date)).toEqual(Array(6).fill(`${cells[0]!.slice(0, 4)}-${cells[0]!.slice(4, 6)}-${cells[0]!.slice(6, 8)}`));
    first.forEach((r, k) => expect(r.value).toBeCloseTo(Number(cells[k + 1]) / 100, 15));
    expect(f.returns.find((r) => r.factor === 'RF')!.value).toBeCloseTo(0.00021, 15);
    expect(f.skipped.map((s) => s.reason)).toEqual(['copyright footer']);
  });

  it('reads the momentum file and leaves the -99.99 marker out', () => {
    const f = read('F-F_Momentum_Factor_daily.CSV');
    expect(f.errors).toEqual([]);
    expect(f.factors).toEqual(['Mom']);
    expect(f.returns).toHaveLength(24);
    expect(f.skipped[0]).toEqual({ line: 9, reason: 'Mom: missing-value marker -99.99' });
    expect(f.returns.some((r) => r.line === 9)).toBe(false);
  });

  it('reads the monthly block at month ends and skips the annual block and copyright', () => {
    const f = read('F-F_Research_Data_Factors.CSV');
    expect(f.errors).toEqual([]);
    expect(f.frequency).toBe('monthly');
    const dates = [...new Set(f.returns.map((r) => r.date))];
    expect(dates).toHaveLength(24);
    expect(dates[0]).toBe('2022-01-31');
    expect(dates[1]).toBe('2022-02-28');
    expect(dates[23]).toBe('2023-12-31');
    expect(f.returns.some((r) => r.date.startsWith('2022-12') && r.line > 30)).toBe(false);
    const reasons = f.skipped.map((s) => s.reason);
    expect(reasons.filter((r) => r.startsWith('annual'))).toHaveLength(4);
    expect(reasons.at(-1)).toBe('copyright footer');
    const mar = f.returns.find((r) => r.date === '2022-03-31' && r.factor === 'HML')!;
    expect(mar.value).toBeCloseTo(Number(rawLine('F-F_Research_Data_Factors.CSV', mar.line).split(',')[3]) / 100, 15);
  });

  it('names the line of a bad value', () => {
    const text = 'Created by a test.\n\n ,Mkt-RF,RF\n20240102,0.10,0.02\n20240103,x,0.02\n';
    const f = parseFactorFile(new TextEncoder().encode(text));
    expect(f.errors).toEqual([{ line: 5, message: 'Mkt-RF: "x" is not a number' }]);
  });
});

describe('generic factor files', () => {
  it('reads date,F1,F2 as fractions (a % cell as percent), empty = missing', () => {
    const f = read('generic-factors.csv');
    expect(f.errors).toEqual([]);
    expect(f.format).toBe('factor-returns');
    expect(f.frequency).toBe('daily');
    expect(f.returns).toHaveLength(7);
    expect(f.returns.find((r) => r.date === '2024-01-04' && r.factor === 'MKT')!.value).toBeCloseTo(0.0025, 15);
  });

  it('reports every bad line of a returns file', () => {
    const f = read('bad-factors.csv');
    expect(f.errors).toEqual([
      { line: 3, message: 'MKT: "abc" is not a number' },
      { line: 4, message: 'date: "2024-13-04" is not YYYY-MM-DD, YYYYMMDD or YYYY-MM' },
    ]);
  });

  it('reads date,ticker,factor,value exposures', () => {
    const f = read('exposures.csv');
    expect(f.format).toBe('factor-exposures');
    expect(f.exposures).toHaveLength(4);
    expect(f.factors).toEqual(['quality', 'cap']);
  });

  it('refuses a price file', () => {
    const f = parseFactorFile(new TextEncoder().encode('Ticker,Close\nAAA,1\n'));
    expect(f.format).toBe('unknown');
    expect(f.errors[0]!.line).toBe(1);
  });
});
