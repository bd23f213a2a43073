import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();

describe('frontier CLI basics', () => {
  it('lists its commands, each with --help', () => {
    const help = frontier(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['import', 'optimize', 'scenario', 'report', 'serve']) expect(help.stdout).toContain(command);
    const scenarioHelp = frontier(['scenario', '--help']);
    expect(scenarioHelp.code).toBe(0);
    expect(scenarioHelp.stdout).toMatch(/frontier scenario list/);
  });

  it('exits 1 with one line for an unknown command or flag', () => {
    const unknown = frontier(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const badFlag = frontier(['scenario', 'list', '--nope']);
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toMatch(/--nope/);
  });

  it('imports, lists, shows and exports a scenario file through the database', () => {
    const db = join(dir, 'cli.db');
    const file = join(dir, 'core.json');
    writeFileSync(file, JSON.stringify({ name: 'Core equity', tickers: ['AAA', 'BBB'], options: { objective: 'max-sharpe', targets: { rf: 0.03 } } }));
    const imported = frontier(['scenario', 'import', file, '--db', db, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json<{ id: number; name: string }>().name).toBe('Core equity');

    const list = frontier(['scenario', 'list', '--db', db, '--json']).json<{ name: string; objective: string }[]>();
    expect(list).toEqual([expect.objectContaining({ name: 'Core equity', objective: 'max-sharpe' })]);

    const shown = frontier(['scenario', 'show', 'core equity', '--db', db, '--json']).json<{ options: { targets: { rf: number } } }>();
    expect(shown.options.targets.rf).toBe(0.03);

    const out = join(dir, 'exported.json');
    expect(frontier(['scenario', 'export', 'Core equity', '--out', out, '--db', db]).code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'frontier-scenario', name: 'Core equity', tickers: ['AAA', 'BBB'] });
    expect(exported).not.toHaveProperty('id');

    const again = frontier(['scenario', 'import', file, '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('names the field when a scenario file is invalid', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', tickers: [], options: { objective: 'max-fun' } }));
    const run = frontier(['scenario', 'import', bad, '--db', join(dir, 'bad.db')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(bad);
    expect(run.stderr).toMatch(/tickers|objective/);
  });
});
