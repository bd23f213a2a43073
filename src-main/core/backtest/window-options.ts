/**
 * The scenario's optimisation settings restricted to the assets a walk-forward window holds. A view or
 * a group member naming an asset without history yet would make every early rebalance fail ("view 2
 * names GOOG, which is not in the universe"); instead it applies from the first window that holds its
 * assets, and each such deferral is described by one stable note the engine groups across rebalances.
 */
import type { OptimizeOptions, View } from '../../../shared/domain/optimize.js';

export interface WindowOptions {
  options: OptimizeOptions;
  /** One line per view or group not (fully) applied in this window; identical text across windows. */
  notes: string[];
}

function pick<T>(rec: Record<string, T> | undefined, has: (t: string) => boolean): Record<string, T> | undefined {
  if (rec === undefined) return undefined;
  return Object.fromEntries(Object.entries(rec).filter(([t]) => has(t)));
}

function viewTickers(v: View): string[] {
  return 'asset' in v ? [v.asset] : [...v.long, ...v.short];
}

/** Options for a window holding `tickers`: views and group members outside it are left out, with notes. */
export function optionsForWindow(options: OptimizeOptions, tickers: readonly string[]): WindowOptions {
  const present = new Set(tickers);
  const has = (t: string): boolean => present.has(t);
  const notes: string[] = [];
  const c = options.constraints;
  const groups: OptimizeOptions['constraints']['groups'] = [];
  for (const g of c.groups) {
    const absent = g.tickers.filter((t) => !has(t));
    if (absent.length === 0) {
      groups.push(g);
    } else if (absent.length === g.tickers.length) {
      notes.push(`group ${g.name} left out: none of its members (${g.tickers.join(', ')}) has history yet`);
    } else {
      notes.push(`group ${g.name} applied without ${absent.join(', ')} (no history yet)`);
      groups.push({ ...g, tickers: g.tickers.filter(has) });
    }
  }
  const constraints: OptimizeOptions['constraints'] = { ...c, groups, assetBounds: pick(c.assetBounds, has) ?? {} };
  const current = pick(c.currentWeights, has);
  const benchmark = pick(c.benchmarkWeights, has);
  if (current !== undefined) constraints.currentWeights = current;
  if (benchmark !== undefined) constraints.benchmarkWeights = benchmark;
  const targets = { ...options.targets };
  const budgets = pick(options.targets.riskBudgets, has);
  if (budgets !== undefined) targets.riskBudgets = budgets;
  const out: OptimizeOptions = { ...options, constraints, targets };
  const bl = options.blackLitterman;
  if (bl !== undefined) {
    const views: View[] = [];
    bl.views.forEach((v, k) => {
      const absent = viewTickers(v).filter((t) => !has(t));
      if (absent.length === 0) views.push(v);
      else notes.push(`view ${k + 1} left out: ${absent.join(', ')} ${absent.length === 1 ? 'has' : 'have'} no history yet`);
    });
    out.blackLitterman = { ...bl, views };
  }
  return { options: out, notes };
}
