/**
 * Locates the public reference data beside the repo (../shared/data). Conformance tests run only where
 * it exists (CI has it) and say plainly when it does not; the main suite never needs it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sharedDataDir = process.env.FRONTIER_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data');
export const hasSharedData = existsSync(join(sharedDataDir, 'pypfopt', 'stock_prices.csv'));

export function sharedDataFile(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

if (!hasSharedData) {
  console.warn(`[conformance] ${sharedDataDir} not found: conformance tests against reference data are skipped`);
}

export { repoRoot };
