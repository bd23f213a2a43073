/**
 * Every objective × optimisation flag the CLI accepts: the flag is either refused with an error naming it
 * and the objective, or it changes the optimisation's result (an accepted flag is never silently ignored).
 * The flags are parsed by the CLI's own parser; the optimisations run in core on synthetic prices.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBJECTIVES } from '../../shared/domain/optimize.js';
import { optimizePortfolio } from '../../src-main/core/optimize/index.js';
import { CHECKED_FLAGS } from '../../src-main/cli/optimize-flag-use.js';
import { optimizeOptionsFromFlags } from '../../src-main/cli/optimize-flags.js';
import type { ParsedArgs } from '../../src-main/cli/command.js';
import { syntheticPrices } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';

const prices = syntheticPrices({ tickers: ['A', 'B', 'C', 'D', 'E', 'F'], days: 500, seed: 7 });
const dir = tempDir('flag-use');
const equal = join(dir, 'equal.json');
writeFileSync(equal, JSON.stringify(Object.fromEntries(prices.tickers.map((t) => [t, 1 / 6]))));
const tilted = join(dir, 'tilted.json');
writeFileSync(tilted, JSON.stringify({ A: 0.5, B: 0.3, C: 0.2 }));

type Values = Record<string, string | boolean | string[]>;
/** What each objective needs to run at all. */
const BASE: Partial<Record<string, Values>> = {
  'efficient-risk': { 'target-volatility': '0.12' },
  'efficient-return': { 'target-return': '0.13' },
  'efficient-cvar': { 'target-return': '0.13' },
  'efficient-cdar': { 'target-return': '0.13' },
  // δ = 1 leaves max-utility at the max-return corner, where no further flag can move it
  'max-utility': { 'risk-aversion': '50' },
};
/** The flag's value under test, and companions present in both runs (so only the flag differs). */
const FLAG: Record<(typeof CHECKED_FLAGS)[number], { value: string | boolean | string[]; with?: Values; drop?: string[] }> = {
  'target-volatility': { value: '0.121' },
  'target-risk': { value: '0.0157', with: { 'risk-measure': 'cvar' }, drop: ['target-volatility'] },
  'risk-measure': { value: 'semideviation', with: {}, drop: [] },
  'target-return': { value: '0.155' },
  'risk-aversion': { value: '80' },
  beta: { value: '0.9' },
  span: { value: '60', with: { returns: 'ema' } },
  market: { value: 'market.csv', with: { returns: 'capm' } },
  benchmark: { value: '0.0005' },
  'current-weights': { value: tilted, with: { 'tx-cost': '0.05' } },
  'benchmark-weights': { value: tilted, with: { 'tracking-error': '0.02' } },
  bounds: { value: '0:0.2' },
  bound: { value: ['A=0.3:0.5'] },
  'market-neutral': { value: true, with: { bounds: '-1:1' } },
  group: { value: ['g=A,B::0.4'] },
  l2: { value: '0.5' },
  'max-holdings': { value: '1' },
  'tx-cost': { value: '0.01', with: { 'current-weights': equal } },
  'max-turnover': { value: '0.3', with: { 'current-weights': equal } },
  'tracking-error': { value: '0.01', with: { 'benchmark-weights': equal } },
};

/** Where the general value cannot bind: max-return sits on one asset unless the bounds spread it. */
const OVERRIDE: Partial<Record<string, Partial<typeof FLAG>>> = {
  'max-return': {
    'max-holdings': { value: '2', with: { bounds: '0:0.4' } },
    'current-weights': { value: tilted, with: { 'tx-cost': '0.5' } },
  },
  // worst-case-mv sits on the same corner here; crisis-robust holds A at 0.377 without bounds
  'worst-case-mv': { 'current-weights': { value: tilted, with: { 'tx-cost': '0.5' } } },
  'crisis-robust': { bound: { value: ['A=0.45:0.5'] } },
};

function args(values: Values): ParsedArgs {
  return { values, positionals: [] } as unknown as ParsedArgs;
}

async function outcome(values: Values, market?: string): Promise<string> {
  let options;
  try {
    options = optimizeOptionsFromFlags(args(values), undefined, market, 'optimize');
  } catch (e) {
    return `flag error: ${(e as Error).message}`;
  }
  const r = await optimizePortfolio(prices, options);
  if (!r.ok) return `engine error: ${r.error.message}`;
  const w = Object.entries(r.value.weights).map(([t, x]) => `${t}:${x.toFixed(9)}`);
  return JSON.stringify({ w, p: r.value.performance });
}

describe('every objective × optimisation flag: refused by name, or it changes the result', () => {
  for (const objective of OBJECTIVES) {
    for (const flag of CHECKED_FLAGS) {
      it(`${objective} --${flag}`, async () => {
        const spec = OVERRIDE[objective]?.[flag] ?? FLAG[flag];
        const base: Values = { objective, ...(BASE[objective] ?? {}) };
        for (const d of spec.drop ?? []) if (objective === 'efficient-risk') delete base[d];
        if (flag === 'risk-measure' && objective === 'efficient-risk') {
          delete base['target-volatility'];
          base['target-risk'] = '0.08';
        }
        const without = { ...base, ...(spec.with ?? {}) };
        const withFlag = { ...without, [flag]: spec.value };
        const market = flag === 'market' ? 'F' : undefined;
        const on = await outcome(withFlag, market);
        const off = await outcome(without);
        if (on.startsWith('flag error')) {
          // refused by name; or a companion it needs is itself refused for this objective (then so is the pair)
          const companionRefused = Object.keys(spec.with ?? {}).some((c) => off.includes(`--${c} is not used by --objective ${objective}`));
          if (!companionRefused) expect(on).toContain(`--${flag} is not used by --objective ${objective}`);
          return;
        }
        expect(on, `--${flag} was accepted by ${objective} but changed nothing`).not.toBe(off);
      }, 60_000);
    }
  }
});

describe('negative flag values', () => {
  it('joins "--flag -N…" for string flags, leaves other dash-led tokens alone', async () => {
    const { joinNegativeValues } = await import('../../src-main/cli/negative-values.js');
    const opts = { bounds: { type: 'string' }, rf: { type: 'string' }, json: { type: 'boolean' } };
    expect(joinNegativeValues(['--bounds', '-1:1', '--rf', '-0.005', '--json'], opts)).toEqual(['--bounds=-1:1', '--rf=-0.005', '--json']);
    expect(joinNegativeValues(['--rf', '-.5'], opts)).toEqual(['--rf=-.5']);
    expect(joinNegativeValues(['--rf', '--json'], opts)).toEqual(['--rf', '--json']);
    expect(joinNegativeValues(['--json', '-1'], opts)).toEqual(['--json', '-1']);
  });
});
