/**
 * The hedge solver: the cheapest trades in the listed instruments (underlying shares, option
 * contracts) that bring each underlying's requested Greeks within ±band. An LP over buy/sell parts
 * (q = p − n, cost Σ c·(p + n)); whole shares and contracts make it a MILP. Requests no trade can meet
 * (gamma with no option, or a system the instruments cannot span) are errors naming the reason.
 */
import type { GreekTriple, HedgedGreek } from '../../../shared/api/options.js';
import { addCols, addRow, newLp, toModelData } from '../optimize/lp/lp-builder.js';
import { loadHighs, runModel } from '../optimize/lp/highs-runtime.js';
import { fail, ok, type CoreResult } from '../result.js';

export interface HedgeInstrument {
  id: string;
  kind: 'shares' | 'option';
  underlying: string;
  /** Price per share (shares: the spot; options: the mark). */
  price: number;
  /** Shares per unit traded (1 for shares, the contract multiplier for options). */
  multiplier: number;
  /** Greeks of one unit traded: a share (1, 0, 0) or one contract (per-share Greeks × multiplier). */
  unit: GreekTriple;
}

export interface HedgeProblem {
  /** Greeks of the book per underlying (delta, gamma in shares; vega money per 1.00 vol). */
  before: Record<string, GreekTriple>;
  instruments: HedgeInstrument[];
  neutralize: HedgedGreek[];
  bands: GreekTriple;
  wholeContracts: boolean;
  /** Proportional cost of traded notional, bps. */
  costBps: number;
  /** Money per option contract traded. */
  contractFee: number;
  /** Largest trade per instrument (units); a solution at this cap means the request is ill-conditioned. */
  maxQuantity?: number;
  shouldStop?: () => boolean;
}

export interface HedgeSolution {
  quantities: number[];
  /** Cost per instrument, money. */
  costs: number[];
  cost: number;
  after: Record<string, GreekTriple>;
  status: string;
  mipGap: number | null;
}

const LABEL: Record<HedgedGreek, string> = { delta: 'delta', gamma: 'gamma', vega: 'vega' };

/** Unit cost of trading one unit of an instrument, money. */
export function unitCost(i: HedgeInstrument, costBps: number, contractFee: number): number {
  return Math.abs(i.price) * i.multiplier * (costBps / 10_000) + (i.kind === 'option' ? contractFee : 0);
}

/** Solves the hedge; errors: 'infeasible' (with the reason), 'ill-conditioned', 'solver'. */
export async function solveHedge(pb: HedgeProblem): Promise<CoreResult<HedgeSolution>> {
  const underlyings = [...new Set([...Object.keys(pb.before), ...pb.instruments.map((i) => i.underlying)])].sort();
  const zero: GreekTriple = { delta: 0, gamma: 0, vega: 0 };
  for (const u of underlyings) {
    const b = pb.before[u] ?? zero;
    for (const g of pb.neutralize) {
      const reach = pb.instruments.some((i) => i.underlying === u && Math.abs(i.unit[g]) > 0);
      if (!reach && Math.abs(b[g]) > pb.bands[g]) {
        const need = g === 'delta' ? `${u} shares or an option on ${u}` : `an option on ${u} (shares have no ${g})`;
        return fail('infeasible', `${LABEL[g]}-neutral on ${u} is impossible: no listed instrument has ${g} on ${u}; list ${need}`, { underlying: u, greek: g });
      }
    }
  }
  const cap = pb.maxQuantity ?? 1e9;
  const lp = newLp();
  const costs = pb.instruments.map((i) => Math.max(unitCost(i, pb.costBps, pb.contractFee), 1e-9));
  pb.instruments.forEach((inst, k) => {
    addCols(lp, 1, costs[k]!, 0, cap, `buy ${inst.id}`, pb.wholeContracts);
    addCols(lp, 1, costs[k]!, 0, cap, `sell ${inst.id}`, pb.wholeContracts);
  });
  for (const u of underlyings) {
    const b = pb.before[u] ?? zero;
    for (const g of pb.neutralize) {
      const idx: number[] = [];
      const val: number[] = [];
      pb.instruments.forEach((inst, k) => {
        if (inst.underlying !== u || inst.unit[g] === 0) return;
        idx.push(2 * k, 2 * k + 1);
        val.push(inst.unit[g], -inst.unit[g]);
      });
      addRow(lp, -pb.bands[g] - b[g], pb.bands[g] - b[g], idx, val, `${g} ${u}`);
    }
  }
  const highs = await loadHighs();
  const out = runModel(highs, toModelData(lp), {
    options: pb.wholeContracts ? { mip_rel_gap: 1e-6, time_limit: 10 } : {},
    ...(pb.shouldStop ? { shouldStop: pb.shouldStop } : {}),
  });
  if (out.status === 'interrupted') return fail('cancelled', 'cancelled');
  if (out.status === 'infeasible' || out.status === 'unbounded-or-infeasible' || (out.isMip && out.mipFeasible === false)) {
    const what = pb.neutralize.join(' and ');
    const hint = pb.wholeContracts
      ? ' (with whole shares and contracts a band of 0 is rarely reachable: widen --band)'
      : pb.neutralize.length > 1
        ? ` (holding ${what} at once needs at least ${pb.neutralize.filter((g) => g !== 'delta').length} options per underlying with different ${what} ratios)`
        : '';
    return fail('infeasible', `no trades in the listed instruments bring ${what} within the band on ${underlyings.join(', ')}${hint}`, { status: out.status });
  }
  if (!out.optimal && !(out.isMip && out.mipFeasible)) return fail('solver', `the hedge solver stopped: ${out.status}`, { status: out.status });
  const quantities = pb.instruments.map((_, k) => out.colValue[2 * k]! - out.colValue[2 * k + 1]!);
  const capped = pb.instruments.filter((_, k) => Math.max(out.colValue[2 * k]!, out.colValue[2 * k + 1]!) >= cap * (1 - 1e-9));
  if (capped.length > 0)
    return fail('ill-conditioned', `the hedge needs trades at the size cap (${cap}) in ${capped.map((i) => i.id).join(', ')}: the instruments are nearly collinear in the requested Greeks`);
  const after: Record<string, GreekTriple> = {};
  for (const u of underlyings) {
    const a = { ...(pb.before[u] ?? zero) };
    pb.instruments.forEach((inst, k) => {
      if (inst.underlying !== u) return;
      for (const g of ['delta', 'gamma', 'vega'] as const) a[g] += inst.unit[g] * quantities[k]!;
    });
    after[u] = a;
  }
  const tradeCosts = quantities.map((q, k) => Math.abs(q) * unitCost(pb.instruments[k]!, pb.costBps, pb.contractFee));
  const gap = out.isMip && out.mipDualBound !== undefined && Number.isFinite(out.mipDualBound) ? Math.abs(out.objective - out.mipDualBound) : null;
  return ok({ quantities, costs: tradeCosts, cost: tradeCosts.reduce((s, c) => s + c, 0), after, status: out.status, mipGap: out.isMip ? gap : null });
}
