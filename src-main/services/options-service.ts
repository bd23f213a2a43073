/** Options: one option's price and Greeks, position imports, book Greeks, hedge, grid and replay. */
import { createHash } from 'node:crypto';
import { FrontierError } from '../../shared/api.js';
import type { OptionImportOut, OptionPositionOut, OptionsGreeksOut, PositionGreeksOut } from '../../shared/api/options.js';
import { optionGreeks } from '../core/options/greeks.js';
import { impliedVol } from '../core/options/implied-vol.js';
import { aggregateGreeks, type PositionGreeks, type ValuedPosition } from '../core/options/positions.js';
import { createBatch, setBatchRows } from '../store/import-repo.js';
import { insertOptionPositions, stockPositionsValue } from '../store/options-repo.js';
import type { HandlerContext, Handlers } from './context.js';
import { loadBook, parseOptionFiles, valueBook, type Book } from './options-book.js';
import { optionsAnalysisHandlers } from './options-analysis.js';

const round = (g: PositionGreeks): PositionGreeksOut => ({ ...g });

function positionOut(v: ValuedPosition, book: Book): OptionPositionOut {
  const p = v.position;
  const g = v.greeks ?? { delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, dollarDelta: 0, dollarGamma: 0 };
  return {
    account: p.account, underlying: p.underlying, type: p.type, style: p.style, strike: p.strike, expiry: p.expiry, quantity: p.quantity, multiplier: p.multiplier,
    price: v.price, mark: p.price, impliedVol: v.vol, volSource: v.volSource, spot: v.spot, spotDate: book.spots[p.underlying]?.date ?? null, years: v.years,
    value: v.value, status: v.status, error: v.error, perContract: v.perContract, source: p.source, ...round(g),
  };
}

/** Greeks of the book: per position, per underlying, for the portfolio, and as % of NAV. */
export function bookGreeks(ctx: HandlerContext, book: Book, nav?: number): OptionsGreeksOut {
  const valued = valueBook(book);
  const { byUnderlying, portfolio } = aggregateGreeks(valued);
  const warnings = [...book.warnings];
  for (const v of valued) if (v.status !== 'priced') warnings.push(`${v.position.source ?? v.position.underlying}: ${v.error}`);
  const valueOf = (u?: string) => valued.filter((v) => u === undefined || v.position.underlying === u).reduce((s, v) => s + (v.value ?? 0), 0);
  const optionsValue = valueOf();
  let navOut: number | null = nav ?? null;
  let navSource: OptionsGreeksOut['navSource'] = nav === undefined ? null : 'given';
  if (nav === undefined) {
    const total = stockPositionsValue(ctx.db, book.asOf) + optionsValue;
    if (total > 0) {
      navOut = total;
      navSource = 'stored positions + options';
    } else warnings.push('no NAV: the store holds no stock positions and the options are worth nothing net; % of NAV not shown (give nav)');
  }
  const pct = (x: number) => (navOut === null ? null : x / navOut);
  return {
    asOf: book.asOf,
    rate: book.rate,
    positions: valued.map((v) => positionOut(v, book)),
    byUnderlying: Object.fromEntries(Object.entries(byUnderlying).map(([u, g]) => [u, { ...round(g), spot: book.spots[u]?.spot ?? null, value: valueOf(u) }])),
    portfolio: { ...round(portfolio), value: optionsValue },
    nav: navOut,
    navSource,
    pctOfNav: { dollarDelta: pct(portfolio.dollarDelta), dollarGamma: pct(portfolio.dollarGamma), vega: pct(portfolio.vega), theta: pct(portfolio.theta) },
    warnings,
  };
}

function importOptions(ctx: HandlerContext, req: { files: { name: string; dataBase64: string }[]; account?: string | undefined; asOf?: string | undefined; dryRun: boolean }): OptionImportOut {
  const parsed = parseOptionFiles(req.files, req);
  const files = parsed.map((p) => ({
    file: p.file, format: p.format, rows: p.positions.length, underlyings: [...new Set(p.positions.map((x) => x.underlying))].sort(), skipped: p.skipped, warnings: p.warnings,
  }));
  const exists = ctx.db.prepare('SELECT 1 FROM option_positions WHERE account = ? AND as_of = ? AND underlying = ? AND type = ? AND strike = ? AND expiry = ?');
  const existing = parsed.flatMap((p) => p.positions).filter((x) => exists.get(x.account, x.asOf, x.underlying, x.type, x.strike, x.expiry)).length;
  if (req.dryRun) return { files, inserted: 0, existing, batchIds: [], dryRun: true };
  const write = ctx.db.transaction(() => {
    let inserted = 0;
    const batchIds: number[] = [];
    req.files.forEach((f, i) => {
      const p = parsed[i]!;
      const sha256 = createHash('sha256').update(Buffer.from(f.dataBase64, 'base64')).digest('hex');
      const batchId = createBatch(ctx.db, { fileName: p.file, sha256, format: p.format, kind: 'positions', details: { options: true } });
      const n = insertOptionPositions(ctx.db, p.positions, p.file, batchId);
      setBatchRows(ctx.db, batchId, n);
      inserted += n;
      batchIds.push(batchId);
    });
    return { inserted, batchIds };
  });
  const { inserted, batchIds } = write();
  ctx.emit('data-changed', { what: 'imports' });
  return { files, inserted, existing, batchIds, dryRun: false };
}

export const optionsHandlers = {
  'options-price': (req) => {
    let vol = req.vol;
    let implied: number | undefined;
    const base = { type: req.type, style: req.style, spot: req.spot, strike: req.strike, years: req.years, rate: req.rate, dividendYield: req.dividendYield };
    if (!(req.years > 0)) throw new FrontierError('user-error', `expiry-years ${req.years}: the option has expired; an expired option is not priced`);
    if (vol === undefined) {
      if (req.price === undefined) throw new FrontierError('user-error', 'give the volatility (--vol) or a mark price (--price) to imply it from');
      const iv = impliedVol(req.price, base);
      if (!iv.ok) throw new FrontierError('user-error', `price: ${iv.error.message}`, iv.error.details);
      vol = implied = iv.value;
    }
    const g = optionGreeks({ ...base, vol });
    if (!g.ok) throw new FrontierError('user-error', g.error.message);
    return implied === undefined ? g.value : { impliedVol: implied, ...g.value };
  },
  'options-import': (req, ctx) => importOptions(ctx, req),
  'options-greeks': (req, ctx) => bookGreeks(ctx, loadBook(ctx, req), req.nav),
  ...optionsAnalysisHandlers,
} satisfies Handlers<'options-price' | 'options-import' | 'options-greeks' | 'options-hedge' | 'options-grid' | 'options-replay'>;
