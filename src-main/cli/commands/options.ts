/** `frontier options import|greeks|hedge|grid|replay`: option positions, their Greeks, hedges, stress grid and hedging-cost replay. */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FrontierError } from '../../../shared/api.js';
import type { ImportIssue } from '../../../shared/api/imports.js';
import { GREEKS, type HedgedGreek, type OptionsGreeksOut, type OptionsGridOut, type OptionsHedgeOut, type OptionsReplayOut } from '../../../shared/api/options.js';
import { commonOptions, defineCommand, numberOption, stringList, stringOption, type CliContext, type ParsedArgs } from '../command.js';

const SUBCOMMANDS = ['import', 'greeks', 'hedge', 'grid', 'replay'] as const;

function fileOf(ctx: CliContext, path: string) {
  return { name: basename(path), dataBase64: readFileSync(resolve(ctx.cwd, path)).toString('base64') };
}

function dateFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringOption(args, name);
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new FrontierError('user-error', `--${name}: "${v}" is not a YYYY-MM-DD date`);
  return v;
}

/** The book part of a request: --db store and/or --positions FILE.csv, --as-of, --rate, --account. */
function bookRequest(args: ParsedArgs, ctx: CliContext) {
  const positions = stringOption(args, 'positions');
  const asOf = dateFlag(args, 'as-of');
  const account = stringOption(args, 'account');
  return {
    rate: numberOption(args, 'rate') ?? 0,
    ...(asOf ? { asOf } : {}),
    ...(account ? { account } : {}),
    ...(positions ? { positionsFile: fileOf(ctx, positions), useStore: stringOption(args, 'db') !== undefined } : {}),
  };
}

const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

