/** Names the constraints in conflict when a portfolio LP/MIP is infeasible. */
import type { LpBuilder } from './lp-builder.js';
import type { PortfolioSpec } from './portfolio-lp.js';

function sum(a: ArrayLike<number>, idx?: number[]): number {
  let s = 0;
  if (idx) for (const i of idx) s += a[i]!;
  else for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/**
 * Plain-language list of conflicting constraints: first the cheap arithmetic checks on bounds, budget,
 * groups and the return floor, then HiGHS's irreducible infeasible subsystem when it found one.
 */
export function explainInfeasible(spec: PortfolioSpec, lp: LpBuilder, iisRows?: number[], iisCols?: number[]): string[] {
  const out: string[] = [];
  const n = spec.tickers.length;
  for (let i = 0; i < n; i++) {
    if (spec.lower[i]! > spec.upper[i]!) out.push(`bounds of ${spec.tickers[i]} (lower ${spec.lower[i]} > upper ${spec.upper[i]})`);
  }
  const lo = sum(spec.lower);
  const hi = sum(spec.upper);
  const budgetName = spec.budget === 0 ? 'market-neutral (Σw = 0)' : `budget (Σw = ${spec.budget})`;
  if (lo > spec.budget + 1e-12) out.push(`${budgetName} vs lower bounds summing to ${lo}`);
  if (hi < spec.budget - 1e-12) out.push(`${budgetName} vs upper bounds summing to ${hi}`);
  for (const g of spec.groups) {
    const gLo = sum(spec.lower, g.members);
    const gHi = sum(spec.upper, g.members);
    if (g.min !== undefined && g.min > gHi + 1e-12) out.push(`group ${g.name} min ${g.min} vs member upper bounds summing to ${gHi}`);
    if (g.max !== undefined && g.max < gLo - 1e-12) out.push(`group ${g.name} max ${g.max} vs member lower bounds summing to ${gLo}`);
  }
  if (spec.returnFloor) {
    // greedy upper bound on the achievable return: fill the best assets up to their caps
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => spec.returnFloor!.mu[b]! - spec.returnFloor!.mu[a]!);
    let left = spec.budget - lo;
    let best = 0;
    for (let i = 0; i < n; i++) best += spec.lower[i]! * spec.returnFloor.mu[i]!;
    for (const i of order) {
      const take = Math.max(0, Math.min(spec.upper[i]! - spec.lower[i]!, left));
      best += take * spec.returnFloor.mu[i]!;
      left -= take;
    }
    if (best < spec.returnFloor.value - 1e-12) {
      out.push(`target return ${spec.returnFloor.value} above the highest achievable ${best.toFixed(6)} under the bounds`);
    }
  }
  if (spec.maxHoldings !== undefined) {
    let forced = 0;
    for (let i = 0; i < n; i++) if (spec.lower[i]! > 0) forced++;
    const caps = Float64Array.from(spec.upper).sort().reverse();
    const reach = sum(caps.subarray(0, spec.maxHoldings));
    if (reach < spec.budget - 1e-12) out.push(`max-holdings ${spec.maxHoldings} with upper bounds: the largest ${spec.maxHoldings} caps sum to ${reach}`);
    if (forced > spec.maxHoldings) out.push(`max-holdings ${spec.maxHoldings} vs ${forced} assets with positive lower bounds`);
  }
  if (out.length === 0 && iisRows && (iisRows.length > 0 || (iisCols?.length ?? 0) > 0)) {
    const names = new Set<string>();
    for (const r of iisRows) names.add(lp.rowNames[r] ?? `row ${r}`);
    for (const c of iisCols ?? []) names.add(`bounds of ${lp.colNames[c] ?? `column ${c}`}`);
    out.push(...[...names].slice(0, 12));
  }
  if (out.length === 0) out.push('the combination of bounds, groups and targets (no single pair found)');
  return out;
}
