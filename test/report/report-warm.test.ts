/**
 * The start-up warm-up of the report path (what `frontier serve` and the app run once they are up):
 * Chromium launched and a worker with the report code loaded, all stopped by runtime.close().
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChromiumPrinter, findChromium } from '../../src-main/host/chromium-printer.js';
import { warmReportExport } from '../../src-main/services/report-service.js';
import { createRuntime } from '../../src-main/services/runtime.js';
import { tempDir } from '../support/temp.js';

/** Browser processes started by this test process (playwright-core launches Chromium as our child). */
function browserChildren(): number {
  const out = execFileSync('ps', ['-o', 'args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /chrom/i.test(line)).length;
}

describe.skipIf(!findChromium())('report warm-up', () => {
  const dir = tempDir('frontier-report-warm-');

  it('launches the browser and a report worker, and close() stops them', async () => {
    const runtime = createRuntime({ dbPath: join(dir, 'warm.db'), mode: 'web', makePrinter: async () => createChromiumPrinter(), pool: { size: 1 } });
    expect(browserChildren()).toBe(0);
    await warmReportExport(runtime.ctx);
    expect(browserChildren()).toBe(1);
    // The pool's one worker is idle again and has the report modules loaded.
    const ping = await runtime.ctx.jobs.run('report-warm', {});
    expect(ping.threadId).toBeGreaterThan(0);
    await runtime.close();
    expect(browserChildren()).toBe(0);
  });

  it('starts nothing once the runtime is closed, and never rejects', async () => {
    const runtime = createRuntime({ dbPath: join(dir, 'closed.db'), mode: 'web', makePrinter: async () => createChromiumPrinter(), pool: { size: 1 } });
    const warming = warmReportExport(runtime.ctx);
    await runtime.close(); // while the browser may still be launching
    await expect(warming).resolves.toBeUndefined();
    expect(browserChildren()).toBe(0);

    const broken = createRuntime({ dbPath: join(dir, 'broken.db'), mode: 'web', makePrinter: async () => createChromiumPrinter({ executablePath: join(dir, 'no-such-chromium') }) });
    await expect(warmReportExport(broken.ctx)).resolves.toBeUndefined();
    await broken.close();
  });
});
