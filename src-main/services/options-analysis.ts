/** Options hedge, revaluation grid and dynamic-hedging replay: book from options-book, maths in core via jobs. */
import { FrontierError } from '../../shared/api.js';
import type { GreekTriple, HedgeSettings, HedgeTradeOut, OptionsGridOut, OptionsHedgeOut } from '../../shared/api/options.js';
import type { OptionPosition } from '../../shared/domain/options.js';
import { defaultShifts, gridReferencePrice, type GridPosition } from '../core/options/grid.js';
import { daysBetween } from '../core/options/greeks.js';
import type { HedgeInstrument } from '../core/options/hedge.js';
import { aggregateGreeks, valuePosition } from '../core/options/positions.js';
import type { ReplayPosition, ReplaySeries } from '../core/options/replay.js';
import { contractId, parseContractId } from '../core/options/symbols.js';
import type { CoreResult } from '../core/result.js';
import { closeSeries, lastClose } from '../store/options-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { loadBook, parseOptionFiles, valueBook, type Book } from './options-book.js';

function unwrap<T>(r: CoreResult<T>): T {
  if (!r.ok) throw new FrontierError(r.error.code === 'cancelled' ? 'cancelled' : 'user-error', r.error.message, r.error.details);
  return r.value;
}

const triple = (g: { delta: number; gamma: number; vega: number } | undefined): GreekTriple => ({ delta: g?.delta ?? 0, gamma: g?.gamma ?? 0, vega: g?.vega ?? 0 });
const sum = (xs: readonly GreekTriple[]): GreekTriple => xs.reduce((a, b) => ({ delta: a.delta + b.delta, gamma: a.gamma + b.gamma, vega: a.vega + b.vega }), triple(undefined));

function sameContract(a: OptionPosition, b: { underlying: string; type: string; strike: number; expiry: string }): boolean {
  return a.underlying === b.underlying && a.type === b.type && a.strike === b.strike && a.expiry === b.expiry;
}

/** The hedge instruments of a request, priced: shares at the spot, options at their mark (held, else from the hedge-options file). */
function hedgeInstruments(ctx: HandlerContext, book: Book, settings: HedgeSettings): HedgeInstrument[] {
  const listed = settings.hedgeOptionsFile ? parseOptionFiles([settings.hedgeOptionsFile], { asOf: book.asOf })[0]!.positions : [];
  return settings.instruments.map((id): HedgeInstrument => {
    const c = parseContractId(id);
    if (!c) {
      const spot = book.spots[id]?.spot ?? lastClose(ctx.db, id, book.asOf)?.close;
      if (spot === undefined) throw new FrontierError('user-error', `instrument ${id}: no stored close on or before ${book.asOf} (and not an option id U_YYYY-MM-DD_C|P_STRIKE)`);
      return { id, kind: 'shares', underlying: id, price: spot, multiplier: 1, unit: { delta: 1, gamma: 0, vega: 0 } };
    }
    const held = book.positions.find((p) => sameContract(p, c) && (p.price !== null || p.impliedVol !== null));
    const from = held ?? listed.find((p) => sameContract(p, c));
    if (!from) throw new FrontierError('user-error', `instrument ${id}: no mark price (not among the positions and not in --hedge-options)`);
    const spot = book.spots[c.underlying]?.spot ?? lastClose(ctx.db, c.underlying, book.asOf)?.close ?? null;
    const v = valuePosition({ ...from, quantity: 1 }, spot, book.asOf, book.rate);
    if (v.status !== 'priced' || !v.perContract || v.price === null) throw new FrontierError('user-error', `instrument ${id}: ${v.error ?? 'not priced'}`);
    const m = from.multiplier;
    return { id: contractId(c), kind: 'option', underlying: c.underlying, price: v.price, multiplier: m, unit: { delta: v.perContract.delta * m, gamma: v.perContract.gamma * m, vega: v.perContract.vega * m } };
  });
}

async function hedge(ctx: HandlerContext, book: Book, settings: HedgeSettings): Promise<OptionsHedgeOut> {
  const valued = valueBook(book);
  const { byUnderlying } = aggregateGreeks(valued);
  const before: Record<string, GreekTriple> = Object.fromEntries(Object.entries(byUnderlying).map(([u, g]) => [u, triple(g)]));
  const instruments = hedgeInstruments(ctx, book, settings);
  const bands: GreekTriple = { delta: settings.bands?.delta ?? settings.band, gamma: settings.bands?.gamma ?? settings.band, vega: settings.bands?.vega ?? settings.band };
  const sol = unwrap(
    await ctx.jobs.run('options-hedge', {
      before, instruments, neutralize: settings.neutralize, bands, wholeContracts: settings.wholeContracts, costBps: settings.costBps, contractFee: settings.contractFee,
    }),
  );
  const trades: HedgeTradeOut[] = instruments.flatMap((inst, k) => {
    const q = sol.quantities[k]!;
    if (Math.abs(q) < 1e-9) return [];
    return [{ instrument: inst.id, kind: inst.kind, underlying: inst.underlying, quantity: q, price: inst.price, cost: sol.costs[k]!, notional: q * inst.price * inst.multiplier }];
  });
  const warnings = [...book.warnings];
  for (const v of valued) if (v.status !== 'priced') warnings.push(`${v.position.source ?? v.position.underlying}: ${v.error} (left out of the Greeks)`);
  const unders = Object.keys(sol.after).sort();
  return {
    trades,
    before: sum(unders.map((u) => before[u] ?? triple(undefined))),
    after: sum(unders.map((u) => sol.after[u]!)),
    byUnderlying: Object.fromEntries(unders.map((u) => [u, { before: before[u] ?? triple(undefined), after: sol.after[u]! }])),
    cost: sol.cost,
    bands,
    neutralize: settings.neutralize,
    wholeContracts: settings.wholeContracts,
    solver: { status: sol.status, mipGap: sol.mipGap },
    warnings,
  };
}

