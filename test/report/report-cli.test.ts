/** `frontier report` as a user runs it: a real process, real files, exit codes and messages. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/store/database.js';
import { saveScenario } from '../../src-main/store/scenarios-repo.js';
import { frontier } from '../support/cli.js';
import { repoRoot } from '../support/shared-data.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';
import { pdfInfo, pdfText, pdfToolsMissing } from './pdf-tools.js';

const prices = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');

describe.skipIf(pdfToolsMissing !== null)('frontier report', () => {
  const dir = tempDir('frontier-report-cli-');
  const db = join(dir, 'frontier.db');
  const saved = fixtureScenario({ n: 5, name: 'Saved for CLI' });

  beforeAll(() => {
    const { db: handle } = openDatabase(db);
    const { results, ...file } = saved;
    saveScenario(handle, file, results);
    handle.close();
  });

  it('optimises a scenario file on a price CSV and writes its report', { timeout: 120_000 }, () => {
    const scenario = join(dir, 'file.json');
    writeFileSync(scenario, JSON.stringify({ name: 'File scenario', tickers: ['ALPHA', 'BRAVO', 'CHARLIE'], options: { objective: 'min-volatility' } }));
    const out = join(dir, 'file.pdf');
    const run = frontier(['report', '--scenario', scenario, '--prices', prices, '--out', out, '--paper', 'letter', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = run.json<{ file: string; pages: number; sections: string[]; bytes: number }>();
    const info = pdfInfo(out);
    expect(info.pages).toBe(summary.pages);
    expect(info.width).toBeCloseTo(612, 0);
    expect(summary.sections).toEqual(expect.arrayContaining(['cover', 'summary', 'weights', 'frontier', 'correlation']));
    const text = pdfText(out);
    for (const t of ['ALPHA', 'BRAVO', 'CHARLIE', 'File scenario', 'Minimum volatility']) expect(text).toContain(t);
    // Weights sum to 100 % in the table's total row.
    expect(text).toMatch(/Total\s+100\.00 %/);
  });

  it('prints a saved scenario by name with the chosen sections, title and author', { timeout: 120_000 }, () => {
    const out = join(dir, 'saved.pdf');
    const run = frontier(['report', '--scenario', 'Saved for CLI', '--db', db, '--out', out, '--sections', 'cover,weights', '--title', 'Client pack', '--author', 'A. Manager']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*saved\.pdf \(1 page: cover, weights\)/);
    const text = pdfText(out);
    expect(text).toContain('Client pack');
    expect(text).toContain('A. Manager');
    expect(text).not.toContain('Executive summary');
    for (const t of saved.tickers) expect(text).toContain(t);
  });

  it('exits 1 with a one-line reason on user errors', { timeout: 180_000 }, () => {
    const bad = frontier(['report', '--scenario', 'Saved for CLI', '--db', db, '--out', join(dir, 'x.pdf'), '--sections', 'cover,charts']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^--sections: "charts" is not one of cover, summary/);
    const missing = frontier(['report', '--scenario', 'No such scenario', '--db', db, '--out', join(dir, 'y.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no scenario named "No such scenario"');
    const noOut = frontier(['report', '--scenario', 'Saved for CLI', '--db', db]);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('--out FILE.pdf is required');
  });
});
