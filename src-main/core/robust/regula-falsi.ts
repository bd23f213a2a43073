/**
 * The Illinois variant of regula falsi for a decreasing function φ with φ(a) > 0 > φ(b), where each
 * evaluation is an optimisation (async, may fail). The robust objectives search one scalar this way:
 * the blend weight of crisis-robust and the norm radius of the ellipsoidal worst case.
 */
import type { CoreResult } from '../result.js';

export interface Bracket<E> {
  x: number;
  e: E;
  /** φ(x). */
  f: number;
}

/**
 * Visits points of [a.x, b.x] until `stop(point)` says the latest is good enough, the bracket is
 * narrower than `xTol` (relative to b.x), or `maxIter` evaluations; every visited point goes to `visit`.
 */
export async function illinois<E>(
  evaluate: (x: number) => Promise<CoreResult<Bracket<E>>>,
  lo: Bracket<E>,
  hi: Bracket<E>,
  opts: { stop: (p: Bracket<E>) => boolean; visit: (p: Bracket<E>) => void; maxIter: number; xTol: number; clamp?: [number, number] },
): Promise<CoreResult<null>> {
  let a = lo;
  let b = hi;
  let fa = a.f;
  let fb = b.f;
  let side = 0;
  for (let k = 0; k < opts.maxIter && fb < 0 && fa > 0; k++) {
    let x = a.x - (fa * (b.x - a.x)) / (fb - fa);
    if (opts.clamp) x = Math.min(opts.clamp[1], Math.max(opts.clamp[0], x));
    const r = await evaluate(x);
    if (!r.ok) return r;
    const p = r.value;
    opts.visit(p);
    if (opts.stop(p)) break;
    if (p.f > 0) {
      a = p;
      fa = p.f;
      if (side === 1) fb /= 2;
      side = 1;
    } else {
      b = p;
      fb = p.f;
      if (side === -1) fa /= 2;
      side = -1;
    }
    if (b.x - a.x <= opts.xTol * Math.abs(b.x)) break;
  }
  return { ok: true, value: null };
}
