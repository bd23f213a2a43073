/** Reads a fixture written for the import tests (synthetic values in the published layouts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseImportFile } from '../../../src-main/core/ingest/parse-file.js';
import type { IngestOptions, ParsedFile, PriceSeries } from '../../../src-main/core/ingest/types.js';
import { repoRoot } from '../../support/shared-data.js';

export const fixturePath = (name: string): string => join(repoRoot, 'test', 'fixtures', 'import', name);
export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));

export function parseFixture(name: string, options: IngestOptions = {}): ParsedFile {
  return parseImportFile(fixtureBytes(name), name, options);
}

/** A series' values on a date, by field. */
export function on(s: PriceSeries | undefined, date: string): Record<'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume', number> {
  if (!s) throw new Error('no such series');
  const t = s.dates.indexOf(date);
  if (t < 0) throw new Error(`${s.ticker} has no ${date}`);
  return { open: s.open[t]!, high: s.high[t]!, low: s.low[t]!, close: s.close[t]!, adjClose: s.adjClose[t]!, volume: s.volume[t]! };
}
