/**
 * Options speed (issue 14 goals): Greeks for 10,000 positions (≤ 50 ms), implied vol for 10,000 marks
 * (≤ 100 ms), a 61×21 revaluation grid over 1,000 positions (≤ 200 ms), a 10-year daily replay of
 * 100 positions × 3 rules (≤ 2 s). European positions (BSM); American figures are printed beside them.
 * Each figure is the best of 3 timed runs after one warm-up. Prints one JSON object.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { OptionPosition } from '../shared/domain/options.js';
import { mulberry32 } from '../src-main/core/backtest/prng.js';
import { bsmPrice } from '../src-main/core/options/bsm.js';
import { defaultShifts, revaluationGrid, type GridPosition } from '../src-main/core/options/grid.js';
import { impliedVol, priceBounds } from '../src-main/core/options/implied-vol.js';
import { aggregateGreeks, valuePosition } from '../src-main/core/options/positions.js';
import { replayReport } from '../src-main/core/options/replay-report.js';
import type { ReplayPosition } from '../src-main/core/options/replay.js';

const rand = mulberry32(14);
const round = (x: number) => Math.round(x * 100) / 100;
/** Best wall and CPU ms of `runs` timed runs after a warm-up (CPU time shows the cost on a shared, loaded machine). */
function best(f: () => void, runs = 3): { ms: number; cpuMs: number } {
  f();
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms: round(ms), cpuMs: round(cpuMs) };
}

const asOf = '2025-01-02';
const expiries = ['2025-01-17', '2025-02-21', '2025-03-21', '2025-06-20', '2025-12-19', '2026-12-18'];
function book(n: number, style: 'european' | 'american'): OptionPosition[] {
  return Array.from({ length: n }, (_, i) => ({
    account: 'bench', underlying: `U${i % 50}`, type: rand() < 0.5 ? 'call' : 'put', style, strike: round(60 + 80 * rand()), expiry: expiries[i % expiries.length]!,
    quantity: Math.round(20 * rand()) - 10 || 1, multiplier: 100, price: null, impliedVol: 0.1 + 0.5 * rand(), dividendYield: 0.02 * rand(), source: null,
  }));
}
const spot = 100;
const rate = 0.03;

const positions = book(10_000, 'european');
let priced = 0;
const greeksMs = best(() => {
  const valued = positions.map((p) => valuePosition(p, spot, asOf, rate));
  priced = valued.filter((v) => v.status === 'priced').length;
  aggregateGreeks(valued);
});
const american = book(100, 'american');
const americanMs = best(() => american.forEach((p) => valuePosition(p, spot, asOf, rate)), 1);

const marks = positions.map((p) => {
  const years = (Date.parse(p.expiry) - Date.parse(asOf)) / 86_400_000 / 365;
  const o = { type: p.type, style: p.style, spot, strike: p.strike, years, rate, dividendYield: p.dividendYield };
  const price = bsmPrice({ ...o, vol: p.impliedVol! });
  // marks whose time value is below 1e-6 of spot carry no vol information: the round trip is checked on the rest
  return { o, price, vol: p.impliedVol!, informative: price - priceBounds(o).lower > 1e-6 * spot };
});
let ivOk = 0;
let ivMaxError = 0;
const ivMs = best(() => {
  ivOk = 0;
  for (const m of marks) {
    const r = impliedVol(m.price, m.o);
    if (r.ok) {
      ivOk++;
      if (m.informative) ivMaxError = Math.max(ivMaxError, Math.abs(r.value - m.vol));
    }
  }
});

const gridBook: GridPosition[] = positions.slice(0, 1000).map((p) => ({
  type: p.type, style: p.style, spot, strike: p.strike, years: (Date.parse(p.expiry) - Date.parse(asOf)) / 86_400_000 / 365, vol: p.impliedVol!, rate, dividendYield: p.dividendYield, shares: p.quantity * 100,
}));
const shifts = defaultShifts();
const gridMs = best(() => revaluationGrid(gridBook, shifts.spot, shifts.vol, 0));
const americanGridMs = best(() => revaluationGrid(gridBook.slice(0, 10).map((p) => ({ ...p, style: 'american' as const, type: 'put' as const })), shifts.spot, shifts.vol, 0), 1);

// 10 years of daily closes for 10 underlyings, 100 positions on them.
const days = 2520;
const dates: string[] = [];
for (let t = Date.parse('2015-01-01T00:00:00Z'); dates.length < days; t += 86_400_000) if (new Date(t).getUTCDay() % 6 !== 0) dates.push(new Date(t).toISOString().slice(0, 10));
const series = Object.fromEntries(
  Array.from({ length: 10 }, (_, u) => {
    const closes = new Float64Array(days);
    let s = 100;
    for (let i = 0; i < days; i++) {
      closes[i] = s;
      s *= Math.exp(0.015 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand()));
    }
    return [`U${u}`, { dates, closes }];
  }),
);
const replayPositions: ReplayPosition[] = Array.from({ length: 100 }, (_, i) => ({
  underlying: `U${i % 10}`, type: i % 2 ? 'call' : 'put', moneyness: 0.9 + 0.2 * rand(), tenorDays: [30, 91, 182][i % 3]!, vol: 0.2 + 0.2 * rand(), rate, dividendYield: 0, shares: 100 * (i % 3 ? 1 : -1),
}));
const replayInput = { positions: replayPositions, series, rules: ['daily', 'weekly', 'band:0.1'], costBps: 5, stepDays: 5, riskAversion: 1 };
let replays = 0;
const replayMs = best(() => {
  const r = replayReport({ ...replayInput, costCurve: false });
  replays = r.ok ? r.value.rules[0]!.replays : 0;
}, 1);
const replayWithCurveMs = best(() => replayReport({ ...replayInput, costCurve: true }), 1);

process.stdout.write(
  `${JSON.stringify(
    {
      greeks: { positions: positions.length, priced, ...greeksMs, goalMs: 50, american100: americanMs },
      impliedVol: { marks: marks.length, solved: ivOk, informative: marks.filter((m) => m.informative).length, maxAbsErrorInformative: ivMaxError, ...ivMs, goalMs: 100 },
      grid: { positions: 1000, spot: shifts.spot.length, vol: shifts.vol.length, ...gridMs, goalMs: 200, american10: americanGridMs },
      replay: { days, positions: 100, rules: 3, replaysPerRule: replays, ...replayMs, goalMs: 2000, withCostCurve: replayWithCurveMs },
      loadAverage: loadavg().map(round),
    },
    null,
    2,
  )}\n`,
);