function greeksHuman(r: OptionsGreeksOut): string {
  const lines = [`option positions as of ${r.asOf} (rate ${r.rate}):`];
  lines.push('  underlying  type  strike     expiry       qty   price    iv %     delta      gamma       vega      theta   $delta     $gamma');
  for (const p of r.positions) {
    if (p.status !== 'priced') {
      lines.push(`  ${p.underlying.padEnd(10)}  ${p.type.padEnd(4)}  ${String(p.strike).padStart(7)}  ${p.expiry}  ${String(p.quantity).padStart(6)}  ${p.status}: ${p.error}`);
      continue;
    }
    lines.push(
      `  ${p.underlying.padEnd(10)}  ${p.type.padEnd(4)}  ${String(p.strike).padStart(7)}  ${p.expiry}  ${String(p.quantity).padStart(6)}  ${num(p.price).padStart(6)}  ${num((p.impliedVol ?? NaN) * 100).padStart(6)}  ${num(p.delta).padStart(8)}  ${num(p.gamma, 4).padStart(9)}  ${num(p.vega).padStart(9)}  ${num(p.theta).padStart(9)}  ${num(p.dollarDelta).padStart(9)}  ${num(p.dollarGamma).padStart(9)}`,
    );
  }
  lines.push('by underlying (delta, gamma in shares):');
  for (const [u, g] of Object.entries(r.byUnderlying)) lines.push(`  ${u.padEnd(10)} delta ${num(g.delta)}  gamma ${num(g.gamma, 4)}  vega ${num(g.vega)}  theta ${num(g.theta)}  $delta ${num(g.dollarDelta)}  $gamma ${num(g.dollarGamma)}`);
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
  lines.push(`portfolio: $delta ${num(r.portfolio.dollarDelta)} (${pct(r.pctOfNav.dollarDelta)} of NAV)  $gamma ${num(r.portfolio.dollarGamma)} per 1 % move  vega ${num(r.portfolio.vega)} per 1.00 vol  theta ${num(r.portfolio.theta)} per year`);
  if (r.nav !== null) lines.push(`NAV ${num(r.nav)} (${r.navSource})`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

function hedgeHuman(r: OptionsHedgeOut): string {
  const t = (g: { delta: number; gamma: number; vega: number }) => `delta ${num(g.delta)}  gamma ${num(g.gamma, 4)}  vega ${num(g.vega)}`;
  const lines = [`neutralise ${r.neutralize.join(', ')} (bands ${t(r.bands)}):`];
  if (r.trades.length === 0) lines.push('  no trade needed: already within the bands');
  for (const x of r.trades) lines.push(`  ${x.quantity > 0 ? 'buy ' : 'sell'} ${num(Math.abs(x.quantity), r.wholeContracts ? 0 : 4).padStart(12)} ${x.kind === 'shares' ? 'shares of' : 'contracts'} ${x.instrument}  @ ${num(x.price, 4)}  cost ${num(x.cost)}`);
  lines.push(`before: ${t(r.before)}`, `after:  ${t(r.after)}`, `cost:   ${num(r.cost)}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

function gridHuman(r: OptionsGridOut): string {
  const cols = r.spotShifts.map((x, i) => ({ x, i })).filter(({ x }) => Math.abs(Math.round(x * 100) % 10) === 0);
  const lines = [`P&L (money) at +${r.horizonDays} days, vol shift (rows) × spot shift (columns), ${r.positions} positions:`];
  lines.push(`  vol \\ spot ${cols.map(({ x }) => `${(x * 100).toFixed(0)} %`.padStart(11)).join('')}`);
  r.volShifts.forEach((v, vi) => {
    if (Math.abs(Math.round(v * 100)) % 5 !== 0) return;
    lines.push(`  ${`${(v * 100).toFixed(0)} pt`.padStart(10)} ${cols.map(({ i }) => num(r.pnl[vi]![i]!, 0).padStart(11)).join('')}`);
  });
  for (const e of r.excluded) lines.push(`left out: ${e.position}: ${e.reason}`);
  return lines.join('\n');
}

function replayHuman(r: OptionsReplayOut): string {
  const lines = ['rule        replays  rebalances   mean cost   std hedge error        p5        p95   Leland vol'];
  for (const x of r.rules)
    lines.push(`${x.rule.padEnd(10)} ${String(x.replays).padStart(8)} ${num(x.rebalances, 1).padStart(11)} ${num(x.meanCost).padStart(11)} ${num(x.stdHedgeError).padStart(17)} ${num(x.p5).padStart(9)} ${num(x.p95).padStart(10)} ${num(x.lelandAdjustedVol * 100).padStart(10)} %`);
  lines.push(`Leland: vol ${num(r.leland.vol * 100)} % → adjusted ${num(r.leland.adjustedVol * 100)} % (round-trip cost ${r.leland.roundTripCost}, δt ${num(r.leland.dt, 4)} y)`);
  lines.push(`Whalley–Wilmott band: ±${num(r.whalleyWilmott.halfWidth, 4)} delta per share (risk aversion ${r.whalleyWilmott.riskAversion})`);
  lines.push('cost vs hedging frequency:');
  for (const c of r.costCurve) lines.push(`  every ${String(c.intervalDays).padStart(2)} days (${num(c.hedgesPerYear, 0).padStart(3)}/year): mean cost ${num(c.meanCost)}  std hedge error ${num(c.stdHedgeError)}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

function parseNeutralize(raw: string | undefined): HedgedGreek[] {
  if (!raw) throw new FrontierError('user-error', '--neutralize delta[,gamma[,vega]] is required');
  const list = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const g of list) if (!(GREEKS as readonly string[]).includes(g)) throw new FrontierError('user-error', `--neutralize: "${g}" is not delta, gamma or vega`);
  return [...new Set(list)] as HedgedGreek[];
}

function list(args: ParsedArgs, name: string): string[] {
  return stringList(args, name).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
}

export default defineCommand({
  name: 'options',
  summary: 'option positions: import, Greeks, hedge, revaluation grid, dynamic-hedging replay',
  usage: `usage: frontier options import FILE… [--db DB] [--account A] [--as-of DATE] [--dry-run] [--json]
       frontier options greeks [--db DB] [--positions FILE.csv] [--as-of DATE] [--rate R] [--nav X] [--json]
       frontier options hedge  [--db DB] [--positions FILE.csv] [--as-of DATE] [--rate R]
                               --neutralize delta[,gamma[,vega]] --instruments U[,U_YYYY-MM-DD_C|P_STRIKE…]
                               [--hedge-options FILE.csv] [--band 0] [--whole-contracts] [--cost-bps 5] [--contract-fee 0.65] [--json]
       frontier options grid   [--db DB] [--positions FILE.csv] [--as-of DATE] [--rate R] [--horizon-days 0] [--json]
       frontier options replay [--db DB|--positions FILE.csv] --rule daily|weekly|band:0.1 (repeatable or comma-separated)
                               --cost-bps N [--step-days 5] [--risk-aversion 1] [--json]

Files: the generic options CSV (underlying,type,strike,expiry,quantity[,multiplier,style,price,iv,dividend_yield],
recognised from its header) or broker position files whose rows carry option symbols (IBKR "AAPL 17JAN25 150 C",
OCC "AAPL  250117C00150000", Fidelity/Schwab "-AAPL250117C150"). Errors name FILE:LINE; a file with any error
imports nothing; re-importing adds nothing.
Spot = the underlying's last stored close on or before --as-of (default: latest). --positions reads the generic CSV
instead of the stored positions (with --db too: both).
Units: delta and gamma in shares of the underlying (Δ·q·m); vega money per 1.00 vol; theta money per year;
dollar delta Δ·S·m·q; dollar gamma ½·Γ·(0.01·S)²·m·q (P&L of a 1 % move). Hedge trades are in shares / contracts;
--band is the half-width around 0 in each Greek's unit; cost = --cost-bps of traded notional + --contract-fee per contract.`,
  options: {
    ...commonOptions,
    account: { type: 'string' },
    'as-of': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    positions: { type: 'string' },
    rate: { type: 'string' },
    nav: { type: 'string' },
    neutralize: { type: 'string' },
    instruments: { type: 'string', multiple: true },
    'hedge-options': { type: 'string' },
    band: { type: 'string' },
    'whole-contracts': { type: 'boolean', default: false },
    'cost-bps': { type: 'string' },
    'contract-fee': { type: 'string' },
    'horizon-days': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'step-days': { type: 'string' },
    'risk-aversion': { type: 'string' },
  },
  async run(args, ctx) {
    const [sub, ...files] = args.positionals;
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new FrontierError('user-error', `give a subcommand: ${SUBCOMMANDS.join(', ')} (see frontier options --help)`);
    const json = args.values.json === true;
    const db = stringOption(args, 'db');
    if (sub !== 'import' && files.length > 0) throw new FrontierError('user-error', `unexpected argument "${files[0]}" (see frontier options --help)`);
    if (sub === 'import') {
      if (files.length === 0) throw new FrontierError('user-error', 'give the file(s) to import (see frontier options --help)');
      const asOf = dateFlag(args, 'as-of');
      const account = stringOption(args, 'account');
      try {
        const r = await ctx.call('options-import', { files: files.map((f) => fileOf(ctx, f)), dryRun: args.values['dry-run'] === true, ...(asOf ? { asOf } : {}), ...(account ? { account } : {}) }, db);
        ctx.print(json, r, () =>
          [
            ...r.files.flatMap((f) => [`${f.file}: ${f.format}, ${f.rows} option positions (${f.underlyings.join(', ')})`, ...f.skipped.slice(0, 10).map((s) => `  skipped line ${s.line}: ${s.reason}`), ...f.warnings.map((w) => `  warning: ${w}`)]),
            r.dryRun ? `dry run: nothing written (${r.existing} already stored)` : `inserted ${r.inserted} option positions (${r.existing} already stored)${r.batchIds.length ? `, batch ${r.batchIds.join(', ')}` : ''}`,
          ].join('\n'),
        );
        return 0;
      } catch (error) {
        const errors = error instanceof FrontierError ? (error.details as { errors?: ImportIssue[] } | undefined)?.errors : undefined;
        if (!errors) throw error;
        for (const e of errors.slice(0, 20)) ctx.stderr(`${e.file}:${e.line}: ${e.column ? `${e.column}: ` : ''}${e.message}`);
        if (json) ctx.stdout(JSON.stringify({ errors }, null, 2));
        return 1;
      }
    }
    const book = bookRequest(args, ctx);
    if (sub === 'greeks') {
      const nav = numberOption(args, 'nav');
      const r = await ctx.call('options-greeks', { ...book, ...(nav === undefined ? {} : { nav }) }, db);
      ctx.print(json, r, () => greeksHuman(r));
      return 0;
    }
    if (sub === 'hedge') {
      const instruments = list(args, 'instruments');
      if (instruments.length === 0) throw new FrontierError('user-error', '--instruments U[,U_YYYY-MM-DD_C|P_STRIKE…] is required');
      const hedgeOptions = stringOption(args, 'hedge-options');
      const costBps = numberOption(args, 'cost-bps');
      const fee = numberOption(args, 'contract-fee');
      const r = await ctx.call(
        'options-hedge',
        {
          ...book,
          settings: {
            neutralize: parseNeutralize(stringOption(args, 'neutralize')),
            instruments,
            band: numberOption(args, 'band') ?? 0,
            wholeContracts: args.values['whole-contracts'] === true,
            ...(hedgeOptions ? { hedgeOptionsFile: fileOf(ctx, hedgeOptions) } : {}),
            ...(costBps === undefined ? {} : { costBps }),
            ...(fee === undefined ? {} : { contractFee: fee }),
          },
        },
        db,
      );
      ctx.print(json, r, () => hedgeHuman(r));
      return 0;
    }
    if (sub === 'grid') {
      const r = await ctx.call('options-grid', { ...book, settings: { horizonDays: numberOption(args, 'horizon-days') ?? 0 } }, db);
      ctx.print(json, r, () => gridHuman(r));
      return 0;
    }
    const rules = list(args, 'rule');
    if (rules.length === 0) throw new FrontierError('user-error', '--rule daily|weekly|band:X is required');
    const costBps = numberOption(args, 'cost-bps');
    if (costBps === undefined) throw new FrontierError('user-error', '--cost-bps N is required (0 for no costs)');
    const step = numberOption(args, 'step-days');
    const ra = numberOption(args, 'risk-aversion');
    const r = await ctx.call('options-replay', { ...book, settings: { rules, costBps, ...(step === undefined ? {} : { stepDays: step }), ...(ra === undefined ? {} : { riskAversion: ra }) } }, db);
    ctx.print(json, r, () => replayHuman(r));
    return 0;
  },
});
