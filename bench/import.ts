/**
 * Import speed: a wide price file of 400 tickers × 2,500 days (1,000,000 prices, 8 MB) through the
 * real service (parse and one write transaction in the bulk-import worker) into a fresh SQLite file.
 * Prints JSON: phase times (ms), rows, peak RSS (MB). Target: total ≤ 10 s, peak RSS ≤ 500 MB.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseImportFile } from '../src-main/core/ingest/parse-file.js';
import { overview } from '../src-main/core/ingest/summary.js';
import { commitImport, commitParsed } from '../src-main/services/import-service.js';
import { createRuntime } from '../src-main/services/runtime.js';

const TICKERS = Number(process.env.BENCH_TICKERS ?? 400);
const DAYS = Number(process.env.BENCH_DAYS ?? 2500);

function widePrices(tickers: number, days: number): string {
  const lines: string[] = [['date', ...Array.from({ length: tickers }, (_, j) => `T${String(j).padStart(4, '0')}`)].join(',')];
  const price = new Float64Array(tickers).fill(100);
  let seed = 42;
  const rand = (): number => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  const day = new Date(Date.UTC(2010, 0, 4));
  for (let t = 0; t < days; t++) {
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
    const row = [day.toISOString().slice(0, 10)];
    for (let j = 0; j < tickers; j++) {
      price[j] = price[j]! * (1 + rand() * 0.04);
      row.push(price[j]!.toFixed(4));
    }
    lines.push(row.join(','));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'frontier-bench-import-'));
try {
  const file = join(dir, 'wide.csv');
  writeFileSync(file, widePrices(TICKERS, DAYS));
  const bytes = new Uint8Array(readFileSync(file));

  const runtime = createRuntime({ dbPath: join(dir, 'bench.db'), mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
  // The product path: parse and write in the bulk-import worker; a 10 ms probe on the main thread
  // records its longest stall while the import runs.
  const t0 = performance.now();
  // CPU time of the whole process (main and worker threads): comparable across loaded runs where wall time is not.
  const cpu0 = process.cpuUsage();
  let longestStallMs = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 10);
  const outcome = await commitImport(runtime.ctx, [{ name: 'wide.csv', bytes }], {});
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(probe);
  // Peak RSS of the process (main + worker threads) up to the end of the product-path import.
  const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  const reimportStart = performance.now();
  const again = await commitImport(runtime.ctx, [{ name: 'wide.csv', bytes }], {});
  const reimportMs = performance.now() - reimportStart;
  // For comparison: the same write on the main connection (what the worker saves the main thread).
  const other = createRuntime({ dbPath: join(dir, 'main-write.db'), mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer')), pool: { size: 1 } });
  const parsedForMain = parseImportFile(bytes, 'wide.csv');
  const w0 = performance.now();
  commitParsed(other.ctx, [parsedForMain], [{ name: 'wide.csv', bytes }]);
  const mainConnectionWriteMs = performance.now() - w0;
  await other.close();
  await runtime.close();
  // Core parse alone, in this thread.
  const t1 = performance.now();
  const parsed = parseImportFile(bytes, 'wide.csv');
  const parseMs = performance.now() - t1;
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  const rows = overview(parsed, 0).rows;

  process.stdout.write(
    `${JSON.stringify({
      tickers: TICKERS,
      days: DAYS,
      fileMB: Math.round((bytes.byteLength / 2 ** 20) * 10) / 10,
      rows,
      inserted: outcome.inserted.prices,
      reimportInserted: again.inserted.prices,
      coreParseMs: Math.round(parseMs),
      importTotalMs: Math.round(totalMs),
      importCpuUserMs: Math.round(cpu.user / 1000),
      importCpuSystemMs: Math.round(cpu.system / 1000),
      reimportMs: Math.round(reimportMs),
      mainThreadLongestStallMs: Math.round(longestStallMs),
      mainConnectionWriteMs: Math.round(mainConnectionWriteMs),
      peakRssMB,
      peakRssAfterComparisonsMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
      cores: availableParallelism(),
      targets: { importTotalMs: 10_000, peakRssMB: 500 },
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
