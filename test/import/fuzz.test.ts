import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src-main/core/ingest/parse-file.js';
import { fixtureBytes, fixturePath } from '../core/ingest/fixtures.js';
import { call, counts, fileOf, runtimeIn } from './helpers.js';

const names = readdirSync(fixturePath('.')).filter((f) => !f.startsWith('.'));
const sources = names.map((n) => fixtureBytes(n));

/** A fixture with random edits: bytes replaced, inserted or removed, lines duplicated, the end cut off. */
const mutated = fc
  .record({
    source: fc.integer({ min: 0, max: sources.length - 1 }),
    edits: fc.array(
      fc.record({
        kind: fc.constantFrom('replace', 'insert', 'delete', 'dupline', 'truncate'),
        at: fc.nat(),
        byte: fc.constantFrom(0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x2d, 0x2e, 0x24, 0x28, 0x41, 0x31, 0x00, 0xff, 0xe9, 0x20),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ source, edits }) => {
    let b = Array.from(sources[source]!);
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.at % b.length;
      if (e.kind === 'replace' && b.length > 0) b[at] = e.byte;
      else if (e.kind === 'insert') b.splice(at, 0, e.byte);
      else if (e.kind === 'delete') b.splice(at, 1);
      else if (e.kind === 'truncate') b = b.slice(0, at);
      else if (e.kind === 'dupline') {
        const start = b.lastIndexOf(0x0a, at) + 1;
        const end = b.indexOf(0x0a, at);
        if (end > start) b.splice(end + 1, 0, ...b.slice(start, end + 1));
      }
    }
    return { name: names[source]!, bytes: new Uint8Array(b) };
  });

const randomText = fc
  .array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String), fc.constantFrom('2024-01-02', '01/13/2024', '1.234,5', '$1,000.00', '(3.00)', '--', '#N/A', '"', '')), { maxLength: 6 }), { maxLength: 12 })
  .map((rows) => ({ name: 'random.csv', bytes: new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')) }));

describe('importer robustness (fast-check)', () => {
  it('never throws on mutated or random files; every problem has a line ≥ 1 and a message', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, randomText), ({ name, bytes }) => {
        const f = parseImportFile(bytes, name);
        for (const e of f.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.message.length).toBeGreaterThan(0);
        }
        for (const s of f.prices) for (const d of s.dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const t of f.transactions) expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  const rt = runtimeIn();
  afterAll(() => rt.close());

  it('a commit either succeeds or writes nothing, and never fails as a bug', async () => {
    await call(rt, 'import-commit', { files: [fileOf('AAPL.csv')] });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ name, bytes }) => {
        const before = counts(rt);
        const r = await rt.call('import-commit', { files: [fileOf(name, bytes)], options: { ticker: 'FUZZ' } });
        if (!r.ok) {
          expect(r.error.code).not.toBe('internal');
          expect(counts(rt)).toEqual(before);
        }
        const integrity = rt.ctx.db.pragma('quick_check', { simple: true });
        expect(integrity).toBe('ok');
      }),
      { numRuns: 120 },
    );
  });
});
