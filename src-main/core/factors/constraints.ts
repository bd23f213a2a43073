/**
 * Factor exposure limits as linear rows over the weights: lo ≤ Σ_i B_ia w_i ≤ hi, where an active limit
 * (against the benchmark or current weights w_ref) shifts both sides by Σ_i B_ia w_ref,i. Neutral = [0, 0].
 */
import type { PreparedProblem } from '../optimize/problem.js';
import { fail, ok, type CoreResult } from '../result.js';

export interface FactorRow {
  /** "factor SMB" (names the constraint in infeasibility reports and active sets). */
  name: string;
  /** Coefficients over the n weights (the factor's loadings). */
  coef: Float64Array;
  lo: number;
  hi: number;
}

/** Reference weights of active limits, by ticker order; null for absolute limits. */
function referenceWeights(p: PreparedProblem): CoreResult<Float64Array | null> {
  const fm = p.options.factorModel;
  if (!fm || fm.activeAgainst === 'none') return ok(null);
  const c = p.options.constraints;
  const rec = fm.activeAgainst === 'benchmark' ? c.benchmarkWeights : c.currentWeights;
  if (!rec) return fail('invalid-input', `active factor limits need ${fm.activeAgainst} weights (${fm.activeAgainst === 'benchmark' ? '--benchmark-weights' : '--current-weights'})`, { field: 'factorModel.activeAgainst' });
  const w = new Float64Array(p.n);
  const index = new Map(p.tickers.map((t, i) => [t, i]));
  const unknown = Object.keys(rec).filter((t) => !index.has(t));
  if (unknown.length > 0) return fail('invalid-input', `${fm.activeAgainst} weights name tickers not in the universe: ${unknown.join(', ')}`, { tickers: unknown });
  for (const [t, v] of Object.entries(rec)) w[index.get(t)!] = v;
  return ok(w);
}

/** The factor rows of a prepared problem (empty without factor limits); unknown factors are an error. */
export function factorRows(p: PreparedProblem): CoreResult<FactorRow[]> {
  const fm = p.options.factorModel;
  if (!fm || (fm.bounds.length === 0 && fm.neutral.length === 0)) return ok([]);
  const m = p.factorModel;
  if (!m) return fail('invalid-input', 'factor limits need a fitted factor model');
  const unknown = [...fm.bounds.map((b) => b.factor), ...fm.neutral].filter((f) => !m.factors.includes(f));
  if (unknown.length > 0) return fail('invalid-input', `factor limits name factors the model ${m.model} lacks: ${[...new Set(unknown)].join(', ')} (it has ${m.factors.join(', ')})`, { factors: unknown });
  const ref = referenceWeights(p);
  if (!ref.ok) return ref;
  const k = m.factors.length;
  const limits = new Map<string, { lo: number; hi: number }>();
  for (const b of fm.bounds) {
    const cur = limits.get(b.factor) ?? { lo: -Infinity, hi: Infinity };
    limits.set(b.factor, { lo: Math.max(cur.lo, b.min ?? -Infinity), hi: Math.min(cur.hi, b.max ?? Infinity) });
  }
  for (const f of fm.neutral) limits.set(f, { lo: 0, hi: 0 });
  const rows: FactorRow[] = [];
  for (const [factor, { lo, hi }] of limits) {
    const a = m.factors.indexOf(factor);
    const coef = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) coef[i] = m.loadings[i * k + a]!;
    let shift = 0;
    if (ref.value) for (let i = 0; i < p.n; i++) shift += coef[i]! * ref.value[i]!;
    if (lo > hi) return fail('infeasible', `factor ${factor}: lower limit ${lo} is above upper limit ${hi}`, { constraints: [`factor ${factor}`] });
    rows.push({ name: `factor ${factor}`, coef, lo: lo + shift, hi: hi + shift });
  }
  return ok(rows);
}

/** True when the options carry factor exposure limits (solver shortcuts that ignore linear rows must not run). */
export function hasFactorLimits(p: PreparedProblem): boolean {
  const fm = p.options.factorModel;
  return fm !== undefined && (fm.bounds.length > 0 || fm.neutral.length > 0);
}
