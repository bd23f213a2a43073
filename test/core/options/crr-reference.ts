/** An independent reference: Cox–Ross–Rubinstein tree, averaged over n and n+1 steps to cancel its odd–even oscillation. */
import type { OptionInputs } from '../../../shared/domain/options.js';

function crr(o: OptionInputs, n: number): number {
  const dt = o.years / n;
  const u = Math.exp(o.vol * Math.sqrt(dt));
  const d = 1 / u;
  const p = (Math.exp((o.rate - o.dividendYield) * dt) - d) / (u - d);
  const disc = Math.exp(-o.rate * dt);
  const call = o.type === 'call';
  const v = new Float64Array(n + 1);
  const u2 = u * u;
  let s = o.spot * d ** n;
  for (let j = 0; j <= n; j++, s *= u2) v[j] = Math.max(call ? s - o.strike : o.strike - s, 0);
  const pu = disc * p;
  const pd = disc * (1 - p);
  for (let i = n - 1; i >= 0; i--) {
    s = o.spot * d ** i;
    for (let j = 0; j <= i; j++, s *= u2) {
      const cont = pu * v[j + 1]! + pd * v[j]!;
      const ex = call ? s - o.strike : o.strike - s;
      v[j] = o.style === 'american' && ex > cont ? ex : cont;
    }
  }
  return v[0]!;
}

export function crrPrice(o: OptionInputs, n: number): number {
  return 0.5 * (crr(o, n) + crr(o, n + 1));
}