/** Priced positions in the grid's form; the others with their reason. */
export function gridPositions(book: Book): { positions: GridPosition[]; excluded: { position: string; reason: string }[] } {
  const positions: GridPosition[] = [];
  const excluded: { position: string; reason: string }[] = [];
  for (const v of valueBook(book)) {
    const p = v.position;
    if (v.status !== 'priced' || v.vol === null || v.spot === null || v.perContract === null) {
      excluded.push({ position: p.source ?? contractId(p), reason: v.error ?? 'not priced' });
      continue;
    }
    positions.push({ type: p.type, style: p.style, spot: v.spot, strike: p.strike, years: v.years, vol: v.vol, rate: book.rate, dividendYield: p.dividendYield, shares: p.quantity * p.multiplier });
  }
  return { positions, excluded };
}

export async function grid(ctx: HandlerContext, book: Book, settings: { spotShifts?: number[] | undefined; volShifts?: number[] | undefined; horizonDays: number }): Promise<OptionsGridOut> {
  const { positions, excluded } = gridPositions(book);
  if (positions.length === 0) throw new FrontierError('user-error', `no position could be priced: ${excluded.map((e) => `${e.position}: ${e.reason}`).join('; ')}`);
  const d = defaultShifts();
  const spotShifts = settings.spotShifts ?? d.spot;
  const volShifts = settings.volShifts ?? d.vol;
  const out = await ctx.jobs.run('options-grid', { positions, spotShifts, volShifts, horizonDays: settings.horizonDays });
  return {
    asOf: book.asOf, horizonDays: settings.horizonDays, spotShifts, volShifts, pnl: out.pnl, payoff: out.payoff,
    baseValue: positions.reduce((s, p) => s + p.shares * gridReferencePrice(p), 0), positions: positions.length, excluded,
  };
}

export const optionsAnalysisHandlers = {
  'options-hedge': (req, ctx) => hedge(ctx, loadBook(ctx, req), req.settings),
  'options-grid': (req, ctx) => grid(ctx, loadBook(ctx, req), req.settings),
  'options-replay': async (req, ctx) => {
    const book = loadBook(ctx, req);
    const warnings = [...book.warnings];
    const positions: ReplayPosition[] = [];
    for (const v of valueBook(book)) {
      const p = v.position;
      if (v.status !== 'priced' || v.vol === null || v.spot === null) {
        warnings.push(`${p.source ?? contractId(p)}: ${v.error ?? 'not priced'} (left out of the replay)`);
        continue;
      }
      if (p.style === 'american') warnings.push(`${p.source ?? contractId(p)}: American, hedged with the BSM delta`);
      positions.push({ underlying: p.underlying, type: p.type, moneyness: p.strike / v.spot, tenorDays: daysBetween(book.asOf, p.expiry), vol: v.vol, rate: book.rate, dividendYield: p.dividendYield, shares: p.quantity * p.multiplier });
    }
    if (positions.length === 0) throw new FrontierError('user-error', 'no position could be priced, so there is nothing to replay');
    const series: Record<string, ReplaySeries> = {};
    const underlyings: Record<string, { from: string; to: string; days: number }> = {};
    for (const u of new Set(positions.map((p) => p.underlying))) {
      const s = closeSeries(ctx.db, u, req.settings.start, req.settings.end ?? req.asOf);
      if (s.dates.length < 2) throw new FrontierError('user-error', `${u}: no stored price history to replay`);
      series[u] = s;
      underlyings[u] = { from: s.dates[0]!, to: s.dates[s.dates.length - 1]!, days: s.dates.length };
    }
    const r = unwrap(
      await ctx.jobs.run(
        'options-replay',
        { positions, series, rules: req.settings.rules, costBps: req.settings.costBps, stepDays: req.settings.stepDays, riskAversion: req.settings.riskAversion, costCurve: true },
        { ...(req.jobId ? { jobId: req.jobId } : {}), onProgress: progressEmitter(ctx, req.jobId) },
      ),
    );
    return { ...r, underlyings, warnings };
  },
} satisfies Handlers<'options-hedge' | 'options-grid' | 'options-replay'>;
