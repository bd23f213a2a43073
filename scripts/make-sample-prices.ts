// Writes the seeded sample price file used by e2e tests and README examples:
//   npx tsx scripts/make-sample-prices.ts > test/fixtures/prices/wide-sample.csv
import { syntheticPrices, toWideCsv } from '../test/support/synthetic-prices.js';

const m = syntheticPrices({ tickers: ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT'], days: 756, seed: 7, lateStart: { FOXTROT: 120 } });
process.stdout.write(toWideCsv(m));
