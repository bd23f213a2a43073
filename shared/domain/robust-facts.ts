/**
 * The robust estimators' and objectives' facts as an optimisation result carries them in its
 * diagnostics, read into one shape for the app and the report (diversification quiet vs turbulent,
 * worst-case return, minimax volatilities).
 */
import type { OptimizeResult } from './optimize.js';

export interface RobustFacts {
  /** Average correlation and effective number of bets, normal (or quiet) vs turbulent days. */
  diversification?: { normalLabel: string; normal: { averageCorrelation: number; effectiveBets: number }; turbulent: { averageCorrelation: number; effectiveBets: number } };
  worstCaseReturn?: number;
  crisis?: { normalVolatility: number; turbulentVolatility: number; blendWeight: number; gap: number };
  shrunkMean?: { alpha: number; beta: number; target: number };
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

function pair(x: unknown): { averageCorrelation: number; effectiveBets: number } | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const a = num((x as Record<string, unknown>).averageCorrelation);
  const b = num((x as Record<string, unknown>).effectiveBets);
  return a !== undefined && b !== undefined ? { averageCorrelation: a, effectiveBets: b } : undefined;
}

/** The robust facts of a result, or null when it has none. */
export function robustFactsOf(result: OptimizeResult): RobustFacts | null {
  const d = result.diagnostics;
  const extras: Record<string, unknown> = typeof d.extras === 'object' && d.extras !== null ? { ...d.extras } : {};
  const out: RobustFacts = {};
  const nv = num(extras.normalVolatility);
  const tv = num(extras.turbulentVolatility);
  if (nv !== undefined && tv !== undefined) {
    out.crisis = { normalVolatility: nv, turbulentVolatility: tv, blendWeight: num(extras.blendWeight) ?? 0, gap: num(extras.minimaxGap) ?? 0 };
    const nc = num(extras.normalAverageCorrelation);
    const tc = num(extras.turbulentAverageCorrelation);
    const nb = num(extras.normalEffectiveBets);
    const tb = num(extras.turbulentEffectiveBets);
    if (nc !== undefined && tc !== undefined && nb !== undefined && tb !== undefined) {
      out.diversification = { normalLabel: 'normal', normal: { averageCorrelation: nc, effectiveBets: nb }, turbulent: { averageCorrelation: tc, effectiveBets: tb } };
    }
  }
  const t = typeof d.turbulence === 'object' && d.turbulence !== null ? (d.turbulence as Record<string, unknown>) : null;
  const quiet = pair(t?.quiet);
  const turbulent = pair(t?.turbulent);
  if (quiet && turbulent) out.diversification = { normalLabel: 'quiet', normal: quiet, turbulent };
  const wc = num(extras.worstCaseReturn);
  if (wc !== undefined) out.worstCaseReturn = wc;
  const sm = typeof d.shrunkMean === 'object' && d.shrunkMean !== null ? (d.shrunkMean as Record<string, unknown>) : null;
  const alpha = num(sm?.alpha);
  const beta = num(sm?.beta);
  const target = num(sm?.target);
  if (alpha !== undefined && beta !== undefined && target !== undefined) out.shrunkMean = { alpha, beta, target };
  return Object.keys(out).length > 0 ? out : null;
}
