/**
 * The layer rules of docs/ARCHITECTURE.md, enforced: every import of shared/, src-main/ and the
 * renderer (type-only and dynamic ones included) is read and checked (test/support/layers.ts). A
 * fixture tree that breaks each rule on purpose shows that the check fails when it should.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layerViolations, readImports } from './support/layers.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const broken = fileURLToPath(new URL('./fixtures/layers/broken', import.meta.url));
const show = (vs: { file: string; line: number; specifier: string; rule: string }[]) => vs.map((v) => `${v.file}:${v.line} ${v.specifier} — ${v.rule}`);

describe('layer rules', () => {
  it('hold on the source tree', () => {
    expect(show(layerViolations(repo))).toEqual([]);
  });

  it('read the real imports (the check is not vacuous)', () => {
    const edges = readImports(repo, ['src-main']);
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.file === 'src-main/store/database.ts' && e.packageName === 'better-sqlite3')).toBe(true);
    // Dynamic imports count too: main.ts loads the printer only when a report is printed.
    expect(edges.some((e) => e.file === 'src-main/cli/main.ts' && e.specifier === '../host/chromium-printer.js')).toBe(true);
  });

  it('fail on a tree that breaks each rule, naming file, line and rule', () => {
    const found = show(layerViolations(broken)).sort();
    expect(found).toEqual(
      [
        'shared/uses-node.ts:2 node:fs — shared/ imports only zod and shared/',
        'src-main/core/stats/reads-env.ts:2 ../../jobs/job-context.js — core/ imports only shared/, core/, ml-matrix, highs, csv-parse, iconv-lite',
        'src-main/core/stats/reads-env.ts:4 process — core/ does no I/O (no process)',
        'src-main/services/uses-db.ts:1 better-sqlite3 — only store/ imports better-sqlite3',
        'src-main/services/uses-db.ts:2 ../cli/flags.js — services/ never imports cli/ or host/',
        'src-main/services/uses-db.ts:4 ../host/server.js — services/ never imports cli/ or host/',
        'src-main/cli/commands/reaches-in.ts:1 ../../core/stats/reads-env.js — cli/commands/ never imports core/ or store/ (types included)',
        'src-main/cli/commands/reaches-in.ts:2 ../../store/database.js — cli/commands/ never imports core/ or store/ (types included)',
        'src-main/host/wrong-place.ts:1 electron — only electron/ imports electron',
        'src-main/host/wrong-place.ts:2 echarts/core — only report/ and the renderer import echarts',
      ].sort(),
    );
  });
});
